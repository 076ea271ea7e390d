"""The network tie-in of the access algorithms: hand-worked served cells for stops on a vertex, a nanometre
inside a segment, at a dead end and far from the network; ellipsoidal edge lengths against QgsDistanceArea; and
11.2.1 against an independent Dijkstra (scipy.sparse.csgraph) with GEOS distances on a real-looking network."""
from __future__ import annotations

import numpy as np
import pytest
from access_data import lines, points
from osgeo import gdal
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsDistanceArea,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProject,
    QgsVectorLayer,
)
from sdg_testdata import write_raster

UTM = 32650
LEFT, TOP = 500000.0, 3400000.0
POPULATION = (np.arange(100, dtype=np.float32).reshape(10, 10) + 1)


@pytest.fixture()
def split_road(tmp_path):
    """The 10 x 10 grid of 10 m cells and a road along row 4's centre line in two lines meeting at x = 50."""
    raster = write_raster(tmp_path / "pop.tif", POPULATION, UTM, (LEFT, TOP), 10.0, nodata=-1,
                          dtype=gdal.GDT_Float32)
    road = lines(tmp_path / "net.gpkg", "roads", UTM, [[(LEFT, TOP - 45), (LEFT + 50, TOP - 45)],
                                                      [(LEFT + 50, TOP - 45), (LEFT + 100, TOP - 45)]])
    return str(raster), road


def served_by(run_algorithm, tmp_path, road, raster, stop) -> float:
    uri = points(tmp_path / "stop.gpkg", "stops", UTM, [stop])
    result = run_algorithm("sdg:transit_access_11_2_1", {
        "YEAR": 2020, "OUTPUT": "memory:", "POPULATION": raster, "STOPS": uri, "NETWORK": road,
        "LOW_DISTANCE": 20, "WALK_OFF": 10.5})
    return next(result["OUTPUT"].getFeatures())["served_population"]


def population_of(served) -> float:
    return float(sum(POPULATION[r, c] for r, c in served))


# Road x = 30-70 served from a stop at x = 50: cells of row 4 with centre x in [19.5, 80.5] (columns 2-7) and of
# rows 3 and 5 (10 m off the road) with centre x in [30 - 3.2, 70 + 3.2] (columns 3-6).
AROUND_50 = {*[(4, c) for c in range(2, 8)], *[(r, c) for r in (3, 5) for c in range(3, 7)]}


@pytest.mark.parametrize("x", [50.0, 50.0 + 1e-9, 50.0 - 1e-9], ids=["on the shared vertex", "1e-9 m east",
                                                                     "1e-9 m west"])
def test_a_stop_on_or_next_to_a_vertex_serves_both_ways(run_algorithm, tmp_path, split_road, x):
    raster, road = split_road
    assert served_by(run_algorithm, tmp_path, road, raster, (LEFT + x, TOP - 45)) == population_of(AROUND_50)


def test_a_stop_at_a_dead_end_serves_back_along_the_road(run_algorithm, tmp_path, split_road):
    raster, road = split_road
    # Road x = 80-100: row 4 columns 7-9 (centre x >= 69.5), rows 3 and 5 columns 8-9 (x >= 76.8).
    served = {(4, 7), (4, 8), (4, 9), (3, 8), (3, 9), (5, 8), (5, 9)}
    assert served_by(run_algorithm, tmp_path, road, raster, (LEFT + 100, TOP - 45)) == population_of(served)


def test_a_stop_off_the_network_walks_to_it_and_that_walk_counts(run_algorithm, tmp_path, split_road):
    # 12 m north of the road at x = 50: the walk down to it counts, 8 m are left each way (road x = 42-58), and the
    # walk itself is served. Row 4: centres x within 10.5 m of 42-58 (columns 3-6); rows 3 and 5, 10 m off the
    # road: x within 3.2 m of it (columns 4-5); row 2 (centre 8 m above the stop): x within 6.8 m of 50.
    raster, road = split_road
    served = {(4, 3), (4, 4), (4, 5), (4, 6), (3, 4), (3, 5), (5, 4), (5, 5), (2, 4), (2, 5)}
    assert served_by(run_algorithm, tmp_path, road, raster, (LEFT + 50, TOP - 33)) == population_of(served)


def test_two_stops_on_one_segment_each_serve_both_ways(run_algorithm, tmp_path, split_road):
    # Stops at x = 60 and x = 80 on the line x = 50-100, 5 m each: road x = 55-65 and 75-85. Row 4: centres within
    # 10.5 m (columns 4-9); rows 3 and 5: within 3.2 m in x (columns 5-8).
    raster, road = split_road
    uri = points(tmp_path / "stops.gpkg", "stops", UTM, [(LEFT + 60, TOP - 45), (LEFT + 80, TOP - 45)])
    result = run_algorithm("sdg:transit_access_11_2_1", {
        "YEAR": 2020, "OUTPUT": "memory:", "POPULATION": raster, "STOPS": uri, "NETWORK": road,
        "LOW_DISTANCE": 5, "WALK_OFF": 10.5})
    served = {*[(4, c) for c in range(4, 10)], *[(r, c) for r in (3, 5) for c in range(5, 9)]}
    assert next(result["OUTPUT"].getFeatures())["served_population"] == population_of(served)


