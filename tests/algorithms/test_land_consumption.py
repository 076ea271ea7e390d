"""sdg:land_consumption_11_3_1 on hand-worked 3x4 grids, checked against QGIS's native zonal histogram."""
from __future__ import annotations

import math

import numpy as np
import pytest
from land_data import EAST, GRID_ORIGIN, GRID_PIXEL, WEST, pixel_squares, reproject
from qgis.core import (
    NULL,
    QgsCoordinateReferenceSystem,
    QgsDistanceArea,
    QgsGeometry,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProject,
)
from sdg_testdata import write_polygons, write_raster

ORIGIN = GRID_ORIGIN  # EPSG:4549, on the central meridian: planar metres are true metres here
PIXEL = GRID_PIXEL
PIXEL_KM2 = 0.01
# 1 = built-up, 2 = other land, 0 = nodata. Start: 4 built-up pixels (west 3, east 1); end: 7 (west 4, east 3).
START = np.array([[1, 1, 2, 2],
                  [1, 2, 2, 2],
                  [0, 2, 2, 1]], dtype=np.uint8)
END = np.array([[1, 1, 1, 2],
                [1, 1, 2, 2],
                [0, 2, 1, 1]], dtype=np.uint8)
# Populations: west 600 -> 660 (PGR ln 1.1 / 10), east 400 -> 400 (PGR 0: flagged).
ZONE_ROWS = [{"code": "W", "pop10": 600, "pop20": 660}, {"code": "E", "pop10": 400, "pop20": 400}]


@pytest.fixture()
def builtup(tmp_path):
    start = write_raster(tmp_path / "built2010.tif", START, 4549, ORIGIN, PIXEL, nodata=0)
    end = write_raster(tmp_path / "built2020.tif", END, 4549, ORIGIN, PIXEL, nodata=0)
    return str(start), str(end)


@pytest.fixture()
def zones(tmp_path):
    path = write_polygons(tmp_path / "zones.gpkg", "zones", 4549, [WEST, EAST], ZONE_ROWS)
    return f"{path}|layername=zones"


def params(builtup, **extra) -> dict:
    return dict({"BUILTUP_START": builtup[0], "BUILTUP_END": builtup[1], "YEAR_START": 2010, "YEAR_END": 2020,
                 "YEAR": 2020, "OUTPUT": "memory:"}, **extra)


def by_code(result) -> dict:
    return {f["code"]: f for f in result["OUTPUT"].getFeatures()}


def test_whole_area_worked_by_hand(run_algorithm, builtup):
    """V1 = 0.04 km², V2 = 0.07 km², P 1000 -> 1500 over 10 years: LCR = 0.03 / 0.04 / 10 = 0.075,
    PGR = ln 1.5 / 10 = 0.0405465, LCRPGR = 1.849728."""
    result = run_algorithm("sdg:land_consumption_11_3_1", params(builtup, POPULATION_START=1000,
                                                                 POPULATION_END=1500))
    assert result["LCR"] == pytest.approx(0.075)
    assert result["PGR"] == pytest.approx(0.0405465108, rel=1e-8)
    assert result["VALUE"] == pytest.approx(1.8497276, rel=1e-6)
    assert result["PGR_STATUS"] == "ok"
    (feature,) = result["OUTPUT"].getFeatures()
    assert feature["builtup_start_km2"] == pytest.approx(0.04)
    assert feature["builtup_end_km2"] == pytest.approx(0.07)
    assert feature["builtup_change_km2"] == pytest.approx(0.03)
    assert feature["builtup_change_pct"] == pytest.approx(75.0)
    assert feature["builtup_pc_start_m2"] == pytest.approx(40.0)  # 40,000 m² / 1000 people
    assert feature["builtup_pc_end_m2"] == pytest.approx(70000 / 1500)
    assert feature["pgr_flag"] == 0
    assert all(isinstance(result[k], float) for k in ("VALUE", "LCR", "PGR"))


def zonal_histogram(raster: str, zones_uri: str) -> dict:
    import processing

    layer = processing.run("native:zonalhistogram", {
        "INPUT_RASTER": raster, "RASTER_BAND": 1, "INPUT_VECTOR": zones_uri, "COLUMN_PREFIX": "H_",
        "OUTPUT": "memory:"})["OUTPUT"]
    return {f["code"]: f["H_1"] for f in layer.getFeatures()}


