"""Reading QGIS raster layers (any provider) as numpy strips, with nodata masks and true pixel areas."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import Iterator

import numpy as np
from osgeo import gdal, gdal_array
from qgis.core import (
    Qgis,
    QgsCoordinateReferenceSystem,
    QgsEllipsoidUtils,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProject,
    QgsRasterLayer,
    QgsRasterProjector,
    QgsRectangle,
    QgsUnitTypes,
)

from ..core.areal_scale import PixelAreas
from ..core.geodesy import metres_per_degree
from ..core.zonal import strip_rows
from ..raster.window import grid_areas, ground_scale
from ..translation import tr

#: Target number of pixels per strip: large enough for fast numpy, small enough for a flat memory profile.
STRIP_PIXELS = 4_000_000


def _data_type(name: str):
    """A ``Qgis.DataType`` member by name on QGIS 3.22 (unscoped) and newer (scoped)."""
    return getattr(Qgis, name) if hasattr(Qgis, name) else getattr(Qgis.DataType, name)


NUMPY_TYPES = {
    _data_type("Byte"): np.uint8,
    _data_type("UInt16"): np.uint16,
    _data_type("Int16"): np.int16,
    _data_type("UInt32"): np.uint32,
    _data_type("Int32"): np.int32,
    _data_type("Float32"): np.float32,
    _data_type("Float64"): np.float64,
}


@dataclass(frozen=True)
class RasterGrid:
    """A north-up raster grid: extent, size and CRS; ``block_rows`` (the block height of the raster it comes
    from, not part of its identity) sizes the strips of every raster read on it."""

    crs: QgsCoordinateReferenceSystem
    extent: QgsRectangle
    width: int
    height: int
    block_rows: int = field(default=1, compare=False)

    @property
    def xres(self) -> float:
        return self.extent.width() / self.width

    @property
    def yres(self) -> float:
        return self.extent.height() / self.height

    def geotransform(self) -> tuple[float, float, float, float, float, float]:
        """GDAL geotransform of the grid."""
        return (self.extent.xMinimum(), self.xres, 0.0, self.extent.yMaximum(), 0.0, -self.yres)

    def strip_extent(self, row0: int, rows: int) -> QgsRectangle:
        """Extent of ``rows`` full-width rows starting at ``row0``."""
        top = self.extent.yMaximum() - row0 * self.yres
        return QgsRectangle(self.extent.xMinimum(), top - rows * self.yres, self.extent.xMaximum(), top)

    def strip_rows(self) -> int:
        """Rows per strip for a flat memory profile: about ``STRIP_PIXELS``, in whole blocks when a block is
        smaller, else the even share of a block nearest to that (within a factor of 2) where the block height has
        one: a strip then never leaves a block half read, so its cached blocks can be dropped (see
        :func:`_window_strips`)."""
        return strip_rows(self.width, self.height, self.block_rows, STRIP_PIXELS)

    def pixel_areas(self, row0: int, rows: int) -> np.ndarray:
        """True area (m²) of the pixels of a strip, pixel by pixel on the ellipsoid whatever the CRS (see
        :mod:`core.areal_scale`): shape (1, 1) in an equal-area CRS, (rows, 1) in a geographic or normal
        cylindrical one (Web Mercator), (rows, width) in any other; the same numbers as the scale-out's."""
        return self.areas().strip(row0, rows)

    def areas(self) -> PixelAreas:
        """The true pixel areas of the grid (measured once per grid; :meth:`PixelAreas.strip` calls numpy only)."""
        return grid_areas(self.geotransform(), self.width, self.height, self.wkt)

    @cached_property
    def wkt(self) -> str:
        """The CRS as GDAL's WKT (exported once: a few milliseconds)."""
        return self.crs.toWkt(QgsCoordinateReferenceSystem.WktVariant.WKT_PREFERRED_GDAL)