def test_a_stop_beyond_the_search_distance_serves_nothing_and_is_named(qgis_processing, tmp_path, split_road):
    from sdg_monitor.processing.access import Network

    _, road = split_road

    class Warnings(QgsProcessingFeedback):
        def __init__(self):
            super().__init__()
            self.warnings = []

        def pushWarning(self, text):  # noqa: N802 - Qt's name
            self.warnings.append(text)

    feedback = Warnings()
    stops = [QgsPointXY(LEFT + 50, TOP - 45), QgsPointXY(LEFT + 50, TOP - 345)]
    network = Network(QgsVectorLayer(road, "roads"), "roads", QgsCoordinateReferenceSystem(f"EPSG:{UTM}"), stops,
                      QgsProcessingContext(), feedback, search=200.0, labels=["central", "hill stop"])
    assert len(feedback.warnings) == 1 and "hill stop" in feedback.warnings[0]
    assert "central" not in feedback.warnings[0]
    assert len(network.served_area([1], 1000.0, 10.0).segments) == 0
    assert len(network.served_area([0], 1000.0, 10.0).segments) > 0


# Two roads along rows 2 and 6's centre lines, and a point at row 4 column 5's centre, 20 m from each (exactly:
# both distances are 20 map units times the same scale). 30 m: the 20 m walk to each road (the walks themselves
# served: column 5, rows 2-6), then 10 m each way along both, x = 45-65 (columns 4-6 of rows 2 and 6; rows 1, 3,
# 5 and 7 are 10 m off, beyond the 4 m walk-off). Tied to one road only, the point would serve one of those rows,
# chosen by the roads' order.
BOTH_ROADS = {*[(r, c) for r in (2, 6) for c in (4, 5, 6)], (3, 5), (4, 5), (5, 5)}


@pytest.mark.parametrize("algorithm, points_key, distance_key", [
    ("sdg:transit_access_11_2_1", "STOPS", "LOW_DISTANCE"), ("sdg:facility_access", "FACILITIES", "DISTANCE")])
@pytest.mark.parametrize("order", [(25, 65), (65, 25)], ids=["north road first", "south road first"])
def test_a_point_midway_between_two_roads_serves_along_both(run_algorithm, tmp_path, algorithm, points_key,
                                                           distance_key, order):
    raster = write_raster(tmp_path / "pop.tif", POPULATION, UTM, (LEFT, TOP), 10.0, nodata=-1,
                          dtype=gdal.GDT_Float32)
    road = lines(tmp_path / "net.gpkg", "roads", UTM, [[(LEFT, TOP - y), (LEFT + 100, TOP - y)] for y in order])
    uri = points(tmp_path / "point.gpkg", "points", UTM, [(LEFT + 55, TOP - 45)])
    result = run_algorithm(algorithm, {"YEAR": 2020, "OUTPUT": "memory:", "POPULATION": str(raster),
                                       points_key: uri, "NETWORK": road, distance_key: 30, "WALK_OFF": 4})
    assert result["VALUE"] == pytest.approx(100 * population_of(BOTH_ROADS) / float(POPULATION.sum()), abs=1e-9)


# A street along row 4's centre line (one line, no vertex at x = 25) and a branch down column 2's centre line from
# row 0's centre that stops 0.5 m short of the street or crosses it and ends 0.5 m beyond. A stop at the branch's
# top, 60 m, WALK_OFF 4 m (only cells on the lines' own centre lines are that close). Apart, the stop serves the
# branch: column 2, rows 0-4 (row 4's centre is 0.5 m from its end). Joined (TOLERANCE 1 m), the branch's end
# moves onto the street at x = 25: 40 m down the branch, then 20 m each way along the street, x = 5-45: row 4,
# columns 0-4 as well.
BRANCH = {(r, 2) for r in range(5)}
JOINED = BRANCH | {(4, c) for c in range(5)}


