"""Fixtures of the dock tests: the sample store and a dock on a fresh project."""
from __future__ import annotations

import pytest
from dashboard_data import build_store


@pytest.fixture()
def sample_store(tmp_path):
    """The path of a store holding the sample results and targets."""
    return build_store(tmp_path / "results.gpkg")


@pytest.fixture(scope="module")
def sdg_provider(qgis_processing):
    """The ``sdg`` provider registered for one test module (pytest-qgis does not load plugins)."""
    from qgis.core import QgsApplication
    from sdg_monitor.processing.provider import SdgProvider

    provider = SdgProvider()
    assert QgsApplication.processingRegistry().addProvider(provider)
    yield provider
    QgsApplication.processingRegistry().removeProvider("sdg")
