"""Progress against targets: Open SDG's method against hand-worked values and METHODS.md's worked examples,
the alternatives on hand-worked examples, table assessment, roll-ups and a monotonicity property."""
from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from sdg_monitor.core.progress import (
    METHODS,
    OUTPUT_COLUMNS,
    STATUSES,
    Assessment,
    DuplicateYearsError,
    aggregate_series,
    assess,
    assess_frame,
    rollup,
    score_colour,
)
from sdg_monitor.core.progress_alternatives import dashboard_colour, sdsn_normalise, weighted_trend
from sdg_monitor.core.progress_open_sdg import limit_coefficient

approx = pytest.approx


def check(result: Assessment, status: str, pv: float | None, score: float | None) -> None:
    assert result.status == status
    assert result.progress_value == (None if pv is None else approx(pv, rel=1e-6, abs=1e-12))
    assert result.score == (None if score is None else approx(score, rel=1e-6, abs=1e-9))


# --- METHODS.md worked examples --------------------------------------------------------------------------

def test_worked_example_decrease():
    result = assess([2015, 2022], [100, 80], target=70, target_year=2030, direction="decrease")
    assert result.progress_value == approx(1.335, abs=5e-4)
    assert (result.status, result.score) == ("substantial_progress", 5.0)
    assert (result.base_year, result.base_value, result.current_year, result.current_value) == (2015, 100, 2022, 80)


def test_worked_example_increase():
    result = assess([2015, 2022], [40, 52], target=100, direction="increase")
    assert result.progress_value == approx(0.606, abs=5e-4)
    assert result.status == "moderate_progress"
    assert result.score == approx(0.045, abs=5e-4)


# --- method 1 (no target) --------------------------------------------------------------------------------

@pytest.mark.parametrize(("current", "status", "pv", "score"), [
    (110, "substantial_progress", 0.019244876, 4.622438246),  # 1.1^(1/5) - 1; 500 pv - 5
    (105, "moderate_progress", 0.009805798, 1.201449418),  # 250 pv - 1.25
    (101, "limited_progress", 0.001992048, -1.503976167),  # 500 pv - 2.5
    (95, "deterioration", -0.010206218, -3.775777289),  # 125 pv - 2.5
    (50, "deterioration", -0.129449437, -5.0),  # floor
])
def test_method1_increase(current, status, pv, score):
    check(assess([2015, 2020], [100, current], direction="increase"), status, pv, score)


def test_method1_decrease_caps_score():
    check(assess([2015, 2020], [100, 90], direction="decrease"), "substantial_progress", 0.020851638, 5.0)


def test_limit_coefficient_branches():
    assert limit_coefficient(95, 100) == approx(1 - 0.95 ** 4.44)  # b <= L
    assert limit_coefficient(150, 100) == approx(1 - 0.5 ** 4.44)  # L < b < 2L
    assert limit_coefficient(250, 100) == 1.0  # b >= 2L
    assert limit_coefficient(0, 0) == 1.0  # both zero: the first branch
    assert limit_coefficient(100, 100) == 0.0
    assert limit_coefficient(-95, -100) == limit_coefficient(95, 100)  # absolute values


@pytest.mark.parametrize(("current", "status", "pv", "score"), [
    # C = 1 - 0.95^4.44 = 0.2036705; thresholds 0.0030551 / 0.0010184 / 0
    (97, "substantial_progress", 0.004175511, 5.0),  # min(500 pv / C - 5, 5)
    (95.5, "moderate_progress", 0.001050422, 0.039365070),  # 250 pv / C - 1.25
    (95.1, "limited_progress", 0.00021043773, -1.983386807),  # 500 pv / C - 2.5
    (94, "deterioration", (94 / 95) ** 0.2 - 1, 125 * ((94 / 95) ** 0.2 - 1) - 2.5),  # not scaled by C
])
def test_method1_with_limit(current, status, pv, score):
    check(assess([2015, 2020], [95, current], direction="increase", limit=100), status, pv, score)


