"""sdg:dasymetric_population against hand-worked allocations and an independent GDAL rasterize + numpy sum."""
from __future__ import annotations

import numpy as np
import pytest
from osgeo import gdal
from population_data import RecordingFeedback, read_raster, zone_labels_like
from sdg_testdata import write_polygons, write_raster

X0, Y0 = 500000.0, 3370000.0  # EPSG:4549 (CGCS2000 / 3-degree Gauss-Kruger CM 120E), metres


def box(x0: float, y0: float, x1: float, y1: float) -> str:
    return f"POLYGON(({x0} {y0},{x1} {y0},{x1} {y1},{x0} {y1},{x0} {y0}))"


def run(parameters: dict, feedback=None) -> dict:
    import processing

    return processing.run("sdg:dasymetric_population", parameters, feedback=feedback)


@pytest.fixture()
def two_zones(tmp_path):
    """Zone A: the left 300 m, zone B: the right 300 m of a 600 × 400 m block."""
    path = write_polygons(tmp_path / "zones.gpkg", "zones", 4549, [
        box(X0, Y0 - 400, X0 + 300, Y0), box(X0 + 300, Y0 - 400, X0 + 600, Y0)],
        [{"code": "A", "pop_m": 300, "pop_f": 600}, {"code": "B", "pop_m": 50, "pop_f": 0}])
    return f"{path}|layername=zones"


def test_weights_respected_on_a_hand_worked_two_zone_grid(sdg_provider, two_zones, tmp_path):
    landcover = np.array([[80, 10, 60, 80, 10, 60],
                          [80, 60, 60, 10, 60, 60],
                          [10, 60, 60, 10, 60, 60],
                          [60, 60, 60, 60, 60, 60]], dtype=np.uint8)
    raster = write_raster(tmp_path / "lc.tif", landcover, 4549, (X0, Y0), 100.0, nodata=0)
    result = run({"ZONES": two_zones, "TOTAL_FIELDS": ["pop_m", "pop_f"], "ZONE_ID_FIELD": "code",
                  "LANDCOVER": str(raster), "CLASS_WEIGHTS": "80:1,10:0.5", "CELL_SIZE": 100,
                  "OUTPUT_FOLDER": str(tmp_path / "out")})
    # A: weights 1 + 1 + 0.5 + 0.5 = 3; B: 1 + 0.5 + 0.5 + 0.5 = 2.5.
    expected_m = [[100, 50, 0, 20, 10, 0], [100, 0, 0, 10, 0, 0], [50, 0, 0, 10, 0, 0], [0, 0, 0, 0, 0, 0]]
    expected_f = [[200, 100, 0, 0, 0, 0], [200, 0, 0, 0, 0, 0], [100, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0]]
    assert [p.split("/")[-1] for p in result["OUTPUT_LAYERS"]] == ["pop_m.tif", "pop_f.tif"]
    for path, expected in zip(result["OUTPUT_LAYERS"], (expected_m, expected_f)):
        values, transform, nodata = read_raster(path)
        np.testing.assert_allclose(values, expected, rtol=1e-6)
        assert transform == (X0, 100.0, 0.0, Y0, 0.0, -100.0)
        assert nodata == -9999.0
        ds = gdal.Open(path)
        assert ds.GetRasterBand(1).DataType == gdal.GDT_Float32
        assert ds.GetMetadata("IMAGE_STRUCTURE").get("COMPRESSION") == "DEFLATE"
        assert ds.GetRasterBand(1).GetBlockSize()[1] > 1  # tiled, not stripped


def test_zone_without_weighted_cells_is_spread_uniformly_with_a_warning(sdg_provider, two_zones, tmp_path):
    landcover = np.full((4, 6), 60, dtype=np.uint8)
    landcover[0, 0] = 80
    raster = write_raster(tmp_path / "lc.tif", landcover, 4549, (X0, Y0), 100.0, nodata=0)
    feedback = RecordingFeedback()
    result = run({"ZONES": two_zones, "TOTAL_FIELDS": ["pop_m"], "ZONE_ID_FIELD": "code", "LANDCOVER": str(raster),
                  "OUTPUT_FOLDER": str(tmp_path / "out")}, feedback)
    values, _, _ = read_raster(result["OUTPUT_LAYERS"][0])
    assert values[0, 0] == pytest.approx(300.0) and values[:, :3].sum() == pytest.approx(300.0)
    np.testing.assert_allclose(values[:, 3:], 50.0 / 12, rtol=1e-6)
    assert any("'B'" in w and "uniformly over its 12 cell(s)" in w for w in feedback.warnings)
    assert not any("'A'" in w for w in feedback.warnings)