def test_zones_with_population_fields_and_flag(run_algorithm, builtup, zones):
    result = run_algorithm("sdg:land_consumption_11_3_1", params(
        builtup, ZONES=zones, ZONE_ID_FIELD="code", POPULATION_START_FIELD="pop10", POPULATION_END_FIELD="pop20"))
    zone = by_code(result)
    for index, raster in ((0, "builtup_start_km2"), (1, "builtup_end_km2")):
        native = zonal_histogram(builtup[index], zones)
        for code in ("W", "E"):
            assert round(zone[code][raster] / PIXEL_KM2) == native[code]
    west, east = zone["W"], zone["E"]
    # West: 3 -> 4 pixels, LCR = 1/3/10, PGR = ln 1.1 / 10, LCRPGR = 3.4973530.
    assert west["lcr"] == pytest.approx(1 / 30)
    assert west["pgr"] == pytest.approx(math.log(1.1) / 10)
    assert west["value"] == pytest.approx(3.4973530, rel=1e-6)
    assert west["builtup_pc_start_m2"] == pytest.approx(50.0)  # 30,000 m² / 600
    # East: population flat -> PGR 0, LCRPGR left empty and flagged 1 (near zero).
    assert east["lcr"] == pytest.approx(0.2)
    assert east["pgr"] == pytest.approx(0.0)
    assert east["pgr_flag"] == 1
    assert east["value"] == NULL
    # Whole area = sums over zones: 0.04 -> 0.07 km², 1000 -> 1060 people.
    assert result["VALUE"] == pytest.approx(0.075 / (math.log(1.06) / 10))


def test_negative_pgr_is_reported_not_divided(run_algorithm, builtup):
    import processing

    warnings = []

    class Recorder(QgsProcessingFeedback):
        def pushWarning(self, text):
            warnings.append(text)

    result = processing.run("sdg:land_consumption_11_3_1", params(builtup, POPULATION_START=1000,
                                                                  POPULATION_END=900), feedback=Recorder())
    assert result["VALUE"] is None
    assert result["PGR_STATUS"] == "negative"
    assert result["PGR"] == pytest.approx(math.log(0.9) / 10)
    assert result["LCR"] == pytest.approx(0.075)
    (feature,) = result["OUTPUT"].getFeatures()
    assert feature["pgr_flag"] == 2
    assert any("negative" in w for w in warnings)


def test_zones_in_another_crs(run_algorithm, builtup, zones, tmp_path):
    path = write_polygons(tmp_path / "zones4326.gpkg", "zones", 4326, reproject([WEST, EAST], 4549, 4326),
                          ZONE_ROWS)
    common = {"ZONE_ID_FIELD": "code", "POPULATION_START_FIELD": "pop10", "POPULATION_END_FIELD": "pop20"}
    lonlat = run_algorithm("sdg:land_consumption_11_3_1", params(builtup, ZONES=f"{path}|layername=zones",
                                                                 **common))
    same = run_algorithm("sdg:land_consumption_11_3_1", params(builtup, ZONES=zones, **common))
    assert lonlat["OUTPUT"].crs().authid() == "EPSG:4326"
    assert lonlat["VALUE"] == pytest.approx(same["VALUE"])
    for code, feature in by_code(lonlat).items():
        assert feature["builtup_end_km2"] == pytest.approx(by_code(same)[code]["builtup_end_km2"])


def test_geographic_rasters_measured_in_metres(run_algorithm, tmp_path):
    """0.01° pixels over 30-31°N: the top half built-up in 2010, all of it in 2020."""
    start = np.zeros((100, 80), dtype=np.uint8) + 2
    start[:50] = 1
    end = np.ones((100, 80), dtype=np.uint8)
    rasters = (str(write_raster(tmp_path / "s.tif", start, 4326, (119.5, 31.0), 0.01, nodata=0)),
               str(write_raster(tmp_path / "e.tif", end, 4326, (119.5, 31.0), 0.01, nodata=0)))
    result = run_algorithm("sdg:land_consumption_11_3_1", params(rasters, POPULATION_START=100_000,
                                                                 POPULATION_END=150_000))
    measure = QgsDistanceArea()
    measure.setSourceCrs(QgsCoordinateReferenceSystem("EPSG:4326"), QgsProject.instance().transformContext())
    measure.setEllipsoid("EPSG:7030")
    top = measure.measureArea(QgsGeometry.fromWkt("POLYGON((119.5 31,120.3 31,120.3 30.5,119.5 30.5,119.5 31))"))
    whole = measure.measureArea(QgsGeometry.fromWkt("POLYGON((119.5 31,120.3 31,120.3 30,119.5 30,119.5 31))"))
    (feature,) = result["OUTPUT"].getFeatures()
    assert feature["builtup_start_km2"] == pytest.approx(top / 1e6, rel=1e-4)
    assert feature["builtup_end_km2"] == pytest.approx(whole / 1e6, rel=1e-4)
    assert feature["builtup_pc_end_m2"] == pytest.approx(whole / 150_000, rel=1e-4)
    # The southern half is larger than the northern one, so LCR is a little above 1 / 10 a year.
    assert result["LCR"] == pytest.approx((whole - top) / top / 10, rel=1e-4) and result["LCR"] > 0.1