def test_method1_limit_without_effect_far_away():
    far = assess([2015, 2020], [250, 240], direction="decrease", limit=100)
    plain = assess([2015, 2020], [250, 240], direction="decrease")
    assert (far.status, far.score) == (plain.status, plain.score)


def test_method1_coefficient_zero():
    # Open SDG gives substantial progress, 5; a value at its limit has achieved its target (our rule).
    check(assess([2015, 2020], [100, 100], direction="increase", limit=100), "target_achieved", 0.0, 5.0)
    kept_above = assess([2015, 2020], [100, 101], direction="increase", limit=100)
    assert (kept_above.status, kept_above.score) == ("target_achieved", 5.0)
    dropped = (99 / 100) ** 0.2 - 1
    check(assess([2015, 2020], [100, 99], direction="increase", limit=100), "deterioration", dropped,
          125 * dropped - 2.5)


# --- method 2 (target) -----------------------------------------------------------------------------------

@pytest.mark.parametrize(("current", "status", "pv", "score"), [
    (42, "limited_progress", 0.111038712, 4.1667 * 0.111038712 - 2.5),
    (38, "deterioration", -0.115903922, 4.1667 * -0.115903922 - 2.5),
    (20, "deterioration", ((20 / 40) ** (1 / 7) - 1) / ((100 / 40) ** (1 / 15) - 1), -5.0),
    (90, "substantial_progress", ((90 / 40) ** (1 / 7) - 1) / ((100 / 40) ** (1 / 15) - 1), 5.0),
])
def test_method2_branches(current, status, pv, score):
    check(assess([2015, 2022], [40, current], target=100, direction="increase"), status, pv, score)


def test_method2_ignores_limit():
    with_limit = assess([2015, 2022], [40, 52], target=100, direction="increase", limit=100)
    assert with_limit == assess([2015, 2022], [40, 52], target=100, direction="increase")


@pytest.mark.parametrize(("values", "direction", "target"), [
    ([40, 100], "increase", 100), ([40, 120], "increase", 100), ([100, 70], "decrease", 70),
    ([100, 50], "decrease", 70),
])
def test_target_achieved(values, direction, target):
    result = assess([2015, 2022], values, target=target, direction=direction)
    assert (result.status, result.score, result.target_achieved) == ("target_achieved", 5.0, True)


def test_base_already_beyond_target_but_lost_it():
    result = assess([2015, 2022], [120, 90], target=100, direction="increase")
    assert result.status == "deterioration" and result.progress_value < 0


# --- edge cases ------------------------------------------------------------------------------------------

def test_target_zero_becomes_0001():
    result = assess([2015, 2020], [10, 5], target=0, direction="decrease")
    assert result.target == 0  # reported as given, computed with 0.001
    check(result, "limited_progress", 0.282129118, 4.1667 * 0.282129118 - 2.5)


def test_base_zero_becomes_0001():
    result = assess([2015, 2020], [0, 5], direction="increase")
    assert result.base_value == 0.001
    check(result, "substantial_progress", 5000 ** 0.2 - 1, 5.0)


def test_opposite_signs_not_available():
    check(assess([2015, 2020], [-5, 5], direction="increase"), "not_available", None, None)
    check(assess([2015, 2020], [5, -5], target=1, direction="increase"), "not_available", None, None)


def test_both_negative_flip_the_sign():
    check(assess([2015, 2020], [-10, -5], direction="increase"), "substantial_progress", 0.129449437, 5.0)


@pytest.mark.parametrize(("years", "values"), [([2015], [10]), ([2020], [10]), ([2010, 2012], [1, 2]), ([], [])])
def test_fewer_than_two_years_not_available(years, values):
    check(assess(years, values, target=20, direction="increase"), "not_available", None, None)


def test_single_year_meeting_the_target_counts_as_achieved():
    # Open SDG checks the target before the progress value, so one year at the target is "achieved".
    result = assess([2020], [25], target=20, direction="increase")
    assert (result.status, result.score, result.progress_value) == ("target_achieved", 5.0, None)


