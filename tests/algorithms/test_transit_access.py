"""sdg:transit_access_11_2_1 against hand-worked cells, QGIS's native buffer/dissolve/zonal statistics and
service-area algorithms, and geodesic distances."""
from __future__ import annotations

import json

import numpy as np
import pytest
from access_data import ellipsoid_context, lines, points, urban_and_zones
from osgeo import gdal
from qgis.core import QgsDistanceArea, QgsPointXY, QgsProject, QgsRasterLayer
from sdg_monitor.core.store import ResultsStore
from sdg_testdata import write_polygons, write_raster

UTM = 32650
LEFT, TOP = 500000.0, 3400000.0  # top-left corner of the 10 x 10 grid of 10 m cells
K0 = 0.9996  # UTM's scale on its central meridian: the grid is within 100 m of it, where k = K0 (1 + 6e-11)
POPULATION = (np.arange(100, dtype=np.float32).reshape(10, 10) + 1)  # cell (r, c) holds 10 r + c + 1 people


def cells(*pairs) -> set[tuple[int, int]]:
    return set(pairs)


@pytest.fixture()
def small(tmp_path):
    """The 10 x 10 grid, a straight road along row 4's centre line and a stop on it at cell (4, 0)'s centre."""
    raster = write_raster(tmp_path / "pop.tif", POPULATION, UTM, (LEFT, TOP), 10.0, nodata=-1,
                          dtype=gdal.GDT_Float32)
    road = lines(tmp_path / "net.gpkg", "roads", UTM, [[(LEFT, TOP - 45), (LEFT + 100, TOP - 45)]])
    stop = points(tmp_path / "stops.gpkg", "stops", UTM, [(LEFT + 5, TOP - 45)], [{"kind": "bus"}])
    return str(raster), road, stop


def run(run_algorithm, **parameters):
    defaults = {"YEAR": 2020, "OUTPUT": "memory:"}
    return run_algorithm("sdg:transit_access_11_2_1", {**defaults, **parameters})


def population_of(served: set[tuple[int, int]]) -> float:
    return float(sum(POPULATION[r, c] for r, c in served))


def test_network_along_a_straight_road_by_hand(run_algorithm, small):
    raster, road, stop = small
    result = run(run_algorithm, POPULATION=raster, STOPS=stop, NETWORK=road, LOW_DISTANCE=40, WALK_OFF=10.5)
    # Along the road 40 m from x = 5: the road from x = 0 to 45 (network lengths are ellipsoidal: 0.04 % longer
    # than UTM metres on the central meridian). Cells within 10.5 m of it: row 4 columns 0-5 (column 5's centre
    # is 10 m past the end), rows 3 and 5 columns 0-4 (10 m off the road).
    served = cells(*[(4, c) for c in range(6)], *[(r, c) for r in (3, 5) for c in range(5)])
    feature = next(result["OUTPUT"].getFeatures())
    assert feature["served_population"] == population_of(served)
    assert feature["population"] == float(POPULATION.sum())
    assert result["VALUE"] == pytest.approx(100 * population_of(served) / POPULATION.sum())
    assert result["METHOD"] == "network"


def test_straight_line_by_hand(run_algorithm, small):
    raster, _, stop = small
    result = run(run_algorithm, POPULATION=raster, STOPS=stop, LOW_DISTANCE=40)
    # Cells (4 + k, c) with (10 c)² + (10 k)² map metres <= (40 K0)² (a map metre is 1 / K0 ground metres here):
    # c = 0: |k| <= 3; c = 1, 2: |k| <= 3; c = 3: |k| <= 2. The cells exactly 40 map metres away ((0, 8), (8, 0),
    # (4, 4)) are 40.016 m away on the ground: not served.
    reach = {0: 3, 1: 3, 2: 3, 3: 2}
    served = cells(*[(4 + k, c) for c, m in reach.items() for k in range(-m, m + 1)])
    assert len(served) == 26
    feature = next(result["OUTPUT"].getFeatures())
    assert feature["served_population"] == population_of(served)
    assert result["METHOD"] == "euclidean"