def test_polygons_match_rasters_and_overlaps_count_once(run_algorithm, builtup, zones, tmp_path):
    start = write_polygons(tmp_path / "b.gpkg", "start", 4549, pixel_squares(START, 1))
    end = write_polygons(tmp_path / "b.gpkg", "end", 4549, pixel_squares(END, 1))
    common = {"ZONES": zones, "ZONE_ID_FIELD": "code", "POPULATION_START_FIELD": "pop10",
              "POPULATION_END_FIELD": "pop20"}
    polygons = run_algorithm("sdg:land_consumption_11_3_1", dict(
        params(builtup, **common), BUILTUP_START=None, BUILTUP_END=None,
        BUILTUP_START_POLYGONS=f"{start}|layername=start", BUILTUP_END_POLYGONS=f"{end}|layername=end"))
    rasters = run_algorithm("sdg:land_consumption_11_3_1", params(builtup, **common))
    for code, feature in by_code(polygons).items():
        for name in ("builtup_start_km2", "builtup_end_km2"):
            assert feature[name] == pytest.approx(by_code(rasters)[code][name], rel=1e-4)
    assert polygons["VALUE"] == pytest.approx(rasters["VALUE"], rel=1e-4)


def test_population_rasters_summed_per_zone(run_algorithm, builtup, zones, tmp_path):
    people10 = np.array([[100, 100, 50, 50], [200, 200, 100, 100], [0, 0, 50, 50]], dtype=np.float32)
    people20 = people10 * 1.2
    rasters = [str(write_raster(tmp_path / f"pop{y}.tif", a, 4549, ORIGIN, PIXEL, nodata=-1,
                                dtype=6)) for y, a in ((10, people10), (20, people20))]  # 6 = GDT_Float32
    result = run_algorithm("sdg:land_consumption_11_3_1", params(
        builtup, ZONES=zones, ZONE_ID_FIELD="code", POPULATION_START_RASTER=rasters[0],
        POPULATION_END_RASTER=rasters[1]))
    zone = by_code(result)
    assert zone["W"]["pop_start"] == pytest.approx(600.0) and zone["E"]["pop_start"] == pytest.approx(400.0)
    assert zone["W"]["pop_end"] == pytest.approx(720.0)
    assert zone["W"]["pgr"] == pytest.approx(math.log(1.2) / 10)
    assert result["PGR"] == pytest.approx(math.log(1.2) / 10)


def test_results_store_rows(run_algorithm, builtup, zones, tmp_path):
    from sdg_monitor.core.store import ResultsStore

    store = tmp_path / "results.gpkg"
    run_algorithm("sdg:land_consumption_11_3_1", params(
        builtup, ZONES=zones, ZONE_ID_FIELD="code", POPULATION_START_FIELD="pop10", POPULATION_END_FIELD="pop20",
        RESULTS=str(store)))
    rows = ResultsStore(str(store)).read_results(indicator="11.3.1").set_index("area_id")
    assert sorted(rows.index) == ["E", "W", "total"]
    assert rows.loc["W", "numerator"] == pytest.approx(1 / 30)
    assert rows.loc["W", "denominator"] == pytest.approx(math.log(1.1) / 10)
    assert rows.loc["E", "value"] != rows.loc["E", "value"]  # NaN: no LCRPGR where PGR is zero


def test_bad_inputs_are_refused(run_algorithm, builtup, zones, tmp_path):
    with pytest.raises(QgsProcessingException, match="YEAR_END"):
        run_algorithm("sdg:land_consumption_11_3_1", params(builtup, YEAR_END=2010, POPULATION_START=1,
                                                            POPULATION_END=2))
    with pytest.raises(QgsProcessingException, match="BUILTUP_END_POLYGONS"):
        run_algorithm("sdg:land_consumption_11_3_1", dict(params(builtup), BUILTUP_END=None))
    with pytest.raises(QgsProcessingException, match="BUILTUP_CLASSES"):
        run_algorithm("sdg:land_consumption_11_3_1", params(builtup, BUILTUP_CLASSES="urban"))
    with pytest.raises(QgsProcessingException, match="needs a ZONES"):
        run_algorithm("sdg:land_consumption_11_3_1", params(builtup, POPULATION_START_FIELD="pop10"))


def test_cancel_writes_nothing(sdg_provider, builtup, tmp_path):
    import processing

    feedback = QgsProcessingFeedback()
    feedback.cancel()
    store = tmp_path / "results.gpkg"
    with pytest.raises(QgsProcessingException, match="Cancelled"):
        processing.run("sdg:land_consumption_11_3_1", params(builtup, POPULATION_START=1, POPULATION_END=2,
                                                             RESULTS=str(store)), feedback=feedback)
    assert not store.exists()
