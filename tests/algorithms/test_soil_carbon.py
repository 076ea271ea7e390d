"""sdg:soil_carbon_15_3_1 on a hand-worked grid, and its outputs as the SOC input of sdg:land_degradation_15_3_1."""
from __future__ import annotations

import numpy as np
import pytest
from osgeo import gdal
from qgis.core import QgsProcessingException
from sdg_testdata import write_raster

ORIGIN = (500000.0, 3400000.0)
# 2 × 3 pixels of 1 km (100 ha), land cover 2010 -> 2020 (GlobeLand30), 10 years: half of the 20-year change.
#   (0,0) forest -> cultivated, temperate moist: 1 + (0.69 - 1) / 2 = 0.845: 50 -> 42.25, -15.5 %   degraded
#   (0,1) cultivated -> forest: 1 + (1/0.69 - 1) / 2 = 1.22464: 60 -> 73.478                      improved
#   (0,2) artificial -> grassland: 1 + (2 - 1) / 2 = 1.5: 40 -> 60                                 improved
#   (1,0) forest stays (tropical dry from the climate raster): 80 -> 80                            stable
#   (1,1) no stock (0): no data
#   (1,2) water stays (no climate value: the default region): 50 -> 50                             stable
SOC = np.array([[50, 60, 40], [80, 0, 50]], dtype=np.float32)
LC_2010 = np.array([[20, 10, 80], [20, 20, 60]], dtype=np.uint8)
LC_2020 = np.array([[10, 20, 30], [20, 10, 60]], dtype=np.uint8)
CLIMATE = np.array([[2, 2, 2], [3, 2, 255]], dtype=np.uint8)
END = [[42.25, 60 * (1 + (1 / 0.69 - 1) / 2), 60.0], [80.0, -9999.0, 50.0]]


def read(path) -> np.ndarray:
    dataset = gdal.Open(str(path))
    return dataset.GetRasterBand(1).ReadAsArray()


@pytest.fixture()
def inputs(tmp_path):
    def raster(name, array, dtype, nodata):
        return str(write_raster(tmp_path / f"{name}.tif", array, 4549, ORIGIN, 1000.0, nodata=nodata, dtype=dtype))

    return {"SOC_START": raster("soc", SOC, gdal.GDT_Float32, -1), "LANDCOVER_START": raster("lc0", LC_2010,
            gdal.GDT_Byte, 0), "LANDCOVER_END": raster("lc1", LC_2020, gdal.GDT_Byte, 0),
            "CLIMATE": raster("climate", CLIMATE, gdal.GDT_Byte, 255), "YEAR_START": 2010, "YEAR_END": 2020}


def test_hand_worked_grid_and_use_in_15_3_1(run_algorithm, inputs, tmp_path):
    result = run_algorithm("sdg:soil_carbon_15_3_1", {
        **inputs, "YEAR": 2020, "OUTPUT": "memory:", "OUTPUT_SOC": str(tmp_path / "soc_end.tif"),
        "OUTPUT_SUBINDICATOR": str(tmp_path / "soc_state.tif")})
    assert read(result["OUTPUT_SOC"]) == pytest.approx(np.array(END), rel=1e-6)
    assert read(result["OUTPUT_SUBINDICATOR"]).tolist() == [[-1, 1, 1], [0, -32768, 0]]
    assert result["VALUE"] == pytest.approx(20.0)
    feature = next(result["OUTPUT"].getFeatures())
    assert feature["degraded_km2"] == pytest.approx(1.0) and feature["improved_km2"] == pytest.approx(2.0)
    assert feature["total_km2"] == pytest.approx(5.0)
    start, end = 280 * 100, (sum(END[0]) + 80 + 50) * 100
    assert feature["soc_start_t"] == pytest.approx(start) and feature["soc_end_t"] == pytest.approx(end)
    assert feature["soc_change_pct"] == pytest.approx(100 * (end - start) / start)
    by_state = run_algorithm("sdg:land_degradation_15_3_1", {
        "SOC_STATE": result["OUTPUT_SUBINDICATOR"], "YEAR": 2020, "OUTPUT": "memory:",
        "DEGRADATION": str(tmp_path / "a.tif")})
    by_stocks = run_algorithm("sdg:land_degradation_15_3_1", {
        "SOC_START": inputs["SOC_START"], "SOC_END": result["OUTPUT_SOC"], "YEAR": 2020, "OUTPUT": "memory:",
        "DEGRADATION": str(tmp_path / "b.tif")})
    assert read(by_state["DEGRADATION"]).tolist() == read(by_stocks["DEGRADATION"]).tolist() == [
        [-1, 1, 1], [0, -32768, 0]]


def test_default_region_and_table(run_algorithm, inputs, tmp_path):
    params = {**inputs, "YEAR": 2020, "OUTPUT": "memory:", "OUTPUT_SOC": str(tmp_path / "s.tif"),
              "OUTPUT_SUBINDICATOR": str(tmp_path / "t.tif")}
    del params["CLIMATE"]
    params.update(CLIMATE_REGION=9, CLIMATE_FACTORS=[9, "Steep", 0.5], YEAR_START=2000)  # 20 years: full change
    result = run_algorithm("sdg:soil_carbon_15_3_1", params)
    assert read(result["OUTPUT_SOC"])[0].tolist() == pytest.approx([25.0, 120.0, 80.0])
    params.update(CLIMATE_REGION=4, OUTPUT_SOC=str(tmp_path / "refused.tif"))
    with pytest.raises(QgsProcessingException, match="CLIMATE_REGION"):
        run_algorithm("sdg:soil_carbon_15_3_1", params)
    assert not (tmp_path / "refused.tif").exists()