@pytest.mark.parametrize("end_y, tolerance, served", [
    (-44.5, 0.0, BRANCH), (-44.5, 1.0, JOINED), (-45.5, 0.0, BRANCH), (-45.5, 1.0, JOINED),
], ids=["undershoot apart", "undershoot joined", "overshoot apart", "overshoot joined"])
def test_tolerance_joins_a_branch_that_stops_short_of_or_crosses_a_street(run_algorithm, tmp_path, end_y,
                                                                         tolerance, served):
    raster = write_raster(tmp_path / "pop.tif", POPULATION, UTM, (LEFT, TOP), 10.0, nodata=-1,
                          dtype=gdal.GDT_Float32)
    road = lines(tmp_path / "net.gpkg", "roads", UTM, [[(LEFT, TOP - 45), (LEFT + 100, TOP - 45)],
                                                      [(LEFT + 25, TOP - 5), (LEFT + 25, TOP + end_y)]])
    uri = points(tmp_path / "stop.gpkg", "stops", UTM, [(LEFT + 25, TOP - 5)])
    result = run_algorithm("sdg:transit_access_11_2_1", {
        "YEAR": 2020, "OUTPUT": "memory:", "POPULATION": str(raster), "STOPS": uri, "NETWORK": road,
        "LOW_DISTANCE": 60, "WALK_OFF": 4, "TOLERANCE": tolerance})
    assert next(result["OUTPUT"].getFeatures())["served_population"] == population_of(served)


@pytest.mark.parametrize("epsg, line", [
    (UTM, [(LEFT, TOP), (LEFT + 730.5, TOP + 410.25), (LEFT + 731, TOP - 2000)]),
    (4326, [(120.0, 30.0), (120.01, 30.004), (120.0105, 29.98)]),
])
def test_edge_lengths_are_ellipsoidal(qgis_processing, tmp_path, epsg, line):
    from sdg_monitor.processing.access import Network

    uri = lines(tmp_path / "l.gpkg", "l", epsg, [line])
    crs = QgsCoordinateReferenceSystem(f"EPSG:{epsg}")
    network = Network(QgsVectorLayer(uri, "l"), "l", crs, [], QgsProcessingContext(), QgsProcessingFeedback())
    measure = QgsDistanceArea()
    measure.setSourceCrs(crs, QgsProject.instance().transformContext())
    measure.setEllipsoid("EPSG:7030")
    expected = sorted(measure.measureLine(QgsPointXY(*a), QgsPointXY(*b)) for a, b in zip(line, line[1:]))
    assert sorted(network.graph.length.tolist()) == pytest.approx(expected, abs=1e-4)


# --- a dense grid: walks are L1 distances ----------------------------------------------------------------------------
def test_on_a_dense_grid_network_access_is_the_l1_count_and_bounded_by_straight_lines(run_algorithm, tmp_path):
    # 30 x 30 cells of 10 m, a street along every row's and every column's centre line, stops in the middle of
    # blocks of east-west streets, 60 m, walk-off 7.5 m (the next street is 10 m away). A walk along the grid from
    # a point on it is the L1 distance, so a cell is served when its centre is within L1 60 + 7.5 m of a stop
    # (L1 distances are 10k + 5 m: no tie). The straight-line run counts the centres within L2 60 m (no tie
    # either: 100 i² + (10 j + 5)² is odd times 25, 3,600 is not).
    rng = np.random.default_rng(3)
    population = rng.integers(0, 50, size=(30, 30)).astype(np.float32)
    raster = write_raster(tmp_path / "pop.tif", population, UTM, (LEFT, TOP), 10.0, nodata=-1,
                          dtype=gdal.GDT_Float32)
    centres = [5.0 + 10 * i for i in range(30)]
    net = lines(tmp_path / "grid.gpkg", "grid", UTM, [[(LEFT + x, TOP - y) for x in centres] for y in centres]
                + [[(LEFT + x, TOP - y) for y in centres] for x in centres])
    stops = [(LEFT + 10 * c, TOP - 5 - 10 * r) for r, c in ((4, 5), (15, 14), (17, 16), (26, 27))]
    uri = points(tmp_path / "stops.gpkg", "stops", UTM, stops)

    def value(distance, **network):
        return run_algorithm("sdg:transit_access_11_2_1", {
            "YEAR": 2020, "OUTPUT": "memory:", "POPULATION": str(raster), "STOPS": uri, "LOW_DISTANCE": distance,
            **network})["VALUE"]

    def share(within):
        served = sum(float(population[r, c]) for r in range(30) for c in range(30)
                     if any(within(LEFT + 5 + 10 * c - x, TOP - 5 - 10 * r - y) for x, y in stops))
        return 100 * served / float(population.sum())

    network = value(60, NETWORK=net, WALK_OFF=7.5)
    assert network == pytest.approx(share(lambda dx, dy: abs(dx) + abs(dy) <= 67.5), abs=1e-9)
    straight = value(60)
    assert straight == pytest.approx(share(lambda dx, dy: dx * dx + dy * dy <= 3600), abs=1e-9)
    assert value(67.5 / 2**0.5) <= network <= value(67.5)
    # A lone stop serves 98 cells by L1 against 108 by L2 (0.907); these stops overlap little, people are uneven:
    # 0.900.
    assert network / straight == pytest.approx(98 / 108, abs=0.05)