def test_duplicate_years_named():
    with pytest.raises(DuplicateYearsError, match="2016.*2018") as caught:
        assess([2015, 2016, 2016, 2018, 2018, 2020], [1, 2, 3, 4, 5, 6])
    assert caught.value.years == (2016, 2018)


def test_missing_values_dropped_before_duplicate_check():
    result = assess([2015, 2020, 2020], [100, None, 110], direction="increase")
    assert (result.current_year, result.current_value) == (2020, 110)


def test_base_year_default_and_first_later_year():
    assert assess([2012, 2014, 2016, 2020], [1, 2, 3, 4]).base_year == 2016
    assert assess([2012, 2015, 2020], [1, 2, 3]).base_year == 2015
    assert assess([2012, 2014, 2016, 2020], [1, 2, 3, 4], base_year=2012).base_value == 1


def test_year_ranges_and_float_years():
    result = assess(["2015-16", "2020-21"], [100, 110], direction="increase")
    assert (result.base_year, result.current_year) == (2015, 2020)
    assert assess([2015.0, 2020.0], [100, 110]).base_year == 2015


def test_guards_where_the_source_would_divide_by_zero():
    assert assess([2015, 2020], [100, 110], target=120, target_year=2015, direction="increase").status == (
        "not_available"
    )
    same = assess([2015, 2020], [100, 110], target=100, direction="decrease")
    assert (same.progress_value, same.status, same.score) == (-math.inf, "deterioration", -5.0)


def test_bad_direction_and_method():
    with pytest.raises(ValueError, match="direction"):
        assess([2015, 2020], [1, 2], direction="up")
    with pytest.raises(ValueError, match="method"):
        assess([2015, 2020], [1, 2], method="nope")
    assert assess([2015, 2020], [1, 2], direction="positive").direction == "increase"


# --- aggregation -----------------------------------------------------------------------------------------

def _scored(status: str, score: float | None) -> Assessment:
    return Assessment(2015, 1.0, 2020, 1.0, None, 2030, "increase", None, status, score)


def test_aggregate_series():
    mixed = aggregate_series([_scored("target_achieved", 5.0), _scored("moderate_progress", 1.0),
                              _scored("limited_progress", -1.0), _scored("not_available", None)])
    assert (mixed.status, mixed.series_count, mixed.scored_count) == ("moderate_progress", 4, 3)
    assert mixed.score == approx(5 / 3)
    assert aggregate_series([_scored("target_achieved", 5.0)] * 2).status == "target_achieved"
    assert aggregate_series([_scored("target_achieved", 5.0), _scored("substantial_progress", 5.0)]).status == (
        "substantial_progress"
    )
    assert aggregate_series([_scored("deterioration", -4.0), _scored("limited_progress", -2.0)]).status == (
        "deterioration"
    )
    assert aggregate_series([_scored("not_available", None)]).status == "not_available"
    assert aggregate_series([]).score is None


@pytest.mark.parametrize(("score", "status"), [(2.5, "substantial_progress"), (2.49, "moderate_progress"),
                                               (0.0, "moderate_progress"), (-0.01, "limited_progress"),
                                               (-2.5, "limited_progress"), (-2.51, "deterioration")])
def test_status_from_score_bands(score, status):
    assert aggregate_series([_scored("x", score)]).status == status


# --- alternatives ----------------------------------------------------------------------------------------

@pytest.mark.parametrize(("current", "status", "score"), [
    (52, "moderate_progress", (0.606312678 - 0.5) / 0.45 * 2.5),
    (42, "limited_progress", -2.5 + (0.111038712 + 0.1) / 0.6 * 2.5),
    (39, "limited_progress", -2.5 + (-0.057315052 + 0.1) / 0.6 * 2.5),  # Open SDG: deterioration
    (35, "deterioration", -5 + (-0.299968339 + 0.7) / 0.6 * 2.5),
    (90, "substantial_progress", 5.0),
    (100, "target_achieved", 5.0),
])
def test_unsd_progress_chart(current, status, score):
    result = assess([2015, 2022], [40, current], target=100, direction="increase", method="unsd_progress_chart")
    assert result.status == status
    assert result.score == approx(score, rel=1e-6)


