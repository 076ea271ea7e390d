"""sdg:protected_kba_15_1_2 on square KBAs with known overlaps, checked against QGIS's native dissolve,
intersection and ellipsoidal $area on the same data."""
from __future__ import annotations

import pytest
from land_data import reproject
from qgis.core import QgsCoordinateReferenceSystem, QgsProcessingException, QgsProcessingFeedback, QgsProject
from sdg_testdata import write_polygons

X0, Y0 = 500000.0, 3370000.0  # EPSG:4549, on the central meridian


def square(x1: float, y1: float, x2: float, y2: float) -> str:
    """A rectangle in metres from (X0, Y0)."""
    a, b, c, d = X0 + x1, Y0 + y1, X0 + x2, Y0 + y2
    return f"POLYGON(({a} {b},{c} {b},{c} {d},{a} {d},{a} {b}))"


# KBAs of 1 km² each. A: 75 % protected by two overlapping PAs (a naive sum would give 100 %); B: fully inside
# a bigger PA; C: unprotected; D: straddles the two zones (70 % of it in zone 2) and is half protected.
KBAS = {"A": square(0, 0, 1000, 1000), "B": square(2000, 0, 3000, 1000), "C": square(0, 2000, 1000, 3000),
        "D": square(1200, 2000, 2200, 3000)}
PAS = [square(0, 0, 500, 1000), square(250, 0, 750, 1000), square(1900, -100, 3100, 1100),
       square(1200, 2000, 1700, 3000)]
PERCENT = {"A": 75.0, "B": 100.0, "C": 0.0, "D": 50.0}
ZONES = [square(-100, -100, 1500, 3100), square(1500, -100, 3100, 3100)]


def write_case(tmp_path, kba_epsg: int = 4549, pa_epsg: int = 4549, zone_epsg: int = 4549) -> dict:
    def wkts(items, epsg):
        return items if epsg == 4549 else reproject(items, 4549, epsg)

    path = tmp_path / f"kba_{kba_epsg}_{pa_epsg}_{zone_epsg}.gpkg"
    write_polygons(path, "kbas", kba_epsg, wkts(list(KBAS.values()), kba_epsg), [{"kba": k} for k in KBAS])
    write_polygons(path, "pas", pa_epsg, wkts(PAS, pa_epsg), [{"wdpa": i} for i in range(len(PAS))])
    write_polygons(path, "zones", zone_epsg, wkts(ZONES, zone_epsg), [{"code": "Z1"}, {"code": "Z2"}])
    return {name: f"{path}|layername={name}" for name in ("kbas", "pas", "zones")}


def run(run_algorithm, case, zones=True, **extra):
    parameters = {"KBAS": case["kbas"], "KBA_ID_FIELD": "kba", "PROTECTED_AREAS": case["pas"], "YEAR": 2020,
                  "OUTPUT": "memory:", "KBA_OUTPUT": "memory:"}
    if zones:
        parameters.update(ZONES=case["zones"], ZONE_ID_FIELD="code")
    parameters.update(extra)
    return run_algorithm("sdg:protected_kba_15_1_2", parameters)


def per_kba(result) -> dict:
    return {f["kba_id"]: f for f in result["KBA_OUTPUT"].getFeatures()}


def test_hand_worked_percents_and_means(run_algorithm, tmp_path):
    case = write_case(tmp_path)
    result = run(run_algorithm, case)
    kbas = per_kba(result)
    for kba, percent in PERCENT.items():
        assert kbas[kba]["percent"] == pytest.approx(percent, abs=1e-3)
        assert kbas[kba]["kba_km2"] == pytest.approx(1.0, rel=1e-4)
    assert {k: f["zone_id"] for k, f in kbas.items()} == {"A": "Z1", "B": "Z2", "C": "Z1", "D": "Z2"}
    zones = {f["code"]: f for f in result["OUTPUT"].getFeatures()}
    assert zones["Z1"]["value"] == pytest.approx(37.5, abs=1e-3)  # (75 + 0) / 2
    assert zones["Z2"]["value"] == pytest.approx(75.0, abs=1e-3)  # (100 + 50) / 2, D counted once, whole
    assert zones["Z2"]["kba_count"] == 2 and zones["Z2"]["protected_km2"] == pytest.approx(1.5, rel=1e-4)
    assert result["VALUE"] == pytest.approx(56.25, abs=1e-3)  # mean over KBAs, not over zones
    without_zones = run(run_algorithm, case, zones=False)
    assert without_zones["VALUE"] == pytest.approx(56.25, abs=1e-3)


@pytest.fixture()
def ellipsoidal_project():
    """Processing's context takes the project's ellipsoid (which needs a project CRS), so $area below is
    ellipsoidal."""
    project = QgsProject.instance()
    before = project.crs(), project.ellipsoid()
    project.setCrs(QgsCoordinateReferenceSystem("EPSG:4549"))
    project.setEllipsoid("EPSG:1024")  # CGCS2000, the ellipsoid of EPSG:4549
    assert project.ellipsoid() == "EPSG:1024"
    yield
    project.setCrs(before[0])
    project.setEllipsoid(before[1])


