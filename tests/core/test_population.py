"""Population kernels against hand-worked allocations and naive per-pixel loops."""
from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sdg_monitor.core.population import (
    ExposureSums,
    ZoneWeightSums,
    allocate,
    class_weights,
    parse_class_weights,
    plan_allocation,
    scatter_cells,
)


def test_parse_class_weights_with_ranges():
    assert parse_class_weights("80:1, 10:0.05;20-22:0.01") == {80: 1.0, 10: 0.05, 20: 0.01, 21: 0.01, 22: 0.01}
    assert parse_class_weights("") == {}


@pytest.mark.parametrize("text, message", [
    ("80", "class:weight"), ("80:x", "not a number"), ("80:-1", ">= 0"), ("80:1,78-82:2", "more than once"),
    (":1", "class:weight"), ("a:1", "class value or range"), ("80:nan", "finite"),
])
def test_parse_class_weights_refuses(text, message):
    with pytest.raises(ValueError, match=message):
        parse_class_weights(text)


def test_class_weights_unlisted_and_invalid_are_zero():
    block = np.array([[80, 10, 60], [80, 0, 20]], dtype=np.uint8)
    out = class_weights(block, {80: 1.0, 10: 0.5, 60: 0.0}, block != 0)
    assert out.tolist() == [[1.0, 0.5, 0.0], [1.0, 0.0, 0.0]]


def test_two_zone_allocation_by_hand():
    """Zone 1: weights 2, 1, 1 -> total 40 gives 20, 10, 10. Zone 2: no weight, 4 cells -> 12 / 4 each."""
    labels = np.array([[1, 1, 2], [1, 0, 2], [2, 2, 0]])
    weight = np.array([[2.0, 1.0, 0.0], [1.0, 5.0, 0.0], [0.0, 0.0, 7.0]])
    uniform = np.ones((1, 1))
    sums = ZoneWeightSums(2, 2)
    sums.add(labels, [weight, uniform])
    assert sums.weights[0].tolist() == [12.0, 4.0, 0.0]
    assert sums.cells.tolist() == [2, 3, 4]
    plan = plan_allocation(sums, np.array([[40.0, 4.0], [12.0, 8.0]]))
    assert plan.level.tolist() == [-1, 0, 1]
    out = allocate(labels, [weight, uniform], plan)
    nan = np.nan
    np.testing.assert_array_equal(out[0], [[20, 10, 3], [10, nan, 3], [3, 3, nan]])
    np.testing.assert_array_equal(out[1], [[2, 1, 2], [1, nan, 2], [2, 2, nan]])


def test_zone_without_cells_is_not_placed():
    labels = np.array([[1, 1]])
    sums = ZoneWeightSums(2, 1)
    sums.add(labels, [np.ones((1, 1))])
    plan = plan_allocation(sums, np.array([[5.0], [7.0]]))
    assert plan.level.tolist() == [-1, 0, -1]
    assert allocate(labels, [np.ones((1, 1))], plan).tolist() == [[[2.5, 2.5]]]


@settings(max_examples=40, deadline=None)
@given(st.integers(0, 2**32 - 1), st.integers(1, 6), st.integers(1, 4))
def test_allocation_preserves_totals_over_strips(seed, n_zones, n_strips):
    """Totals come back exactly (float64) whatever the strips, for every zone that holds a cell."""
    rng = np.random.default_rng(seed)
    labels = rng.integers(0, n_zones + 1, size=(12, 9))
    weight = rng.random((12, 9)) * (rng.random((12, 9)) < 0.5)
    area = np.full((1, 1), 3.0)
    totals = rng.random((n_zones, 2)) * 1000
    bounds = np.linspace(0, 12, n_strips + 1).astype(int)
    sums = ZoneWeightSums(n_zones, 2)
    for a, b in zip(bounds[:-1], bounds[1:]):
        sums.add(labels[a:b], [weight[a:b], area])
    plan = plan_allocation(sums, totals)
    out = np.concatenate([allocate(labels[a:b], [weight[a:b], area], plan)
                          for a, b in zip(bounds[:-1], bounds[1:])], axis=1)
    for zone in range(1, n_zones + 1):
        inside = labels == zone
        if inside.any():
            np.testing.assert_allclose(out[:, inside].sum(axis=1), totals[zone - 1], rtol=1e-12)
            if weight[inside].sum() > 0:  # weights respected: value / weight is the same in the zone
                ratio = out[0][inside & (weight > 0)] / weight[inside & (weight > 0)]
                np.testing.assert_allclose(ratio, ratio[0], rtol=1e-12)
                assert np.all(out[0][inside & (weight == 0)] == 0)
    assert np.all(np.isnan(out[:, labels == 0]))


def test_scatter_cells_sums_pieces_of_a_strip():
    rows = np.array([0, 1, 1, 3])
    cols = np.array([2, 0, 0, 1])
    values = np.array([1.0, 2.0, 3.0, 4.0])
    assert scatter_cells(rows, cols, values, 1, 2, 3).tolist() == [[5.0, 0.0, 0.0], [0.0, 0.0, 0.0]]


def test_exposure_sums_against_naive_loop():
    rng = np.random.default_rng(7)
    labels = rng.integers(0, 3, size=(6, 5))
    conc = rng.random((6, 5)) * 20
    conc_valid = rng.random((6, 5)) > 0.2
    pop = rng.random((6, 5)) * 100 - 10
    pop_valid = rng.random((6, 5)) > 0.1
    sums = ExposureSums(2, 5.0)
    sums.add(labels[:3], conc[:3], conc_valid[:3], pop[:3], pop_valid[:3])
    sums.add(labels[3:], conc[3:], conc_valid[3:], pop[3:], pop_valid[3:])
    for zone in (1, 2):
        weighted = people = above = missing = 0.0
        for i in range(6):
            for j in range(5):
                if labels[i, j] != zone or not pop_valid[i, j] or pop[i, j] <= 0:
                    continue
                if conc_valid[i, j]:
                    weighted += conc[i, j] * pop[i, j]
                    people += pop[i, j]
                    above += pop[i, j] if conc[i, j] > 5.0 else 0.0
                else:
                    missing += pop[i, j]
        assert sums.weighted[zone] == pytest.approx(weighted)
        assert sums.population[zone] == pytest.approx(people)
        assert sums.above[zone] == pytest.approx(above)
        assert sums.missing[zone] == pytest.approx(missing)
