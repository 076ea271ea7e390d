"""Every raster indicator gives the same result when its rasters are read in strips of one row (or a few pixels)
as when they are read in one block (issue 10): output rasters, counts, ids and texts exactly; floating-point
sums to 1e-9 (relative, or absolute near 0). Sums cannot match to the last bit: pixel areas do not depend on the
strips (issue 24), but sums added strip by strip round differently."""
from __future__ import annotations

import numpy as np
import pytest
from access_data import lines, points
from osgeo import gdal
from sdg_testdata import write_polygons, write_raster

EPSG = 4549
X0, Y0 = 500000.0, 3370000.0
ROWS, COLS = 30, 40  # 30 m land cover: 1,200 × 900 m
CLASSES = np.array([0, 10, 20, 20, 30, 60, 80, 80], dtype=np.uint8)  # 0 is nodata


@pytest.fixture(scope="module")
def inputs(tmp_path_factory):
    """Land cover at two dates (30 m), population at two dates (60 m, offset), PM2.5 (150 m, offset), a DEM,
    degradation states, an urban mask, three zones cutting pixels at angles (one reaching past the rasters),
    stops and roads: all random but fixed."""
    folder = tmp_path_factory.mktemp("block_size")
    rng = np.random.default_rng(10)

    def raster(name, array, origin, pixel, nodata, dtype=gdal.GDT_Byte) -> str:
        return str(write_raster(folder / f"{name}.tif", array, EPSG, origin, pixel, nodata=nodata, dtype=dtype))

    paths = {year: raster(f"lc_{year}", CLASSES[rng.integers(0, len(CLASSES), (ROWS, COLS))], (X0, Y0), 30.0, 0)
             for year in (2015, 2020)}
    people = rng.random((16, 21)) * 50
    for year, growth in ((2015, 0.0), (2020, 12.0)):  # the population grows: LCRPGR has a value
        paths[f"pop_{year}"] = raster(f"pop_{year}", (people + rng.random((16, 21)) * growth).astype(np.float32),
                                      (X0 - 13, Y0 + 7), 60.0, -1, gdal.GDT_Float32)
    paths["pm25"] = raster("pm25", (rng.random((7, 9)) * 60).astype(np.float32), (X0 - 40, Y0 + 20), 150.0, -9999,
                           gdal.GDT_Float32)
    dem = 2500 + np.cumsum(rng.random((ROWS, COLS)) * 40, axis=1) + np.cumsum(rng.random((ROWS, 1)) * 30, axis=0)
    paths["dem"] = raster("dem", dem.astype(np.float32), (X0, Y0), 30.0, None, gdal.GDT_Float32)
    for name in ("state_lc", "state_prod", "state_soc"):
        states = rng.integers(-1, 2, (ROWS, COLS)).astype(np.int16)
        states[rng.random((ROWS, COLS)) < 0.05] = -32768
        paths[name] = raster(name, states, (X0, Y0), 30.0, -32768, gdal.GDT_Int16)
    paths["urban"] = raster("urban", (rng.random((ROWS, COLS)) < 0.3).astype(np.uint8), (X0, Y0), 30.0, None)
    zones = write_polygons(folder / "zones.gpkg", "zones", EPSG, [
        f"POLYGON(({X0 + 13} {Y0 - 3},{X0 + 633} {Y0 - 11},{X0 + 571} {Y0 - 613},{X0 + 7} {Y0 - 441},"
        f"{X0 + 13} {Y0 - 3}))",
        f"POLYGON(({X0 + 633} {Y0 - 11},{X0 + 1290} {Y0 + 40},{X0 + 1250} {Y0 - 950},{X0 + 571} {Y0 - 613},"
        f"{X0 + 633} {Y0 - 11}))",
        f"POLYGON(({X0 + 7} {Y0 - 441},{X0 + 571} {Y0 - 613},{X0 + 1250} {Y0 - 950},{X0 + 100} {Y0 - 880},"
        f"{X0 + 7} {Y0 - 441}))"],
        [{"code": "Z1", "pop_a": 1200.0, "pop_b": 1500.0}, {"code": "Z2", "pop_a": 800.0, "pop_b": 790.0},
         {"code": "Z3", "pop_a": 300.0, "pop_b": 420.0}])
    paths["zones"] = f"{zones}|layername=zones"
    trends = np.random.default_rng(21)  # NDVI 2005-2020 with trends, and land units (own stream: others unchanged)
    ndvi = (trends.uniform(0.1, 0.8, (ROWS, COLS)) + np.arange(16)[:, None, None]
            * trends.choice([-0.03, 0.0, 0.03], (ROWS, COLS)) + trends.normal(0, 0.05, (16, ROWS, COLS)))
    paths["ndvi"] = raster("ndvi", ndvi.astype(np.float32), (X0, Y0), 30.0, -9999, gdal.GDT_Float32)
    paths["units"] = raster("units", trends.integers(1, 4, (ROWS, COLS)).astype(np.uint8), (X0, Y0), 30.0, 0)
    xy = [(X0 + rng.random() * 1200, Y0 - rng.random() * 900) for _ in range(6)]
    paths["stops"] = str(points(folder / "stops.gpkg", "stops", EPSG, xy,
                                [{"capacity": "high" if i % 3 == 0 else "low"} for i in range(6)]))
    paths["roads"] = str(lines(folder / "roads.gpkg", "roads", EPSG, [
        [(X0, Y0 - 100), (X0 + 1200, Y0 - 700)], [(X0 + 300, Y0), (X0 + 500, Y0 - 900)]], [{"kind": "a"}] * 2))
    return paths


