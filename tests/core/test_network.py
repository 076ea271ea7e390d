"""core.network: the tie-in of points into a street graph and bounded shortest paths, against hand-worked
cases on a planar network (lengths in metres, no projection)."""
from __future__ import annotations

import numpy as np
import pytest
from sdg_monitor.core.network import TIE_TOLERANCE, StreetGraph, merge_vertices


def flat(x, y):
    return np.ones(np.shape(y)), np.ones(np.shape(y))


def planar(x0, y0, x1, y1):
    return np.hypot(np.asarray(x1) - x0, np.asarray(y1) - y0)


#: A street from (0, 0) through a junction at (100, 0) to (200, 0), and a dead-end branch up to (100, 100).
STREETS = np.array([[0, 0, 100, 0], [100, 0, 200, 0], [100, 0, 100, 100]], dtype=float)


def served_length(points, sources, limit, search=50.0, streets=STREETS, tolerance=0.0):
    graph = StreetGraph(streets, flat, planar, tolerance)
    graph.tie(np.array(points, dtype=float), search)
    segments = graph.served(sources, limit)
    return float(planar(segments[:, 0], segments[:, 1], segments[:, 2], segments[:, 3]).sum()), graph


def test_a_point_on_a_vertex_serves_every_edge_there():
    # 30 m each way along the street and 30 m up the branch.
    assert served_length([(100, 0)], [0], 30)[0] == pytest.approx(90)


def test_a_point_inside_a_segment_a_nanometre_from_a_vertex_serves_both_sides():
    length, graph = served_length([(100 + 1e-9, 0)], [0], 30)
    assert length == pytest.approx(90, abs=1e-6)
    assert len(graph.start) == 4  # the segment (100, 0)-(200, 0) split into two


def test_a_point_at_a_dead_end_serves_back_along_its_line():
    assert served_length([(100, 100)], [0], 30)[0] == pytest.approx(30)


def test_an_off_network_point_walks_to_the_nearest_point_of_the_nearest_segment():
    # 20 m south-to-north walk to (50, 0), then 30 m each way: 20 + 60.
    length, graph = served_length([(50, 20)], [0], 50)
    assert length == pytest.approx(80)
    assert graph.ties.walk[0] == pytest.approx(20)
    assert tuple(graph.ties.xy[0]) == (50, 0)


def test_two_points_on_one_segment_split_it_once_each():
    length, graph = served_length([(20, 0), (60, 0)], [0, 1], 10)
    assert length == pytest.approx(40)
    assert len(graph.start) == 5  # (0, 0)-(100, 0) in three pieces, and the two others
    assert sorted(graph.length.tolist()) == pytest.approx([20, 40, 40, 100, 100])
    # From the first point only, 50 m: [0, 70] on the street (the second point's node is passed through).
    assert graph.served([0], 50).shape[0] >= 2
    assert served_length([(20, 0), (60, 0)], [0], 50)[0] == pytest.approx(70)


def test_points_farther_than_the_search_distance_serve_nothing():
    length, graph = served_length([(50, 80)], [0], 500, search=40)
    assert graph.ties.count(1)[0] == 0
    assert length == 0
    assert served_length([(50, 80)], [0], 500, search=60)[1].ties.count(1)[0] == 1  # 50 m from the street


def test_costs_are_shortest_walks():
    _, graph = served_length([(50, 20)], [0], 1000)
    cost = graph.costs([0], 1000)
    node = {tuple(xy): cost[i] for i, xy in enumerate(graph.xy.tolist())}
    assert node[(100.0, 100.0)] == pytest.approx(20 + 50 + 100)
    assert node[(0.0, 0.0)] == pytest.approx(70)


def test_tolerance_joins_vertices_that_nearly_meet():
    # Two lines whose ends miss each other by 0.4 m: apart by default, one network with a 0.5 m tolerance.
    streets = np.array([[0, 0, 100, 0], [100.4, 0, 200, 0]], dtype=float)
    assert served_length([(50, 0)], [0], 100, streets=streets)[0] == pytest.approx(100)
    assert served_length([(50, 0)], [0], 100, streets=streets, tolerance=0.5)[0] == pytest.approx(150)


