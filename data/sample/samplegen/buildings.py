"""Building footprints with floors, use and year built, placed on built-up land (drives dasymetric mapping)."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .gridio import Grid
from .landcover import Settlements
from .spec import SEED, TOWNSHIPS

TOWN_REACH = 1.8  # towns place buildings up to this multiple of their 2020 radius, villages beyond


@dataclass
class Buildings:
    """Footprints as rotated rectangles plus attributes, one row per building."""

    x: np.ndarray
    y: np.ndarray
    length: np.ndarray
    width: np.ndarray
    angle: np.ndarray
    floors: np.ndarray
    use: np.ndarray  # "residential", "commercial", "industrial"
    year: np.ndarray

    def rings(self) -> np.ndarray:
        """Footprint corners, shape (n, 5, 2), closed."""
        hl, hw = self.length / 2, self.width / 2
        lx = np.stack([-hl, hl, hl, -hl, -hl], axis=1)
        ly = np.stack([-hw, -hw, hw, hw, -hw], axis=1)
        ca, sa = np.cos(self.angle)[:, None], np.sin(self.angle)[:, None]
        return np.stack([self.x[:, None] + lx * ca - ly * sa, self.y[:, None] + lx * sa + ly * ca], axis=2)

    @property
    def floor_area(self) -> np.ndarray:
        return self.length * self.width * self.floors


def _accept(grid: Grid, x: np.ndarray, y: np.ndarray, built: np.ndarray, blocked: np.ndarray) -> np.ndarray:
    row, col = grid.index(x, y)
    ok = (row >= 0) & (row < grid.height) & (col >= 0) & (col < grid.width)
    row, col = np.clip(row, 0, grid.height - 1), np.clip(col, 0, grid.width - 1)
    return ok & built[row, col] & ~blocked[row, col]


def build_buildings(plan: Settlements, grid: Grid, built_2015: np.ndarray, built_2020: np.ndarray,
                    blocked: np.ndarray) -> Buildings:
    """Town blocks get 3 x 3 slots (slabs in the core, houses outside, sheds in industrial parks);
    villages get houses on a 32 m lattice. ``blocked`` marks water, roads and open spaces."""
    rng = np.random.default_rng([SEED, 70])
    cols: dict[str, list[np.ndarray]] = {k: [] for k in ("x", "y", "length", "width", "angle", "floors", "use")}

    def add(x, y, length, width, angle, floors, use) -> None:
        for key, val in zip(cols, (x, y, length, width, angle, floors, use)):
            cols[key].append(np.asarray(val))

    def town_q(x: np.ndarray, y: np.ndarray) -> np.ndarray:
        """Distance to each town relative to its 2020 radius, shape (towns, points)."""
        return np.stack([t.shape_distance(x, y) / TOWNSHIPS[t.index].radius_2020 for t in plan.towns])

    for town, (park, park_r) in zip(plan.towns, plan.parks):
        spec = TOWNSHIPS[town.index]
        s = town.spacing
        n = int(2.4 * spec.radius_2020 / s) + 1
        offs = (np.arange(3) + 0.5) * s / 3
        bi, bj, oi, oj = np.meshgrid(np.arange(-n, n), np.arange(-n, n), offs, offs, indexing="ij")
        lx, ly = (bi * s + oi).ravel(), (bj * s + oj).ravel()
        x, y = town.world(lx, ly)
        keep = _accept(grid, x, y, built_2020, blocked) & (rng.uniform(size=x.size) < 0.85)
        x, y = x[keep], y[keep]
        qs = town_q(x, y)
        mine = (np.argmin(qs, axis=0) == town.index) & (qs[town.index] < TOWN_REACH)
        x, y = x[mine], y[mine]
        q = qs[town.index, mine]
        industrial = np.hypot(x - park[0], y - park[1]) < park_r
        core = (q < 0.45) & ~industrial
        mid = (q >= 0.45) & (q < 0.8) & ~industrial
        length = np.where(industrial, rng.uniform(40, 55, x.size),
                          np.where(core, rng.uniform(30, 42, x.size), np.where(mid, rng.uniform(22, 32, x.size),
                                                                                 rng.uniform(11, 16, x.size))))
        width = np.where(industrial, rng.uniform(20, 30, x.size),
                         np.where(core | mid, rng.uniform(11, 15, x.size), rng.uniform(8, 11, x.size)))
        top = 18 if town.index == 0 else 12
        floors = np.where(industrial, rng.integers(1, 4, x.size),
                          np.where(core, rng.integers(6, top + 1, x.size),
                                   np.where(mid, rng.integers(4, 8, x.size), rng.integers(2, 4, x.size))))
        use = np.where(industrial, "industrial",
                       np.where(core & (rng.uniform(size=x.size) < 0.2), "commercial", "residential"))
        add(x, y, length, width, np.full(x.size, town.angle), floors, use)
    centres = np.array([c for c, _ in plan.villages])
    for v, (centre, radius) in enumerate(plan.villages):
        ang = rng.uniform(-0.5, 0.5)
        k = np.arange(-int(2.2 * radius / 32), int(2.2 * radius / 32) + 1) * 32.0
        gx, gy = np.meshgrid(k, k, indexing="ij")
        gx, gy = gx.ravel() + rng.uniform(-3, 3, gx.size), gy.ravel() + rng.uniform(-3, 3, gy.size)
        x = centre[0] + gx * np.cos(ang) - gy * np.sin(ang)
        y = centre[1] + gx * np.sin(ang) + gy * np.cos(ang)
        keep = _accept(grid, x, y, built_2020, blocked) & (rng.uniform(size=x.size) < 0.8)
        x, y = x[keep], y[keep]
        nearest = np.argmin(np.hypot(x[None, :] - centres[:, 0:1], y[None, :] - centres[:, 1:2]), axis=0)
        keep = (nearest == v) & (town_q(x, y).min(axis=0) >= TOWN_REACH)
        x, y = x[keep], y[keep]
        add(x, y, rng.uniform(10, 15, x.size), rng.uniform(8, 11, x.size), np.full(x.size, ang),
            rng.choice([2, 2, 3, 3, 3, 4], x.size), np.full(x.size, "residential"))
    out = {k: np.concatenate(v) for k, v in cols.items()}
    old = _accept(grid, out["x"], out["y"], built_2015, np.zeros_like(blocked))
    year = np.where(old, rng.integers(1980, 2016, out["x"].size), rng.integers(2016, 2021, out["x"].size))
    return Buildings(out["x"], out["y"], out["length"], out["width"], out["angle"],
                     out["floors"].astype(np.int64), out["use"].astype(str), year.astype(np.int64))
