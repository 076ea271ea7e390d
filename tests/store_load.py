"""Concurrent load on a results store: department writers and readers for a while, then an account of what
landed and how long each operation took. Used by the load test (seconds, threads) and by bench/store.py (a
minute, processes)."""
from __future__ import annotations

import statistics
import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from dataclasses import dataclass, field
from multiprocessing import get_context

DEPARTMENTS = [f"sdg_dept_load{n}" for n in range(8)]


def shared_load_store(cluster, schema: str) -> tuple[list[tuple[str, str]], list[str]]:
    """A set-up store with eight departments (indicator L<n>) and a login role for each, and four readers."""
    from sdg_monitor.core.store import open_store
    from sdg_monitor.core.store_pg_setup import setup_shared_store

    setup_shared_store(open_store(cluster.uri("sdg_test", schema)),
                       {role: [f"L{n}"] for n, role in enumerate(DEPARTMENTS)})
    writers, readers = [], []
    for n, role in enumerate(DEPARTMENTS):
        cluster.sql(f"CREATE ROLE {schema}_w{n} LOGIN IN ROLE {role}")
        writers.append((cluster.uri("sdg_test", schema, user=f"{schema}_w{n}"), f"L{n}"))
    for n in range(4):
        cluster.sql(f"CREATE ROLE {schema}_r{n} LOGIN IN ROLE sdg_reader")
        readers.append(cluster.uri("sdg_test", schema, user=f"{schema}_r{n}"))
    return writers, readers


@dataclass
class Tally:
    """One client's operations: durations in seconds and, for writers, the keys written and the last value."""

    kind: str
    durations: list[float] = field(default_factory=list)
    rows: int = 0
    area_ids: list[str] = field(default_factory=list)
    last_value: float | None = None
    errors: list[str] = field(default_factory=list)


def write_batch(indicator: str, writer: int, batch: int, size: int) -> list[dict]:
    """A run's rows: ``size`` zones of its own plus the department's county row, upserted again every run."""
    rows = [dict(indicator=indicator, area_id=f"w{writer}-b{batch}-z{i}", area_level="zone", year=2024,
                 value=float(i), source="load") for i in range(size)]
    rows.append(dict(indicator=indicator, area_id="county", area_level="total", year=2024, value=float(batch)))
    return rows


def writer(address: str, indicator: str, number: int, seconds: float, size: int) -> Tally:
    """Write runs of ``size`` + 1 rows until ``seconds`` have passed."""
    from sdg_monitor.core.store import StoreError, open_store

    tally = Tally("writer")
    deadline = time.monotonic() + seconds
    batch = 0
    while time.monotonic() < deadline:
        rows = write_batch(indicator, number, batch, size)
        start = time.monotonic()
        try:
            open_store(address).upsert_results(rows)
        except StoreError as exc:
            tally.errors.append(str(exc))
            continue
        tally.durations.append(time.monotonic() - start)
        tally.rows += len(rows)
        tally.area_ids += [row["area_id"] for row in rows[:-1]]
        tally.last_value = float(batch)
        batch += 1
    return tally


def reader(address: str, seconds: float) -> Tally:
    """Read the whole results table until ``seconds`` have passed."""
    from sdg_monitor.core.store import StoreError, open_store

    tally = Tally("reader")
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        start = time.monotonic()
        try:
            tally.rows += len(open_store(address).read_results())
        except StoreError as exc:
            tally.errors.append(str(exc))
        tally.durations.append(time.monotonic() - start)
    return tally


def run_load(writers: list[tuple[str, str]], readers: list[str], seconds: float, size: int,
             processes: bool = False) -> list[Tally]:
    """Run every (address, indicator) writer and every reader address at once for ``seconds``."""
    pool_class = ProcessPoolExecutor if processes else ThreadPoolExecutor
    options = {"mp_context": get_context("spawn")} if processes else {}
    with pool_class(max_workers=len(writers) + len(readers), **options) as pool:
        futures = [pool.submit(writer, address, indicator, n, seconds, size)
                   for n, (address, indicator) in enumerate(writers)]
        futures += [pool.submit(reader, address, seconds) for address in readers]
        return [future.result() for future in futures]


def summary(tallies: list[Tally]) -> dict[str, float]:
    """Counts and latencies (seconds) of writes and reads."""
    writes = [d for t in tallies if t.kind == "writer" for d in t.durations]
    reads = [d for t in tallies if t.kind == "reader" for d in t.durations]
    return {"writes": len(writes), "rows": sum(t.rows for t in tallies if t.kind == "writer"),
            "write_median": statistics.median(writes) if writes else 0.0, "write_max": max(writes, default=0.0),
            "reads": len(reads), "read_median": statistics.median(reads) if reads else 0.0,
            "read_max": max(reads, default=0.0)}
