"""Statistical indicators from tables: formula types, a value per row (area and year) and totals per year.

A row holds an area, a year, a numerator and (for most formulas) a denominator. Totals are always the sum of
the numerators over the sum of the denominators (never a mean of the rows' values).
"""
from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from typing import Sequence

from .formulas import growth, parity_index, ratio, total_ratio
from .numbers import is_missing, number_or_none

#: Formula types, in the order offered to users (ratio first: numerator / denominator × multiplier).
FORMULAS = ("ratio", "percentage", "rate_per_n", "per_capita", "parity_index", "growth", "value")
#: Formulas that need a denominator (growth takes one optionally: the growth of numerator / denominator).
NEEDS_DENOMINATOR = frozenset({"ratio", "percentage", "rate_per_n", "per_capita", "parity_index"})
#: Multipliers fixed by the formula whatever is asked for.
FIXED_MULTIPLIERS = {"percentage": 100.0, "parity_index": 1.0}


@dataclass(frozen=True)
class Observation:
    """One row: an area's numerator and denominator in a year (None where missing)."""

    area_id: str
    year: int
    numerator: float | None
    denominator: float | None = None


@dataclass(frozen=True)
class Total:
    """The whole table's indicator in one year, with the summed numerator and denominator."""

    year: int
    numerator: float | None
    denominator: float | None
    value: float | None


def effective_multiplier(formula: str, multiplier: float) -> float:
    """The multiplier a formula uses: 100 for percentage, 1 for parity index, else ``multiplier``."""
    _check_formula(formula)
    return FIXED_MULTIPLIERS.get(formula, float(multiplier))


def row_values(rows: Sequence[Observation], formula: str, multiplier: float) -> list[float | None]:
    """The indicator of each row, in the rows' order.

    Growth compares each row with the same area's latest earlier year that has a value: ``((x2 / x1) ^ (1 /
    (t2 - t1)) - 1) × multiplier`` with ``x = numerator`` or ``numerator / denominator``; an area's first
    year has none. Value is ``numerator × multiplier``. The other formulas are ``numerator / denominator ×
    multiplier`` (parity index: the plain quotient).
    """
    factor = effective_multiplier(formula, multiplier)
    if formula == "growth":
        _check_unique(rows)
        levels = [_level(row.numerator, row.denominator) for row in rows]
        return _growth_series([(row.area_id, row.year) for row in rows], levels, factor)
    if formula == "value":
        return [None if is_missing(row.numerator) else float(row.numerator) * factor for row in rows]
    if formula == "parity_index":
        return [parity_index(number_or_none(row.numerator), number_or_none(row.denominator)) for row in rows]
    return [ratio(number_or_none(row.numerator), number_or_none(row.denominator), factor) for row in rows]


def totals(rows: Sequence[Observation], formula: str, multiplier: float) -> list[Total]:
    """The whole table's indicator per year (ascending): sum of numerators / sum of denominators.

    Only rows with both values count in either sum. Growth is the growth of those yearly totals. Value
    formulas have no total (the sum of plain values is rarely meaningful): ValueError.
    """
    factor = effective_multiplier(formula, multiplier)
    if formula == "value":
        raise ValueError("A plain value has no table total; use ratio or another formula")
    years = sorted({row.year for row in rows})
    plain_growth = formula == "growth" and all(is_missing(row.denominator) for row in rows)
    sums = []
    for year in years:
        pairs = [(number_or_none(r.numerator), number_or_none(r.denominator)) for r in rows if r.year == year]
        complete = [(n, d) for n, d in pairs if n is not None and (plain_growth or d is not None)]
        numerator = math.fsum(n for n, _ in complete) if complete else None
        denominator = math.fsum(d for _, d in complete) if complete and not plain_growth else None
        sums.append((year, numerator, denominator, [n for n, _ in complete], [d for _, d in complete]))
    if formula == "growth":
        levels = [num if plain_growth else ratio(num, den, 1.0) for _, num, den, _, _ in sums]
        values = _growth_series([("", year) for year in years], levels, factor)
    elif formula == "parity_index":
        values = [parity_index(num, den) for _, num, den, _, _ in sums]
    else:
        values = [total_ratio(nums, dens, factor) for _, _, _, nums, dens in sums]
    return [Total(year, num, den, value) for (year, num, den, _, _), value in zip(sums, values)]


def _growth_series(keys: Sequence[tuple[str, int]], levels: Sequence[float | None],
                   factor: float) -> list[float | None]:
    """Growth of each level from the same key's latest earlier year with a level."""
    order = sorted(range(len(keys)), key=lambda i: (keys[i][0], keys[i][1]))
    values: list[float | None] = [None] * len(keys)
    previous: dict[str, tuple[int, float]] = {}
    for i in order:
        area, year = keys[i]
        level = levels[i]
        if level is None:
            continue
        if area in previous:
            rate = growth(previous[area][1], level, previous[area][0], year)
            values[i] = None if rate is None else rate * factor
        previous[area] = (year, level)
    return values


def _level(numerator: float | None, denominator: float | None) -> float | None:
    if is_missing(denominator):
        return number_or_none(numerator)
    return ratio(number_or_none(numerator), number_or_none(denominator), 1.0)


def _check_unique(rows: Sequence[Observation]) -> None:
    counts = Counter((row.area_id, row.year) for row in rows)
    repeated = sorted(key for key, count in counts.items() if count > 1)
    if repeated:
        listed = ", ".join(f"{area} {year}" for area, year in repeated)
        raise ValueError(f"Growth needs one row per area and year; repeated: {listed}")


def _check_formula(formula: str) -> None:
    if formula not in FORMULAS:
        raise ValueError(f"Unknown formula {formula!r}; use one of {', '.join(FORMULAS)}")
