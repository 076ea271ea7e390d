"""Plane geometry the sample county is built from, computed here rather than by GEOS so that every platform
(GEOS 3.11 on Debian 12, 3.13 on Debian 13) gets the same triangles, in the same order, and the same rings.

Delaunay triangulation: Bowyer-Watson (Bowyer 1981, Watson 1981) with the in-circle predicate evaluated exactly on
integer (millimetre) coordinates, so no rounding can make it platform-dependent.
"""
from __future__ import annotations

import math

import numpy as np

#: Integer coordinate units per map unit (millimetres for metres).
UNITS = 1000


def _in_circle(a: tuple[int, int], b: tuple[int, int], c: tuple[int, int], d: tuple[int, int]) -> bool:
    """True when ``d`` lies strictly inside the circle through the counter-clockwise ``a``, ``b``, ``c``."""
    adx, ady, bdx, bdy, cdx, cdy = a[0] - d[0], a[1] - d[1], b[0] - d[0], b[1] - d[1], c[0] - d[0], c[1] - d[1]
    return ((adx * adx + ady * ady) * (bdx * cdy - cdx * bdy) + (bdx * bdx + bdy * bdy) * (cdx * ady - adx * cdy)
            + (cdx * cdx + cdy * cdy) * (adx * bdy - bdx * ady)) > 0


def _orient(a: tuple[int, int], b: tuple[int, int], c: tuple[int, int]) -> int:
    """Twice the signed area of ``a``, ``b``, ``c`` (> 0 counter-clockwise)."""
    return (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])


def delaunay(points: np.ndarray) -> np.ndarray:
    """Triangles (m, 3) of indices into ``points`` (distinct after rounding to 1 / ``UNITS``), each counter-clockwise
    and starting at its smallest index, the rows sorted. Inserting in index order, each point replaces the
    triangles whose circumcircle holds it by a fan to its cavity's boundary."""
    pts = [(round(float(x) * UNITS), round(float(y) * UNITS)) for x, y in points]
    n = len(pts)
    if len(set(pts)) != n:
        raise ValueError("delaunay: duplicate points")
    xs, ys = [p[0] for p in pts], [p[1] for p in pts]
    span = max(max(xs) - min(xs), max(ys) - min(ys), 1) * 1000
    cx, cy = (max(xs) + min(xs)) // 2, (max(ys) + min(ys)) // 2
    pts += [(cx - 2 * span, cy - span), (cx + 2 * span, cy - span), (cx, cy + 2 * span)]
    tris: set[tuple[int, int, int]] = {(n, n + 1, n + 2)}
    for i in range(n):
        p = pts[i]
        bad = [t for t in tris if _in_circle(pts[t[0]], pts[t[1]], pts[t[2]], p)]
        edges: dict[tuple[int, int], int] = {}
        for a, b, c in bad:
            for e in ((a, b), (b, c), (c, a)):
                edges[e] = edges.get(e, 0) + 1
        tris.difference_update(bad)
        for a, b in edges:
            if (b, a) not in edges:
                tris.add((a, b, i))
    out = []
    for t in tris:
        if max(t) >= n:
            continue
        k = t.index(min(t))
        out.append(t[k:] + t[:k])
        if _orient(pts[t[0]], pts[t[1]], pts[t[2]]) <= 0:
            raise RuntimeError("delaunay: a triangle is not counter-clockwise")
    return np.array(sorted(out), dtype=np.int64).reshape(-1, 3)


def fans(tris: np.ndarray, count: int) -> list[list[int]]:
    """For each point ``0 .. count - 1`` (inside the triangulation's hull), its triangles counter-clockwise around
    it, starting with the lowest-numbered: chained through the edges they share, no angles involved."""
    after: list[dict[int, tuple[int, int]]] = [{} for _ in range(count)]
    for t, tri in enumerate(tris.tolist()):
        for k in range(3):
            v = tri[k]
            if v < count:
                after[v][tri[(k + 1) % 3]] = (tri[(k + 2) % 3], t)
    out = []
    for v, nxt in enumerate(after):
        first = min(nxt.items(), key=lambda item: item[1][1])[0]
        fan, u = [], first
        for _ in range(len(nxt)):
            u, t = nxt[u]
            fan.append(t)
            if u == first:
                break
        if u != first or len(fan) != len(nxt):
            raise RuntimeError(f"point {v} is on the triangulation's hull")
        out.append(fan)
    return out


