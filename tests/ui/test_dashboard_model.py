"""The dashboard view-model (Qt-free) on a hand-made store: statuses and scores checked against the Open SDG
formulas worked by hand (METHODS.md), areas, filters, goal and group counts, chart series and zone values."""
from __future__ import annotations

import math

import pandas as pd
import pytest
from dashboard_data import build_store
from sdg_monitor.core.catalog import load_catalog
from sdg_monitor.core.store import ResultsStore
from sdg_monitor.ui.dashboard_model import (
    OTHER_GROUP,
    Dashboard,
    required_trajectory,
    rows_frame,
)


def growth(v1, v0, t1, t0):
    return (v1 / v0) ** (1 / (t1 - t0)) - 1


def score_with_target(pv):
    """METHODS.md: pv >= 0.6: min(7.1429 pv - 4.2857, 5), else max(4.1667 pv - 2.5, -5)."""
    return min(7.1429 * pv - 4.2857, 5) if pv >= 0.6 else max(4.1667 * pv - 2.5, -5)


@pytest.fixture()
def dashboard(sample_store):
    return Dashboard.from_store(ResultsStore(sample_store), load_catalog())


def test_levels_whole_area_first_then_by_number_of_areas(dashboard):
    assert dashboard.levels() == ["total", "township", "village"]
    assert [(a.area_id, a.name) for a in dashboard.areas("township")] == [("T1", "Wukang"), ("T2", "Xinshi")]
    assert [a.area_id for a in dashboard.areas("total")] == ["deqing"]


def test_indicator_rows_of_the_whole_area(dashboard):
    rows = dashboard.indicator_rows("deqing")
    assert [r.indicator for r in rows] == ["5.5.1", "6.6.1", "11.6.2", "15.1.1"]  # natural code order
    by_code = {r.indicator: r for r in rows}
    # Latest undisaggregated values (the sex=female row of 5.5.1, 99, is not a headline value).
    assert {c: r.latest_value for c, r in by_code.items()} == {"5.5.1": 35, "6.6.1": 3, "11.6.2": 80, "15.1.1": 52}
    assert by_code["15.1.1"].name == "Forest area as a proportion of total land area"
    assert (by_code["11.6.2"].unit, by_code["11.6.2"].year) == ("µg/m³", 2022)
    assert (by_code["11.6.2"].target, by_code["11.6.2"].target_year) == (70, 2030)
    assert (by_code["6.6.1"].target, by_code["6.6.1"].target_year) == (None, None)
    # METHODS.md worked examples: decrease 100 -> 80, target 70: substantial, 5; increase 40 -> 52, target 100:
    # moderate, 0.045. 35 >= 30 with an increase target: achieved. One year only: not available.
    assert (by_code["11.6.2"].status, by_code["11.6.2"].score) == ("substantial_progress", 5)
    assert by_code["15.1.1"].status == "moderate_progress"
    assert by_code["15.1.1"].score == pytest.approx(0.045, abs=5e-4)
    assert (by_code["5.5.1"].status, by_code["5.5.1"].score) == ("target_achieved", 5)
    assert (by_code["6.6.1"].status, by_code["6.6.1"].score) == ("not_available", None)
    assert [(r.trend, r.trend_good) for r in rows] == [("up", True), (None, None), ("down", True), ("up", True)]


def test_township_row_matches_the_hand_computed_progress(dashboard):
    row = next(r for r in dashboard.indicator_rows("T1") if r.indicator == "15.1.1")
    pv = growth(35, 30, 2022, 2015) / abs(growth(100, 30, 2030, 2015))
    assert 0 <= pv < 0.6
    assert row.status == "limited_progress"
    assert row.score == pytest.approx(score_with_target(pv), abs=1e-3)


