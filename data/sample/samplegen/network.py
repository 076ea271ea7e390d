"""Town street grids, the road network (a connected graph with shared nodes), bus stops and railways."""
from __future__ import annotations

import heapq
from collections import deque
from dataclasses import dataclass

import numpy as np

from . import noise
from .admin import Admin
from .gridio import Grid
from .planar import delaunay
from .spec import SEED, TOWNSHIPS


@dataclass
class TownGrid:
    """A town's street grid: rotated lattice nodes (key (i, j)) around the centre."""

    index: int
    centre: np.ndarray
    angle: float
    spacing: float
    aspect: float
    nodes: dict[tuple[int, int], np.ndarray]

    def local(self, x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Coordinates in the grid's rotated frame, relative to the centre."""
        dx, dy = np.asarray(x) - self.centre[0], np.asarray(y) - self.centre[1]
        ca, sa = np.cos(self.angle), np.sin(self.angle)
        return dx * ca + dy * sa, -dx * sa + dy * ca

    def world(self, lx: np.ndarray, ly: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Map coordinates of points given in the grid's frame."""
        ca, sa = np.cos(self.angle), np.sin(self.angle)
        return self.centre[0] + lx * ca - ly * sa, self.centre[1] + lx * sa + ly * ca

    def shape_distance(self, x: np.ndarray, y: np.ndarray) -> np.ndarray:
        """Elliptical distance from the centre (m) used for the town's extent."""
        lx, ly = self.local(x, y)
        return np.hypot(lx / self.aspect, ly * self.aspect)

    def blocks(self) -> list[tuple[int, int]]:
        """Blocks (keyed by their south-west corner) whose four corners are street crossings."""
        return [(i, j) for i, j in self.nodes
                if (i + 1, j) in self.nodes and (i, j + 1) in self.nodes and (i + 1, j + 1) in self.nodes]

    def block_ring(self, i: int, j: int, margin: float) -> np.ndarray:
        """Closed ring of a block's interior, ``margin`` metres in from the street centre lines."""
        s = self.spacing
        lx = np.array([i * s + margin, (i + 1) * s - margin, (i + 1) * s - margin, i * s + margin, i * s + margin])
        ly = np.array([j * s + margin, j * s + margin, (j + 1) * s - margin, (j + 1) * s - margin, j * s + margin])
        return np.stack(self.world(lx, ly), axis=1)

    def nearest(self, p: np.ndarray) -> np.ndarray:
        keys = list(self.nodes)
        pts = np.array([self.nodes[k] for k in keys])
        return pts[int(np.argmin(np.hypot(pts[:, 0] - p[0], pts[:, 1] - p[1])))]


@dataclass
class Road:
    """A road segment between two network nodes."""

    line: np.ndarray
    cls: str
    surface: str
    all_season: int
    name_zh: str = ""
    name_en: str = ""


def build_towns(admin: Admin, grid: Grid, inside: np.ndarray, lakes: np.ndarray, dem: np.ndarray) -> list[TownGrid]:
    """Street grids for the 13 towns: within the town's 2020 extent, on land, in the county, not up hills."""
    towns = []
    for t, spec in enumerate(TOWNSHIPS):
        rng = np.random.default_rng([SEED, 40, t])
        spacing = 180.0 if t == 0 else 210.0
        town = TownGrid(t, admin.centres[t], float(rng.uniform(-0.4, 0.4)), spacing, float(rng.uniform(1.0, 1.3)), {})
        n = int(spec.radius_2020 * 1.5 / spacing) + 1
        ii, jj = np.meshgrid(np.arange(-n, n + 1), np.arange(-n, n + 1), indexing="ij")
        x, y = town.world(ii.ravel() * spacing, jj.ravel() * spacing)
        wobble = noise.point_noise(x, y, 900.0, SEED + 41)
        ok = town.shape_distance(x, y) < spec.radius_2020 * (0.95 + 0.15 * wobble)
        z0 = float(grid.sample(dem, town.centre[0], town.centre[1]))
        ok &= grid.sample(inside, x, y) & ~grid.sample(lakes, x, y) & (grid.sample(dem, x, y) < z0 + 40.0)
        cand = {(int(i), int(j)): np.array([xi, yi]) for i, j, xi, yi, k in
                zip(ii.ravel(), jj.ravel(), x, y, ok) if k or (i == 0 and j == 0)}
        seen, queue = {(0, 0)}, deque([(0, 0)])
        while queue:
            i, j = queue.popleft()
            for key in ((i + 1, j), (i - 1, j), (i, j + 1), (i, j - 1)):
                if key in cand and key not in seen:
                    seen.add(key)
                    queue.append(key)
        town.nodes = {k: cand[k] for k in sorted(seen)}
        town.centre = cand[(0, 0)]
        towns.append(town)
    return towns


def _profile(grid: Grid, dem: np.ndarray, a: np.ndarray, b: np.ndarray) -> tuple[float, float]:
    t = np.linspace(0.0, 1.0, 12)
    z = grid.sample(dem, a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t)
    return float(z.mean()), float(z.max())


def _mst(n: int, edges: list[tuple[float, int, int]]) -> set[tuple[int, int]]:
    parent = list(range(n))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    tree = set()
    for _, i, j in sorted(edges):
        ri, rj = find(i), find(j)
        if ri != rj:
            parent[ri] = rj
            tree.add((i, j))
    if len(tree) != n - 1:
        raise RuntimeError("road graph is not connected")
    return tree


def _shortest_path(adj: dict[int, list[tuple[int, float]]], src: int, dst: int) -> list[tuple[int, int]]:
    dist, prev, heap = {src: 0.0}, {}, [(0.0, src)]
    while heap:
        d, i = heapq.heappop(heap)
        if i == dst:
            break
        if d > dist[i]:
            continue
        for j, w in adj[i]:
            if d + w < dist.get(j, np.inf):
                dist[j], prev[j] = d + w, i
                heapq.heappush(heap, (d + w, j))
    path, i = [], dst
    while i != src:
        path.append((min(i, prev[i]), max(i, prev[i])))
        i = prev[i]
    return path


def _motorways(admin: Admin, towns: list[TownGrid], county_geom) -> list[Road]:
    from .terrain import line_string

    rng = np.random.default_rng([SEED, 42])
    roads = []
    for name_zh, name_en, ctrl in (("G25长深高速", "G25 Changshen Expressway",
                                    ((0.50, -0.15), (0.49, 0.30), (0.515, 0.62), (0.54, 1.15))),
                                   ("S13练杭高速", "S13 Lianhang Expressway",
                                    ((-0.15, 0.80), (0.30, 0.83), (0.62, 0.75), (1.15, 0.69)))):
        pts = [admin.xy(u, v) for u, v in ctrl]
        line = np.vstack([noise.jagged_line(a, b, rng, 0.02, 150.0)[:-1] for a, b in zip(pts[:-1], pts[1:])]
                         + [pts[-1][None, :]])
        clipped = line_string(line).Intersection(county_geom)
        parts = [clipped] if clipped.GetGeometryType() == 2 else [clipped.GetGeometryRef(k) for k in
                                                                   range(clipped.GetGeometryCount())]
        for part in parts:
            arr = np.array(part.GetPoints())[:, :2]
            if part.Length() < 3000.0:
                continue
            dist = np.array([np.hypot(arr[:, 0] - t.centre[0], arr[:, 1] - t.centre[1]) for t in towns])
            near = [t for t in range(len(towns)) if dist[t].min() < 3500.0] or [int(np.argmin(dist.min(axis=1)))]
            cuts = set()
            for t in near:
                k = int(np.clip(np.argmin(dist[t]), 1, len(arr) - 2))
                cuts.add(k)
                link = noise.jagged_line(arr[k], towns[t].nearest(arr[k]), rng, 0.03, 100.0)
                roads.append(Road(link, "primary", "paved", 1))
            bounds = [0, *sorted(cuts), len(arr) - 1]
            for a, b in zip(bounds[:-1], bounds[1:]):
                roads.append(Road(arr[a:b + 1], "motorway", "paved", 1, name_zh, name_en))
    return roads


def build_roads(admin: Admin, towns: list[TownGrid], grid: Grid, dem: np.ndarray, inside: np.ndarray,
                lakes: np.ndarray) -> list[Road]:
    """All road segments; every segment ends on a node shared with the rest of the network."""
    rng = np.random.default_rng([SEED, 43])
    roads: list[Road] = []
    for town in towns:
        for (i, j), p in town.nodes.items():
            for key in ((i + 1, j), (i, j + 1)):
                if key in town.nodes:
                    roads.append(Road(np.array([p, town.nodes[key]]), "residential", "paved", 1))
    positions = [town.centre for town in towns]
    for v in admin.villages:
        town = towns[v.township]
        p = np.array([v.x, v.y])
        in_town = town.shape_distance(v.x, v.y) < TOWNSHIPS[v.township].radius_2020 * 0.95
        if in_town:
            q = town.nearest(p)
            if np.hypot(*(q - p)) > 1.0:
                roads.append(Road(np.array([p, q]), "residential", "paved", 1))
        else:
            positions.append(p)
    nodes = np.array(positions)
    n_t = len(towns)
    edges = []
    for tri in delaunay(nodes):
        for k in range(3):
            i, j = sorted((int(tri[k]), int(tri[(k + 1) % 3])))
            a, b = nodes[i], nodes[j]
            length = float(np.hypot(*(b - a)))
            t = np.linspace(0.05, 0.95, 24)
            xs, ys = a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t
            good = length < 7000.0 and grid.sample(inside, xs, ys).all() and not grid.sample(lakes, xs, ys).any()
            edges.append((length * (1.0 if good else 20.0), i, j))
    edges = sorted(set(edges))
    tree = _mst(len(nodes), edges)
    edges = [(w, i, j) for w, i, j in edges if (i, j) in tree or w < 7000.0]
    adj: dict[int, list[tuple[int, float]]] = {i: [] for i in range(len(nodes))}
    for weight, i, j in edges:
        adj[i].append((j, weight))
        adj[j].append((i, weight))
    primary: set[tuple[int, int]] = set()
    for tri in delaunay(nodes[:n_t]):
        for k in range(3):
            i, j = sorted((int(tri[k]), int(tri[(k + 1) % 3])))
            if np.hypot(*(nodes[i] - nodes[j])) < 16000.0:
                primary.update(_shortest_path(adj, i, j))

    def endpoint(i: int, other: np.ndarray) -> np.ndarray:
        return towns[i].nearest(other) if i < n_t else nodes[i]

    for _, i, j in edges:
        key = (i, j)
        length = float(np.hypot(*(nodes[j] - nodes[i])))
        mean_z, max_z = _profile(grid, dem, nodes[i], nodes[j])
        hilly = mean_z > 120.0 or max_z > 250.0
        if key in primary:
            cls, surface, season = "primary", "paved", 1
        elif key in tree:
            if i < n_t or j < n_t or (not hilly and rng.uniform() < 0.35):
                cls, surface, season = "secondary", "paved", 1
            elif hilly:
                cls, surface, season = "track", "unpaved", int(rng.uniform() < 0.5)
            else:
                cls, surface, season = "tertiary", "paved", 1
        else:
            if length > 4000.0 or rng.uniform() > 0.45:
                continue
            if hilly or mean_z > 60.0:
                cls, surface, season = "track", "unpaved", 0
            elif rng.uniform() < 0.25:
                cls, surface, season = "track", "unpaved", int(rng.uniform() < 0.5)
            else:
                cls, surface, season = "tertiary", "paved", 1
        a = endpoint(i, nodes[j])
        b = endpoint(j, a)
        line = noise.jagged_line(a, b, np.random.default_rng([SEED, 44, i, j]), 0.05, 120.0)
        roads.append(Road(line, cls, surface, season))
    for k in range(n_t, len(nodes)):
        p = nodes[k]
        z = float(grid.sample(dem, p[0], p[1]))
        for n_extra in range(2 if z > 40.0 else 1):
            ang = rng.uniform(0, 2 * np.pi)
            length = rng.uniform(1000.0, 2500.0) if z > 40.0 else rng.uniform(500.0, 900.0)
            end = p + length * np.array([np.cos(ang), np.sin(ang)])
            if not (grid.sample(inside, end[0], end[1]) and not grid.sample(lakes, end[0], end[1])):
                continue
            season = 0 if z > 40.0 else int(rng.uniform() < 0.5)
            line = noise.jagged_line(p, end, np.random.default_rng([SEED, 45, k, n_extra]), 0.08, 100.0)
            roads.append(Road(line, "track", "unpaved", season))
    roads.extend(_motorways(admin, towns, admin.county))
    return roads


def _along(line: np.ndarray, step: float, first: float) -> np.ndarray:
    """Points every ``step`` metres along a polyline, starting ``first`` metres in."""
    seg = np.hypot(*(line[1:] - line[:-1]).T)
    cum = np.concatenate([[0.0], np.cumsum(seg)])
    at = np.arange(first, cum[-1] - first / 2, step)
    return np.stack([np.interp(at, cum, line[:, 0]), np.interp(at, cum, line[:, 1])], axis=1)


def bus_stops(admin: Admin, towns: list[TownGrid], roads: list[Road]) -> list[tuple[np.ndarray, str, str]]:
    """Bus stops: every other street crossing in towns, at rural village centres and along main roads."""
    rng = np.random.default_rng([SEED, 46])
    stops = []
    for town in towns:
        spec = TOWNSHIPS[town.index]
        n = 0
        for (i, j), p in town.nodes.items():
            if i % 2 == 0 and j % 2 == 0 and rng.uniform() < 0.85:
                n += 1
                stops.append((p, f"{spec.short_zh}{n}号站", f"{spec.short_en} stop {n}"))
    for v in admin.villages:
        town = towns[v.township]
        if not v.urban and town.shape_distance(v.x, v.y) >= TOWNSHIPS[v.township].radius_2020 * 0.95:
            if rng.uniform() < 0.85:
                stops.append((np.array([v.x, v.y]), v.name_zh + "站", v.name_en + " stop"))
    n = 0
    for road in roads:
        if road.cls in ("primary", "secondary"):
            for p in _along(road.line, 1200.0, 600.0):
                n += 1
                stops.append((p, f"公路{n}号站", f"Roadside stop {n}"))
    return stops


# name_zh, name_en, control points (u, v, station name_zh, station name_en or None)
RAILWAYS = (
    ("宁杭高铁", "Nanjing-Hangzhou High-Speed Railway",
     ((0.47, -0.15, None), (0.445, 0.50, ("德清站", "Deqing Station")), (0.40, 1.15, None))),
    ("湖杭铁路", "Huzhou-Hangzhou Railway",
     ((0.60, -0.15, None), (0.655, 0.37, ("乾元站", "Qianyuan Station")),
      (0.85, 0.715, ("新市站", "Xinshi Station")), (0.90, 1.15, None))),
)


def build_railways(admin: Admin) -> tuple[list[tuple[str, str, np.ndarray]], list[tuple[np.ndarray, str, str]]]:
    """Railway lines (clipped to the county later) and the stations on them."""
    rng = np.random.default_rng([SEED, 47])
    lines, stations = [], []
    for name_zh, name_en, ctrl in RAILWAYS:
        pts = [admin.xy(u, v) for u, v, _ in ctrl]
        parts = [noise.jagged_line(a, b, rng, 0.01, 200.0)[:-1] for a, b in zip(pts[:-1], pts[1:])]
        lines.append((name_zh, name_en, np.vstack([*parts, pts[-1][None, :]])))
        stations += [(p, st[0], st[1]) for p, (_, _, st) in zip(pts, ctrl) if st]
    return lines, stations
