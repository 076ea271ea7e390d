"""Zone labels burnt onto a raster window with GDAL (pixel-centre rule), from polygons held in memory.

Shared by the Processing algorithms (strip by strip) and the scale-out kernels (window by window): the zones are
prepared once as an in-memory OGR layer and each window is burnt from the polygons that touch it. GDAL and numpy
only.

The polygons are already in the raster's CRS (the callers transform them), so neither the layer nor the window
carries a CRS: burning then does no PROJ work. That matters because strips are burnt in a reading thread, and
the first CRS call in a new thread opens PROJ's database, about 10 ms: once per window in the scale-out.
"""
from __future__ import annotations

from typing import Iterable

import numpy as np
from osgeo import gdal, gdal_array, ogr

LABEL = "label"
#: GDAL's rasterizer works on float64 rows and takes a buffer for as many rows as it does at once: about this many
#: bytes of them (a strip-sized buffer, 8 bytes a pixel, is handed back to the system and page-faulted in again at
#: nearly every strip).
WORK_BYTES = 4 << 20


def memory_zones(polygons: Iterable[tuple[int, bytes]]) -> ogr.DataSource:
    """An in-memory OGR layer of ``(label, WKB)`` polygons, in the CRS of the rasters they are burnt on."""
    memory = ogr.GetDriverByName("Memory").CreateDataSource("zones")
    layer = memory.CreateLayer("zones", None, ogr.wkbUnknown)
    layer.CreateField(ogr.FieldDefn(LABEL, ogr.OFTInteger64))
    for label, wkb in polygons:
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetField(0, label)  # by index: no field-name lookup per zone
        feature.SetGeometryDirectly(ogr.CreateGeometryFromWkb(wkb))  # no copy of the geometry
        layer.CreateFeature(feature)
    return memory


def label_type(n_zones: int) -> int:
    """The smallest GDAL type holding labels 0..n_zones."""
    return gdal.GDT_UInt16 if n_zones < 65535 else gdal.GDT_UInt32


def burn(zones: ogr.DataSource, geotransform: tuple[float, ...], width: int, height: int, data_type: int
         ) -> np.ndarray | None:
    """Labels of a ``width`` × ``height`` window with ``geotransform`` (0 outside every zone); None when GDAL
    fails (GDAL's messages are not shown: the callers name the zones that could not be burnt). GDAL burns the
    labels straight into the array returned (no copy out of a dataset)."""
    labels = np.zeros((height, width), dtype=gdal_array.GDALTypeCodeToNumericTypeCode(data_type))
    target = gdal_array.OpenArray(labels)
    target.SetGeoTransform(geotransform)
    x0, xres, _, y0, _, yres = geotransform
    xs, ys = (x0, x0 + width * xres), (y0, y0 + height * yres)
    layer = zones.GetLayer(0)
    layer.SetSpatialFilterRect(min(xs), min(ys), max(xs), max(ys))
    gdal.PushErrorHandler("CPLQuietErrorHandler")  # GDAL warns of the layer without a CRS at every burn
    try:
        chunk_rows = max(1, WORK_BYTES // (8 * width))
        if gdal.RasterizeLayer(target, [1], layer, options=[f"ATTRIBUTE={LABEL}", f"CHUNKYSIZE={chunk_rows}"]) != 0:
            return None
    except RuntimeError:
        return None
    finally:
        gdal.PopErrorHandler()
        layer.SetSpatialFilter(None)
    return labels

