"""sdg:rural_access_9_1_1 against hand-worked cells: urban areas removed from roads and population, the
all-season filter, the boundary-free variant and a raster urban mask."""
from __future__ import annotations

import numpy as np
import pytest
from access_data import lines
from osgeo import gdal
from sdg_testdata import write_polygons, write_raster

UTM = 32650
LEFT, TOP = 500000.0, 3400000.0
K0 = 0.9996  # UTM's scale on its central meridian: the grid is within 100 m of it, where k = K0 (1 + 6e-11)
POPULATION = np.arange(100, dtype=np.float32).reshape(10, 10) + 1
URBAN = f"POLYGON(({LEFT} {TOP},{LEFT + 50} {TOP},{LEFT + 50} {TOP - 100},{LEFT} {TOP - 100},{LEFT} {TOP}))"


@pytest.fixture()
def data(tmp_path):
    raster = write_raster(tmp_path / "pop.tif", POPULATION, UTM, (LEFT, TOP), 10.0, nodata=-1,
                          dtype=gdal.GDT_Float32)
    # Road 1 only in the urban west (row 4's centre line, x = 0-40), road 2 down column 8 (x = 85), road 3 a
    # dirt track along row 8 (y = 15) in the rural east.
    roads = lines(tmp_path / "roads.gpkg", "roads", UTM, [
        [(LEFT, TOP - 45), (LEFT + 40, TOP - 45)], [(LEFT + 85, TOP), (LEFT + 85, TOP - 100)],
        [(LEFT + 50, TOP - 85), (LEFT + 100, TOP - 85)]], [{"surface": "paved"}, {"surface": "gravel"},
                                                          {"surface": "dirt"}])
    urban = write_polygons(tmp_path / "urban.gpkg", "urban", UTM, [URBAN])
    return str(raster), roads, f"{urban}|layername=urban"


def run(run_algorithm, **parameters):
    return run_algorithm("sdg:rural_access_9_1_1", {"YEAR": 2020, "OUTPUT": "memory:", "DISTANCE": 20,
                                                     "ALL_SEASON": "\"surface\" <> 'dirt'", **parameters})


def total(cells) -> float:
    return float(sum(POPULATION[r, c] for r, c in cells))


def test_urban_removed_from_roads_and_population(run_algorithm, data):
    raster, roads, urban = data
    result = run(run_algorithm, POPULATION=raster, ROADS=roads, URBAN=urban)
    rural = {(r, c) for r in range(10) for c in range(5, 10)}  # centres x >= 55
    # Only road 2 counts: columns 7-9 (|x - 85| <= 20 K0 map metres; column 6, 20 map metres away, is 20.008 m
    # away on the ground). Road 1 is urban (it would reach rows 3-5 of column 5) and road 3 is not all-season (it
    # would reach columns 5-6 in rows 7-9).
    served = {(r, c) for r in range(10) for c in range(7, 10)}
    feature = next(result["OUTPUT"].getFeatures())
    assert feature["served_population"] == total(served)
    assert feature["population"] == total(rural)
    assert result["VALUE"] == pytest.approx(100 * total(served) / total(rural))


def test_all_roads_when_no_filter(run_algorithm, data):
    raster, roads, urban = data
    result = run(run_algorithm, POPULATION=raster, ROADS=roads, URBAN=urban, ALL_SEASON="")
    # Road 2 as above, and road 3 (y = 15, x >= 50) reaches rows 7-9 (|y - 15| <= 10) of columns 5 and 6; row 6
    # is 20 map metres, 20.008 m, away.
    served = {(r, c) for r in range(10) for c in range(7, 10)} | {(r, c) for r in range(7, 10) for c in (5, 6)}
    assert next(result["OUTPUT"].getFeatures())["served_population"] == total(served)


def test_boundary_free_counts_everyone_and_every_road(run_algorithm, data):
    raster, roads, urban = data
    result = run(run_algorithm, POPULATION=raster, ROADS=roads, URBAN=urban, BOUNDARY_FREE=True)
    ys, xs = np.mgrid[0:10, 0:10]
    x, y = 10 * xs + 5, 95 - 10 * ys  # cell centres, y up from the bottom edge
    near_road1 = np.hypot(np.clip(x, 0, 40) - x, 55 - y) <= 20 * K0
    near_road2 = np.abs(x - 85) <= 20 * K0
    served = near_road1 | near_road2
    feature = next(result["OUTPUT"].getFeatures())
    assert feature["served_population"] == float(POPULATION[served].sum())
    assert feature["population"] == float(POPULATION.sum())


def test_raster_mask_equals_polygons(run_algorithm, data, tmp_path):
    raster, roads, urban = data
    mask = np.zeros((24, 24), dtype=np.uint8)
    mask[:, :12] = 1  # 5 m cells from x = -10: urban up to x = 50, like the polygon
    mask_path = write_raster(tmp_path / "mask.tif", mask, UTM, (LEFT - 10, TOP + 10), 5.0)
    by_mask = run(run_algorithm, POPULATION=raster, ROADS=roads, URBAN_MASK=str(mask_path))
    by_polygons = run(run_algorithm, POPULATION=raster, ROADS=roads, URBAN=urban)
    a, b = next(by_mask["OUTPUT"].getFeatures()), next(by_polygons["OUTPUT"].getFeatures())
    assert (a["served_population"], a["population"]) == (b["served_population"], b["population"])


def test_refuses_both_urban_inputs(run_algorithm, data, tmp_path):
    raster, roads, urban = data
    mask_path = write_raster(tmp_path / "mask.tif", np.ones((2, 2), dtype=np.uint8), UTM, (LEFT, TOP), 50.0)
    with pytest.raises(Exception, match="either as polygons"):
        run(run_algorithm, POPULATION=raster, ROADS=roads, URBAN=urban, URBAN_MASK=str(mask_path))
