"""A window of a GDAL raster band: opening the raster, the validity of the pixels read, their true areas. GDAL
and numpy only (the scale-out's workers run it without QGIS)."""
from __future__ import annotations

from functools import lru_cache
from typing import Callable

import numpy as np
from osgeo import gdal, osr

from ..core.areal_scale import Grid, PixelAreas, Transform, geographic_areas, ground_metres_per_unit, projected_areas


def open_raster(path: str):
    """The GDAL raster at ``path``, or None (whether or not GDAL's exceptions are on)."""
    try:
        return gdal.OpenEx(path, gdal.OF_RASTER)
    except RuntimeError:
        return None


def band_valid(band: gdal.Band, xoff: int, yoff: int, data: np.ndarray) -> np.ndarray:
    """Valid pixels of ``data``, read from ``band`` at (``xoff``, ``yoff``): not the nodata value (nor NaN), or
    the band's mask where it has another kind of mask."""
    flags = band.GetMaskFlags()
    if flags & gdal.GMF_NODATA:
        nodata = band.GetNoDataValue()
        valid = ~np.isnan(data) if np.isnan(nodata) else data != nodata
    elif flags & gdal.GMF_ALL_VALID:
        valid = np.ones(data.shape, dtype=bool)
    else:
        valid = band.GetMaskBand().ReadAsArray(xoff, yoff, data.shape[1], data.shape[0]) > 0
    if data.dtype.kind == "f" and not (flags & gdal.GMF_NODATA and np.isnan(band.GetNoDataValue())):
        valid &= ~np.isnan(data)
    return valid


@lru_cache(maxsize=16)
def grid_areas(geotransform: tuple[float, ...], width: int, height: int, wkt: str) -> PixelAreas:
    """The true pixel areas of a grid in the CRS of ``wkt`` (GDAL's osr for the transform, the CRS's own
    ellipsoid; see :mod:`core.areal_scale`), measured once per grid: the Processing algorithms and the scale-out
    both take them from here. A pixel gets the same area in every window of a grid that holds it."""
    srs = osr.SpatialReference()
    srs.ImportFromWkt(wkt)
    grid = Grid.of(geotransform, width, height, 1.0 if srs.IsGeographic() else srs.GetLinearUnits())
    a, b = srs.GetSemiMajor(), srs.GetSemiMinor()
    if srs.IsGeographic():
        return geographic_areas(grid, a, b)
    return projected_areas(grid, _to_lonlat(srs), a, b)


@lru_cache(maxsize=16)
def ground_scale(wkt: str) -> Callable[[np.ndarray, np.ndarray], tuple[np.ndarray, np.ndarray]]:
    """Ground metres per map unit in x and y at map points (x, y) of the projected CRS of ``wkt`` (the home of this
    rule: :func:`core.areal_scale.ground_metres_per_unit` on GDAL's osr transform and the CRS's own ellipsoid)."""
    srs = osr.SpatialReference()
    srs.ImportFromWkt(wkt)
    to_lonlat, a, b, unit = _to_lonlat(srs), srs.GetSemiMajor(), srs.GetSemiMinor(), srs.GetLinearUnits()
    return lambda x, y: ground_metres_per_unit(x, y, to_lonlat, a, b, unit)


def _to_lonlat(srs: osr.SpatialReference) -> Transform:
    """The transform from the projected CRS to longitude and latitude on its own datum (NaN where it fails)."""
    source = srs.Clone()
    target = srs.CloneGeogCS()
    for ref in (source, target):
        ref.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    transform = osr.CoordinateTransformation(source, target)

    def to_lonlat(x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        x, y = np.broadcast_arrays(np.asarray(x, dtype=np.float64), np.asarray(y, dtype=np.float64))
        points = np.column_stack([x.ravel(), y.ravel()])
        lonlat = np.array(transform.TransformPoints(points), dtype=np.float64).reshape(-1, 3)
        lonlat[~np.all(np.isfinite(lonlat[:, :2]) & (np.abs(lonlat[:, :2]) < 1e30), axis=1)] = np.nan
        return lonlat[:, 0].reshape(x.shape), lonlat[:, 1].reshape(x.shape)

    return to_lonlat
