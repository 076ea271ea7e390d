"""100 m population grids (total, male, female) whose township sums equal the census, and 1 km PM2.5."""
from __future__ import annotations

import numpy as np

from . import fmath, noise
from .buildings import Buildings
from .gridio import Grid, block_mean
from .network import TownGrid
from .spec import PM25_MEAN, SEED, TOWNSHIPS

NODATA = -9999.0


def population_grids(label: np.ndarray, grid: Grid, buildings: Buildings, built: np.ndarray, year: int
                     ) -> list[np.ndarray]:
    """Total, male and female people per cell for ``year``; ``label`` holds township index + 1 (0 outside).

    Weights: residential floor area of buildings standing in ``year`` (by centroid cell) plus a little for
    any built-up land; industrial floor area raises the male weight (dormitories). Each township's census
    total of each sex is spread over its cells in proportion to the weights."""
    row, col = grid.index(buildings.x, buildings.y)
    ok = (row >= 0) & (row < grid.height) & (col >= 0) & (col < grid.width) & (buildings.year <= year)
    cell = row[ok] * grid.width + col[ok]
    area = buildings.floor_area[ok]
    use = buildings.use[ok]
    size = grid.width * grid.height
    residential = np.bincount(cell, weights=np.where(use == "residential", area, 0.0), minlength=size)
    industrial = np.bincount(cell, weights=np.where(use == "industrial", area, 0.0), minlength=size)
    built_share = block_mean(built.astype(np.float32), built.shape[0] // grid.height).ravel()
    base = residential + 200.0 * built_share
    male_w = base + 0.3 * industrial
    female_w = base
    flat = label.ravel()
    male = np.zeros(size)
    female = np.zeros(size)
    for t, spec in enumerate(TOWNSHIPS):
        zone = flat == t + 1
        for out, weights, total in zip((male, female), (male_w, female_w), spec.census(year)):
            w = weights[zone]
            w = w if w.sum() > 0 else np.ones_like(w)
            out[zone] = total * w / w.sum()
    bands = []
    for values in (male + female, male, female):
        arr = values.reshape(grid.height, grid.width).astype(np.float32)
        arr[label == 0] = NODATA
        bands.append(arr)
    return bands


def pm25(grid: Grid, grid30: Grid, hill30: np.ndarray, towns: list[TownGrid], inside: np.ndarray,
         year: int) -> np.ndarray:
    """Annual mean PM2.5 (ug/m3) on the 1 km grid: cleaner over the western hills, higher near towns,
    scaled so that the county mean is ``PM25_MEAN[year]``."""
    X, Y = np.meshgrid(grid.xs, grid.ys)
    hill = grid30.sample(hill30, X, Y)
    urban = np.zeros_like(X)
    for town in towns:
        radius = TOWNSHIPS[town.index].radius_2020
        urban += (radius / 2900.0) * fmath.exp(-((town.shape_distance(X, Y) / (2.5 * radius)) ** 2))
    field = (1.0 - 0.18 * hill + 0.08 * np.clip(urban, 0, 1.5)
             + 0.04 * noise.fbm(grid.xs, grid.ys, 6000.0, SEED + 80 + year, 2))
    field *= PM25_MEAN[year] / field[inside].mean()
    return np.round(field, 1).astype(np.float32)
