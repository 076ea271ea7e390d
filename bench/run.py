"""``make bench``: SDG Monitor's spatial indicators against the QGIS native chain, a plain GDAL floor and
exactextract, on synthetic inputs; each case runs in its own process for a clean peak memory.

    .venv/bin/python bench/run.py [--sizes county,province,tile1g,nation] [--indicators forest_area_15_1_1,...]
                                  [--engines sdg,floor,native,exactextract,dask] [--timeout S] [--repeat N]
                                  [--code DIR] [--profile]
"""
from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import shutil
import subprocess
import sys
import time
from pathlib import Path

import cases
import network

import data

BENCH = cases.ROOT / ".build" / "bench"
GOAL_FLOOR = 2.0
GOAL_NATIVE = {"county": 5.0, "province": 20.0}  # times faster than the native chain (issue 10)
#: Wall seconds and peak MB an SDG Monitor run must stay under (issue 10).
GOAL_LIMITS = {"province": (60.0, 2048.0), "tile1g": (None, 2048.0), "nation": (None, 2048.0)}
TIMEOUT = {"tile1g": 3600.0, "nation": 3600.0}  # seconds before a case is given up (default 900)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default=",".join(data.SIZES),
                        help="comma-separated: " + ", ".join(data.SIZES) + " (default all: about 11 minutes, "
                             "plus 2 to generate the 1 Gpx inputs the first time; county,province alone: about 7)")
    parser.add_argument("--indicators", default="", help="comma-separated algorithm ids (default: all present) "
                                                         "and transit_access_11_2_1_network (province only)")
    parser.add_argument("--engines", default=",".join(cases.ENGINES), help="comma-separated: " +
                        ", ".join(cases.ENGINES))
    parser.add_argument("--timeout", type=float, default=0.0,
                        help="seconds before a case is given up (default 900, an hour at tile1g and nation)")
    parser.add_argument("--repeat", type=int, default=0,
                        help="runs per case, best wall time kept (default: 3 at county and province, except "
                             "the native chain and exactextract; 1 otherwise)")
    parser.add_argument("--profile", action="store_true", help="cProfile the sdg runs instead of the table")
    parser.add_argument("--code", default="", help="benchmark another copy of the plugin (e.g. an older version)")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        return worker(json.loads(args.worker))
    sizes = [s for s in args.sizes.split(",") if s]
    unknown = [s for s in sizes if s not in data.SIZES]
    if unknown:
        parser.error(f"unknown size(s) {unknown}; choose from {sorted(data.SIZES)}")
    requested = [i for i in args.indicators.split(",") if i]
    indicators = [i for i in requested if i != network.CASE] if requested else cases.available_indicators()
    engines = [cases.OURS] if args.profile else [e for e in args.engines.split(",") if e]
    if set(engines) - set(cases.ENGINES):
        parser.error(f"unknown engine(s) {sorted(set(engines) - set(cases.ENGINES))}")
    notes = {}
    if cases.EXACT in engines and not _exactextract_ready():
        engines.remove(cases.EXACT)
        notes[cases.EXACT] = "exactextract did not install from PyPI; skipped"
        print(f"note: {notes[cases.EXACT]}")
    print(_machine())
    results = []
    for size in sizes:
        started = time.perf_counter()
        inputs = data.ensure(data.SIZES[size], BENCH)
        print(f"\n== {size}: inputs ready in {time.perf_counter() - started:.1f} s under {BENCH / size}")
        for indicator in indicators:
            if cases.not_run(size, indicator):
                print(f"\nsdg:{indicator} at {size}: not run ({cases.not_run(size, indicator)})")
                continue
            rows = [_run_case(size, indicator, engine, inputs, args, args.repeat or _default_repeat(size, engine))
                    for engine in engines if size in cases.ONLY_AT.get(engine, (size,))]
            results += rows
            if rows and not args.profile:
                _print_table(size, indicator, rows)
    if "province" in sizes and cases.OURS in engines and not args.profile and (
            not requested or network.CASE in requested):
        results.append(network.run(args.timeout or 900.0))
    if not args.profile:
        _write_results(results)
    return 0


# --- the worker: one case in this process ---------------------------------------------------------------------
def _default_repeat(size: str, engine: str) -> int:
    """Best of 3 where a run takes seconds (noise matters there), one run for the slow tools and the 1 Gpx sizes."""
    return 3 if size in ("county", "province") and engine not in (cases.NATIVE, cases.EXACT) else 1


def worker(spec: dict) -> int:
    """Run one case and print its measurements as a ``RESULT {json}`` line."""
    inputs = data.ensure(data.SIZES[spec["size"]], BENCH)
    cases.CODE[0] = spec.get("code", "")
    if spec["engine"] in (cases.OURS, cases.NATIVE):
        cases.init_qgis(spec.get("code", ""))
    out = cases.out_folder(spec["size"])
    run = cases.BUILDERS[spec["engine"]](spec["indicator"], inputs, out)
    start_mb = cases.status_mb("VmRSS")
    if spec.get("profile"):
        import cProfile
        import pstats

        profiler = cProfile.Profile()
        wall, cpu = time.perf_counter(), time.process_time()
        profiler.runcall(run)
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        pstats.Stats(profiler, stream=sys.stdout).sort_stats("tottime").print_stats(25)
    else:
        best = (float("inf"), 0.0)
        for _ in range(spec.get("repeat", 1)):
            wall, cpu = time.perf_counter(), time.process_time()
            run()
            best = min(best, (time.perf_counter() - wall, time.process_time() - cpu))
        wall, cpu = best
    peak_mb = max([cases.status_mb("VmHWM"), *cases.WORKER_PEAKS_MB])
    shutil.rmtree(out, ignore_errors=True)
    print("RESULT " + json.dumps({"wall": wall, "cpu": cpu, "peak_mb": peak_mb, "run_mb": peak_mb - start_mb}))
    sys.stdout.flush()
    os._exit(0)  # skip QGIS's exit handlers, which can crash after a headless run


