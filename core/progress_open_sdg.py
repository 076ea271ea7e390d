"""Open SDG's progress measure (Statistics Canada), as in open-sdg/sdg-build ``sdg/ProgressMeasure.py`` (MIT).

Method 1 (no target) compares the compound annual growth rate with fixed thresholds, lowered near a natural
limit; method 2 (target) divides it by the growth rate needed to reach the target on time. Scores run from -5
to 5. Two guards where the source would raise ``ZeroDivisionError`` (target year equal to the base year: not
available; target equal to the base value: required growth 0, so progress is ±infinity) and one where
``Series.item()`` fails (no data in or after the base year: not available) are ours.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

from .progress_data import (
    DETERIORATION,
    LIMITED,
    MODERATE,
    NOT_AVAILABLE,
    SUBSTANTIAL,
    TARGET_ACHIEVED,
    Assessment,
    Series,
    choose_base_year,
    direction_sign,
    meets_target,
    normalise_direction,
    unavailable,
)

ZERO_REPLACEMENT = 0.001  # a target or base value of 0 is replaced by this (exponential model)
LIMIT_EXPONENT = 4.44  # "a" in the limit coefficient C


@dataclass(frozen=True)
class Thresholds:
    """Progress-value thresholds; ``coefficient`` is C when a natural limit lowered them (method 1), else 1.
    """

    high: float
    med: float
    low: float
    coefficient: float = 1.0


def growth(v1: float, v0: float, t1: float, t0: float) -> float:
    """Compound annual growth rate (v1 / v0)^(1 / (t1 - t0)) - 1."""
    return ((v1 / v0) ** (1 / (t1 - t0))) - 1


def limit_coefficient(base_value: float, limit: float) -> float:
    """C with b = |base|, L = |limit|: 1 if b >= 2L; 1 - (b/L)^a if b <= L; else 1 - ((2L - b)/L)^a."""
    b, lim = abs(base_value), abs(limit)
    if b >= 2 * lim:  # first, so that b = L = 0 gives 1
        return 1.0
    if b <= lim:
        return 1 - (b / lim) ** LIMIT_EXPONENT
    return 1 - ((2 * lim - b) / lim) ** LIMIT_EXPONENT


def thresholds(has_target: bool, base_value: float, limit: float | None) -> Thresholds:
    """Method 2: 0.95 / 0.60 / 0 (a limit is ignored). Method 1: 0.015 / 0.005 / 0, times C with a limit."""
    if has_target:
        return Thresholds(0.95, 0.6, 0.0)
    if limit is None:
        return Thresholds(0.015, 0.005, 0.0)
    c = limit_coefficient(base_value, limit)
    return Thresholds(0.015 * c, 0.005 * c, 0.0 * c, c)


def status_from_value(value: float | None, limits: Thresholds, target_achieved: bool) -> str:
    """Target achieved first; then value >= high, >= med, >= low, below; no value: not available."""
    if target_achieved:
        return TARGET_ACHIEVED
    if value is None:
        return NOT_AVAILABLE
    if value >= limits.high:
        return SUBSTANTIAL
    if value >= limits.med:
        return MODERATE
    if value >= limits.low:
        return LIMITED
    return DETERIORATION


def score_from_value(
    value: float | None, limits: Thresholds, has_target: bool, target_achieved: bool
) -> float | None:
    """Open SDG's piecewise-linear score on -5..5 (5 when the target is achieved)."""
    if target_achieved:
        return 5.0
    if value is None:
        return None
    if has_target:
        if value >= limits.med:
            return min(7.1429 * value - 4.2857, 5.0)
        return max(4.1667 * value - 2.5, -5.0)
    c = limits.coefficient
    if value < limits.low:
        return max(125 * value - 2.5, -5.0)
    if c == 0:  # base value at the limit and kept there or beyond
        return 5.0
    if value >= limits.high:
        return min(500 * value / c - 5, 5.0)
    if value >= limits.med:
        return 250 * value / c - 1.25
    return 500 * value / c - 2.5


def status_from_score(score: float | None, target_achieved: bool = False) -> str:
    """Bands [2.5, 5] substantial, [0, 2.5) moderate, [-2.5, 0) limited, [-5, -2.5) deterioration."""
    if target_achieved:
        return TARGET_ACHIEVED
    if score is None:
        return NOT_AVAILABLE
    if score >= 2.5:
        return SUBSTANTIAL
    if score >= 0:
        return MODERATE
    if score >= -2.5:
        return LIMITED
    return DETERIORATION


def _progress_value(
    has_target: bool, sign: int, d: int, base: tuple[int, float], current: tuple[int, float],
    target: float | None, target_year: int,
) -> float | None:
    """Method 1: sign·d·growth; method 2: sign·d·growth / |required growth|. None when not computable."""
    (base_year, base_value), (current_year, current_value) = base, current
    if (base_value > 0 > current_value) or (base_value < 0 < current_value):
        return None
    if current_year - base_year < 1:
        return None
    observed = growth(current_value, base_value, current_year, base_year)
    if not has_target:
        return sign * d * observed
    if target_year == base_year:
        return None
    # A target of the other sign gives a complex growth; abs() then takes its modulus, as the source does.
    required = abs(growth(target, base_value, target_year, base_year))
    if required == 0:
        return math.copysign(math.inf, sign * d * observed)
    return sign * d * observed / required


def assess_open_sdg(
    series: Series, *, target: float | None, target_year: int, base_year: int, direction: str,
    limit: float | None,
) -> Assessment:
    """One series by Open SDG's method (method 2 when ``target`` is given, else method 1)."""
    direction = normalise_direction(direction)
    reported = target  # the target as given; a 0 is computed with as ZERO_REPLACEMENT
    if target == 0:
        target = ZERO_REPLACEMENT
    has_target = target is not None
    if not series.years:
        return unavailable(reported, target_year, direction)
    current_year = series.years[-1]
    current_value = series.value(current_year)
    achieved = meets_target(current_value, target, direction)
    base = choose_base_year(series, base_year)
    if base is None:
        status, score = (TARGET_ACHIEVED, 5.0) if achieved else (NOT_AVAILABLE, None)
        return Assessment(
            None, None, current_year, current_value, reported, target_year, direction, None, status, score
        )
    base_value = series.value(base)
    sign = -1 if base_value < 0 else 1
    limits = thresholds(has_target, base_value, limit)  # from the base value before the zero replacement
    if base_value == 0:
        base_value = ZERO_REPLACEMENT
    value = _progress_value(
        has_target, sign, direction_sign(direction), (base, base_value), (current_year, current_value),
        target, target_year,
    )
    return Assessment(
        base, base_value, current_year, current_value, reported, target_year, direction, value,
        status_from_value(value, limits, achieved), score_from_value(value, limits, has_target, achieved),
    )