def test_capacity_classes_and_overlap_counted_once(run_algorithm, small, tmp_path):
    raster, _, _ = small
    # Two low stops 20 m apart (their 40 m discs overlap) and one high stop with 15 m; capacity is case-blind.
    stops = points(tmp_path / "stops2.gpkg", "stops", UTM,
                   [(LEFT + 25, TOP - 25), (LEFT + 45, TOP - 25), (LEFT + 85, TOP - 85)],
                   [{"kind": "bus"}, {"kind": "Bus"}, {"kind": " METRO"}])
    result = run(run_algorithm, POPULATION=raster, STOPS=stops, CAPACITY_FIELD="kind", HIGH_VALUES="metro,rail",
                 LOW_DISTANCE=40, HIGH_DISTANCE=15)
    centres = [(r, c) for r in range(10) for c in range(10)]
    served = {(r, c) for r, c in centres
              if min(np.hypot(10 * c + 5 - 25, 10 * r + 5 - 25), np.hypot(10 * c + 5 - 45, 10 * r + 5 - 25)) <= 40 * K0
              or np.hypot(10 * c + 5 - 85, 10 * r + 5 - 85) <= 15 * K0}
    feature = next(result["OUTPUT"].getFeatures())
    assert feature["served_population"] == population_of(served)
    separate = sum(population_of({(r, c) for r, c in centres if np.hypot(10 * c + 5 - x, 10 * r + 5 - 25) <= 40})
                   for x in (25, 45))
    assert feature["served_population"] < separate  # the overlap is not counted twice


def test_breakdown_by_sex_and_location_sum_to_the_total(run_algorithm, small, tmp_path):
    raster, road, stop = small
    female = np.floor(POPULATION * 0.4).astype(np.float32)
    male = POPULATION - female
    f_path = write_raster(tmp_path / "female.tif", female, UTM, (LEFT, TOP), 10.0, nodata=-1,
                          dtype=gdal.GDT_Float32)
    m_path = write_raster(tmp_path / "male.tif", male, UTM, (LEFT, TOP), 10.0, nodata=-1, dtype=gdal.GDT_Float32)
    urban, zones = urban_and_zones(tmp_path, UTM, LEFT, TOP)
    store = tmp_path / "results.gpkg"
    result = run(run_algorithm, POPULATION=raster, POPULATION_FEMALE=str(f_path), POPULATION_MALE=str(m_path),
                 STOPS=stop, NETWORK=road, LOW_DISTANCE=40, WALK_OFF=10.5, URBAN=urban,
                 ZONES=zones, ZONE_ID_FIELD="code", RESULTS=str(store))
    rows = ResultsStore(store).read("sdg_results")
    assert set(rows["method"]) == {"sdg:transit_access_11_2_1 (network)"}
    assert all(json.loads(p)["DISTANCE_METHOD"] == "network" for p in rows["parameters"])
    rows = rows.set_index(["area_id", "disaggregation"])
    served = cells(*[(4, c) for c in range(6)], *[(r, c) for r in (3, 5) for c in range(5)])
    north = {(r, c) for r, c in served if r <= 4}  # zone N holds rows 0-4 (centres above TOP - 51)
    urban_cells = {(r, c) for r in range(10) for c in range(3)}  # centres x = 5, 15, 25 < 32
    assert rows.loc[("total", ""), "numerator"] == population_of(served)
    assert rows.loc[("N", ""), "numerator"] == population_of(north)
    assert rows.loc[("S", ""), "numerator"] == population_of(served - north)
    assert rows.loc[("total", "location=urban"), "numerator"] == population_of(served & urban_cells)
    assert rows.loc[("total", "location=urban"), "denominator"] == population_of(urban_cells)
    assert rows.loc[("N", "sex=female;location=rural"), "numerator"] == float(
        sum(female[r, c] for r, c in north - urban_cells))
    for area in ("total", "N", "S"):
        for column in ("numerator", "denominator"):
            whole = rows.loc[(area, ""), column]
            assert rows.loc[(area, "sex=female"), column] + rows.loc[(area, "sex=male"), column] == whole
            assert rows.loc[(area, "location=urban"), column] + rows.loc[(area, "location=rural"), column] == whole
    assert result["VALUE"] == pytest.approx(rows.loc[("total", ""), "value"])


