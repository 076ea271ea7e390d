"""sdg:assess_progress on a store built by hand, checked against METHODS.md's worked examples."""
from __future__ import annotations

import pytest
from qgis.core import QgsFeature, QgsProcessingException, QgsVectorLayer
from sdg_monitor.core.store import ResultsStore


def _rows(indicator, values, area_id="total", **extra):
    return [{"indicator": indicator, "area_id": area_id, "year": year, "value": value, **extra}
            for year, value in values.items()]


@pytest.fixture()
def store(tmp_path):
    path = tmp_path / "results.gpkg"
    results = ResultsStore(path)
    # METHODS.md worked examples: decrease to 70 (100 -> 80 by 2022) and increase to 100 (40 -> 52 by 2022).
    results.upsert_results(_rows("3.1.1", {2015: 100, 2018: 90, 2022: 80})
                           + _rows("4.1.1", {2015: 40, 2022: 52})
                           + _rows("15.1.1", {2015: 60, 2020: 61})
                           + _rows("3.1.1", {2015: 100, 2022: 120}, area_id="A")
                           + _rows("3.1.1", {2015: 50, 2022: 10}, disaggregation="sex=female"))
    results.upsert_targets([
        {"indicator": "3.1.1", "target": 70, "target_year": 2030, "direction": "decrease"},
        {"indicator": "4.1.1", "target": 100, "target_year": 2030, "direction": "increase"},
        {"indicator": "15.1.1", "direction": "increase"},
    ])
    return path


def test_worked_examples_and_rollups(run_algorithm, store):
    result = run_algorithm("sdg:assess_progress", {"RESULTS": str(store), "OUTPUT": "memory:"})
    rows = {(f["indicator"], f["area_id"]): f for f in result["OUTPUT"].getFeatures()}
    assert set(rows) == {("3.1.1", "total"), ("4.1.1", "total"), ("15.1.1", "total"), ("3.1.1", "A")}
    decrease = rows[("3.1.1", "total")]
    assert decrease["progress_value"] == pytest.approx(1.335, abs=5e-4)
    assert decrease["status"] == "substantial_progress" and decrease["score"] == pytest.approx(5)
    increase = rows[("4.1.1", "total")]
    assert increase["progress_value"] == pytest.approx(0.606, abs=5e-4)
    assert increase["status"] == "moderate_progress" and increase["score"] == pytest.approx(0.045, abs=1e-3)
    assert rows[("3.1.1", "A")]["status"] == "deterioration"
    assert (result["MEASURED"], result["WITH_TARGET"], result["MET_OR_NEARLY_MET"]) == (3, 2, 1)

    saved = ResultsStore(store)
    progress = saved.read("sdg_progress")
    assert len(progress) == 4 and set(progress["method"]) == {"open_sdg"}
    goals = saved.read("sdg_goal_rollup").set_index(["area_id", "goal"])
    assert goals.loc[("total", 3), "substantial_progress"] == 1
    assert goals.loc[("total", 4), "moderate_progress"] == 1
    groups = saved.read("sdg_group_rollup").set_index(["area_id", "goal_group"])
    assert groups.loc[("total", "social"), "indicators"] == 2
    assert groups.loc[("total", "environmental"), "indicators"] == 1
    headline = saved.read("sdg_headline").set_index("area_id")
    assert headline.loc["total", "met_or_nearly_met"] == 1 and headline.loc["A", "with_target"] == 1


def test_second_run_replaces_the_method_rows(run_algorithm, store):
    run_algorithm("sdg:assess_progress", {"RESULTS": str(store), "OUTPUT": "memory:"})
    ResultsStore(store).write({"sdg_results": []}, replace={"indicator": "15.1.1"})
    run_algorithm("sdg:assess_progress", {"RESULTS": str(store), "OUTPUT": "memory:"})
    assert "15.1.1" not in set(ResultsStore(store).read("sdg_progress")["indicator"])


def test_targets_table_overrides_store_targets(run_algorithm, store):
    targets = QgsVectorLayer("None?field=indicator:string&field=target:double&field=target_year:integer"
                             "&field=direction:string", "targets", "memory")
    feature = QgsFeature(targets.fields())
    feature.setAttributes(["3.1.1", 85.0, 2030, "decrease"])
    targets.dataProvider().addFeatures([feature])
    result = run_algorithm("sdg:assess_progress", {"RESULTS": str(store), "TARGETS": targets,
                                                   "OUTPUT": "memory:"})
    rows = {(f["indicator"], f["area_id"]): f for f in result["OUTPUT"].getFeatures()}
    assert rows[("3.1.1", "total")]["status"] == "target_achieved"


def test_input_table_and_duplicate_years(run_algorithm):
    table = QgsVectorLayer("None?field=indicator:string&field=year:integer&field=value:double", "values",
                           "memory")
    features = []
    for year, value in ((2015, 10.0), (2020, 12.0), (2020, 13.0)):
        feature = QgsFeature(table.fields())
        feature.setAttributes(["8.1.1", year, value])
        features.append(feature)
    table.dataProvider().addFeatures(features)
    with pytest.raises(QgsProcessingException, match="2020"):
        run_algorithm("sdg:assess_progress", {"INPUT": table, "OUTPUT": "memory:"})


def test_needs_input_or_store(run_algorithm):
    with pytest.raises(QgsProcessingException, match="input table"):
        run_algorithm("sdg:assess_progress", {"OUTPUT": "memory:"})


def test_profile_supplies_default_targets_and_local_goals(run_algorithm, tmp_path):
    """The shipped profile: 3.2.1 at or below 25 per 1,000 (SDG target 3.2); local L3.1 life expectancy 79 by 2030
    (Healthy China 2030) belongs to goal 3."""
    path = tmp_path / "results.gpkg"
    ResultsStore(path).upsert_results(_rows("3.2.1", {2015: 9.0, 2020: 7.5}) + _rows("L3.1", {2015: 78.0, 2020: 78.4}))
    result = run_algorithm("sdg:assess_progress", {"RESULTS": str(path), "OUTPUT": "memory:"})
    rows = {f["indicator"]: f for f in result["OUTPUT"].getFeatures()}
    assert rows["3.2.1"]["target"] == 25 and rows["3.2.1"]["status"] == "target_achieved"
    assert rows["L3.1"]["target"] == 79 and rows["L3.1"]["direction"] == "increase"
    # L3.1 needs (79/78)^(1/15) - 1 = 0.08496 %/yr; it grew (78.4/78)^(1/5) - 1 = 0.10235 %/yr: pv 1.2047.
    assert rows["L3.1"]["progress_value"] == pytest.approx(1.2047, abs=1e-3)
    goals = ResultsStore(path).read("sdg_goal_rollup")
    assert goals["goal"].tolist() == [3] and goals["indicators"].tolist() == [2]
