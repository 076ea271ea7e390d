"""Shared test set-up: the checkout importable as the package ``sdg_monitor`` and headless Qt."""
from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PLUGINS = ROOT / ".build" / "plugins"

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
_xdg = ROOT / ".build" / "xdg"
_xdg.mkdir(parents=True, exist_ok=True, mode=0o700)
os.environ.setdefault("XDG_RUNTIME_DIR", str(_xdg))

PLUGINS.mkdir(parents=True, exist_ok=True)
_link = PLUGINS / "sdg_monitor"
if not _link.exists():
    _link.symlink_to(ROOT, target_is_directory=True)
for path in (str(PLUGINS), "/usr/share/qgis/python/plugins"):
    if path not in sys.path:
        sys.path.insert(0, path)


def _pyproj_data() -> None:
    """Debian 13's python3-pyproj looks for PROJ's data under the venv's prefix and finds none: point it at the
    system's (the independent area references use pyproj; PyPI's wheel, used on Debian 12, carries its own)."""
    try:
        from pyproj import datadir
        from pyproj.exceptions import DataDirError
    except ImportError:
        return
    try:
        datadir.get_data_dir()
    except DataDirError:
        datadir.set_data_dir("/usr/share/proj")


_pyproj_data()


def release_qt_objects() -> None:
    """Delete the widgets whose deletion was only posted (``deleteLater``) and the Python objects only a reference
    cycle still holds: done before what they point into (a provider, QGIS itself) goes."""
    import gc

    from qgis.PyQt.QtCore import QCoreApplication, QEvent

    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture(scope="module")
def sdg_provider(qgis_processing):
    """The ``sdg`` provider, registered per test module (pytest-qgis does not load plugins); module scope keeps
    the plugin life-cycle tests free to register and remove it themselves.

    The registry deletes the provider (C++) when it is removed, and every algorithm instance made from it (by
    ``createAlgorithmById``, for a dialog or a task) keeps a bare pointer to it: the module's dialogs whose
    deletion was only posted must go first, or whatever next processes posted events deletes them, and their
    code touches the algorithm, after the provider is gone."""
    from qgis.core import QgsApplication
    from sdg_monitor.processing.provider import SdgProvider

    provider = SdgProvider()
    registry = QgsApplication.processingRegistry()
    assert registry.addProvider(provider)
    yield provider
    release_qt_objects()
    assert registry.removeProvider(provider)


@pytest.fixture()
def run_algorithm(sdg_provider):
    """Run a Processing algorithm by id and return its results (raises on failure)."""
    import processing

    def run(algorithm_id: str, parameters: dict) -> dict:
        return processing.run(algorithm_id, parameters)

    return run


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


@pytest.fixture(scope="session")
def pg_cluster():
    """A private PostgreSQL server for the session (see tests/pg_cluster.py) with an empty database sdg_test."""
    from pg_cluster import PrivateCluster

    with PrivateCluster() as cluster:
        cluster.sql("CREATE DATABASE sdg_test")
        yield cluster


@pytest.fixture(params=["gpkg", "postgresql"])
def backend(request, tmp_path):
    """A fresh results store address on each backend (a GeoPackage file; a new PostgreSQL schema)."""
    from store_backends import gpkg_backend, pg_backend

    if request.param == "gpkg":
        return gpkg_backend(tmp_path)
    return pg_backend(request.getfixturevalue("pg_cluster"))


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """The last test's teardown also ends the session fixtures, QGIS itself among them (pytest-qgis calls
    ``exitQgis``), but pytest lets go of that test's fixture values only afterwards: a layer among them would be
    deleted after QGIS and crash. Drop them first (pytest-qgis still reads ``request`` in this hook)."""
    if nextitem is None and getattr(item, "funcargs", None):
        item.funcargs = {name: value for name, value in item.funcargs.items() if name == "request"}
    yield


@pytest.fixture(scope="session", autouse=True)
def qgis_objects_before_qgis_exits(qgis_app):
    """Ends after every other fixture and just before pytest-qgis's ``qgis_app`` (which calls ``exitQgis``):
    the widgets and layers the tests let go of are deleted while QGIS still runs."""
    yield
    release_qt_objects()
