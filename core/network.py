"""Street networks as graphs for the access indicators (pure numpy, no QGIS).

The graph is built from the lines alone: their vertices are the nodes, their straight segments the edges, walkable
both ways; within a tolerance, vertices become one node and dead ends are moved onto the segment they nearly meet
(:class:`StreetGraph`). A point (stop, facility, entry point) is tied to the
nearest point of the nearest segment, and of every other segment as near within :data:`TIE_TOLERANCE`: each such
segment is split there, so each tie node has edges to both ends whether the point lies on a vertex, inside a
segment, at a dead end or off the network; the straight walk from the point to each tie point is a further edge
that only that point starts from, and the point reaches what any of its ties reaches. Shortest paths are a
multi-source Dijkstra bounded by the distance sought.
"""
from __future__ import annotations

import heapq
from dataclasses import dataclass
from typing import Callable

import numpy as np

from .access import served_pieces

#: Ground metres per map unit in x and in y at map points (x, y).
Scales = Callable[[np.ndarray, np.ndarray], tuple[np.ndarray, np.ndarray]]
#: Ground length in metres of segments from (x0, y0) to (x1, y1) in map units.
Measure = Callable[[np.ndarray, np.ndarray, np.ndarray, np.ndarray], np.ndarray]


#: A point is tied to every segment this much (m) or less farther from it than its nearest: segments equally near
#: (two streets either side of a facility, a junction) all count, whatever the last bits of their distances.
TIE_TOLERANCE = 1e-3


@dataclass
class Ties:
    """Where the points join the network, one row per tie, ordered by point: the point (index into the points
    tied), its node, the tie point (map units) and the walk from the point to it (m). A point farther than the
    search distance from every line has none; one equally near several segments has one per distinct node."""

    point: np.ndarray
    node: np.ndarray
    xy: np.ndarray
    walk: np.ndarray

    def of(self, points: list[int]) -> np.ndarray:
        """The rows (ties) of ``points``."""
        return np.flatnonzero(np.isin(self.point, np.asarray(points, dtype=np.int64)))

    def count(self, n: int) -> np.ndarray:
        """The number of ties of each of the ``n`` points (0: not tied in)."""
        return np.bincount(self.point, minlength=n)


def merge_vertices(xy: np.ndarray, scales: Scales, tolerance: float) -> tuple[np.ndarray, np.ndarray]:
    """Nodes of the vertices ``xy``: (node coordinates, node of each vertex). Equal coordinates are one node;
    with ``tolerance`` > 0 (m), taking the vertices in x, then y order, one within the tolerance of an earlier
    node joins the nearest such node (so nodes are more than the tolerance apart)."""
    unique, inverse = np.unique(xy, axis=0, return_inverse=True)
    inverse = inverse.ravel()
    if tolerance <= 0 or len(unique) < 2:
        return unique, inverse
    later, earlier, _, _ = segment_pairs(np.hstack([unique, unique]), unique, scales, tolerance)
    near = earlier < later  # ordered by the later vertex, then distance
    target = np.arange(len(unique))
    for i, j in zip(later[near].tolist(), earlier[near].tolist()):
        if target[i] == i and target[j] == j:
            target[i] = j
    keep, renumber = np.unique(target, return_inverse=True)
    return unique[keep], renumber.ravel()[inverse]


