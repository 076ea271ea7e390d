"""core.land_formulas against hand-worked values of the UN-Habitat 11.3.1 formulas and the 6.6.1 baseline rule."""
from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sdg_monitor.core.land_formulas import (
    PGR_NEAR_ZERO,
    PGR_NEGATIVE,
    PGR_OK,
    baseline_mean,
    baseline_years,
    land_consumption_rate,
    lcrpgr,
    per_capita_m2,
    percent_change,
    pgr_status,
    population_growth_rate,
)


def test_worked_city_2010_2020():
    """Built-up 120 -> 150 km², population 200,000 -> 220,000 over 2010-2020, worked by hand:
    LCR = 30 / 120 / 10 = 0.025 a year; PGR = ln(1.1) / 10 = 0.0095310 a year; LCRPGR = 2.62301."""
    lcr = land_consumption_rate(120.0, 150.0, 2010, 2020)
    pgr = population_growth_rate(200_000, 220_000, 2010, 2020)
    assert lcr == pytest.approx(0.025)
    assert pgr == pytest.approx(0.0095310180, rel=1e-7)
    assert lcrpgr(lcr, pgr) == pytest.approx(2.6230148, rel=1e-6)
    assert per_capita_m2(120.0, 200_000) == pytest.approx(600.0)
    assert per_capita_m2(150.0, 220_000) == pytest.approx(681.8181818)


def test_land_grows_as_fast_as_people_gives_about_one():
    """Built-up and population both doubling: LCR uses a simple rate and PGR a log rate, so LCRPGR = 1/ln 2."""
    lcr = land_consumption_rate(10.0, 20.0, 2000, 2010)
    pgr = population_growth_rate(1000, 2000, 2000, 2010)
    assert lcrpgr(lcr, pgr) == pytest.approx(1.0 / math.log(2.0))


def test_pgr_near_zero_or_negative_is_not_divided_by():
    lcr = land_consumption_rate(100.0, 110.0, 2015, 2020)
    flat = population_growth_rate(50_000, 50_010, 2015, 2020)  # 0.004 % a year
    falling = population_growth_rate(50_000, 45_000, 2015, 2020)
    assert pgr_status(flat) == PGR_NEAR_ZERO and lcrpgr(lcr, flat) is None
    assert pgr_status(falling) == PGR_NEGATIVE and lcrpgr(lcr, falling) is None
    assert falling == pytest.approx(math.log(0.9) / 5)
    assert pgr_status(0.002) == PGR_OK and pgr_status(0.002, tolerance=0.005) == PGR_NEAR_ZERO
    assert pgr_status(None) == "missing" and lcrpgr(lcr, None) is None


def test_missing_or_zero_inputs_give_none_and_bad_years_raise():
    assert land_consumption_rate(0.0, 5.0, 2000, 2010) is None
    assert population_growth_rate(0, 100, 2000, 2010) is None
    assert population_growth_rate(100, 0, 2000, 2010) is None
    assert per_capita_m2(5.0, 0) is None
    with pytest.raises(ValueError, match="end year"):
        land_consumption_rate(1.0, 2.0, 2020, 2020)


@given(st.floats(0.001, 0.2), st.floats(0.002, 0.1), st.integers(1, 40))
def test_lcrpgr_recovers_known_rates(land_rate, people_rate, years):
    """Built-up growing by ``land_rate`` × years and population growing exponentially at ``people_rate``."""
    v1, p1 = 50.0, 10_000.0
    v2 = v1 * (1 + land_rate * years)
    p2 = p1 * math.exp(people_rate * years)
    lcr = land_consumption_rate(v1, v2, 2000, 2000 + years)
    pgr = population_growth_rate(p1, p2, 2000, 2000 + years)
    assert lcrpgr(lcr, pgr) == pytest.approx(land_rate / people_rate, rel=1e-9)


def test_percent_change_against_baseline():
    """Water 10, 12, 11, 14, 13 km² in 2000-2004 (mean 12) and 9 km² in 2020: -25 %."""
    values = {2000: 10.0, 2001: 12.0, 2002: 11.0, 2003: 14.0, 2004: 13.0, 2020: 9.0}
    years, fallback = baseline_years(list(values), 2000, 2004)
    assert years == [2000, 2001, 2002, 2003, 2004] and not fallback
    base = baseline_mean(values, years)
    assert base == pytest.approx(12.0)
    assert percent_change(values[2020], base) == pytest.approx(-25.0)
    assert percent_change(3.0, 0.0) is None


def test_equal_baseline_years_give_that_value_and_no_change():
    """The sample's township 330521107: 0.4557872253055846 km² in every year 2000-2020. A plain sum / 5 gives
    0.45578722530558463 and a change of -1.2e-14 %; unchanged is 0 %. A real change keeps its value."""
    extent = 0.4557872253055846
    values = {year: extent for year in range(2000, 2021)}
    base = baseline_mean(values, [2000, 2001, 2002, 2003, 2004])
    assert base == extent and percent_change(values[2020], base) == 0.0
    assert baseline_mean({2000: 10.0, 2001: 12.0, 2002: 11.0}, [2000, 2001, 2002]) == 11.0
    assert baseline_mean({2000: 0.1, 2001: 0.1, 2002: 0.1}, [2000, 2001, 2002]) == 0.1  # sum / 3: 0.10000000000000002


def test_baseline_falls_back_to_the_first_years_given():
    years, fallback = baseline_years([2018, 2010, 2012, 2020], 2000, 2001)
    assert years == [2010, 2012] and fallback
    years, fallback = baseline_years([2010, 2015, 2020], 2000, 2004)
    assert years == [2010, 2015] and fallback  # the latest year is never part of the baseline
    assert baseline_years([2020], 2000, 2004) == ([2020], True)
    years, fallback = baseline_years([2003, 2010], 2000, 2004)
    assert years == [2003] and not fallback
    assert baseline_mean({2010: 1.0, 2012: None}, [2010, 2012]) is None
    with pytest.raises(ValueError, match="baseline start"):
        baseline_years([2000], 2005, 2000)