def pixel_areas_help() -> str:
    """Help shared by the algorithms that measure areas on rasters: the rule of :mod:`core.areal_scale` (one text
    for all of them, translated once)."""
    return tr(
        "<p><b>Pixel areas</b> are true areas on the ellipsoid of the raster's CRS, pixel by pixel, whatever the "
        "CRS. In a geographic CRS and in a normal cylindrical one (Mercator, Web Mercator) each row of pixels "
        "gets its exact ellipsoidal area. In an equal-area CRS (LAEA, Albers) every pixel gets its planar area, "
        "at no extra cost. In any other projected CRS (UTM, Gauss-Krüger, Lambert conformal, stereographic ...) "
        "the true area of a pixel is measured on nodes at most 128 pixels and 4 km apart and interpolated to "
        "every pixel between them, within 1e-6 of each pixel's ellipsoidal area (relative; at most 1e-7 "
        "against geodesic areas in the CRSs tested: Web Mercator at 40-60° N, UTM 3-11° off its central "
        "meridian, Gauss-Krüger 3° and 6° zones, LAEA, Albers). A pixel gets the same area whatever the strip "
        "or window it is read in.</p>")


def metres_per_unit(crs: QgsCoordinateReferenceSystem) -> float:
    """Metres per map unit of a projected CRS (1 for metres, 0.3048 for feet ...)."""
    return QgsUnitTypes.fromUnitToUnitFactor(crs.mapUnits(), _meters())


def ground_metres(crs: QgsCoordinateReferenceSystem):
    """A function of map points (x, y) giving ground metres per map unit in x and in y there: the ellipsoid's
    metres per degree of longitude and latitude in a geographic CRS; in a projected CRS the unit's metres over
    the projection's linear scale along x and along y there (:func:`raster.window.ground_scale`)."""
    if crs.isGeographic():
        axes = ellipsoid_axes(crs)
        return lambda x, y: metres_per_degree(y, *axes)
    return ground_scale(crs.toWkt(QgsCoordinateReferenceSystem.WktVariant.WKT_PREFERRED_GDAL))


#: A projected CRS whose scale at a point is within this (relative) of its own unit keeps that unit there for a
#: spacing or a cell size given in ground metres (:func:`map_units_per_metre`): UTM and Gauss-Krüger (scale
#: 0.9996-1.001 over a zone) keep round map-unit grids aligned to their rasters; Web Mercator (scale 1 / cos φ)
#: does not.
NEAR_TRUE_SCALE = 0.01


def map_units_per_metre(crs: QgsCoordinateReferenceSystem, x, y) -> tuple[np.ndarray, np.ndarray]:
    """Map units along x and along y per ground metre at map points (x, y) (:func:`ground_metres`), for spacings
    and cell sizes given in ground metres; within :data:`NEAR_TRUE_SCALE` of a projected CRS's own unit, that
    unit (a 100 m cell in UTM stays 100 map metres, true within 0.04 % on the central meridian)."""
    kx, ky = (np.asarray(k, dtype=np.float64) for k in ground_metres(crs)(np.asarray(x, dtype=np.float64),
                                                                           np.asarray(y, dtype=np.float64)))
    if not crs.isGeographic():
        unit = metres_per_unit(crs)
        near = (np.abs(kx / unit - 1) <= NEAR_TRUE_SCALE) & (np.abs(ky / unit - 1) <= NEAR_TRUE_SCALE)
        kx, ky = np.where(near, unit, kx), np.where(near, unit, ky)
    return 1.0 / kx, 1.0 / ky


def _meters():
    """The metre distance unit on QGIS 3.22 (QgsUnitTypes) and newer (Qgis.DistanceUnit)."""
    if hasattr(QgsUnitTypes, "DistanceMeters"):
        return QgsUnitTypes.DistanceUnit.DistanceMeters
    return Qgis.DistanceUnit.Meters


def ellipsoid_axes(crs: QgsCoordinateReferenceSystem) -> tuple[float, float]:
    """Semi-major and semi-minor axes (m) of the CRS's ellipsoid."""
    params = QgsEllipsoidUtils.ellipsoidParameters(crs.ellipsoidAcronym() or "EPSG:7030")
    if not params.valid:
        params = QgsEllipsoidUtils.ellipsoidParameters("EPSG:7030")
    return params.semiMajor, params.semiMinor


