"""Aligned raster grids, rasterisation into numpy arrays and deterministic GeoTIFF writing."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import numpy as np
from osgeo import gdal, ogr, osr

from .spec import EPSG

gdal.UseExceptions()
ogr.UseExceptions()


def srs() -> osr.SpatialReference:
    """EPSG:4549 with x = easting, y = northing."""
    ref = osr.SpatialReference()
    ref.ImportFromEPSG(EPSG)
    ref.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return ref


@dataclass(frozen=True)
class Grid:
    """A north-up grid: left and top edges, cell size and shape."""

    left: float
    top: float
    res: float
    width: int
    height: int

    @property
    def transform(self) -> tuple[float, float, float, float, float, float]:
        return (self.left, self.res, 0.0, self.top, 0.0, -self.res)

    @property
    def xs(self) -> np.ndarray:
        """Cell-centre eastings of the columns."""
        return self.left + (np.arange(self.width) + 0.5) * self.res

    @property
    def ys(self) -> np.ndarray:
        """Cell-centre northings of the rows."""
        return self.top - (np.arange(self.height) + 0.5) * self.res

    def with_res(self, res: float) -> Grid:
        """The same extent at another cell size (the extent must be a multiple of it)."""
        width = round(self.width * self.res / res)
        height = round(self.height * self.res / res)
        return Grid(self.left, self.top, res, width, height)

    def index(self, x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Row and column of the cells holding points (may fall outside the grid)."""
        col = np.floor((np.asarray(x) - self.left) / self.res).astype(np.int64)
        row = np.floor((self.top - np.asarray(y)) / self.res).astype(np.int64)
        return row, col

    def sample(self, array: np.ndarray, x: np.ndarray, y: np.ndarray) -> np.ndarray:
        """Values of ``array`` at points (clamped to the grid edge)."""
        row, col = self.index(x, y)
        return array[np.clip(row, 0, self.height - 1), np.clip(col, 0, self.width - 1)]


def memory_layer(geoms: Sequence[ogr.Geometry], values: Sequence[float]) -> tuple[ogr.DataSource, ogr.Layer]:
    """An in-memory layer with a real field ``v`` (the data source must be kept alive)."""
    ds = ogr.GetDriverByName("Memory").CreateDataSource("")
    lyr = ds.CreateLayer("m", srs(), ogr.wkbUnknown)
    lyr.CreateField(ogr.FieldDefn("v", ogr.OFTReal))
    defn = lyr.GetLayerDefn()
    for geom, value in zip(geoms, values):
        feat = ogr.Feature(defn)
        feat.SetGeometry(geom)
        feat.SetField(0, float(value))
        lyr.CreateFeature(feat)
    return ds, lyr


def rasterize(geoms: Sequence[ogr.Geometry], values: Sequence[int], grid: Grid,
              all_touched: bool = False) -> np.ndarray:
    """Burn geometries (later ones win, values 1..255) into a new Byte array, 0 elsewhere; pixel-centre
    rule unless ``all_touched``."""
    ds = gdal.GetDriverByName("MEM").Create("", grid.width, grid.height, 1, gdal.GDT_Byte)
    ds.SetGeoTransform(grid.transform)
    ds.SetProjection(srs().ExportToWkt())
    band = ds.GetRasterBand(1)
    vds, lyr = memory_layer(geoms, values)
    options = ["ATTRIBUTE=v"] + (["ALL_TOUCHED=TRUE"] if all_touched else [])
    gdal.RasterizeLayer(ds, [1], lyr, options=options)
    out = band.ReadAsArray()
    del vds
    return out


def near_lines(lines: Sequence[np.ndarray], reach: Sequence[float], grid: Grid) -> np.ndarray:
    """Cells whose centre lies within ``reach[k]`` of polyline ``lines[k]``: the line's buffer (round caps and
    joins) by the pixel-centre rule, computed here with basic arithmetic so that it is the same on every platform
    (GEOS's buffer and GDAL's rasterisation of it differ by version along the edges)."""
    out = np.zeros((grid.height, grid.width), bool)
    xs, ys = grid.xs, grid.ys
    for line, r in zip(lines, reach):
        for a, b in zip(line[:-1], line[1:]):
            (r0, c0), (r1, c1) = (grid.index(min(a[0], b[0]) - r, max(a[1], b[1]) + r),
                                  grid.index(max(a[0], b[0]) + r, min(a[1], b[1]) - r))
            rows = slice(max(int(r0), 0), min(int(r1) + 1, grid.height))
            cols = slice(max(int(c0), 0), min(int(c1) + 1, grid.width))
            if rows.start >= rows.stop or cols.start >= cols.stop:
                continue
            dx, dy = float(b[0] - a[0]), float(b[1] - a[1])
            X, Y = xs[cols][None, :] - float(a[0]), ys[rows][:, None] - float(a[1])
            length2 = dx * dx + dy * dy
            t = np.clip((X * dx + Y * dy) / length2, 0.0, 1.0) if length2 > 0 else 0.0
            ex, ey = X - t * dx, Y - t * dy
            out[rows, cols] |= ex * ex + ey * ey <= r * r
    return out


