"""Tiled fixtures for the scale-out tests: 3 x 2 tiles of land cover or population, their VRT mosaic, and zones
cut at angles across the tiles, on a projected and on a geographic grid."""
from __future__ import annotations

from pathlib import Path

import numpy as np
from osgeo import gdal
from sdg_testdata import write_polygons, write_raster

CLASSES = np.array([0, 10, 20, 20, 30, 60, 80], dtype=np.uint8)  # 0 = nodata
TILE_ROWS, TILE_COLS = 30, 40
#: (EPSG, top-left corner, pixel size) of a projected and a geographic tile grid.
GRIDS = {"projected": (4549, (500000.0, 3370000.0), 10.0), "geographic": (4490, (120.0, 30.6), 0.0001)}
# Zones in grid units relative to the top-left corner (pixels), cut at angles across the 3 x 2 tiles; C reaches
# past the mosaic's right and bottom edges.
ZONES_PX = {
    "A": [(1.3, 1.2), (55.1, 2.4), (47.6, 33.7), (2.2, 41.9)],
    "B": [(55.1, 2.4), (121.0, 0.5), (118.3, 39.9), (47.6, 33.7)],
    "C": [(2.2, 41.9), (47.6, 33.7), (118.3, 39.9), (130.0, 70.0), (-3.0, 66.0)],
}


def tiles(folder: Path, grid: str, name: str = "lc", seed: int = 7, scale: int = 1,
          population: float = 0.0) -> tuple[list[str], str]:
    """3 x 2 tiles of 30 x 40 pixels (``scale`` times coarser) and their VRT mosaic: land-cover classes, or
    people per pixel times ``population`` (Float32, nodata -1, a NaN and a nodata pixel per tile)."""
    epsg, (x0, y0), pixel = GRIDS[grid]
    pixel *= scale
    rows, cols = TILE_ROWS // scale, TILE_COLS // scale
    rng = np.random.default_rng(seed)
    paths = []
    for row in range(2):
        for col in range(3):
            if population:
                array = (rng.gamma(2.0, 30.0, size=(rows, cols)) * population).astype(np.float32)
                array[0, 0], array[-1, -1] = -1.0, np.nan
                options = dict(nodata=-1.0, dtype=gdal.GDT_Float32)
            else:
                array = CLASSES[rng.integers(0, len(CLASSES), size=(rows, cols))]
                options = dict(nodata=0)
            origin = (x0 + col * cols * pixel, y0 - row * rows * pixel)
            paths.append(str(write_raster(folder / f"{name}_{row}_{col}.tif", array, epsg, origin, pixel,
                                          **options)))
    mosaic = str(folder / f"{name}.vrt")
    gdal.BuildVRT(mosaic, paths).FlushCache()
    return paths, mosaic


def zones_layer(folder: Path, grid: str) -> str:
    """The zones A, B, C (fields code and name) in the grid's CRS."""
    epsg, (x0, y0), pixel = GRIDS[grid]
    wkts = ["POLYGON((" + ",".join(f"{x0 + c * pixel} {y0 - r * pixel}" for c, r in ring + ring[:1]) + "))"
            for ring in ZONES_PX.values()]
    path = write_polygons(folder / "zones.gpkg", "zones", epsg, wkts,
                          [{"code": code, "name": f"zone {code}"} for code in ZONES_PX])
    return str(path)