def grid_of(layer: QgsRasterLayer) -> RasterGrid:
    """The grid of a raster layer; refuses a layer without a CRS."""
    if not layer.crs().isValid():
        raise QgsProcessingException(
            tr("Raster layer '{}' has no coordinate reference system: set one (Layer Properties > Source) "
               "and run again.").format(layer.name()))
    block_rows = _block_rows(layer.source()) if layer.providerType() == "gdal" else 1
    return RasterGrid(layer.crs(), layer.extent(), layer.width(), layer.height(), block_rows)


@lru_cache(maxsize=64)
def _block_rows(source: str) -> int:
    """Block height of band 1 of a GDAL source, read once per source (it only sizes strips; 1 when unknown)."""
    try:
        dataset = gdal.OpenEx(source, gdal.OF_RASTER)
    except RuntimeError:
        return 1
    return dataset.GetRasterBand(1).GetBlockSize()[1] if dataset is not None and dataset.RasterCount else 1


def _gdal_open(layer: QgsRasterLayer):
    """The GDAL dataset of a GDAL raster layer, or None for another provider or a source GDAL cannot open."""
    if layer.providerType() != "gdal":
        return None
    try:
        return gdal.OpenEx(layer.source(), gdal.OF_RASTER)
    except RuntimeError:
        return None


@dataclass(frozen=True)
class Strip:
    """Full-width rows of one band: values, a validity mask and where they sit in the grid."""

    row0: int
    data: np.ndarray
    valid: np.ndarray

    @property
    def rows(self) -> int:
        return self.data.shape[0]


def read_strips(layer: QgsRasterLayer, band: int, feedback: QgsProcessingFeedback | None = None,
                grid: RasterGrid | None = None) -> Iterator[Strip]:
    """Yield the band strip by strip on ``grid`` (default: the layer's own grid); see :func:`open_strips`."""
    strips, _ = open_strips(layer, band, grid)
    yield from strips


def open_strips(layer: QgsRasterLayer, band: int, grid: RasterGrid | None = None) -> tuple[Iterator[Strip], bool]:
    """The strips of the band on ``grid`` (default: the layer's own grid), and whether reading them calls GDAL and
    numpy only (no QGIS API: they may be read in another thread, the one thread that iterates them).

    On another grid each pixel takes the value of the source pixel holding its centre (nearest neighbour). A
    GDAL raster is read with GDAL in its own data type: window by window on its own grid, through a row and
    column index of the target pixel centres on another grid in the same CRS, and warped by GDAL with an exact
    transformation (as Float64) in another CRS. Other providers are resampled and reprojected by QGIS. Nodata
    (source or user-defined), NaN and pixels outside the layer are invalid.
    """
    provider = layer.dataProvider()
    if band < 1 or band > provider.bandCount():
        raise QgsProcessingException(
            tr("Raster layer '{}' has no band {}: it has {} band(s).").format(layer.name(), band,
                                                                            provider.bandCount()))
    dtype = NUMPY_TYPES.get(provider.dataType(band))
    if dtype is None:
        raise QgsProcessingException(
            tr("Raster layer '{}' band {} has a data type SDG Monitor cannot read (complex or unknown); "
               "convert it to integer or float first.").format(layer.name(), band))
    own = grid_of(layer)
    grid = grid or own
    reader = NearestReader.open(layer, band, grid.crs)
    if reader is not None:  # validity complete: nodata, NaN and user nodata ranges
        strips = _window_strips(reader, grid) if grid == own else _nearest_strips(reader, dtype, grid)
        return (Strip(row0, data, valid) for row0, data, valid in strips), True
    ranges = [(r.min(), r.max()) for r in provider.userNoDataValues(band)]
    warped = _gdal_warped(layer, band, grid) if grid != own else None
    if warped is not None:
        return _masked(_warped_strips(warped, grid), ranges), True
    return _masked(_provider_strips(layer, band, dtype, own, grid), ranges), False


