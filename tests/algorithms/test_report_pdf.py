"""sdg:export_report_pdf: a cover and a page per goal, maps of zone values, tables of the goal's indicators."""
from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest
from sdg_monitor.core.report_layout import (
    choose_map,
    format_number,
    report_content,
    shorten,
    value_classes,
    whole_area,
)
from sdg_monitor.core.store import ResultsStore
from sdg_testdata import write_polygons

ZONES = {"z1": "POLYGON((0 0, 1000 0, 1000 1000, 0 1000, 0 0))",
         "z2": "POLYGON((1000 0, 2000 0, 2000 1000, 1000 1000, 1000 0))"}
# indicator, method, unit, {year: (total, z1, z2)}; 15.1.1 increases 20 -> 30 (target 25: achieved), 3.2.1
# decreases 10 -> 8 (no zone values), 6.6.1 has zone rows only from a statistics table.
ROWS = [
    ("15.1.1", "sdg:forest_area_15_1_1", "percent", {2015: (20.0, 10.0, 30.0), 2020: (30.0, 15.0, 45.0)}),
    ("3.2.1", "sdg:indicators_from_workbook", "per 1,000 live births", {2015: (10.0, None, None),
                                                                         2020: (8.0, None, None)}),
    ("6.6.1", "sdg:indicators_from_workbook", "percent", {2015: (1.0, 2.0, 3.0), 2020: (2.0, 4.0, 5.0)}),
]
TARGETS = [{"indicator": "15.1.1", "area_id": "", "series": "", "target": 25.0, "target_year": 2030,
            "base_year": 2015, "direction": "increase"}]


def _store(path: Path) -> Path:
    rows = []
    for indicator, method, unit, years in ROWS:
        for year, (total, *zones) in years.items():
            rows.append({"indicator": indicator, "area_id": "A", "area_name": "Sample county", "area_level": "total",
                         "year": year, "value": total, "unit": unit, "method": method})
            rows += [{"indicator": indicator, "area_id": zone, "area_name": f"Town {zone}", "area_level": "township",
                      "year": year, "value": value, "unit": unit, "method": method}
                     for zone, value in zip(ZONES, zones) if value is not None]
    store = ResultsStore(str(path))
    store.upsert_results(rows)
    store.upsert_targets(TARGETS)
    return path


@pytest.fixture()
def assessed_store(run_algorithm, tmp_path):
    store = _store(tmp_path / "results.gpkg")
    run_algorithm("sdg:assess_progress", {"RESULTS": str(store), "OUTPUT": "TEMPORARY_OUTPUT"})
    zones = write_polygons(tmp_path / "zones.gpkg", "towns", 4549,
                           [f"POLYGON(({', '.join(f'{500000 + x} {3370000 + y}' for x, y in _ring(wkt))}))"
                            for wkt in ZONES.values()], [{"code": code} for code in ZONES])
    return store, f"{zones}|layername=towns"


def _ring(wkt: str) -> list[tuple[float, float]]:
    return [tuple(float(n) for n in pair.split()) for pair in wkt[9:-2].split(", ")]


def _pages(pdf: Path) -> int:
    """Page objects in a PDF (Qt writes no object streams, so the dictionaries are plain text)."""
    return len(re.findall(rb"/Type\s*/Page(?![s\w])", pdf.read_bytes()))


def test_pdf_has_a_cover_and_a_page_per_goal(run_algorithm, assessed_store, tmp_path):
    store, zones = assessed_store
    pdf = tmp_path / "out" / "report.pdf"
    result = run_algorithm("sdg:export_report_pdf", {"RESULTS": str(store), "ZONES": zones, "ZONE_ID_FIELD": "code",
                                                     "LANGUAGE": 1, "OUTPUT": str(pdf)})
    assert result["PAGES"] == 4  # cover + goals 3, 6, 15
    assert pdf.read_bytes().startswith(b"%PDF") and _pages(pdf) == 4


def test_pdf_without_zones_or_with_a_bad_template(run_algorithm, assessed_store, tmp_path):
    store, _ = assessed_store
    result = run_algorithm("sdg:export_report_pdf", {"RESULTS": str(store), "OUTPUT": str(tmp_path / "a.pdf")})
    assert result["PAGES"] == 4
    bad = tmp_path / "bad.qpt"
    bad.write_text("<Layout/>", encoding="utf-8")
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException, match="two pages"):
        run_algorithm("sdg:export_report_pdf", {"RESULTS": str(store), "LAYOUT": str(bad),
                                                "OUTPUT": str(tmp_path / "b.pdf")})


