"""The scale-out 11.3.1 (LCRPGR) over tiles: against the Processing algorithm on the mosaics, a Dask cluster
against the run in this process, and the command line into the results store."""
from __future__ import annotations

import math
import os
import subprocess
import sys

import pandas as pd
import pytest
from qgis.core import NULL
from scale_data import GRIDS, tiles, zones_layer
from sdg_monitor.core.store import ResultsStore
from sdg_monitor.scale import ScaleError
from sdg_monitor.scale.backend import local_client
from sdg_monitor.scale.indicators import land_consumption

COMPONENTS = ("value", "lcr", "pgr", "pgr_flag", "builtup_start_km2", "builtup_end_km2", "builtup_change_km2",
              "builtup_change_pct", "pop_start", "pop_end", "builtup_pc_start_m2", "builtup_pc_end_m2")


@pytest.fixture(params=sorted(GRIDS))
def dates(request, tmp_path):
    grid = request.param
    return {"builtup_start": tiles(tmp_path, grid, "lc2015", seed=7),
            "builtup_end": tiles(tmp_path, grid, "lc2020", seed=8),
            "population_start": tiles(tmp_path, grid, "pop2015", seed=9, scale=2, population=1.0),
            # the same people and 10 % more: PGR ln(1.1) / 5 a year (the flagged cases are the algorithm's tests)
            "population_end": tiles(tmp_path, grid, "pop2020", seed=9, scale=2, population=1.1),
            "zones": zones_layer(tmp_path, grid)}


def _run(dates, **options):
    return land_consumption(*(dates[name][0] for name in ("builtup_start", "builtup_end", "population_start",
                                                          "population_end")),
                            dates["zones"], 2015, 2020, "code", builtup=(80,), **options)


def test_values_equal_the_processing_algorithm_on_the_mosaics(dates, run_algorithm):
    ours = _run(dates, window_pixels=200)
    result = run_algorithm("sdg:land_consumption_11_3_1", {
        "BUILTUP_START": dates["builtup_start"][1], "BUILTUP_END": dates["builtup_end"][1],
        "BUILTUP_CLASSES": "80", "YEAR_START": 2015, "YEAR_END": 2020,
        "POPULATION_START_RASTER": dates["population_start"][1],
        "POPULATION_END_RASTER": dates["population_end"][1],
        "ZONES": dates["zones"], "ZONE_ID_FIELD": "code", "YEAR": 2020, "OUTPUT": "memory:"})
    qgis = {f["code"]: f for f in result["OUTPUT"].getFeatures()}
    for zone in ours.zones.to_dict("records"):
        for name in COMPONENTS:
            _same(zone[name], qgis[zone["area_id"]][name], name)
    _same(ours.total["value"], result["VALUE"], "VALUE")
    _same(ours.total["lcr"], result["LCR"], "LCR")
    assert ours.zones["value"].notna().all() and ours.total["value"] is not None  # values, not empties


def test_dask_cluster_equals_the_local_run_bit_for_bit(dates):
    local = _run(dates, window_pixels=200)
    with local_client(2) as client:
        dask = _run(dates, window_pixels=200, client=client)
    pd.testing.assert_frame_equal(dask.zones, local.zones, check_exact=True)
    assert dask.total == local.total


def test_command_line_writes_the_store(dates, tmp_path):
    store = tmp_path / "results.gpkg"
    args = [sys.executable, "-m", "sdg_monitor.scale", "land-consumption", "--zones", dates["zones"],
            "--zone-id", "code", "--builtup", "80", "--year-start", "2015", "--year-end", "2020",
            "--results", str(store)]
    for name in ("builtup_start", "builtup_end", "population_start", "population_end"):
        args += [f"--{name.replace('_', '-')}", *dates[name][0]]
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(p for p in sys.path if p))
    run = subprocess.run(args, capture_output=True, text=True, env=env, timeout=120)
    assert run.returncode == 0, run.stderr
    rows = ResultsStore(store).read_results().set_index("area_id")
    expected = _run(dates)
    assert sorted(rows.index) == ["A", "B", "C", "total"] and set(rows["year"]) == {2020}
    assert set(rows["indicator"]) == {"11.3.1"} and set(rows["method"]) == {"sdg:land_consumption_11_3_1"}
    _same(rows.loc["total", "numerator"], expected.total["lcr"], "LCR")


def test_years_must_increase(dates):
    with pytest.raises(ScaleError, match="must come after"):
        land_consumption(dates["builtup_start"][0], dates["builtup_end"][0], dates["population_start"][0],
                         dates["population_end"][0], dates["zones"], 2020, 2015)


def _same(ours, theirs, name: str) -> None:
    missing = [v is None or v == NULL or (isinstance(v, float) and math.isnan(v)) for v in (ours, theirs)]
    if any(missing):
        assert all(missing), f"{name}: {ours} against {theirs}"
    else:
        assert ours == pytest.approx(theirs, rel=1e-6, abs=1e-12), name
