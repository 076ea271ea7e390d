"""QGIS test set-up: Processing initialised and the sdg provider registered for the modules that use it."""
from __future__ import annotations

import pytest
from qgis.core import QgsApplication


@pytest.fixture(scope="module")
def sdg_provider(qgis_processing):
    """The ``sdg`` provider, registered per test module (pytest-qgis does not load plugins); module scope keeps
    the plugin life-cycle tests free to register and remove it themselves."""
    from sdg_monitor.processing.provider import SdgProvider

    provider = SdgProvider()
    assert QgsApplication.processingRegistry().addProvider(provider)
    yield provider
    QgsApplication.processingRegistry().removeProvider("sdg")


@pytest.fixture()
def run_algorithm(sdg_provider):
    """Run a Processing algorithm by id and return its results (raises on failure)."""
    import processing

    def run(algorithm_id: str, parameters: dict) -> dict:
        return processing.run(algorithm_id, parameters)

    return run
