"""The dock on a hand-made store (pytest-qgis, offscreen): rows match the store, goal tiles filter, search and
the area chooser change rows, charts have their items, show-on-map styles a joined copy of the zones, the store
is saved in the project, and the empty, missing and no-target states say what to do."""
from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from dashboard_data import build_store
from qgis.core import (
    NULL,
    QgsFeature,
    QgsGeometry,
    QgsGraduatedSymbolRenderer,
    QgsProject,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QCoreApplication, QEvent
from qgis.PyQt.QtGui import QImage
from qgis.PyQt.QtWidgets import QScrollArea
from sdg_monitor.compat import new_field
from sdg_monitor.core.store import ResultsStore
from sdg_monitor.ui.dock import SdgDock

SCREENSHOTS = Path(__file__).resolve().parents[2] / ".build" / "screenshots"


@pytest.fixture()
def dock(qgis_app, qgis_parent, qgis_new_project):
    widget = SdgDock(qgis_parent)
    widget.resize(560, 980)
    yield widget
    widget.deleteLater()  # as the plugin's unload does
    QCoreApplication.sendPostedEvents(None, QEvent.DeferredDelete)
    QgsProject.instance().clear()


@pytest.fixture()
def opened(dock, sample_store):
    assert dock.open_store(str(sample_store))
    return dock


def shown_codes(dock):
    return [key[0] for key in dock.table.keys()]


def cell(dock, row, column):
    return dock.table.source.item(row, column).text()


def choose(combo, data):
    index = combo.findData(data)
    assert index >= 0, data
    combo.setCurrentIndex(index)


def test_no_store_says_how_to_start(dock):
    assert "No results store is open" in dock.message.text()
    assert not dock.message.isHidden() and not dock.content.isEnabled()
    assert dock.table.keys() == []


def test_table_rows_match_the_store(opened, sample_store):
    results = ResultsStore(sample_store).read_results(area_id="deqing")
    headline = results[results["disaggregation"] == ""].sort_values("year").groupby("indicator").last()
    assert sorted(shown_codes(opened)) == sorted(headline.index)
    for row, code in enumerate(shown_codes(opened)):
        assert float(cell(opened, row, 2)) == headline.loc[code, "value"]
        assert cell(opened, row, 3) == headline.loc[code, "unit"]
        assert cell(opened, row, 4) == str(headline.loc[code, "year"])
    assert opened.message.isHidden()  # targets present, results present: nothing to tell
    assert opened.level_combo.currentData() == "total" and opened.area_combo.currentText() == "Deqing County"


def test_sorting_by_value(opened):
    opened.table.sortByColumn(2, 0)  # ascending latest value
    assert shown_codes(opened) == ["6.6.1", "5.5.1", "15.1.1", "11.6.2"]
    opened.table.sortByColumn(0, 0)
    assert shown_codes(opened) == ["5.5.1", "6.6.1", "11.6.2", "15.1.1"]


def test_goal_tile_click_filters_and_clicking_again_clears(opened, qgis_bot):
    from qgis.PyQt.QtCore import Qt
    from qgis.PyQt.QtTest import QTest

    tile = opened.goal_grid.tiles[15]
    assert "1" in tile.label.text() and "Life on land" in tile.label.text()
    QTest.mouseClick(tile, Qt.LeftButton)
    assert shown_codes(opened) == ["15.1.1"]
    assert opened.tabs.currentIndex() == 1 and "Goal 15" in opened.goal_filter.text()
    QTest.mouseClick(tile, Qt.LeftButton)
    assert len(shown_codes(opened)) == 4


def test_search_and_status_filter(opened):
    opened.search.setText("forest")
    assert shown_codes(opened) == ["15.1.1"]
    opened.search.setText("")
    choose(opened.status_combo, "target_achieved")
    # 6.6.1 has no target in the store: the profile's (no loss of water extent, 0 %) applies, and 3 meets it.
    assert shown_codes(opened) == ["5.5.1", "6.6.1"]
    assert cell(opened, 0, 6) == "Target achieved"


def test_area_chooser_changes_rows(opened):
    choose(opened.level_combo, "township")
    assert [opened.area_combo.itemText(i) for i in range(opened.area_combo.count())] == ["Wukang", "Xinshi"]
    assert shown_codes(opened) == ["11.6.2", "15.1.1"]
    assert [cell(opened, r, 2) for r in range(2)] == ["85", "35"]  # Wukang, 2022
    choose(opened.area_combo, "T2")
    assert [cell(opened, r, 2) for r in range(2)] == ["75", "66"]
    choose(opened.level_combo, "village")
    assert opened.area_combo.currentData() == "V1" and shown_codes(opened) == ["15.1.1"]


def test_detail_charts(opened):
    assert opened.table.select_key(("11.6.2", ""))
    chart = opened.trend_chart
    x, y = chart.series_item.getData()
    assert list(x) == [2015, 2018, 2022] and list(y) == [100, 90, 80]
    assert chart.target_item.value() == 70 and chart.target_item in chart.plot.plotItem.items
    tx, ty = chart.trajectory_item.getData()
    assert (tx[0], ty[0], tx[-1]) == (2015, 100, 2030) and ty[-1] == pytest.approx(70)
    bars = opened.zone_chart.bar_item.opts
    # The whole area shows its townships as a ranking: horizontal bars, highest on top, names on the left.
    assert list(bars["width"]) == [85, 75] and list(bars["y"]) == [1, 0]
    ticks = opened.zone_chart.plot.getAxis("left")._tickLevels[0]
    assert ticks == [(1, "Wukang"), (0, "Xinshi")]
    assert opened.zone_chart.plot.getAxis("bottom").labelText == "µg/m³"
    assert opened.table.select_key(("6.6.1", ""))  # one year, no zones; the profile's target 0
    assert opened.trend_chart.target_item.value() == 0 and opened.zone_chart.bar_item is None


def test_ranking_shows_every_zone_and_scrolls_in_a_short_dock(qgis_app):
    """150 villages: every one has its bar and readable name (the plot grows, the chart scrolls); the PNG holds
    the title and the whole ranking."""
    from sdg_monitor.ui.charts import BAR_PIXELS, ZoneBarChart
    from sdg_monitor.ui.dashboard_model import Area, ZoneValues

    areas = tuple(Area(f"V{i:03d}", f"Village {i:03d}", "village") for i in range(150))
    values = tuple(None if i == 7 else float(i % 37) for i in range(150))
    chart = ZoneBarChart()
    chart.widget.resize(400, 300)
    chart.widget.show()
    chart.show(ZoneValues("village", 2020, areas, values), "15.1.1 by village, 2020", "percent")
    qgis_app.processEvents()
    assert len(chart.names) == 149 and chart.names[0] == "Village 036"
    assert chart.names[-1] == "Village 148"  # ties by name
    assert chart.plot.height() >= 149 * BAR_PIXELS  # >= 18 px a name: none overlaps
    scroll = chart.widget.findChild(QScrollArea)
    assert scroll.verticalScrollBar().maximum() > 0
    image = chart.image()
    assert image.height() >= chart.plot.height() + chart.title.height() and chart.title.text().startswith("15.1.1")
    chart.widget.deleteLater()


def test_trend_legend_sits_below_the_plot_area(opened, qgis_app):
    """The legend cannot hide the latest values: it is laid out under the year axis, outside the plot area."""
    opened.window().show()
    opened.show()
    opened.tabs.setCurrentIndex(1)
    opened.resize(375, 670)  # the dock in QGIS's default window (1280 x 800)
    assert opened.table.select_key(("11.6.2", ""))
    qgis_app.processEvents()
    plot = opened.trend_chart.plot.plotItem
    legend = plot.legend.sceneBoundingRect()
    assert legend.height() > 0 and legend.top() >= plot.getAxis("bottom").sceneBoundingRect().bottom() - 1
    assert not legend.intersects(plot.vb.sceneBoundingRect())
    assert legend.bottom() <= opened.trend_chart.plot.height()  # not cut off
    assert plot.vb.sceneBoundingRect().height() >= 60  # the groups moved to the Goals tab: room for the chart
    assert "with a target" in opened.headline.text()
    assert opened.tabs.widget(0).isAncestorOf(opened.groups) and not opened.headline.isHidden()


def test_one_target_legend_entry_after_any_number_of_selections_and_nothing_after_clearing(opened, tmp_path):
    for key in [("11.6.2", ""), ("15.1.1", ""), ("11.6.2", ""), ("5.5.1", ""), ("11.6.2", "")]:
        assert opened.table.select_key(key)
    labels = opened.trend_chart.legend_labels()
    assert labels == ["Value", "Required trajectory", "Target 70 (2030)"]  # one target entry, with its value
    opened.table.clearSelection()
    assert opened.trend_chart.is_empty and opened.trend_chart.legend_labels() == []
    assert opened.zone_chart.is_empty and opened.trend_chart.title.text() == ""
    assert not opened.export_chart_png(str(tmp_path / "chart.png"))  # nothing to save
    assert "no chart to save" in opened.map_status.text() and not (tmp_path / "chart.png").exists()


def test_no_trajectory_toward_a_target_already_met(opened):
    assert opened.table.select_key(("5.5.1", ""))  # 30 -> 35, target 30 (increase): met from the start
    chart = opened.trend_chart
    assert chart.target_item.value() == 30 and chart.trajectory_item is None


def test_name_column_has_the_full_name_as_tooltip_and_the_legend_explains_colours(opened):
    row = opened.table.keys().index(("15.1.1", ""))
    name = opened.table.source.item(row, 1)
    assert name.toolTip() == "15.1.1 Forest area as a proportion of total land area"
    legend = opened.legend.text()
    assert all(label in legend for label in ("Target achieved", "Deterioration", "-5", "+5"))


def test_screenshots_of_goal_and_detail_views(opened):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    opened.show()
    goals = SCREENSHOTS / "dock_goals.png"
    assert opened.grab().save(str(goals), "PNG")
    opened.tabs.setCurrentIndex(1)
    opened.table.select_key(("15.1.1", ""))
    detail = SCREENSHOTS / "dock_detail.png"
    assert opened.grab().save(str(detail), "PNG")
    for path in (goals, detail):
        image = QImage(str(path))
        assert image.width() >= 500 and image.height() >= 900


def zones_layer(ids):
    layer = QgsVectorLayer("Polygon?crs=EPSG:32651", "townships", "memory")
    layer.dataProvider().addAttributes([new_field("code", "string"), new_field("name", "string")])
    layer.updateFields()
    features = []
    for i, zone_id in enumerate(ids):
        feature = QgsFeature(layer.fields())
        feature.setGeometry(QgsGeometry.fromWkt(f"POLYGON(({i} 0, {i + 1} 0, {i + 1} 1, {i} 1, {i} 0))"))
        feature.setAttributes([zone_id, f"zone {zone_id}"])
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    return layer


def test_show_on_map_styles_a_joined_copy(opened):
    assert opened.table.select_key(("15.1.1", ""))
    assert opened.show_on_map() is None and "No zones layer" in opened.map_status.text()
    zones = zones_layer(["T1", "T2", "T9"])
    QgsProject.instance().addMapLayer(zones)
    opened.zones_combo.setLayer(zones)
    opened.zone_field.setField("code")
    result = opened.show_on_map()
    assert (result.matched, result.unmatched) == (2, 1)
    layer = result.layer
    assert QgsProject.instance().mapLayer(layer.id()) is layer and layer.id() != zones.id()
    values = {f["code"]: f["sdg_value"] for f in layer.getFeatures()}
    assert values["T1"] == 35 and values["T2"] == 66 and values["T9"] in (None, NULL)
    renderer = layer.renderer()
    assert isinstance(renderer, QgsGraduatedSymbolRenderer) and renderer.classAttribute() == "sdg_value"
    assert len(renderer.ranges()) == 2 and len(renderer.legendSymbolItems()) == 2
    assert renderer.ranges()[0].lowerValue() == 35 and renderer.ranges()[-1].upperValue() == 66
    assert zones.renderer().type() == "singleSymbol"  # the user's layer is untouched
    opened.zone_field.setField("name")
    assert opened.show_on_map().matched == 0 and "No zone of townships matched" in opened.map_status.text()


def test_store_path_is_saved_in_the_project(opened, sample_store, tmp_path):
    project = QgsProject.instance()
    project_file = tmp_path / "county.qgs"
    assert project.write(str(project_file))
    project.clear()
    assert opened.store_path == "" and "No results store is open" in opened.message.text()
    assert project.read(str(project_file))
    assert opened.store_path == str(sample_store)
    assert len(opened.table.keys()) == 4 and opened.message.isHidden()


def test_missing_store_is_reported_and_not_created(dock, tmp_path):
    missing = tmp_path / "moved.gpkg"
    assert not dock.open_store(str(missing))
    assert "was not found" in dock.message.text() and str(missing) in dock.message.text()
    assert not missing.exists() and dock.table.keys() == []


def test_empty_store_and_store_without_targets(dock, tmp_path):
    assert dock.open_store(str(tmp_path / "new.gpkg"), create=True)
    assert "has no results yet" in dock.message.text() and not dock.content.isEnabled()
    assert dock.open_store(str(build_store(tmp_path / "bare.gpkg", targets=False)))
    assert "no targets yet" in dock.message.text() and len(dock.table.keys()) == 4


def test_unreadable_store_shows_the_error(dock, tmp_path):
    folder = tmp_path / "folder.gpkg"
    folder.mkdir()
    assert not dock.open_store(str(folder))
    assert "cannot be opened" in dock.message.text() and "is a folder" in dock.message.text()


def test_exports(opened, tmp_path):
    choose(opened.status_combo, "moderate_progress")
    assert shown_codes(opened) == ["15.1.1"]
    choose(opened.status_combo, "")
    opened.search.setText("1.")  # 11.6.2 and 15.1.1
    opened.table.sortByColumn(2, 1)  # latest value, descending
    csv = tmp_path / "table.csv"
    opened.export_csv(str(csv))
    frame = pd.read_csv(csv, encoding="utf-8-sig", dtype={"indicator": str})
    assert frame["indicator"].tolist() == shown_codes(opened) == ["11.6.2", "15.1.1"]
    assert frame["latest_value"].tolist() == [80, 52]
    assert frame["status"].tolist() == ["substantial_progress", "moderate_progress"]
    opened.table.select_key(("15.1.1", ""))
    png = tmp_path / "chart.png"
    assert opened.export_chart_png(str(png))
    assert not QImage(str(png)).isNull()


def test_run_is_disabled_without_the_indicator_set_algorithm(opened):
    button = opened.run_panel.run_button
    assert not button.isEnabled() and "sdg:run_indicator_set" in button.toolTip()
    assert not opened.run_panel.config.isEnabled()


def at_default_width(dock, qgis_app):
    """The dock shown at QGIS's default dock width (375 px)."""
    dock.window().show()  # the dock's parent window: hidden widgets are not laid out
    dock.show()
    dock.setFixedWidth(375)  # QGIS's default dock width, even where it is below the dock's own minimum
    qgis_app.processEvents()
    return dock


def test_store_name_is_readable_at_the_default_dock_width(dock, sample_store, tmp_path, qgis_app):
    """The label has a line of its own: a short file name shows whole, a long one keeps its start and its
    extension (cut in the middle, within the label); the tooltip has the whole path."""
    label = at_default_width(dock, qgis_app).store_label
    assert dock.open_store(str(sample_store))
    assert label.shown_text() == "Results store: results.gpkg" and label.toolTip() == str(sample_store)
    long = tmp_path / "deqing_county_sdg_results_2015-2022_with_the_township_breakdowns_final.gpkg"
    long.write_bytes(sample_store.read_bytes())
    assert dock.open_store(str(long))
    shown = label.shown_text()
    assert label.text() == f"Results store: {long.name}" and label.toolTip() == str(long)
    assert shown.startswith("Results store: de") and shown.endswith("_final.gpkg") and "…" in shown
    assert 0 < label.fontMetrics().horizontalAdvance(shown) <= label.contentsRect().width() < 375


def test_goal_tiles_reflow_to_the_dock_width(opened, qgis_app):
    """A narrow dock shows two columns of tiles, a wide one more; no tile is cut off at the right."""
    opened.window().show()  # the dock's parent window: hidden widgets are not laid out
    opened.show()
    opened.tabs.setCurrentIndex(0)
    columns = {}
    for width in (340, 1100):
        opened.resize(width, 900)
        qgis_app.processEvents()
        grid = opened.goal_grid
        columns[width] = grid._columns
        assert all(tile.geometry().right() <= grid.width() for tile in grid.tiles.values())
    assert columns[340] == 2 and columns[1100] > 2


def test_dock_works_without_pyqtgraph(dock, sample_store, monkeypatch):
    """Charts are optional: without pyqtgraph the detail tabs say how to get it and the rest works."""
    from sdg_monitor.ui import charts

    monkeypatch.setattr(charts, "pg", None)
    plain = SdgDock(dock.parentWidget())
    try:
        assert isinstance(plain.trend_chart, charts.MissingChart)
        assert "pyqtgraph" in plain.trend_chart.widget.text()
        assert plain.open_store(str(sample_store))
        plain.tabs.setCurrentIndex(1)
        plain.table.select_key(("15.1.1", ""))
        assert shown_codes(plain)
    finally:
        plain.deleteLater()


def test_show_on_map_legend_has_unit_and_few_decimals_and_ramp_follows_the_direction(opened):
    assert opened.table.select_key(("15.1.1", ""))  # increase: low red, high green
    zones = zones_layer(["T1", "T2", "T9"])
    QgsProject.instance().addMapLayer(zones)
    opened.zones_combo.setLayer(zones)
    opened.zone_field.setField("code")
    renderer = opened.show_on_map().layer.renderer()
    labels = [r.label() for r in renderer.ranges()]
    assert labels == ["35 %", "35 – 66 %"]  # breaks are values: the lowest alone, then up to the highest
    low, high = (r.symbol().color() for r in renderer.ranges())
    assert low.red() > low.green() and high.green() > high.red()
    assert opened.table.select_key(("11.6.2", ""))  # decrease: the ramp turns round
    renderer = opened.show_on_map().layer.renderer()
    low, high = (r.symbol().color() for r in renderer.ranges())
    assert low.green() > low.red() and high.red() > high.green()
    assert all(r.label().endswith("µg/m³") for r in renderer.ranges())


def test_show_on_map_defaults_to_the_zones_the_store_records(dock, tmp_path):
    zones = zones_layer(["T1", "T2"])
    other = zones_layer(["X"])
    QgsProject.instance().addMapLayers([other, zones])
    store = ResultsStore(tmp_path / "zones.gpkg")
    store.upsert_results([{"indicator": "15.1.1", "area_id": a, "area_name": a, "area_level": level, "year": 2020,
                           "value": v, "unit": "percent",
                           "parameters": {"ZONES": zones.source(), "ZONE_ID_FIELD": "name"}}
                          for a, level, v in (("c", "total", 50.0), ("T1", "township", 40.0),
                                              ("T2", "township", 60.0))])
    assert dock.open_store(str(store.path))
    dock.zones_combo.setLayer(other)
    assert dock.table.select_key(("15.1.1", ""))
    assert dock.zones_combo.currentLayer() is zones and dock.zone_field.currentField() == "name"


def test_a_zone_without_id_gets_no_value_of_the_area_called_null(qgis_app):
    """The dock's map join: a NULL id is no id (PyQGIS gives a QVariant whose text is 'NULL'), so that zone is
    not given the value of an area whose real id is 'NULL'."""
    from sdg_monitor.ui.map_view import joined_layer

    zones = zones_layer(["NULL", "T2"])
    zones.dataProvider().changeAttributeValues({2: {0: NULL}})
    result = joined_layer(zones, "code", {"NULL": 5.0, "T2": 7.0}, "map")
    values = [feature["sdg_value"] for feature in result.layer.getFeatures()]
    assert values[0] == 5.0 and values[1] in (None, NULL) and (result.matched, result.unmatched) == (1, 1)
