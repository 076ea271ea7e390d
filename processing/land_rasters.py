"""Output rasters of the land algorithms: created on a grid, written strip by strip, deleted when a run fails."""
from __future__ import annotations

import os
from contextlib import contextmanager
from typing import Iterator, Sequence

import numpy as np
from osgeo import gdal, osr
from qgis.core import QgsCoordinateReferenceSystem, QgsProcessingException, QgsRasterFileWriter

from ..translation import tr
from .raster_io import RasterGrid


def create_raster(path: str, grid: RasterGrid, data_type: int, nodata: float) -> gdal.Dataset:
    """A one-band raster on ``grid`` (tiled, compressed GeoTIFF by default) with ``nodata`` set."""
    driver_name = QgsRasterFileWriter.driverForExtension(os.path.splitext(path)[1]) or "GTiff"
    options = ["TILED=YES", "COMPRESS=DEFLATE", "BIGTIFF=IF_SAFER"] if driver_name == "GTiff" else []
    driver = gdal.GetDriverByName(driver_name)
    dataset = driver.Create(path, grid.width, grid.height, 1, data_type, options) if driver else None
    if dataset is None:
        raise QgsProcessingException(tr("Could not create the raster {}; use a .tif file.").format(path))
    dataset.SetGeoTransform(grid.geotransform())
    srs = osr.SpatialReference()
    srs.ImportFromWkt(grid.crs.toWkt(QgsCoordinateReferenceSystem.WktVariant.WKT_PREFERRED_GDAL))
    dataset.SetProjection(srs.ExportToWkt())
    dataset.GetRasterBand(1).SetNoDataValue(nodata)
    return dataset


class RasterWriter:
    """Rasters on one grid written strip by strip; only this object holds them, so it can close and delete them."""

    def __init__(self, datasets: list[gdal.Dataset]) -> None:
        self._datasets = datasets

    def write(self, index: int, array: np.ndarray, row0: int) -> None:
        """Write a strip of raster ``index`` at row ``row0``."""
        self._datasets[index].GetRasterBand(1).WriteArray(array, 0, row0)


@contextmanager
def output_rasters(grid: RasterGrid, specs: Sequence[tuple[str, int, float]]) -> Iterator[RasterWriter]:
    """Rasters (path, GDAL data type, nodata) on ``grid``, closed at the end; all deleted when the block raises
    (a cancelled or failed run leaves no partial raster)."""
    datasets: list[gdal.Dataset] = []
    try:
        for path, data_type, nodata in specs:
            datasets.append(create_raster(path, grid, data_type, nodata))
        yield RasterWriter(datasets)
        for dataset in datasets:
            dataset.FlushCache()
        datasets.clear()
    finally:
        if datasets:
            drivers = [dataset.GetDriver() for dataset in datasets]
            datasets.clear()  # closes them before they are deleted
            for driver, (path, _, _) in zip(drivers, specs):
                driver.Delete(path)
