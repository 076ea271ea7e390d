"""True areas pixel by pixel through the Processing algorithms (issue 24): a class share on a Web Mercator grid
against pyproj's geodesic areas, and the Processing algorithms' pixel areas equal to the scale-out's."""
from __future__ import annotations

import numpy as np
from osgeo import gdal
from pyproj import Geod, Transformer
from qgis.core import QgsRasterLayer
from sdg_monitor.processing.raster_io import grid_of
from sdg_monitor.raster.window import grid_areas
from sdg_testdata import write_polygons, write_raster

Y48, Y50 = 6106854.834885075, 6446275.841017158  # Web Mercator northings of 48° N and 50° N
PIXEL = 2000.0


def test_a_class_share_varying_with_latitude_is_the_ellipsoidal_share(run_algorithm, tmp_path):
    """Forest mostly in the north of a 48-50° N Web Mercator grid: the planar pixel share is 0.2 points too
    high; the algorithm's share equals the share of pyproj's geodesic pixel areas within 0.001 points."""
    rows, cols = round((Y50 - Y48) / PIXEL), 30
    rng = np.random.default_rng(24)
    north = np.linspace(0.9, 0.1, rows)[:, None]  # chance of forest, from north to south
    landcover = np.where(rng.random((rows, cols)) < north, 20, 10).astype(np.uint8)
    landcover[rng.random((rows, cols)) < 0.05] = 60  # some water: not land
    x0 = 1_000_000.0
    raster = write_raster(tmp_path / "landcover.tif", landcover, 3857, (x0, Y50), PIXEL, nodata=0)
    zone = write_polygons(tmp_path / "zone.gpkg", "zone", 3857, [
        f"POLYGON(({x0 - 1e4} {Y48 - 1e4},{x0 + 1e5} {Y48 - 1e4},{x0 + 1e5} {Y50 + 1e4},{x0 - 1e4} {Y50 + 1e4},"
        f"{x0 - 1e4} {Y48 - 1e4}))"], [{"code": "A"}])
    result = run_algorithm("sdg:forest_area_15_1_1", {
        "LANDCOVER": str(raster), "FOREST_CLASSES": "20", "WATER_CLASSES": "60", "ZONES": f"{zone}|layername=zone",
        "ZONE_ID_FIELD": "code", "YEAR": 2020, "OUTPUT": "memory:"})
    to_lonlat = Transformer.from_crs("EPSG:3857", "EPSG:4326", always_xy=True)
    geod = Geod(ellps="WGS84")
    pieces = np.arange(8) / 8
    row_areas = []
    for row in range(rows):  # in a normal cylindrical CRS every pixel of a row has the same outline on the ellipsoid
        top, bottom = Y50 - row * PIXEL, Y50 - (row + 1) * PIXEL
        xs = np.concatenate([x0 + pieces * PIXEL, np.full(8, x0 + PIXEL), x0 + (1 - pieces) * PIXEL, np.full(8, x0)])
        ys = np.concatenate([np.full(8, top), top - pieces * PIXEL, np.full(8, bottom), bottom + pieces * PIXEL])
        lon, lat = to_lonlat.transform(xs, ys)
        row_areas.append(abs(geod.polygon_area_perimeter(lon, lat)[0]))
    row_areas = np.array(row_areas)
    forest = ((landcover == 20) * row_areas[:, None]).sum()
    land = ((landcover != 60) * row_areas[:, None]).sum()
    planar = 100 * np.count_nonzero(landcover == 20) / np.count_nonzero(landcover != 60)
    assert abs(100 * forest / land - planar) > 0.1  # the case tells true areas from pixel counts
    assert abs(result["VALUE"] - 100 * forest / land) < 0.001
    feature = next(result["OUTPUT"].getFeatures())
    assert abs(feature["land_km2"] / (land / 1e6) - 1) < 1e-6


def test_processing_and_the_scale_out_give_the_same_pixel_areas_to_the_last_digit(tmp_path):
    """A Gauss-Kruger grid far off its meridian (areas vary along rows and down columns)."""
    path = write_raster(tmp_path / "gk.tif", np.ones((90, 120), dtype=np.uint8), 4547, (350_000.0, 3_400_000.0),
                        250.0, nodata=0)
    grid = grid_of(QgsRasterLayer(str(path), "gk", "gdal"))
    dataset = gdal.Open(str(path))
    scale_out = grid_areas(dataset.GetGeoTransform(), 120, 90, dataset.GetProjection())
    assert scale_out.kind == "field"
    for row0, rows in ((0, 90), (17, 31), (89, 1)):
        assert np.array_equal(grid.pixel_areas(row0, rows), scale_out.strip(row0, rows))
