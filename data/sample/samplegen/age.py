"""Population by age band (0-14, 15-64, 65+) on the 100 m grid: each township's people split by its own shares,
younger where the township grew faster, a little older in 2020 than in 2015 (synthetic, not census figures).
The three bands add up to the total band cell by cell, so their township sums are the census totals."""
from __future__ import annotations

import numpy as np

from .population import NODATA
from .spec import TOWNSHIPS

AGE_BANDS = ("0-14", "15-64", "65+")


def age_shares(year: int) -> list[tuple[float, float]]:
    """(share aged 0-14, share aged 65+) of each township."""
    growth = np.array([t.growth for t in TOWNSHIPS])
    young = (growth - growth.min()) / max(float(np.ptp(growth)), 1e-9)
    ageing = 0.0 if year >= 2020 else -0.02
    return [(0.11 + 0.05 * g, 0.21 - 0.07 * g + ageing) for g in young]


def age_grids(total: np.ndarray, label: np.ndarray, year: int) -> list[np.ndarray]:
    """Bands 0-14, 15-64 and 65+ of the ``total`` people per cell (NODATA outside: label 0)."""
    total = total.astype(np.float64)  # no float32 / numpy-scalar products (NEP 50 changed their type)
    young, old = np.zeros(total.shape), np.zeros(total.shape)
    for t, (y, o) in enumerate(age_shares(year)):
        zone = label == t + 1
        young[zone], old[zone] = total[zone] * y, total[zone] * o
    people = np.where(label > 0, total, 0.0)
    bands = []
    for values in (young, people - young - old, old):
        band = values.astype(np.float32)
        band[label == 0] = NODATA
        bands.append(band)
    return bands