def test_matches_native_dissolve_intersection_area(run_algorithm, tmp_path, ellipsoidal_project):
    import processing

    case = write_case(tmp_path)
    dissolved = processing.run("native:dissolve", {"INPUT": case["pas"], "OUTPUT": "memory:"})["OUTPUT"]
    pieces = processing.run("native:intersection", {
        "INPUT": case["kbas"], "OVERLAY": dissolved, "INPUT_FIELDS": ["kba"], "OUTPUT": "memory:"})["OUTPUT"]

    def areas(layer) -> dict:
        with_area = processing.run("native:fieldcalculator", {
            "INPUT": layer, "FIELD_NAME": "m2", "FIELD_TYPE": 0, "FORMULA": "$area", "OUTPUT": "memory:"})["OUTPUT"]
        out: dict = {}
        for feature in with_area.getFeatures():
            out[feature["kba"]] = out.get(feature["kba"], 0.0) + feature["m2"]
        return out

    protected, whole = areas(pieces), areas(case["kbas"])
    native = {k: 100.0 * protected.get(k, 0.0) / whole[k] for k in whole}
    result = run(run_algorithm, case)
    for kba, feature in per_kba(result).items():
        assert feature["percent"] == pytest.approx(native[kba], abs=1e-6)
        assert feature["kba_km2"] == pytest.approx(whole[kba] / 1e6, rel=1e-9)
        assert feature["kba_km2"] != 1.0  # ellipsoidal, not the planar 1 km² of the projected squares
    assert result["VALUE"] == pytest.approx(sum(native.values()) / len(native), abs=1e-6)


def test_geographic_crs_and_mixed_crs_measured_in_metres(run_algorithm, tmp_path):
    """KBAs and zones in EPSG:4326, protected areas in EPSG:4549: the same percents, areas in km² not degrees."""
    result = run(run_algorithm, write_case(tmp_path, kba_epsg=4326, pa_epsg=4549, zone_epsg=4326))
    kbas = per_kba(result)
    for kba, percent in PERCENT.items():
        assert kbas[kba]["percent"] == pytest.approx(percent, abs=0.05)
        assert kbas[kba]["kba_km2"] == pytest.approx(1.0, rel=1e-3)
    assert result["VALUE"] == pytest.approx(56.25, abs=0.05)
    assert result["OUTPUT"].crs().authid() == "EPSG:4326"


def test_zones_in_another_crs(run_algorithm, tmp_path):
    same = run(run_algorithm, write_case(tmp_path))
    other = run(run_algorithm, write_case(tmp_path, zone_epsg=4326))
    expected = {f["code"]: f["value"] for f in same["OUTPUT"].getFeatures()}
    assert {f["code"]: pytest.approx(f["value"]) for f in other["OUTPUT"].getFeatures()} == expected


def test_kba_parts_sharing_an_id_are_one_kba(run_algorithm, tmp_path):
    """A made of two halves: still one KBA at 75 %, so the mean does not change."""
    path = tmp_path / "parts.gpkg"
    halves = [square(0, 0, 500, 1000), square(500, 0, 1000, 1000)]
    write_polygons(path, "kbas", 4549, halves + [KBAS["B"]], [{"kba": "A"}, {"kba": "A"}, {"kba": "B"}])
    write_polygons(path, "pas", 4549, PAS, [{"wdpa": i} for i in range(len(PAS))])
    result = run(run_algorithm, {"kbas": f"{path}|layername=kbas", "pas": f"{path}|layername=pas"}, zones=False)
    assert sorted(per_kba(result)) == ["A", "B"]
    assert result["VALUE"] == pytest.approx((75.0 + 100.0) / 2, abs=1e-3)


def test_results_store_rows(run_algorithm, tmp_path):
    from sdg_monitor.core.store import ResultsStore

    store = tmp_path / "results.gpkg"
    run(run_algorithm, write_case(tmp_path), RESULTS=str(store))
    rows = ResultsStore(str(store)).read_results(indicator="15.1.2").set_index("area_id")
    assert sorted(rows.index) == ["Z1", "Z2", "total"]
    assert rows.loc["Z1", "denominator"] == 2 and rows.loc["Z1", "numerator"] == pytest.approx(75.0, abs=1e-3)
    assert rows.loc["total", "value"] == pytest.approx(56.25, abs=1e-3)


def test_without_kbas_refused(run_algorithm, tmp_path):
    path = tmp_path / "empty.gpkg"
    write_polygons(path, "pas", 4549, PAS, [{"wdpa": i} for i in range(len(PAS))])
    from osgeo import ogr, osr

    ds = ogr.Open(str(path), 1)
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4549)
    ds.CreateLayer("kbas", srs, ogr.wkbPolygon)
    ds = None
    with pytest.raises(QgsProcessingException, match="holds no polygon"):
        run(run_algorithm, {"kbas": f"{path}|layername=kbas", "pas": f"{path}|layername=pas"}, zones=False,
            KBA_ID_FIELD=None)


def test_cancel_writes_nothing(sdg_provider, tmp_path):
    import processing

    case = write_case(tmp_path)
    feedback = QgsProcessingFeedback()
    feedback.cancel()
    store = tmp_path / "results.gpkg"
    with pytest.raises(QgsProcessingException, match="Cancelled"):
        processing.run("sdg:protected_kba_15_1_2", {
            "KBAS": case["kbas"], "PROTECTED_AREAS": case["pas"], "YEAR": 2020, "RESULTS": str(store),
            "OUTPUT": "memory:"}, feedback=feedback)
    assert not store.exists()