def test_geographic_grid_measures_metres(run_algorithm, tmp_path):
    # A 0.0005° grid at 30°N; a stop and 300 m: served cells must be those whose centre is within 300 m on the
    # ellipsoid (QGIS's geodesic distance), not within 300 "degree-metres".
    res, left, top = 0.0005, 120.0, 30.01
    array = np.ones((40, 40), dtype=np.float32)
    raster = write_raster(tmp_path / "geo.tif", array, 4326, (left, top), res, nodata=-1, dtype=gdal.GDT_Float32)
    stop = (left + 0.00987, top - 0.01013)
    stops = points(tmp_path / "s.gpkg", "stops", 4326, [stop])
    result = run(run_algorithm, POPULATION=str(raster), STOPS=stops, LOW_DISTANCE=300)
    measure = QgsDistanceArea()
    measure.setSourceCrs(QgsRasterLayer(str(raster)).crs(), QgsProject.instance().transformContext())
    measure.setEllipsoid("EPSG:7030")
    distances = np.array([[measure.measureLine(QgsPointXY(*stop),
                                               QgsPointXY(left + (c + 0.5) * res, top - (r + 0.5) * res))
                           for c in range(40)] for r in range(40)])
    assert np.abs(distances - 300).min() > 0.05  # no cell centre sits on the boundary
    assert next(result["OUTPUT"].getFeatures())["served_population"] == float((distances <= 300).sum())


def native_served_sum(raster: str, polygons, zones_uri: str | None = None) -> dict:
    """Population summed by QGIS's native zonal statistics over dissolved service areas (pixel-centre rule),
    per zone (intersected with the zones) or for the whole area (key None)."""
    import processing

    dissolved = processing.run("native:dissolve", {"INPUT": polygons, "OUTPUT": "memory:"})["OUTPUT"]
    if zones_uri:
        dissolved = processing.run("native:intersection", {
            "INPUT": dissolved, "OVERLAY": zones_uri, "OUTPUT": "memory:"})["OUTPUT"]
    stats = processing.run("native:zonalstatisticsfb", {
        "INPUT": dissolved, "INPUT_RASTER": raster, "RASTER_BAND": 1, "COLUMN_PREFIX": "z_", "STATISTICS": [1],
        "OUTPUT": "memory:"})["OUTPUT"]
    return {(f["code"] if zones_uri else None): f["z_sum"] for f in stats.getFeatures()}


@pytest.fixture()
def county(tmp_path):
    """A 60 x 60 grid of 10 m cells with random population, two zones cut at angles, five stops."""
    rng = np.random.default_rng(7)
    population = rng.integers(0, 20, size=(60, 60)).astype(np.float32)
    raster = write_raster(tmp_path / "pop.tif", population, UTM, (LEFT, TOP), 10.0, nodata=-1,
                          dtype=gdal.GDT_Float32)
    zones = write_polygons(tmp_path / "zones.gpkg", "zones", UTM, [
        f"POLYGON(({LEFT - 5} {TOP + 5},{LEFT + 330} {TOP + 5},{LEFT + 270} {TOP - 605},{LEFT - 5} {TOP - 605},"
        f"{LEFT - 5} {TOP + 5}))",
        f"POLYGON(({LEFT + 330} {TOP + 5},{LEFT + 605} {TOP + 5},{LEFT + 605} {TOP - 605},{LEFT + 270} {TOP - 605},"
        f"{LEFT + 330} {TOP + 5}))"], [{"code": "W"}, {"code": "E"}])
    stops = np.random.default_rng(21).uniform([LEFT + 50, TOP - 550], [LEFT + 550, TOP - 50], size=(5, 2))
    kinds = ["bus", "rail", "bus", "tram", "Rail"]
    return str(raster), population, f"{zones}|layername=zones", [tuple(s) for s in stops], kinds


