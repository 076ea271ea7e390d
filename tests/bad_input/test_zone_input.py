"""Issue 17, lines 1, 2 and 6: zones whose hole touches the outer ring keep the hole, NULL and empty zone ids are
refused naming the feature, NULL names fall back to the id, ids that differ only by surrounding spaces are
duplicates - through the real algorithms, with the inputs and the store unchanged by a refused run."""
from __future__ import annotations

import numpy as np
import pytest
from bad_input_data import LANDCOVER, X0, Y0, Scene, box, digests, parameters, refused, values_by_zone
from population_data import RecordingFeedback
from qgis.core import QgsDistanceArea, QgsGeometry, QgsProject, QgsWkbTypes
from sdg_monitor.core.store import ResultsStore
from sdg_monitor.processing.polygon_repair import structure_repair, valid_polygon

#: The west zone (columns 0-2) with a lake over column 0 digitised against its boundary: the hole shares the
#: outer ring's west, north and south edges, so the polygon is invalid.
LAKE = (f"POLYGON(({X0 - 10} {Y0 - 410},{X0 + 300} {Y0 - 410},{X0 + 300} {Y0 + 10},{X0 - 10} {Y0 + 10},"
        f"{X0 - 10} {Y0 - 410}),({X0 - 10} {Y0 - 410},{X0 - 10} {Y0 + 10},{X0 + 100} {Y0 + 10},"
        f"{X0 + 100} {Y0 - 410},{X0 - 10} {Y0 - 410}))")


@pytest.fixture()
def scene(tmp_path):
    return Scene(tmp_path / "scene")


def _forest_pct(cover: np.ndarray) -> float:
    """15.1.1 by hand: forest (20) over land (valid, not water 60)."""
    return 100.0 * (cover == 20).sum() / ((cover > 0) & (cover != 60)).sum()


def test_hole_touching_the_outer_ring_is_kept(sdg_provider, scene):
    """The lake is left out (columns 1-2 only, not the filled 0-2), OUTPUT is a MultiPolygon of the zone minus the
    lake, and a warning names the zone; the zones layer is unchanged."""
    import processing

    assert not QgsGeometry.fromWkt(LAKE).isGeosValid()
    zones = scene.polygons("lake", [LAKE, box(300, -410, 610, 10)], [{"code": "W"}, {"code": "E"}])
    before = digests(zones, scene.landcover)
    feedback = RecordingFeedback()
    result = processing.run("sdg:forest_area_15_1_1", parameters("forest_area_15_1_1", scene, zones),
                            feedback=feedback)
    values = values_by_zone(result)
    assert values["W"] == pytest.approx(_forest_pct(LANDCOVER[:, 1:3]))
    assert values["W"] != pytest.approx(_forest_pct(LANDCOVER[:, 0:3]))
    assert values["E"] == pytest.approx(_forest_pct(LANDCOVER[:, 3:6]))
    west = next(f for f in result["OUTPUT"].getFeatures() if f["code"] == "W")
    assert QgsWkbTypes.flatType(west.geometry().wkbType()) == QgsWkbTypes.MultiPolygon
    assert west.geometry().area() == pytest.approx(200 * 420)
    assert any("zone(s) W " in w and "holes" in w for w in feedback.warnings)
    assert digests(zones, scene.landcover) == before


def test_land_areas_keep_the_hole_too(sdg_provider, scene):
    """Polygon inputs measured by area (11.7.1's built-up area) use the same repair: the lake is not built-up."""
    import processing

    builtup = scene.polygons("lake_builtup", [LAKE], [{"kind": "urban"}])
    result = processing.run("sdg:open_space_11_7_1", parameters("open_space_11_7_1", scene, None, BUILTUP=builtup))
    (feature,) = result["OUTPUT"].getFeatures()
    measure = QgsDistanceArea()
    measure.setSourceCrs(result["OUTPUT"].crs(), QgsProject.instance().transformContext())
    measure.setEllipsoid("CGCS2000")
    expected = measure.measureArea(QgsGeometry.fromWkt(box(100, -410, 300, 10))) / 1e6
    assert feature["builtup_km2"] == pytest.approx(expected, rel=1e-6)


