"""sdg:mountain_green_cover_15_4_2 against QGIS's native slope, ellipsoidal distances, hand-worked Kapos classes
and a hand-worked MGCI."""
from __future__ import annotations

import math

import numpy as np
import pytest
from osgeo import gdal
from qgis.core import QgsDistanceArea, QgsPointXY, QgsProject, QgsRasterLayer
from sdg_testdata import write_polygons, write_raster

ORIGIN = (500000.0, 3400000.0)


def read(path) -> np.ndarray:
    dataset = gdal.Open(str(path))
    return dataset.GetRasterBand(1).ReadAsArray()


def smooth_dem(rows: int, cols: int, seed: int, base: float, scale: float) -> np.ndarray:
    rng = np.random.default_rng(seed)
    return (base + np.cumsum(np.cumsum(rng.normal(0, 1, (rows, cols)), 0), 1) * scale).astype(np.float32)


def kernel_slope(layer: QgsRasterLayer, dem: np.ndarray) -> np.ndarray:
    """The plugin's slope of a whole DEM (one strip, invalid rows above and below)."""
    from sdg_monitor.core.terrain import horn_slope
    from sdg_monitor.processing.mountain_green_cover import row_metres
    from sdg_monitor.processing.raster_io import grid_of

    dx, dy = row_metres(grid_of(layer))(0, dem.shape[0])
    padded = np.vstack([np.zeros((1, dem.shape[1])), dem, np.zeros((1, dem.shape[1]))])
    valid = np.ones(padded.shape, dtype=bool)
    valid[[0, -1]] = False
    return horn_slope(padded, valid, np.broadcast_to(dx, dem.shape[:1]), np.broadcast_to(dy, dem.shape[:1]))


def test_slope_kernel_matches_native_slope(sdg_provider, tmp_path):
    import processing

    dem = smooth_dem(30, 40, 5, 800.0, 6.0)
    path = write_raster(tmp_path / "dem.tif", dem, 4549, ORIGIN, 30.0, dtype=gdal.GDT_Float32)
    native = processing.run("native:slope", {"INPUT": str(path), "Z_FACTOR": 1.0,
                                             "OUTPUT": str(tmp_path / "slope.tif")})["OUTPUT"]
    ours = kernel_slope(QgsRasterLayer(str(path)), dem.astype(np.float64))
    expected = read(native)
    assert np.nanmax(expected[1:-1, 1:-1]) > 10.0
    np.testing.assert_allclose(ours[1:-1, 1:-1], expected[1:-1, 1:-1], atol=1e-4)


@pytest.mark.parametrize("axis", ["east", "north"])
def test_geographic_dem_slope_in_degrees_from_metres(sdg_provider, tmp_path, axis):
    """A DEM in EPSG:4326 rising 10 m per pixel: slope = atan(10 m / pixel spacing measured on the ellipsoid by
    QgsDistanceArea between pixel centres). native:slope would need one z-factor for both axes, so it is not
    used here."""
    rows, cols = np.mgrid[0:9, 0:11]
    dem = (1000.0 + 10.0 * (cols if axis == "east" else -rows)).astype(np.float32)
    pixel = 0.001
    path = write_raster(tmp_path / "dem4326.tif", dem, 4326, (120.0, 30.5), pixel, dtype=gdal.GDT_Float32)
    slope = kernel_slope(QgsRasterLayer(str(path)), dem.astype(np.float64))
    measure = QgsDistanceArea()
    measure.setSourceCrs(QgsProject.instance().crs().fromEpsgId(4326), QgsProject.instance().transformContext())
    measure.setEllipsoid("EPSG:7030")
    for row in (2, 6):
        lat = 30.5 - (row + 0.5) * pixel
        if axis == "east":
            spacing = measure.measureLine(QgsPointXY(120.0045, lat), QgsPointXY(120.0055, lat))
        else:
            spacing = measure.measureLine(QgsPointXY(120.005, lat + pixel / 2), QgsPointXY(120.005, lat - pixel / 2))
        expected = math.degrees(math.atan(10.0 / spacing))
        assert slope[row, 5] == pytest.approx(expected, abs=1e-3)
        assert 5.0 < expected < 6.5