def test_filters_goal_status_and_search(dashboard):
    def codes(**kw):
        return [r.indicator for r in dashboard.indicator_rows("deqing", **kw)]

    assert codes(goal=15) == ["15.1.1"]
    assert codes(goal=1) == []
    assert codes(status="not_available") == ["6.6.1"]
    assert codes(search="FOREST") == ["15.1.1"]
    assert codes(search="particulate") == ["11.6.2"]
    assert codes(search=" 5.5 ") == ["5.5.1"]
    assert codes(search="1.1") == ["15.1.1"]
    assert codes(goal=11, search="forest") == []


def test_goal_tiles_counts_and_official_colours(dashboard):
    tiles = dashboard.goal_tiles("deqing")
    assert [t.number for t in tiles] == list(range(1, 18))
    # Official UN colours of goals 1, 11 and 15.
    assert (tiles[0].colour, tiles[10].colour, tiles[14].colour) == ("#E5243B", "#FD9D24", "#56C02B")
    assert tiles[14].short_name == "Life on land"
    measured = {t.number: t.summary for t in tiles if t.summary.indicators}
    assert sorted(measured) == [5, 6, 11, 15]
    assert measured[5].counts["target_achieved"] == 1 and measured[5].mean_score == 5
    assert measured[11].counts["substantial_progress"] == 1
    assert measured[15].counts["moderate_progress"] == 1
    assert measured[6].counts["not_available"] == 1 and measured[6].mean_score is None
    assert all(sum(s.counts.values()) == s.indicators == 1 for s in measured.values())
    assert tiles[0].summary.indicators == 0 and tiles[0].colour != tiles[0].summary.colour


def test_group_summaries_and_headline(dashboard):
    groups = {s.key: s for s in dashboard.group_summaries("deqing")}
    assert sorted(groups) == ["environmental", "social"]  # 5 and 11 social, 6 and 15 environmental
    assert groups["social"].indicators == 2 and groups["social"].mean_score == 5
    assert groups["environmental"].counts["moderate_progress"] == 1
    assert groups["environmental"].counts["not_available"] == 1
    assert groups["environmental"].mean_score == pytest.approx(0.045, abs=5e-4)  # the only score
    # 4 measured, 3 with a target, met or nearly met: achieved (5.5.1) + substantial (11.6.2).
    assert dashboard.headline("deqing") == {"measured": 4, "with_target": 3, "met_or_nearly_met": 2}
    assert dashboard.headline("nowhere") == {"measured": 0, "with_target": 0, "met_or_nearly_met": 0}


def test_time_series_with_target_and_required_trajectory(dashboard):
    series = dashboard.time_series("11.6.2", "", "deqing")
    assert series.years == (2015, 2018, 2022) and series.values == (100, 90, 80)
    assert (series.target, series.target_year, series.base_year, series.base_value) == (70, 2030, 2015, 100)
    assert series.trajectory_years == tuple(range(2015, 2031))
    # Constant rate from 100 to 70 over 15 years: 100 * 0.7 ** (5 / 15) in 2020.
    assert series.trajectory_values[5] == pytest.approx(100 * 0.7 ** (1 / 3))
    assert series.trajectory_values[-1] == pytest.approx(70)
    no_target = dashboard.time_series("6.6.1", "", "deqing")
    assert (no_target.target, no_target.target_year, no_target.trajectory_years) == (None, None, ())


def test_required_trajectory_is_linear_through_zero():
    years, values = required_trajectory(2015, 0.0, 2020, 10.0)
    assert years == (2015, 2016, 2017, 2018, 2019, 2020)
    assert values == pytest.approx((0, 2, 4, 6, 8, 10))
    assert required_trajectory(2030, 5.0, 2030, 10.0) == ((), ())


def test_zone_level_and_values(dashboard):
    assert dashboard.zone_level("total", "15.1.1", "") == "township"
    assert dashboard.zone_level("village", "15.1.1", "") == "village"
    assert dashboard.zone_level("total", "5.5.1", "") is None
    latest = dashboard.zone_values("15.1.1", "", "township")
    assert latest.year == 2022 and latest.by_id() == {"T1": 35, "T2": 66}
    assert dashboard.zone_values("15.1.1", "", "township", year=2015).by_id() == {"T1": 30, "T2": 50}
    assert dashboard.zone_values("15.1.1", "", "village").by_id() == {"V1": 20, "V2": 40, "V3": 60}
    assert dashboard.zone_values("5.5.1", "", "township") is None


