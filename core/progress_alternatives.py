"""Progress methods offered beside Open SDG's: UNSD Progress Chart, ESCAP current status, SDSN normalisation.

All report on the same status codes and the same -5..5 score scale as Open SDG, so that series aggregation and
roll-ups work unchanged. Where a score needs a mapping the source does not give, it is piecewise linear and
sends each category boundary to a boundary of the score bands ([2.5, 5] substantial, [0, 2.5) moderate, [-2.5,
0) limited, [-5, -2.5) deterioration); the docstrings give the knots.
"""
from __future__ import annotations

import dataclasses
from typing import Sequence

import numpy as np

from .progress_data import (
    DETERIORATION,
    LIMITED,
    MODERATE,
    NOT_AVAILABLE,
    SUBSTANTIAL,
    TARGET_ACHIEVED,
    Assessment,
    Series,
    direction_sign,
    endpoints,
    meets_target,
    normalise_direction,
    unavailable,
)
from .progress_open_sdg import assess_open_sdg

# (progress value, score) knots; np.interp holds the end scores beyond them.
UNSD_KNOTS = ((-0.7, -5.0), (-0.1, -2.5), (0.5, 0.0), (0.95, 2.5), (1.3, 5.0))
ESCAP_KNOTS = ((-1.0, -5.0), (0.0, -2.5), (0.5, 0.0), (1.0, 2.5), (1.5, 5.0))
ESCAP_CAP = 10.0

GREEN, YELLOW, ORANGE, RED = "green", "yellow", "orange", "red"
_RATING = {RED: 0, ORANGE: 1, YELLOW: 2, GREEN: 3}


def _knot_score(value: float, knots: Sequence[tuple[float, float]]) -> float:
    xs, ys = zip(*knots)
    return float(np.interp(value, xs, ys))


def _band(value: float, knots: Sequence[tuple[float, float]]) -> str:
    """Status from the three inner knots (substantial, moderate and limited lower bounds)."""
    low, med, high = (x for x, _ in knots[1:4])
    if value >= high:
        return SUBSTANTIAL
    if value >= med:
        return MODERATE
    if value >= low:
        return LIMITED
    return DETERIORATION


def _unassessed(assessment: Assessment) -> Assessment:
    return dataclasses.replace(assessment, progress_value=None, status=NOT_AVAILABLE, score=None)


def assess_unsd(
    series: Series, *, target: float | None, target_year: int, base_year: int, direction: str
) -> Assessment:
    """UN Statistics Division Progress Chart: CR = CAGR_actual / CAGR_required.

    CR >= 0.95 on track -> ``substantial_progress``; 0.5-0.95 fair progress, acceleration needed ->
    ``moderate_progress``; -0.1-0.5 limited or no progress -> ``limited_progress``; below -0.1 ->
    ``deterioration``; a current value that meets the target -> ``target_achieved`` (score 5). Score knots
    (CR, score): (-0.7, -5), (-0.1, -2.5), (0.5, 0), (0.95, 2.5), (1.3, 5), so the outer slopes are Open
    SDG's. CR is computed as sign·d·CAGR_actual / |CAGR_required| with Open SDG's base-year choice and
    zero/sign rules: this equals the plain ratio whenever the base value has not yet met the target and stays
    meaningful when it had. The chart's ratio needs a target: without one the series is ``not_available``.
    """
    core = assess_open_sdg(
        series, target=target, target_year=target_year, base_year=base_year, direction=direction, limit=None
    )
    if target is None:
        return _unassessed(core)
    if core.target_achieved:
        return core
    ratio = core.progress_value
    if ratio is None:
        return core
    return dataclasses.replace(core, status=_band(ratio, UNSD_KNOTS), score=_knot_score(ratio, UNSD_KNOTS))


def weighted_trend(years: Sequence[int], values: Sequence[float], at_year: float) -> float:
    """Value at ``at_year`` of a time-weighted least-squares line; weight of year t is t - first year + 1.

    ESCAP extrapolates with a time-weighted linear regression that gives recent data more weight (ESCAP
    Statistics Division working paper SD/WP/04, March 2017, "Weighted extrapolation method for measuring the
    SDGs"; Asia and the Pacific SDG Progress Report, technical notes). The linearly rising weights are our
    choice of such a weighting.
    """
    t = np.asarray(years, dtype=float)
    y = np.asarray(values, dtype=float)
    w = t - t.min() + 1
    t_mean = np.average(t, weights=w)
    y_mean = np.average(y, weights=w)
    slope = float(np.sum(w * (t - t_mean) * (y - y_mean)) / np.sum(w * (t - t_mean) ** 2))
    return float(y_mean + slope * (at_year - t_mean))