def test_unsd_needs_a_target():
    result = assess([2015, 2022], [40, 52], direction="increase", method="unsd_progress_chart")
    assert (result.status, result.score, result.base_value) == ("not_available", None, 40)


def test_weighted_trend_by_hand_and_against_polyfit():
    years, values = [2015, 2018, 2022], [40, 45, 52]
    assert weighted_trend(years, values, 2030) == approx(65.8425, abs=1e-3)  # weights 1, 4, 8 worked by hand
    weights = np.array([1.0, 4.0, 8.0])
    reference = np.polyval(np.polyfit(years, values, 1, w=np.sqrt(weights)), 2030)
    assert weighted_trend(years, values, 2030) == approx(reference)
    assert weighted_trend([2015, 2022], [100, 80], 2030) == approx(100 - 20 / 7 * 15)  # two points: exact line


def test_escap_current_status():
    result = assess([2015, 2018, 2022], [40, 45, 52], target=100, direction="increase",
                    method="escap_current_status")
    assert result.progress_value == approx(2.0)  # 10 · (52 - 40) / 60
    assert result.anticipated_value == approx(65.8425, abs=1e-3)
    assert result.status == "limited_progress"  # APR = 25.84 / 60 = 0.4307
    assert result.score == approx(-2.5 + (65.842553 - 40) / 60 / 0.5 * 2.5, rel=1e-5)


def test_escap_decrease_and_target_reached():
    falling = assess([2015, 2022], [100, 80], target=70, direction="decrease", method="escap_current_status")
    assert falling.progress_value == approx(10 * 20 / 30)
    assert falling.status == "substantial_progress"  # APR = (100 - 57.14) / 30 = 1.4286
    assert falling.score == approx(2.5 + (1.4285714 - 1) / 0.5 * 2.5)
    reached = assess([2015, 2022], [100, 60], target=70, direction="decrease", method="escap_current_status")
    assert (reached.progress_value, reached.status, reached.score) == (10.0, "target_achieved", 5.0)
    away = assess([2015, 2022], [100, 120], target=70, direction="decrease", method="escap_current_status")
    assert away.progress_value == approx(-20 / 3) and away.status == "deterioration"
    assert assess([2015, 2022], [100, 80], direction="decrease", method="escap_current_status").status == (
        "not_available"
    )


def test_sdsn_normalise_and_colours():
    assert sdsn_normalise(52, 0, 100) == approx(52)
    assert sdsn_normalise(120, 0, 100) == 100 and sdsn_normalise(-10, 0, 100) == 0
    assert sdsn_normalise(30, 100, 0) == approx(70)  # lower is better
    assert dashboard_colour(["green", "green", "yellow"]) == "yellow"
    assert dashboard_colour(["green", "red"]) == "orange"
    assert dashboard_colour(["green", "orange", "red"]) == "red"
    assert dashboard_colour(["green"]) == "green"
    assert dashboard_colour([]) is None


@pytest.mark.parametrize(("values", "kwargs", "status", "pv"), [
    ([40, 52], {}, "moderate_progress", 20.0),  # worst = base 40, best = target 100: orange
    ([40, 52], {"worst": 0}, "substantial_progress", 52.0),  # yellow
    ([40, 100], {}, "target_achieved", 100.0),  # green
    ([40, 30], {}, "deterioration", 0.0),  # red, worse than the base
    ([10, 15], {"worst": 20}, "limited_progress", 0.0),  # red, but better than the base
])
def test_sdsn(values, kwargs, status, pv):
    result = assess([2015, 2022], values, target=100, direction="increase", method="sdsn", **kwargs)
    assert (result.status, result.progress_value) == (status, approx(pv))
    assert result.score == approx(pv / 10 - 5)


def test_sdsn_decrease_and_missing_bounds():
    result = assess([2015, 2022], [80, 30], direction="decrease", method="sdsn", worst=100, best=0)
    assert (result.progress_value, result.status) == (approx(70), "substantial_progress")
    assert assess([2015, 2022], [80, 30], method="sdsn").status == "not_available"  # no best, no target


