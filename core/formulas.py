"""Statistical formulas shared by spatial and table indicators."""
from __future__ import annotations

import math
from typing import Iterable


def ratio(numerator: float | None, denominator: float | None, multiplier: float = 100.0) -> float | None:
    """``numerator / denominator × multiplier``; None when either is missing or the denominator is not positive."""
    if numerator is None or denominator is None:
        return None
    if math.isnan(numerator) or math.isnan(denominator) or denominator <= 0:
        return None
    return float(numerator) / float(denominator) * multiplier


def percentage(part: float | None, whole: float | None) -> float | None:
    """``part / whole × 100``; None when either is missing or ``whole`` is not positive."""
    return ratio(part, whole, 100.0)


def rate_per_n(events: float | None, population: float | None, n: float) -> float | None:
    """Events per ``n`` people (e.g. deaths per 100,000 live births): ``events / population × n``."""
    return ratio(events, population, n)


def per_capita(total: float | None, population: float | None, multiplier: float = 1.0) -> float | None:
    """``total / population × multiplier`` (the multiplier converts units, e.g. 10,000 yuan to yuan)."""
    return ratio(total, population, multiplier)


def parity_index(group: float | None, reference: float | None, adjusted: bool = False) -> float | None:
    """Parity index ``group / reference`` (e.g. the female value over the male one; 1 is parity).

    With ``adjusted`` (UNESCO Institute for Statistics), an index above 1 becomes ``2 - reference / group`` so
    that the index is symmetric around 1 and bounded by 2. None when a value is missing or negative, or the
    reference is not positive.
    """
    if group is None or reference is None or math.isnan(group) or math.isnan(reference):
        return None
    if reference <= 0 or group < 0:
        return None
    index = float(group) / float(reference)
    return 2.0 - 1.0 / index if adjusted and index > 1.0 else index


def growth(x1: float | None, x2: float | None, t1: float, t2: float) -> float | None:
    """Compound annual growth ``(x2 / x1) ^ (1 / (t2 - t1)) - 1`` (a fraction: 0.05 is 5 % a year).

    None when a value is missing, ``x1`` is not positive or ``x2`` is negative; ValueError when ``t2`` is
    not after ``t1``.
    """
    if t2 <= t1:
        raise ValueError(f"Growth needs a later second year: got {t1} and {t2}")
    if x1 is None or x2 is None or math.isnan(x1) or math.isnan(x2) or x1 <= 0 or x2 < 0:
        return None
    return (float(x2) / float(x1)) ** (1.0 / (t2 - t1)) - 1.0


def total_ratio(numerators: Iterable[float | None], denominators: Iterable[float | None],
                multiplier: float = 100.0) -> float | None:
    """The indicator of a whole table: ``sum of numerators / sum of denominators × multiplier``.

    Never a mean of the rows' ratios. Rows where either value is missing (None or NaN) are left out of both
    sums; None when no row is complete or the summed denominator is not positive.
    """
    numerators, denominators = list(numerators), list(denominators)
    if len(numerators) != len(denominators):
        raise ValueError(f"{len(numerators)} numerators but {len(denominators)} denominators")
    pairs = [(n, d) for n, d in zip(numerators, denominators)
             if n is not None and d is not None and not math.isnan(n) and not math.isnan(d)]
    if not pairs:
        return None
    return ratio(math.fsum(n for n, _ in pairs), math.fsum(d for _, d in pairs), multiplier)