def _masked(strips: Iterator[tuple[int, np.ndarray, np.ndarray]],
            ranges: list[tuple[float, float]]) -> Iterator[Strip]:
    """Strips with NaN and the user nodata ranges made invalid."""
    for row0, data, valid in strips:
        if np.issubdtype(data.dtype, np.floating):
            valid &= ~np.isnan(data)
        for low, high in ranges:
            valid &= ~((data >= low) & (data <= high))
        yield Strip(row0, data, valid)


def _provider_strips(layer: QgsRasterLayer, band: int, dtype, own: RasterGrid,
                     grid: RasterGrid) -> Iterator[tuple[int, np.ndarray, np.ndarray]]:
    """Strips read through the QGIS data provider (any provider; reprojected by QGIS in another CRS)."""
    source = layer.dataProvider()
    if grid.crs != own.crs:
        source = QgsRasterProjector()
        source.setInput(layer.dataProvider())
        source.setCrs(own.crs, grid.crs, QgsProject.instance().transformContext())
    rows = grid.strip_rows()
    for row0 in range(0, grid.height, rows):
        n = min(rows, grid.height - row0)
        extent = grid.strip_extent(row0, n)
        if grid.crs == own.crs and extent.intersect(own.extent).area() <= 0:
            # QGIS 3.22's GDAL provider returns an invalid block for an extent that only touches the layer
            yield row0, np.zeros((n, grid.width), dtype=dtype), np.zeros((n, grid.width), dtype=bool)
            continue
        block = source.block(band, extent, grid.width, n)
        if block is None or not block.isValid() or block.isEmpty():
            raise QgsProcessingException(
                tr("Could not read rows {}-{} of raster layer '{}'.").format(row0, row0 + n, layer.name()))
        data = np.frombuffer(bytes(block.data()), dtype=dtype).reshape(n, grid.width)
        valid = np.ones(data.shape, dtype=bool)
        if block.hasNoDataValue():
            valid &= ~_is_value(data, block.noDataValue())
        elif block.hasNoData():  # no nodata value: QGIS flags pixels outside the layer in a bitmap
            valid &= _bitmap_valid(block, n, grid.width)
        yield row0, data, valid


@dataclass(frozen=True)
class SourcePixels:
    """The source pixels a block of a target grid takes by nearest neighbour: target pixel (r, c) holds
    ``data[rows[r], cols[c]]``; -1 in ``rows`` or ``cols`` marks target pixels outside the layer. ``valid``
    (shape of ``data``) excludes nodata, NaN and user nodata ranges."""

    data: np.ndarray
    valid: np.ndarray
    rows: np.ndarray
    cols: np.ndarray


