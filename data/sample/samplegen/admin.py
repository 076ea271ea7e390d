"""County, townships and villages: a Voronoi partition with jagged shared edges that tiles exactly."""
from __future__ import annotations

import math
from collections import Counter, deque
from dataclasses import dataclass

import numpy as np
from osgeo import ogr

from . import noise, planar
from .spec import AREA_M2, CENTER, HALF_AXES, NAME_FIRST, NAME_SECOND, SEED, TOWNSHIPS
from .vector import polygon

TARGET_VILLAGES = 150


@dataclass
class Village:
    """One village or urban community."""

    geom: ogr.Geometry
    x: float
    y: float
    township: int
    code: str
    name_zh: str
    name_en: str
    urban: int


@dataclass
class Admin:
    """The administrative units, with town centres (one per township, in ``TOWNSHIPS`` order)."""

    county: ogr.Geometry
    townships: list[ogr.Geometry]
    villages: list[Village]
    centres: np.ndarray
    scale: float

    def xy(self, u: float, v: float) -> np.ndarray:
        """Map coordinates of a relative position (u west to east, v south to north)."""
        c = np.array(CENTER)
        return c + (uv_to_xy(u, v) - c) * self.scale


def uv_to_xy(u: float, v: float) -> np.ndarray:
    """Relative position to map coordinates before the final area scaling."""
    cx, cy = CENTER
    a, b = HALF_AXES
    return np.array([cx + (2 * u - 1) * a * 0.86, cy + (2 * v - 1) * b * 0.86])


def town_centres() -> np.ndarray:
    """Town centres from the townships' relative positions (before the final area scaling)."""
    return np.array([uv_to_xy(t.u, t.v) for t in TOWNSHIPS])


