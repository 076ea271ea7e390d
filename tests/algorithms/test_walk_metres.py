"""Straight-line access distances are ground metres in any projected CRS: the cells served are exactly those
whose centre is within the distance of a stop on the ellipsoid (pyproj's geodesic, independent of the plugin)."""
from __future__ import annotations

import numpy as np
import pytest
from access_data import geodesic_within, points
from osgeo import gdal
from sdg_testdata import write_raster

# (EPSG, top-left corner, cell size in map units): Web Mercator at 60° N (a map unit is 0.5 ground metres) and
# at 30° N (0.866), UTM zone 50N 300 km east of its central meridian (k = 1.0007).
CASES = [(3857, (2782000.0, 8399000.0), 50.0), (3857, (12800000.0, 3503000.0), 25.0),
         (32650, (800000.0, 3400000.0), 25.0)]
SIZE = 48


@pytest.mark.parametrize("epsg, corner, res", CASES)
def test_served_cells_are_the_geodesic_ones(run_algorithm, tmp_path, epsg, corner, res):
    left, top = corner
    population = np.random.default_rng(epsg).integers(1, 1000, size=(SIZE, SIZE)).astype(np.float32)
    raster = write_raster(tmp_path / "pop.tif", population, epsg, corner, res, nodata=-1, dtype=gdal.GDT_Float32)
    span = SIZE * res
    stops = [(left + 0.31 * span, top - 0.42 * span), (left + 0.77 * span, top - 0.68 * span)]
    layer = points(tmp_path / "stops.gpkg", "stops", epsg, stops)
    result = run_algorithm("sdg:transit_access_11_2_1", {"POPULATION": str(raster), "STOPS": layer,
                                                         "LOW_DISTANCE": 500, "YEAR": 2020, "OUTPUT": "memory:"})
    near = geodesic_within(epsg, left, top, res, population.shape, stops, 500.0)
    rows, cols = np.mgrid[0:SIZE, 0:SIZE]
    x, y = left + res * (cols + 0.5), top - res * (rows + 0.5)
    map_metres = np.zeros(near.shape, dtype=bool)  # the old reading: 500 map units
    for sx, sy in stops:
        map_metres |= np.hypot(x - sx, y - sy) <= 500.0
    assert 0 < near.sum() < near.size and np.any(near != map_metres)
    assert next(result["OUTPUT"].getFeatures())["served_population"] == float(population[near].sum())
