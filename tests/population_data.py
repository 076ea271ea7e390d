"""Independent readers for the population tests: GDAL reads and GDAL rasterization of zones onto a grid."""
from __future__ import annotations

from pathlib import Path

import numpy as np
from osgeo import gdal, ogr
from qgis.core import QgsProcessingFeedback


def read_raster(path: Path | str) -> tuple[np.ndarray, tuple, float | None]:
    """Band 1 as float64, the geotransform and the nodata value."""
    ds = gdal.Open(str(path))
    band = ds.GetRasterBand(1)
    return band.ReadAsArray().astype(np.float64), ds.GetGeoTransform(), band.GetNoDataValue()


def zone_labels_like(raster: Path | str, zones: Path | str, layer: str) -> np.ndarray:
    """Zone labels 1..n (feature order, pixel-centre rule) burnt by GDAL on the grid of ``raster``."""
    like = gdal.Open(str(raster))
    target = gdal.GetDriverByName("MEM").Create("", like.RasterXSize, like.RasterYSize, 1, gdal.GDT_Int32)
    target.SetGeoTransform(like.GetGeoTransform())
    target.SetProjection(like.GetProjection())
    source = ogr.Open(str(zones))
    vector = source.GetLayerByName(layer)
    for label, feature in enumerate(vector, start=1):
        memory = ogr.GetDriverByName("Memory").CreateDataSource("one")
        one = memory.CreateLayer("one", vector.GetSpatialRef(), ogr.wkbPolygon)
        copy = ogr.Feature(one.GetLayerDefn())
        copy.SetGeometry(feature.GetGeometryRef().Clone())
        one.CreateFeature(copy)
        gdal.RasterizeLayer(target, [1], one, burn_values=[label])
    return target.GetRasterBand(1).ReadAsArray()


class RecordingFeedback(QgsProcessingFeedback):
    """Feedback that keeps the warnings pushed by an algorithm."""

    def __init__(self) -> None:
        super().__init__()
        self.warnings: list[str] = []

    def pushWarning(self, warning: str) -> None:
        self.warnings.append(warning)
        super().pushWarning(warning)
