"""Core kernels against hand-worked values, published constants and naive references."""
from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays
from sdg_monitor.core.classes import classify, parse_classes
from sdg_monitor.core.formulas import ratio
from sdg_monitor.core.geodesy import cell_areas_geographic
from sdg_monitor.core.zonal import CategoryAreas

WGS84 = (6378137.0, 6356752.314245179)


@pytest.mark.parametrize("text, expected", [
    ("20", (20,)), ("41,42,43", (41, 42, 43)), ("40-43", (40, 41, 42, 43)), (" 10, 20-22 ;30", (10, 20, 21, 22, 30)),
    ("", ()), ("-5", (-5,)),
])
def test_parse_classes(text, expected):
    assert parse_classes(text) == expected


@pytest.mark.parametrize("text", ["forest", "49-40", "1.5"])
def test_parse_classes_refuses(text):
    with pytest.raises(ValueError, match="class value or range"):
        parse_classes(text)


def test_classify_first_group_wins_and_invalid_is_zero():
    block = np.array([[20, 60, 10], [20, 0, 80]])
    valid = block != 0
    assert classify(block, [(20,), (60,)], valid).tolist() == [[1, 2, 3], [1, 0, 3]]


def test_whole_ellipsoid_area_is_the_published_wgs84_surface():
    edges = np.linspace(-90.0, 90.0, 1801)
    total = cell_areas_geographic(edges, 360.0, *WGS84).sum()
    assert total / 1e6 == pytest.approx(510_065_621.7, rel=1e-8)  # WGS84 surface area, km²


def test_sphere_cell_area_by_hand():
    # On a sphere, a cell between latitudes φ1 and φ2, Δλ wide, is R² Δλ (sin φ2 − sin φ1).
    radius = 6371000.0
    area = cell_areas_geographic(np.array([30.0, 31.0]), 1.0, radius, radius)[0]
    expected = radius**2 * math.radians(1.0) * (math.sin(math.radians(31)) - math.sin(math.radians(30)))
    assert area == pytest.approx(expected, rel=1e-12)


@pytest.mark.parametrize("numerator, denominator, expected", [
    (1, 4, 25.0), (0, 5, 0.0), (1, 0, None), (None, 3, None), (1, -2, None), (float("nan"), 1, None)])
def test_ratio(numerator, denominator, expected):
    assert ratio(numerator, denominator) == expected


@settings(max_examples=60, deadline=None)
@given(
    zones=arrays(np.uint16, (7, 9), elements=st.integers(0, 4)),
    categories=arrays(np.uint8, (7, 9), elements=st.integers(0, 3)),
    row_area=arrays(np.float64, (7, 1), elements=st.floats(0.5, 2.0)),
    split=st.integers(1, 6),
)
def test_category_areas_match_naive_loop_across_blocks(zones, categories, row_area, split):
    totals = CategoryAreas(4, 3)
    totals.add(zones[:split], categories[:split], row_area[:split])
    totals.add(zones[split:], categories[split:], row_area[split:])
    naive_count = np.zeros((5, 4), dtype=np.int64)
    naive_area = np.zeros((5, 4))
    for r in range(7):
        for c in range(9):
            naive_count[zones[r, c], categories[r, c]] += 1
            naive_area[zones[r, c], categories[r, c]] += row_area[r, 0]
    assert (totals.counts() == naive_count).all()
    assert np.allclose(totals.areas(), naive_area)