def assess_escap(
    series: Series, *, target: float | None, target_year: int, base_year: int, direction: str
) -> Assessment:
    """ESCAP current status and anticipated progress.

    ``progress_value`` is the current status index 10·d·(I_now - I_base) / |target - I_base|, set to 10 when
    the current value meets the target. ``anticipated_value`` is :func:`weighted_trend` (all years with data)
    in the target year, and the anticipated progress ratio APR = d·(anticipated - I_base) / |target - I_base|
    gives the status: >= 1 target anticipated ("maintain progress") -> ``substantial_progress``; 0.5-1 ->
    ``moderate``, 0-0.5 -> ``limited`` (ESCAP's "accelerate progress", split at 0.5 by us); < 0 ("reverse
    trend") -> ``deterioration``. Score knots (APR, score): (-1, -5), (0, -2.5), (0.5, 0), (1, 2.5), (1.5, 5).
    ESCAP only assesses indicators with a target value, and needs a current year after the base year.
    """
    direction = normalise_direction(direction)
    d = direction_sign(direction)
    if not series.years:
        return unavailable(target, target_year, direction)
    base, base_value, current_year, current_value = endpoints(series, base_year)
    record = Assessment(
        base, base_value, current_year, current_value, target, target_year, direction, None, NOT_AVAILABLE,
        None,
    )
    if target is None:
        return record
    anticipated = weighted_trend(series.years, series.values, target_year) if len(series.years) > 1 else None
    record = dataclasses.replace(record, anticipated_value=anticipated)
    if meets_target(current_value, target, direction):
        return dataclasses.replace(record, progress_value=ESCAP_CAP, status=TARGET_ACHIEVED, score=5.0)
    if base is None or current_year == base or target == base_value:
        return record
    span = abs(target - base_value)
    ratio = d * (anticipated - base_value) / span
    return dataclasses.replace(
        record, progress_value=ESCAP_CAP * d * (current_value - base_value) / span,
        status=_band(ratio, ESCAP_KNOTS), score=_knot_score(ratio, ESCAP_KNOTS),
    )


def sdsn_normalise(value: float, worst: float, best: float) -> float:
    """x' = (x - worst) / (best - worst) × 100, censored to 0..100 (SDSN SDG Index)."""
    return float(min(max((value - worst) / (best - worst) * 100, 0.0), 100.0))


def sdsn_colour(normalised: float) -> str:
    """Dashboard colour of a normalised value with the green threshold at ``best`` and the red one at
    ``worst``.

    SDSN's Sustainable Development Report rates an indicator green at or beyond its green threshold (SDG
    achievement), red at or beyond its red threshold, and splits the band between at its midpoint into yellow
    (nearer green) and orange. With the thresholds at ``best`` and ``worst`` that is x' = 100 green, [50, 100)
    yellow, (0, 50) orange, 0 red.
    """
    if normalised >= 100:
        return GREEN
    if normalised >= 50:
        return YELLOW
    if normalised > 0:
        return ORANGE
    return RED


def dashboard_colour(colours: Sequence[str]) -> str | None:
    """A goal's colour from its two worst indicators (SDR): red 0, orange 1, yellow 2, green 3, their mean
    rounded down, so a goal is green only when both are green. None without indicators."""
    ratings = sorted(_RATING[c] for c in colours)[:2]
    if not ratings:
        return None
    mean = sum(ratings) // len(ratings)
    return next(c for c, r in _RATING.items() if r == mean)


def assess_sdsn(
    series: Series, *, target: float | None, target_year: int, base_year: int, direction: str,
    worst: float | None = None, best: float | None = None,
) -> Assessment:
    """SDSN normalisation of the current value: ``progress_value`` is x' (0..100), ``score`` = x' / 10 - 5.

    ``best`` defaults to the target and ``worst`` to the base-year value (a local substitute for SDSN's bounds,
    which are a technical optimum and the 2.5th percentile across countries); bounds that contradict
    ``direction`` (best not beyond worst in the desired direction) leave the series ``not_available``. A current
    value that meets the target is ``target_achieved`` with score 5. Otherwise the status follows
    :func:`sdsn_colour`: green -> ``target_achieved`` without a target, else ``substantial_progress``; yellow ->
    ``substantial_progress``; orange -> ``moderate_progress``; red -> ``limited_progress`` if the current value
    is no worse than the base value, else ``deterioration``.
    """
    direction = normalise_direction(direction)
    if not series.years:
        return unavailable(target, target_year, direction)
    base, base_value, current_year, current_value = endpoints(series, base_year)
    achieved = meets_target(current_value, target, direction)
    record = Assessment(
        base, base_value, current_year, current_value, target, target_year, direction, None,
        TARGET_ACHIEVED if achieved else NOT_AVAILABLE, 5.0 if achieved else None,
    )
    best = target if best is None else best
    if worst is None:
        worst = base_value if base is not None and base < current_year else None
    if best is None or worst is None or (best - worst) * direction_sign(direction) <= 0:
        return record
    normalised = sdsn_normalise(current_value, worst, best)
    if achieved:
        return dataclasses.replace(record, progress_value=normalised)
    colour = sdsn_colour(normalised)
    if colour == RED:
        better = base_value is None or (current_value - base_value) * (best - worst) >= 0
        status = LIMITED if better else DETERIORATION
    elif colour == GREEN:
        status = TARGET_ACHIEVED if target is None else SUBSTANTIAL
    else:
        status = SUBSTANTIAL if colour == YELLOW else MODERATE
    return dataclasses.replace(record, progress_value=normalised, status=status, score=normalised / 10 - 5)
