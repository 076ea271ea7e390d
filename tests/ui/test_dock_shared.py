"""The dock on a shared PostgreSQL store: the same rows as from a GeoPackage, who last wrote each indicator,
read-only for a reader (Run disabled), the address saved in the project, and a clear message when it fails."""
from __future__ import annotations

import itertools
from datetime import datetime, timezone

import pytest
from dashboard_data import result_rows
from sdg_monitor.core.store import RunRecord, open_store
from sdg_monitor.core.store_copy import copy_store
from sdg_monitor.core.store_pg_setup import setup_shared_store
from sdg_monitor.ui.project_store import saved_store_path

_SCHEMAS = itertools.count(1)


@pytest.fixture()
def shared(pg_cluster, sample_store):
    """The sample store copied into a set-up shared store by a writer (audited), and a reader login."""
    n = next(_SCHEMAS)
    schema = f"dock{n}"
    setup_shared_store(open_store(pg_cluster.uri("sdg_test", schema)))
    for kind, group in (("reader", "sdg_reader"), ("writer", "sdg_writer")):
        pg_cluster.sql(f"CREATE ROLE {kind}_d{n} LOGIN IN ROLE {group}")
    writer = pg_cluster.uri("sdg_test", schema, user=f"writer_d{n}")
    copy_store(open_store(str(sample_store)), open_store(writer),
               audit=RunRecord("sdg:copy_store", {}, {}, datetime.now(timezone.utc)))
    return {"writer": writer, "reader": pg_cluster.uri("sdg_test", schema, user=f"reader_d{n}"), "n": n}


def test_a_shared_store_shows_the_same_rows_and_who_wrote_them(dock, shared, sample_store):
    assert dock.open_store(str(sample_store))
    from_file = list(dock.table.keys())
    assert dock.shared_panel.isHidden()

    assert dock.open_store(shared["writer"])
    assert list(dock.table.keys()) == from_file
    assert not dock.shared_panel.isHidden() and not dock.shared_panel.read_only
    assert dock.run_panel.store_path == shared["writer"]
    table = dock.shared_panel.writers
    codes = sorted({row["indicator"] for row in result_rows()})
    assert [table.item(r, 0).text() for r in range(table.rowCount())] == codes
    assert {table.item(r, 1).text() for r in range(table.rowCount())} == {f"writer_d{shared['n']}"}
    assert saved_store_path() == shared["writer"]


def test_a_reader_sees_everything_read_only(dock, shared):
    assert dock.open_store(shared["reader"])
    assert dock.dashboard is not None and dock.content.isEnabled()
    assert dock.shared_panel.read_only and "read-only" in dock.shared_panel.role.text()
    assert dock.run_panel.store_path == ""


def test_an_unreachable_shared_store_says_why(dock, pg_cluster):
    address = pg_cluster.uri("nope")
    assert not dock.open_store(address)
    assert 'database "nope" does not exist' in dock.message.text() and not dock.content.isEnabled()