# --- against an independent Dijkstra ------------------------------------------------------------------------------
def street_layout(seed: int = 5):
    """A jittered 12 x 12 street grid (80 m blocks) with gaps and diagonals: east-west streets as long lines through
    every junction, north-south streets block by block, junctions shared as vertices."""
    rng = np.random.default_rng(seed)
    n, step = 12, 80.0
    node = {(i, j): (LEFT + 40 + j * step + rng.uniform(-15, 15), TOP - 40 - i * step + rng.uniform(-15, 15))
            for i in range(n) for j in range(n)}
    streets = []
    for i in range(n):
        row = [node[i, j] for j in range(n)]
        cut = int(rng.integers(3, n - 3))
        streets += [row[:cut], row[cut:]] if rng.random() < 0.3 else [row]  # some streets broken in two
    for i in range(n - 1):
        for j in range(n):
            if rng.random() < 0.75:
                middle = ((node[i, j][0] + node[i + 1, j][0]) / 2 + rng.uniform(-8, 8),
                          (node[i, j][1] + node[i + 1, j][1]) / 2)
                streets.append([node[i, j], middle, node[i + 1, j]])
            if j < n - 1 and rng.random() < 0.1:
                streets.append([node[i, j], node[i + 1, j + 1]])
    return streets


def reference_served_population(streets, stops, population, distance, walk_off) -> float:
    """Served population from scipy's Dijkstra over QgsDistanceArea lengths and GEOS point-to-line distances."""
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import dijkstra

    measure = QgsDistanceArea()
    measure.setSourceCrs(QgsCoordinateReferenceSystem(f"EPSG:{UTM}"), QgsProject.instance().transformContext())
    measure.setEllipsoid("EPSG:7030")
    index: dict[tuple[float, float], int] = {}
    edges = []
    for street in streets:
        for a, b in zip(street, street[1:]):
            u, v = index.setdefault(a, len(index)), index.setdefault(b, len(index))
            edges.append((u, v, measure.measureLine(QgsPointXY(*a), QgsPointXY(*b)), a, b))
    u, v, w = (np.array([e[k] for e in edges]) for k in range(3))
    matrix = coo_matrix((w, (u, v)), shape=(len(index), len(index))).tocsr()
    cost = dijkstra(matrix, directed=False, indices=[index[s] for s in stops], min_only=True)
    pieces = []
    for a_node, b_node, length, a, b in edges:
        for near, far, reach in ((a, b, distance - cost[a_node]), (b, a, distance - cost[b_node])):
            if reach >= 0:
                t = min(reach / length, 1.0)
                pieces.append(QgsGeometry.fromPolylineXY([
                    QgsPointXY(*near), QgsPointXY(near[0] + (far[0] - near[0]) * t, near[1] + (far[1] - near[1]) * t)]))
    served_lines = QgsGeometry.collectGeometry(pieces)
    engine = QgsGeometry.createGeometryEngine(served_lines.constGet())
    engine.prepareGeometry()
    rows, cols = population.shape
    total = 0.0
    for r in range(rows):
        for c in range(cols):
            centre = QgsGeometry.fromPointXY(QgsPointXY(LEFT + 5 + 10 * c, TOP - 5 - 10 * r))
            if engine.distance(centre.constGet()) <= walk_off:
                total += float(population[r, c])
    return total


def test_network_access_equals_an_independent_dijkstra(run_algorithm, tmp_path):
    streets = street_layout()
    rng = np.random.default_rng(11)
    vertices = sorted({p for street in streets for p in street})
    stops = [vertices[i] for i in rng.choice(len(vertices), size=12, replace=False)]
    population = rng.integers(0, 30, size=(100, 100)).astype(np.float32)
    raster = write_raster(tmp_path / "pop.tif", population, UTM, (LEFT, TOP), 10.0, nodata=-1,
                          dtype=gdal.GDT_Float32)
    net = lines(tmp_path / "net.gpkg", "net", UTM, streets)
    uri = points(tmp_path / "stops.gpkg", "stops", UTM, stops)
    result = run_algorithm("sdg:transit_access_11_2_1", {
        "YEAR": 2020, "OUTPUT": "memory:", "POPULATION": str(raster), "STOPS": uri, "NETWORK": net,
        "LOW_DISTANCE": 300, "WALK_OFF": 25})
    expected = 100 * reference_served_population(streets, stops, population, 300, 25) / float(population.sum())
    assert 20 < expected < 90
    assert result["VALUE"] == pytest.approx(expected, abs=0.01)
