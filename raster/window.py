"""A window of a GDAL raster band: opening the raster, the validity of the pixels read, their true areas. GDAL
and numpy only (the scale-out's workers run it without QGIS)."""
from __future__ import annotations

import numpy as np
from osgeo import gdal, osr

from ..core.geodesy import cell_areas_geographic, polygon_area

_OUTLINE_POINTS = 64  # per edge of a window, to follow the projection's curvature


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


def pixel_areas(geotransform: tuple[float, ...], width: int, height: int, srs: osr.SpatialReference) -> np.ndarray:
    """True pixel areas (m²) of a window: one per row in a geographic CRS (exact on the ellipsoid), one for the
    window in a projected CRS (planar area times the window's areal scale, as the Processing algorithms do)."""
    x0, xres, _, y0, _, yres = geotransform
    a, b = srs.GetSemiMajor(), srs.GetSemiMinor()
    if srs.IsGeographic():
        edges = y0 + np.arange(height + 1, dtype=np.float64) * yres
        return cell_areas_geographic(edges, xres, a, b).reshape(height, 1)
    unit = srs.GetLinearUnits()
    planar = abs(xres * yres) * unit * unit
    xs = np.linspace(x0, x0 + width * xres, _OUTLINE_POINTS + 1)
    ys = np.linspace(y0, y0 + height * yres, _OUTLINE_POINTS + 1)
    ring = np.concatenate([np.column_stack([xs, np.full_like(xs, ys[0])]),
                           np.column_stack([np.full_like(ys, xs[-1]), ys])[1:],
                           np.column_stack([xs[::-1], np.full_like(xs, ys[-1])])[1:],
                           np.column_stack([np.full_like(ys, xs[0]), ys[::-1]])[1:-1]])
    lonlat = np.array(_to_geographic(srs).TransformPoints(ring.tolist()))
    scale = polygon_area(lonlat[:, 0], lonlat[:, 1], a, b) / (planar * width * height)
    return np.full((1, 1), planar * scale if np.isfinite(scale) and scale > 0 else planar)


def _to_geographic(srs: osr.SpatialReference) -> osr.CoordinateTransformation:
    source = srs.Clone()
    target = srs.CloneGeogCS()
    for ref in (source, target):
        ref.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return osr.CoordinateTransformation(source, target)
