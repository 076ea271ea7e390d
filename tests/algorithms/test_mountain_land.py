"""sdg:mountain_land_15_4_2 (15.4.2 revised) on a hand-made DEM / land-cover pair."""
from __future__ import annotations

import numpy as np
import pytest
from osgeo import gdal
from qgis.core import NULL, QgsProcessingException
from sdg_testdata import write_raster

ORIGIN = (500000.0, 3400000.0)
# 2 × 4 pixels of 1 km. Kapos classes from elevation alone: 3600 m class 2, 2600 m class 3, 100 m no mountain.
DEM = np.array([[3600, 2600, 2600, 100], [3600, 2600, 2600, 100]], dtype=np.float32)
BELTS = np.array([[2, 3, 3, 4], [2, 3, 3, 4]], dtype=np.uint8)  # alpine column 0, montane columns 1-2
# GlobeLand30 at the baseline and at the end (SEEA: 30 grassland 3, 20 forest 4, 90 bareland 8, 100 snow 9,
# 80 artificial 1, 10 cultivated 2):
#   (0,0) grassland -> bareland: degraded, not green      (1,0) snow -> snow: stable, not green
#   (0,1) forest -> forest: stable, green                  (1,1) forest -> artificial: degraded, not green
#   (0,2) forest -> forest: stable, green                  (1,2) cultivated -> forest: improved, green
# (a) MGCI 3 / 6 = 50 %; alpine 0 / 2 = 0 %; montane 3 / 4 = 75 %.
# (b) degraded 2 / 6 = 33.3 %; alpine 1 / 2 = 50 %; montane 1 / 4 = 25 %.
LC_START = np.array([[30, 20, 20, 10], [100, 20, 10, 10]], dtype=np.uint8)
LC_END = np.array([[90, 20, 20, 10], [100, 80, 20, 10]], dtype=np.uint8)


@pytest.fixture()
def inputs(tmp_path):
    def raster(name, array, dtype=gdal.GDT_Byte, nodata=0):
        return str(write_raster(tmp_path / f"{name}.tif", array, 4549, ORIGIN, 1000.0, nodata=nodata, dtype=dtype))

    return {"DEM": raster("dem", DEM, gdal.GDT_Float32, -9999), "LANDCOVER": raster("lc1", LC_END),
            "LANDCOVER_BASELINE": raster("lc0", LC_START), "BELTS": raster("belts", BELTS)}


def test_hand_made_pair(run_algorithm, inputs, tmp_path):
    from sdg_monitor.core.store import ResultsStore

    store = tmp_path / "results.gpkg"
    result = run_algorithm("sdg:mountain_land_15_4_2", {
        **inputs, "YEAR": 2015, "RESULTS": str(store), "OUTPUT": "memory:",
        "MOUNTAIN_CLASSES": str(tmp_path / "kapos.tif")})
    assert result["VALUE"] == pytest.approx(50.0)
    assert result["DEGRADED_PCT"] == pytest.approx(100 * 2 / 6)
    feature = next(result["OUTPUT"].getFeatures())
    assert feature["mgci_alpine"] == pytest.approx(0.0) and feature["mgci_montane"] == pytest.approx(75.0)
    assert feature["mgci_nival"] == NULL  # no nival mountain
    assert feature["degraded_pct_alpine"] == pytest.approx(50.0)
    assert feature["degraded_pct_montane"] == pytest.approx(25.0)
    assert feature["mountain_km2"] == pytest.approx(6.0) and feature["degraded_km2"] == pytest.approx(2.0)
    rows = ResultsStore(str(store)).read_results(indicator="15.4.2")
    by_key = {(r.series, r.disaggregation): r.value for r in rows.itertuples()}
    assert by_key[("mgci", "")] == pytest.approx(50.0)
    assert by_key[("mgci", "bioclimatic_belt=montane")] == pytest.approx(75.0)
    assert by_key[("degraded_mountain_land", "")] == pytest.approx(100 * 2 / 6)
    assert by_key[("degraded_mountain_land", "bioclimatic_belt=alpine")] == pytest.approx(50.0)


def test_belts_from_the_growing_season_and_no_baseline(run_algorithm, inputs, tmp_path):
    def raster(name, array):
        return str(write_raster(tmp_path / f"{name}.tif", array, 4549, ORIGIN, 1000.0, nodata=-9999,
                                dtype=gdal.GDT_Float32))

    days = raster("days", np.array([[5, 120, 120, 200]] * 2, dtype=np.float32))  # nival, then warm enough
    temperature = raster("t", np.array([[1, 8, 8, 20]] * 2, dtype=np.float32))  # montane
    result = run_algorithm("sdg:mountain_land_15_4_2", {
        "DEM": inputs["DEM"], "LANDCOVER": inputs["LANDCOVER"], "SEASON_DAYS": days,
        "SEASON_TEMPERATURE": temperature, "YEAR": 2015, "OUTPUT": "memory:",
        "MOUNTAIN_CLASSES": str(tmp_path / "kapos.tif")})
    feature = next(result["OUTPUT"].getFeatures())
    assert feature["mgci_nival"] == pytest.approx(0.0) and feature["mgci_montane"] == pytest.approx(75.0)
    assert result["DEGRADED_PCT"] is None
    with pytest.raises(QgsProcessingException, match="go together"):
        run_algorithm("sdg:mountain_land_15_4_2", {
            "DEM": inputs["DEM"], "LANDCOVER": inputs["LANDCOVER"], "SEASON_DAYS": days, "YEAR": 2015,
            "OUTPUT": "memory:", "MOUNTAIN_CLASSES": str(tmp_path / "k2.tif")})