def test_layout_pages_maps_and_tables(sdg_provider, assessed_store):
    """The built layout: goal pages in order, the map layer holds the store's zone values, the tables the rows."""
    from qgis.core import QgsLayoutItemLabel, QgsLayoutItemManualTable, QgsLayoutItemMap, QgsVectorLayer
    from sdg_monitor.core.progress import METHODS
    from sdg_monitor.processing.pdf_layout import DEFAULT_TEMPLATE, ReportLayout, zones_from_features
    from sdg_monitor.processing.report_pdf import pdf_labels

    store_path, zones_uri = assessed_store
    store = ResultsStore(str(store_path))
    results, progress = store.read_results(), store.read("sdg_progress", method=METHODS[0])
    layer = QgsVectorLayer(zones_uri, "zones", "ogr")
    zones = zones_from_features(layer.getFeatures(), "code", layer.crs(), {"z1": "Town z1", "z2": "Town z2"})
    content = report_content(results, progress, "A", _goal, lambda g: "environmental", lambda c: f"name {c}",
                             {3: "Health", 6: "Water", 15: "Land"}, zones.geometries)
    builder = ReportLayout(DEFAULT_TEMPLATE, pdf_labels(), {3: "Health", 6: "Water", 15: "Land"},
                           {3: "#4C9F38", 6: "#26BDE2", 15: "#56C02B"})
    layout = builder.build(content, zones, {"sdg_report_title": "Test report", "sdg_report_note": ""})
    assert layout.pageCollection().pageCount() == 4
    titles = {}
    for item in layout.items():
        if isinstance(item, QgsLayoutItemLabel) and item.id() == "goal_title":
            titles[item.page()] = item.currentText()
    assert titles == {1: "SDG 3 · Health", 2: "SDG 6 · Water", 3: "SDG 15 · Land"}
    maps = {item.page(): item for item in layout.items() if isinstance(item, QgsLayoutItemMap)}
    assert sorted(maps) == [2, 3]  # goal 3 has no zone values: no map
    values = {f["area_id"]: f["value"] for f in maps[3].layers()[0].getFeatures()}
    assert values == {"z1": 15.0, "z2": 45.0}
    unit = pdf_labels().get("unit:percent", "percent")
    legend = [r.label() for r in maps[3].layers()[0].renderer().ranges()]
    assert legend == [f"15 {unit}", f"15 – 45 {unit}"]  # a class per value: the lower one alone, no "15 – 15"
    tables = [frame for frame in layout.multiFrames() if isinstance(frame, QgsLayoutItemManualTable)]
    cover = tables[0].tableContents()
    assert [row[0].content() for row in cover[1:]] == ["3", "6", "15"]
    land = tables[3].tableContents()
    assert [cell.content() for cell in land[0][1:5]] == ["30", "percent", "2020", "25 (2030)"]
    assert land[0][5].content() == pdf_labels()["target_achieved"]


def _goal(code: str) -> int:
    return int(code.split(".")[0])


def test_report_content_headline_and_map_choice():
    results = pd.DataFrame([
        {"indicator": i, "series": "", "area_id": a, "area_name": "", "area_level": level, "year": y,
         "disaggregation": "", "value": v, "unit": "percent", "method": m}
        for i, m, a, level, y, v in [
            ("15.1.1", "sdg:forest_area_15_1_1", "A", "total", 2020, 30.0),
            ("15.1.1", "sdg:forest_area_15_1_1", "z1", "zone", 2020, 30.0),
            ("15.1.2", "sdg:indicators_from_workbook", "A", "total", 2020, 10.0),
            ("15.1.2", "sdg:indicators_from_workbook", "z1", "zone", 2020, 11.0),
            ("15.4.2", "sdg:mountain_green_cover_15_4_2", "z1", "zone", 2015, 50.0),
            ("15.4.2", "sdg:mountain_green_cover_15_4_2", "z1", "zone", 2020, 60.0),
            ("15.4.2", "sdg:mountain_green_cover_15_4_2", "z2", "zone", 2020, 70.0),
            ("15.4.2", "sdg:mountain_green_cover_15_4_2", "A", "total", 2020, 60.0),
        ]])
    progress = pd.DataFrame([
        {"indicator": "15.1.1", "area_id": "A", "series": "", "current_value": 30.0, "target": 25.0,
         "target_year": 2030, "status": "target_achieved", "score": 5.0},
        {"indicator": "15.1.2", "area_id": "A", "series": "", "current_value": 10.0, "target": None,
         "target_year": None, "status": "deterioration", "score": -3.0},
        {"indicator": "15.4.2", "area_id": "A", "series": "", "current_value": 60.0, "target": 80.0,
         "target_year": 2030, "status": "moderate_progress", "score": 1.0},
    ])
    content = report_content(results, progress, "A", _goal, lambda g: "environmental", str, {15: "Land"},
                             {"z1", "z2"})
    assert content.headline == {"measured": 3, "with_target": 2, "met_or_nearly_met": 1}
    goal = content.goals.iloc[0]
    assert (goal["goal"], goal["name"], goal["target_achieved"], goal["deterioration"]) == (15, "Land", 1, 1)
    assert goal["mean_score"] == pytest.approx(1.0)  # (5 - 3 + 1) / 3
    # spatial 15.4.2 before the statistical 15.1.2 and before 15.1.1, whose only zone value is flat; latest year
    spec = content.pages[0].map
    assert (spec.indicator, spec.year, spec.values) == ("15.4.2", 2020, {"z1": 60.0, "z2": 70.0})
    assert choose_map(results[results["area_id"] == "none"], str) is None
    assert whole_area(results) == ("A", "")
    with pytest.raises(ValueError, match="no rows"):
        whole_area(results, "B")


