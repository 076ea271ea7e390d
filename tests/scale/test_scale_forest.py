"""The scale-out forest indicator over tiles: counts against QGIS's native zonal histogram on the mosaic, values
against the Processing algorithm, and a Dask cluster against the run in this process."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from scale_data import GRIDS, tiles, zones_layer
from sdg_monitor.core.store import ResultsStore
from sdg_monitor.scale.backend import local_client, reduce_windows
from sdg_monitor.scale.indicators import forest_area
from sdg_monitor.scale.kernels import class_areas, class_pixels_areas, in_dask_worker
from sdg_monitor.scale.tiles import plan
from sdg_monitor.scale.zones import read_zones

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(params=sorted(GRIDS))
def tiled(request, tmp_path):
    paths, mosaic = tiles(tmp_path, request.param)
    return paths, mosaic, zones_layer(tmp_path, request.param)


def test_pixels_and_areas_per_window_add_up_to_native_zonal_histogram(tiled, qgis_processing):
    """Valid pixels per zone equal the histogram's; each class's area over the zone's mean pixel area (pixel
    areas vary by less than 1e-4 over these grids, a pixel of a class is more than 2e-3 of its count) is its
    count."""
    import processing

    paths, mosaic, zones = tiled
    windows = plan(paths, window_pixels=300)  # several windows per tile
    assert len(windows) > len(paths)
    zone_set = read_zones(zones, "code", wkt=windows[0].wkt)
    pixels, areas = reduce_windows(class_pixels_areas, windows, zone_set.payload, ((20,), (60,)))
    assert np.array_equal(areas, reduce_windows(class_areas, windows, zone_set.payload, ((20,), (60,))))
    native = processing.run("native:zonalhistogram", {
        "INPUT_RASTER": mosaic, "RASTER_BAND": 1, "INPUT_VECTOR": zones, "COLUMN_PREFIX": "H_",
        "OUTPUT": "memory:"})["OUTPUT"]
    for feature in native.getFeatures():
        label = zone_set.ids.index(feature["code"]) + 1
        histogram = {int(f.name()[2:]): feature[f.name()] for f in native.fields() if f.name()[2:].isdigit()}
        other = sum(v for k, v in histogram.items() if k not in (0, 20, 60))
        expected = [histogram.get(20, 0), histogram.get(60, 0), other]
        assert pixels[label] == sum(expected)
        mean_area = areas[label, 1:].sum() / pixels[label]
        assert areas[label, 1:] / mean_area == pytest.approx(expected, rel=1e-4)
        assert histogram.get(20, 0) > 0 and other > 0


def test_values_equal_the_processing_algorithm_on_the_mosaic(tiled, run_algorithm):
    paths, mosaic, zones = tiled
    ours = forest_area(paths, zones, "code", "name", window_pixels=500)
    result = run_algorithm("sdg:forest_area_15_1_1", {
        "LANDCOVER": mosaic, "ZONES": zones, "ZONE_ID_FIELD": "code", "YEAR": 2020, "OUTPUT": "memory:"})
    qgis = {f["code"]: f for f in result["OUTPUT"].getFeatures()}
    for zone in ours.zones.to_dict("records"):
        for name in ("forest_km2", "land_km2", "value"):
            assert zone[name] == pytest.approx(qgis[zone["area_id"]][name], rel=1e-6)
    assert ours.total["value"] == pytest.approx(result["VALUE"], rel=1e-6)
    assert ours.zones["area_name"].tolist() == ["zone A", "zone B", "zone C"]


def test_window_size_changes_no_count(tiled):
    paths, _, zones = tiled
    before = {path: Path(path).read_bytes() for path in paths}
    small = forest_area(paths, zones, "code", window_pixels=64)
    whole = forest_area(paths, zones, "code", window_pixels=10**9)
    assert {path: Path(path).read_bytes() for path in paths} == before  # inputs untouched, no sidecar written
    assert not list(Path(paths[0]).parent.glob("*.aux.xml"))
    assert small.parameters["WINDOWS"] != whole.parameters["WINDOWS"]
    assert small.zones["pixels"].tolist() == whole.zones["pixels"].tolist()
    pd.testing.assert_frame_equal(small.zones, whole.zones, rtol=1e-9)


def test_dask_cluster_equals_the_local_run_bit_for_bit(tiled):
    paths, _, zones = tiled
    local = forest_area(paths, zones, "code", window_pixels=300)
    with local_client(2) as client:
        assert client.submit(in_dask_worker, pure=False).result() and not in_dask_worker()  # no read-ahead there
        done = []
        dask = forest_area(paths, zones, "code", window_pixels=300, client=client,
                           progress=lambda n, total: done.append((n, total)))
        probe = "__import__('sdg_monitor.scale.allocator', fromlist=['_done'])._done"
        assert [True] in client.run(eval, probe).values()  # the kernels set malloc in the workers (speed)
    assert dask.parameters.pop("BACKEND") == "dask" and local.parameters.pop("BACKEND") == "local"
    pd.testing.assert_frame_equal(dask.zones, local.zones, check_exact=True)
    assert dask.total == local.total and dask.parameters == local.parameters
    assert done[-1] == (int(local.parameters["WINDOWS"]),) * 2


def test_command_line_writes_csv_and_store_rows(tiled, tmp_path):
    paths, mosaic, zones = tiled
    store, csv = tmp_path / "results.gpkg", tmp_path / "forest.csv"
    run = subprocess.run(
        [sys.executable, "-m", "sdg_monitor.scale", "forest", "--landcover", str(tmp_path / "lc_*.tif"),
         "--zones", zones, "--zone-id", "code", "--year", "2021", "--csv", str(csv), "--results", str(store)],
        capture_output=True, text=True, env=_env(), timeout=120)
    assert run.returncode == 0, run.stderr
    expected = forest_area(paths, zones, "code")
    rows = ResultsStore(store).read_results().set_index("area_id")
    assert sorted(rows.index) == ["A", "B", "C", "total"]
    assert set(rows["year"]) == {2021} and set(rows["method"]) == {"sdg:forest_area_15_1_1"}
    assert rows.loc["total", "value"] == pytest.approx(expected.total["value"], rel=1e-12)
    assert pd.read_csv(csv, encoding="utf-8-sig")["pixels"].tolist() == expected.zones["pixels"].tolist()
    assert "15.1.1 whole area" in run.stdout


def test_command_line_names_the_bad_field(tiled):
    paths, _, zones = tiled
    run = subprocess.run([sys.executable, "-m", "sdg_monitor.scale", "forest", "--landcover", *paths,
                          "--zones", zones, "--zone-id", "nope"], capture_output=True, text=True, env=_env(),
                         timeout=120)
    assert run.returncode == 1
    assert "has no field 'nope'" in run.stderr and "code" in run.stderr


def _env() -> dict:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in sys.path if p)
    return env


def test_a_separate_cluster_runs_the_uploaded_plugin_zip(tiled, tmp_path):
    """A scheduler and a worker in their own processes, without the plugin on their path: the client uploads the
    packaged zip (as README "Scale-out" says) and the result equals the local run."""
    import time

    from distributed import Client

    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import package
    finally:
        sys.path.remove(str(ROOT / "scripts"))
    paths, _, zones = tiled
    bare = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    address = tmp_path / "scheduler.json"
    dask = [str(Path(sys.executable).with_name("dask"))]
    processes = [subprocess.Popen(dask + ["scheduler", "--scheduler-file", str(address), "--no-dashboard",
                                          "--port", "0"], env=bare, cwd=tmp_path,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)]
    try:
        processes.append(subprocess.Popen(dask + ["worker", "--scheduler-file", str(address), "--nthreads", "1",
                                                  "--no-dashboard"], env=bare, cwd=tmp_path,
                                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        for _ in range(300):
            if address.exists():
                break
            time.sleep(0.1)
        with Client(scheduler_file=str(address), timeout=60) as client:
            client.wait_for_workers(1, timeout=60)
            probe = "__import__('importlib.util').util.find_spec('sdg_monitor') is None"
            assert all(client.run(eval, probe).values())  # the worker has no plugin yet
            scheduler = client.scheduler.address
        zip_path = package.build(tmp_path / "dist")
        run = subprocess.run([sys.executable, "-m", "sdg_monitor.scale", "forest", "--landcover", *paths,
                              "--zones", zones, "--zone-id", "code", "--window-pixels", "300",
                              "--scheduler", scheduler, "--upload", str(zip_path), "--csv", str(tmp_path / "f.csv")],
                             capture_output=True, text=True, env=_env(), timeout=180)
        assert run.returncode == 0, run.stderr
    finally:
        for process in reversed(processes):
            process.terminate()
            process.wait(timeout=30)
    local = forest_area(paths, zones, "code", window_pixels=300)
    assert "dask" in run.stdout
    cluster = pd.read_csv(tmp_path / "f.csv", encoding="utf-8-sig", dtype={"area_id": str}, keep_default_na=False,
                          float_precision="round_trip")
    pd.testing.assert_frame_equal(cluster.drop(columns="area_name"), local.zones.drop(columns="area_name"),
                                  check_exact=True)


def test_command_line_speaks_chinese_in_a_chinese_locale(tiled):
    paths, _, zones = tiled
    env = dict(_env(), LANG="zh_CN.UTF-8", LC_ALL="zh_CN.UTF-8", LANGUAGE="")
    run = subprocess.run([sys.executable, "-m", "sdg_monitor.scale", "forest", "--landcover", *paths,
                          "--zones", zones, "--zone-id", "nope"], capture_output=True, text=True, env=env,
                         timeout=120)
    assert run.returncode == 1
    assert "错误：分区“" in run.stderr and "没有字段“nope”" in run.stderr
