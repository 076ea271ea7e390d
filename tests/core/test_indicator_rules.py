"""The indicators' arithmetic in ``core`` against values worked by hand: 15.1.1, 11.3.1 totals, 6.6.1, 11.6.2,
15.1.2, 11.7.1, the store rows, and the sub-cell means of the dasymetric grid."""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pytest
from sdg_monitor.core.classes import require_classes
from sdg_monitor.core.cover_shares import kba_cover_values, open_space_values
from sdg_monitor.core.forest import forest_groups, forest_values
from sdg_monitor.core.land_formulas import land_consumption_values, water_extent_values
from sdg_monitor.core.messages import FOREST_AND_WATER, NO_CLASSES, InputError
from sdg_monitor.core.population import ExposureSums, block_mean, gathered_block_mean
from sdg_monitor.core.results import Area, ZoneValue, store_rows


def test_forest_values_by_hand():
    # label 0 (outside) is ignored; categories: 0 nodata, 1 forest, 2 water, 3 other land (m²)
    areas = np.array([[9e6, 9e6, 9e6, 9e6],
                      [0.0, 2e6, 1e6, 6e6],    # zone 1: forest 2 km², land 2 + 6 = 8 km² -> 25 %
                      [5e6, 0.0, 4e6, 0.0]])   # zone 2: no land -> no value
    zones, total = forest_values(areas)
    assert zones[0].value == pytest.approx(25.0)
    assert (zones[0].numerator, zones[0].denominator) == (pytest.approx(2.0), pytest.approx(8.0))
    assert zones[0].components == {"forest_km2": pytest.approx(2.0), "land_km2": pytest.approx(8.0)}
    assert zones[1].value is None
    assert total.value == pytest.approx(25.0) and total.denominator == pytest.approx(8.0)


def test_forest_groups_refuse_no_forest_and_overlap():
    assert forest_groups([20], [60]) == ((20,), (60,))
    with pytest.raises(InputError) as empty:
        forest_groups([], [60])
    assert (empty.value.key, empty.value.values) == (NO_CLASSES, ("FOREST_CLASSES",))
    with pytest.raises(InputError) as both:
        forest_groups([20, 60], [60, 61])
    assert (both.value.key, both.value.values) == (FOREST_AND_WATER, ([60],))
    assert require_classes("X", [3, 1]) == (3, 1)


def test_land_consumption_totals_sum_zones_or_take_the_given_populations():
    zones, total = land_consumption_values([1.0, 3.0], [1.5, 3.0], [100.0, 300.0], [110.0, 330.0], 2010, 2020)
    # zone 1: LCR = 0.5 / 1 / 10 = 0.05; PGR = ln(1.1) / 10
    assert zones[0].numerator == pytest.approx(0.05)
    assert zones[0].denominator == pytest.approx(math.log(1.1) / 10)
    assert zones[0].value == pytest.approx(0.05 / (math.log(1.1) / 10))
    # whole area: built-up 4 -> 4.5 km², people 400 -> 440
    assert total.numerator == pytest.approx(0.5 / 4 / 10)
    assert total.denominator == pytest.approx(math.log(1.1) / 10)
    _, given = land_consumption_values([1.0], [1.5], [None], [None], 2010, 2020,
                                       total_population=(1000.0, 1000.0))
    assert given.denominator == 0.0 and given.value is None  # PGR zero: no LCRPGR


def test_water_extent_values_by_hand():
    extents = {2000: np.array([2.0, 0.0]), 2004: np.array([4.0, 1.0]), 2020: np.array([3.3, 1.0])}
    zones, total = water_extent_values(extents, [2000, 2004])
    # zone 1: baseline (2 + 4) / 2 = 3, 2020: 3.3 -> +10 %
    assert zones[0].denominator == pytest.approx(3.0) and zones[0].value == pytest.approx(10.0)
    assert zones[0].breakdown["year=2000"].value == pytest.approx(-100.0 / 3)
    assert zones[0].components["water_km2_2004"] == 4.0
    # zone 2: baseline 0.5, 2020: 1 -> +100 %; whole area: baseline 3.5, 2020: 4.3
    assert zones[1].value == pytest.approx(100.0)
    assert total.value == pytest.approx((4.3 - 3.5) / 3.5 * 100)