@pytest.mark.parametrize("axis", ["east", "north"])
def test_web_mercator_dem_slope_from_ground_metres(sdg_provider, tmp_path, axis):
    """A DEM in EPSG:3857 at 60° N (a map metre is about half a ground metre there) rising 10 m per 20 m pixel:
    slope = atan(10 m / pixel spacing on the ellipsoid, measured by QgsDistanceArea between pixel edges)."""
    rows, cols = np.mgrid[0:9, 0:11]
    dem = (1000.0 + 10.0 * (cols if axis == "east" else -rows)).astype(np.float32)
    left, top, pixel = 2782000.0, 8399000.0, 20.0
    path = write_raster(tmp_path / "dem3857.tif", dem, 3857, (left, top), pixel, dtype=gdal.GDT_Float32)
    slope = kernel_slope(QgsRasterLayer(str(path)), dem.astype(np.float64))
    measure = QgsDistanceArea()
    measure.setSourceCrs(QgsProject.instance().crs().fromEpsgId(3857), QgsProject.instance().transformContext())
    measure.setEllipsoid("EPSG:7030")
    for row in (2, 6):
        x, y = left + 5.5 * pixel, top - (row + 0.5) * pixel
        if axis == "east":
            spacing = measure.measureLine(QgsPointXY(x - pixel / 2, y), QgsPointXY(x + pixel / 2, y))
        else:
            spacing = measure.measureLine(QgsPointXY(x, y + pixel / 2), QgsPointXY(x, y - pixel / 2))
        expected = math.degrees(math.atan(10.0 / spacing))
        assert slope[row, 5] == pytest.approx(expected, abs=1e-3)
        assert 44.0 < expected < 46.0  # 10 m over about 10 m; 26.6° if the map metre were taken as ground


def run_classes(run_algorithm, tmp_path, dem: np.ndarray, epsg: int = 4549, pixel: float = 1000.0,
                origin=ORIGIN, **extra) -> tuple[np.ndarray, dict]:
    dem_path = write_raster(tmp_path / "dem.tif", dem.astype(np.float32), epsg, origin, pixel,
                            dtype=gdal.GDT_Float32)
    landcover = write_raster(tmp_path / "lc.tif", np.full(dem.shape, 20, dtype=np.uint8), epsg, origin, pixel,
                             nodata=0)
    result = run_algorithm("sdg:mountain_green_cover_15_4_2", {
        "DEM": str(dem_path), "LANDCOVER": str(landcover), "YEAR": 2020, "OUTPUT": "memory:",
        "MOUNTAIN_CLASSES": str(tmp_path / "classes.tif"), **extra})
    return read(result["MOUNTAIN_CLASSES"]), result


def plane(base: float, per_km: float) -> np.ndarray:
    """5 × 20 pixels of 1 km rising ``per_km`` metres per pixel to the east."""
    return np.tile(base + per_km * np.arange(20), (5, 1))


TAN = {deg: 1000.0 * math.tan(math.radians(deg)) for deg in (1, 3, 6)}


# Hand-worked per column: slope of a plane is atan(rise / 1000 m); relief within 7 km is the rise times the
# number of pixels spanned by the 7-pixel radius cut by the raster's edges (min(c+7, 19) - max(c-7, 0)).
@pytest.mark.parametrize("dem, expected", [
    (plane(4600, 0), [1] * 20),
    (plane(3600, 0), [2] * 20),
    (plane(2600, 0), [3] * 20),
    (plane(1600, TAN[3]), [4] * 18 + [3] * 2),  # slope 3°, 2500 m reached at column 18
    (plane(1600, TAN[1]), [0] * 20),  # slope 1° < 2°
    (plane(1000, TAN[6]), [5] * 5 + [4] * 10 + [3] * 5),  # slope 6°: 1500 m at column 5, 2500 m at 15
    (plane(1000, 26.2), [0] * 5 + [5] * 10 + [0] * 5),  # slope 1.5°, relief 12 × 26.2 = 314 m > 300 m
    (plane(300, 32.0), [0] * 3 + [6] * 14 + [0] * 3),  # relief 10 × 32 = 320 m > 300 m
    (plane(100, 0), [0] * 20),
], ids=["c1", "c2", "c3", "c4", "slope1", "c5slope", "c5relief", "c6", "low"])
def test_kapos_classes_hand_worked(run_algorithm, tmp_path, dem, expected):
    classes, _ = run_classes(run_algorithm, tmp_path, dem)
    np.testing.assert_array_equal(classes, np.tile(expected, (5, 1)))


@pytest.mark.parametrize("degrees, expected", [(1.5, 0), (2.5, 4)])
def test_geographic_dem_classes_use_metres(run_algorithm, tmp_path, degrees, expected):
    """At 30°N a 0.001° pixel is 96.5 m wide: a rise of tan(θ) × 96.5 m per pixel is a slope of θ. In degree
    units the same rise would be a slope of ~90° and every pixel class 4."""
    rise = math.tan(math.radians(degrees)) * 96.49
    dem = np.tile(2000.0 + rise * np.arange(30), (20, 1))
    classes, _ = run_classes(run_algorithm, tmp_path, dem, epsg=4326, pixel=0.001, origin=(120.0, 30.01))
    assert np.all(classes == expected)


