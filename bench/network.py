"""The network case of ``make bench`` (issue 16): 11.2.1 along a province-sized street network.

Inputs: the province size's population, zones and 20,000 stops (data.py) and a street grid over the same area,
501 × 501 jittered junctions joined east-west and north-south (501,000 segments in lines of 5 segments, shared
vertices at the junctions). The run is ``sdg:transit_access_11_2_1`` with NETWORK, timed in its own process
(wall, CPU, peak memory) against the goal of < 60 s and < 2 GB. Checks, outside the clock:

- Dijkstra: network distances from 200 sampled stops, the plugin's bounded search against
  ``scipy.sparse.csgraph.dijkstra`` on the same graph (largest difference within the distance);
- sanity on a dense grid: a window of 300 × 300 population cells with a street along every row's and every
  column's centre line (100 m blocks, 179,400 segments) and the window's stops moved to the middle of a block of an
  east-west street. A walk along such a grid from a point on it is the L1 (Manhattan) distance, so a cell is
  served exactly when its centre's L1 distance from a stop is within the stop's distance plus the walk-off (the
  nearest other street is 100 m away, more than the 75 m walk-off). The plugin's value must equal that count done
  independently in numpy, and its straight-line value at the same distances the numpy count of centres within the
  distance (L2). Their ratio is stated: a diamond of L1 radius D + w against a disc of radius D (for a lone stop
  on even population 72 / 78 = 0.923 cells at 500 m and 242 / 312 = 0.776 at 1000 m; 2(D + w)² / (πD²) as cells
  get small), other where served areas overlap or people are uneven; and it is bounded by straight-line runs, as
  L1 <= r gives L2 <= r and L2 <= r / √2 gives L1 <= r: straight line at (D + w) / √2 <= network <= straight
  line at D + w;
- bound on the province network: its value never exceeds the straight-line value at the distance plus the
  walk-off (a walk along streets is never shorter than the straight line).

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
from osgeo import gdal, ogr

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
DISTANCES = {"low": 500.0, "high": 1000.0}  # the algorithm's defaults, by capacity
DENSE_CELLS, DENSE_FROM = 300, 1400  # the dense grid's window: 300 × 300 cells from row and column 1400
DENSE_WALK_OFF = 75.0  # more than half a 100 m cell's diagonal, less than the 100 m to the next street


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
    wkts = []
    for xs, ys in ((x, y), (x.T, y.T)):  # rows east-west, then columns north-south
        for i in range(JUNCTIONS):
            for start in range(0, JUNCTIONS - 1, SEGMENTS_PER_LINE):
                stop = min(start + SEGMENTS_PER_LINE, JUNCTIONS - 1) + 1
                wkts.append(_wkt(list(zip(xs[i, start:stop].tolist(), ys[i, start:stop].tolist()))))
    _write_layer(path, ogr.wkbLineString, wkts)
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
    out["dijkstra_max_diff_m"], out["dijkstra_nodes"] = _dijkstra_check(inputs, network)
    out["dense"] = _dense_check(inputs, processing)
    return out


def _dense_check(inputs: data.Inputs, processing) -> dict:
    """The dense grid's values: the plugin's along the network and straight, the independent counts, bounds."""
    population, streets_uri, stops_uri, cells, high = dense_grid(BENCH / SIZE.name, inputs)
    people = gdal.Open(population).ReadAsArray().astype(np.float64)
    people[people < 0] = 0.0  # nodata (-9999) and negative cells hold no one, as in the plugin
    run = {"POPULATION": population, "STOPS": stops_uri, "CAPACITY_FIELD": "capacity", "HIGH_VALUES": "high",
           "OUTPUT": "memory:", "YEAR": 2020}

    def value(scale: float, extra: float = 0.0, **more) -> float:
        return processing.run("sdg:transit_access_11_2_1", dict(
            run, LOW_DISTANCE=(DISTANCES["low"] + extra) * scale, HIGH_DISTANCE=(DISTANCES["high"] + extra) * scale,
            **more))["VALUE"]

    reach = np.where(high, DISTANCES["high"], DISTANCES["low"]) / 100.0  # in cells
    return {"stops": len(cells), "segments": 2 * DENSE_CELLS * (DENSE_CELLS - 1),
            "network": value(1.0, NETWORK=streets_uri, WALK_OFF=DENSE_WALK_OFF),
            "expected_network": served_share(people, cells, reach + DENSE_WALK_OFF / 100.0, 1),
            "straight": value(1.0), "expected_straight": served_share(people, cells, reach, 2),
            "lower": value(2**-0.5, DENSE_WALK_OFF), "upper": value(1.0, DENSE_WALK_OFF)}


def served_share(people: np.ndarray, stops: np.ndarray, reach: np.ndarray, order: int) -> float:
    """Percentage of ``people`` in cells whose centre is within ``reach`` (cells) of a stop (row, column in cell
    units, cell centres at whole numbers) in the L1 (``order`` 1) or L2 (2) distance, counted cell by cell."""
    served = np.zeros(people.shape, dtype=bool)
    rows, cols = np.arange(people.shape[0])[:, None], np.arange(people.shape[1])[None, :]
    for (r, c), radius in zip(stops, reach):
        dr, dc = np.abs(rows - r), np.abs(cols - c)
        served |= (dr + dc <= radius) if order == 1 else (dr * dr + dc * dc <= radius * radius)
    return 100.0 * float(people[served].sum()) / float(people.sum())


def dense_grid(folder: Path, inputs: data.Inputs) -> tuple[str, str, str, np.ndarray, np.ndarray]:
    """The dense grid case (written once): the population window, the streets along its rows' and columns'
    centre lines (one line per row and per column, junctions shared), the stops of the window moved to the middle
    of the nearest block of an east-west street; and those stops as (row, column) in the window's cells (the
    column half-way between two centres) with their high-capacity flags."""
    n, first = DENSE_CELLS, DENSE_FROM
    left, top = data.ORIGIN[0] + first * 100.0, data.ORIGIN[1] - first * 100.0
    population, streets_path, stops_path = (folder / f"dense_{name}" for name in (
        "population.tif", "streets.gpkg", "stops.gpkg"))
    if not population.exists():
        gdal.Translate(str(population), inputs.population_2020, srcWin=[first, first, n, n]).FlushCache()
    centres = np.arange(n) * 100.0 + 50.0
    if not streets_path.exists():
        rows = [[(left + x, top - y) for x in centres] for y in centres]
        columns = [[(left + x, top - y) for y in centres] for x in centres]
        _write_layer(streets_path, ogr.wkbLineString, [_wkt(line) for line in rows + columns])
    source = ogr.Open(inputs.stops)
    xy, high = [], []
    for feature in source.GetLayer():
        x, y = feature.GetGeometryRef().GetX() - left, top - feature.GetGeometryRef().GetY()
        if 0 <= x < n * 100 and 0 <= y < n * 100:
            xy.append((x, y))
            high.append(feature.GetField("capacity") == "high")
    # Row: the nearest centre line; column: the nearest block middle (between centres c and c + 1).
    cells = np.column_stack([np.clip(np.floor(np.array(xy)[:, 1] / 100.0), 0, n - 1),
                             np.clip(np.floor(np.array(xy)[:, 0] / 100.0 - 0.5), 0, n - 2) + 0.5])
    if not stops_path.exists():
        _write_layer(stops_path, ogr.wkbPoint, [f"POINT({left + 50 + 100 * c} {top - 50 - 100 * r})"
                                                for r, c in cells], ["high" if h else "low" for h in high])
    return str(population), str(streets_path), str(stops_path), cells, np.array(high)


def _wkt(line: list[tuple[float, float]]) -> str:
    return "LINESTRING(" + ",".join(f"{x!r} {y!r}" for x, y in line) + ")"


def _write_layer(path: Path, kind: int, wkts: list[str], capacity: list[str] | None = None) -> None:
    """A GeoPackage layer of ``wkts`` in the bench's CRS, with a ``capacity`` field when given (written whole,
    then renamed)."""
    partial = path.with_suffix(".partial.gpkg")
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(partial))
    layer = ds.CreateLayer(path.stem, data._srs(), kind)
    if capacity is not None:
        layer.CreateField(ogr.FieldDefn("capacity", ogr.OFTString))
    layer.StartTransaction()
    for i, wkt in enumerate(wkts):
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetGeometry(ogr.CreateGeometryFromWkt(wkt))
        if capacity is not None:
            feature.SetField("capacity", capacity[i])
        layer.CreateFeature(feature)
    layer.CommitTransaction()
    ds = None
    partial.rename(path)


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
    walk = np.full(n, np.inf)  # one extra node joined to each sampled stop's tie nodes by its (shortest) walks
    rows = graph.ties.of(sample)
    np.minimum.at(walk, graph.ties.node[rows], graph.ties.walk[rows])
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
          f"at distance + walk-off {row['upper']:.2f} % ({_ok(row['value'] <= row['upper'] + 1e-9)})")
    dense = row.get("dense")
    if dense:
        w = DENSE_WALK_OFF
        lone = ", ".join(f"{ratio:.3f} at {d:g} m" for d, ratio in lone_ratios().items())
        print(f"  dense grid ({DENSE_CELLS} × {DENSE_CELLS} cells of 100 m, a street along every row's and column's "
              f"centre line: {dense['segments']:,} segments; {dense['stops']} stops mid-block; walk-off {w:g} m):")
        print(f"    network {dense['network']:.6f} % = independent L1 count {dense['expected_network']:.6f} % "
              f"({_ok(abs(dense['network'] - dense['expected_network']) < 1e-6)}); straight line "
              f"{dense['straight']:.6f} % = independent L2 count {dense['expected_straight']:.6f} % "
              f"({_ok(abs(dense['straight'] - dense['expected_straight']) < 1e-6)})")
        ratio, expected = dense["network"] / dense["straight"], dense["expected_network"] / dense["expected_straight"]
        print(f"    network / straight line {ratio:.4f}, expected {expected:.4f} (the counts' ratio; a lone stop on "
              f"even population: {lone}; other where served areas overlap) "
              f"({_ok(abs(ratio - expected) < 1e-6)}); bounds: straight line at (D + w) / √2 {dense['lower']:.4f} % "
              f"<= network <= straight line at D + w {dense['upper']:.4f} % "
              f"({_ok(dense['lower'] <= dense['network'] <= dense['upper'])})")


def lone_ratios() -> dict[float, float]:
    """Network / straight-line served cells for one stop mid-block on the dense grid, by distance: the lattice
    count of centres within L1 D + w against those within L2 D (2(D + w)² / (πD²) as the cells get small)."""
    even, stop = np.ones((41, 41)), np.array([[20.0, 20.5]])
    return {d: served_share(even, stop, np.array([(d + DENSE_WALK_OFF) / 100.0]), 1)
            / served_share(even, stop, np.array([d / 100.0]), 2) for d in DISTANCES.values()}


def _ok(condition: bool) -> str:
    return "ok" if condition else "FAILS"


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
