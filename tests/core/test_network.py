"""core.network: the tie-in of points into a street graph and bounded shortest paths, against hand-worked
cases on a planar network (lengths in metres, no projection)."""
from __future__ import annotations

import numpy as np
import pytest
from sdg_monitor.core.network import StreetGraph, merge_vertices, nearest_segments


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
    assert graph.ties.node[0] == -1
    assert length == 0
    assert served_length([(50, 80)], [0], 500, search=60)[1].ties.node[0] >= 0  # 50 m from the street


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


def test_nearest_segment_ties_break_to_the_first_and_far_points_get_none():
    segments = np.array([[0, 0, 10, 0], [0, 2, 10, 2], [1000, 1000, 1001, 1000]], dtype=float)
    index, t, distance = nearest_segments(segments, np.array([[5, 1], [5, 1.5], [500, 500]]), flat, 10)
    assert index.tolist() == [0, 1, -1]
    assert t[:2] == pytest.approx([0.5, 0.5])
    assert distance[:2] == pytest.approx([1, 0.5])


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


def test_two_ends_on_one_street_split_it_once_each():
    streets = np.array([BAR, [50, 100.5, 50, 0.5], [150, 100.5, 150, -0.5]], dtype=float)
    graph = StreetGraph(streets, flat, planar, 1.0)
    assert graph.snapped == 2
    assert sorted(graph.length.tolist()) == pytest.approx([50, 50, 100, 100.5, 100.5])
