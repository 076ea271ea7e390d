"""zonal_stacks reads ahead in a thread on GDAL rasters: the same strips and labels as the plain reader and the
burnt zones, and no thread left when the caller stops early or raises."""
from __future__ import annotations

import threading
from contextlib import nullcontext

import numpy as np
import pytest
from osgeo import gdal, ogr, osr
from qgis.core import QgsProcessingFeedback, QgsRasterLayer
from sdg_monitor.processing import zones as zones_module
from sdg_monitor.processing.raster_io import grid_of, read_strips
from sdg_monitor.processing.zones import ZoneRaster, zonal_stacks
from sdg_monitor.raster.burn import label_type, memory_zones


@pytest.fixture()
def rasters(qgis_app, tmp_path, monkeypatch):
    """Two 300 × 200 Byte rasters (nodata 0) read in 7 strips (32 rows: a share of the 256-row block), and three
    zones."""
    monkeypatch.setattr("sdg_monitor.processing.raster_io.STRIP_PIXELS", 300 * 30)
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4547)
    rng = np.random.default_rng(7)
    layers = []
    for name in ("a", "b"):
        path = str(tmp_path / f"{name}.tif")
        target = gdal.GetDriverByName("GTiff").Create(path, 300, 200, 1, gdal.GDT_Byte, ["TILED=YES"])
        target.SetGeoTransform((500000.0, 10.0, 0.0, 3002000.0, 0.0, -10.0))
        target.SetProjection(srs.ExportToWkt())
        target.GetRasterBand(1).SetNoDataValue(0)
        target.GetRasterBand(1).WriteArray(rng.integers(0, 5, (200, 300)).astype(np.uint8))
        target = None
        layers.append(QgsRasterLayer(path, name, "gdal"))
    boxes = [(500000, 501000, 3000000, 3002000), (501000, 503000, 3001000, 3002000), (501500, 502000, 3000000, 3000500)]
    polygons = [(label, ogr.CreateGeometryFromWkt(
        f"POLYGON(({x0} {y0},{x1} {y0},{x1} {y1},{x0} {y1},{x0} {y0}))").ExportToWkb())
        for label, (x0, x1, y0, y1) in enumerate(boxes, start=1)]
    grid = grid_of(layers[0])

    def labels() -> ZoneRaster:
        return ZoneRaster(memory_zones(polygons), grid, label_type(3), "zones", ["1", "2", "3"])

    return layers, labels


def prefetch_threads() -> list[threading.Thread]:
    return [thread for thread in threading.enumerate() if thread.name == "sdg-prefetch"]


def test_the_same_strips_and_labels_as_the_plain_reader(rasters, monkeypatch):
    layers, labels = rasters
    used = []
    real = zones_module.prefetch
    monkeypatch.setattr(zones_module, "prefetch", lambda items: used.append(1) or real(items))
    stacks = list(zonal_stacks([(layer, 1) for layer in layers], labels(), QgsProcessingFeedback()))
    assert used, "the GDAL rasters must be read ahead"
    plain = [list(read_strips(layer, 1)) for layer in layers]
    burnt = labels()
    assert len(stacks) == len(plain[0]) == 7
    for i, (strips, zone_labels, _) in enumerate(stacks):
        for strip, expected in zip(strips, (plain[0][i], plain[1][i])):
            assert strip.row0 == expected.row0
            assert np.array_equal(strip.data, expected.data) and np.array_equal(strip.valid, expected.valid)
        assert np.array_equal(zone_labels, burnt.read(strips[0].row0, strips[0].rows))
    assert set(np.unique(np.vstack([s[1] for s in stacks]))) == {0, 1, 2, 3}
    assert not prefetch_threads()


@pytest.mark.parametrize("stop", ["break", "raise", "cancel"])
def test_no_thread_is_left_when_the_caller_stops_early(rasters, stop):
    layers, labels = rasters
    feedback = QgsProcessingFeedback()
    stacks = zonal_stacks([(layers[0], 1)], labels(), feedback)
    seen = 0
    with pytest.raises(Exception) if stop != "break" else nullcontext():
        for _ in stacks:
            seen += 1
            if seen == 2:
                if stop == "break":
                    break
                if stop == "raise":
                    raise RuntimeError("the caller fails")
                feedback.cancel()
    stacks.close()
    assert seen == 2
    assert not prefetch_threads()