def test_structure_rule_without_geos_structure():
    """The rule used where neither QGIS (< 3.28) nor GDAL offers GEOS's structure method gives the same polygons."""
    for wkt in (LAKE, "POLYGON((0 0,2 2,2 0,0 2,0 0))", "MULTIPOLYGON(((0 0,3 0,3 3,0 3,0 0),(0 0,1 0,1 3,0 3,0 0)),"
                                                          "((5 5,6 5,6 6,5 6,5 5)))"):
        geometry = QgsGeometry.fromWkt(wkt)
        ours, reference = structure_repair(geometry), valid_polygon(geometry)
        assert ours.isGeosValid()
        assert ours.symDifference(reference).area() == pytest.approx(0.0, abs=1e-9)


@pytest.mark.parametrize("code", [None, "", "   "], ids=["null", "empty", "spaces"])
def test_null_or_empty_zone_id_is_refused(sdg_provider, scene, tmp_path, code):
    """The feature is named; nothing is written to the store; the inputs are unchanged."""
    import processing

    store = str(tmp_path / "results.gpkg")
    processing.run("sdg:forest_area_15_1_1", parameters("forest_area_15_1_1", scene, RESULTS=store))
    zones = scene.polygons("no_id", [box(-10, -410, 300, 10), box(300, -410, 610, 10)],
                           [{"code": "W", "name": "west"}, {"code": code, "name": "east"}])
    before = digests(zones, store, scene.landcover)
    message = refused("sdg:forest_area_15_1_1", parameters("forest_area_15_1_1", scene, zones, RESULTS=store))
    assert "feature 2" in message and "'code'" in message
    assert digests(zones, store, scene.landcover) == before


def test_a_real_id_null_is_not_confused_with_a_missing_one(sdg_provider, scene, tmp_path):
    """An id spelt 'NULL' is an id like any other; a NULL name falls back to the zone's id in the store."""
    import processing

    store = tmp_path / "results.gpkg"
    zones = scene.polygons("null_text", [box(-10, -410, 300, 10), box(300, -410, 610, 10)],
                           [{"code": "NULL", "name": None}, {"code": "E", "name": "east"}])
    processing.run("sdg:forest_area_15_1_1", parameters("forest_area_15_1_1", scene, zones, RESULTS=str(store),
                                                        ZONE_NAME_FIELD="name"))
    rows = ResultsStore(store).read_results()
    names = dict(zip(rows["area_id"], rows["area_name"]))
    assert names["NULL"] == "NULL" and names["E"] == "east"


def test_ids_differing_by_surrounding_spaces_are_duplicates(sdg_provider, scene, tmp_path):
    """' W' and 'W' (a name pasted with a space) are refused at input time, both spellings named."""
    import processing

    store = str(tmp_path / "results.gpkg")
    processing.run("sdg:forest_area_15_1_1", parameters("forest_area_15_1_1", scene, RESULTS=store))
    zones = scene.polygons("spaced", [box(-10, -410, 300, 10), box(300, -410, 610, 10)],
                           [{"code": "W"}, {"code": "W "}])
    before = digests(zones, store)
    message = refused("sdg:pm25_exposure_11_6_2", parameters("pm25_exposure_11_6_2", scene, zones, RESULTS=store))
    assert "'W'" in message and "'W '" in message and "more than once" in message
    assert digests(zones, store) == before



@pytest.mark.parametrize("code", [None, ""], ids=["null", "empty"])
def test_every_reader_of_zones_refuses_a_zone_without_id(sdg_provider, scene, tmp_path, code):
    """The PDF report's and the portal's maps (ZONES given, or the zones the store recorded) and the workbook
    template read zones through the same reader: a NULL or empty id is refused naming the feature, nothing is
    written, the inputs are unchanged."""
    from qgis.core import QgsVectorLayer

    import processing

    store = str(tmp_path / "results.gpkg")
    good = scene.polygons("good", [box(-10, -410, 300, 10), box(300, -410, 610, 10)], [{"code": "W"}, {"code": "E"}])
    processing.run("sdg:forest_area_15_1_1", parameters("forest_area_15_1_1", scene, good, RESULTS=store))
    bad = scene.polygons("no_id_maps", [box(-10, -410, 300, 10), box(300, -410, 610, 10)],
                         [{"code": "W"}, {"code": code}])
    before = digests(bad, store)
    runs = {
        "sdg:export_report_pdf": {"RESULTS": store, "ZONES": bad, "ZONE_ID_FIELD": "code",
                                  "OUTPUT": str(tmp_path / "report.pdf")},
        "sdg:export_portal": {"RESULTS": store, "ZONES": bad, "ZONE_ID_FIELD": "code",
                              "OUTPUT": str(tmp_path / "portal")},
        "sdg:workbook_template": {"AREA_ID": "C1", "ZONES": bad, "ZONE_ID_FIELD": "code",
                                  "OUTPUT": str(tmp_path / "template.xlsx")},
    }
    for algorithm, params in runs.items():
        message = refused(algorithm, params)
        assert "feature 2" in message and "'code'" in message, algorithm
    assert digests(bad, store) == before
    assert not any((tmp_path / name).exists() for name in ("report.pdf", "portal", "template.xlsx"))
    # the portal without ZONES maps the zones the store recorded: the same check
    recorded = QgsVectorLayer(good, "good", "ogr")
    assert recorded.dataProvider().changeAttributeValues({2: {recorded.fields().indexOf("code"): code}})
    del recorded
    message = refused("sdg:export_portal", {"RESULTS": store, "OUTPUT": str(tmp_path / "portal")})
    assert "feature 2" in message and "'code'" in message


