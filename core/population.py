"""Population kernels: land-cover class weights, dasymetric allocation of zone totals and population-weighted
zone sums (exposure), all additive over raster strips.

Zones are integer labels per pixel (0 = outside every zone, 1..n = zone), as rasterized once per run.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Sequence

import numpy as np

from .classes import parse_classes
from .formulas import ratio
from .results import ZoneValue

#: Default relative weights for GlobeLand30 classes: 80 artificial surfaces 1, 10 cultivated land 0.05 (farmsteads),
#: 20 forest, 30 grassland and 40 shrubland 0.01; wetland, water, tundra, bare land, snow and ice 0.
GLOBELAND30_WEIGHTS = "80:1,10:0.05,20:0.01,30:0.01,40:0.01"


def parse_class_weights(text: str) -> dict[int, float]:
    """Parse ``"80:1,10:0.05,20-29:0.01"`` into {class: weight}; classes are values or ranges as in
    :func:`parse_classes`. Raises ValueError naming the offending item (missing weight, negative or not a number,
    class given twice)."""
    weights: dict[int, float] = {}
    for item in text.replace(";", ",").split(","):
        item = item.strip()
        if not item:
            continue
        classes_text, sep, weight_text = item.rpartition(":")
        if not sep or not classes_text.strip():
            raise ValueError(f"'{item}' is not class:weight (e.g. 80:1 or 40-49:0.5)")
        try:
            weight = float(weight_text)
        except ValueError:
            raise ValueError(f"'{item}': weight '{weight_text.strip()}' is not a number") from None
        if not math.isfinite(weight) or weight < 0:
            raise ValueError(f"'{item}': a weight must be a finite number >= 0")
        for value in parse_classes(classes_text):
            if value in weights:
                raise ValueError(f"class {value} is given more than once")
            weights[value] = weight
    return weights


def class_weights(block: np.ndarray, weights: dict[int, float], valid: np.ndarray) -> np.ndarray:
    """Weight per pixel (float64): the weight of its class, 0 for unlisted classes and invalid pixels."""
    if block.dtype.kind in "iu" and block.dtype.itemsize <= 2:  # one lookup-table pass
        return np.where(valid, np.take(_weight_table(block.dtype, weights), block.view(f"u{block.dtype.itemsize}")),
                        0.0)
    out = np.zeros(block.shape, dtype=np.float64)
    for value, weight in weights.items():
        if weight:
            out[(block == value) & valid] = weight
    return out


def _weight_table(dtype: np.dtype, weights: dict[int, float]) -> np.ndarray:
    """Class weight by the unsigned view of an 8- or 16-bit integer value (classes the type cannot hold: none)."""
    info = np.iinfo(dtype)
    table = np.zeros(2 ** (8 * dtype.itemsize), dtype=np.float64)
    for value, weight in weights.items():
        if info.min <= value <= info.max:
            table[value % table.size] = weight
    return table


def block_mean(fine: np.ndarray, k: int) -> np.ndarray:
    """Mean of each ``k`` × ``k`` block of ``fine`` (shape (rows·k, width·k)): the cell means of a subgrid."""
    rows, width = fine.shape[0] // k, fine.shape[1] // k
    return fine.reshape(rows, k, width, k).mean(axis=(1, 3))


def gathered_block_mean(columns: np.ndarray, rows: np.ndarray, k: int) -> np.ndarray:
    """:func:`block_mean` of the subgrid whose pixel (r, c) is ``columns[rows[r], c]``: ``columns`` holds the
    source rows already gathered by subgrid column; the ``k`` columns of each cell are summed before the rows
    are gathered (the gather then moves ``k`` times less data)."""
    by_cell = columns[:, 0::k].copy()
    for sub in range(1, k):
        by_cell += columns[:, sub::k]
    sampled = np.take(by_cell, rows, axis=0)
    total = sampled[0::k].copy()
    for sub in range(1, k):
        total += sampled[sub::k]
    return total / (k * k)


def zone_sums(labels: np.ndarray, values: np.ndarray, n_zones: int) -> np.ndarray:
    """Sum of ``values`` per label 0..n_zones (float64, length n_zones + 1); ``values`` broadcasts to labels."""
    weights = np.broadcast_to(np.asarray(values, dtype=np.float64), labels.shape).ravel()
    return np.bincount(labels.astype(np.int64, copy=False).ravel(), weights=weights, minlength=n_zones + 1)


class ZoneWeightSums:
    """Per-zone sums of several weight layers (levels, most detailed first) and cell counts, over many strips."""

    def __init__(self, n_zones: int, n_levels: int) -> None:
        self.n_zones = n_zones
        self.weights = np.zeros((n_levels, n_zones + 1), dtype=np.float64)
        self.cells = np.zeros(n_zones + 1, dtype=np.int64)

    def add(self, labels: np.ndarray, levels: Sequence[np.ndarray]) -> None:
        """Add one strip: its labels and one weight array per level (each broadcasting to the labels)."""
        for index, level in enumerate(levels):
            self.weights[index] += zone_sums(labels, level, self.n_zones)
        self.cells += np.bincount(labels.astype(np.int64, copy=False).ravel(), minlength=self.n_zones + 1)


@dataclass(frozen=True)
class AllocationPlan:
    """How each zone's totals are spread: ``level[z]`` is the first weight level with a positive sum in zone z
    (-1: none, the zone's totals cannot be placed), ``factors[f, z]`` the value per unit weight of total field f."""

    level: np.ndarray
    factors: np.ndarray


def plan_allocation(sums: ZoneWeightSums, totals: np.ndarray) -> AllocationPlan:
    """Choose each zone's weight level and its factor total / weight sum; ``totals`` has shape (n_zones, n_fields).

    Label 0 (outside every zone) gets level -1 and factor 0.
    """
    totals = np.asarray(totals, dtype=np.float64)
    n_levels, size = sums.weights.shape
    level = np.full(size, -1, dtype=np.int64)
    for index in range(n_levels - 1, -1, -1):
        level[sums.weights[index] > 0] = index
    level[0] = -1
    chosen = np.where(level >= 0, sums.weights[np.maximum(level, 0), np.arange(size)], 0.0)
    factors = np.zeros((totals.shape[1], size), dtype=np.float64)
    placed = level[1:] >= 0
    factors[:, 1:][:, placed] = totals[placed].T / chosen[1:][placed]
    return AllocationPlan(level, factors)


def allocate(labels: np.ndarray, levels: Sequence[np.ndarray], plan: AllocationPlan) -> np.ndarray:
    """Values of one strip, shape (n_fields, rows, cols): each cell's weight on its zone's level × the zone's
    factor; NaN outside every zone and in zones whose totals cannot be placed."""
    labels = labels.astype(np.int64, copy=False)
    zone_level = plan.level[labels]
    weight = np.full(labels.shape, np.nan, dtype=np.float64)
    for index, level in enumerate(levels):
        here = zone_level == index
        weight[here] = np.broadcast_to(level, labels.shape)[here]
    return weight[np.newaxis] * plan.factors[:, labels]


class ExposureSums:
    """Population-weighted concentration sums per zone: Σ c·p, Σ p, Σ p where c > threshold, and the population
    without a concentration value (left out of both sums)."""

    def __init__(self, n_zones: int, threshold: float) -> None:
        self.n_zones = n_zones
        self.threshold = threshold
        self.weighted = np.zeros(n_zones + 1, dtype=np.float64)
        self.population = np.zeros(n_zones + 1, dtype=np.float64)
        self.above = np.zeros(n_zones + 1, dtype=np.float64)
        self.missing = np.zeros(n_zones + 1, dtype=np.float64)

    def add(self, labels: np.ndarray, concentration: np.ndarray, concentration_valid: np.ndarray,
            population: np.ndarray, population_valid: np.ndarray) -> None:
        """Add one strip; population pixels that are invalid or not positive count nowhere."""
        index = labels.astype(np.intp, copy=False).ravel()
        size = self.n_zones + 1
        people = np.where(population_valid & (population > 0), population, 0).astype(np.float64, copy=False).ravel()
        known = np.where(np.broadcast_to(concentration_valid, labels.shape).ravel(), people, 0.0)
        level = np.where(concentration_valid, concentration, 0).astype(np.float64, copy=False)
        level = np.broadcast_to(level, labels.shape).ravel()
        self.weighted += np.bincount(index, weights=level * known, minlength=size)
        self.population += np.bincount(index, weights=known, minlength=size)
        self.above += np.bincount(index, weights=np.where(level > self.threshold, known, 0.0), minlength=size)
        lost = np.flatnonzero(people != known)  # people without a concentration value (other terms are 0)
        self.missing += np.bincount(index[lost], weights=people[lost] - known[lost], minlength=size)

    def values(self) -> tuple[list[ZoneValue], ZoneValue]:
        """11.6.2 per zone and for the whole area (the sums of the zones): Σ c·p / Σ p, with the share of the
        population above the threshold and the population without a concentration value."""
        sums = (self.weighted, self.population, self.above, self.missing)
        zones = [_exposure_value(*parts) for parts in zip(*(part[1:].tolist() for part in sums))]
        return zones, _exposure_value(*(float(part[1:].sum()) for part in sums))


def _exposure_value(weighted: float, people: float, above: float, missing: float) -> ZoneValue:
    return ZoneValue(ratio(weighted, people, 1.0), weighted, people, {
        "conc_x_pop": weighted, "population": people, "pop_above": above, "pct_above": ratio(above, people),
        "pop_no_data": missing})


def scatter_cells(rows: np.ndarray, cols: np.ndarray, values: np.ndarray, row0: int, n_rows: int,
                  width: int) -> np.ndarray:
    """Sum point values (cell row, cell column, value) into the strip of ``n_rows`` rows from ``row0``;
    ``rows`` must be sorted. Returns a float64 array (n_rows, width)."""
    start, stop = np.searchsorted(rows, [row0, row0 + n_rows])
    index = (rows[start:stop] - row0) * width + cols[start:stop]
    return np.bincount(index, weights=values[start:stop], minlength=n_rows * width).reshape(n_rows, width)
