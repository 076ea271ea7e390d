"""sdg:land_degradation_15_3_1 against numpy counts of the one out, all out rule and a hand-worked grid."""
from __future__ import annotations

import itertools

import numpy as np
import pytest
from osgeo import gdal
from qgis.core import QgsProcessingException
from sdg_testdata import write_polygons, write_raster

ORIGIN = (500000.0, 3400000.0)
NODATA = -32768


def read(path) -> np.ndarray:
    dataset = gdal.Open(str(path))  # held: a band outlives no dataset
    return dataset.GetRasterBand(1).ReadAsArray()


def rule(states) -> int:
    if NODATA in states:
        return NODATA
    return -1 if -1 in states else 1 if 1 in states else 0


@pytest.fixture()
def state_rasters(tmp_path):
    """Three -1/0/1 rasters (100 m pixels, 8 × 8) holding all 64 combinations of -1, 0, 1 and nodata."""
    combos = np.array(list(itertools.product((-1, 0, 1, NODATA), repeat=3)), dtype=np.int16)
    paths = []
    for i, name in enumerate(("lc", "prod", "soc")):
        array = combos[:, i].reshape(8, 8)
        paths.append(str(write_raster(tmp_path / f"{name}.tif", array, 4549, ORIGIN, 100.0, nodata=NODATA,
                                      dtype=gdal.GDT_Int16)))
    x0, y0 = ORIGIN
    zones = write_polygons(tmp_path / "zones.gpkg", "zones", 4549, [
        f"POLYGON(({x0} {y0},{x0 + 300} {y0},{x0 + 300} {y0 - 800},{x0} {y0 - 800},{x0} {y0}))",
        f"POLYGON(({x0 + 300} {y0},{x0 + 800} {y0},{x0 + 800} {y0 - 800},{x0 + 300} {y0 - 800},{x0 + 300} {y0}))",
    ], [{"code": "W"}, {"code": "E"}])
    return paths, combos, f"{zones}|layername=zones"


def test_every_combination_by_zone(run_algorithm, state_rasters, tmp_path):
    from sdg_monitor.core.store import ResultsStore

    (lc, prod, soc), combos, zones = state_rasters
    store = tmp_path / "results.gpkg"
    result = run_algorithm("sdg:land_degradation_15_3_1", {
        "LANDCOVER_STATE": lc, "PRODUCTIVITY": prod, "SOC_STATE": soc, "ZONES": zones, "ZONE_ID_FIELD": "code",
        "YEAR": 2020, "RESULTS": str(store), "OUTPUT": "memory:", "DEGRADATION": str(tmp_path / "ld.tif")})
    expected = np.array([rule(tuple(c)) for c in combos]).reshape(8, 8)
    assert read(result["DEGRADATION"]).tolist() == expected.tolist()
    pixel_km2 = 0.01
    by_zone = {"W": expected[:, :3], "E": expected[:, 3:]}
    features = {f["code"]: f for f in result["OUTPUT"].getFeatures()}
    for code, part in by_zone.items():
        degraded, stable, improved = (np.count_nonzero(part == s) for s in (-1, 0, 1))
        assert features[code]["degraded_km2"] == pytest.approx(degraded * pixel_km2)
        assert features[code]["stable_km2"] == pytest.approx(stable * pixel_km2)
        assert features[code]["improved_km2"] == pytest.approx(improved * pixel_km2)
        assert features[code]["value"] == pytest.approx(100 * degraded / (degraded + stable + improved))
    # 27 combinations without nodata: 19 with a -1, 7 with a 1 and no -1, 1 all stable.
    assert result["DEGRADED_KM2"] == pytest.approx(19 * pixel_km2)
    assert result["IMPROVED_KM2"] == pytest.approx(7 * pixel_km2)
    assert result["STABLE_KM2"] == pytest.approx(1 * pixel_km2)
    assert result["VALUE"] == pytest.approx(100 * 19 / 27)
    rows = ResultsStore(str(store)).read_results(indicator="15.3.1").set_index("area_id")
    assert sorted(rows.index) == ["E", "W", "total"]
    assert rows.loc["total", "numerator"] == pytest.approx(0.19)


# Hand-worked 2 × 3 grid of 1 km pixels (GlobeLand30 land cover, UNCCD default matrix):
#   (0,0) forest -> cultivated: LC -1                        -> degraded
#   (0,1) cultivated -> forest: LC +1, SOC 50 -> 40 (-20 %)  -> degraded
#   (0,2) grassland stays: LC 0, SOC 50 -> 56 (+12 %)        -> improved
#   (1,0) water stays: not land                              -> left out
#   (1,1) bareland -> artificial: LC -1                      -> degraded
#   (1,2) artificial stays: LC 0, productivity 0, SOC 0      -> stable
LC_START = np.array([[20, 10, 30], [60, 90, 80]], dtype=np.uint8)
LC_END = np.array([[10, 20, 30], [60, 80, 80]], dtype=np.uint8)
SOC_START = np.array([[50, 50, 50], [50, 50, 50]], dtype=np.float32)
SOC_END = np.array([[50, 40, 56], [50, 50, 50]], dtype=np.float32)
PRODUCTIVITY = np.zeros((2, 3), dtype=np.int16)


