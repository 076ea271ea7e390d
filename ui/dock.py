"""The SDG Monitor dock: goals, indicators, trends, maps and the Run tab, as a view over the results store.

All figures come from :class:`~.dashboard_model.Dashboard`; this module only arranges widgets and reacts to the
user. The chosen store is saved in the QGIS project and reopened with it.
"""
from __future__ import annotations

import os
from pathlib import Path

from qgis.core import QgsMapLayerProxyModel, QgsProject
from qgis.gui import QgsDockWidget, QgsFieldComboBox, QgsFilterLineEdit, QgsMapLayerComboBox
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..core.catalog import load_catalog
from ..core.profile import load_profile
from ..core.store import StoreError
from ..core.vocabulary import STATUSES
from ..processing.store_access import is_shared
from ..translation import tr, ui_language
from .charts import trend_chart, zone_chart
from .dashboard_model import Dashboard, IndicatorRow, rows_frame
from .elided_label import ElidedLabel
from .goal_tiles import GoalGrid, groups_html, headline_text, legend_html
from .indicator_table import IndicatorTable
from .labels import level_label, status_label
from .map_view import MapResult, project_layer, show_on_map
from .project_store import save_store_path, saved_store_path
from .run_panel import RunPanel
from .shared_store import SharedStoreDialog, SharedStorePanel, open_any_store


