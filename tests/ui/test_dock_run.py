"""The dock's Run tab runs an indicator set (sdg:run_indicator_set) in the background into the open store, and
the dashboard shows the new results when it ends."""
from __future__ import annotations

import time

from qgis.core import QgsProject
from qgis.PyQt.QtCore import QCoreApplication, QEvent
from sdg_monitor.core.store import ResultsStore
from sdg_monitor.ui.dock import SdgDock
from sdg_testdata import write_forest_set


def test_run_tab_runs_a_set_and_the_dock_shows_it(sdg_provider, qgis_app, qgis_parent, tmp_path):
    config = write_forest_set(tmp_path)
    store = tmp_path / "my store.gpkg"
    dock = SdgDock(qgis_parent)
    try:
        assert dock.open_store(str(store), create=True)
        assert dock.run_panel.run_button.isEnabled() is False  # no config chosen yet
        dock.run_panel.config.setFilePath(str(config))
        dock.run_panel.update_state()
        assert dock.run_panel.run_button.isEnabled()
        finished = []
        dock.run_panel.runFinished.connect(finished.append)
        dock.run_panel.run_config()
        _wait(finished, qgis_app)
        assert finished and finished[0][0].state == "done", finished
        rows = ResultsStore(store).read_results(indicator="15.1.1")
        assert sorted(set(rows["year"])) == [2015, 2020]  # into the open store, not the config's
        assert "15.1.1" in [key[0] for key in dock.table.keys()]
        # The reports from the same tab, as a task: the Excel one in the task's thread, the PDF's print layout
        # in the main thread when the task ends.
        finished.clear()
        dock.run_panel.export_report("sdg:export_report", str(tmp_path / "report.xlsx"))
        _wait(finished, qgis_app)
        dock.run_panel.export_report("sdg:export_report_pdf", str(tmp_path / "report.pdf"))
        _wait(finished, qgis_app)
        assert [outcome.state for done in finished for outcome in done] == ["done", "done"], finished
        assert (tmp_path / "report.xlsx").stat().st_size > 0 and (tmp_path / "report.pdf").stat().st_size > 0
    finally:
        dock.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.DeferredDelete)
        QgsProject.instance().clear()


def test_publish_portal_runs_in_the_background(sdg_provider, qgis_app, qgis_parent, tmp_path):
    from portal_data import make_store

    import processing

    store, _ = make_store(tmp_path, lambda alg, params: processing.run(alg, params))
    dock = SdgDock(qgis_parent)
    try:
        assert dock.run_panel.portal_button.isEnabled() is False  # no store yet
        assert dock.open_store(str(store))
        assert dock.run_panel.portal_button.isEnabled()
        finished = []
        dock.run_panel.runFinished.connect(finished.append)
        dock.run_panel.publish_portal(str(tmp_path / "portal"))
        end = time.monotonic() + 60
        while not finished and time.monotonic() < end:
            qgis_app.processEvents()
            time.sleep(0.02)
        assert finished and finished[0][0].state == "done", finished
        assert (tmp_path / "portal" / "index.html").exists()
        assert (tmp_path / "portal" / "data" / "indicator_15-1-1.csv").exists()
        shown = [dock.run_panel.outcomes.item(i).text() for i in range(dock.run_panel.outcomes.count())]
        assert shown[-1] == str(tmp_path / "portal" / "index.html")
    finally:
        dock.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.DeferredDelete)
        QgsProject.instance().clear()


def _wait(finished: list, qgis_app) -> None:
    """Process events until one more run has finished (at most 60 s)."""
    wanted = len(finished) + 1
    end = time.monotonic() + 60
    while len(finished) < wanted and time.monotonic() < end:
        qgis_app.processEvents()
        time.sleep(0.02)
