"""Rivers, canals and lakes (with yearly lake extents) and the DEM: hills west, water-laced plain east."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from osgeo import ogr

from . import fmath, noise
from .admin import Admin
from .gridio import Grid, proximity, rasterize
from .spec import SEED
from .vector import polygon

# name_zh, name_en, kind, width (m), control points (u, v)
RIVERS = (
    ("东苕溪", "East Tiaoxi River", "river", 90.0,
     ((0.40, -0.08), (0.43, 0.22), (0.45, 0.45), (0.46, 0.72), (0.48, 1.08))),
    ("京杭运河", "Grand Canal", "canal", 70.0, ((0.72, -0.08), (0.79, 0.28), (0.86, 0.55), (0.90, 0.76), (0.95, 1.08))),
    ("余英溪", "Yuying Stream", "river", 25.0, ((0.04, 0.52), (0.17, 0.49), (0.30, 0.44), (0.45, 0.45))),
    ("阜溪", "Fuxi Stream", "river", 25.0, ((0.08, 0.78), (0.22, 0.72), (0.34, 0.68), (0.46, 0.68))),
    ("湘溪", "Xiang Stream", "river", 20.0, ((0.08, 0.30), (0.22, 0.27), (0.34, 0.30), (0.43, 0.26))),
    ("下渚港", "Xiazhu Channel", "canal", 30.0, ((0.46, 0.58), (0.53, 0.52), (0.66, 0.47), (0.80, 0.40))),
    ("洛舍塘河", "Luoshe Canal", "canal", 30.0, ((0.47, 0.82), (0.58, 0.85), (0.74, 0.80), (0.91, 0.76))),
)


def lake_factor(kind: str, year: int) -> float:
    """Relative radius of a lake in a year: Xiazhu shrinks to 2010 and recovers after restoration."""
    t = year - 2000
    if kind == "restored":
        return 1.0 - 0.006 * t if t <= 10 else 0.94 + 0.01 * (t - 10)
    if kind == "shrinking":
        return 1.0 - 0.004 * t
    if kind == "reservoir":
        return 1.0 + 0.02 * np.sin(1.7 * t)
    return 1.0 - 0.012 * min(t, 8)


# name_zh, name_en, kind (for the layer), trend, centre (u, v), radius (m), aspect, water level (m)
LAKES = (
    ("下渚湖", "Xiazhu Lake", "lake", "restored", (0.575, 0.525), 1050.0, 1.35, 1.6),
    ("洛舍漾", "Luoshe Lake", "lake", "shrinking", (0.63, 0.90), 650.0, 1.6, 1.8),
    ("对河口水库", "Duihekou Reservoir", "reservoir", "reservoir", (0.21, 0.60), 520.0, 1.9, 86.0),
    ("千亩漾", "Qianmu Lake", "lake", "pond", (0.77, 0.55), 420.0, 1.2, 1.7),
)


@dataclass
class Lake:
    """A lake: base outline, centre and yearly trend."""

    name_zh: str
    name_en: str
    kind: str
    trend: str
    center: np.ndarray
    ring: np.ndarray
    level: float

    def geom(self, year: int) -> ogr.Geometry:
        ring = self.center + (self.ring - self.center) * lake_factor(self.trend, year)
        return polygon(ring)


@dataclass
class River:
    """A river or canal centre line with its width."""

    name_zh: str
    name_en: str
    kind: str
    width: float
    line: np.ndarray


@dataclass
class Water:
    """All surface water: named rivers and lakes, and the unnamed canal web of the plain."""

    rivers: list[River]
    lakes: list[Lake]
    canals: list[tuple[np.ndarray, float]]

    def river_polygons(self, county: ogr.Geometry) -> list[ogr.Geometry]:
        return [line_string(r.line).Buffer(r.width / 2, 4).Intersection(county) for r in self.rivers]


def line_string(line: np.ndarray) -> ogr.Geometry:
    """LineString from an (n, 2) array."""
    geom = ogr.Geometry(ogr.wkbLineString)
    for x, y in line:
        geom.AddPoint_2D(float(x), float(y))
    return geom


def build_water(admin: Admin) -> Water:
    """Named rivers and lakes, plus about a hundred canals in the eastern plain."""
    rng = np.random.default_rng([SEED, 20])
    rivers = []
    for name_zh, name_en, kind, width, ctrl in RIVERS:
        pts = [admin.xy(u, v) for u, v in ctrl]
        parts = [noise.jagged_line(a, b, rng, 0.10, 40.0)[:-1] for a, b in zip(pts[:-1], pts[1:])]
        rivers.append(River(name_zh, name_en, kind, width, np.vstack([*parts, pts[-1][None, :]])))
    lakes = []
    for name_zh, name_en, kind, trend, (u, v), radius, aspect, level in LAKES:
        center = admin.xy(u, v)
        ring = noise.blob(tuple(center), radius, rng, wobble=0.3, n=120, aspect=aspect,
                          angle=rng.uniform(0, np.pi))
        lakes.append(Lake(name_zh, name_en, kind, trend, center, ring, level))
    canals = []
    for _ in range(110):
        u, v = rng.uniform(0.5, 1.0), rng.uniform(0.0, 1.0)
        start = admin.xy(u, v)
        angle = rng.choice([0.2, 1.75]) + rng.normal(0, 0.25)
        length = rng.uniform(1500, 5000)
        end = start + length * np.array([np.cos(angle), np.sin(angle)])
        canals.append((noise.jagged_line(start, end, rng, 0.05, 50.0), float(rng.choice([10.0, 15.0, 20.0]))))
    return Water(rivers, lakes, canals)


def _smoothstep(t: np.ndarray) -> np.ndarray:
    t = np.clip(t, 0.0, 1.0)
    return t * t * (3 - 2 * t)


def build_dem(admin: Admin, water: Water, grid: Grid) -> tuple[np.ndarray, np.ndarray]:
    """Elevation (m, Float32) and hill weight 0..1 on ``grid`` (30 m)."""
    xs, ys = grid.xs, grid.ys
    X, Y = xs[None, :], ys[:, None]  # float64 throughout: no float32 / numpy-scalar mix (NEP 50 promotes it)
    edge = admin.xy(0.34, 0.5)[0] + 3500.0 * noise.fbm(np.array([0.0]), ys, 7000.0, SEED + 31, 3)[:, 0:1].astype(
        np.float64)
    hill = _smoothstep((edge - X) / 4500.0 + 0.6 * noise.fbm(xs, ys, 3500.0, SEED + 32, 4).astype(np.float64))
    for (u, v), radius, height in (((0.30, 0.15), 2200.0, 0.45), ((0.42, 0.05), 1800.0, 0.35),
                                   ((0.36, 0.86), 1600.0, 0.30), ((0.50, 0.33), 1200.0, 0.18)):
        c = admin.xy(u, v)
        bump = height * fmath.exp(-(((X - c[0]) ** 2 + (Y - c[1]) ** 2) / radius ** 2))
        hill = np.maximum(hill, bump)
    ridge = 1.0 - np.abs(noise.fbm(xs, ys, 5000.0, SEED + 33, 5))
    peak = admin.xy(0.13, 0.66)
    massif = fmath.exp(-(((X - peak[0]) ** 2 + (Y - peak[1]) ** 2) / 5000.0 ** 2))
    mountain = fmath.power(hill, 1.3) * (0.25 + 0.75 * ridge ** 2) * (0.55 + 0.6 * massif)
    lines = [line_string(r.line) for r in water.rivers]
    valleys = rasterize(lines, [1] * len(lines), grid, all_touched=True) > 0
    dist = proximity(valleys, grid, 5000.0)
    mountain *= 1.0 - 0.85 * fmath.exp(-((dist.astype(np.float64) / 900.0) ** 2))
    mountain *= np.float32(710.0 / float(mountain.max()))
    u = (X - admin.xy(0.0, 0.5)[0]) / (admin.xy(1.0, 0.5)[0] - admin.xy(0.0, 0.5)[0])
    plain = 2.6 + 3.0 * np.clip(1.0 - u, 0.0, 1.0) + 0.8 * noise.fbm(xs, ys, 2500.0, SEED + 34, 3)
    z = plain + mountain
    lake_geoms = [lake.geom(2015) for lake in water.lakes]
    lake_id = rasterize(lake_geoms, range(1, len(lake_geoms) + 1), grid)
    for k, lake in enumerate(water.lakes):
        z = np.where(lake_id == k + 1, np.minimum(z, lake.level), z)
    return np.round(z, 2).astype(np.float32), hill.astype(np.float32)
