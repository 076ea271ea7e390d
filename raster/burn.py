"""Zone labels burnt onto a raster window with GDAL (pixel-centre rule), from polygons held in memory.

Shared by the Processing algorithms (strip by strip) and the scale-out kernels (window by window): the zones are
prepared once as an in-memory OGR layer and each window is burnt from the polygons that touch it. GDAL and numpy
only.
"""
from __future__ import annotations

from typing import Iterable

import numpy as np
from osgeo import gdal, ogr, osr

LABEL = "label"


def memory_zones(wkt: str, polygons: Iterable[tuple[int, bytes]]) -> ogr.DataSource:
    """An in-memory OGR layer of ``(label, WKB)`` polygons in the CRS ``wkt``."""
    srs = osr.SpatialReference()
    srs.ImportFromWkt(wkt)
    memory = ogr.GetDriverByName("Memory").CreateDataSource("zones")
    layer = memory.CreateLayer("zones", srs, ogr.wkbUnknown)
    layer.CreateField(ogr.FieldDefn(LABEL, ogr.OFTInteger64))
    for label, wkb in polygons:
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetField(0, label)  # by index: no field-name lookup per zone
        feature.SetGeometry(ogr.CreateGeometryFromWkb(wkb))
        layer.CreateFeature(feature)
    return memory


def label_type(n_zones: int) -> int:
    """The smallest GDAL type holding labels 0..n_zones."""
    return gdal.GDT_UInt16 if n_zones < 65535 else gdal.GDT_UInt32


def burn(zones: ogr.DataSource, geotransform: tuple[float, ...], width: int, height: int, wkt: str,
         data_type: int) -> np.ndarray | None:
    """Labels of a ``width`` × ``height`` window with ``geotransform`` (0 outside every zone); None when GDAL
    fails."""
    target = gdal.GetDriverByName("MEM").Create("", width, height, 1, data_type)
    target.SetGeoTransform(geotransform)
    target.SetProjection(wkt)
    x0, xres, _, y0, _, yres = geotransform
    xs, ys = (x0, x0 + width * xres), (y0, y0 + height * yres)
    layer = zones.GetLayer(0)
    layer.SetSpatialFilterRect(min(xs), min(ys), max(xs), max(ys))
    try:
        if gdal.RasterizeLayer(target, [1], layer, options=[f"ATTRIBUTE={LABEL}"]) != 0:
            return None
    except RuntimeError:
        return None
    finally:
        layer.SetSpatialFilter(None)
    return target.GetRasterBand(1).ReadAsArray()
