"""Helpers for the land indicator tests: polygons drawn from raster pixels and WKT reprojected with OGR."""
from __future__ import annotations

from typing import Sequence

import numpy as np
from osgeo import ogr, osr

# Two zones on the 3x4 grids of 100 m pixels at (500000, 3370000) in EPSG:4549: west = columns 0-1,
# east = columns 2-3; both reach a little past the grid.
GRID_ORIGIN = (500000.0, 3370000.0)
GRID_PIXEL = 100.0
WEST = "POLYGON((499990 3370010,500200 3370010,500200 3369690,499990 3369690,499990 3370010))"
EAST = "POLYGON((500200 3370010,500410 3370010,500410 3369690,500200 3369690,500200 3370010))"


def pixel_squares(array: np.ndarray, value: int, origin: tuple[float, float] = GRID_ORIGIN,
                  pixel: float = GRID_PIXEL) -> list[str]:
    """A square polygon (WKT) per pixel equal to ``value``, plus a copy of the first (an overlap)."""
    squares = []
    for row, col in zip(*np.nonzero(array == value)):
        x0, y0 = origin[0] + col * pixel, origin[1] - row * pixel
        squares.append(f"POLYGON(({x0} {y0},{x0 + pixel} {y0},{x0 + pixel} {y0 - pixel},{x0} {y0 - pixel},"
                       f"{x0} {y0}))")
    return squares + squares[:1]


def reproject(wkts: Sequence[str], source_epsg: int, target_epsg: int) -> list[str]:
    """WKT geometries reprojected with OGR (x = easting or longitude)."""
    source, target = osr.SpatialReference(), osr.SpatialReference()
    source.ImportFromEPSG(source_epsg)
    target.ImportFromEPSG(target_epsg)
    for srs in (source, target):
        srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    transform = osr.CoordinateTransformation(source, target)
    out = []
    for wkt in wkts:
        geometry = ogr.CreateGeometryFromWkt(wkt)
        geometry.Transform(transform)
        out.append(geometry.ExportToWkt())
    return out
