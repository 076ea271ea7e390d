"""Issue 17, line 6: no traceback reaches a user. A fraction for a whole-number parameter (YEAR=2020.5) is
refused, not rounded; an unexpected error inside an algorithm is a message naming the algorithm (the traceback
goes to the log); the dock opens a store it cannot fully understand; the scale-out command line prints a message
and exits with 1."""
from __future__ import annotations

import pytest
from bad_input_data import Scene, box, digests, parameters, refused
from qgis.core import QgsProject
from qgis.PyQt.QtCore import QCoreApplication, QEvent
from sdg_monitor.core.store import ResultsStore


@pytest.fixture()
def scene(tmp_path):
    return Scene(tmp_path / "scene")


@pytest.mark.parametrize("year", [2020.5, "2020.5"])
def test_a_fractional_year_is_refused(sdg_provider, scene, tmp_path, year):
    import processing

    store = str(tmp_path / "results.gpkg")
    processing.run("sdg:forest_area_15_1_1", parameters("forest_area_15_1_1", scene, RESULTS=store))
    before = digests(store, scene.landcover, scene.vectors)
    message = refused("sdg:forest_area_15_1_1", parameters("forest_area_15_1_1", scene, RESULTS=store, YEAR=year))
    assert "YEAR" in message and "whole number" in message and "2020.5" in message
    assert digests(store, scene.landcover, scene.vectors) == before
    assert sorted(set(ResultsStore(store).read_results()["year"])) == [2020]


def test_an_unexpected_error_is_a_message(sdg_provider, scene, tmp_path, monkeypatch):
    """Whatever goes wrong inside, Processing gets a QgsProcessingException (a message, no traceback) naming the
    algorithm and the error; nothing is written."""
    from sdg_monitor.processing.forest_area import ForestArea

    def broken(*_args, **_kwargs):
        raise ZeroDivisionError("float division by zero")

    monkeypatch.setattr(ForestArea, "compute", broken)
    store = tmp_path / "results.gpkg"
    message = refused("sdg:forest_area_15_1_1", parameters("forest_area_15_1_1", scene, RESULTS=str(store)))
    assert "ZeroDivisionError: float division by zero" in message and "Log Messages" in message
    assert not store.exists()


def test_the_dock_opens_a_store_it_cannot_fully_understand(sdg_provider, qgis_app, qgis_parent, qgis_new_project,
                                                           tmp_path):
    """A hand-written unknown code, a NULL area name and a series computed after the last assessment: the dock
    shows the store (the new series as not assessed) instead of failing."""
    from sdg_monitor.ui.dock import SdgDock

    import processing

    path = tmp_path / "results.gpkg"
    store = ResultsStore(path)
    base = {"area_id": "total", "area_name": None, "area_level": "total", "unit": "%"}
    store.upsert_results([dict(base, indicator="15.1.1", year=year, value=value)
                          for year, value in ((2015, 40.0), (2020, 45.0))]
                         + [dict(base, indicator="bogus code!", year=2020, value=1.0)])
    processing.run("sdg:assess_progress", {"RESULTS": str(path), "OUTPUT": "memory:"})
    store.upsert_results([dict(base, indicator="6.6.1", year=2020, value=3.0)])
    dock = SdgDock(qgis_parent)
    try:
        assert dock.open_store(str(path))
        codes = [key[0] for key in dock.table.keys()]
        assert "15.1.1" in codes and "6.6.1" in codes
    finally:  # as tests/ui's dock fixture: the dock saved the store in the project
        dock.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.DeferredDelete)
        QgsProject.instance().clear()


@pytest.mark.parametrize("rows, expected", [
    ([{"code": "W"}, {"code": None}], "feature 2 has no id in field 'code'"),
    ([{"code": "W"}, {"code": " W"}], "('W' and ' W'"),
], ids=["null_id", "spaced_duplicate"])
def test_the_scale_out_command_line_prints_a_message(scene, tmp_path, capsys, rows, expected):
    from sdg_monitor.scale.__main__ import main

    zones = scene.polygons("cli_zones", [box(-10, -410, 300, 10), box(300, -410, 610, 10)], rows)
    before = digests(zones, scene.landcover)
    code = main(["forest", "--landcover", scene.landcover, "--zones", zones.split("|")[0], "--layer", "cli_zones",
                 "--zone-id", "code", "--results", str(tmp_path / "results.gpkg")])
    error = capsys.readouterr().err
    assert code == 1 and expected in error and "Traceback" not in error
    assert digests(zones, scene.landcover) == before and not (tmp_path / "results.gpkg").exists()
