"""The network case of ``make bench`` (issue 16): 11.2.1 along a province-sized street network.

Inputs: the province size's population, zones and 20,000 stops (data.py) and a street grid over the same area,
501 × 501 jittered junctions joined east-west and north-south (501,000 segments in lines of 5 segments, shared
vertices at the junctions). The run is ``sdg:transit_access_11_2_1`` with NETWORK, timed in its own process
(wall, CPU, peak memory) against the goal of < 60 s and < 2 GB. Checks, outside the clock:

- Dijkstra: network distances from 200 sampled stops, the plugin's bounded search against
  ``scipy.sparse.csgraph.dijkstra`` on the same graph (largest difference within the distance);
- sanity: the network value never exceeds the straight-line value at the distance plus the walk-off (a network
  walk is never shorter than the straight line), and on a grid whose blocks are small against the distance it
  comes near the straight-line value at distance / √2 (grid walks are at most √2 times the straight line).

    .venv/bin/python bench/network.py            # generate (once) and run: about 2 minutes on 2 cores
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import cases
import numpy as np
from osgeo import ogr

import data

BENCH = cases.ROOT / ".build" / "bench"
SIZE = data.SIZES["province"]
JUNCTIONS = 501  # per side: 2 × 501 × 500 = 501,000 segments
SEGMENTS_PER_LINE = 5
JITTER_M = 150.0
SEARCH_M = 500.0  # the farthest stop is about 450 m from a street on this coarse grid
GOAL_SECONDS, GOAL_MB = 60.0, 2048.0
SAMPLED = 200
CASE = "transit_access_11_2_1_network"


def streets(folder: Path) -> str:
    """The street grid GeoPackage (written once, deterministic)."""
    path = folder / "streets.gpkg"
    if path.exists():
        return str(path)
    rng = np.random.default_rng(2016)
    step = SIZE.side_m / (JUNCTIONS - 1)
    x = data.ORIGIN[0] + np.arange(JUNCTIONS) * step + rng.uniform(-JITTER_M, JITTER_M, (JUNCTIONS, JUNCTIONS))
    y = data.ORIGIN[1] - np.arange(JUNCTIONS)[:, None] * step + rng.uniform(-JITTER_M, JITTER_M,
                                                                              (JUNCTIONS, JUNCTIONS))
    x, y = np.clip(x, data.ORIGIN[0], data.ORIGIN[0] + SIZE.side_m), np.clip(y, data.ORIGIN[1] - SIZE.side_m,
                                                                               data.ORIGIN[1])
    partial = folder / "streets.partial.gpkg"
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(partial))
    layer = ds.CreateLayer("streets", data._srs(), ogr.wkbLineString)
    layer.StartTransaction()
    for xs, ys in ((x, y), (x.T, y.T)):  # rows east-west, then columns north-south
        for i in range(JUNCTIONS):
            for start in range(0, JUNCTIONS - 1, SEGMENTS_PER_LINE):
                stop = min(start + SEGMENTS_PER_LINE, JUNCTIONS - 1) + 1
                line = ogr.Geometry(ogr.wkbLineString)
                for px, py in zip(xs[i, start:stop], ys[i, start:stop]):
                    line.AddPoint_2D(float(px), float(py))
                feature = ogr.Feature(layer.GetLayerDefn())
                feature.SetGeometry(line)
                layer.CreateFeature(feature)
    layer.CommitTransaction()
    ds = None
    partial.rename(path)
    return str(path)


def worker() -> dict:
    """Time the run, then check it; the measurements as a dict."""
    inputs = data.ensure(SIZE, BENCH)
    network = streets(BENCH / SIZE.name)
    cases.init_qgis()
    import processing

    parameters = {"ZONES": inputs.zones, "ZONE_ID_FIELD": "zone_id", "POPULATION": inputs.population_2020,
                  "STOPS": inputs.stops, "CAPACITY_FIELD": "capacity", "HIGH_VALUES": "high", "OUTPUT": "memory:",
                  "NETWORK": network, "SEARCH_DISTANCE": SEARCH_M}
    start_mb = cases.status_mb("VmRSS")
    wall, cpu = time.perf_counter(), time.process_time()
    result = processing.run("sdg:transit_access_11_2_1", parameters)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    peak_mb = cases.status_mb("VmHWM")
    out = {"wall": wall, "cpu": cpu, "peak_mb": peak_mb, "run_mb": peak_mb - start_mb, "value": result["VALUE"]}
    straight = {k: v for k, v in parameters.items() if k not in ("NETWORK", "SEARCH_DISTANCE")}
    print("RESULT " + json.dumps(out), flush=True)  # the timing, should a check fail
    walk_off = 0.5 * float(np.hypot(100.0, 100.0))  # the default on the 100 m population grid
    out["upper"] = processing.run("sdg:transit_access_11_2_1", dict(
        straight, LOW_DISTANCE=500 + walk_off, HIGH_DISTANCE=1000 + walk_off))["VALUE"]
    out["lower"] = processing.run("sdg:transit_access_11_2_1", dict(
        straight, LOW_DISTANCE=500 / 2**0.5, HIGH_DISTANCE=1000 / 2**0.5))["VALUE"]
    out["dijkstra_max_diff_m"], out["dijkstra_nodes"] = _dijkstra_check(inputs, network)
    return out


def _dijkstra_check(inputs: data.Inputs, network: str) -> tuple[float, int]:
    """Largest difference (m) between the plugin's distances from sampled stops and scipy's, within 1000 m."""
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback, QgsVectorLayer
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import dijkstra
    from sdg_monitor.processing.access import Network, point_features

    layer = QgsVectorLayer(inputs.stops, "stops")
    context = QgsProcessingContext()
    points, _, _ = point_features(layer, "stops", layer.crs(), context)
    graph = Network(QgsVectorLayer(network, "streets"), "streets", layer.crs(), points, context,
                    QgsProcessingFeedback(), search=SEARCH_M).graph
    sample = np.random.default_rng(7).choice(len(points), SAMPLED, replace=False).tolist()
    limit = 1000.0
    ours = graph.costs(sample, limit)
    n = len(graph.xy)
    walk = np.full(n, np.inf)  # one extra node joined to each sampled stop's node by its (shortest) walk
    np.minimum.at(walk, graph.ties.node[sample], graph.ties.walk[sample])
    tied = np.flatnonzero(np.isfinite(walk))
    source = n
    matrix = coo_matrix((np.concatenate([graph.length, walk[tied]]),
                         (np.concatenate([graph.start, np.full(len(tied), source)]),
                          np.concatenate([graph.end, tied]))), shape=(n + 1, n + 1)).tocsr()
    theirs = dijkstra(matrix, directed=False, indices=source, limit=limit)[:n]
    reached = theirs <= limit
    assert np.array_equal(reached, ours <= limit), "the plugin and scipy reach different nodes"
    return float(np.max(np.abs(ours[reached] - theirs[reached]), initial=0.0)), int(reached.sum())


def report(row: dict) -> None:
    """Print the case against its goal and the checks."""
    print(f"\nsdg:transit_access_11_2_1 with NETWORK at province ({2 * JUNCTIONS * (JUNCTIONS - 1):,} street "
          f"segments, {SIZE.stops:,} stops, {SIZE.zones:,} zones)")
    if "wall" not in row:
        print(f"  n/a: {row.get('note', 'failed')}")
        return
    if "note" in row:
        print(f"  checks {row['note']}")
    print(f"  {'engine':<13}{'wall s':>9}{'cpu s':>9}{'peak MB':>9}{'run MB':>8}")
    print(f"  {'sdg':<13}{row['wall']:9.2f}{row['cpu']:9.2f}{row['peak_mb']:9.0f}{row['run_mb']:8.0f}")
    ok = row["wall"] < GOAL_SECONDS and row["peak_mb"] < GOAL_MB
    print(f"  goals: province network {'meets' if ok else 'misses'} < {GOAL_SECONDS:g} s and "
          f"< {GOAL_MB / 1024:g} GB")
    if "dijkstra_nodes" not in row:
        return
    print(f"  checks: Dijkstra on {SAMPLED} sampled stops: {row['dijkstra_nodes']:,} nodes within 1000 m, largest "
          f"difference from scipy {row['dijkstra_max_diff_m']:.2e} m; value {row['value']:.2f} % <= straight line "
          f"at distance + walk-off {row['upper']:.2f} % ({'ok' if row['value'] <= row['upper'] + 1e-9 else 'FAILS'})"
          f"; straight line at distance / √2: {row['lower']:.2f} % (near it only where blocks are small against "
          f"the distance; these are {SIZE.side_m / (JUNCTIONS - 1):.0f} m)")


def run(timeout: float = 900.0) -> dict:
    """The case in its own process (clean peak memory); prints and returns its row."""
    try:
        done = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--worker"], capture_output=True,
                              text=True, timeout=timeout, cwd=cases.ROOT)
        found = [line for line in done.stdout.splitlines() if line.startswith("RESULT ")]
        row = json.loads(found[-1][len("RESULT "):]) if found else {}
        if done.returncode != 0 or "dijkstra_nodes" not in row:
            row["note"] = "failed: " + ((done.stderr.strip().splitlines() or ["no output"])[-1])[:200]
    except subprocess.TimeoutExpired:
        row = {"note": f"gave up after {timeout:.0f} s"}
    report(row)
    return dict(row, size="province", indicator=CASE, engine="sdg")


if __name__ == "__main__":
    if "--worker" in sys.argv:
        print("RESULT " + json.dumps(worker()))
        sys.stdout.flush()
        os._exit(0)  # skip QGIS's exit handlers, which can crash after a headless run
    run()