@pytest.mark.parametrize("strip_pixels", [None, 200])
def test_zone_sums_equal_totals_against_gdal_rasterize(sdg_provider, tmp_path, monkeypatch, strip_pixels):
    """30 m land cover, 100 m cells (4 × 4 sub-cells), zones cut cells at angles and one reaches past the land
    cover: every zone's cells add up to its totals, checked on labels burnt independently by GDAL; also with
    strips of a few rows (two passes over many strips)."""
    if strip_pixels:
        from sdg_monitor.processing import dasymetric_population, raster_io

        monkeypatch.setattr(dasymetric_population, "STRIP_PIXELS", strip_pixels)
        monkeypatch.setattr(raster_io, "STRIP_PIXELS", strip_pixels)
    rng = np.random.default_rng(3)
    classes = np.array([0, 10, 20, 30, 60, 80, 80], dtype=np.uint8)
    landcover = classes[rng.integers(0, len(classes), size=(60, 80))]
    raster = write_raster(tmp_path / "lc.tif", landcover, 4549, (X0 + 7, Y0 - 3), 30.0, nodata=0)
    wkts = ["POLYGON((500013 3369987,500933 3369991,500871 3369113,500007 3369241,500013 3369987))",
            "POLYGON((500933 3369991,501590 3369960,501650 3367950,500871 3369113,500933 3369991))",
            "POLYGON((500007 3369241,500871 3369113,501650 3367950,500100 3368300,500007 3369241))"]
    totals = [{"code": "Z1", "men": 12345, "women": 11111}, {"code": "Z2", "men": 987, "women": 1003},
              {"code": "Z3", "men": 40210, "women": 39999}]
    zones = write_polygons(tmp_path / "zones.gpkg", "zones", 4549, wkts, totals)
    result = run({"ZONES": f"{zones}|layername=zones", "TOTAL_FIELDS": ["men", "women"], "LANDCOVER": str(raster),
                  "OUTPUT_FOLDER": str(tmp_path / "out")})
    for path, field in zip(result["OUTPUT_LAYERS"], ("men", "women")):
        values, transform, nodata = read_raster(path)
        assert transform[1] == pytest.approx(100.0) and transform[0] == pytest.approx(X0 + 7)
        labels = zone_labels_like(path, zones, "zones")
        assert np.all((values == nodata) == (labels == 0))
        for label, row in enumerate(totals, start=1):
            inside = values[labels == label]
            assert inside.sum() == pytest.approx(row[field], rel=1e-6)
            assert len(np.unique(inside)) > 5  # weighted, not uniform


def test_buildings_floor_area_split_by_area_share(sdg_provider, tmp_path):
    """No land cover: 20 × 20 m × 3 floors in one cell (1200 m²); 40 × 10 m × 2 floors with 30 m in one cell and
    10 m in the next (600 + 200 m²); a building outside the zone counts nowhere. Total 1000 -> 600, 300, 100."""
    zones = write_polygons(tmp_path / "zones.gpkg", "zones", 4549, [box(X0, Y0 - 400, X0 + 400, Y0)],
                           [{"code": "T1", "pop": 1000}])
    buildings = write_polygons(tmp_path / "buildings.gpkg", "buildings", 4549, [
        box(X0 + 10, Y0 - 40, X0 + 30, Y0 - 20), box(X0 + 170, Y0 - 150, X0 + 210, Y0 - 140),
        box(X0 + 900, Y0 - 40, X0 + 930, Y0 - 10)], [{"floors": 3}, {"floors": 2}, {"floors": 9}])
    result = run({"ZONES": f"{zones}|layername=zones", "TOTAL_FIELDS": ["pop"],
                  "BUILDINGS": f"{buildings}|layername=buildings", "FLOORS_FIELD": "floors", "CELL_SIZE": 100,
                  "OUTPUT_FOLDER": str(tmp_path / "out")})
    values, transform, _ = read_raster(result["OUTPUT_LAYERS"][0])
    assert values.shape == (4, 4) and transform[0] == X0 and transform[3] == Y0
    expected = np.zeros((4, 4))
    expected[0, 0], expected[1, 1], expected[1, 2] = 600.0, 300.0, 100.0
    np.testing.assert_allclose(values, expected, rtol=1e-5, atol=1e-9)


