"""Results-store benchmark: write throughput (rows/s) of the GeoPackage store and the PostgreSQL store side by
side, then eight department writers and four readers on the shared store for a minute (issue 23).

    .venv/bin/python bench/store.py [--rows 2000] [--runs 5] [--load 60] [--size 200]

A private PostgreSQL cluster is started in a temporary folder (initdb as the postgres user, unix socket only)
and deleted at the end; its fsync is off, as on a throw-away cluster, so the figures measure the store's own
work and the server, not the disk. The GeoPackage keeps SQLite's defaults (full fsync on commit).
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "tests"), str(ROOT / ".build" / "plugins")]

from pg_cluster import PrivateCluster  # noqa: E402
from store_load import run_load, shared_load_store, summary, write_batch  # noqa: E402


def throughput(address: str, rows: int, runs: int, writers: int) -> float:
    """Rows per second upserted by ``writers`` concurrent clients, each doing ``runs`` runs of ``rows`` rows
    (new keys every run), best of three rounds."""
    from concurrent.futures import ThreadPoolExecutor

    from sdg_monitor.core.store import open_store

    open_store(address)
    best = 0.0
    for round_number in range(3):
        def work(writer: int, round_number: int = round_number) -> None:
            store = open_store(address)
            for run in range(runs):
                store.upsert_results(write_batch("B1", writer, round_number * runs + run, rows - 1))

        start = time.perf_counter()
        with ThreadPoolExecutor(writers) as pool:
            list(pool.map(work, range(writers)))
        best = max(best, writers * runs * rows / (time.perf_counter() - start))
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=2000, help="rows per run (default 2000)")
    parser.add_argument("--runs", type=int, default=5, help="runs per writer and round (default 5)")
    parser.add_argument("--load", type=float, default=60.0, help="seconds of the 8 + 4 load (0: skip)")
    parser.add_argument("--size", type=int, default=200, help="rows per run in the load (default 200)")
    args = parser.parse_args(argv)
    with PrivateCluster() as cluster, tempfile.TemporaryDirectory(prefix="sdg-bench-store-") as folder:
        cluster.sql("CREATE DATABASE sdg_test")
        print(f"\n== results store write throughput (rows/s; runs of {args.rows} rows, best of 3)")
        print(f"{'writers':>8} {'GeoPackage':>12} {'PostgreSQL':>12}")
        for writers in (1, 8):
            gpkg = throughput(str(Path(folder) / f"bench{writers}.gpkg"), args.rows, args.runs, writers)
            postgres = throughput(cluster.uri("sdg_test", f"bench{writers}"), args.rows, args.runs, writers)
            print(f"{writers:>8} {gpkg:>12,.0f} {postgres:>12,.0f}")
        if args.load:
            return _load(cluster, args.load, args.size)
    return 0


def _load(cluster: PrivateCluster, seconds: float, size: int) -> int:
    writers, readers = shared_load_store(cluster, "benchload")
    log_before = len(cluster.log())
    print(f"\n== 8 department writers (runs of {size + 1} rows) + 4 readers, {seconds:g} s, one process each")
    tallies = run_load(writers, readers, seconds, size, processes=True)
    waits = [line for line in cluster.log()[log_before:].splitlines() if "still waiting for" in line]
    figures = summary(tallies)
    from sdg_monitor.core.store import open_store

    stored = len(open_store(readers[0]).read_results())
    expected = figures["rows"] - figures["writes"] + len(writers)
    errors = [error for tally in tallies for error in tally.errors]
    print(f"runs written {figures['writes']}, rows {figures['rows']:,} ({figures['rows'] / seconds:,.0f} rows/s); "
          f"rows in the store {stored:,} (expected {expected:,})")
    print(f"write latency median {figures['write_median']:.3f} s, max {figures['write_max']:.3f} s; "
          f"reads {figures['reads']}, median {figures['read_median']:.3f} s, max {figures['read_max']:.3f} s")
    print(f"lock waits over 100 ms: {len(waits)}; errors: {len(errors)}")
    runs = [len(t.durations) for t in tallies if t.kind == "writer"]
    print(f"runs per writer: min {min(runs)}, median {statistics.median(runs):g}, max {max(runs)}")
    return 0 if stored == expected and not errors and not waits else 1


if __name__ == "__main__":
    sys.exit(main())
