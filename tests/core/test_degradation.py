"""SDG 15.3.1 kernels: one out, all out on every combination, the UNCCD default matrix, class mapping, SOC."""
from __future__ import annotations

import itertools

import numpy as np
import pytest
from sdg_monitor.core.degradation import (
    GLOBELAND30_MAPPING,
    NODATA,
    UNCCD_TRANSITIONS,
    given_state,
    land_cover_state,
    one_out_all_out,
    parse_class_mapping,
    parse_transition_matrix,
    recode,
    soc_state,
)

STATES = (-1, 0, 1, NODATA)


def rule(*states: int) -> int:
    """The GPG rule written out for one pixel."""
    if NODATA in states:
        return NODATA
    if -1 in states:
        return -1
    if 1 in states:
        return 1
    return 0


@pytest.mark.parametrize("count", [1, 2, 3])
def test_one_out_all_out_on_every_combination(count):
    combos = list(itertools.product(STATES, repeat=count))
    arrays = [np.array([combo[i] for combo in combos], dtype=np.int16) for i in range(count)]
    assert one_out_all_out(arrays).tolist() == [rule(*combo) for combo in combos]


@pytest.mark.parametrize("states, expected", [
    ((1, -1, 1), -1), ((1, 0, 0), 1), ((0, 0, 0), 0), ((0, 0, -1), -1), ((1, 1, NODATA), NODATA),
    ((-1, NODATA, 0), NODATA),
])
def test_one_out_all_out_hand_picked(states, expected):
    assert one_out_all_out([np.array([s], dtype=np.int16) for s in states]).tolist() == [expected]


def test_default_matrix_is_the_unccd_gpg_matrix():
    """Rows = start, columns = end: tree-covered, grassland, cropland, wetland, artificial, other land, water
    (UNCCD GPG for SDG 15.3.1, the default of Trends.Earth)."""
    published = [
        [0, -1, -1, -1, -1, -1, 0],
        [1, 0, 1, -1, -1, -1, 0],
        [1, -1, 0, -1, -1, -1, 0],
        [-1, -1, -1, 0, -1, -1, 0],
        [1, 1, 1, 1, 0, 1, 0],
        [1, 1, 1, 1, -1, 0, 0],
        [0, 0, 0, 0, 0, 0, 0],
    ]
    assert UNCCD_TRANSITIONS.tolist() == published
    assert np.all(np.diag(UNCCD_TRANSITIONS) == 0)
    assert UNCCD_TRANSITIONS[0, 2] == -1 and UNCCD_TRANSITIONS[2, 0] == 1  # deforestation / afforestation
    assert UNCCD_TRANSITIONS[5, 4] == -1  # other land to artificial: degradation


def test_parse_transition_matrix_labelled_and_flat():
    names = ["Tree-covered", "Grassland", "Cropland", "Wetland", "Artificial", "Other land", "Water bodies"]
    labelled = []
    for name, row in zip(names, UNCCD_TRANSITIONS.tolist()):
        labelled += [name] + [str(v) for v in row]
    assert parse_transition_matrix(labelled).tolist() == UNCCD_TRANSITIONS.tolist()
    flat = [0] * 49
    flat[2] = -1
    matrix = parse_transition_matrix(flat)
    assert matrix[0, 2] == -1 and matrix.sum() == -1
    labelled_by_number = [str(i // 8 + 1) if i % 8 == 0 else "0" for i in range(56)]
    assert parse_transition_matrix(labelled_by_number).sum() == 0


@pytest.mark.parametrize("values, message", [
    ([0] * 48, "needs 7 rows of 7 values"),
    ([0] * 48 + [2], "Water bodies to Water bodies is '2'"),
    (["Grassland"] + [0] * 55, "row 1 of the transition matrix is labelled 'Grassland'"),
    ([0] * 10 + ["x"] + [0] * 38, "use -1"),
])
def test_parse_transition_matrix_refuses(values, message):
    with pytest.raises(ValueError, match=message):
        parse_transition_matrix(values)


def test_globeland30_mapping():
    assert parse_class_mapping(GLOBELAND30_MAPPING) == {
        20: 1, 30: 2, 40: 2, 70: 2, 10: 3, 50: 4, 80: 5, 90: 6, 100: 6, 60: 7}
    assert parse_class_mapping("1-3=1; 4 = 7") == {1: 1, 2: 1, 3: 1, 4: 7}


@pytest.mark.parametrize("text, message", [
    ("20", "codes=class"), ("20=8", "class 8"), ("20=1; 20=2", "mapped twice"), ("", "no land-cover code"),
    ("20=forest", "not a class number"), ("x=1", "class value or range"),
])
def test_parse_class_mapping_refuses(text, message):
    with pytest.raises(ValueError, match=message):
        parse_class_mapping(text)


def test_land_cover_state_hand_worked():
    mapping = parse_class_mapping(GLOBELAND30_MAPPING)
    start_codes = np.array([20, 10, 60, 255, 90, 30])
    end_codes = np.array([10, 20, 60, 20, 80, 10])
    valid = np.array([True, True, True, True, True, False])
    start = recode(start_codes, mapping, np.ones(6, dtype=bool))
    end = recode(end_codes, mapping, valid)
    assert start.tolist() == [1, 3, 7, 0, 6, 2] and end.tolist() == [3, 1, 7, 1, 5, 0]
    assert land_cover_state(start, end, UNCCD_TRANSITIONS).tolist() == [-1, 1, 0, NODATA, -1, NODATA]


def test_soc_state_ten_percent():
    start = np.array([50.0, 50.0, 50.0, 50.0, 0.0, 50.0, 80.0])
    end = np.array([45.0, 45.5, 55.0, 54.9, 10.0, 20.0, 100.0])
    valid = np.array([True, True, True, True, True, False, True])
    assert soc_state(start, end, valid).tolist() == [-1, 0, 1, 0, NODATA, NODATA, 1]
    assert soc_state(start, end, valid, threshold=30.0).tolist() == [0, 0, 0, 0, NODATA, NODATA, 0]


def test_given_state_counts_unexpected_values():
    block = np.array([-1, 0, 1, 2, -5, 1])
    valid = np.array([True, True, True, True, False, False])
    state, unexpected = given_state(block, valid)
    assert state.tolist() == [-1, 0, 1, NODATA, NODATA, NODATA] and unexpected == 1


# The UNCCD GPG Addendum (2025) status matrices, as printed (rows: baseline, columns: period assessment).
ADDENDUM_3X3 = {(-1, -1): -1, (-1, 0): -1, (-1, 1): 1, (0, -1): -1, (0, 0): 0, (0, 1): 1,
                (1, -1): -1, (1, 0): 1, (1, 1): 1}
ADDENDUM_EXPANDED = {(-1, -1): 1, (-1, 0): 3, (-1, 1): 6, (0, -1): 2, (0, 0): 4, (0, 1): 6,
                     (1, -1): 2, (1, 0): 5, (1, 1): 7}


def test_status_matrices_of_the_addendum():
    from sdg_monitor.core.degradation import status, status_state

    pairs = list(ADDENDUM_3X3) + [(NODATA, 0), (1, NODATA)]
    baseline = np.array([b for b, _ in pairs], dtype=np.int16)
    period = np.array([p for _, p in pairs], dtype=np.int16)
    expanded = status(baseline, period)
    assert expanded.tolist() == [ADDENDUM_EXPANDED[pair] for pair in ADDENDUM_3X3] + [0, 0]
    assert status_state(expanded).tolist() == [ADDENDUM_3X3[pair] for pair in ADDENDUM_3X3] + [NODATA, NODATA]