class NearestReader:
    """Nearest-neighbour reads of one band of a GDAL raster onto grids in its own CRS, in the file's data type:
    each target pixel takes the source pixel holding its centre (the arithmetic of GDAL's warper), and only the
    source rows and columns a block needs are read."""

    def __init__(self, source, band: int, nodata: float | None, ranges: list[tuple[float, float]]) -> None:
        self.source = source
        self.band = source.GetRasterBand(band)
        self.nodata = nodata
        self.ranges = ranges
        self.inverse = gdal.InvGeoTransform(source.GetGeoTransform())

    @classmethod
    def open(cls, layer: QgsRasterLayer, band: int, crs: QgsCoordinateReferenceSystem) -> NearestReader | None:
        """A reader, or None unless the layer is a GDAL raster in ``crs`` that GDAL reads as the QGIS provider
        does (same size, north-up, same data type, no scale or offset, no mask other than the nodata value)."""
        source = _gdal_open(layer) if layer.crs() == crs else None
        provider = layer.dataProvider()
        if source is None or not _plain_band(source, band, NUMPY_TYPES.get(provider.dataType(band)), layer):
            return None
        nodata = (provider.sourceNoDataValue(band)
                  if provider.sourceHasNoDataValue(band) and provider.useSourceNoDataValue(band) else None)
        return cls(source, band, nodata, [(r.min(), r.max()) for r in provider.userNoDataValues(band)])

    def window(self, row0: int, rows: int) -> tuple[np.ndarray, np.ndarray]:
        """Full-width rows of the source itself: values and validity."""
        data = self.band.ReadAsArray(0, row0, self.source.RasterXSize, rows)
        return data, self.valid(data)

    def read(self, grid: RasterGrid, row0: int, rows: int) -> SourcePixels:
        """The source pixels of rows ``row0`` .. ``row0 + rows - 1`` of ``grid``."""
        target = grid.geotransform()
        inv = self.inverse
        cols = _source_index(np.arange(grid.width), target[0], target[1], inv[0], inv[1], self.source.RasterXSize)
        src_rows = _source_index(np.arange(row0, row0 + rows), target[3], target[5], inv[3], inv[5],
                                 self.source.RasterYSize)
        inside_rows, inside_cols = src_rows[src_rows >= 0], cols[cols >= 0]
        if not inside_rows.size or not inside_cols.size:
            data = np.zeros((0, 0), dtype=gdal_array.GDALTypeCodeToNumericTypeCode(self.band.DataType))
            return SourcePixels(data, np.zeros((0, 0), dtype=bool), np.full(rows, -1), np.full(grid.width, -1))
        c0, c1 = int(inside_cols[0]), int(inside_cols[-1]) + 1
        read_rows = np.unique(inside_rows)
        first, last = int(read_rows[0]), int(read_rows[-1]) + 1
        if 2 * read_rows.size >= last - first:  # dense: one window
            read_rows = np.arange(first, last)
            data = self.band.ReadAsArray(c0, first, c1 - c0, last - first)
        else:
            data = np.vstack([self.band.ReadAsArray(c0, int(r), c1 - c0, 1) for r in read_rows])
        local_rows = np.where(src_rows >= 0, np.searchsorted(read_rows, src_rows), -1)
        return SourcePixels(data, self.valid(data), local_rows, np.where(cols >= 0, cols - c0, -1))

    def valid(self, data: np.ndarray) -> np.ndarray:
        """Validity of values of the band: not nodata (while used), not NaN, not in a user nodata range."""
        valid = ~_is_value(data, self.nodata) if self.nodata is not None else np.ones(data.shape, dtype=bool)
        if np.issubdtype(data.dtype, np.floating):
            valid &= ~np.isnan(data)
        for low, high in self.ranges:
            valid &= ~((data >= low) & (data <= high))
        return valid


def _plain_band(source, band: int, dtype, layer: QgsRasterLayer) -> bool:
    """Whether GDAL reads the band as the QGIS provider does: same size, north-up, same data type, no scale or
    offset, no mask other than the nodata value."""
    gt = source.GetGeoTransform(can_return_null=True)
    if gt is None or gt[2] != 0 or gt[4] != 0 or gt[1] <= 0 or gt[5] >= 0:
        return False
    if (source.RasterXSize, source.RasterYSize) != (layer.width(), layer.height()):
        return False
    gdal_band = source.GetRasterBand(band)
    return (dtype is not None and gdal_array.GDALTypeCodeToNumericTypeCode(gdal_band.DataType) == dtype
            and gdal_band.GetScale() in (None, 1.0) and gdal_band.GetOffset() in (None, 0.0)
            and gdal_band.GetMaskFlags() in (gdal.GMF_ALL_VALID, gdal.GMF_NODATA))


def _window_strips(reader: NearestReader, grid: RasterGrid) -> Iterator[tuple[int, np.ndarray, np.ndarray]]:
    """Strips of a GDAL band on its own grid: plain window reads. The band's cached blocks are dropped after each
    strip that ends on a block edge (no later strip reads them), so GDAL's block cache stays at a few strips
    instead of growing to ``GDAL_CACHEMAX``."""
    rows = grid.strip_rows()
    block = reader.band.GetBlockSize()[1]
    for row0 in range(0, grid.height, rows):
        n = min(rows, grid.height - row0)
        data, valid = reader.window(row0, n)
        if (row0 + n) % block == 0:
            reader.band.FlushCache()
        yield row0, data, valid