def test_merge_vertices_exact_by_default():
    xy = np.array([[0, 0], [1, 0], [0, 0], [1e-12, 0]])
    nodes, index = merge_vertices(xy, flat, 0.0)
    assert len(nodes) == 3 and index[0] == index[2] != index[3]
    assert len(merge_vertices(xy, flat, 1e-6)[0]) == 2


def test_merge_vertices_joins_the_nearest_earlier_node():
    # (0, 0) and (0.5, 0.95) are 1.07 m apart: two nodes. (0.6, 0.1) is 0.61 m from the first, 0.86 m from the
    # second: it joins the first. (0.7, 0.2) is within 1 m of (0.6, 0.1), which is no node: it joins the nearest node.
    xy = np.array([[0, 0], [0.5, 0.95], [0.6, 0.1], [0.7, 0.2]])
    nodes, index = merge_vertices(xy, flat, 1.0)
    assert nodes.tolist() == [[0, 0], [0.5, 0.95]]
    assert index.tolist() == [0, 1, 0, 0]


# --- a point equally near several segments is tied to each -----------------------------------------------------
#: Two parallel streets 20 m apart, not connected: y = 0 and y = 20, x = 0-200.
PARALLEL = np.array([[0, 0, 200, 0], [0, 20, 200, 20]], dtype=float)


def test_a_point_midway_between_two_streets_reaches_along_both():
    # 10 m walk to (100, 0) and to (100, 20), then 40 m each way on each street: 2 x (10 + 80) = 180. One street
    # only would be 90.
    length, graph = served_length([(100, 10)], [0], 50, streets=PARALLEL)
    assert length == pytest.approx(180)
    assert sorted(map(tuple, graph.ties.xy.tolist())) == [(100, 0), (100, 20)]
    assert graph.ties.walk.tolist() == pytest.approx([10, 10])
    cost = {tuple(xy): c for xy, c in zip(graph.xy.tolist(), graph.costs([0], 1000))}
    assert cost[(0.0, 0.0)] == cost[(200.0, 20.0)] == pytest.approx(110)


@pytest.mark.parametrize("offset, ties, length", [
    (0.4 * TIE_TOLERANCE, 2, 180),  # 9.9996 m and 10.0004 m: equally near; 9.9996 + 80.0008 + 10.0004 + 79.9992
    (4 * TIE_TOLERANCE, 1, 90.004),  # 9.996 m against 10.004 m: the nearer only; 9.996 + 2 x 40.004
], ids=["within the tolerance", "beyond it"])
def test_a_point_nearer_one_street_by_more_than_the_tolerance_ties_only_to_it(offset, ties, length):
    result, graph = served_length([(100, 10 - offset)], [0], 50, streets=PARALLEL)
    assert result == pytest.approx(length, abs=1e-9)
    assert len(graph.ties.node) == ties


def test_a_point_on_a_junction_has_one_tie_there():
    # Two lines crossing at a shared vertex (100, 100): the four segments there are all at distance 0, and their
    # ends are one node: one tie, no split; 30 m along each of the four.
    streets = np.array([[0, 100, 100, 100], [100, 100, 200, 100], [100, 0, 100, 100], [100, 100, 100, 200]],
                       dtype=float)
    length, graph = served_length([(100, 100)], [0], 30, streets=streets)
    assert length == pytest.approx(120)
    assert graph.xy[graph.ties.node].tolist() == [[100, 100]]
    assert len(graph.xy) == 5 and len(graph.start) == 4


def test_a_point_off_a_corner_has_one_tie_on_the_corner():
    # An L of two segments meeting at (100, 0); the point (110, -10) is nearest to the corner on both: one tie,
    # walk 10√2, then 30 - 10√2 m along each leg.
    streets = np.array([[0, 0, 100, 0], [100, 0, 100, 100]], dtype=float)
    length, graph = served_length([(110, -10)], [0], 30, streets=streets)
    assert len(graph.ties.node) == 1 and len(graph.xy) == 3
    assert length == pytest.approx(200 ** 0.5 + 2 * (30 - 200 ** 0.5))