def test_trend_against_the_target_direction(tmp_path):
    store = ResultsStore(tmp_path / "worse.gpkg")
    store.upsert_results([{"indicator": "11.6.2", "area_id": "a", "area_level": "total", "year": y, "value": v}
                          for y, v in ((2015, 80.0), (2022, 90.0))])
    store.upsert_targets([{"indicator": "11.6.2", "target": 70.0, "direction": "decrease"}])
    (row,) = Dashboard.from_store(store, load_catalog()).indicator_rows("a")
    pv = -growth(90, 80, 2022, 2015) / abs(growth(70, 80, 2030, 2015))
    assert (row.trend, row.trend_good) == ("up", False)
    assert row.status == "deterioration" and row.score == pytest.approx(score_with_target(pv), abs=1e-3)
    assert row.score < -2.5


def test_local_codes_and_missing_names(tmp_path):
    store = ResultsStore(tmp_path / "local.gpkg")
    store.upsert_results([{"indicator": code, "area_id": "a", "year": 2020, "value": 1.0}
                          for code in ("L3.8", "X")])
    dashboard = Dashboard.from_store(store, load_catalog())
    assert dashboard.levels() == ["total"]  # a missing level is the whole area
    assert {r.indicator: (r.goal, r.name) for r in dashboard.indicator_rows("a")} == {
        "L3.8": (3, "L3.8"), "X": (0, "X")}
    assert [s.key for s in dashboard.group_summaries("a")] == [OTHER_GROUP, "social"]


def test_empty_store_and_store_without_targets(tmp_path):
    empty = Dashboard.from_store(ResultsStore(tmp_path / "empty.gpkg"), load_catalog())
    assert empty.is_empty and not empty.has_targets
    assert empty.levels() == [] and empty.indicator_rows("x") == []
    assert all(t.summary.indicators == 0 for t in empty.goal_tiles("x"))
    bare = Dashboard.from_store(ResultsStore(build_store(tmp_path / "bare.gpkg", targets=False)), load_catalog())
    assert not bare.is_empty and not bare.has_targets


def test_chinese_names(sample_store):
    dashboard = Dashboard.from_store(ResultsStore(sample_store), load_catalog(), lang="zh")
    row = next(r for r in dashboard.indicator_rows("deqing") if r.indicator == "15.1.1")
    assert row.name == "森林面积占陆地总面积的比例"
    assert dashboard.goal_tiles("deqing")[14].short_name == "陆地生物"


def test_rows_frame_for_csv(dashboard):
    frame = rows_frame(dashboard.indicator_rows("deqing", goal=11))
    assert list(frame.columns) == ["indicator", "series", "name", "latest_value", "unit", "year", "target",
                                   "target_year", "status", "score", "trend"]
    assert frame.iloc[0][["indicator", "latest_value", "status"]].tolist() == ["11.6.2", 80, "substantial_progress"]
    assert isinstance(frame, pd.DataFrame) and not math.isnan(frame.iloc[0]["score"])


def test_stored_progress_is_shown_as_assessed_by_the_algorithm(sample_store, run_algorithm):
    """With sdg:assess_progress's results in the store (profile targets included), the dashboard shows those,
    not a second assessment of its own."""
    run_algorithm("sdg:assess_progress", {"RESULTS": str(sample_store), "OUTPUT": "memory:"})
    stored = ResultsStore(sample_store).read("sdg_progress", method="open_sdg")
    board = Dashboard.from_store(ResultsStore(sample_store), load_catalog())
    shown = board.assessed.set_index(["indicator", "area_id", "series"])
    for row in stored.itertuples():
        assert shown.loc[(row.indicator, row.area_id, row.series), "status"] == row.status
    assert board.has_targets == stored["target"].notna().any()
