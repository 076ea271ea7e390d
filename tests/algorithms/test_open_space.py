"""sdg:open_space_11_7_1 against hand-worked areas and brute-force distances to rectangles."""
from __future__ import annotations

import math

import numpy as np
import pytest
from access_data import lines
from osgeo import gdal
from qgis.core import QgsPointXY
from sdg_monitor.core.store import ResultsStore
from sdg_testdata import write_polygons, write_raster

UTM = 32650
LEFT, TOP = 500000.0, 3400000.0  # on the zone's central meridian
K0 = 0.9996  # UTM's scale factor on the central meridian
PARKS = [(20, -70, 70, -30), (180, -100, 240, -60)]  # xmin, ymin, xmax, ymax relative to (LEFT, TOP)


def box(xmin, ymin, xmax, ymax) -> str:
    x0, x1, y0, y1 = LEFT + xmin, LEFT + xmax, TOP + ymin, TOP + ymax
    return f"POLYGON(({x0} {y0},{x1} {y0},{x1} {y1},{x0} {y1},{x0} {y0}))"


@pytest.fixture()
def data(tmp_path):
    builtup = write_polygons(tmp_path / "b.gpkg", "builtup", UTM, [box(0, -100, 200, 0)])
    parks = write_polygons(tmp_path / "p.gpkg", "parks", UTM, [box(*p) for p in PARKS])
    zones = write_polygons(tmp_path / "z.gpkg", "zones", UTM, [box(-10, -210, 100, 10), box(100, -210, 310, 10)],
                           [{"code": "W"}, {"code": "E"}])
    roads = lines(tmp_path / "r.gpkg", "roads", UTM, [
        [(LEFT - 50, TOP - 80), (LEFT + 250, TOP - 80)], [(LEFT + 120, TOP + 20), (LEFT + 120, TOP - 120)]],
        [{"width": 8.0}, {"width": -1.0}])
    return (f"{builtup}|layername=builtup", f"{parks}|layername=parks", f"{zones}|layername=zones", roads)


def null_width(roads: str) -> None:
    """Set the second road's width to NULL (OGR), so the default width applies."""
    from osgeo import ogr

    path = roads.split("|")[0]
    ds = ogr.Open(path, 1)
    layer = ds.GetLayer(0)
    for feature in layer:
        if feature.GetField("width") < 0:
            feature.SetFieldNull("width")
            layer.SetFeature(feature)
    ds = None


def test_share_of_builtup_by_hand(run_algorithm, data, tmp_path):
    builtup, parks, zones, roads = data
    null_width(roads)
    store = tmp_path / "results.gpkg"
    result = run_algorithm("sdg:open_space_11_7_1", {
        "BUILTUP": builtup, "OPEN_SPACE": parks, "ROADS": roads, "WIDTH_FIELD": "width", "DEFAULT_WIDTH": 10,
        "ZONES": zones, "ZONE_ID_FIELD": "code", "YEAR": 2020, "RESULTS": str(store), "OUTPUT": "memory:"})
    # Open space inside the built-up 200 x 100 m: park 1 (50 x 40 = 2000 m²) and 20 x 40 = 800 m² of park 2.
    # Streets: the east-west road, 200 m inside less 20 m through park 2, × 8 m = 1440 m²; the north-south road,
    # 100 m inside × the default 10 m = 1000 m². Map metres on the zone's central meridian are K0 true metres, so
    # true areas are the map's / K0² and road lengths the map's / K0, widths being true metres:
    # (2800 + 2440 × K0) / 20000 = 26.195 %.
    assert result["VALUE"] == pytest.approx(100 * (2800 + 2440 * K0) / 20000, rel=1e-7)
    zone = {f["code"]: f for f in result["OUTPUT"].getFeatures()}
    assert zone["W"]["value"] == pytest.approx(100 * (2000 + 800 * K0) / 10000, rel=1e-7)  # road: 100 x 8 m
    assert zone["E"]["value"] == pytest.approx(100 * (800 + (80 * 8 + 1000) * K0) / 10000, rel=1e-7)
    assert zone["E"]["street_km2"] == pytest.approx((640 + 1000) / K0 / 1e6, rel=1e-7)
    assert zone["W"]["builtup_km2"] == pytest.approx(0.01 / K0 ** 2, rel=1e-7)
    rows = ResultsStore(store).read("sdg_results")
    assert set(rows["series"]) == {""}