CASES = {
    "forest_area_15_1_1": lambda p: {"LANDCOVER": p[2020], "FOREST_CLASSES": "20", "WATER_CLASSES": "60"},
    "land_consumption_11_3_1": lambda p: {
        "BUILTUP_START": p[2015], "BUILTUP_END": p[2020], "BUILTUP_CLASSES": "80,30", "YEAR_START": 2015,
        "YEAR_END": 2020, "POPULATION_START_RASTER": p["pop_2015"], "POPULATION_END_RASTER": p["pop_2020"]},
    "pm25_exposure_11_6_2": lambda p: {"CONCENTRATION": p["pm25"], "POPULATION": p["pop_2020"]},
    "transit_access_11_2_1": lambda p: {"POPULATION": p["pop_2020"], "STOPS": p["stops"],
                                        "CAPACITY_FIELD": "capacity"},
    "water_extent_change_6_6_1": lambda p: {"WATER_RASTERS": [p[2015], p[2020]], "YEARS": "2015,2020",
                                            "WATER_CLASSES": "60"},
    "mountain_green_cover_15_4_2": lambda p: {"DEM": p["dem"], "LANDCOVER": p[2020], "MOUNTAIN_CLASSES": "TMP"},
    "mountain_land_15_4_2": lambda p: {"DEM": p["dem"], "LANDCOVER": p[2020], "LANDCOVER_BASELINE": p[2015],
                                       "BELTS": p["units"], "MOUNTAIN_CLASSES": "TMP"},
    "land_degradation_15_3_1": lambda p: {"LANDCOVER_STATE": p["state_lc"], "PRODUCTIVITY": p["state_prod"],
                                          "SOC_STATE": p["state_soc"], "DEGRADATION": "TMP"},
    "land_productivity_15_3_1": lambda p: {
        "NDVI": p["ndvi"], "LAND_UNITS": p["units"], "FIRST_YEAR": 2005, "BASELINE_START": 2005,
        "BASELINE_END": 2017, "REPORT_START": 2018, "REPORT_END": 2020, "OUTPUT_LPD": "TMP",
        "OUTPUT_SUBINDICATOR": "TMP"},
    "soil_carbon_15_3_1": lambda p: {
        "SOC_START": p["pop_2015"], "LANDCOVER_START": p[2015], "LANDCOVER_END": p[2020], "YEAR_START": 2010,
        "YEAR_END": 2020, "CLIMATE": p["units"], "OUTPUT_SOC": "TMP", "OUTPUT_SUBINDICATOR": "TMP"},
    "rural_access_9_1_1": lambda p: {"POPULATION": p["pop_2020"], "ROADS": p["roads"], "DISTANCE": 100,
                                     "URBAN_MASK": p["urban"]},
}


def outcome(run_algorithm, algorithm: str, parameters: dict, folder) -> dict:
    """Every output of a run: numbers and strings as they are, OUTPUT as its attribute rows, rasters as arrays."""
    folder.mkdir()
    filled = {name: str(folder / f"{name.lower()}.tif") if value == "TMP" else value
              for name, value in parameters.items()}
    result = run_algorithm(f"sdg:{algorithm}", filled)
    found = {}
    for name, value in result.items():
        if name == "OUTPUT":
            found[name] = [feature.attributes() for feature in value.getFeatures()]
        elif isinstance(value, str) and value.endswith(".tif"):
            dataset = gdal.Open(value)  # held while the band is read
            found[name] = dataset.GetRasterBand(1).ReadAsArray().tolist()
        else:
            found[name] = value
    return found


def same(found, expected) -> bool:
    """Equal, floats within 1e-9 (relative, or absolute near 0), anything else exactly, through lists and dicts."""
    if isinstance(expected, dict):
        return found.keys() == expected.keys() and all(same(found[k], expected[k]) for k in expected)
    if isinstance(expected, list):
        return len(found) == len(expected) and all(same(f, e) for f, e in zip(found, expected))
    if isinstance(expected, float) and isinstance(found, float):
        return found == pytest.approx(expected, rel=1e-9, abs=1e-9)
    return type(found) is type(expected) and found == expected


@pytest.mark.parametrize("algorithm", sorted(CASES))
def test_strips_of_a_few_pixels_give_what_one_block_gives(run_algorithm, inputs, tmp_path, monkeypatch, algorithm):
    from sdg_monitor.processing import raster_io

    parameters = dict(CASES[algorithm](inputs), ZONES=inputs["zones"], ZONE_ID_FIELD="code", YEAR=2020,
                      OUTPUT="memory:")
    monkeypatch.setattr(raster_io, "STRIP_PIXELS", 10**9)
    whole = outcome(run_algorithm, algorithm, parameters, tmp_path / "whole")
    monkeypatch.setattr(raster_io, "STRIP_PIXELS", 7)  # one row per strip (a few rows on the coarse grids)
    strips = outcome(run_algorithm, algorithm, parameters, tmp_path / "strips")
    assert same(strips, whole)
    assert len(whole["OUTPUT"]) == 3 and whole["VALUE"] is not None
