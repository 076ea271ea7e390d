"""Land cover at 10 m for 2015 and 2020 (GlobeLand30 codes) and the settlement plan behind built-up growth."""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from . import fmath, noise
from .admin import Admin
from .gridio import Grid, bilinear_upsample, near_lines, rasterize
from .network import Road, TownGrid
from .spec import ARTIFICIAL, BARE, CULTIVATED, FOREST, GRASS, SEED, SHRUB, TOWNSHIPS, WATER, WETLAND
from .terrain import Water
from .vector import polygon

YEARS = (2015, 2020)


@dataclass
class Settlements:
    """Where built-up land grows: town shapes, industrial parks and village clusters, by year."""

    towns: list[TownGrid]
    parks: list[tuple[np.ndarray, float]]  # centre, 2020 radius
    villages: list[tuple[np.ndarray, float]]  # centre, 2015 radius
    quarries: list[tuple[np.ndarray, float, bool]]  # centre, radius, restored by 2020


def plan_settlements(admin: Admin, towns: list[TownGrid], grid: Grid, hill: np.ndarray) -> Settlements:
    """Industrial parks beside towns, clusters at rural village centres and quarries on the hill edge."""
    rng = np.random.default_rng([SEED, 50])
    parks = []
    for town in towns:
        radius = TOWNSHIPS[town.index].radius_2020
        ang = rng.uniform(0, 2 * np.pi)
        parks.append((town.centre + 1.15 * radius * np.array([np.cos(ang), np.sin(ang)]), 0.38 * radius))
    villages = [(np.array([v.x, v.y]), float(rng.uniform(170.0, 300.0))) for v in admin.villages if not v.urban]
    quarries = []
    while len(quarries) < 7:
        p = admin.xy(rng.uniform(0.05, 0.45), rng.uniform(0.05, 0.95))
        h = float(grid.sample(hill, p[0], p[1]))
        if 0.25 < h < 0.7:
            quarries.append((p, float(rng.uniform(150.0, 320.0)), len(quarries) % 2 == 0))
    return Settlements(towns, parks, villages, quarries)


def _window(grid: Grid, centre: np.ndarray, half: float) -> tuple[slice, slice]:
    r0, c0 = grid.index(centre[0] - half, centre[1] + half)
    r1, c1 = grid.index(centre[0] + half, centre[1] - half)
    return (slice(max(int(r0), 0), min(int(r1) + 1, grid.height)),
            slice(max(int(c0), 0), min(int(c1) + 1, grid.width)))


def built_up(plan: Settlements, grid: Grid, year: int, n1: np.ndarray, n2: np.ndarray,
             slope: np.ndarray) -> np.ndarray:
    """Built-up mask for a year; monotone in the radii, so 2020 holds 2015 except for demolition."""
    grow = 0.0 if year <= 2015 else 1.0
    built = np.zeros((grid.height, grid.width), bool)
    xs, ys = grid.xs, grid.ys
    for town, (park, park_r) in zip(plan.towns, plan.parks):
        spec = TOWNSHIPS[town.index]
        radius = spec.radius_2015 + grow * (spec.radius_2020 - spec.radius_2015)
        rows, cols = _window(grid, town.centre, 1.7 * spec.radius_2020 + 600.0)
        X, Y = xs[cols][None, :], ys[rows][:, None]
        jitter = 0.22 * n2[rows, cols] + 0.2 * n1[rows, cols]
        q = town.shape_distance(X, Y) / radius + jitter
        pr = park_r * (0.85 + 0.15 * grow)
        qp = np.hypot(X - park[0], Y - park[1]) / pr + 0.3 * n2[rows, cols]
        built[rows, cols] |= (q < 1.0) | (qp < 1.0)
    rural = np.zeros_like(built)
    for centre, radius in plan.villages:
        r = radius * (1.0 + 0.06 * grow)
        rows, cols = _window(grid, centre, 2.0 * radius)
        X, Y = xs[cols][None, :], ys[rows][:, None]
        rural[rows, cols] |= np.hypot(X - centre[0], Y - centre[1]) / r + 0.5 * n2[rows, cols] < 1.0
    if year > 2015:
        gone = noise.hash_uniform(np.floor(xs / 40.0)[None, :], np.floor(ys / 40.0)[:, None], SEED + 51) < 0.08
        rural &= ~gone
    built |= rural
    built &= slope < 15.0
    return built


def _fish_ponds(grid: Grid, admin: Admin, n1: np.ndarray) -> np.ndarray:
    """Rectangular ponds (60 m x 40 m lattice with 10 m dikes), more of them further east."""
    xs, ys = grid.xs, grid.ys
    west, east = float(admin.xy(0.45, 0.5)[0]), float(admin.xy(1.0, 0.5)[0])
    c0 = int(np.searchsorted(xs, west))
    X = (xs[None, c0:] - grid.left).astype(np.float32)
    Y = (ys[:, None] - grid.top).astype(np.float32)
    cos, sin = math.cos(0.3), math.sin(0.3)  # Python floats: the float32 arithmetic stays float32
    lx = X * cos + Y * sin
    ly = -X * sin + Y * cos
    ix, iy = np.floor(lx / 60.0), np.floor(ly / 40.0)
    p = np.clip((X + grid.left - west) / (east - west), 0.0, 1.0) * np.clip(0.45 + n1[:, c0:], 0.0, 1.0)
    pond = noise.hash_uniform(ix, iy, SEED + 52) < p
    pond &= (lx - ix * 60.0 >= 10.0) & (ly - iy * 40.0 >= 10.0)
    out = np.zeros((grid.height, grid.width), bool)
    out[:, c0:] = pond
    return out