def test_straight_line_matches_native_buffer_dissolve_zonal_statistics(run_algorithm, county, tmp_path):
    import processing

    raster, population, zones, stops, kinds = county
    radius = {"bus": 100.0, "tram": 100.0, "rail": 150.0, "Rail": 150.0}
    # QGIS's buffer is a polygon through points on the circle (180 segments a quarter: at most 6 mm inside it):
    # no cell centre may sit that close to a circle.
    centres = [(LEFT + 10 * c + 5, TOP - 10 * r - 5) for r in range(60) for c in range(60)]
    margin = min(abs(np.hypot(x - sx, y - sy) - radius[k]) for x, y in centres for (sx, sy), k in zip(stops, kinds))
    assert margin > 0.01
    uri = points(tmp_path / "stops.gpkg", "stops", UTM, stops, [{"kind": k} for k in kinds])
    result = run(run_algorithm, POPULATION=raster, STOPS=uri, CAPACITY_FIELD="kind", HIGH_VALUES="rail",
                 LOW_DISTANCE=100, HIGH_DISTANCE=150, ZONES=zones, ZONE_ID_FIELD="code")
    buffers = [processing.run("native:buffer", {
        "INPUT": processing.run("native:extractbyexpression", {
            "INPUT": uri, "EXPRESSION": expression, "OUTPUT": "memory:"})["OUTPUT"],
        "DISTANCE": distance, "SEGMENTS": 180, "OUTPUT": "memory:"})["OUTPUT"]
        for expression, distance in (("lower(kind) = 'rail'", 150), ("lower(kind) <> 'rail'", 100))]
    merged = processing.run("native:mergevectorlayers", {"LAYERS": buffers, "OUTPUT": "memory:"})["OUTPUT"]
    native = native_served_sum(raster, merged, zones)
    ours = {f["code"]: f for f in result["OUTPUT"].getFeatures()}
    assert set(native) == {"W", "E"}
    for code, served in native.items():
        assert served > 0
        assert ours[code]["served_population"] == pytest.approx(served, abs=1e-6)
    total_native = native_served_sum(raster, merged)[None]
    assert sum(f["served_population"] for f in ours.values()) == pytest.approx(total_native, abs=1e-6)


def network_fixture(tmp_path):
    """Streets sharing vertices at junctions, one diagonal, stops on them."""
    streets = [
        [(LEFT + 3, TOP - 103), (LEFT + 203, TOP - 103), (LEFT + 403, TOP - 103), (LEFT + 597, TOP - 103)],
        [(LEFT + 203, TOP - 3), (LEFT + 203, TOP - 103), (LEFT + 203, TOP - 303), (LEFT + 203, TOP - 597)],
        [(LEFT + 203, TOP - 303), (LEFT + 403, TOP - 303), (LEFT + 557, TOP - 421)],
        [(LEFT + 403, TOP - 103), (LEFT + 403, TOP - 303)],
    ]
    net = lines(tmp_path / "net.gpkg", "net", UTM, streets)
    stops = [(LEFT + 83, TOP - 103), (LEFT + 403, TOP - 223), (LEFT + 203, TOP - 471)]
    return net, stops


def test_network_matches_native_service_area(run_algorithm, county, tmp_path):
    import processing

    raster, _, zones, _, _ = county
    net, stops = network_fixture(tmp_path)
    uri = points(tmp_path / "stops.gpkg", "stops", UTM, stops)
    result = run(run_algorithm, POPULATION=raster, STOPS=uri, NETWORK=net, LOW_DISTANCE=170, WALK_OFF=25,
                 ZONES=zones, ZONE_ID_FIELD="code")
    service = processing.run("native:serviceareafromlayer", {
        "INPUT": net, "STRATEGY": 0, "START_POINTS": uri, "TRAVEL_COST2": 170, "OUTPUT_LINES": "memory:"},
        context=ellipsoid_context(UTM))
    buffered = processing.run("native:buffer", {"INPUT": service["OUTPUT_LINES"], "DISTANCE": 25, "SEGMENTS": 180,
                                                "OUTPUT": "memory:"})["OUTPUT"]
    native = native_served_sum(raster, buffered, zones)
    ours = {f["code"]: f for f in result["OUTPUT"].getFeatures()}
    assert {code: f["served_population"] for code, f in ours.items()} == pytest.approx(native, abs=1e-6)
    assert all(0 < f["served_population"] < f["population"] for f in ours.values())
    straight = run(run_algorithm, POPULATION=raster, STOPS=uri, LOW_DISTANCE=170, ZONES=zones, ZONE_ID_FIELD="code")
    assert straight["VALUE"] > result["VALUE"]
    assert result["METHOD"] == "network"