def test_buildings_on_land_cover_of_weight_zero_do_not_count(sdg_provider, tmp_path):
    """As above on 50 m land cover: half of cell (1, 2) is water (weight 0), so the 200 m² piece there weighs
    100: weights 1200, 600, 100 of 1900."""
    zones = write_polygons(tmp_path / "zones.gpkg", "zones", 4549, [box(X0, Y0 - 400, X0 + 400, Y0)],
                           [{"code": "T1", "pop": 1000}])
    buildings = write_polygons(tmp_path / "buildings.gpkg", "buildings", 4549, [
        box(X0 + 10, Y0 - 40, X0 + 30, Y0 - 20), box(X0 + 170, Y0 - 150, X0 + 210, Y0 - 140)],
        [{"floors": 3}, {"floors": 2}])
    landcover = np.full((8, 8), 80, dtype=np.uint8)
    landcover[2:4, 4] = 60
    raster = write_raster(tmp_path / "lc.tif", landcover, 4549, (X0, Y0), 50.0, nodata=0)
    result = run({"ZONES": f"{zones}|layername=zones", "TOTAL_FIELDS": ["pop"], "LANDCOVER": str(raster),
                  "CLASS_WEIGHTS": "80:1", "BUILDINGS": f"{buildings}|layername=buildings",
                  "FLOORS_FIELD": "floors", "CELL_SIZE": 100, "OUTPUT_FOLDER": str(tmp_path / "out")})
    values, _, _ = read_raster(result["OUTPUT_LAYERS"][0])
    expected = np.zeros((4, 4))
    expected[0, 0], expected[1, 1], expected[1, 2] = 1000 * 12 / 19, 1000 * 6 / 19, 1000 * 1 / 19
    np.testing.assert_allclose(values, expected, rtol=1e-5, atol=1e-9)


def test_zone_holding_no_cell_centre_is_reported(sdg_provider, two_zones, tmp_path):
    raster = write_raster(tmp_path / "lc.tif", np.full((4, 6), 80, dtype=np.uint8), 4549, (X0, Y0), 100.0)
    tiny = write_polygons(tmp_path / "tiny.gpkg", "zones", 4549, [
        box(X0, Y0 - 400, X0 + 300, Y0), box(X0 + 310, Y0 - 20, X0 + 330, Y0 - 10)],
        [{"code": "A", "pop": 120}, {"code": "T", "pop": 7}])
    feedback = RecordingFeedback()
    result = run({"ZONES": f"{tiny}|layername=zones", "ZONE_ID_FIELD": "code", "TOTAL_FIELDS": ["pop"],
                  "LANDCOVER": str(raster), "CELL_SIZE": 100, "OUTPUT_FOLDER": str(tmp_path / "out")}, feedback)
    values, _, nodata = read_raster(result["OUTPUT_LAYERS"][0])
    assert values[values != nodata].sum() == pytest.approx(120)
    assert any("'T'" in w and "no cell centre" in w for w in feedback.warnings)


def test_bad_inputs_are_refused(sdg_provider, two_zones, tmp_path):
    from qgis.core import QgsProcessingException

    raster = write_raster(tmp_path / "lc.tif", np.full((4, 6), 80, dtype=np.uint8), 4549, (X0, Y0), 100.0)
    common = {"ZONES": two_zones, "TOTAL_FIELDS": ["pop_m"], "OUTPUT_FOLDER": str(tmp_path / "out")}
    with pytest.raises(QgsProcessingException, match="CLASS_WEIGHTS"):
        run(dict(common, LANDCOVER=str(raster), CLASS_WEIGHTS="80=1"))
    with pytest.raises(QgsProcessingException, match="LANDCOVER"):
        run(common)


def test_reference_grid_in_a_geographic_crs_keeps_zone_totals(sdg_provider, tmp_path):
    """Output on a 0.001° EPSG:4326 reference grid from EPSG:4549 land cover, zones and buildings: each zone's
    cells (labels burnt by GDAL, reprojecting the zones) still add up to its total."""
    rng = np.random.default_rng(5)
    landcover = np.array([10, 60, 80], dtype=np.uint8)[rng.integers(0, 3, size=(40, 50))]
    raster = write_raster(tmp_path / "lc.tif", landcover, 4549, (X0, Y0), 30.0, nodata=0)
    reference = write_raster(tmp_path / "ref.tif", np.zeros((20, 25), dtype=np.uint8), 4326,
                             (119.9995, 30.4515), 0.001)
    zones = write_polygons(tmp_path / "zones.gpkg", "zones", 4549, [
        box(X0 + 100, Y0 - 1100, X0 + 700, Y0 - 100), box(X0 + 700, Y0 - 1100, X0 + 1400, Y0 - 100)],
        [{"code": "A", "pop": 5000}, {"code": "B", "pop": 700}])
    buildings = write_polygons(tmp_path / "buildings.gpkg", "buildings", 4549, [
        box(X0 + 200 + 60 * i, Y0 - 300 - 40 * i, X0 + 230 + 60 * i, Y0 - 280 - 40 * i) for i in range(15)],
        [{"floors": 1 + i % 4} for i in range(15)])
    result = run({"ZONES": f"{zones}|layername=zones", "TOTAL_FIELDS": ["pop"], "LANDCOVER": str(raster),
                  "BUILDINGS": f"{buildings}|layername=buildings", "FLOORS_FIELD": "floors",
                  "REFERENCE": str(reference), "OUTPUT_FOLDER": str(tmp_path / "out")})
    path = result["OUTPUT_LAYERS"][0]
    values, transform, nodata = read_raster(path)
    assert values.shape == (20, 25) and transform == pytest.approx((119.9995, 0.001, 0, 30.4515, 0, -0.001))
    labels = zone_labels_like(path, zones, "zones")
    assert set(np.unique(labels)) == {0, 1, 2}
    assert np.all((values == nodata) == (labels == 0))
    assert values[labels == 1].sum() == pytest.approx(5000, rel=1e-6)
    assert values[labels == 2].sum() == pytest.approx(700, rel=1e-6)


