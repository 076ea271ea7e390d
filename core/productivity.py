"""SDG 15.3.1 land productivity kernels: trajectory, state, performance and their land productivity dynamics.

Definitions of the UNCCD Good Practice Guidance for SDG 15.3.1, version 2 (Sims et al., 2021) as implemented by
Trends.Earth (documentation "UNCCD reporting", sections Productivity Trajectory, State, Performance and
Combining Productivity Metrics). Measures are int8 arrays: -1 degrading, 0 stable, 1 improving; the land
productivity dynamics (LPD) classes use Trends.Earth's codes 1 declining, 2 moderate decline, 3 stable but
stressed, 4 stable, 5 increasing; 0 is no data. Everything here is numpy only and works on any block of pixels:
a series is a stack of shape (years, ...) with one layer per consecutive year.
"""
from __future__ import annotations

from statistics import NormalDist
from typing import Callable, Iterable

import numpy as np

DECLINING, MODERATE_DECLINE, STRESSED, STABLE_LPD, INCREASING = 1, 2, 3, 4, 5
LPD_CODES = (DECLINING, MODERATE_DECLINE, STRESSED, STABLE_LPD, INCREASING)
LPD_NODATA = 0
#: Sub-indicator (-1 degraded, 0 stable, 1 improved) of each LPD class (GPG v2: the 3-class reduction).
LPD_SUBINDICATOR = {DECLINING: -1, MODERATE_DECLINE: -1, STRESSED: 0, STABLE_LPD: 0, INCREASING: 1}

#: Significance of the trajectory: a two-sided Mann-Kendall p-value at most this is a trend (GPG v2).
ALPHA = 0.05
#: State: percentile cut-offs of the baseline distribution (10 classes) and the class change that counts.
STATE_PERCENTILES = tuple(range(10, 100, 10))
STATE_EXTENSION = 0.05
STATE_CLASS_CHANGE = 2
#: Performance: a pixel below this share of its land unit's maximum productivity (its 90th percentile) is
#: degrading.
PERFORMANCE_PERCENTILE = 90.0
PERFORMANCE_RATIO = 0.5