def _nearest_strips(reader: NearestReader, dtype, grid: RasterGrid) -> Iterator[tuple[int, np.ndarray, np.ndarray]]:
    """Strips of a GDAL band on another grid in the same CRS (nearest neighbour, no warp)."""
    rows = grid.strip_rows()
    for row0 in range(0, grid.height, rows):
        n = min(rows, grid.height - row0)
        pixels = reader.read(grid, row0, n)
        data = np.zeros((n, grid.width), dtype=dtype)
        valid = np.zeros((n, grid.width), dtype=bool)
        inside_rows, inside_cols = np.flatnonzero(pixels.rows >= 0), np.flatnonzero(pixels.cols >= 0)
        if inside_rows.size and inside_cols.size:
            r0, r1 = inside_rows[0], inside_rows[-1] + 1
            c0, c1 = inside_cols[0], inside_cols[-1] + 1
            rows_at, cols_at = pixels.rows[r0:r1], pixels.cols[c0:c1]
            # columns, then rows: two take()s are several times faster than one np.ix_ gather
            data[r0:r1, c0:c1] = np.take(np.take(pixels.data, cols_at, axis=1), rows_at, axis=0)
            valid[r0:r1, c0:c1] = np.take(np.take(pixels.valid, cols_at, axis=1), rows_at, axis=0)
        yield row0, data, valid


def _source_index(pixels: np.ndarray, origin: float, step: float, offset: float, scale: float,
                  size: int) -> np.ndarray:
    """Source pixel index (column or row) holding the centre of each target pixel (column or row), -1 outside
    the source: the arithmetic of GDAL's nearest-neighbour warp (target pixel to map coordinate to source pixel,
    truncation with a 1e-10 tolerance), so that centres on a source pixel edge go the same way."""
    position = offset + (origin + (pixels + 0.5) * step) * scale
    index = (position + 1e-10).astype(np.int64)
    return np.where((position >= 0) & (index < size), index, -1)


def _gdal_warped(layer: QgsRasterLayer, band: int, grid: RasterGrid):
    """A virtual GDAL raster of one band warped onto ``grid`` (nearest neighbour, exact transformation, Float64
    with NaN as nodata), or None when the layer is not a GDAL raster."""
    source = _gdal_open(layer)
    if source is None:
        return None
    one_band = gdal.Translate("", source, format="VRT", bandList=[band])
    nodata = one_band.GetRasterBand(1).GetNoDataValue()
    wkt = QgsCoordinateReferenceSystem.WktVariant.WKT_PREFERRED_GDAL
    extent = grid.extent
    return gdal.Warp("", one_band, format="VRT", srcSRS=layer.crs().toWkt(wkt), dstSRS=grid.crs.toWkt(wkt),
                     outputBounds=(extent.xMinimum(), extent.yMinimum(), extent.xMaximum(), extent.yMaximum()),
                     width=grid.width, height=grid.height, resampleAlg="near", errorThreshold=0,
                     outputType=gdal.GDT_Float64, srcNodata=nodata, dstNodata=float("nan"))


def _warped_strips(warped, grid: RasterGrid) -> Iterator[tuple[int, np.ndarray, np.ndarray]]:
    """Strips of a warped virtual raster; NaN marks nodata and pixels outside the source."""
    rows = grid.strip_rows()
    for row0 in range(0, grid.height, rows):
        n = min(rows, grid.height - row0)
        data = warped.GetRasterBand(1).ReadAsArray(0, row0, grid.width, n)
        yield row0, data, np.ones(data.shape, dtype=bool)


def _bitmap_valid(block, rows: int, cols: int) -> np.ndarray:
    """Validity from a block's nodata bitmap (slow path, only for rasters without a nodata value)."""
    return np.array([[not block.isNoData(r, c) for c in range(cols)] for r in range(rows)], dtype=bool)


def _is_value(data: np.ndarray, value: float) -> np.ndarray:
    """Mask of pixels equal to ``value`` in the array's own type (a value the type cannot hold matches none)."""
    if np.issubdtype(data.dtype, np.integer):
        info = np.iinfo(data.dtype)
        if not (info.min <= value <= info.max) or value != int(value):
            return np.zeros(data.shape, dtype=bool)
    return data == np.asarray(value).astype(data.dtype)