def test_cell_size_in_metres_on_geographic_land_cover(sdg_provider, tmp_path):
    """Land cover in EPSG:4326: 250 m cells become 250 m over the ellipsoid's metres per degree of latitude and
    of longitude at the zones' centre (pyproj's geodesics over a 0.01° step), aligned to the land-cover pixels;
    the zone's total is kept."""
    from pyproj import Geod

    landcover = np.full((60, 60), 80, dtype=np.uint8)
    raster = write_raster(tmp_path / "lc.tif", landcover, 4326, (120.0, 30.5), 0.0005, nodata=0)
    zones = write_polygons(tmp_path / "zones.gpkg", "zones", 4326, [box(120.0021, 30.4812, 120.0233, 30.4979)],
                           [{"code": "A", "pop": 999}])
    result = run({"ZONES": f"{zones}|layername=zones", "TOTAL_FIELDS": ["pop"], "LANDCOVER": str(raster),
                  "CELL_SIZE": 250, "OUTPUT_FOLDER": str(tmp_path / "out")})
    values, transform, nodata = read_raster(result["OUTPUT_LAYERS"][0])
    lon, lat, geod = (120.0021 + 120.0233) / 2, (30.4812 + 30.4979) / 2, Geod(ellps="WGS84")
    per_degree_lat = geod.inv(lon, lat - 0.005, lon, lat + 0.005)[2] / 0.01
    per_degree_lon = geod.inv(lon - 0.005, lat, lon + 0.005, lat)[2] / 0.01
    assert -transform[5] == pytest.approx(250 / per_degree_lat, rel=1e-7)
    assert transform[1] == pytest.approx(250 / per_degree_lon, rel=1e-7)
    assert (transform[0] - 120.0) / transform[1] == pytest.approx(round((transform[0] - 120.0) / transform[1]))
    assert values[values != nodata].sum() == pytest.approx(999, rel=1e-6)
    rows = values[:, values.shape[1] // 2]
    inside = rows[rows != nodata]
    assert inside[0] < inside[-1]  # cells nearer the equator are larger, so hold more people


def test_cell_size_in_ground_metres_in_web_mercator(sdg_provider, tmp_path):
    """Zones and a building in EPSG:3857 at 60° N (no land cover: the zones' CRS): 100 m cells are about 200 map
    units a side, 100 m on the ground at the zones' centre by pyproj's geodesics (the CRS's scale there along x
    and y). Gauss-Krüger on its central meridian keeps 100 map metres (the hand-worked two-zone grid above)."""
    from pyproj import Geod, Transformer

    x0, y0 = 1_000_000.0, 8_399_737.89
    zones = write_polygons(tmp_path / "zones.gpkg", "zones", 3857, [box(x0, y0 - 1000, x0 + 1000, y0)],
                           [{"code": "A", "pop": 400}])
    buildings = write_polygons(tmp_path / "buildings.gpkg", "buildings", 3857, [box(x0 + 100, y0 - 300, x0 + 300,
                                                                                     y0 - 100)], [{"floors": 2}])
    result = run({"ZONES": f"{zones}|layername=zones", "TOTAL_FIELDS": ["pop"], "CELL_SIZE": 100,
                  "BUILDINGS": f"{buildings}|layername=buildings", "FLOORS_FIELD": "floors",
                  "OUTPUT_FOLDER": str(tmp_path / "out")})
    values, transform, nodata = read_raster(result["OUTPUT_LAYERS"][0])
    xres, yres = transform[1], -transform[5]
    assert 190 < xres < 210 and 190 < yres < 210  # 100 map units would be about 50 m on the ground
    cx, cy = x0 + 500, y0 - 500
    to_lonlat, geod = Transformer.from_crs(3857, 4326, always_xy=True), Geod(ellps="WGS84")
    across = geod.inv(*to_lonlat.transform(cx - xres / 2, cy), *to_lonlat.transform(cx + xres / 2, cy))[2]
    along = geod.inv(*to_lonlat.transform(cx, cy - yres / 2), *to_lonlat.transform(cx, cy + yres / 2))[2]
    assert across == pytest.approx(100, rel=1e-6) and along == pytest.approx(100, rel=1e-6)
    assert values[values != nodata].sum() == pytest.approx(400, rel=1e-6)
