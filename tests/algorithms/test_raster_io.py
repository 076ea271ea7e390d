"""read_strips on another grid in the same CRS (the fast path reading the file's own type) against GDAL's own
nearest-neighbour warp with an exact transformation, on random grids: aligned ratios, ties on pixel edges,
offsets, grids partly or wholly outside the layer, nodata set or not, NaN."""
from __future__ import annotations

import numpy as np
import pytest
from osgeo import gdal, osr
from qgis.core import QgsCoordinateReferenceSystem, QgsRasterLayer, QgsRectangle
from sdg_monitor.processing import raster_io

TYPES = [(gdal.GDT_Byte, np.uint8), (gdal.GDT_Int16, np.int16), (gdal.GDT_Float32, np.float32),
         (gdal.GDT_UInt16, np.uint16)]


def gdal_reference(path: str, grid: raster_io.RasterGrid) -> tuple[np.ndarray, np.ndarray]:
    """GDAL's warp onto the grid: nearest neighbour, no approximation, NaN where there is no data."""
    source = gdal.Open(path)
    nodata = source.GetRasterBand(1).GetNoDataValue()
    extent = grid.extent
    warped = gdal.Warp("", source, format="MEM", resampleAlg="near", errorThreshold=0,
                       outputBounds=(extent.xMinimum(), extent.yMinimum(), extent.xMaximum(), extent.yMaximum()),
                       width=grid.width, height=grid.height, outputType=gdal.GDT_Float64, srcNodata=nodata,
                       dstNodata=float("nan"))
    data = warped.GetRasterBand(1).ReadAsArray()
    return data, ~np.isnan(data)


@pytest.mark.parametrize("epsg", [4547, 4326])
def test_same_crs_read_on_another_grid_equals_gdal_warp(qgis_app, tmp_path, epsg):
    rng = np.random.default_rng(epsg)
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    geographic = srs.IsGeographic()
    for case in range(40):
        gdt, dtype = TYPES[case % 4]
        rows, cols = (int(v) for v in rng.integers(5, 80, 2))
        res = float(rng.choice([0.01, 1 / 120, 0.25] if geographic else [10, 30, 100, 7.5]))
        x0, y0 = (100.0, 30.0) if geographic else (500000.0, 3000000.0)
        array = rng.integers(0, 50, (rows, cols)).astype(dtype)
        if dtype == np.float32:
            array[rng.random((rows, cols)) < 0.05] = np.nan
        nodata = [None, 0, 7][case % 3]
        path = str(tmp_path / f"src{case}.tif")
        target = gdal.GetDriverByName("GTiff").Create(path, cols, rows, 1, gdt)
        target.SetGeoTransform((x0, res, 0, y0, 0, -res))
        target.SetProjection(srs.ExportToWkt())
        if nodata is not None:
            target.GetRasterBand(1).SetNoDataValue(nodata)
        target.GetRasterBand(1).WriteArray(array)
        target = None
        if case % 3 == 0:  # aligned ratios: ties of target centres on source pixel edges
            tres = res * float(rng.choice([10 / 3, 3, 0.5, 1 / 3, 2.5, 1]))
            left, top = x0 + res * int(rng.integers(-5, 5)), y0 + res * int(rng.integers(-5, 5))
        else:
            tres = res * float(rng.uniform(0.2, 5))
            left, top = x0 + res * rng.uniform(-10, 10), y0 + res * rng.uniform(-10, 10)
        width, height = (int(v) for v in rng.integers(1, 100, 2))
        layer = QgsRasterLayer(path, "src", "gdal")
        grid = raster_io.RasterGrid(layer.crs(), QgsRectangle(left, top - height * tres, left + width * tres, top),
                                    width, height)
        strips = list(raster_io.read_strips(layer, 1, None, grid))
        data = np.vstack([s.data for s in strips]).astype(np.float64)
        valid = np.vstack([s.valid for s in strips])
        expected, expected_valid = gdal_reference(path, grid)
        assert np.array_equal(valid, expected_valid), f"case {case}: validity differs"
        assert np.array_equal(data[valid], expected[valid]), f"case {case}: values differ"


def test_the_fast_path_is_the_one_compared(qgis_app, tmp_path, monkeypatch):
    """The comparison above must exercise the index-mapping reader, not GDAL's warp."""
    calls = []
    monkeypatch.setattr(raster_io, "_gdal_warped", lambda *args: calls.append(args))
    path = str(tmp_path / "src.tif")
    target = gdal.GetDriverByName("GTiff").Create(path, 10, 10, 1, gdal.GDT_Byte)
    target.SetGeoTransform((500000.0, 10, 0, 3000000.0, 0, -10))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4547)
    target.SetProjection(srs.ExportToWkt())
    target = None
    layer = QgsRasterLayer(path, "src", "gdal")
    grid = raster_io.RasterGrid(layer.crs(), QgsRectangle(500003, 2999903, 500103, 3000003), 4, 4)
    assert len(list(raster_io.read_strips(layer, 1, None, grid))) == 1
    assert calls == []


@pytest.mark.parametrize("block_rows, expected", [(1, 126), (64, 64), (100, 100), (256, 128), (255, 85), (509, 126)])
def test_strip_rows_follow_the_block_height(qgis_app, block_rows, expected):
    """Hand-worked: 4 Mpx over 31,623 columns is 126 rows; whole blocks below that, else the even share of a block
    nearest to 126 (128 of 256, 85 of 255), or 126 when the block height has none within a factor of 2 (509)."""
    grid = raster_io.RasterGrid(QgsCoordinateReferenceSystem("EPSG:4547"), QgsRectangle(0, 0, 31623, 31623),
                                31623, 31623, block_rows)
    assert grid.strip_rows() == expected
