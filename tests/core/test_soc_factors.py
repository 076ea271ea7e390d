"""SOC change factors and stock changes worked by hand from the IPCC / Trends.Earth coefficient table."""
from __future__ import annotations

import numpy as np
import pytest
from sdg_monitor.core.degradation import change_state
from sdg_monitor.core.soil_carbon import IPCC_REGIONS, coefficients, parse_regions, stock_change_ratio

FOREST, GRASS, CROP, WETLAND, ARTIFICIAL, OTHER, WATER = range(1, 8)


def test_coefficient_table_by_hand():
    table = coefficients(0.69)  # temperate moist
    cell = {(a, b): table[a - 1, b - 1] for a in range(1, 8) for b in range(1, 8)}
    assert cell[FOREST, CROP] == 0.69 and cell[GRASS, CROP] == 0.69
    assert cell[CROP, FOREST] == pytest.approx(1 / 0.69) and cell[CROP, GRASS] == pytest.approx(1 / 0.69)
    assert cell[WETLAND, CROP] == 0.71 and cell[CROP, WETLAND] == pytest.approx(1 / 0.71)
    for start in (FOREST, GRASS, CROP, WETLAND):
        assert cell[start, ARTIFICIAL] == cell[start, OTHER] == 0.1
    for start in (ARTIFICIAL, OTHER):
        assert [cell[start, end] for end in (FOREST, GRASS, CROP, WETLAND)] == [2, 2, 2, 2]
        assert cell[start, WATER] == 1 and cell[start, ARTIFICIAL] == cell[start, OTHER] == 1
    assert [cell[FOREST, end] for end in (FOREST, GRASS, WETLAND, WATER)] == [1, 1, 1, 1]
    assert [cell[WATER, end] for end in range(1, 8)] == [1] * 7
    assert [r.factor for r in IPCC_REGIONS] == [0.80, 0.69, 0.58, 0.48, 0.64]


def test_stock_changes_by_hand():
    tables = np.stack([coefficients(0.69), coefficients(0.58)])
    start = np.array([FOREST, FOREST, FOREST, ARTIFICIAL, CROP, CROP, GRASS, 0, FOREST])
    end = np.array([CROP, CROP, CROP, GRASS, FOREST, FOREST, GRASS, CROP, CROP])
    region = np.array([0, 0, 1, 0, 0, 0, 0, 0, -1])
    years = [5, 10, 20, 5, 20, 30, 5, 5, 5]
    ratios = np.array([stock_change_ratio(start[i:i + 1], end[i:i + 1], region[i:i + 1], tables, years[i])[0]
                       for i in range(len(start))])
    # 1 + (0.69 - 1) * 5/20 = 0.9225 (-7.75 %); * 10/20 = 0.845 (-15.5 %); tropical dry over 20 years 0.58;
    # artificial -> grassland 1 + 1 * 5/20 = 1.25; cropland -> forest 1/0.69 after 20 years and no more after 30
    expected = [0.9225, 0.845, 0.58, 1.25, 1 / 0.69, 1 / 0.69, 1.0]
    assert ratios[:7] == pytest.approx(expected)
    assert np.isnan(ratios[7:]).all()  # unknown class, unknown region
    assert change_state((ratios - 1) * 100, 10.0).tolist() == [0, -1, -1, 1, 1, 1, 0, -32768, -32768]


def test_parse_regions():
    regions = parse_regions(["1", "Warm temperate moist", "0.69", 7, "Custom", 0.9])
    assert [(r.code, r.name, r.factor) for r in regions] == [(1, "Warm temperate moist", 0.69), (7, "Custom", 0.9)]
    with pytest.raises(ValueError, match="twice"):
        parse_regions([1, "a", 0.7, 1, "b", 0.8])
    with pytest.raises(ValueError, match="positive"):
        parse_regions([1, "a", 0])
    with pytest.raises(ValueError, match="row 1"):
        parse_regions(["x", "a", 0.7])
    with pytest.raises(ValueError, match="rows of 3"):
        parse_regions([1, "a"])
