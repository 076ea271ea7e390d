"""Small fixtures made by the tests themselves, with GDAL/OGR (independent of the plugin's code)."""
from __future__ import annotations

from pathlib import Path
from typing import Sequence

import numpy as np
from osgeo import gdal, ogr, osr


def write_raster(path: Path, array: np.ndarray, epsg: int, origin: tuple[float, float], pixel: float,
                 nodata: float | None = None, dtype: int = gdal.GDT_Byte) -> Path:
    """Write a one-band north-up GeoTIFF with its top-left corner at ``origin``."""
    rows, cols = array.shape
    ds = gdal.GetDriverByName("GTiff").Create(str(path), cols, rows, 1, dtype, ["TILED=YES", "BLOCKXSIZE=16",
                                                                                 "BLOCKYSIZE=16"])
    ds.SetGeoTransform((origin[0], pixel, 0, origin[1], 0, -pixel))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    ds.SetProjection(srs.ExportToWkt())
    band = ds.GetRasterBand(1)
    if nodata is not None:
        band.SetNoDataValue(nodata)
    band.WriteArray(array)
    ds = None
    return path


def write_polygons(path: Path, layer_name: str, epsg: int, wkts: Sequence[str],
                   attributes: Sequence[dict] | None = None) -> Path:
    """Write polygons (WKT) with string/int attributes to a GeoPackage layer."""
    driver = ogr.GetDriverByName("GPKG")
    ds = driver.Open(str(path), 1) if path.exists() else driver.CreateDataSource(str(path))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    layer = ds.CreateLayer(layer_name, srs, ogr.wkbPolygon)
    attributes = attributes or [{} for _ in wkts]
    for name, value in attributes[0].items():
        layer.CreateField(ogr.FieldDefn(name, ogr.OFTInteger if isinstance(value, int) else ogr.OFTString))
    for wkt, attrs in zip(wkts, attributes):
        feature = ogr.Feature(layer.GetLayerDefn())
        for name, value in attrs.items():
            feature.SetField(name, value)
        feature.SetGeometry(ogr.CreateGeometryFromWkt(wkt))
        layer.CreateFeature(feature)
    ds = None
    return path
