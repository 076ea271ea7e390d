"""pyqtgraph charts of the detail view: an indicator's time series and its values by zone."""
from __future__ import annotations

from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QColor, QImage, QPainter
from qgis.PyQt.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from ..compat import import_pyqtgraph
from ..translation import tr
from .dashboard_model import TimeSeries, ZoneValues

pg = import_pyqtgraph()  # the charts are optional: the rest of the dock works without pyqtgraph
SERIES_COLOUR = "#1F5F8B"
TARGET_COLOUR = "#D3302F"
TRAJECTORY_COLOUR = "#7A7A7A"
#: Height of one bar of the ranking, in pixels (its area's name stays readable).
BAR_PIXELS = 18
#: Height of the trend chart's legend (one row under the years), in pixels.
LEGEND_PIXELS = 30
#: Room the ranking's plot needs besides its bars: the value axes above and below, the unit, in pixels.
RANKING_MARGIN = 80


def _plot_widget() -> pg.PlotWidget:
    widget = pg.PlotWidget(background="w")
    widget.showGrid(x=True, y=True, alpha=0.3)
    widget.setMinimumHeight(150)
    return widget


class _TitledChart:
    """A plot below a word-wrapped title: the title wraps at any dock width (a plot's own title is cut) and
    stays in view while a long ranking scrolls."""

    def __init__(self, body: QWidget | None = None) -> None:
        self.plot = _plot_widget()
        self.widget = QWidget()
        layout = QVBoxLayout(self.widget)
        layout.setContentsMargins(0, 2, 0, 0)
        layout.setSpacing(2)
        self.title = QLabel(self.widget)
        self.title.setWordWrap(True)
        self.title.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.title)
        layout.addWidget(body or self.plot, 1)

    def set_title(self, text: str) -> None:
        self.title.setText(text)

    def image(self) -> QImage:
        """The chart as an image for a PNG: the title above the whole plot (also any part scrolled away)."""
        plot = self.plot.grab()
        title = self.title.grab()
        image = QImage(max(plot.width(), title.width()), title.height() + plot.height(), QImage.Format.Format_RGB32)
        image.fill(QColor("white"))
        painter = QPainter(image)
        painter.drawPixmap(0, 0, title)
        painter.drawPixmap(0, title.height(), plot)
        painter.end()
        return image


class TrendChart(_TitledChart):
    """Values by year, the target as a horizontal line and the trajectory required to reach it; the legend sits
    in one row below the plot, where it cannot hide the latest values."""

    def __init__(self) -> None:
        super().__init__()
        legend = pg.LegendItem(colCount=3, frame=False, labelTextSize="8pt", labelTextColor="#333333", horSpacing=12)
        legend.setMaximumHeight(LEGEND_PIXELS)  # one row of at most three entries
        self.plot.plotItem.layout.addItem(legend, 4, 1)  # the row below the year axis
        self.plot.plotItem.legend = legend  # named items join it (pyqtgraph's addLegend, but outside the plot)
        self.series_item: pg.PlotDataItem | None = None
        self.target_item: pg.InfiniteLine | None = None
        self.trajectory_item: pg.PlotDataItem | None = None

    def clear(self) -> None:
        """Remove the series, target, trajectory, their legend entries, the title and the axis labels."""
        self.plot.clear()
        self.plot.plotItem.legend.clear()
        self.title.setText("")
        self.plot.setLabel("left", "")
        self.plot.setLabel("bottom", "")
        self.series_item = self.target_item = self.trajectory_item = None

    @property
    def is_empty(self) -> bool:
        return self.series_item is None

    def legend_labels(self) -> list[str]:
        """The legend's entries, in order."""
        return [label.text for _, label in self.plot.plotItem.legend.items]

    def show(self, series: TimeSeries, title: str, unit: str) -> None:
        """Draw ``series``; ``title`` above, ``unit`` on the vertical axis."""
        self.clear()
        self.title.setText(title)
        self.plot.setLabel("left", unit)
        self.series_item = self.plot.plot(
            list(series.years), list(series.values), pen=pg.mkPen(SERIES_COLOUR, width=2), symbol="o",
            symbolBrush=SERIES_COLOUR, name=tr("Value"))
        if series.trajectory_years:
            self.trajectory_item = self.plot.plot(
                list(series.trajectory_years), list(series.trajectory_values),
                pen=pg.mkPen(TRAJECTORY_COLOUR, width=1.5, style=Qt.PenStyle.DashLine), name=tr("Required trajectory"))
        if series.target is not None:
            pen = pg.mkPen(TARGET_COLOUR, width=1.5, style=Qt.PenStyle.DotLine)
            self.target_item = pg.InfiniteLine(pos=series.target, angle=0, pen=pen)
            self.plot.addItem(self.target_item)
            # its value in the legend, not on the line, where it would cover the latest points
            self.plot.plotItem.legend.addItem(
                pg.PlotDataItem(pen=pen), tr("Target {0:g} ({1})").format(series.target, series.target_year))
        self.plot.enableAutoRange()


