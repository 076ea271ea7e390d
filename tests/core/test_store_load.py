"""Eight department writers and four readers on a shared store at once (a few seconds here; a minute in
bench/store.py): nothing is lost, the last run's value of every re-written row wins, and nobody waits on a lock
(the server logs any lock wait over 100 ms)."""
from __future__ import annotations

from sdg_monitor.core.store import open_store
from store_load import run_load, shared_load_store, summary


def test_eight_departments_and_four_readers_lose_nothing_and_wait_for_no_one(pg_cluster):
    writers, readers = shared_load_store(pg_cluster, "load")
    log_before = len(pg_cluster.log())
    tallies = run_load(writers, readers, seconds=4.0, size=40)
    waits = [line for line in pg_cluster.log()[log_before:].splitlines() if "still waiting for" in line]
    figures = summary(tallies)
    print(figures)
    assert [error for tally in tallies for error in tally.errors] == []
    assert waits == []
    assert all(tally.durations for tally in tallies)  # every client got work done
    stored = open_store(readers[0]).read_results()
    zones = stored[stored["area_level"] == "zone"]
    expected = sorted(area for tally in tallies if tally.kind == "writer" for area in tally.area_ids)
    assert sorted(zones["area_id"]) == expected and len(expected) == figures["rows"] - figures["writes"]
    county = stored[stored["area_id"] == "county"].set_index("indicator")["value"].to_dict()
    assert county == {indicator: tally.last_value for (_a, indicator), tally in zip(writers, tallies)}
