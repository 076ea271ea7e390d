"""Content hashes of the sample's files: what they hold, not how the installed libraries encode it.

A GeoPackage's bytes carry the SQLite library version, a GeoTIFF's GDAL's own tags, a zip zlib's compression, so
two platforms writing the same content write different bytes. These hashes read the content back instead:
features (layer definitions, then fid, attributes and geometry with coordinates rounded to ``DECIMALS``, in fid
order), pixels (with grid, EPSG code, nodata, band descriptions, colours and metadata), zip entries, sheet cells.
"""
from __future__ import annotations

import hashlib
import zipfile
from pathlib import Path

import numpy as np
from osgeo import gdal, ogr, osr

#: Decimals kept of vector coordinates (millimetres in the sample's metre-based CRS).
DECIMALS = 3

gdal.UseExceptions()
ogr.UseExceptions()


def _update(digest, *items: object) -> None:
    for item in items:
        digest.update(item if isinstance(item, bytes) else repr(item).encode("utf-8"))
        digest.update(b"\x1f")


def _geometry(digest, geom: ogr.Geometry | None) -> None:
    if geom is None:
        _update(digest, None)
        return
    _update(digest, geom.GetGeometryName(), geom.GetGeometryCount())
    if geom.GetGeometryCount():
        for k in range(geom.GetGeometryCount()):
            _geometry(digest, geom.GetGeometryRef(k))
        return
    xy = np.array(geom.GetPoints() or [], dtype=np.float64).reshape(-1, geom.GetCoordinateDimension())[:, :2]
    _update(digest, (np.round(xy, DECIMALS) + 0.0).astype("<f8").tobytes())  # + 0.0: no negative zero


def _epsg(wkt: str) -> str | None:
    if not wkt:
        return None
    ref = osr.SpatialReference(wkt)
    ref.AutoIdentifyEPSG()
    return ref.GetAuthorityCode(None)


def _features(path: Path, digest) -> None:
    ds = ogr.Open(str(path))
    layers = sorted(ds.GetLayerByIndex(k).GetName() for k in range(ds.GetLayerCount()))
    for name in layers:
        lyr = ds.GetLayerByName(name)
        defn = lyr.GetLayerDefn()
        ref = lyr.GetSpatialRef()
        _update(digest, name, ogr.GeometryTypeToName(lyr.GetGeomType()), _epsg(ref.ExportToWkt() if ref else ""),
                [(defn.GetFieldDefn(k).GetName(), defn.GetFieldDefn(k).GetTypeName())
                 for k in range(defn.GetFieldCount())])
        rows = sorted(((f.GetFID(), f) for f in lyr), key=lambda row: row[0])
        for fid, feat in rows:
            _update(digest, fid, [feat.GetField(k) for k in range(defn.GetFieldCount())])
            _geometry(digest, feat.GetGeometryRef())
    ds = None


def _pixels(path: Path, digest) -> None:
    ds = gdal.Open(str(path))
    _update(digest, ds.RasterXSize, ds.RasterYSize, ds.RasterCount, ds.GetGeoTransform(),
            _epsg(ds.GetProjection()), sorted((ds.GetMetadata() or {}).items()))
    for k in range(1, ds.RasterCount + 1):
        band = ds.GetRasterBand(k)
        table = band.GetColorTable()
        colours = [table.GetColorEntry(i) for i in range(table.GetCount())] if table else None
        _update(digest, gdal.GetDataTypeName(band.DataType), band.GetNoDataValue(), band.GetDescription(), colours)
        array = band.ReadAsArray()
        _update(digest, array.dtype.newbyteorder("<").str, array.astype(array.dtype.newbyteorder("<")).tobytes())
    ds = None


def _entries(path: Path, digest) -> None:
    with zipfile.ZipFile(path) as archive:
        for name in sorted(archive.namelist()):
            _update(digest, name, archive.read(name))


def _cells(path: Path, digest) -> None:
    from openpyxl import load_workbook

    book = load_workbook(path, read_only=True)
    try:
        for sheet in book.worksheets:
            _update(digest, sheet.title)
            for row in sheet.iter_rows(values_only=True):
                _update(digest, row)
    finally:
        book.close()


_READERS = {".gpkg": _features, ".tif": _pixels, ".zip": _entries, ".xlsx": _cells}


def content_hash(path: Path) -> str:
    """SHA-256 over the content of ``path`` (a .gpkg, .tif, .zip or .xlsx)."""
    reader = _READERS.get(path.suffix.lower())
    if reader is None:
        raise ValueError(f"no content reader for {path.name}")
    digest = hashlib.sha256()
    _update(digest, path.suffix.lower())
    reader(path, digest)
    return digest.hexdigest()