class SdgDock(QgsDockWidget):
    """Dashboard dock; until a results store is open it tells the user how to start."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(tr("SDG Monitor"), parent)
        self.catalog = load_catalog()
        self.lang = ui_language()
        self.store_path = ""
        self.dashboard: Dashboard | None = None
        self.rows: list[IndicatorRow] = []
        self.last_map: MapResult | None = None
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.addLayout(self._store_rows(body))
        self.shared_panel = SharedStorePanel(body)
        layout.addWidget(self.shared_panel)
        self.message = QLabel(body)
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.setStyleSheet("QLabel { background: #FFF4CE; padding: 6px; }")
        layout.addWidget(self.message)
        self.content = QWidget(body)
        content = QVBoxLayout(self.content)
        content.setContentsMargins(0, 0, 0, 0)
        content.addLayout(self._area_row(self.content))
        self.headline = QLabel(self.content)
        self.headline.setWordWrap(True)
        content.addWidget(self.headline)
        self.tabs = QTabWidget(body)
        self.goal_grid = GoalGrid()
        goals = QWidget()
        goals_layout = QVBoxLayout(goals)
        goals_layout.setContentsMargins(0, 0, 0, 0)
        self.groups = QLabel(goals)  # the goal groups above the goals (not above every tab: room for the charts)
        self.groups.setTextFormat(Qt.TextFormat.RichText)
        self.groups.setWordWrap(True)
        goals_layout.addWidget(self.groups)
        goals_layout.addWidget(self.goal_grid)
        self.legend = QLabel(legend_html(), goals)
        self.legend.setWordWrap(True)
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        goals_layout.addWidget(self.legend)
        goals_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(goals)
        self.tabs.addTab(scroll, tr("Goals"))
        self.tabs.addTab(self._indicators_tab(), tr("Indicators"))
        self.run_panel = RunPanel()
        self.tabs.addTab(self.run_panel, tr("Run"))
        layout.addWidget(self.content)
        layout.addWidget(self.tabs, 1)
        self.setWidget(body)
        self.goal_grid.goalChanged.connect(self._goal_changed)
        self.run_panel.runFinished.connect(self._run_finished)
        project = QgsProject.instance()
        project.readProject.connect(self._project_read)
        project.cleared.connect(self._project_read)
        self._project_read()

    # --- layout ---
    def _store_rows(self, parent: QWidget) -> QVBoxLayout:
        """The store's name on a line of its own (the dock's whole width; cut in the middle, whole in the
        tooltip), its buttons below."""
        rows = QVBoxLayout()
        self.store_label = ElidedLabel(parent)
        open_button = QPushButton(tr("Open…"), parent)
        open_button.setToolTip(tr("Open an existing results store (GeoPackage)"))
        new_button = QPushButton(tr("New…"), parent)
        new_button.setToolTip(tr("Create a new, empty results store (GeoPackage)"))
        shared_button = QPushButton(tr("Shared…"), parent)
        shared_button.setToolTip(tr("Open a results store shared in a PostgreSQL database"))
        open_button.clicked.connect(self._choose_store)
        new_button.clicked.connect(self._choose_new_store)
        shared_button.clicked.connect(self._choose_shared_store)
        buttons = QHBoxLayout()
        for button in (open_button, new_button, shared_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        rows.addWidget(self.store_label)
        rows.addLayout(buttons)
        return rows

    def _area_row(self, parent: QWidget) -> QHBoxLayout:
        row = QHBoxLayout()
        self.level_combo = QComboBox(parent)
        self.level_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.area_combo = QComboBox(parent)
        self.level_combo.currentIndexChanged.connect(self._level_changed)
        self.area_combo.currentIndexChanged.connect(self._refresh_area)
        row.addWidget(QLabel(tr("Area"), parent))
        row.addWidget(self.level_combo)
        row.addWidget(self.area_combo, 1)
        return row

    def _indicators_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        filters = QHBoxLayout()
        self.goal_filter = QPushButton(tab)
        self.goal_filter.setToolTip(tr("Click to show the indicators of all goals"))
        self.goal_filter.clicked.connect(lambda: self.goal_grid.toggle(self.goal_grid.goal))
        self.status_combo = QComboBox(tab)
        self.status_combo.addItem(tr("All statuses"), "")
        for status in STATUSES:
            self.status_combo.addItem(status_label(status), status)
        self.search = QgsFilterLineEdit(tab)
        self.search.setPlaceholderText(tr("Search code or name"))
        self.status_combo.currentIndexChanged.connect(self._refresh_table)
        self.search.textChanged.connect(self._refresh_table)
        filters.addWidget(self.goal_filter)
        filters.addWidget(self.status_combo)
        filters.addWidget(self.search, 1)
        layout.addLayout(filters)
        splitter = QSplitter(Qt.Orientation.Vertical, tab)
        self.table = IndicatorTable(splitter)
        self.table.setMinimumHeight(110)  # a few rows stay visible beside the charts
        self.table.indicatorSelected.connect(self._show_detail)
        self.table.selectionCleared.connect(self._clear_detail)
        splitter.addWidget(self.table)
        splitter.addWidget(self._detail(splitter))
        splitter.setStretchFactor(1, 2)  # the charts get the room the table does not need
        layout.addWidget(splitter, 1)
        exports = QHBoxLayout()
        csv_button = QPushButton(tr("Export table (CSV)…"), tab)
        png_button = QPushButton(tr("Save chart (PNG)…"), tab)
        csv_button.clicked.connect(self._choose_csv)
        png_button.clicked.connect(self._choose_png)
        exports.addWidget(csv_button)
        exports.addWidget(png_button)
        exports.addStretch(1)
        layout.addLayout(exports)
        self._update_goal_filter()
        return tab

    def _detail(self, parent: QWidget) -> QWidget:
        detail = QWidget(parent)
        layout = QVBoxLayout(detail)
        layout.setContentsMargins(0, 0, 0, 0)
        self.detail_tabs = QTabWidget(detail)
        self.trend_chart = trend_chart()
        self.zone_chart = zone_chart()
        self.detail_tabs.addTab(self.trend_chart.widget, tr("Trend"))
        self.detail_tabs.addTab(self.zone_chart.widget, tr("By zone"))
        layout.addWidget(self.detail_tabs, 1)
        row = QHBoxLayout()
        self.zones_combo = QgsMapLayerComboBox(detail)
        self.zones_combo.setFilters(QgsMapLayerProxyModel.Filter.PolygonLayer)
        self.zones_combo.setToolTip(tr("Zones layer (townships, villages) to show the values on"))
        self.zone_field = QgsFieldComboBox(detail)
        self.zone_field.setToolTip(tr("Field of the zones layer holding the area ids of the results store"))
        self.zones_combo.layerChanged.connect(self.zone_field.setLayer)
        self.zone_field.setLayer(self.zones_combo.currentLayer())
        self.map_button = QPushButton(tr("Show on map"), detail)
        self.map_button.clicked.connect(self.show_on_map)
        for combo, letters in ((self.zones_combo, 10), (self.zone_field, 4)):  # the layer's name shows first
            combo.setMinimumContentsLength(letters)
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        row.addWidget(self.zones_combo, 3)
        row.addWidget(self.zone_field, 2)
        row.addWidget(self.map_button)
        layout.addLayout(row)
        self.map_status = QLabel(detail)
        self.map_status.setWordWrap(True)
        layout.addWidget(self.map_status)
        return detail

    # --- the store ---
    def _choose_store(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, tr("Open a results store"), self._start_folder(),
                                              tr("GeoPackage files (*.gpkg)"))
        if path:
            self.open_store(path)

    def _choose_new_store(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, tr("Create a results store"), self._start_folder(),
                                              tr("GeoPackage files (*.gpkg)"))
        if path:
            if not path.lower().endswith(".gpkg"):
                path += ".gpkg"
            self.open_store(path, create=True)

    def _choose_shared_store(self) -> None:
        dialog = SharedStoreDialog(self)
        if dialog.exec() and dialog.chosen():
            self.open_store(dialog.chosen())

    def _start_folder(self) -> str:
        return os.path.dirname(self.store_path) or QgsProject.instance().homePath()

    def open_store(self, path: str, create: bool = False, remember: bool = True) -> bool:
        """Open (or with ``create`` make) the store at ``path``, save the choice in the project, show it."""
        shared = is_shared(path)
        self.store_path = path if shared else os.path.abspath(path)
        if remember:
            save_store_path(self.store_path)
        self.store_label.setText(tr("Results store: {}").format(path if shared else Path(self.store_path).name))
        self.store_label.setToolTip(self.store_path)
        self.run_panel.set_store("")
        self.shared_panel.show_store(None)
        if not create and not shared and not os.path.exists(self.store_path):
            return self._fail(tr(
                "The results store {} was not found: it may have been moved or deleted. Click Open… to choose "
                "it again, or New… to create a new one.").format(self.store_path))
        try:
            self.shared_panel.show_store(open_any_store(self.store_path))
        except StoreError as error:
            return self._fail(tr("The results store cannot be opened: {}").format(error))
        self.run_panel.set_store("" if self.shared_panel.read_only else self.store_path)
        return self.reload()

    def reload(self) -> bool:
        """Read the open store again and refresh every view; False (with a message) when it cannot be read."""
        try:
            store = open_any_store(self.store_path)
            self.dashboard = Dashboard.from_store(store, self.catalog, self.lang, load_profile())
            self.shared_panel.show_store(store)
        except (StoreError, ValueError) as error:
            return self._fail(tr("The results store cannot be read: {}").format(error))
        except Exception as error:  # a store edited by hand may hold anything: a message, not a traceback
            return self._fail(tr("The results store holds rows the dashboard cannot show ({}: {}): correct them "
                                 "in its sdg_results table, or run the indicators again.").format(
                type(error).__name__, error))
        if self.dashboard.is_empty:
            self._show_message(tr(
                "The results store has no results yet. Run an indicator set on the Run tab, or run an indicator "
                "from the Processing toolbox (SDG Monitor group) with this file as its results store, then "
                "come back here."))
            self.content.setEnabled(False)
        elif not self.dashboard.has_targets:
            self._show_message(tr(
                "The results store has no targets yet, so progress is judged by the trend alone (Open SDG "
                "method without a target). Add targets to its sdg_targets table to assess progress against "
                "them."))
            self.content.setEnabled(True)
        else:
            self._show_message("")
            self.content.setEnabled(True)
        self._fill_levels()
        return True

    def _fail(self, message: str) -> bool:
        self.dashboard = None
        self._show_message(message)
        self.content.setEnabled(False)
        self._fill_levels()
        return False

    def _show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def _project_read(self, *_args) -> None:
        """Open the store saved in the project, or show how to start when it has none."""
        path = saved_store_path()
        if path:
            self.open_store(path, remember=False)
            return
        self.store_path = ""
        self.store_label.setText(tr("No results store"))
        self.store_label.setToolTip("")
        self.run_panel.set_store("")
        self._fail(tr(
            "No results store is open. Click Open… to choose a results GeoPackage (.gpkg), or New… to create "
            "one; then run an indicator set on the Run tab or indicators from the Processing toolbox."))

    # --- areas, goals and the table ---
    def _fill_levels(self) -> None:
        current = self.level_combo.currentData()
        self.level_combo.blockSignals(True)
        self.level_combo.clear()
        for level in self.dashboard.levels() if self.dashboard else []:
            self.level_combo.addItem(level_label(level), level)
        index = self.level_combo.findData(current)
        self.level_combo.setCurrentIndex(max(index, 0))
        self.level_combo.blockSignals(False)
        self._level_changed()

    def _level_changed(self, *_args) -> None:
        current = self.area_combo.currentData()
        level = self.level_combo.currentData()
        self.area_combo.blockSignals(True)
        self.area_combo.clear()
        for area in self.dashboard.areas(level) if self.dashboard and level else []:
            self.area_combo.addItem(area.name, area.area_id)
        index = self.area_combo.findData(current)
        self.area_combo.setCurrentIndex(max(index, 0))
        self.area_combo.blockSignals(False)
        self._refresh_area()

    @property
    def area_id(self) -> str:
        return self.area_combo.currentData() or ""

    @property
    def level(self) -> str:
        return self.level_combo.currentData() or ""

    def _refresh_area(self, *_args) -> None:
        if self.dashboard is None or not self.area_id:
            self.goal_grid.set_tiles([])
            self.headline.setText("")
            self.groups.setText("")
        else:
            self.goal_grid.set_tiles(self.dashboard.goal_tiles(self.area_id))
            self.headline.setText(headline_text(self.dashboard.headline(self.area_id)))
            self.groups.setText(groups_html(self.dashboard.group_summaries(self.area_id)))
        self._refresh_table()

    def _goal_changed(self, goal: int) -> None:
        self._update_goal_filter()
        self._refresh_table()
        if goal:
            self.tabs.setCurrentIndex(1)

    def _update_goal_filter(self) -> None:
        goal = self.goal_grid.goal
        self.goal_filter.setVisible(bool(goal))
        if goal:
            tile = self.goal_grid.tiles[goal].tile
            self.goal_filter.setText(tr("Goal {0}: {1} ✕").format(goal, tile.short_name))

    def _refresh_table(self, *_args) -> None:
        key = self.table.current_key()
        if self.dashboard is None or not self.area_id:
            self.rows = []
        else:
            self.rows = self.dashboard.indicator_rows(
                self.area_id, goal=self.goal_grid.goal or None, status=self.status_combo.currentData() or None,
                search=self.search.text())
        self.table.set_rows(self.rows)
        if key is None or not self.table.select_key(key):
            self._clear_detail()

    # --- detail ---
    def _clear_detail(self) -> None:
        self.trend_chart.clear()
        self.zone_chart.clear()
        self.map_status.setText("")

    def _row(self, key: tuple[str, str]) -> IndicatorRow:
        return next(row for row in self.rows if (row.indicator, row.series) == key)

    def _show_detail(self, indicator: str, series: str) -> None:
        if self.dashboard is None:
            return
        row = self._row((indicator, series))
        code = f"{indicator} ({series})" if series else indicator
        self.trend_chart.show(self.dashboard.time_series(indicator, series, self.area_id),
                              f"{code} · {self.area_combo.currentText()}", row.unit)
        self.detail_tabs.setToolTip(f"{indicator} {row.label}")
        zones = self._zone_values(indicator, series)
        if zones is None:
            self.zone_chart.clear()
            self.zone_chart.set_title(tr("No values by zone for this indicator"))
        else:
            self.zone_chart.show(zones, tr("{0} by {1}, {2}").format(
                indicator, level_label(zones.level).lower(), zones.year), row.unit)
            self._choose_recorded_zones(indicator, series, zones.level)
        self.map_status.setText("")

    def _choose_recorded_zones(self, indicator: str, series: str, level: str) -> None:
        """Preselect the zones layer (and id field) the store records for these values, when it is in the
        project."""
        used = self.dashboard.zones_used(indicator, series, level) if self.dashboard else None
        layer = project_layer(used[0]) if used else None
        if layer is not None:
            self.zones_combo.setLayer(layer)
            self.zone_field.setLayer(layer)
            if used[1] and layer.fields().indexOf(used[1]) >= 0:
                self.zone_field.setField(used[1])

    def _zone_values(self, indicator: str, series: str):
        level = self.dashboard.zone_level(self.level, indicator, series) if self.dashboard else None
        return self.dashboard.zone_values(indicator, series, level) if level else None

    def show_on_map(self) -> MapResult | None:
        """Join the selected indicator's latest zone values to the chosen zones layer and add it styled."""
        key = self.table.current_key()
        layer = self.zones_combo.currentLayer()
        field = self.zone_field.currentField()
        zones = self._zone_values(*key) if key else None
        if key is None:
            message = tr("Select an indicator in the table first.")
        elif layer is None:
            message = tr("No zones layer: add the zones (townships, villages) to the project as a polygon layer, "
                         "then choose it here.")
        elif not field:
            message = tr("Choose the field of the zones layer that holds the area ids of the results store.")
        elif zones is None:
            message = tr("This indicator has no values by zone: compute it with a zones layer to map it.")
        else:
            name = f"{key[0]} {self._row(key).label} {zones.year} ({level_label(zones.level)})"
            row = self._row(key)
            self.last_map = show_on_map(layer, field, zones.by_id(), name, unit=row.unit, direction=row.direction)
            if self.last_map.matched:
                message = tr("Added layer “{0}”: {1} zones with a value, {2} without.").format(
                    name, self.last_map.matched, self.last_map.unmatched)
            else:
                message = tr("No zone of {0} matched an area id of the results store by field {1}: choose the "
                             "field holding the zone ids used when the indicator was computed.").format(
                    layer.name(), field)
            self.map_status.setText(message)
            return self.last_map
        self.map_status.setText(message)
        return None

    # --- exports ---
    def _choose_csv(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, tr("Export the indicator table"), self._start_folder(),
                                              tr("CSV files (*.csv)"))
        if path:
            self.export_csv(path)

    def export_csv(self, path: str) -> None:
        """The rows shown in the table, in its order, as UTF-8 CSV with a byte-order mark (for Excel)."""
        rows = {(row.indicator, row.series): row for row in self.rows}
        rows_frame([rows[key] for key in self.table.keys()]).to_csv(path, index=False, encoding="utf-8-sig")

    def _choose_png(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, tr("Save the chart"), self._start_folder(),
                                              tr("PNG images (*.png)"))
        if path:
            self.export_chart_png(path)

    def export_chart_png(self, path: str) -> bool:
        """Save the chart on screen (trend or by zone) as a PNG image; False when it shows nothing."""
        chart = self.trend_chart if self.detail_tabs.currentIndex() == 0 else self.zone_chart
        if chart.is_empty:
            self.map_status.setText(tr("There is no chart to save: select an indicator in the table first."))
            return False
        return chart.image().save(path, "PNG")

    # --- run ---
    def _run_finished(self, _outcomes: list) -> None:
        if self.store_path:
            self.reload()
