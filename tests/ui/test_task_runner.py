"""The background runner of Processing calls: two native:buffer calls run in a QgsTask with progress and
outcomes per call; failures are listed per call; cancelling stops the running call and skips the rest."""
from __future__ import annotations

import time

import pytest
from qgis.core import QgsApplication, QgsFeature, QgsGeometry, QgsPointXY, QgsTask, QgsVectorLayer
from sdg_monitor.ui.run_panel import RunPanel
from sdg_monitor.ui.task_runner import AlgorithmCall, ProcessingCallsTask


@pytest.fixture()
def points(qgis_app, qgis_processing):
    layer = QgsVectorLayer("Point?crs=EPSG:32651", "points", "memory")
    features = []
    for i in range(200):
        feature = QgsFeature()
        feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(i * 10.0, 0.0)))
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    return layer


def buffer_call(layer, distance, label):
    return AlgorithmCall("native:buffer", {"INPUT": layer, "DISTANCE": distance, "OUTPUT": "memory:"}, label)


def wait_for(outcomes, app, seconds=20.0):
    end = time.monotonic() + seconds
    while not outcomes and time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)
    assert outcomes, "the task did not finish"
    return outcomes[0]


def test_two_calls_run_in_the_background_with_progress(points, qgis_app):
    task = ProcessingCallsTask([buffer_call(points, 1.0, "first"), buffer_call(points, 2.0, "second")])
    progress, finished = [], []
    task.progressChanged.connect(progress.append)
    task.callsFinished.connect(finished.append)
    QgsApplication.taskManager().addTask(task)
    outcomes = wait_for(finished, qgis_app)
    assert [(o.call.title, o.state, o.errors) for o in outcomes] == [("first", "done", []), ("second", "done", [])]
    assert all(o.results["OUTPUT"] for o in outcomes)
    assert progress[-1] == 100 and progress == sorted(progress)
    assert any(40 <= p <= 60 for p in progress)  # the first call ends half way


def test_failures_are_listed_per_call(points, qgis_app):
    calls = [AlgorithmCall("sdg:no_such_algorithm", {}), buffer_call(points, 1.0, "ok"),
             AlgorithmCall("native:buffer", {"INPUT": "/nowhere/missing.shp", "DISTANCE": 1.0,
                                             "OUTPUT": "memory:"}, "bad input")]
    task = ProcessingCallsTask(calls)
    finished = []
    task.callsFinished.connect(finished.append)
    QgsApplication.taskManager().addTask(task)
    outcomes = wait_for(finished, qgis_app)
    assert [o.state for o in outcomes] == ["failed", "done", "failed"]
    assert "sdg:no_such_algorithm is not available" in outcomes[0].errors[0]
    assert outcomes[2].errors and outcomes[1].errors == []


def test_cancel_stops_the_running_call_and_skips_the_rest(points):
    task = ProcessingCallsTask([buffer_call(points, 1.0, "first"), buffer_call(points, 2.0, "second")])
    seen = []

    def cancel_on_first_progress(value):
        seen.append(value)
        if len(seen) == 1:
            task.cancel()

    task.progressChanged.connect(cancel_on_first_progress)
    assert task.run() is False  # synchronously, so the cancel lands while the first call runs
    assert [o.state for o in task.outcomes] == ["cancelled", "skipped"]
    assert task.outcomes[0].results == {}


def test_run_panel_cancel_before_start_runs_nothing(points, qgis_app):
    panel = RunPanel()
    finished = []
    panel.runFinished.connect(finished.append)
    task = panel.start([buffer_call(points, 1.0, "first"), buffer_call(points, 2.0, "second")])
    assert panel.cancel_button.isEnabled() and not panel.run_button.isEnabled()
    panel.cancel()
    outcomes = wait_for(finished, qgis_app)
    assert task.status() == QgsTask.Terminated
    assert all(o.state in ("cancelled", "skipped") for o in outcomes)
    assert panel.outcomes.count() == 2 and not panel.cancel_button.isEnabled()


def test_cancelled_indicator_leaves_no_rows_in_the_store(sdg_provider, qgis_app, tmp_path, monkeypatch):
    import numpy as np
    from sdg_monitor.core.store import ResultsStore
    from sdg_monitor.processing import raster_io
    from sdg_testdata import write_raster

    monkeypatch.setattr(raster_io, "STRIP_PIXELS", 16 * 256)  # 16 strips: the cancel lands mid-raster

    raster = write_raster(tmp_path / "landcover.tif", np.tile(np.array([10, 20, 60, 20], np.uint8), (256, 64)),
                          32651, (500000.0, 3400000.0), 30.0)
    store = tmp_path / "results.gpkg"

    def call(year):
        return AlgorithmCall("sdg:forest_area_15_1_1", {
            "LANDCOVER": str(raster), "FOREST_CLASSES": "20", "WATER_CLASSES": "60", "YEAR": year,
            "RESULTS": str(store), "OUTPUT": "memory:"}, str(year))

    task = ProcessingCallsTask([call(2020), call(2021), call(2022)])

    def cancel_in_second_call(value):
        if value > 50:
            task.cancel()

    task.progressChanged.connect(cancel_in_second_call)
    assert task.run() is False
    assert [o.state for o in task.outcomes] == ["done", "cancelled", "skipped"]
    assert any("Cancelled" in error for error in task.outcomes[1].errors)
    rows = ResultsStore(store).read_results()
    assert rows["year"].unique().tolist() == [2020]
    assert rows["value"].iloc[0] == pytest.approx(50.0 / 75.0 * 100)  # forest 2 of 4 pixels, water 1 of 4


def test_run_tab_says_when_steps_of_a_set_failed(qgis_app):
    from sdg_monitor.ui.run_panel import outcome_text
    from sdg_monitor.ui.task_runner import CallOutcome

    call = AlgorithmCall("sdg:run_indicator_set", {}, "set.json")
    partly = CallOutcome(call, "done", {"COMPUTED": 10, "FAILED": 2}, ["Indicator 9.1.1 failed: no roads"])
    assert outcome_text(partly) == "set.json: done, 2 of 12 steps failed\n  Indicator 9.1.1 failed: no roads"
    assert outcome_text(CallOutcome(call, "done", {"COMPUTED": 3, "FAILED": 0})) == "set.json: done"