@pytest.mark.parametrize("values, labels", [
    ([0.0] * 10 + [1.5, 3.0, 7.0], ["0 %", "0 – 1.5 %", "1.5 – 7 %"]),  # ranks 3, 6, 8 are 0: one class of 0
    ([5.0] * 13, ["5 %"]),
    (list(range(10)), ["0 – 1 %", "1 – 3 %", "3 – 5 %", "5 – 7 %", "7 – 9 %"]),  # ranks 2, 4, 6, 8, 10
    ([33.21, 33.24, 40.0, 50.0], ["33.21 %", "33.21 – 33.24 %", "33.24 – 40 %", "40 – 50 %"]),  # 33.2 twice: more
    ([-10.18, -1e-13, 0.0, 0.0, 0.0, 1e-9, 1.3, 23.74], ["-10.2 – 0 %", "0 – 1.3 %", "1.3 – 23.7 %"]),  # noise
    ([0.0] * 6 + [1e-13], ["0 %"]),
    ([], []),
])
def test_value_classes_merge_equal_breaks_and_none_is_empty(values, labels):
    """Nearest-rank quantile breaks of 5 classes, worked by hand: equal breaks merged, no empty class, a class of
    one value labelled by that value, enough decimals to tell bounds apart, the unit after each label."""
    classes = value_classes(values, 5, "%")
    assert [c.label for c in classes] == labels
    for value in values:  # each value in exactly one class: (lower, upper], the first also its lower bound
        holders = [i for i, c in enumerate(classes) if c.lower < value <= c.upper or (i == 0 and value == c.lower)]
        assert len(holders) == 1, value
    assert all(any(c.lower < v <= c.upper or (i == 0 and v == c.lower) for v in values)
               for i, c in enumerate(classes))


@pytest.mark.parametrize("value, text", [(0.004651, "0.004651"), (137417.448837, "137,417"), (87.456, "87.46"),
                                         (100.0, "100"), (None, ""), (-2.5, "-2.5")])
def test_format_number(value, text):
    assert format_number(value) == text


def test_shorten():
    assert shorten("Proportion of  population", 12) == "Proportion…"
    assert shorten("short", 12) == "short"


def test_every_label_fits_its_frame(sdg_provider, assessed_store, tmp_path):
    """Long goal names, area names and map titles (the real ones of goal 16, in both languages) shrink or wrap
    until the text fits its frame: measured here with Qt's word-wrapping metrics at 300 dpi, after rendering."""
    from qgis.core import QgsLayoutExporter, QgsLayoutItemLabel, QgsVectorLayer
    from qgis.PyQt.QtCore import QRectF, Qt
    from qgis.PyQt.QtGui import QFont, QFontMetricsF
    from sdg_monitor.core.progress import METHODS
    from sdg_monitor.processing.pdf_layout import DEFAULT_TEMPLATE, ReportLayout, label_font, zones_from_features
    from sdg_monitor.processing.report_pdf import pdf_labels

    store_path, zones_uri = assessed_store
    store = ResultsStore(str(store_path))
    results, progress = store.read_results(), store.read("sdg_progress", method=METHODS[0])
    layer = QgsVectorLayer(zones_uri, "zones", "ogr")
    zones = zones_from_features(layer.getFeatures(), "code", layer.crs(), {"z1": "Town z1", "z2": "Town z2"})
    long_name = "Peace, justice and strong institutions / 和平、正义与强大机构"
    names = {3: long_name, 6: long_name, 15: long_name}
    content = report_content(results, progress, "A", _goal, lambda g: "environmental",
                             lambda c: "Proportion of the population with convenient access to public transport "
                                       "by sex, age and persons with disabilities", names, zones.geometries)
    builder = ReportLayout(DEFAULT_TEMPLATE, pdf_labels("both"), names, {3: "#4C9F38", 6: "#26BDE2", 15: "#56C02B"})
    layout = builder.build(content, zones, {"sdg_report_title": "SDG progress report of the sample county / "
                                                                "样例县可持续发展目标进展报告",
                                            "sdg_report_note": ""})
    assert not QgsLayoutExporter(layout).renderPageToImage(0).isNull()
    dpmm = 300 / 25.4
    checked = 0
    for label in layout.items():
        if not isinstance(label, QgsLayoutItemLabel):
            continue
        font = QFont(label_font(label))
        font.setPixelSize(max(1, round(font.pointSizeF() / 72 * 300)))
        width = (label.rect().width() - 2 * label.marginX()) * dpmm
        height = (label.rect().height() - 2 * label.marginY()) * dpmm
        bounds = QFontMetricsF(font).boundingRect(QRectF(0, 0, width, 1e6), int(Qt.TextWordWrap),
                                                  label.currentText())
        assert bounds.width() <= width + 2 and bounds.height() <= height + 2, (label.id(), label.currentText())
        checked += 1
    assert checked >= 10