# --- tables and roll-ups ---------------------------------------------------------------------------------

def _data() -> pd.DataFrame:
    rows = []
    for area in ("A", "B"):
        rows += [("1.2.1", area, "", 2015, 40.0), ("1.2.1", area, "", 2022, 25.0)]  # poverty falls
        rows += [("8.5.2", area, "", 2015, 5.0), ("8.5.2", area, "", 2022, 6.0 if area == "A" else 4.0)]
        rows += [("15.1.1", area, "forest", 2015, 30.0), ("15.1.1", area, "forest", 2022, 36.0)]
        rows += [("15.1.1", area, "wetland", 2015, 10.0), ("15.1.1", area, "wetland", 2022, 9.0)]
    return pd.DataFrame(rows, columns=["indicator", "area_id", "series", "year", "value"])


def _targets() -> pd.DataFrame:
    return pd.DataFrame([
        {"indicator": "1.2.1", "target": 20.0, "direction": "decrease"},
        {"indicator": "1.2.1", "area_id": "B", "target": 35.0, "direction": "decrease"},  # B has met its own
        {"indicator": "8.5.2", "direction": "decrease"},
        {"indicator": "15.1.1", "series": "forest", "target": 35.0, "direction": "increase"},
        {"indicator": "15.1.1", "series": "wetland", "direction": "increase"},
    ])


def test_assess_frame_contract_and_target_matching():
    out = assess_frame(_data(), _targets())
    assert tuple(out.columns) == OUTPUT_COLUMNS
    assert len(out) == 8
    row = out.set_index(["indicator", "area_id", "series"])
    assert row.loc[("1.2.1", "A", ""), "target"] == 20.0
    assert row.loc[("1.2.1", "B", ""), "target"] == 35.0
    assert row.loc[("1.2.1", "B", ""), "status"] == "target_achieved"
    assert row.loc[("15.1.1", "A", "forest"), "status"] == "target_achieved"
    assert math.isnan(row.loc[("15.1.1", "A", "wetland"), "target"])
    expected = assess([2015, 2022], [40, 25], target=20, direction="decrease")
    assert expected.status == "substantial_progress"
    assert row.loc[("1.2.1", "A", ""), "score"] == approx(expected.score)
    assert row.loc[("8.5.2", "A", ""), "status"] == "deterioration"
    assert int(row.loc[("8.5.2", "A", ""), "base_year"]) == 2015


def test_assess_frame_without_targets_and_columns():
    plain = assess_frame(pd.DataFrame({"indicator": ["x", "x"], "year": [2015, 2020], "value": [100, 90]}))
    assert list(plain[["area_id", "series", "direction", "status"]].iloc[0]) == [
        "", "", "", "not_available"]  # no direction is assumed
    for method in METHODS:
        assert tuple(assess_frame(_data(), _targets(), method=method).columns) == OUTPUT_COLUMNS


def test_assess_frame_errors_name_the_series():
    data = pd.DataFrame({"indicator": ["x"] * 3, "area_id": ["A"] * 3, "year": [2015, 2016, 2016],
                         "value": [1, 2, 3]})
    with pytest.raises(DuplicateYearsError, match="indicator x, area A.*2016"):
        assess_frame(data)
    with pytest.raises(ValueError, match="more than one target"):
        assess_frame(data.iloc[:2], pd.DataFrame({"indicator": ["x", "x"], "target": [1, 2]}))