@pytest.mark.parametrize("epsg, left, top", [
    (3857, 1113195.0, 8399738.0),  # Web Mercator at 60° N, 10° E: map metres are half true metres
    (32650, 1350000.0, 3400000.0),  # UTM 50N 850 km east of its central meridian (about 126° E): 1.7 % in area
])
def test_areas_and_road_lengths_are_ellipsoidal_in_a_projected_crs(run_algorithm, tmp_path, epsg, left, top):
    """Built-up, open-space and street areas of the same layout against pyproj's geodesic areas and lengths of
    the shapes as drawn (edges densified in the layer's CRS)."""
    from pyproj import Geod, Transformer

    def shape(xmin, ymin, xmax, ymax):
        return [(left + x, top + y) for x, y in ((xmin, ymin), (xmax, ymin), (xmax, ymax), (xmin, ymax))]

    def wkt(corners):
        return "POLYGON((" + ",".join(f"{x} {y}" for x, y in [*corners, corners[0]]) + "))"

    to_lonlat = Transformer.from_crs(epsg, 4326, always_xy=True)
    geod = Geod(ellps="WGS84")

    def densified(points, closed):
        ends = list(zip(points, points[1:] + points[:1] if closed else points[1:]))
        t = np.linspace(0.0, 1.0, 64, endpoint=False)
        xy = [(x0 + (x1 - x0) * f, y0 + (y1 - y0) * f) for (x0, y0), (x1, y1) in ends for f in t]
        return to_lonlat.transform(*np.array(xy + ([] if closed else [points[-1]])).T)

    def area(corners):
        return abs(geod.polygon_area_perimeter(*densified(corners, True))[0])

    def length(start, end):
        return geod.line_length(*densified([(left + start[0], top + start[1]), (left + end[0], top + end[1])],
                                           False))

    builtup = write_polygons(tmp_path / "b.gpkg", "builtup", epsg, [wkt(shape(0, -100, 200, 0))])
    parks = write_polygons(tmp_path / "p.gpkg", "parks", epsg, [wkt(shape(*p)) for p in PARKS])
    roads = lines(tmp_path / "r.gpkg", "roads", epsg, [
        [(left - 50, top - 80), (left + 250, top - 80)], [(left + 120, top + 20), (left + 120, top - 120)]],
        [{"width": 8.0}, {"width": 10.0}])
    result = run_algorithm("sdg:open_space_11_7_1", {
        "BUILTUP": f"{builtup}|layername=builtup", "OPEN_SPACE": f"{parks}|layername=parks", "ROADS": roads,
        "WIDTH_FIELD": "width", "YEAR": 2020, "OUTPUT": "memory:"})
    built_m2 = area(shape(0, -100, 200, 0))
    open_m2 = area(shape(20, -70, 70, -30)) + area(shape(180, -100, 200, -60))  # park 2 is cut at x = 200
    street_m2 = 8 * length((0, -80), (180, -80)) + 10 * length((120, 0), (120, -100))  # park 2 from x = 180
    feature = next(result["OUTPUT"].getFeatures())
    assert feature["builtup_km2"] == pytest.approx(built_m2 / 1e6, rel=1e-6)
    assert feature["open_space_km2"] == pytest.approx(open_m2 / 1e6, rel=1e-6)
    assert feature["street_km2"] == pytest.approx(street_m2 / 1e6, rel=1e-6)
    assert result["VALUE"] == pytest.approx(100 * (open_m2 + street_m2) / built_m2, rel=1e-6)
    assert abs(20000 / built_m2 - 1) > 0.015  # the planar area is far off: the test can tell them apart


def test_street_polygons_and_access_series(run_algorithm, data, tmp_path):
    builtup, parks, zones, _ = data
    streets = write_polygons(tmp_path / "s.gpkg", "streets", UTM, [box(-20, -84, 220, -76)])
    rng = np.random.default_rng(5)
    population = rng.integers(0, 9, size=(20, 30)).astype(np.float32)
    raster = write_raster(tmp_path / "pop.tif", population, UTM, (LEFT, TOP), 10.0, nodata=-1,
                          dtype=gdal.GDT_Float32)
    store = tmp_path / "results.gpkg"
    result = run_algorithm("sdg:open_space_11_7_1", {
        "BUILTUP": builtup, "OPEN_SPACE": parks, "STREETS": f"{streets}|layername=streets", "POPULATION": str(raster),
        "WALK_DISTANCE": 30, "YEAR": 2020, "RESULTS": str(store), "OUTPUT": "memory:"})
    # Streets: 200 x 8 inside, less 20 x 8 inside park 2 = 1440 m².
    assert result["VALUE"] == pytest.approx(100 * (2800 + 1440) / 20000, rel=1e-9)
    rows, cols = np.mgrid[0:20, 0:30]
    x, y = 10 * cols + 5, -10 * rows - 5
    near = np.zeros(population.shape, dtype=bool)
    for xmin, ymin, xmax, ymax in PARKS:
        near |= np.hypot(np.maximum(np.maximum(xmin - x, x - xmax), 0),
                         np.maximum(np.maximum(ymin - y, y - ymax), 0)) <= 30
    feature = next(result["OUTPUT"].getFeatures())
    assert feature["served_population"] == float(population[near].sum())
    assert feature["access_pct"] == pytest.approx(100 * population[near].sum() / population.sum())
    series = ResultsStore(store).read("sdg_results").set_index("series")
    assert series.loc["population_within_walk", "numerator"] == float(population[near].sum())
    assert series.loc["", "value"] == pytest.approx(result["VALUE"])