def test_a_point_where_two_lines_cross_without_a_vertex_is_tied_to_both():
    # Unnoded lines crossing at (100, 100): both at distance 0, each split there; 30 m each way on each.
    streets = np.array([[0, 100, 200, 100], [100, 0, 100, 200]], dtype=float)
    length, graph = served_length([(100, 100)], [0], 30, streets=streets)
    assert length == pytest.approx(120)
    assert len(graph.ties.node) == 2 and len(graph.start) == 4


def _rotated(xy: np.ndarray, angle: float) -> np.ndarray:
    c, s = np.cos(np.radians(angle)), np.sin(np.radians(angle))
    return (xy - [37.1, 11.3]) @ np.array([[c, s], [-s, c]]) + [37.1, 11.3]


#: A point (100, 10) midway between a 10 m street y = 0, x = 95-105 and a 200 m street y = 20: tied to both, 50 m
#: serve 10 + 10 (all the short street) + 10 + 80 = 110; tied to one only 20 or 90, by the last bits.
UNEQUAL = np.array([[95, 0, 105, 0], [0, 20, 200, 20]], dtype=float)


@pytest.mark.parametrize("transform", [
    lambda xy: xy,
    lambda xy: xy + 1e5 - 1e5,
    lambda xy: xy + [123456.789, 3456789.123],
    lambda xy: _rotated(xy, 30),
    lambda xy: _rotated(xy, 137.77),
    lambda xy: _rotated(_rotated(xy, 1e-7) + 1e5, -1e-7) - 1e5,
], ids=["as is", "1e5 m there and back", "translated", "rotated 30°", "rotated 137.77°", "last bits"])
@pytest.mark.parametrize("order", [[0, 1], [1, 0]], ids=["in order", "swapped"])
def test_equal_distances_do_not_depend_on_last_bits_or_feature_order(transform, order):
    streets = transform(UNEQUAL[order].reshape(-1, 2)).reshape(-1, 4)
    point = transform(np.array([[100.0, 10.0]]))
    length, graph = served_length(point, [0], 50, streets=streets)
    assert len(graph.ties.node) == 2
    assert length == pytest.approx(110, abs=1e-6)


#: A street from (0, 0) to (200, 0) without a vertex at (100, 0), and a branch from (100, 100.5) down towards it.
BAR = [0, 0, 200, 0]


def branch_served(end_y, tolerance, limit=150.0):
    """Served length from a stop at the top of a branch x = 100 that ends at (100, end_y), near the street."""
    streets = np.array([BAR, [100, 100.5, 100, end_y]], dtype=float)
    return served_length([(100, 100.5)], [0], limit, streets=streets, tolerance=tolerance)


def test_an_undershoot_within_the_tolerance_joins_the_street_it_stops_short_of():
    # The branch stops 0.5 m short. Apart: the branch's 100 m only. Joined: its end moves to (100, 0), so the
    # branch is 100.5 m and the other 49.5 m go each way along the street: 100.5 + 2 x 49.5.
    assert branch_served(0.5, 0.0)[0] == pytest.approx(100)
    length, graph = branch_served(0.5, 1.0)
    assert length == pytest.approx(199.5)
    assert graph.snapped == 1
    assert sorted(graph.length.tolist()) == pytest.approx([100, 100, 100.5])
    assert branch_served(0.5, 0.4)[0] == pytest.approx(100)  # 0.5 m is beyond a 0.4 m tolerance


def test_an_overshoot_within_the_tolerance_joins_where_it_crosses():
    # The branch crosses the street and ends 0.5 m beyond it: apart (no shared vertex) it serves its 101 m only;
    # joined, its end moves back to (100, 0): 100.5 m of branch and 49.5 m each way.
    assert branch_served(-0.5, 0.0)[0] == pytest.approx(101)
    assert branch_served(-0.5, 1.0)[0] == pytest.approx(199.5)