def test_workbook_template_reads_a_table_and_refuses_repeated_codes(sdg_provider, tmp_path):
    """Zones without geometry or CRS (a plain table) make a template; a code given twice is refused, both
    spellings named, as for every reader of zones."""
    from openpyxl import load_workbook
    from qgis.core import QgsFeature, QgsVectorLayer

    import processing

    table = QgsVectorLayer("None?field=code:string&field=name:string", "towns", "memory")
    for code, name in (("T1", "一"), ("T2", "二"), ("T2 ", None)):
        feature = QgsFeature(table.fields())
        feature.setAttributes([code, name])
        table.dataProvider().addFeature(feature)
    params = {"AREA_ID": "C1", "ZONES": table, "ZONE_ID_FIELD": "code", "ZONE_NAME_FIELD": "name",
              "YEAR_START": 2020, "YEAR_END": 2020, "OUTPUT": str(tmp_path / "template.xlsx")}
    message = refused("sdg:workbook_template", params)
    assert "'T2'" in message and "'T2 '" in message and "more than once" in message
    table.dataProvider().changeAttributeValues({3: {0: "T3"}})
    processing.run("sdg:workbook_template", params)
    rows = list(load_workbook(tmp_path / "template.xlsx")["data"].iter_rows(min_row=2, values_only=True))
    assert {(row[1], row[2]) for row in rows} == {("C1", None), ("T1", "一"), ("T2", "二"), ("T3", "T3")}


@pytest.mark.parametrize("area, expected", [
    (None, ["row 2 (feature id 2)", "no area id in field 'area'"]),
    ("  ", ["row 2 (feature id 2)", "no area id in field 'area'"]),
    ("T1 ", ["repeat area and year", "T1"]),
], ids=["null", "blank", "spaces"])
def test_statistics_tables_refuse_missing_and_space_repeated_area_ids(sdg_provider, tmp_path, area, expected):
    """sdg:table_indicator's area ids follow the zones' rules: NULL or blank is refused naming the row (it used to
    become the text 'NULL'), 'T1 ' and 'T1' in the same year are one area given twice; nothing is written."""
    from qgis.core import QgsFeature, QgsVectorLayer

    table = QgsVectorLayer("None?field=area:string&field=year:integer&field=births:double", "births", "memory")
    for code, births in (("T1", 10.0), (area, 12.0)):
        feature = QgsFeature(table.fields())
        feature.setAttributes([code, 2020, births])
        table.dataProvider().addFeature(feature)
    store = tmp_path / "results.gpkg"
    message = refused("sdg:table_indicator", {
        "INPUT": table, "INDICATOR": "L1.1", "NUMERATOR": "births", "DENOMINATOR": "births", "AREA_ID_FIELD": "area",
        "YEAR_FIELD": "year",
        "RESULTS": str(store), "OUTPUT": "memory:"})
    for part in expected:
        assert part in message
    assert not store.exists()


def test_kba_without_id_is_refused(sdg_provider, scene):
    """KBAs are grouped by their id: a NULL id (which became the text 'NULL', one KBA with any other NULL and a
    real 'NULL') is refused naming the feature; the inputs are unchanged."""
    kbas = scene.polygons("kba_no_id", [box(0, -200, 200, 0), box(300, -400, 500, -200)],
                          [{"kba": "NULL"}, {"kba": None}])
    before = digests(kbas)
    message = refused("sdg:protected_kba_15_1_2", parameters("protected_kba_15_1_2", scene, KBAS=kbas))
    assert "feature 2" in message and "'kba'" in message
    assert digests(kbas) == before