@pytest.fixture()
def computed_inputs(tmp_path):
    def raster(name, array, dtype, nodata):
        return str(write_raster(tmp_path / f"{name}.tif", array, 4549, ORIGIN, 1000.0, nodata=nodata, dtype=dtype))

    return {
        "LANDCOVER_START": raster("lc0", LC_START, gdal.GDT_Byte, 0),
        "LANDCOVER_END": raster("lc1", LC_END, gdal.GDT_Byte, 0),
        "SOC_START": raster("soc0", SOC_START, gdal.GDT_Float32, -1),
        "SOC_END": raster("soc1", SOC_END, gdal.GDT_Float32, -1),
        "PRODUCTIVITY": raster("prod", PRODUCTIVITY, gdal.GDT_Int16, NODATA),
    }


def test_computed_sub_indicators_hand_worked(run_algorithm, computed_inputs, tmp_path):
    result = run_algorithm("sdg:land_degradation_15_3_1", {
        **computed_inputs, "YEAR": 2020, "OUTPUT": "memory:", "DEGRADATION": str(tmp_path / "ld.tif")})
    assert read(result["DEGRADATION"]).tolist() == [[-1, -1, 1], [NODATA, -1, 0]]
    assert result["DEGRADED_KM2"] == pytest.approx(3.0)
    assert result["IMPROVED_KM2"] == pytest.approx(1.0)
    assert result["STABLE_KM2"] == pytest.approx(1.0)
    assert result["VALUE"] == pytest.approx(60.0)


def test_edited_matrix_and_threshold(run_algorithm, computed_inputs, tmp_path):
    """Forest to cropland made stable (flat 49 values) and a 25 % SOC threshold: (0,0) becomes stable,
    (0,1) improved (LC +1, SOC -20 % now stable), (0,2) stable."""
    matrix = [0, 0, 0, -1, -1, -1, 0,
              1, 0, 1, -1, -1, -1, 0,
              1, -1, 0, -1, -1, -1, 0,
              -1, -1, -1, 0, -1, -1, 0,
              1, 1, 1, 1, 0, 1, 0,
              1, 1, 1, 1, -1, 0, 0,
              0, 0, 0, 0, 0, 0, 0]
    result = run_algorithm("sdg:land_degradation_15_3_1", {
        **computed_inputs, "TRANSITION_MATRIX": matrix, "SOC_THRESHOLD": 25.0, "YEAR": 2020,
        "OUTPUT": "memory:", "DEGRADATION": str(tmp_path / "ld.tif")})
    assert read(result["DEGRADATION"]).tolist() == [[0, 1, 0], [NODATA, -1, 0]]
    assert result["VALUE"] == pytest.approx(20.0)


def test_inputs_on_another_grid_are_aligned(run_algorithm, computed_inputs, tmp_path):
    """Productivity at 500 m pixels (degraded in the east half) is read onto the 1 km land-cover grid."""
    prod = np.zeros((4, 6), dtype=np.int16)
    prod[:, 4:] = -1
    path = write_raster(tmp_path / "prod500.tif", prod, 4549, ORIGIN, 500.0, nodata=NODATA, dtype=gdal.GDT_Int16)
    result = run_algorithm("sdg:land_degradation_15_3_1", {
        **computed_inputs, "PRODUCTIVITY": str(path), "YEAR": 2020, "OUTPUT": "memory:",
        "DEGRADATION": str(tmp_path / "ld.tif")})
    assert read(result["DEGRADATION"]).tolist() == [[-1, -1, -1], [NODATA, -1, -1]]


@pytest.mark.parametrize("parameters, message", [
    ({}, "at least one sub-indicator"),
    ({"LANDCOVER_START": "lc0"}, "go together"),
    ({"LANDCOVER_STATE": "prod", "LANDCOVER_START": "lc0", "LANDCOVER_END": "lc1"}, "not both"),
    ({"LANDCOVER_START": "lc0", "LANDCOVER_END": "lc1", "TRANSITION_MATRIX": [0] * 48 + [3]}, "TRANSITION_MATRIX"),
    ({"LANDCOVER_START": "lc0", "LANDCOVER_END": "lc1", "LANDCOVER_MAPPING": "20=9"}, "LANDCOVER_MAPPING"),
])
def test_bad_inputs_are_refused(run_algorithm, computed_inputs, tmp_path, parameters, message):
    names = {"lc0": "LANDCOVER_START", "lc1": "LANDCOVER_END", "prod": "PRODUCTIVITY"}
    resolved = {k: computed_inputs[names[v]] if isinstance(v, str) and v in names else v
                for k, v in parameters.items()}
    with pytest.raises(QgsProcessingException, match=message):
        run_algorithm("sdg:land_degradation_15_3_1", {
            **resolved, "YEAR": 2020, "OUTPUT": "memory:", "DEGRADATION": str(tmp_path / "ld.tif")})