def circumcentres(points: np.ndarray, tris: np.ndarray) -> np.ndarray:
    """Circumcentres (m, 2) of the triangles."""
    a, b, c = points[tris[:, 0]], points[tris[:, 1]], points[tris[:, 2]]
    d = 2 * (a[:, 0] * (b[:, 1] - c[:, 1]) + b[:, 0] * (c[:, 1] - a[:, 1]) + c[:, 0] * (a[:, 1] - b[:, 1]))
    sa, sb, sc = (a ** 2).sum(1), (b ** 2).sum(1), (c ** 2).sum(1)
    ux = (sa * (b[:, 1] - c[:, 1]) + sb * (c[:, 1] - a[:, 1]) + sc * (a[:, 1] - b[:, 1])) / d
    uy = (sa * (c[:, 0] - b[:, 0]) + sb * (a[:, 0] - c[:, 0]) + sc * (b[:, 0] - a[:, 0])) / d
    return np.stack([ux, uy], axis=1)


def ring_area(ring: np.ndarray) -> float:
    """Signed area of a ring (first vertex not repeated; > 0 counter-clockwise), correctly rounded (fsum)."""
    x, y = ring[:, 0], ring[:, 1]
    return 0.5 * (math.fsum((x * np.roll(y, -1)).tolist()) - math.fsum((y * np.roll(x, -1)).tolist()))


def chain(edges: list[tuple[int, int, np.ndarray]]) -> np.ndarray:
    """One ring from directed polylines ``(start node, end node, vertices)`` that join end to start; it starts at
    the lowest start node. Raises unless they form exactly one ring through distinct nodes."""
    by_start = {}
    for start, end, line in edges:
        if start in by_start:
            raise RuntimeError("ring: two boundary edges leave one node")
        by_start[start] = (end, line)
    first = min(by_start)
    parts, node = [], first
    for _ in range(len(by_start)):
        node, line = by_start[node]
        parts.append(line[:-1])
        if node == first:
            break
    if node != first or len(parts) != len(by_start):
        raise RuntimeError("ring: the boundary is not one ring")
    return np.vstack(parts)


def is_simple(ring: np.ndarray) -> bool:
    """True when the closed ring (first vertex not repeated) has at least 3 vertices, no repeated vertex and no
    two edges that meet other than consecutive ones at their shared vertex (touching or collinear counts as
    meeting, and so does an edge folding back onto the previous one): a valid polygon shell. Plain IEEE
    arithmetic, so the answer is the same on every platform (GEOS's IsValid could change between versions)."""
    n = len(ring)
    if n < 3 or len({(float(x), float(y)) for x, y in ring}) != n:
        return False
    a, b = ring, np.roll(ring, -1, axis=0)
    i, j = np.triu_indices(n, k=2)
    keep = ~((i == 0) & (j == n - 1))
    i, j = i[keep], j[keep]

    def orient(p: np.ndarray, q: np.ndarray, r: np.ndarray) -> np.ndarray:
        return np.sign((q[:, 0] - p[:, 0]) * (r[:, 1] - p[:, 1]) - (q[:, 1] - p[:, 1]) * (r[:, 0] - p[:, 0]))

    d, e = b - a, np.roll(b - a, -1, axis=0)  # consecutive edges folding back on each other (a spike)
    if np.any((d[:, 0] * e[:, 1] - d[:, 1] * e[:, 0] == 0) & (d[:, 0] * e[:, 0] + d[:, 1] * e[:, 1] < 0)):
        return False
    ai, bi, aj, bj = a[i], b[i], a[j], b[j]
    o1, o2, o3, o4 = orient(ai, bi, aj), orient(ai, bi, bj), orient(aj, bj, ai), orient(aj, bj, bi)
    boxes = ((np.minimum(ai, bi) <= np.maximum(aj, bj)) & (np.minimum(aj, bj) <= np.maximum(ai, bi))).all(axis=1)
    return not bool(np.any(boxes & (o1 * o2 <= 0) & (o3 * o4 <= 0)))