def test_rollup_counts():
    assessed = assess_frame(_data(), _targets())
    groups = {1: "social", 8: "economic", 15: "environmental"}
    result = rollup(assessed, lambda code: int(code.split(".")[0]), groups.__getitem__)
    goals = result["goals"].set_index(["area_id", "goal"])
    assert goals.loc[("A", 1), "indicators"] == 1
    assert goals.loc[("B", 1), "target_achieved"] == 1
    assert goals.loc[("A", 1), "substantial_progress"] == 1  # "nearly met"
    assert goals.loc[("A", 8), "deterioration"] == 1
    # 15.1.1: forest achieved (5) and wetland deteriorating -> mean of two series, not "target_achieved"
    wetland = assessed.set_index(["area_id", "series"]).sort_index().loc[("A", "wetland"), "score"]
    assert goals.loc[("A", 15), "mean_score"] == approx((5 + wetland) / 2)
    assert goals.loc[("A", 15), "target_achieved"] == 0
    assert sum(goals.loc[("A", 15), list(STATUSES)]) == 1
    assert set(result["groups"]["group"]) == {"social", "economic", "environmental"}
    headline = result["headline"].set_index("area_id")
    assert headline.loc["A"].to_dict() == {"measured": 3, "with_target": 2, "met_or_nearly_met": 1}
    assert headline.loc["B"].to_dict() == {"measured": 3, "with_target": 2, "met_or_nearly_met": 1}
    area_a = assessed[assessed["area_id"] == "A"]
    assert headline.loc["A", "measured"] == area_a["indicator"].nunique()
    assert goals.loc[("A", 8), "colour"] == score_colour(goals.loc[("A", 8), "mean_score"])


def test_score_colour():
    assert [score_colour(s) for s in (5, 2.5, 0, -2.5, -3, None)] == [
        "green", "green", "yellow", "orange", "red", None]


# --- property: a better current value never gets a worse status or a lower score ---------------------------

_RANK = {status: rank for rank, status in enumerate(STATUSES[:-1])}  # 0 is best


@settings(max_examples=300, deadline=None, database=None)
@given(
    method=st.sampled_from(METHODS),
    direction=st.sampled_from(["increase", "decrease"]),
    base=st.floats(1, 1000),
    middle=st.floats(1, 1000),
    currents=st.tuples(st.floats(1, 1000), st.floats(1, 1000)),
    target=st.one_of(st.none(), st.floats(1, 1000)),
    limit=st.one_of(st.none(), st.floats(1, 1000)),
    worst=st.one_of(st.none(), st.floats(1, 1000)),
)
def test_better_current_never_worse(method, direction, base, middle, currents, target, limit, worst):
    worse, better = sorted(currents) if direction == "increase" else sorted(currents, reverse=True)
    kwargs = {"target": target, "direction": direction, "limit": limit, "method": method, "worst": worst}
    low = assess([2015, 2018, 2022], [base, middle, worse], **kwargs)
    high = assess([2015, 2018, 2022], [base, middle, better], **kwargs)
    assume("not_available" not in (low.status, high.status))
    assert _RANK[high.status] <= _RANK[low.status]
    assert high.score >= low.score - 1e-9


# --- the progress rules beside the methods (no assumed direction, limits, parity) ---------------------------

def test_a_value_at_its_limit_has_achieved_its_target():
    # Without a target Open SDG rates a coverage kept at 100 % "limited progress" (growth 0): at the limit it
    # is achieved. A rate kept at 0 (limit 0, decrease) likewise.
    assert assess([2015, 2020], [100, 100], direction="increase").status == "limited_progress"
    kept = assess([2015, 2020], [100, 100], direction="increase", limit=100)
    assert (kept.status, kept.score) == ("target_achieved", 5.0)
    vanished = assess([2015, 2020], [3, 0], direction="decrease", limit=0)
    assert (vanished.status, vanished.score) == ("target_achieved", 5.0)
    # Just short of the limit the method decides (95 -> 99.5 over 5 years, no target: substantial).
    near = assess([2015, 2020], [95, 99.5], direction="increase", limit=100)
    assert near.status == "substantial_progress"
    assert assess([2015, 2020], [100, 99], direction="increase", limit=100).status == "deterioration"
    for method in METHODS:
        assert assess([2015, 2022], [90, 100], target=120, direction="increase", limit=100,
                      method=method).status == "target_achieved"