def test_cancel_writes_no_raster(sdg_provider, computed_inputs, tmp_path):
    from qgis.core import QgsProcessingFeedback

    import processing

    feedback = QgsProcessingFeedback()
    feedback.cancel()
    target = tmp_path / "ld.tif"
    with pytest.raises(QgsProcessingException, match="Cancelled"):
        processing.run("sdg:land_degradation_15_3_1", {
            **computed_inputs, "YEAR": 2020, "OUTPUT": "memory:", "DEGRADATION": str(target)}, feedback=feedback)
    assert not target.exists()


def test_productivity_from_lpd_classes(run_algorithm, tmp_path):
    lpd = write_raster(tmp_path / "lpd.tif", np.array([[1, 2, 3, 4, 5, 9]], dtype=np.uint8), 4549, ORIGIN, 100.0,
                       nodata=0)
    result = run_algorithm("sdg:land_degradation_15_3_1", {
        "PRODUCTIVITY_LPD": str(lpd), "YEAR": 2020, "OUTPUT": "memory:", "DEGRADATION": str(tmp_path / "d.tif")})
    assert read(result["DEGRADATION"]).tolist() == [[-1, -1, 0, 0, 1, NODATA]]  # 9 is no LPD class
    assert result["VALUE"] == pytest.approx(40.0)
    assert result["STATUS_VALUE"] is None
    with pytest.raises(QgsProcessingException, match="not both"):
        run_algorithm("sdg:land_degradation_15_3_1", {
            "PRODUCTIVITY_LPD": str(lpd), "PRODUCTIVITY": str(lpd), "YEAR": 2020, "OUTPUT": "memory:",
            "DEGRADATION": str(tmp_path / "e.tif")})


# Status (GPG Addendum 2025): baseline rows × period columns, every pair once, and one pixel without a baseline.
#   baseline -1: period -1 -> 1 persistent degradation, 0 -> 3 baseline degradation, 1 -> 6 recent improvement
#   baseline  0: -1 -> 2 recent degradation, 0 -> 4 stability, 1 -> 6
#   baseline  1: -1 -> 2, 0 -> 5 baseline improvement, 1 -> 7 persistent improvement
# Degraded by status: classes 1, 2, 3 = 4 of the 11 assessed pixels (stable 1, improved 6).
BASELINE = np.array([[-1, -1, -1, NODATA], [0, 0, 0, 0], [1, 1, 1, 1]], dtype=np.int16)
PERIOD = np.array([[-1, 0, 1, 0], [-1, 0, 1, 1], [-1, 0, 1, 1]], dtype=np.int16)
STATUS = [[1, 3, 6, 0], [2, 4, 6, 6], [2, 5, 7, 7]]


def test_status_map_of_the_reporting_period(run_algorithm, tmp_path):
    def raster(name, array):
        return str(write_raster(tmp_path / f"{name}.tif", array, 4549, ORIGIN, 100.0, nodata=NODATA,
                                dtype=gdal.GDT_Int16))

    result = run_algorithm("sdg:land_degradation_15_3_1", {
        "LANDCOVER_STATE": raster("period", PERIOD), "BASELINE": raster("baseline", BASELINE), "YEAR": 2020,
        "OUTPUT": "memory:", "DEGRADATION": str(tmp_path / "d.tif"), "STATUS": str(tmp_path / "status.tif")})
    assert read(result["STATUS"]).tolist() == STATUS
    assert result["STATUS_VALUE"] == pytest.approx(100 * 4 / 11)
    feature = next(result["OUTPUT"].getFeatures())
    assert feature["status_degraded_km2"] == pytest.approx(0.04)
    assert feature["status_stable_km2"] == pytest.approx(0.01)
    assert feature["status_improved_km2"] == pytest.approx(0.06)
    assert result["VALUE"] == pytest.approx(100 * 3 / 12)  # the period's own 15.3.1 is unchanged
    without_map = run_algorithm("sdg:land_degradation_15_3_1", {
        "LANDCOVER_STATE": raster("period1", PERIOD), "BASELINE": raster("baseline1", BASELINE), "YEAR": 2020,
        "OUTPUT": "memory:", "DEGRADATION": str(tmp_path / "d1.tif")})
    assert without_map["STATUS_VALUE"] == pytest.approx(100 * 4 / 11) and not without_map.get("STATUS")
    no_baseline = run_algorithm("sdg:land_degradation_15_3_1", {  # as models and indicator sets pass STATUS
        "LANDCOVER_STATE": raster("period2", PERIOD), "YEAR": 2020, "OUTPUT": "memory:",
        "DEGRADATION": str(tmp_path / "d2.tif"), "STATUS": str(tmp_path / "status2.tif")})
    assert no_baseline["STATUS_VALUE"] is None and not no_baseline.get("STATUS")
    assert not (tmp_path / "status2.tif").exists()