class ZoneBarChart(_TitledChart):
    """A ranking of all the areas of one level in one year: horizontal bars sorted by value (highest on top), the
    area names on the left, the values above and below with the unit. The plot is as tall as its bars need and
    scrolls when the dock is shorter (150 villages stay readable)."""

    def __init__(self) -> None:
        scroll = QScrollArea()
        super().__init__(scroll)
        scroll.setWidgetResizable(True)  # as tall as the dock when the bars need less
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.plot)
        self.plot.showGrid(x=True, y=False, alpha=0.3)
        self.plot.showAxis("top")  # the scale stays readable at the top of a long ranking
        self.bar_item: pg.BarGraphItem | None = None
        self.names: list[str] = []

    def clear(self) -> None:
        self.plot.clear()
        self.title.setText("")
        self.plot.setLabel("bottom", "")
        self.plot.getAxis("left").setTicks(None)
        self.plot.setMinimumHeight(150)
        self.bar_item = None
        self.names = []

    @property
    def is_empty(self) -> bool:
        return self.bar_item is None

    def show(self, zones: ZoneValues, title: str, unit: str) -> None:
        """Draw one bar per area that has a value, the highest on top."""
        self.clear()
        pairs = ranking(zones)
        self.title.setText(title)
        self.plot.setLabel("bottom", unit)
        self.plot.setMinimumHeight(max(150, RANKING_MARGIN + BAR_PIXELS * len(pairs)))
        positions = list(range(len(pairs) - 1, -1, -1))  # the first (highest) at the top
        self.bar_item = pg.BarGraphItem(x0=0, y=positions, height=0.7, width=[v for _, v in pairs],
                                        brush=SERIES_COLOUR)
        self.plot.addItem(self.bar_item)
        self.names = [name for name, _ in pairs]
        self.plot.getAxis("left").setTicks([[(p, name) for p, name in zip(positions, self.names)]])
        self.plot.enableAutoRange()


def ranking(zones: ZoneValues) -> list[tuple[str, float]]:
    """(area name, value) of the areas with a value, highest first (ties by name)."""
    pairs = [(area.name, value) for area, value in zip(zones.areas, zones.values) if value is not None]
    return sorted(pairs, key=lambda pair: (-pair[1], pair[0]))


class MissingChart:
    """Stands in for a chart when pyqtgraph is not installed, and says how to get it."""

    def __init__(self) -> None:
        self.widget = QLabel(tr("Charts need the Python package pyqtgraph. Install it (on Windows with the "
                                "OSGeo4W installer, elsewhere with your package manager or pip) and restart "
                                "QGIS; everything else works without it."))
        self.widget.setWordWrap(True)
        self.widget.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.target_item = self.bar_item = None
        self.is_empty = True

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