@dataclass
class LandcoverInputs:
    """Year-independent layers of the land-cover model."""

    base: np.ndarray
    static_water: np.ndarray
    major_roads: np.ndarray
    n1: np.ndarray
    n2: np.ndarray
    slope: np.ndarray


def landcover_inputs(admin: Admin, water: Water, roads: list[Road], plan: Settlements, grid30: Grid,
                     dem30: np.ndarray, hill30: np.ndarray, grid: Grid) -> LandcoverInputs:
    """Base vegetation and farmland, rivers and canals, ponds, roads and the noise fields at 10 m."""
    factor = round(grid30.res / grid.res)
    gy, gx = np.gradient(dem30.astype(np.float64), grid30.res)
    slope = bilinear_upsample(np.degrees(fmath.arctan(np.sqrt(gx * gx + gy * gy))).astype(np.float32), factor)
    z = bilinear_upsample(dem30, factor)
    hill = bilinear_upsample(hill30, factor)
    n1 = bilinear_upsample(noise.fbm(grid30.xs, grid30.ys, 1500.0, SEED + 53, 4), factor)
    n2 = noise.fbm(grid.xs, grid.ys, 260.0, SEED + 54, 2)
    score = 1.6 * hill + slope / 10.0 + 0.5 * n1
    base = np.full((grid.height, grid.width), CULTIVATED, np.uint8)
    forest = (score > 0.75) | (n1 > 0.45)
    base[forest] = FOREST
    base[forest & (z > 380.0) & (n2 > 0.25)] = SHRUB
    base[forest & (z > 150.0) & (n2 < -0.45)] = GRASS
    base[(score > 0.4) & (score <= 0.75) & (n2 > 0.35)] = SHRUB
    del score, hill
    lake = water.lakes[0]
    wet_ring = lake.center + (lake.ring - lake.center) * 1.7
    wet = rasterize([polygon(wet_ring)], [1], grid) > 0
    base[wet & (n2 > -0.15) & (z < 10.0)] = WETLAND
    banks = near_lines([r.line for r in water.rivers], [r.width / 2 + 30.0 for r in water.rivers], grid)
    base[banks & (n2 > 0.0) & (z < 20.0)] = GRASS
    quarries = [polygon(noise.blob(tuple(c), r, np.random.default_rng([SEED, 55, k]), 0.4))
                for k, (c, r, _) in enumerate(plan.quarries)]
    base[rasterize(quarries, [1] * len(quarries), grid) > 0] = BARE
    del z
    touch = grid.res * 0.5 ** 0.5  # half a cell's diagonal: every cell the buffer touches
    static_water = near_lines([r.line for r in water.rivers], [r.width / 2 for r in water.rivers], grid)
    static_water |= near_lines([line for line, _ in water.canals], [width / 2 + touch for _, width in water.canals],
                               grid)
    static_water |= _fish_ponds(grid, admin, n1) & (base == CULTIVATED)
    widths = {"motorway": 15.0, "primary": 10.0, "secondary": 6.0}
    major = [r for r in roads if r.cls in widths]
    major_roads = near_lines([r.line for r in major], [widths[r.cls] + touch for r in major], grid)
    return LandcoverInputs(base, static_water, major_roads, n1, n2, slope)


def landcover(inputs: LandcoverInputs, plan: Settlements, water: Water, grid: Grid, inside: np.ndarray,
              year: int) -> tuple[np.ndarray, np.ndarray]:
    """Land-cover array (0 outside the county) and the built-up mask for ``year``."""
    lc = inputs.base.copy()
    restored = [polygon(noise.blob(tuple(c), r, np.random.default_rng([SEED, 55, k]), 0.4))
                for k, (c, r, done) in enumerate(plan.quarries) if done and year > 2015]
    if restored:
        lc[(rasterize(restored, [1] * len(restored), grid) > 0) & (lc == BARE)] = GRASS
    built = built_up(plan, grid, year, inputs.n1, inputs.n2, inputs.slope)
    built &= lc != BARE
    lakes = [lake.geom(year) for lake in water.lakes]
    in_lake = rasterize(lakes, [1] * len(lakes), grid) > 0
    built &= ~in_lake
    lc[built] = ARTIFICIAL
    lc[inputs.static_water & ~built] = WATER
    lc[in_lake] = WATER
    lc[inputs.major_roads & ~in_lake] = ARTIFICIAL
    lc[~inside] = 0
    return lc, (lc == ARTIFICIAL)