def _outline_factor(x: np.ndarray, y: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Normalised radius of points over the wiggly outline radius (< 1 inside the county outline)."""
    cx, cy = CENTER
    a, b = HALF_AXES
    dx, dy = (x - cx) / a, (y - cy) / b
    theta = np.arctan2(dy, dx)
    m = np.ones_like(theta)
    for k, amp in ((2, 0.05), (3, 0.07), (4, 0.05), (5, 0.04), (7, 0.03)):
        m += amp * np.cos(k * theta + rng.uniform(0, 2 * np.pi))
    return np.hypot(dx, dy) / m


def _poisson_seeds(centres: np.ndarray, r0: float, rng: np.random.Generator) -> np.ndarray:
    """Poisson-disc points (town centres first), denser in towns and sparser in the western hills."""
    cx, cy = CENTER
    a, b = HALF_AXES
    n = 9000
    cand = np.stack([rng.uniform(cx - 1.45 * a, cx + 1.45 * a, n), rng.uniform(cy - 1.45 * b, cy + 1.45 * b, n)], 1)
    radii = np.array([t.radius_2020 for t in TOWNSHIPS])
    d = np.hypot(cand[:, None, 0] - centres[None, :, 0], cand[:, None, 1] - centres[None, :, 1])
    townness = np.exp(-((d / (1.6 * radii)) ** 2)).max(axis=1)
    west = np.clip((cx - 0.45 * a - cand[:, 0]) / (0.6 * a), 0.0, 1.0)
    r = r0 * (1.0 - 0.6 * townness) * (1.0 + 0.35 * west)
    pts = [tuple(c) for c in centres]
    arr = np.array(pts)
    for p, rp in zip(cand, r):
        if np.min(np.hypot(arr[:, 0] - p[0], arr[:, 1] - p[1])) > rp:
            pts.append(tuple(p))
            arr = np.array(pts)
    return arr


def _assign_townships(seeds: np.ndarray, areas: np.ndarray, adjacency: list[set[int]]) -> np.ndarray:
    """Power-diagram assignment of seeds to townships, weights tuned to the target areas, then made connected."""
    n_t = len(TOWNSHIPS)
    centres = seeds[:n_t]
    target = np.array([t.area_km2 for t in TOWNSHIPS], float)
    target *= areas.sum() / target.sum()
    weights = np.zeros(n_t)
    d2 = ((seeds[:, None, :] - centres[None, :, :]) ** 2).sum(axis=2)
    for _ in range(200):
        label = np.argmin(d2 - weights[None, :], axis=1)
        label[:n_t] = np.arange(n_t)
        got = np.bincount(label, weights=areas, minlength=n_t)
        weights += 0.15 * (target - got) / np.pi
    changed = True
    while changed:
        changed = False
        for t in range(n_t):
            seen, queue = {t}, deque([t])
            while queue:
                i = queue.popleft()
                for j in adjacency[i]:
                    if j not in seen and label[j] == t:
                        seen.add(j)
                        queue.append(j)
            for i in np.flatnonzero(label == t):
                if i not in seen:
                    votes = Counter(int(label[j]) for j in adjacency[i] if label[j] != t)
                    if votes:
                        label[i] = votes.most_common(1)[0][0]
                        changed = True
    return label


class _Cells:
    """Voronoi cells of the inside seeds built from shared jagged edges, one per Delaunay edge ``(lo, hi)``,
    stored running from the circumcentre of the triangle right of ``lo -> hi`` to the one on its left."""

    def __init__(self, points: np.ndarray, tris: np.ndarray, n_inside: int) -> None:
        self.cc = planar.circumcentres(points, tris)
        self.fans = planar.fans(tris, n_inside)
        owner = {(tri[k], tri[(k + 1) % 3]): t for t, tri in enumerate(tris.tolist()) for k in range(3)}
        self.ends: dict[tuple[int, int], tuple[int, int]] = {}
        self.edges: dict[tuple[int, int], np.ndarray] = {}
        self.rough: dict[tuple[int, int], float] = {}
        self.cell_edges: list[list[tuple[int, int]]] = []
        for v, fan in enumerate(self.fans):
            items = []
            for t in fan:
                tri = tris[t].tolist()
                c = tri[(tri.index(v) + 1) % 3]  # the edge v -> c of triangle t: the cell's edge ends at t
                key = (min(v, c), max(v, c))
                self.ends[key] = (owner[(key[1], key[0])], owner[key])
                self.rough.setdefault(key, 0.12)
                items.append(key)
            self.cell_edges.append(items)
        for key in self.rough:
            self._make_edge(key)

    def _make_edge(self, key: tuple[int, int]) -> None:
        rng = np.random.default_rng([SEED, 11, key[0], key[1], int(self.rough[key] * 1e6)])
        a, b = (self.cc[t] for t in self.ends[key])
        if np.allclose(a, b):
            self.edges[key] = np.array([a, b])
        else:
            self.edges[key] = noise.jagged_line(a, b, rng, self.rough[key], 80.0)

    def directed(self, v: int, key: tuple[int, int]) -> tuple[int, int, np.ndarray]:
        """Edge ``key`` as cell ``v`` runs it counter-clockwise: (start triangle, end triangle, vertices)."""
        (ta, tb), line = self.ends[key], self.edges[key]
        return (ta, tb, line) if v == key[0] else (tb, ta, line[::-1])

    def ring(self, i: int) -> np.ndarray:
        return planar.chain([self.directed(i, key) for key in self.cell_edges[i]])

    def outline(self, members: np.ndarray) -> np.ndarray:
        """The ring around the cells ``members``: their edges that no other member shares."""
        inside = set(members.tolist())
        return planar.chain([self.directed(v, key) for v in members.tolist() for key in self.cell_edges[v]
                             if key[0] + key[1] - v not in inside])

    def smooth(self, i: int) -> None:
        """Halve the roughness of every edge of cell ``i`` (used when a cell came out invalid)."""
        for key in self.cell_edges[i]:
            self.rough[key] = 0.0 if self.rough[key] < 0.02 else self.rough[key] / 2
            self._make_edge(key)

    def scale(self, s: float) -> None:
        c = np.array(CENTER)
        for key, line in self.edges.items():
            self.edges[key] = c + (line - c) * s


def _names(rng: np.random.Generator, count: int) -> list[tuple[str, str]]:
    combos = [(f1 + s2, p1 + p2) for f1, p1 in NAME_FIRST for s2, p2 in NAME_SECOND]
    order = rng.permutation(len(combos))[:count]
    return [combos[k] for k in order]


def build_admin() -> Admin:
    """Build the county partition; deterministic for the module seed."""
    rng = np.random.default_rng([SEED, 1])
    centres = town_centres()
    r0 = 2600.0
    for _ in range(8):
        pts = _poisson_seeds(centres, r0, np.random.default_rng([SEED, 3]))
        rho = _outline_factor(pts[:, 0], pts[:, 1], np.random.default_rng([SEED, 2]))
        inside = rho < 1.0
        inside[: len(centres)] = True
        count = int(inside.sum())
        if abs(count - TARGET_VILLAGES) <= 3:
            break
        r0 *= (count / TARGET_VILLAGES) ** 0.5
    keep = rho < 1.4
    keep[: len(centres)] = True
    order = np.concatenate([np.flatnonzero(inside), np.flatnonzero(keep & ~inside)])
    seeds = pts[order]
    n_in = int(inside.sum())
    cx, cy = CENTER
    a, b = HALF_AXES
    ang = np.linspace(0, 2 * np.pi, 24, endpoint=False)
    far = np.stack([cx + 3.0 * a * np.cos(ang), cy + 3.0 * b * np.sin(ang)], axis=1)
    points = np.vstack([seeds, far])
    tris = planar.delaunay(points)
    cells = _Cells(points, tris, n_in)
    areas = np.array([planar.ring_area(cells.cc[fan]) for fan in cells.fans])
    adjacency: list[set[int]] = [set() for _ in range(n_in)]
    for tri in tris:
        for p in range(3):
            i, j = int(tri[p]), int(tri[(p + 1) % 3])
            if i < n_in and j < n_in:
                adjacency[i].add(j)
                adjacency[j].add(i)
    label = _assign_townships(points[:n_in], areas, adjacency)

    for _ in range(12):
        bad = [i for i in range(n_in) if not planar.is_simple(cells.ring(i))]
        if not bad:
            break
        for i in bad:
            cells.smooth(i)
    else:
        raise RuntimeError("village polygons stay invalid")
    total = math.fsum(planar.ring_area(cells.ring(i)) for i in range(n_in))
    s = (AREA_M2 / total) ** 0.5
    cells.scale(s)
    c = np.array(CENTER)
    seeds_in = c + (points[:n_in] - c) * s

    village_geoms = [polygon(cells.ring(i)) for i in range(n_in)]
    townships = [polygon(cells.outline(np.flatnonzero(label == t))) for t in range(len(TOWNSHIPS))]
    county = polygon(cells.outline(np.arange(n_in)))

    names = _names(rng, n_in)
    villages: list[Village] = []
    for t, town in enumerate(TOWNSHIPS):
        members = np.flatnonzero(label == t)
        dist = np.hypot(seeds_in[members, 0] - seeds_in[t, 0], seeds_in[members, 1] - seeds_in[t, 1])
        n_comm = n_vil = 0
        for i in members[np.argsort(dist, kind="stable")]:
            d = float(np.hypot(*(seeds_in[i] - seeds_in[t])))
            urban = int(d < 1.15 * town.radius_2015)
            zh, en = names[i]
            if urban:
                n_comm += 1
                code, zh, en = f"{town.code}{n_comm:03d}", zh + "社区", en + " Community"
            else:
                n_vil += 1
                code, zh, en = f"{town.code}{200 + n_vil:03d}", zh + "村", en + " Village"
            villages.append(Village(village_geoms[i], float(seeds_in[i, 0]), float(seeds_in[i, 1]), t, code,
                                    zh, en, urban))
    return Admin(county, townships, villages, seeds_in[: len(TOWNSHIPS)].copy(), s)
