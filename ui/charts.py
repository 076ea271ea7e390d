"""pyqtgraph charts of the detail view: an indicator's time series and its values by zone."""
from __future__ import annotations

from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import QLabel

from ..compat import import_pyqtgraph
from ..translation import tr
from .dashboard_model import TimeSeries, ZoneValues

pg = import_pyqtgraph()  # the charts are optional: the rest of the dock works without pyqtgraph
SERIES_COLOUR = "#1F5F8B"
TARGET_COLOUR = "#D3302F"
TRAJECTORY_COLOUR = "#7A7A7A"


def _plot_widget() -> pg.PlotWidget:
    widget = pg.PlotWidget(background="w")
    widget.showGrid(x=True, y=True, alpha=0.3)
    widget.setMinimumHeight(180)
    return widget


class TrendChart:
    """Values by year, the target as a horizontal line and the trajectory required to reach it."""

    def __init__(self) -> None:
        self.widget = _plot_widget()
        self.widget.addLegend(offset=(-10, -10))  # bottom right
        self.series_item: pg.PlotDataItem | None = None
        self.target_item: pg.InfiniteLine | None = None
        self.trajectory_item: pg.PlotDataItem | None = None

    def clear(self) -> None:
        self.widget.clear()
        self.widget.setTitle("")
        self.series_item = self.target_item = self.trajectory_item = None

    def show(self, series: TimeSeries, title: str, unit: str) -> None:
        """Draw ``series``; ``title`` above, ``unit`` on the vertical axis."""
        self.clear()
        self.widget.setTitle(title)
        self.widget.setLabel("left", unit)
        self.widget.setLabel("bottom", tr("Year"))
        self.series_item = self.widget.plot(
            list(series.years), list(series.values), pen=pg.mkPen(SERIES_COLOUR, width=2), symbol="o",
            symbolBrush=SERIES_COLOUR, name=tr("Value"))
        if series.trajectory_years:
            self.trajectory_item = self.widget.plot(
                list(series.trajectory_years), list(series.trajectory_values),
                pen=pg.mkPen(TRAJECTORY_COLOUR, width=1.5, style=Qt.PenStyle.DashLine), name=tr("Required trajectory"))
        if series.target is not None:
            self.target_item = pg.InfiniteLine(
                pos=series.target, angle=0, pen=pg.mkPen(TARGET_COLOUR, width=1.5, style=Qt.PenStyle.DotLine),
                label=tr("Target {0:g} ({1})").format(series.target, series.target_year),
                labelOpts={"position": 0.95, "color": TARGET_COLOUR, "anchors": [(1, 0), (1, 1)]})
            self.widget.addItem(self.target_item)
            self.widget.plotItem.legend.addItem(
                pg.PlotDataItem(pen=pg.mkPen(TARGET_COLOUR, width=1.5, style=Qt.PenStyle.DotLine)), tr("Target"))
        self.widget.enableAutoRange()


class ZoneBarChart:
    """Values of the areas of one level in one year as bars, named along the horizontal axis."""

    def __init__(self) -> None:
        self.widget = _plot_widget()
        self.bar_item: pg.BarGraphItem | None = None

    def clear(self) -> None:
        self.widget.clear()
        self.widget.setTitle("")
        self.widget.getAxis("bottom").setTicks(None)
        self.bar_item = None

    def set_title(self, text: str) -> None:
        self.widget.setTitle(text)

    def show(self, zones: ZoneValues, title: str, unit: str) -> None:
        """Draw one bar per area that has a value."""
        self.clear()
        pairs = [(area.name, value) for area, value in zip(zones.areas, zones.values) if value is not None]
        self.widget.setTitle(title)
        self.widget.setLabel("left", unit)
        self.bar_item = pg.BarGraphItem(x=list(range(len(pairs))), height=[v for _, v in pairs], width=0.6,
                                        brush=SERIES_COLOUR)
        self.widget.addItem(self.bar_item)
        self.widget.getAxis("bottom").setTicks([[(i, name) for i, (name, _) in enumerate(pairs)]])
        self.widget.enableAutoRange()


class MissingChart:
    """Stands in for a chart when pyqtgraph is not installed, and says how to get it."""

    def __init__(self) -> None:
        self.widget = QLabel(tr("Charts need the Python package pyqtgraph. Install it (on Windows with the "
                                "OSGeo4W installer, elsewhere with your package manager or pip) and restart "
                                "QGIS; everything else works without it."))
        self.widget.setWordWrap(True)
        self.widget.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.target_item = self.bar_item = None

    def clear(self) -> None:
        """Nothing to clear."""

    def show(self, *_args) -> None:
        """Nothing to draw."""

    def set_title(self, text: str) -> None:
        """No title to set."""


def trend_chart() -> TrendChart | MissingChart:
    """The trend chart, or its stand-in without pyqtgraph."""
    return TrendChart() if pg is not None else MissingChart()


def zone_chart() -> ZoneBarChart | MissingChart:
    """The chart by zone, or its stand-in without pyqtgraph."""
    return ZoneBarChart() if pg is not None else MissingChart()