def test_served_network_length_matches_native_service_area(qgis_processing, tmp_path):
    from qgis.core import (
        QgsCoordinateReferenceSystem,
        QgsGeometry,
        QgsProcessingContext,
        QgsProcessingFeedback,
        QgsVectorLayer,
    )
    from sdg_monitor.processing.access import Network

    import processing

    net, stops = network_fixture(tmp_path)
    layer = QgsVectorLayer(net, "net")
    network = Network(layer, "net", QgsCoordinateReferenceSystem(f"EPSG:{UTM}"),
                      [QgsPointXY(*s) for s in stops], QgsProcessingContext(), QgsProcessingFeedback())
    for i, stop in enumerate(stops):
        area = network.served_area([i], 170.0, 0.0)
        ours = QgsGeometry.unaryUnion([QgsGeometry.fromPolylineXY([QgsPointXY(x0, y0), QgsPointXY(x1, y1)])
                                       for x0, y0, x1, y1 in area.segments]).length()
        uri = points(tmp_path / f"stop{i}.gpkg", "stop", UTM, [stop])
        lines_out = processing.run("native:serviceareafromlayer", {
            "INPUT": net, "STRATEGY": 0, "START_POINTS": uri, "TRAVEL_COST2": 170,
            "OUTPUT_LINES": "memory:"}, context=ellipsoid_context(UTM))["OUTPUT_LINES"]
        native = QgsGeometry.unaryUnion([f.geometry() for f in lines_out.getFeatures()]).length()
        assert ours == pytest.approx(native, abs=1e-6)
        assert 170 < ours < 4 * 170


def test_walk_from_an_off_network_stop_counts(run_algorithm, small, tmp_path):
    raster, road, _ = small
    stop = points(tmp_path / "off.gpkg", "stops", UTM, [(LEFT + 5, TOP - 25)])  # 20 m north of the road
    result = run(run_algorithm, POPULATION=raster, STOPS=stop, NETWORK=road, LOW_DISTANCE=40, WALK_OFF=10.5)
    # 20 m to the road, then 20 m along it: road x = 0-25 and the path x = 5 from y = 55 to 75 (rows 4 to 2),
    # each widened by 10.5 m: row 4 columns 0-3, rows 3 and 5 columns 0-2, row 2 columns 0-1, row 1 column 0.
    served = cells(*[(4, c) for c in range(4)], *[(r, c) for r in (3, 5) for c in range(3)], (2, 0), (2, 1), (1, 0))
    assert next(result["OUTPUT"].getFeatures())["served_population"] == population_of(served)


def test_default_walk_off_reaches_a_coarse_grid(run_algorithm, tmp_path):
    """A 3 x 3 grid of 100 m cells with one person each; a road 90 m below the top edge with a stop at its west
    end: the top row's centres are 40 m from it, the middle row's 60 m: beyond 50 m but within half the diagonal
    (70.7 m). By default both rows (6 people) are served; with WALK_OFF=50 only the top row."""
    raster = write_raster(tmp_path / "pop.tif", np.ones((3, 3), dtype=np.float32), UTM, (LEFT, TOP), 100.0,
                          nodata=-1, dtype=gdal.GDT_Float32)
    road = lines(tmp_path / "net.gpkg", "roads", UTM, [[(LEFT, TOP - 90), (LEFT + 300, TOP - 90)]])
    stop = points(tmp_path / "stops.gpkg", "stops", UTM, [(LEFT, TOP - 90)], [{"kind": "bus"}])
    default = run(run_algorithm, POPULATION=str(raster), STOPS=stop, NETWORK=road)
    assert default["VALUE"] == pytest.approx(100 * 6 / 9)
    narrow = run(run_algorithm, POPULATION=str(raster), STOPS=stop, NETWORK=road, WALK_OFF=50)
    assert narrow["VALUE"] == pytest.approx(100 * 3 / 9)
