"""YEAR is never the current year silently: given, or read from the inputs' metadata or names, else an error."""
from __future__ import annotations

import numpy as np
import pytest
from qgis.core import QgsProcessingException
from sdg_testdata import write_raster


def _landcover(path):
    data = np.array([[20, 20], [30, 60]], dtype=np.uint8)
    return write_raster(path, data, 4549, (500000, 3380000), 10, nodata=0)


def test_year_from_the_input_name(run_algorithm, tmp_path):
    raster = _landcover(tmp_path / "landcover_2018_10m.tif")
    store = tmp_path / "results.gpkg"
    run_algorithm("sdg:forest_area_15_1_1", {"LANDCOVER": str(raster), "FOREST_CLASSES": "20",
                                             "WATER_CLASSES": "60", "RESULTS": str(store), "OUTPUT": "memory:"})
    from sdg_monitor.core.store import ResultsStore

    assert set(ResultsStore(store).read_results()["year"]) == {2018}


def test_without_a_year_anywhere_the_algorithm_asks_for_it(run_algorithm, tmp_path):
    raster = _landcover(tmp_path / "landcover.tif")
    with pytest.raises(QgsProcessingException, match="Set YEAR: the year the input data refer to"):
        run_algorithm("sdg:forest_area_15_1_1", {"LANDCOVER": str(raster), "FOREST_CLASSES": "20",
                                                 "WATER_CLASSES": "60", "OUTPUT": "memory:"})
    run_algorithm("sdg:forest_area_15_1_1", {"LANDCOVER": str(raster), "FOREST_CLASSES": "20",
                                             "WATER_CLASSES": "60", "YEAR": 2016, "OUTPUT": "memory:"})


def test_year_from_the_gdal_metadata(run_algorithm, tmp_path):
    from osgeo import gdal

    raster = _landcover(tmp_path / "landcover.tif")
    dataset = gdal.Open(str(raster), gdal.GA_Update)
    dataset.SetMetadataItem("TIFFTAG_DATETIME", "2019:06:01 00:00:00")
    dataset = None
    store = tmp_path / "results.gpkg"
    run_algorithm("sdg:forest_area_15_1_1", {"LANDCOVER": str(raster), "FOREST_CLASSES": "20",
                                             "WATER_CLASSES": "60", "RESULTS": str(store), "OUTPUT": "memory:"})
    from sdg_monitor.core.store import ResultsStore

    assert set(ResultsStore(store).read_results()["year"]) == {2019}
