"""Issue 11, store lines not covered by tests/core/test_store.py (read-only, locked, corrupt, older schema and
concurrent writers are tested there): disk full while writing and cancel in the middle of a run, both through
the real algorithms."""
from __future__ import annotations

import sqlite3
from contextlib import closing

import pytest
from bad_input_data import MAIN_RASTER, PIXEL, Scene, box, parameters
from qgis.core import QgsProcessingException, QgsProcessingFeedback
from sdg_monitor.core import store as store_module
from sdg_monitor.core.store import ResultsStore


@pytest.fixture()
def scene(tmp_path):
    return Scene(tmp_path / "scene")


def _pixel_zones(scene: Scene) -> str:
    """One zone per pixel (24 zones): a run writes 25 rows, more than the free space of one page."""
    wkts, rows = [], []
    for r in range(4):
        for c in range(6):
            wkts.append(box(c * PIXEL, -(r + 1) * PIXEL, (c + 1) * PIXEL, -r * PIXEL))
            rows.append({"code": f"r{r}c{c}"})
    return scene.polygons("pixels", wkts, rows)


def _snapshot(path) -> list[tuple]:
    with closing(sqlite3.connect(path)) as conn:  # sqlite3's own context manager commits but does not close
        return conn.execute("SELECT * FROM sdg_results ORDER BY fid").fetchall()


def test_disk_full_while_writing_keeps_previous_rows(run_algorithm, scene, tmp_path, monkeypatch):
    """A real SQLITE_FULL mid-transaction (the file may not grow by a single page, as on a full disk): the run
    fails with a message saying so, and the store keeps exactly its previous rows and stays usable."""
    store = tmp_path / "results.gpkg"
    run_algorithm("sdg:forest_area_15_1_1", parameters("forest_area_15_1_1", scene, RESULTS=str(store)))
    before = _snapshot(store)
    assert len(before) == 3
    connect = sqlite3.connect

    def full_disk(*args, **kwargs):
        conn = connect(*args, **kwargs)
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        conn.execute(f"PRAGMA max_page_count = {pages}")
        return conn

    monkeypatch.setattr(store_module.sqlite3, "connect", full_disk)
    with pytest.raises(QgsProcessingException, match="(?s)nothing was written.*disk is full"):
        run_algorithm("sdg:forest_area_15_1_1", parameters("forest_area_15_1_1", scene, _pixel_zones(scene),
                                                           YEAR=2021, RESULTS=str(store)))
    monkeypatch.undo()
    assert _snapshot(store) == before
    assert len(ResultsStore(store).read_results()) == 3


class CancelAfterFirstStrip(QgsProcessingFeedback):
    """Cancels at the first progress report (after the first strip, or the first step of a run); listens to the
    signal, so progress reported through a child (multi-step) feedback counts too."""

    def __init__(self) -> None:
        super().__init__()
        self.progressChanged.connect(self._cancel)

    def _cancel(self, progress: float) -> None:
        if progress > 0:
            self.cancel()


@pytest.mark.parametrize("algorithm", [a for a, raster in sorted(MAIN_RASTER.items()) if raster])
def test_cancel_in_the_middle_of_a_run_keeps_no_partial_rows(sdg_provider, scene, tmp_path, monkeypatch,
                                                             algorithm):
    """One pixel row per strip (4 strips); cancelled after the first: the store keeps exactly its previous rows."""
    from sdg_monitor.processing import raster_io

    import processing

    store = tmp_path / "results.gpkg"
    processing.run(f"sdg:{algorithm}", parameters(algorithm, scene, YEAR=2019, RESULTS=str(store)))
    before = _snapshot(store)
    assert before
    monkeypatch.setattr(raster_io, "STRIP_PIXELS", 6)
    feedback = CancelAfterFirstStrip()
    with pytest.raises(QgsProcessingException, match="[Cc]ancel"):
        processing.run(f"sdg:{algorithm}", parameters(algorithm, scene, YEAR=2020, RESULTS=str(store)),
                       feedback=feedback)
    assert feedback.isCanceled()
    assert _snapshot(store) == before


def test_inputs_are_left_byte_identical(run_algorithm, scene, tmp_path):
    """Data safety: every input file (rasters read on their own grid or warped onto another, the vector
    GeoPackage) is byte-identical after the runs. Not checked: GDAL PAM sidecars (*.aux.xml) that QGIS itself
    writes beside rasters when it loads a path as a layer (its default renderer's min/max statistics are cached by
    GDAL); our readers compute no statistics (see the README's troubleshooting)."""
    import gc
    import hashlib
    from pathlib import Path

    def digest() -> dict:
        return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in Path(scene.folder).iterdir()
                if not p.name.endswith(".aux.xml")}

    before = digest()
    for algorithm in ("forest_area_15_1_1", "land_consumption_11_3_1", "water_extent_change_6_6_1",
                      "pm25_exposure_11_6_2", "protected_kba_15_1_2", "transit_access_11_2_1"):
        run_algorithm(f"sdg:{algorithm}", parameters(algorithm, scene, RESULTS=str(tmp_path / "r.gpkg")))
    gc.collect()
    assert digest() == before