def segment_pairs(segments: np.ndarray, points: np.ndarray, scales: Scales,
                  search: float) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Every (point, segment) closer than ``search`` metres, ordered by point, then distance, then segment:
    (point index, segment index, position t in [0, 1] of the segment's nearest point, distance in m).
    Distances are measured in the point's local metres (the CRS's scale there)."""
    n = len(points)
    if n == 0 or len(segments) == 0:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64), np.zeros(0), np.zeros(0)
    lo = np.minimum(segments[:, :2], segments[:, 2:])
    hi = np.maximum(segments[:, :2], segments[:, 2:])
    point_kx, point_ky = scales(points[:, 0], points[:, 1])  # distances are in each point's own metres
    reach = search / max(min(float(np.min(point_kx)), float(np.min(point_ky))), 1e-300)  # map units, the widest
    size = float(np.median(np.max(hi - lo, axis=1)))
    cell = max(reach, size, 1e-9 * max(1.0, float(np.max(np.abs(hi)))))
    origin = np.minimum(lo.min(axis=0), points.min(axis=0))
    c_lo = np.floor((lo - origin) / cell).astype(np.int64)
    c_hi = np.floor((hi - origin) / cell).astype(np.int64)
    rows = int(max(c_hi[:, 1].max(), np.floor((points[:, 1].max() - origin[1]) / cell))) + 3
    spans = (c_hi - c_lo + 1)
    counts = spans[:, 0] * spans[:, 1]
    owner = np.repeat(np.arange(len(segments)), counts)
    offset = np.arange(owner.size) - np.repeat(np.cumsum(counts) - counts, counts)
    keys = (c_lo[owner, 0] + offset // spans[owner, 1]) * rows + c_lo[owner, 1] + offset % spans[owner, 1]
    order = np.argsort(keys, kind="stable")
    keys, owner = keys[order], owner[order]
    cells = np.floor((points - origin) / cell).astype(np.int64)
    near = np.array([(cells[:, 0] + dx) * rows + cells[:, 1] + dy for dx in (-1, 0, 1) for dy in (-1, 0, 1)]).T
    first, last = np.searchsorted(keys, near, side="left"), np.searchsorted(keys, near, side="right")
    counts = (last - first).ravel()
    point = np.repeat(np.repeat(np.arange(n), 9), counts)
    slot = np.repeat(first.ravel(), counts) + np.arange(counts.sum()) - np.repeat(np.cumsum(counts) - counts, counts)
    candidate = owner[slot]
    pair = np.unique(np.column_stack([point, candidate]), axis=0)
    point, candidate = pair[:, 0], pair[:, 1]
    pkx, pky = point_kx[point], point_ky[point]
    s = segments[candidate]
    ax, ay = (points[point, 0] - s[:, 0]) * pkx, (points[point, 1] - s[:, 1]) * pky
    dx, dy = (s[:, 2] - s[:, 0]) * pkx, (s[:, 3] - s[:, 1]) * pky
    length2 = dx * dx + dy * dy
    with np.errstate(invalid="ignore", divide="ignore"):
        t = np.where(length2 > 0, np.clip((ax * dx + ay * dy) / length2, 0.0, 1.0), 0.0)
    distance = np.hypot(ax - t * dx, ay - t * dy)
    within = distance <= search
    point, candidate, t, distance = point[within], candidate[within], t[within], distance[within]
    order = np.lexsort((candidate, distance, point))
    return point[order], candidate[order], t[order], distance[order]


def _heads(point: np.ndarray) -> np.ndarray:
    """Which rows, ordered by point, are the first of their point."""
    head = np.ones(len(point), dtype=bool)
    head[1:] = point[1:] != point[:-1]
    return head


def first_of_each(point: np.ndarray, n: int, *columns: np.ndarray) -> list[np.ndarray]:
    """The first row of each point of :func:`segment_pairs`' (filtered) rows: each column per point, -1 / 0 / inf
    (for an index, a position, a distance) where a point has none."""
    head = _heads(point)
    out = []
    for column, empty in zip(columns, (-1, 0.0, np.inf)):
        values = np.full(n, empty, dtype=column.dtype)
        values[point[head]] = column[head]
        out.append(values)
    return out


def equally_near(point: np.ndarray, distance: np.ndarray) -> np.ndarray:
    """Which of :func:`segment_pairs`' rows are within :data:`TIE_TOLERANCE` of their point's nearest."""
    head = _heads(point)
    return distance <= distance[head][np.cumsum(head) - 1] + TIE_TOLERANCE


class StreetGraph:
    """An undirected graph of street segments with points tied in; edge lengths from ``measure``.

    With ``tolerance`` > 0 (m), lines that nearly meet are joined: vertices within the tolerance become one node
    (:func:`merge_vertices`), then each dead end (a node with one neighbour) within the tolerance of a segment
    other than its own is moved onto the nearest point of the nearest such segment, which is split there. Both
    joins snap: the gap is closed, not walked, and the moved ends' segments are measured from where they end now.
    """

    def __init__(self, segments: np.ndarray, scales: Scales, measure: Measure, tolerance: float = 0.0):
        segments = np.asarray(segments, dtype=np.float64).reshape(-1, 4)
        self.scales, self.measure = scales, measure
        self.xy, node = merge_vertices(segments.reshape(-1, 2), scales, tolerance)
        ends = node.reshape(-1, 2)
        ends = ends[ends[:, 0] != ends[:, 1]]
        self.start, self.end = ends[:, 0].copy(), ends[:, 1].copy()
        self.length = self._lengths(self.start, self.end)
        self.snapped = self._join_dead_ends(tolerance) if tolerance > 0 else 0
        self.ties = Ties(np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64), np.zeros((0, 2)), np.zeros(0))
        self.points = np.zeros((0, 2))

    def _lengths(self, start: np.ndarray, end: np.ndarray) -> np.ndarray:
        a, b = self.xy[start], self.xy[end]
        return np.asarray(self.measure(a[:, 0], a[:, 1], b[:, 0], b[:, 1]), dtype=np.float64)

    def segments(self) -> np.ndarray:
        """The edges as (x0, y0, x1, y1) rows."""
        return np.hstack([self.xy[self.start], self.xy[self.end]])

    def dead_ends(self) -> np.ndarray:
        """Nodes with exactly one neighbour."""
        pairs = np.unique(np.sort(np.column_stack([self.start, self.end]), axis=1), axis=0)
        return np.flatnonzero(np.bincount(pairs.ravel(), minlength=len(self.xy)) == 1)

    def _join_dead_ends(self, tolerance: float) -> int:
        """Move each dead end within ``tolerance`` metres of a segment not its own onto that segment's nearest
        point (the segment split there; an end of it when that is the nearest point, unless that end moves too);
        its edge is measured again. Where several segments are equally near (:func:`equally_near`) the end goes to
        the nearest point that comes first by x, then y: the same whatever the order of the lines. The number of
        dead ends moved."""
        dead = self.dead_ends()
        segments = self.segments()
        point, edge, t, distance = segment_pairs(segments, self.xy[dead], self.scales, tolerance)
        other = (self.start[edge] != dead[point]) & (self.end[edge] != dead[point])
        point, edge, t, distance = point[other], edge[other], t[other], distance[other]
        near = equally_near(point, distance)  # an end moves to one place: of equally near ones, the first by (x, y)
        point, edge, t = point[near], edge[near], t[near]
        piece = segments[edge]
        foot = piece[:, :2] + t[:, None] * (piece[:, 2:] - piece[:, :2])
        order = np.lexsort((foot[:, 1], foot[:, 0], point))
        edge, t = first_of_each(point[order], len(dead), edge[order], t[order])
        found = edge >= 0
        dead, edge, t = dead[found], edge[found], t[found]
        target = np.where(t <= 0, self.start[edge], self.end[edge])
        inner = (t > 0) & (t < 1)
        keep = inner | ~np.isin(target, dead)
        dead, edge, t, target, inner = dead[keep], edge[keep], t[keep], target[keep], inner[keep]
        if not dead.size:
            return 0
        target[inner] = self._split(edge[inner], t[inner])
        moved = np.isin(self.start, dead) | np.isin(self.end, dead)
        to = np.arange(len(self.xy))
        to[dead] = target
        self.start, self.end = to[self.start], to[self.end]
        self.length[moved] = self._lengths(self.start[moved], self.end[moved])
        loop = self.start == self.end
        self.start, self.end, self.length = self.start[~loop], self.end[~loop], self.length[~loop]
        return int(dead.size)

    def _split(self, edge: np.ndarray, position: np.ndarray) -> np.ndarray:
        """Split edges ``edge`` at ``position`` (0 < t < 1 from start to end), once per distinct (edge, position):
        the new node of each."""
        cuts, which = np.unique(np.column_stack([edge, position]), axis=0, return_inverse=True)
        edge, position = cuts[:, 0].astype(np.int64), cuts[:, 1]
        a, b = self.xy[self.start[edge]], self.xy[self.end[edge]]
        new = len(self.xy) + np.arange(len(cuts))
        self.xy = np.vstack([self.xy, a + (b - a) * position[:, None]])
        # Pieces of each split edge: start -> cut 1 -> ... -> cut k -> end (cuts sorted by edge then t).
        first = np.ones(len(cuts), dtype=bool)
        first[1:] = edge[1:] != edge[:-1]
        last = np.ones(len(cuts), dtype=bool)
        last[:-1] = edge[1:] != edge[:-1]
        piece_start = np.where(first, self.start[edge], np.roll(new, 1))
        starts = np.concatenate([piece_start, new[last]])
        ends = np.concatenate([new, self.end[edge[last]]])
        keep = np.ones(len(self.start), dtype=bool)
        keep[edge] = False
        self.start = np.concatenate([self.start[keep], starts])
        self.end = np.concatenate([self.end[keep], ends])
        self.length = np.concatenate([self.length[keep], self._lengths(starts, ends)])
        return new[which.ravel()]

    def tie(self, points: np.ndarray, search: float) -> Ties:
        """Tie ``points`` (map units) into the graph: each to the nearest point of every segment within
        :data:`TIE_TOLERANCE` of its nearest within ``search`` metres, splitting those segments there (once per
        distinct position); a point on a vertex has one tie there, however many segments meet at it."""
        points = np.asarray(points, dtype=np.float64).reshape(-1, 2)
        point, index, t, distance = segment_pairs(self.segments(), points, self.scales, search)
        near = equally_near(point, distance)
        point, index, t = point[near], index[near], t[near]
        node = np.where(t <= 0, self.start[index], self.end[index])
        inner = (t > 0) & (t < 1)
        if inner.any():
            node[inner] = self._split(index[inner], t[inner])
        once = np.sort(np.unique(np.column_stack([point, node]), axis=0, return_index=True)[1])  # vertex ties
        point, node = point[once], node[once]
        xy = self.xy[node]
        tied = points[point]
        walk = np.asarray(self.measure(tied[:, 0], tied[:, 1], xy[:, 0], xy[:, 1]), dtype=np.float64)
        self.points, self.ties = points, Ties(point, node, xy, walk)
        return self.ties

    def costs(self, sources: list[int], limit: float) -> np.ndarray:
        """Network distance (m) of every node from the nearest of the tied points ``sources`` (indices into the
        points tied), each starting from each of its tie nodes with the walk to it; exact up to ``limit``, above
        it any value over the limit."""
        order = np.argsort(np.concatenate([self.start, self.end]), kind="stable")
        heads = np.concatenate([self.end, self.start])[order].tolist()
        weights = np.concatenate([self.length, self.length])[order].tolist()
        pointer = np.searchsorted(np.concatenate([self.start, self.end])[order],
                                  np.arange(len(self.xy) + 1)).tolist()
        cost = [np.inf] * len(self.xy)
        heap = []
        rows = self.ties.of(sources)
        for node, walk in zip(self.ties.node[rows].tolist(), self.ties.walk[rows].tolist()):
            if walk < cost[node]:
                cost[node] = walk
                heap.append((walk, node))
        heapq.heapify(heap)
        while heap:
            d, u = heapq.heappop(heap)
            if d > cost[u]:
                continue
            if d > limit:
                break
            for k in range(pointer[u], pointer[u + 1]):
                v, nd = heads[k], d + weights[k]
                if nd < cost[v]:
                    cost[v] = nd
                    heapq.heappush(heap, (nd, v))
        return np.array(cost, dtype=np.float64)

    def served(self, sources: list[int], limit: float) -> np.ndarray:
        """Segments (x0, y0, x1, y1) of the network within ``limit`` metres of the ``sources``: every part of
        every edge, cut at the exact position, and of each source's own walks to its tie points."""
        rows = self.ties.of(sources)
        if not rows.size:
            return np.zeros((0, 4))
        cost = self.costs(sources, limit)
        starts = np.concatenate([self.xy[self.start], self.points[self.ties.point[rows]]])
        ends = np.concatenate([self.xy[self.end], self.ties.xy[rows]])
        index, t0, t1 = served_pieces(np.concatenate([cost[self.start], np.zeros(len(rows))]),
                                      np.concatenate([cost[self.end], cost[self.ties.node[rows]]]),
                                      np.concatenate([self.length, self.ties.walk[rows]]), limit)
        a, b = starts[index], ends[index]
        return np.hstack([a + (b - a) * t0[:, None], a + (b - a) * t1[:, None]])
