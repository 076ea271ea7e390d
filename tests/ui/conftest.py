"""Fixtures of the dock tests: the sample store and a dock on a fresh project."""
from __future__ import annotations

import pytest
from dashboard_data import build_store


@pytest.fixture()
def sample_store(tmp_path):
    """The path of a store holding the sample results and targets."""
    return build_store(tmp_path / "results.gpkg")


@pytest.fixture()
def dock(qgis_app, qgis_parent, qgis_new_project):
    """A dock on a fresh project, deleted as the plugin's unload does."""
    from qgis.core import QgsProject
    from qgis.PyQt.QtCore import QCoreApplication, QEvent
    from sdg_monitor.ui.dock import SdgDock

    widget = SdgDock(qgis_parent)
    yield widget
    widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.DeferredDelete)
    QgsProject.instance().clear()
