"""15.3.1 land productivity kernels against pymannkendall, numpy's percentile and hand-worked pixels."""
from __future__ import annotations

import numpy as np
import pymannkendall
import pytest
from sdg_monitor.core import productivity as lp


@pytest.mark.parametrize("seed", range(6))
def test_mann_kendall_matches_pymannkendall(seed):
    rng = np.random.default_rng(seed)
    years = 16
    # drifts of several strengths, some series rounded to few values so that ties occur
    series = rng.normal(size=(years, 300)) + np.linspace(0, 1, years)[:, None] * rng.normal(0, 1.5, 300)
    series[:, :100] = np.round(series[:, :100])
    s, variance = lp.mann_kendall(series)
    z = lp.mann_kendall_z(s, variance)
    trend = lp.trajectory(series)
    for pixel in range(series.shape[1]):
        reference = pymannkendall.original_test(series[:, pixel], alpha=0.05)
        assert s[pixel] == reference.s
        assert variance[pixel] == pytest.approx(reference.var_s)
        assert z[pixel] == pytest.approx(reference.z)
        expected = int(np.sign(reference.slope)) if reference.p <= 0.05 else 0
        assert trend[pixel] == expected, pixel
    assert set(np.unique(trend)) == {-1, 0, 1}  # the random series reach every outcome


@pytest.mark.parametrize("seed", range(4))
def test_trajectory_sign_is_the_theil_sen_sign_with_ties(seed):
    rng = np.random.default_rng(100 + seed)
    years = int(rng.integers(4, 18))
    # strong drifts on few distinct values: many ties and zero slopes, most trends significant
    series = np.round(np.arange(years)[:, None] * rng.normal(0, 0.4, 400) + rng.normal(size=(years, 400)))
    trend = lp.trajectory(series)
    for pixel in range(series.shape[1]):
        reference = pymannkendall.original_test(series[:, pixel], alpha=0.05)
        assert trend[pixel] == (int(np.sign(reference.slope)) if reference.p <= 0.05 else 0), pixel


def test_trajectory_hand_worked():
    rising = np.arange(10.0)  # S = 45, Var = 10*9*25/18 = 125, z = 44/11.18 = 3.94: p < 0.001
    falling = rising[::-1].copy()
    zigzag = np.array([1.0, 2.0] * 5)  # S = 5: z = 4/10.6 (ties) far from 1.96
    short_rise = np.array([1.0, 2.0, 3.0, 4.0])  # S = 6, Var = 4*3*13/18 = 8.67, z = 5/2.94 = 1.70: p = 0.09
    stack = np.stack([rising, falling, zigzag, short_rise[[0, 1, 2, 3, 3, 3, 3, 3, 3, 3]]], axis=1)
    assert lp.trajectory(stack[:, :3]).tolist() == [1, -1, 0]
    assert lp.trajectory(short_rise[:, None]).tolist() == [0]
    s, variance = lp.mann_kendall(short_rise[:, None])
    assert (s[0], variance[0]) == (6, pytest.approx(4 * 3 * 13 / 18))


def test_state_hand_worked():
    # Baseline 1..10: range 9, widened by 0.45 each side (0.55 and 10.45); the 12 values' p10..p90 (linear
    # interpolation, h = 0.1 k * 11) are 1.1, 2.2, ..., 9.9. Baseline mean 5.5 is class 5 (5.5 is not above 5.5).
    baseline = np.repeat(np.arange(1.0, 11.0)[:, None], 4, axis=1)
    recent = np.array([[3.0, 4.0, 7.7, 7.71]])  # classes 3, 4, 7, 8: change -2, -1, +2, +3
    assert lp.state(baseline, recent).tolist() == [-1, 0, 1, 1]


def test_performance_hand_worked():
    means = np.array([1.0, 4.9, 5.0, 9.0])
    assert lp.performance(means, np.full(4, 10.0)).tolist() == [-1, -1, 0, 0]


# Trends.Earth, "Aggregating Land Productivity metrics": (trajectory, state, performance) -> 5 classes, the 18 rows
# in the documentation's order (I improving, S stable, D degrading).
LPD_TABLE = [
    ("I", "I", "S", "Increasing"), ("I", "I", "D", "Increasing"), ("I", "S", "S", "Increasing"),
    ("I", "S", "D", "Increasing"), ("I", "D", "S", "Increasing"), ("I", "D", "D", "Moderate decline"),
    ("S", "I", "S", "Stable"), ("S", "I", "D", "Stable"), ("S", "S", "S", "Stable"),
    ("S", "S", "D", "Stressed"), ("S", "D", "S", "Moderate decline"), ("S", "D", "D", "Declining"),
    ("D", "I", "S", "Declining"), ("D", "I", "D", "Declining"), ("D", "S", "S", "Declining"),
    ("D", "S", "D", "Declining"), ("D", "D", "S", "Declining"), ("D", "D", "D", "Declining"),
]
MEASURE = {"I": 1, "S": 0, "D": -1}
CODE = {"Declining": 1, "Moderate decline": 2, "Stressed": 3, "Stable": 4, "Increasing": 5}
THREE = {"Declining": -1, "Moderate decline": -1, "Stressed": 0, "Stable": 0, "Increasing": 1}


@pytest.mark.parametrize("row", LPD_TABLE)
def test_lpd_combination_row(row):
    trajectory, state, performance, expected = row
    lpd = lp.lpd_class(np.array([MEASURE[trajectory]]), np.array([MEASURE[state]]),
                       np.array([MEASURE[performance]]))
    assert lpd.tolist() == [CODE[expected]]
    assert lp.lpd_subindicator(lpd, -32768).tolist() == [THREE[expected]]


def test_lpd_subindicator_nodata():
    assert lp.lpd_subindicator(np.array([0, 5], dtype=np.uint8), -32768).tolist() == [-32768, 1]


@pytest.mark.parametrize("chunk", [1, 7, 1000, 100000])
def test_unit_percentiles_match_numpy(chunk):
    rng = np.random.default_rng(7)
    n = 5000
    values = np.concatenate([rng.normal(0, 1000, n - 500), np.full(300, 0.25), -np.zeros(100),
                             rng.integers(-3, 3, 100)]).astype(np.float32)
    units = rng.integers(0, 4, values.size)
    units[values == 0.25] = 2
    counts = np.bincount(units, minlength=5)  # unit 4 has no value

    def chunks():
        for start in range(0, values.size, chunk):
            yield units[start:start + chunk], values[start:start + chunk]

    got = lp.unit_percentiles(chunks, counts, 90.0)
    for unit in range(4):
        assert got[unit] == pytest.approx(np.percentile(values[units == unit].astype(np.float64), 90), abs=1e-9)
    assert np.isnan(got[4])
    one = lp.unit_percentiles(lambda: iter([(np.zeros(1, dtype=int), np.array([-2.5], dtype=np.float32))]),
                              np.array([1]), 90.0)
    assert one.tolist() == [-2.5]