@pytest.mark.parametrize(("values", "status"), [
    ([0.90, 1.00], "target_achieved"),  # parity reached
    ([0.90, 0.97], "target_achieved"),  # the band's edges are inside
    ([1.10, 1.03], "target_achieved"),
    ([1.00, 1.00], "target_achieved"),
    ([1.00, 1.05], "deterioration"),  # moved away from parity, on the other side
    ([0.96, 0.90], "deterioration"),
])
def test_parity_is_judged_toward_one_with_the_band(values, status):
    result = assess([2015, 2022], values, direction="parity")
    assert result.status == status
    assert (result.target, result.direction, result.current_value) == (1.0, "parity", values[1])
    assert (result.base_value, result.score == 5.0) == (values[0], status == "target_achieved")


def test_parity_progress_is_the_distance_shrinking_toward_the_band():
    # Distance from 1: 0.20 -> 0.10 in 7 years, toward 0.03 by 2030 (Open SDG method 2 on the distance).
    result = assess([2015, 2022], [0.80, 0.90], direction="parity")
    # d = -1 (the distance should decrease): pv = -growth / |required growth| = 0.79, moderate progress.
    pv = -((0.10 / 0.20) ** (1 / 7) - 1) / abs((0.03 / 0.20) ** (1 / 15) - 1)
    assert result.progress_value == pytest.approx(pv) and 0.6 <= pv < 0.95
    assert result.status == "moderate_progress"


def test_no_direction_is_assumed():
    result = assess([2015, 2020], [100, 90])
    assert (result.status, result.score, result.direction) == ("not_available", None, "")
    assert (result.base_value, result.current_value) == (100, 90)


def test_series_outside_the_profile_take_the_indicator_direction_or_are_not_assessed():
    """4.a.1 from sdg:facility_access has series "", "primary" ...; the profile has "internet" and "access"
    (both increase): those series are judged increasing. A code whose rows disagree is not assessed, warned."""
    data = pd.DataFrame({"indicator": ["4.a.1"] * 4 + ["9.9.9"] * 2, "series": ["", "", "primary", "primary", "", ""],
                         "year": [2015, 2022] * 3, "value": [60, 70, 50, 55, 10, 12]})
    targets = pd.DataFrame([
        {"indicator": "4.a.1", "series": "internet", "direction": "increase", "limit": 100, "target": 100},
        {"indicator": "4.a.1", "series": "access", "direction": "increase", "limit": 100},
        {"indicator": "9.9.9", "series": "a", "direction": "increase"},
        {"indicator": "9.9.9", "series": "b", "direction": "decrease"},
    ])
    warnings = []
    out = assess_frame(data, targets, warnings=warnings).set_index(["indicator", "series"])
    assert out.loc[("4.a.1", ""), "direction"] == "increase"
    assert out.loc[("4.a.1", "primary"), "direction"] == "increase"
    # Growth 60 -> 70 without a target (a series' target is not inherited): substantial (> 1.5 % a year).
    assert pd.isna(out.loc[("4.a.1", ""), "target"]) and out.loc[("4.a.1", ""), "status"] == "substantial_progress"
    assert out.loc[("9.9.9", ""), "status"] == "not_available" and out.loc[("9.9.9", ""), "direction"] == ""
    assert [tuple(w) for w in warnings] == [("9.9.9", "", "", True)]
    alone = []
    assess_frame(pd.DataFrame({"indicator": ["x", "x"], "year": [2015, 2020], "value": [1, 2]}), warnings=alone)
    assert [tuple(w) for w in alone] == [("x", "", "", False)]


def test_a_relative_target_is_set_from_the_base_value():
    # -30 % against 2015's 200: target 140; 200 -> 170 by 2022 of 2030 (Open SDG method 2).
    result = assess([2015, 2022], [200, 170], target_change=-30, direction="decrease")
    assert result.target == pytest.approx(140)
    assert result == assess([2015, 2022], [200, 170], target=140, direction="decrease")
    based = assess([2015, 2020, 2022], [100, 200, 180], target_change=-10, base_year=2020, direction="decrease")
    assert (based.base_year, based.target) == (2020, pytest.approx(180)) and based.status == "target_achieved"
    # No value in or after the base year: no base value, so no target.
    assert assess([2010], [5], target_change=-10, base_year=2015, direction="decrease").target is None