# --- the parent: cases in subprocesses ------------------------------------------------------------------------
def _run_case(size: str, indicator: str, engine: str, inputs: data.Inputs, args: argparse.Namespace,
              repeat: int) -> dict:
    row = {"size": size, "indicator": indicator, "engine": engine,
           "mpx": sum(_pixels(path) for path in cases.input_rasters(indicator, inputs)) / 1e6}
    reason = cases.not_run(size, indicator, engine)
    if reason:
        return dict(row, note=reason)
    timeout = args.timeout or TIMEOUT.get(size, 900.0)
    spec = json.dumps({"size": size, "indicator": indicator, "engine": engine, "profile": args.profile,
                       "repeat": repeat, "code": args.code})
    try:
        done = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--worker", spec],
                              capture_output=True, text=True, timeout=timeout, cwd=cases.ROOT)
    except subprocess.TimeoutExpired:
        return dict(row, note=f"gave up after {timeout:.0f} s", timeout=timeout)
    found = [line for line in done.stdout.splitlines() if line.startswith("RESULT ")]
    if args.profile:
        print(f"\n-- cProfile: sdg:{indicator} at {size}\n" + done.stdout)
    if done.returncode != 0 or not found:
        last = (done.stderr.strip().splitlines() or ["no output"])[-1]
        return dict(row, note=f"failed: {last[:100]}")
    return dict(row, **json.loads(found[-1][len("RESULT "):]))


def _pixels(path: str) -> int:
    from osgeo import gdal

    ds = gdal.Open(path)
    return ds.RasterXSize * ds.RasterYSize


def _exactextract_ready() -> bool:
    """exactextract importable, installing it from PyPI into this interpreter's environment when missing."""
    def importable() -> bool:
        return subprocess.run([sys.executable, "-c", "import exactextract"], capture_output=True).returncode == 0

    if importable():
        return True
    print("note: installing exactextract from PyPI (bench only; not a test requirement)…")
    try:
        subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--disable-pip-version-check", "exactextract"],
                       capture_output=True, timeout=600)
    except subprocess.TimeoutExpired:
        return False
    return importable()


# --- report ---------------------------------------------------------------------------------------------------
def _print_table(size: str, indicator: str, rows: list[dict]) -> None:
    ours = next((r for r in rows if r["engine"] == cases.OURS and "wall" in r), None)
    print(f"\n{'sdg:' + indicator} at {size} ({rows[0]['mpx']:.1f} Mpx of input rasters)")
    print(f"  {'engine':<13}{'wall s':>9}{'cpu s':>9}{'peak MB':>9}{'run MB':>8}{'Mpx/s':>8}  vs sdg")
    for r in rows:
        if "wall" not in r:
            print(f"  {r['engine']:<13}  {'' if 'timeout' in r else 'n/a: '}{r['note']}")
            continue
        ratio = f"{r['wall'] / ours['wall']:.2f}x" if ours else "-"
        print(f"  {r['engine']:<13}{r['wall']:9.2f}{r['cpu']:9.2f}{r['peak_mb']:9.0f}{r['run_mb']:8.0f}"
              f"{r['mpx'] / r['wall']:8.1f}  {ratio}")
    floor = next((r for r in rows if r["engine"] == cases.FLOOR and "wall" in r), None)
    native = next((r for r in rows if r["engine"] == cases.NATIVE and ("wall" in r or "timeout" in r)), None)
    if ours:
        goals = []
        if floor:
            x = ours["wall"] / floor["wall"]
            goals.append(f"sdg/floor {x:.2f}x ({'meets' if x <= GOAL_FLOOR else 'misses'} <= {GOAL_FLOOR:g}x)")
        if native:
            x = native.get("wall", native.get("timeout", 0.0)) / ours["wall"]
            text = f"> {x:.1f}x" if "timeout" in native else f"{x:.1f}x"
            goal = GOAL_NATIVE.get(size, GOAL_NATIVE["province"])
            goals.append(f"native/sdg {text} ({'meets' if x >= goal else 'misses'} >= {goal:g}x)")
        if size in GOAL_LIMITS:
            seconds, megabytes = GOAL_LIMITS[size]
            ok = (seconds is None or ours["wall"] < seconds) and ours["peak_mb"] < megabytes
            limits = ([f"< {seconds:g} s"] if seconds else []) + [f"< {megabytes / 1024:g} GB"]
            goals.append(f"{size} {'meets' if ok else 'misses'} {' and '.join(limits)}")
        if goals:
            print("  goals: " + "; ".join(goals))


def _machine() -> str:
    return (f"machine: {platform.node()}, {os.cpu_count()} cores, load average "
            f"{' '.join(f'{x:.1f}' for x in os.getloadavg())} at start, Python {platform.python_version()}, "
            f"{datetime.datetime.now():%Y-%m-%d %H:%M}")


def _write_results(results: list[dict]) -> None:
    path = BENCH / f"results-{datetime.datetime.now():%Y%m%d-%H%M%S}.json"
    path.write_text(json.dumps({"machine": _machine(), "results": results}, indent=1, default=str))
    print(f"\nresults saved to {path}")


if __name__ == "__main__":
    sys.exit(main())
