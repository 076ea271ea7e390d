"""pyqtgraph charts of the detail view: an indicator's time series and its values by zone."""
from __future__ import annotations

from qgis.PyQt.QtCore import QEvent, QObject, Qt
from qgis.PyQt.QtWidgets import QLabel

try:
    import pyqtgraph as pg
except ImportError:  # the charts are optional: the rest of the dock works without pyqtgraph
    pg = None

from ..translation import tr
from .dashboard_model import TimeSeries, ZoneValues

SERIES_COLOUR = "#1F5F8B"
TARGET_COLOUR = "#D3302F"
TRAJECTORY_COLOUR = "#7A7A7A"
#: Areas shown at each end of a long ranking (at most 16 bars: their names stay readable in the dock).
RANKED = 8
#: Height a bar needs for its name to be readable, in pixels.
BAR_PIXELS = 13


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
        """Remove the series, target, trajectory, their legend entries, the title and the axis labels."""
        self.widget.clear()
        self.widget.plotItem.legend.clear()
        self.widget.setTitle("")
        self.widget.setLabel("left", "")
        self.widget.setLabel("bottom", "")
        self.series_item = self.target_item = self.trajectory_item = None

    @property
    def is_empty(self) -> bool:
        return self.series_item is None

    def legend_labels(self) -> list[str]:
        """The legend's entries, in order."""
        return [label.text for _, label in self.widget.plotItem.legend.items]

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
                pen=pg.mkPen(TRAJECTORY_COLOUR, width=1.5, style=Qt.DashLine), name=tr("Required trajectory"))
        if series.target is not None:
            self.target_item = pg.InfiniteLine(
                pos=series.target, angle=0, pen=pg.mkPen(TARGET_COLOUR, width=1.5, style=Qt.DotLine),
                label=tr("Target {0:g} ({1})").format(series.target, series.target_year),
                labelOpts={"position": 0.95, "color": TARGET_COLOUR, "anchors": [(1, 0), (1, 1)]})
            self.widget.addItem(self.target_item)
            self.widget.plotItem.legend.addItem(
                pg.PlotDataItem(pen=pg.mkPen(TARGET_COLOUR, width=1.5, style=Qt.DotLine)), tr("Target"))
        self.widget.enableAutoRange()


class ZoneBarChart:
    """A ranking of the areas of one level in one year: horizontal bars sorted by value (highest on top), the
    area names on the left, the unit along the bottom. Levels with many areas show the highest and lowest
    :data:`RANKED` each."""

    def __init__(self) -> None:
        self.widget = _plot_widget()
        self.widget.showGrid(x=True, y=False, alpha=0.3)
        self.bar_item: pg.BarGraphItem | None = None
        self.names: list[str] = []
        self._shown: tuple[ZoneValues, str, str] | None = None
        self._resized = _ResizeWatcher(self._redraw)
        self.widget.installEventFilter(self._resized)

    def clear(self) -> None:
        self.widget.clear()
        self.widget.setTitle("")
        self.widget.setLabel("bottom", "")
        self.widget.getAxis("left").setTicks(None)
        self.bar_item = None
        self.names = []
        self._shown = None

    @property
    def is_empty(self) -> bool:
        return self.bar_item is None

    def _redraw(self) -> None:
        """Draw again at the new height when a different number of bars fits."""
        if self._shown is not None and len(self.names) != len(self._pairs(self._shown[0])[0]):
            self.show(*self._shown)

    def _pairs(self, zones: ZoneValues) -> tuple[list[tuple[str, float]], int]:
        """The bars that fit the chart's height (the highest and lowest ``ends`` when not all do)."""
        pairs = ranking(zones)
        ends = min(RANKED, max(2, (self.widget.height() - 80) // (2 * BAR_PIXELS)))  # names must not overlap
        return (pairs[:ends] + pairs[-ends:], ends) if len(pairs) > 2 * ends else (pairs, 0)

    def set_title(self, text: str) -> None:
        self.widget.setTitle(text)

    def show(self, zones: ZoneValues, title: str, unit: str) -> None:
        """Draw one bar per area that has a value, the highest on top."""
        self.clear()
        self._shown = (zones, title, unit)
        pairs, ends = self._pairs(zones)
        if ends:
            title = tr("{0} (highest and lowest {1} of {2})").format(
                title, ends, sum(value is not None for value in zones.values))
        self.widget.setTitle(title)
        self.widget.setLabel("bottom", unit)
        positions = list(range(len(pairs) - 1, -1, -1))  # the first (highest) at the top
        self.bar_item = pg.BarGraphItem(x0=0, y=positions, height=0.7, width=[v for _, v in pairs],
                                        brush=SERIES_COLOUR)
        self.widget.addItem(self.bar_item)
        self.names = [name for name, _ in pairs]
        self.widget.getAxis("left").setTicks([[(p, name) for p, name in zip(positions, self.names)]])
        self.widget.enableAutoRange()


class _ResizeWatcher(QObject):
    """Calls ``callback`` after its watched widget is resized."""

    def __init__(self, callback) -> None:
        super().__init__()
        self.callback = callback

    def eventFilter(self, watched, event) -> bool:  # Qt API
        if event.type() == QEvent.Resize:
            self.callback()
        return False


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
        self.widget.setAlignment(Qt.AlignCenter)
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