# Hand-worked MGCI: DEM 4 × 6 pixels of 1 km, classes 1 (columns 0-2), 3 (columns 3-5), not mountain (row 3).
# Land cover 8 × 12 pixels of 500 m (0.25 km²); green = 10, 20, 30, 40, 50; 0 = nodata.
LANDCOVER = np.array([
    [20, 20, 60, 60, 90, 90, 10, 10, 10, 10, 30, 30],
    [20, 20, 60, 60, 90, 90, 10, 10, 10, 10, 30, 30],
    [40, 40, 40, 40, 100, 100, 50, 50, 80, 80, 80, 80],
    [40, 40, 40, 40, 100, 100, 50, 50, 80, 80, 80, 80],
    [0, 0, 20, 20, 20, 20, 60, 60, 60, 60, 60, 60],
    [0, 0, 20, 20, 20, 20, 60, 60, 60, 60, 60, 60],
    [20] * 12,
    [20] * 12,
], dtype=np.uint8)
# Zone A: land-cover columns 0-3; zone B: columns 4-11.
# A, class 1: 20 valid pixels, 16 green -> 4 / 5 km² = 80 %.
# B, class 1: 12 valid, 4 green -> 1 / 3 km²; B, class 3: 36 valid, 16 green -> 4 / 9 km².
# B: 5 / 12 km²; whole: 9 / 17 km²; class 1: 5 / 8 km²; class 3: 4 / 9 km².


@pytest.fixture()
def mgci_inputs(tmp_path):
    dem = np.array([[4600] * 3 + [3000] * 3] * 3 + [[100] * 6], dtype=np.float32)
    dem_path = write_raster(tmp_path / "dem.tif", dem, 4549, ORIGIN, 1000.0, dtype=gdal.GDT_Float32)
    landcover = write_raster(tmp_path / "lc.tif", LANDCOVER, 4549, ORIGIN, 500.0, nodata=0)
    x0, y0 = ORIGIN
    zones = write_polygons(tmp_path / "zones.gpkg", "zones", 4549, [
        f"POLYGON(({x0} {y0},{x0 + 2000} {y0},{x0 + 2000} {y0 - 4000},{x0} {y0 - 4000},{x0} {y0}))",
        f"POLYGON(({x0 + 2000} {y0},{x0 + 6000} {y0},{x0 + 6000} {y0 - 4000},{x0 + 2000} {y0 - 4000},"
        f"{x0 + 2000} {y0}))"], [{"code": "A"}, {"code": "B"}])
    return str(dem_path), str(landcover), f"{zones}|layername=zones"


def test_mgci_hand_worked(run_algorithm, mgci_inputs, tmp_path):
    from sdg_monitor.core.store import ResultsStore

    dem, landcover, zones = mgci_inputs
    store = tmp_path / "results.gpkg"
    result = run_algorithm("sdg:mountain_green_cover_15_4_2", {
        "DEM": dem, "LANDCOVER": landcover, "ZONES": zones, "ZONE_ID_FIELD": "code", "YEAR": 2020,
        "RESULTS": str(store), "OUTPUT": "memory:", "MOUNTAIN_CLASSES": str(tmp_path / "classes.tif")})
    assert result["VALUE"] == pytest.approx(100 * 9 / 17)
    assert result["MGCI_CLASS_1"] == pytest.approx(100 * 5 / 8)
    assert result["MGCI_CLASS_3"] == pytest.approx(100 * 4 / 9)
    assert result["MGCI_CLASS_2"] is None and result["MGCI_CLASS_6"] is None
    zones_out = {f["code"]: f for f in result["OUTPUT"].getFeatures()}
    assert zones_out["A"]["value"] == pytest.approx(80.0)
    assert zones_out["A"]["mountain_km2"] == pytest.approx(5.0)
    assert zones_out["B"]["value"] == pytest.approx(100 * 5 / 12)
    assert zones_out["B"]["green_km2"] == pytest.approx(5.0)
    assert zones_out["B"]["mgci_1"] == pytest.approx(100 / 3)
    assert zones_out["B"]["mgci_3"] == pytest.approx(100 * 4 / 9)
    assert read(result["MOUNTAIN_CLASSES"]).tolist() == [[1, 1, 1, 3, 3, 3]] * 3 + [[0] * 6]
    rows = ResultsStore(str(store)).read_results(indicator="15.4.2")
    keyed = {(r.area_id, r.disaggregation): r for r in rows.itertuples()}
    assert set(keyed) == {("total", ""), ("total", "mountain_class=1"), ("total", "mountain_class=3"),
                          ("A", ""), ("A", "mountain_class=1"), ("B", ""), ("B", "mountain_class=1"),
                          ("B", "mountain_class=3")}
    assert keyed[("B", "mountain_class=3")].numerator == pytest.approx(4.0)
    assert keyed[("B", "mountain_class=3")].denominator == pytest.approx(9.0)


