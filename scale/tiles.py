"""A tiled raster dataset (GeoTIFF tiles, a VRT mosaic or one large file) cut into windows for the workers."""
from __future__ import annotations

import glob
import math
from dataclasses import dataclass
from typing import Sequence

from osgeo import osr

from ..raster.window import open_raster
from ..translation import tr
from . import ScaleError

#: Pixels per window: one task of a worker (about 16 MB of Byte land cover).
WINDOW_PIXELS = 16_000_000


@dataclass(frozen=True)
class Window:
    """A block-aligned window of one raster file: what one task reads."""

    path: str
    band: int
    xoff: int
    yoff: int
    xsize: int
    ysize: int
    geotransform: tuple[float, float, float, float, float, float]
    wkt: str

    @property
    def pixels(self) -> int:
        return self.xsize * self.ysize


def expand(patterns: Sequence[str]) -> list[str]:
    """Paths of the rasters: each pattern is a path or a glob (``tiles/*.tif``), in sorted order."""
    paths: list[str] = []
    for pattern in patterns:
        matches = sorted(glob.glob(pattern)) if glob.has_magic(pattern) else [pattern]
        if not matches:
            raise ScaleError(tr("No raster matches '{}': check the path or the pattern.").format(pattern))
        paths += matches
    return paths


def plan(paths: Sequence[str], band: int = 1, window_pixels: int = WINDOW_PIXELS) -> list[Window]:
    """The windows of every raster, checked to share one CRS and pixel size and not to overlap."""
    if not paths:
        raise ScaleError(tr("No raster given: give at least one tile."))
    windows: list[Window] = []
    first: tuple[str, osr.SpatialReference, tuple[float, float]] | None = None
    extents: list[tuple[str, tuple[float, float, float, float]]] = []
    for path in paths:
        dataset = open_raster(path)
        if dataset is None:
            raise ScaleError(tr("Cannot open raster '{}': check that it exists and is a raster GDAL reads.").format(
                path))
        srs, geotransform = _checked_grid(path, dataset, band)
        if first is None:
            first = (path, srs, (geotransform[1], geotransform[5]))
        else:
            _check_same_grid(path, srs, geotransform, first)
        extent = _extent(geotransform, dataset.RasterXSize, dataset.RasterYSize)
        _check_no_overlap(path, extent, extents)
        extents.append((path, extent))
        block = dataset.GetRasterBand(band).GetBlockSize()
        windows += _windows(path, band, dataset, geotransform, srs.ExportToWkt(), block, window_pixels)
    return windows


def _checked_grid(path: str, dataset, band: int) -> tuple[osr.SpatialReference, tuple[float, ...]]:
    if not 1 <= band <= dataset.RasterCount:
        raise ScaleError(tr("Raster '{}' has {} band(s), not band {}: choose another band.").format(
            path, dataset.RasterCount, band))
    srs = dataset.GetSpatialRef()
    if srs is None:
        raise ScaleError(tr("Raster '{}' has no coordinate reference system: assign one (gdal_edit.py -a_srs).").format(
            path))
    geotransform = dataset.GetGeoTransform()
    if geotransform[2] != 0.0 or geotransform[4] != 0.0 or geotransform[5] >= 0.0:
        raise ScaleError(tr("Raster '{}' is rotated or not north-up: warp it to a north-up grid first.").format(path))
    return srs, geotransform


def _check_same_grid(path: str, srs: osr.SpatialReference, geotransform: tuple[float, ...],
                     first: tuple[str, osr.SpatialReference, tuple[float, float]]) -> None:
    first_path, first_srs, (xres, yres) = first
    if not srs.IsSame(first_srs):
        raise ScaleError(tr("Raster '{}' is in another CRS than '{}': give tiles in one CRS.").format(path, first_path))
    if not (math.isclose(geotransform[1], xres, rel_tol=1e-9) and math.isclose(geotransform[5], yres,
                                                                                    rel_tol=1e-9)):
        raise ScaleError(tr("Raster '{}' has another pixel size than '{}': give tiles of one resolution.").format(
            path, first_path))


def _extent(geotransform: tuple[float, ...], width: int, height: int) -> tuple[float, float, float, float]:
    x0, xres, _, y0, _, yres = geotransform
    return x0, y0 + height * yres, x0 + width * xres, y0


def _check_no_overlap(path: str, extent: tuple[float, ...],
                      extents: list[tuple[str, tuple[float, float, float, float]]]) -> None:
    xmin, ymin, xmax, ymax = extent
    tolerance = 1e-6 * max(xmax - xmin, ymax - ymin)
    for other, (oxmin, oymin, oxmax, oymax) in extents:
        if xmin < oxmax - tolerance and oxmin < xmax - tolerance and ymin < oymax - tolerance \
                and oymin < ymax - tolerance:
            raise ScaleError(tr("Rasters '{}' and '{}' overlap: their common pixels would count twice. Give tiles "
                                "that do not overlap (or one mosaic).").format(other, path))


def _windows(path: str, band: int, dataset, geotransform: tuple[float, ...], wkt: str, block: Sequence[int],
             window_pixels: int) -> list[Window]:
    """Windows of about ``window_pixels``, whole blocks wide and high (a whole-width strip when that fits)."""
    width, height = dataset.RasterXSize, dataset.RasterYSize
    block_w, block_h = max(1, block[0]), max(1, block[1])
    if width * block_h <= window_pixels:
        xsize = width
    else:
        xsize = min(width, max(block_w, int(math.sqrt(window_pixels)) // block_w * block_w))
    ysize = min(height, max(block_h, window_pixels // xsize // block_h * block_h))
    x0, xres, _, y0, _, yres = geotransform
    return [Window(path, band, xoff, yoff, min(xsize, width - xoff), min(ysize, height - yoff),
                   (x0 + xoff * xres, xres, 0.0, y0 + yoff * yres, 0.0, yres), wkt)
            for yoff in range(0, height, ysize) for xoff in range(0, width, xsize)]