def proximity(mask: np.ndarray, grid: Grid, max_distance: float) -> np.ndarray:
    """Distance (m) from each cell centre to the nearest True cell, capped at ``max_distance``."""
    src = gdal.GetDriverByName("MEM").Create("", grid.width, grid.height, 1, gdal.GDT_Byte)
    src.SetGeoTransform(grid.transform)
    src.GetRasterBand(1).WriteArray(mask.astype(np.uint8))
    dst = gdal.GetDriverByName("MEM").Create("", grid.width, grid.height, 1, gdal.GDT_Float32)
    dst.SetGeoTransform(grid.transform)
    gdal.ComputeProximity(src.GetRasterBand(1), dst.GetRasterBand(1),
                          ["VALUES=1", "DISTUNITS=GEO", f"MAXDIST={max_distance}", f"NODATA={max_distance}"])
    return dst.GetRasterBand(1).ReadAsArray()


def _upsample_axis0(a: np.ndarray, factor: int) -> np.ndarray:
    prev = np.concatenate([a[:1], a[:-1]])
    nxt = np.concatenate([a[1:], a[-1:]])
    parts = []
    for k in range(factor):
        off = (k + 0.5) / factor - 0.5
        parts.append(a + np.float32(abs(off)) * ((nxt if off > 0 else prev) - a) if off else a)
    return np.stack(parts, axis=1).reshape(a.shape[0] * factor, *a.shape[1:])


def bilinear_upsample(array: np.ndarray, factor: int) -> np.ndarray:
    """Cell-centre bilinear upsampling by an integer factor (edges clamped), Float32."""
    rows = _upsample_axis0(array.astype(np.float32), factor)
    return np.ascontiguousarray(_upsample_axis0(rows.T, factor).T)


def block_mean(array: np.ndarray, factor: int) -> np.ndarray:
    """Mean over ``factor`` x ``factor`` blocks."""
    h, w = array.shape
    return array.reshape(h // factor, factor, w // factor, factor).mean(axis=(1, 3))


def write_tif(path: str, grid: Grid, bands: Sequence[np.ndarray], nodata: float,
              descriptions: Sequence[str] = (), colors: dict[int, tuple[int, int, int]] | None = None,
              metadata: dict[str, str] | None = None, zlevel: int | None = None) -> None:
    """Tiled 256x256 DEFLATE GeoTIFF (floating predictor for floats, GDAL's compression level unless ``zlevel``),
    no date tag."""
    dtype = np.dtype(bands[0].dtype)
    gdal_type = {np.dtype(np.uint8): gdal.GDT_Byte, np.dtype(np.int16): gdal.GDT_Int16,
                 np.dtype(np.float32): gdal.GDT_Float32}[dtype]
    options = ["TILED=YES", "BLOCKXSIZE=256", "BLOCKYSIZE=256", "COMPRESS=DEFLATE"]
    options.append("PREDICTOR=3" if gdal_type == gdal.GDT_Float32 else "PREDICTOR=1")
    if len(bands) > 1:
        options.append("INTERLEAVE=BAND")
    if zlevel is not None:
        options.append(f"ZLEVEL={zlevel}")
    ds = gdal.GetDriverByName("GTiff").Create(path, grid.width, grid.height, len(bands), gdal_type, options)
    ds.SetGeoTransform(grid.transform)
    ds.SetProjection(srs().ExportToWkt())
    if metadata:
        ds.SetMetadata(metadata)
    for i, array in enumerate(bands):
        band = ds.GetRasterBand(i + 1)
        band.SetNoDataValue(nodata)
        if i < len(descriptions):
            band.SetDescription(descriptions[i])
        if colors:
            table = gdal.ColorTable()
            for value, rgb in colors.items():
                table.SetColorEntry(value, (*rgb, 255))
            band.SetColorTable(table)
        band.WriteArray(array)
    ds.FlushCache()
    ds = None