def test_access_along_the_network_by_hand(run_algorithm, tmp_path):
    # 10 x 10 cells of 10 m; a park at x = 40-60, y = -70 to -50 (cells (5-6, 4-5)) 5 m below a road along row 4's
    # centre line. Its entry points are its corners (sides under 25 m): the upper two walk 5 m to the road at
    # x = 40 and 60, so with 24 m the road is served from x = 21 to 79 (16 to 84 if the walk did not count); the
    # lower two walk 25 m towards it (along the park's sides, 5 m from the nearest cell centres). Served: the park's
    # cells and row 4's centres within 4.5 m of x = 21-79 (columns 2-7).
    population = np.arange(100, dtype=np.float32).reshape(10, 10) + 1
    raster = write_raster(tmp_path / "pop.tif", population, UTM, (LEFT, TOP), 10.0, nodata=-1,
                          dtype=gdal.GDT_Float32)
    builtup = write_polygons(tmp_path / "b.gpkg", "builtup", UTM, [box(0, -100, 100, 0)])
    park = write_polygons(tmp_path / "p.gpkg", "parks", UTM, [box(40, -70, 60, -50)])
    road = lines(tmp_path / "r.gpkg", "roads", UTM, [[(LEFT, TOP - 45), (LEFT + 100, TOP - 45)]])
    result = run_algorithm("sdg:open_space_11_7_1", {
        "BUILTUP": f"{builtup}|layername=builtup", "OPEN_SPACE": f"{park}|layername=parks",
        "POPULATION": str(raster), "NETWORK": road, "WALK_DISTANCE": 24, "WALK_OFF": 4.5, "YEAR": 2020,
        "OUTPUT": "memory:"})
    served = {*[(4, c) for c in range(2, 8)], (5, 4), (5, 5), (6, 4), (6, 5)}
    feature = next(result["OUTPUT"].getFeatures())
    assert result["METHOD"] == "network"
    assert feature["served_population"] == float(sum(population[r, c] for r, c in served))


@pytest.mark.parametrize("epsg, start, end", [
    (3857, (1_000_000.0, 8_399_737.89), (1_001_000.0, 8_399_737.89)),  # Web Mercator at 60° N, along x
    (3857, (1_000_000.0, 8_399_737.89), (1_000_000.0, 8_400_737.89)),  # and along y
    (32650, (500_000.0, 3_300_000.0), (500_000.0, 3_300_100.0)),  # UTM 50N on its central meridian
])
def test_entry_points_are_25_ground_metres_apart(epsg, start, end):
    """Entry points on an edge are at most ENTRY_SPACING = 25 m apart on the ground (pyproj's geodesics), as few
    as that allows; a UTM zone on its meridian (scale 0.9996, within NEAR_TRUE_SCALE) keeps 25 map metres."""
    from pyproj import Geod, Transformer
    from qgis.core import QgsCoordinateReferenceSystem
    from sdg_monitor.processing.open_space import ENTRY_SPACING, _entry_points

    crs = QgsCoordinateReferenceSystem(f"EPSG:{epsg}")
    points = _entry_points(np.array([[*start, *end]]), crs) + [QgsPointXY(*end)]
    to_lonlat = Transformer.from_crs(epsg, 4326, always_xy=True)
    lonlat = [to_lonlat.transform(p.x(), p.y()) for p in points]
    geod = Geod(ellps="WGS84")
    gaps = [geod.inv(*a, *b)[2] for a, b in zip(lonlat, lonlat[1:])]
    ground = geod.inv(*lonlat[0], *lonlat[-1])[2]
    if epsg == 3857:
        assert max(gaps) <= ENTRY_SPACING * (1 + 1e-9) and len(gaps) == math.ceil(ground / ENTRY_SPACING)
        assert len(gaps) != math.ceil(1000 / ENTRY_SPACING)  # 25 map metres would be about 12.5 m on the ground
    else:
        assert [round(b.y() - a.y(), 9) for a, b in zip(points, points[1:])] == [25.0] * 4
        assert gaps == pytest.approx([25.0 / 0.9996] * 4, rel=1e-6)
