"""Tile plans, the checks on a tiled set, zones read for the workers, and ellipsoidal polygon areas."""
from __future__ import annotations

import numpy as np
import pytest
from osgeo import gdal
from qgis.core import QgsDistanceArea, QgsGeometry, QgsPointXY, QgsProject
from sdg_monitor.core.geodesy import polygon_area
from sdg_monitor.scale import ScaleError
from sdg_monitor.scale.tiles import expand, plan
from sdg_monitor.scale.zones import read_zones
from sdg_testdata import write_polygons, write_raster

ORIGIN = (500000.0, 3370000.0)


def _tile(folder, name, epsg=4549, origin=ORIGIN, pixel=10.0, shape=(30, 40)):
    return str(write_raster(folder / name, np.ones(shape, dtype=np.uint8), epsg, origin, pixel))


@pytest.mark.parametrize("window_pixels", [1, 100, 257, 1200, 10**9])
def test_windows_cover_every_pixel_once(tmp_path, window_pixels):
    paths = [_tile(tmp_path, "a.tif", shape=(45, 70)), _tile(tmp_path, "b.tif", origin=(500700.0, 3370000.0))]
    windows = plan(paths, window_pixels=window_pixels)
    for path, (rows, cols) in zip(paths, [(45, 70), (30, 40)]):
        cover = np.zeros((rows, cols), dtype=int)
        for w in (w for w in windows if w.path == path):
            cover[w.yoff:w.yoff + w.ysize, w.xoff:w.xoff + w.xsize] += 1
            assert w.geotransform[0] == pytest.approx(gdal.Open(path).GetGeoTransform()[0] + 10.0 * w.xoff)
            assert w.xoff % 16 == 0 and w.yoff % 16 == 0  # whole 16 x 16 blocks
        assert (cover == 1).all()


@pytest.mark.parametrize("second, message", [
    (dict(epsg=4547), "in another CRS than"),
    (dict(pixel=20.0), "another pixel size"),
    (dict(origin=(500200.0, 3369900.0)), "overlap"),
])
def test_a_mixed_tile_set_is_refused_naming_the_tile(tmp_path, second, message):
    first = _tile(tmp_path, "first.tif")
    other = _tile(tmp_path, "other.tif", **second)
    with pytest.raises(ScaleError, match=message) as err:
        plan([first, other])
    assert "other.tif" in str(err.value)


def test_missing_band_pattern_and_file_are_named(tmp_path):
    tile = _tile(tmp_path, "t.tif")
    with pytest.raises(ScaleError, match="1 band"):
        plan([tile], band=2)
    with pytest.raises(ScaleError, match="No raster matches"):
        expand([str(tmp_path / "none_*.tif")])
    with pytest.raises(ScaleError, match="Cannot open raster"):
        plan([str(tmp_path / "absent.tif")])
    assert expand([str(tmp_path / "*.tif")]) == [tile]


def test_zones_are_labelled_in_layer_order_and_checked(tmp_path):
    square = "POLYGON((0 0,1 0,1 1,0 1,0 0))"
    path = str(write_polygons(tmp_path / "z.gpkg", "z", 4549, [square, square, square],
                              [{"code": "x", "name": "甲"}, {"code": "y", "name": None}, {"code": "z", "name": "丙"}]))
    zones = read_zones(path, "code", "name", wkt=gdal.Open(_tile(tmp_path, "t.tif")).GetProjection())
    assert (zones.ids, zones.names) == (["x", "y", "z"], ["甲", "y", "丙"])  # a NULL name falls back to the id
    assert [label for label, _ in zones.payload.polygons] == [1, 2, 3]
    with pytest.raises(ScaleError, match="no field 'nope'"):
        read_zones(path, "nope", wkt=zones.payload.wkt)
    dup = str(write_polygons(tmp_path / "d.gpkg", "d", 4549, [square, square], [{"code": "x"}, {"code": "x"}]))
    with pytest.raises(ScaleError, match="'x' appears more than once"):
        read_zones(dup, "code", wkt=zones.payload.wkt)


def test_polygon_area_matches_qgis_geodesic_area():
    ring = [(120.0, 30.0), (120.9, 30.1), (120.4, 30.8), (120.0, 30.0)]
    geometry = QgsGeometry.fromPolygonXY([[QgsPointXY(x, y) for x, y in ring]]).densifyByCount(200)
    measure = QgsDistanceArea()
    measure.setSourceCrs(QgsProject.instance().crs().fromEpsgId(4326), QgsProject.instance().transformContext())
    measure.setEllipsoid("EPSG:7030")
    points = geometry.asPolygon()[0]
    ours = polygon_area(np.array([p.x() for p in points]), np.array([p.y() for p in points]),
                        6378137.0, 6356752.314245179)
    assert ours == pytest.approx(measure.measureArea(geometry), rel=1e-6)


def test_the_scale_out_runs_without_qgis(tmp_path):
    """Dask workers may have GDAL and numpy but no QGIS: the backend then runs, with English messages."""
    import os
    import subprocess
    import sys

    tile = _tile(tmp_path, "t.tif")
    square = "POLYGON((500000 3369900,500200 3369900,500200 3370000,500000 3370000,500000 3369900))"
    zones = str(write_polygons(tmp_path / "z.gpkg", "z", 4549, [square], [{"code": "a"}]))
    script = (
        "import builtins, sys\n"
        "real = builtins.__import__\n"
        "def block(name, *args, **kwargs):\n"
        "    if name.split('.')[0] in ('qgis', 'PyQt5'):\n"
        "        raise ImportError(name)\n"
        "    return real(name, *args, **kwargs)\n"
        "builtins.__import__ = block\n"
        "from sdg_monitor.scale import ScaleError\n"
        "from sdg_monitor.scale.indicators import forest_area\n"
        f"print(forest_area([{tile!r}], {zones!r}, 'code', forest=(1,)).total['value'])\n"
        "try:\n"
        f"    forest_area([{str(tmp_path / 'none_*.tif')!r}], {zones!r})\n"
        "except ScaleError as err:\n"
        "    print(err)\n"
        "print(sorted(m for m in sys.modules if m.startswith(('qgis', 'PyQt5'))))\n")
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(p for p in sys.path if p))
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=60)
    assert run.returncode == 0, run.stderr
    value, message, modules = run.stdout.splitlines()
    assert float(value) == 100.0  # every pixel of the zone is class 1
    assert message.startswith("No raster matches") and modules == "[]"


def test_class_lists_are_checked_before_any_read(tmp_path):
    from sdg_monitor.scale.indicators import forest_area, land_consumption

    absent = [str(tmp_path / "absent.tif")]
    with pytest.raises(ScaleError, match=r"Classes \[60\] are listed both as forest and as water"):
        forest_area(absent, "zones.gpkg", forest=(20, 60), water=(60,))
    with pytest.raises(ScaleError, match="FOREST_CLASSES lists no class"):
        forest_area(absent, "zones.gpkg", forest=())
    with pytest.raises(ScaleError, match="BUILTUP_CLASSES lists no class"):
        land_consumption(absent, absent, absent, absent, "zones.gpkg", 2015, 2020, builtup=())