def test_class_raster_is_tiled_compressed_and_paletted(run_algorithm, mgci_inputs, tmp_path):
    dem, landcover, _ = mgci_inputs
    result = run_algorithm("sdg:mountain_green_cover_15_4_2", {
        "DEM": dem, "LANDCOVER": landcover, "YEAR": 2020, "OUTPUT": "memory:",
        "MOUNTAIN_CLASSES": str(tmp_path / "classes.tif")})
    dataset = gdal.Open(result["MOUNTAIN_CLASSES"])
    band = dataset.GetRasterBand(1)
    assert dataset.GetMetadata("IMAGE_STRUCTURE").get("COMPRESSION") == "DEFLATE"
    assert band.GetBlockSize() != [6, 1]
    assert band.GetNoDataValue() == 255
    assert band.GetColorTable().GetColorEntry(4) == (111, 143, 58, 255)
    assert band.GetCategoryNames()[5].startswith("5: 1000-1500 m")
    assert result["VALUE"] == pytest.approx(100 * 9 / 17)


def test_small_strips_give_the_same_result(run_algorithm, tmp_path, monkeypatch):
    """The 7 km halo at 200 m pixels is 35 rows; strips of 3 rows must give what one strip gives."""
    from sdg_monitor.processing import raster_io

    dem = smooth_dem(60, 50, 11, 900.0, 3.0)
    (tmp_path / "one").mkdir()
    whole, result = run_classes(run_algorithm, tmp_path / "one", dem, pixel=200.0)
    assert {5, 6} <= set(np.unique(whole))
    monkeypatch.setattr(raster_io, "STRIP_PIXELS", 3 * 50)
    (tmp_path / "small").mkdir()
    strips, small_result = run_classes(run_algorithm, tmp_path / "small", dem, pixel=200.0)
    np.testing.assert_array_equal(strips, whole)
    assert small_result["VALUE"] == pytest.approx(result["VALUE"])


def test_bad_green_classes_are_refused(run_algorithm, mgci_inputs, tmp_path):
    from qgis.core import QgsProcessingException

    dem, landcover, _ = mgci_inputs
    with pytest.raises(QgsProcessingException, match="GREEN_CLASSES"):
        run_algorithm("sdg:mountain_green_cover_15_4_2", {
            "DEM": dem, "LANDCOVER": landcover, "GREEN_CLASSES": "forest", "YEAR": 2020, "OUTPUT": "memory:",
            "MOUNTAIN_CLASSES": str(tmp_path / "classes.tif")})


def test_class_style_is_paletted_with_labels(run_algorithm, mgci_inputs, tmp_path):
    from sdg_monitor.processing.mountain_green_cover import kapos_classes
    from sdg_monitor.processing.styling import PalettedStyle

    dem, landcover, _ = mgci_inputs
    result = run_algorithm("sdg:mountain_green_cover_15_4_2", {
        "DEM": dem, "LANDCOVER": landcover, "YEAR": 2020, "OUTPUT": "memory:",
        "MOUNTAIN_CLASSES": str(tmp_path / "classes.tif")})
    layer = QgsRasterLayer(result["MOUNTAIN_CLASSES"], "classes")
    PalettedStyle(kapos_classes).postProcessLayer(layer, None, None)
    renderer = layer.renderer()
    assert renderer.type() == "paletted"
    assert [c.value for c in renderer.classes()] == [1, 2, 3, 4, 5, 6]
    assert renderer.classes()[3].label.startswith("4: 1500-2500 m")


def test_cancel_writes_no_class_raster(sdg_provider, mgci_inputs, tmp_path):
    from qgis.core import QgsProcessingException, QgsProcessingFeedback

    import processing

    dem, landcover, _ = mgci_inputs
    feedback = QgsProcessingFeedback()
    feedback.cancel()
    target = tmp_path / "classes.tif"
    with pytest.raises(QgsProcessingException, match="Cancelled"):
        processing.run("sdg:mountain_green_cover_15_4_2", {
            "DEM": dem, "LANDCOVER": landcover, "YEAR": 2020, "OUTPUT": "memory:",
            "MOUNTAIN_CLASSES": str(target)}, feedback=feedback)
    assert not target.exists()