def _pair_signs(series: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per pixel of a stack (years, ...): the number of pairs i < j with x_j > x_i, with x_j < x_i, and the tie sum
    sum over tie groups of t(t - 1)(2t + 5), taken per value: a value tied with c values (itself included) adds
    (c - 1)(2c + 5), so a group of t adds t(t - 1)(2t + 5)."""
    n = series.shape[0]
    rising = np.zeros(series.shape[1:], dtype=np.int32)
    falling = np.zeros(series.shape[1:], dtype=np.int32)
    ties = np.ones(series.shape, dtype=np.int32)  # c per value, itself included
    for i in range(n - 1):
        later = series[i + 1:]
        rising += (later > series[i]).sum(axis=0, dtype=np.int32)
        falling += (later < series[i]).sum(axis=0, dtype=np.int32)
        equal = later == series[i]
        ties[i] += equal.sum(axis=0, dtype=np.int32)
        ties[i + 1:] += equal
    return rising, falling, ((ties - 1) * (2 * ties + 5)).sum(axis=0)


def mann_kendall(series: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Mann-Kendall S and its variance with the tie correction, per pixel, of a stack (years, ...):
    S = sum over i < j of sign(x_j - x_i); Var(S) = [n(n-1)(2n+5) - sum over tie groups t(t-1)(2t+5)] / 18
    (Kendall 1975)."""
    rising, falling, tie_sum = _pair_signs(series)
    n = series.shape[0]
    return rising - falling, (n * (n - 1) * (2 * n + 5) - tie_sum) / 18.0


def mann_kendall_z(s: np.ndarray, variance: np.ndarray) -> np.ndarray:
    """The continuity-corrected normal score of S: (S - 1) / sd for S > 0, (S + 1) / sd for S < 0, else 0."""
    sd = np.sqrt(np.maximum(variance, 0.0))
    with np.errstate(divide="ignore", invalid="ignore"):
        z = np.where(s > 0, (s - 1) / sd, np.where(s < 0, (s + 1) / sd, 0.0))
    return np.where(sd > 0, z, 0.0)


def trajectory(series: np.ndarray, alpha: float = ALPHA) -> np.ndarray:
    """Trajectory measure: a Mann-Kendall trend with a two-sided p-value <= ``alpha`` takes the sign of the
    Theil-Sen slope (-1 degrading, 1 improving); anything else is stable (0).

    The Theil-Sen slope is the median of (x_j - x_i) / (j - i) over the P pairs i < j; a slope has the sign of
    x_j - x_i, so the signs of the two middle order statistics (ranks ceil(P/2) and floor(P/2) + 1) follow from
    the counts of falling and tied pairs. They are a negative and a positive slope (the one case where the sign
    of the median needs their values) only when exactly half the pairs fall and none tie, i.e. S = 0: never a
    significant trend. So no slope is ever computed.
    """
    rising, falling, tie_sum = _pair_signs(series)
    n = series.shape[0]
    pairs = n * (n - 1) // 2
    s, variance = rising - falling, (n * (n - 1) * (2 * n + 5) - tie_sum) / 18.0
    critical = NormalDist().inv_cdf(1.0 - alpha / 2.0)  # p <= alpha  <=>  |z| >= critical
    significant = np.abs(mann_kendall_z(s, variance)) >= critical
    not_rising = pairs - rising

    def sign_at(rank: int) -> np.ndarray:
        return np.where(rank <= falling, -1, np.where(rank <= not_rising, 0, 1))

    median_sign = np.sign(sign_at((pairs + 1) // 2) + sign_at(pairs // 2 + 1))
    return np.where(significant, median_sign, 0).astype(np.int8)


def percentile_class(values: np.ndarray, cutoffs: np.ndarray) -> np.ndarray:
    """Class 1..len(cutoffs)+1 of each value: 1 at or below the first cut-off, one more per cut-off exceeded."""
    return 1 + (values[np.newaxis] > cutoffs).sum(axis=0)


def state(baseline: np.ndarray, recent: np.ndarray) -> np.ndarray:
    """State measure from the baseline years' stack and the recent years' stack (years, ...).

    Cut-offs are the 10th..90th percentiles (linear interpolation between order statistics, numpy's default) of
    the baseline's annual values together with two values 5 % of their range beyond their minimum and maximum
    (the GPG's widening of the distribution for extremes the baseline missed). The baseline mean and the recent
    mean each fall in a class 1..10; a recent class at least 2 below the baseline's is degrading (-1), at least 2
    above improving (1), else stable (0).
    """
    ordered = np.sort(baseline, axis=0).astype(np.float64)
    margin = STATE_EXTENSION * (ordered[-1] - ordered[0])
    widened = np.concatenate([(ordered[0] - margin)[np.newaxis], ordered, (ordered[-1] + margin)[np.newaxis]])
    position = np.array(STATE_PERCENTILES) / 100.0 * (len(widened) - 1)
    below = np.floor(position).astype(np.intp)
    above = np.minimum(below + 1, len(widened) - 1)
    fraction = (position - below).reshape((-1,) + (1,) * (baseline.ndim - 1))
    cutoffs = widened[below] + fraction * (widened[above] - widened[below])
    change = percentile_class(recent.mean(axis=0), cutoffs) - percentile_class(baseline.mean(axis=0), cutoffs)
    return np.where(change <= -STATE_CLASS_CHANGE, -1, np.where(change >= STATE_CLASS_CHANGE, 1, 0)).astype(np.int8)


def performance(mean: np.ndarray, unit_maximum: np.ndarray) -> np.ndarray:
    """Performance measure: -1 where the mean productivity is below :data:`PERFORMANCE_RATIO` of its land unit's
    maximum productivity (the 90th percentile of the unit's means), else 0."""
    return np.where(mean < PERFORMANCE_RATIO * unit_maximum, -1, 0).astype(np.int8)


def lpd_class(trajectory_: np.ndarray, state_: np.ndarray, performance_: np.ndarray) -> np.ndarray:
    """The 5 LPD classes from the three measures (Trends.Earth's table "Aggregating Land Productivity metrics"):

    - trajectory degrading: declining;
    - trajectory improving: increasing, except state and performance both degrading: moderate decline;
    - trajectory stable: state improving: stable; state stable: stable, or stable but stressed when the
      performance is degrading; state degrading: moderate decline, or declining when the performance is
      degrading.
    """
    low = performance_ == -1
    stable_trajectory = np.where(
        state_ == 1, STABLE_LPD,
        np.where(state_ == 0, np.where(low, STRESSED, STABLE_LPD), np.where(low, DECLINING, MODERATE_DECLINE)))
    improving = np.where((state_ == -1) & low, MODERATE_DECLINE, INCREASING)
    return np.where(trajectory_ == -1, DECLINING,
                    np.where(trajectory_ == 1, improving, stable_trajectory)).astype(np.uint8)


def lpd_subindicator(lpd: np.ndarray, nodata: int) -> np.ndarray:
    """The productivity sub-indicator of 15.3.1 (-1/0/1) from LPD classes; ``nodata`` where the class is 0."""
    out = np.full(lpd.shape, nodata, dtype=np.int16)
    for code, value in LPD_SUBINDICATOR.items():
        out[lpd == code] = value
    return out


# --- exact percentiles per land unit, in passes over the data (memory independent of its size) ---------------

def _float_keys(values: np.ndarray) -> np.ndarray:
    """Unsigned 32-bit keys in the order of float32 values (sign bit flipped, negatives inverted)."""
    bits = np.ascontiguousarray(values, dtype=np.float32).view(np.uint32)
    return np.where(bits & np.uint32(0x80000000), ~bits, bits | np.uint32(0x80000000))


def _key_floats(keys: np.ndarray) -> np.ndarray:
    """Inverse of :func:`_float_keys`."""
    keys = keys.astype(np.uint32)
    bits = np.where(keys & np.uint32(0x80000000), keys & np.uint32(0x7FFFFFFF), ~keys)
    return bits.astype(np.uint32).view(np.float32)


#: Radix digits of the selection (bits 31-20, 19-8, 7-0): three passes, 4096 bins per target at most.
_DIGITS = ((20, 12), (8, 12), (0, 8))


def order_statistics(chunks: Callable[[], Iterable[tuple[np.ndarray, np.ndarray]]], ranks: np.ndarray) -> np.ndarray:
    """The value of rank ``ranks[u]`` (0-based, ascending) among the float32 values of unit ``u``.

    ``chunks()`` yields (unit index, value) arrays of the valid values each time it is called; it is called once
    per radix digit (three times): each pass counts, per unit, the values in each bin of the next digit among
    those sharing the digits found so far, so memory depends on the number of units only. Exact: the result is
    the value ``np.sort`` puts at that rank.
    """
    n_units = len(ranks)
    remaining = np.asarray(ranks, dtype=np.int64).copy()
    prefix = np.zeros(n_units, dtype=np.uint32)
    for level, (shift, width) in enumerate(_DIGITS):
        bins = 1 << width
        counts = np.zeros(n_units * bins, dtype=np.int64)
        for units, values in chunks():
            keys = _float_keys(values)
            if level:
                high = shift + width
                match = (keys >> np.uint32(high)) == (prefix[units] >> np.uint32(high))
                units, keys = units[match], keys[match]
            digit = (keys >> np.uint32(shift)) & np.uint32(bins - 1)
            counts += np.bincount(units.astype(np.int64) * bins + digit, minlength=counts.size)
        cumulative = counts.reshape(n_units, bins).cumsum(axis=1)
        chosen = (cumulative <= remaining[:, np.newaxis]).sum(axis=1)
        chosen = np.minimum(chosen, bins - 1)
        before = np.where(chosen > 0, cumulative[np.arange(n_units), np.maximum(chosen - 1, 0)], 0)
        remaining -= before
        prefix |= chosen.astype(np.uint32) << np.uint32(shift)
    return _key_floats(prefix).astype(np.float64)


def unit_percentiles(chunks: Callable[[], Iterable[tuple[np.ndarray, np.ndarray]]], counts: np.ndarray,
                     percentile: float) -> np.ndarray:
    """The ``percentile`` (linear interpolation between order statistics, numpy's default) of each unit's
    float32 values; NaN for a unit without values. ``counts`` is the number of values per unit."""
    counts = np.asarray(counts, dtype=np.int64)
    position = percentile / 100.0 * np.maximum(counts - 1, 0)
    below = np.floor(position).astype(np.int64)
    above = np.minimum(below + 1, np.maximum(counts - 1, 0))
    low = order_statistics(chunks, below)
    high = order_statistics(chunks, above)
    result = low + (position - below) * (high - low)
    return np.where(counts > 0, result, np.nan)