def test_exposure_values_by_hand():
    sums = ExposureSums(2, threshold=10.0)
    labels = np.array([[1, 1, 2, 0]])
    concentration = np.array([[8.0, 12.0, 20.0, 50.0]])
    population = np.array([[10.0, 30.0, 5.0, 7.0]])
    sums.add(labels, concentration, np.array([[True, True, False, True]]), population, np.ones((1, 4), bool))
    zones, total = sums.values()
    # zone 1: (8·10 + 12·30) / 40 = 11; 30 of 40 people above 10 -> 75 %
    assert zones[0].value == pytest.approx(11.0) and zones[0].components["pct_above"] == pytest.approx(75.0)
    # zone 2: its 5 people have no concentration
    assert zones[1].value is None and zones[1].components["pop_no_data"] == 5.0
    assert total.value == pytest.approx(11.0) and total.components["pop_no_data"] == 5.0


@dataclass
class _Kba:
    area_km2: float
    protected_km2: float
    zone: int | None


def test_kba_cover_is_a_mean_of_percents():
    kbas = [_Kba(10.0, 5.0, 0), _Kba(1.0, 1.2, 0), _Kba(4.0, 1.0, None)]
    zones, total = kba_cover_values(kbas, 2)
    # zone 0: (50 + 100, capped) / 2 = 75; zone 1: no KBA; total: the KBAs in a zone
    assert zones[0].value == pytest.approx(75.0) and zones[0].denominator == 2.0
    assert zones[1].value is None and zones[1].components["kba_count"] == 0.0
    assert total.value == pytest.approx(75.0)
    assert kba_cover_values(kbas, None)[1].value == pytest.approx((50 + 100 + 25) / 3)


def test_open_space_share_by_hand():
    zones, total = open_space_values([(1.0, 0.5, 10.0), (0.0, 0.0, 0.0)])
    assert zones[0].value == pytest.approx(15.0) and zones[1].value is None
    assert total.components == {"open_space_km2": 1.0, "street_km2": 0.5, "builtup_km2": 10.0}


def test_store_rows_area_then_breakdown():
    value = ZoneValue(np.float64(2.5), 5, 2.0, breakdown={"sex=female": ZoneValue(float("nan"), None, 1.0)})
    rows = store_rows("1.1.1", "percent", "sdg:x", 2020, ["a.tif", "b.tif"], {"P": "1"},
                      [(Area("total", "", "total"), value), (Area("z1", "Zone 1"), ZoneValue(None))])
    common = {"indicator": "1.1.1", "series": "", "year": 2020, "unit": "percent", "method": "sdg:x",
              "source": "a.tif; b.tif", "parameters": {"P": "1"}}
    assert rows == [
        dict(common, area_id="total", area_name="", area_level="total", disaggregation="", value=2.5,
             numerator=5.0, denominator=2.0),
        dict(common, area_id="total", area_name="", area_level="total", disaggregation="sex=female", value=None,
             numerator=None, denominator=1.0),
        dict(common, area_id="z1", area_name="Zone 1", area_level="zone", disaggregation="", value=None,
             numerator=None, denominator=None),
    ]
    assert type(rows[0]["value"]) is float


def test_block_means_match_a_loop():
    rng = np.random.default_rng(3)
    k, rows, width = 3, 2, 4
    fine = rng.random((rows * k, width * k))
    expected = np.array([[fine[r * k:(r + 1) * k, c * k:(c + 1) * k].mean() for c in range(width)]
                         for r in range(rows)])
    np.testing.assert_allclose(block_mean(fine, k), expected)
    source = rng.random((5, width * k))  # source rows, already gathered by fine column
    row_index = rng.integers(0, 5, rows * k)
    gathered = source[row_index]
    np.testing.assert_allclose(gathered_block_mean(source, row_index, k), block_mean(gathered, k))