def test_an_end_exactly_on_a_segment_joins_only_with_a_tolerance():
    # TOLERANCE 0 keeps today's rule (lines join at shared vertices only), even for an end lying on the street.
    assert branch_served(0.0, 0.0)[0] == pytest.approx(100.5)
    assert branch_served(0.0, 1e-6)[0] == pytest.approx(100.5 + 2 * 49.5)


def test_a_shared_vertex_is_not_joined_again():
    # The branch ends on the street's shared vertex: the graph is the same with and without a tolerance.
    streets = np.array([[0, 0, 100, 0], [100, 0, 200, 0], [100, 100.5, 100, 0]], dtype=float)
    plain = served_length([(100, 100.5)], [0], 150, streets=streets)
    joined = served_length([(100, 100.5)], [0], 150, streets=streets, tolerance=1.0)
    assert joined[0] == plain[0] == pytest.approx(199.5)
    assert joined[1].snapped == 0
    assert len(joined[1].xy) == len(plain[1].xy) == 4 and len(joined[1].start) == 3


def test_an_end_near_a_shared_vertex_joins_that_vertex_once():
    # 0.5 m from the street's vertex (100, 0): the vertex rule joins it there, no segment is split as well.
    streets = np.array([[0, 0, 100, 0], [100, 0, 200, 0], [100, 100.5, 100, 0.5]], dtype=float)
    length, graph = served_length([(100, 100.5)], [0], 150, streets=streets, tolerance=1.0)
    assert length == pytest.approx(199.5)
    assert graph.snapped == 0 and len(graph.xy) == 4 and len(graph.start) == 3


def test_a_dead_end_joins_only_the_nearest_segment():
    # The branch ends 0.3 m above the street and 0.8 m from a diagonal street that crosses it without a shared
    # vertex (at 45°, its nearest point to the end 0.8 m down-right of it): it moves onto the nearer street only.
    foot = np.array([100, 0.3]) + 0.8 * np.array([1, -1]) / np.sqrt(2)
    diagonal = [*(foot - 100), *(foot + 100)]
    streets = np.array([BAR, diagonal, [100, 100.5, 100, 0.3]], dtype=float)
    length, graph = served_length([(100, 100.5)], [0], 150, streets=streets, tolerance=1.0)
    assert graph.snapped == 1
    assert length == pytest.approx(199.5)
    assert len(graph.start) == 4  # the nearer street in two pieces, the farther street and the branch


@pytest.mark.parametrize("order", [(0, 1, 2), (1, 0, 2), (2, 1, 0)])
def test_a_dead_end_midway_between_two_streets_joins_the_same_one_whatever_their_order(order):
    # A branch from (100, 60) down to (100, 10) passes over the street y = 20 (no shared vertex: a bridge) and
    # ends 10 m from it and from the street y = 0 alike. It can move to one place only: the nearest point first
    # by (x, y), (100, 0), whichever line comes first in the layer.
    lines = [[0, 0, 200, 0], [0, 20, 200, 20], [100, 60, 100, 10]]
    graph = StreetGraph(np.array([lines[i] for i in order], dtype=float), flat, planar, 11.0)
    assert graph.snapped == 1
    top = int(np.flatnonzero((graph.xy == [100, 60]).all(axis=1))[0])
    branch = np.flatnonzero((graph.start == top) | (graph.end == top))
    other_end = np.where(graph.start[branch] == top, graph.end[branch], graph.start[branch])
    assert graph.xy[other_end].tolist() == [[100, 0]]
    assert graph.length[branch].tolist() == pytest.approx([60])


def test_two_ends_on_one_street_split_it_once_each():
    streets = np.array([BAR, [50, 100.5, 50, 0.5], [150, 100.5, 150, -0.5]], dtype=float)
    graph = StreetGraph(streets, flat, planar, 1.0)
    assert graph.snapped == 2
    assert sorted(graph.length.tolist()) == pytest.approx([50, 50, 100, 100.5, 100.5])
