"""The PostgreSQL store's own behaviour: addresses, passwords, the audit trail, locks and connection errors."""
from __future__ import annotations

import threading
import time
from datetime import datetime, timezone

import psycopg2
import pytest
from sdg_monitor.core.store import RunRecord, StoreError, open_store
from sdg_monitor.core.store_address import is_postgres, parse_postgres, redact
from store_backends import pg_backend


def _row(area_id: str = "A", indicator: str = "15.1.1", value: float = 1.0) -> dict:
    return dict(indicator=indicator, area_id=area_id, year=2020, value=value)


def _run(**parameters) -> RunRecord:
    return RunRecord("sdg:forest_area_15_1_1", parameters, {"/data/lc.tif": "ab" * 32},
                     datetime(2026, 1, 2, 3, 4, 5, tzinfo=timezone.utc))


# --- addresses -----------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "keywords", "schema"), [
    ("postgresql://alice@db.county.gov:5433/sdg?schema=county",
     {"user": "alice", "host": "db.county.gov", "port": "5433", "dbname": "sdg"}, "county"),
    ("postgres://%2Fvar%2Frun%2FPostgreSQL/results", {"host": "/var/run/PostgreSQL", "dbname": "results"}, "sdg"),
    ("postgresql://bob@[::1]:5432/x?sslmode=require",
     {"user": "bob", "host": "::1", "port": "5432", "dbname": "x", "sslmode": "require"}, "sdg"),
    ("service=county_sdg", {"service": "county_sdg"}, "sdg"),
    ("service=county_sdg schema=land", {"service": "county_sdg"}, "land"),
    ("host=/tmp dbname='my db' user=carol", {"host": "/tmp", "dbname": "my db", "user": "carol"}, "sdg"),
])
def test_addresses_are_parsed(text, keywords, schema):
    assert is_postgres(text)
    address = parse_postgres(text)
    assert (address.keywords, address.schema) == (keywords, schema)
    assert "password" not in address.label


@pytest.mark.parametrize("text", ["results.gpkg", "/data/sdg store.gpkg", "C:\\sdg\\results.gpkg", "county"])
def test_file_names_are_not_addresses(text):
    assert not is_postgres(text)


@pytest.mark.parametrize("text", ["postgresql://alice:s3cret@db/sdg", "postgresql://db/sdg?password=s3cret",
                                  "service=sdg password=s3cret", "host=db password='s3 cret' dbname=sdg"])
def test_a_password_in_the_address_is_refused_without_showing_it(text):
    with pytest.raises(StoreError, match="contains a password") as info:
        open_store(text)
    assert "s3" not in str(info.value) and "cret" not in str(info.value)


def test_redact_removes_passwords_from_layer_sources_and_uris():
    source = "dbname='gis' host=db port=5432 user='alice' password='p a$s' sslmode=disable table=\"x\".\"y\""
    assert "p a$s" not in redact(source) and "password=***" in redact(source) and "user='alice'" in redact(source)
    assert redact("postgresql://alice:pw@db/sdg") == "postgresql://alice:***@db/sdg"
    assert redact("/data/plain.tif") == "/data/plain.tif"


@pytest.mark.parametrize("schema", ["Sdg", "sdg; drop", "1abc"])
def test_a_schema_name_that_needs_quoting_is_refused(schema):
    with pytest.raises(StoreError, match="not a plain lower-case name"):
        open_store(f"postgresql://u@h/db?schema={schema}")


# --- against the private server ------------------------------------------------------------------------------

def test_tables_live_in_the_schema_with_keys_and_qgis_readable_types(pg_cluster):
    backend = pg_backend(pg_cluster)
    backend.open().upsert_results([_row()])
    tables = pg_cluster.sql("SELECT table_name FROM information_schema.tables WHERE table_schema = %s "
                            "ORDER BY 1", (backend.schema,), dbname="sdg_test")
    assert [t[0] for t in tables] == ["sdg_audit", "sdg_goal_rollup", "sdg_group_rollup", "sdg_headline",
                                      "sdg_meta", "sdg_progress", "sdg_results", "sdg_targets"]
    key = pg_cluster.sql("SELECT pg_get_indexdef(indexrelid) FROM pg_index WHERE indrelid = %s::regclass "
                         "AND indisunique AND NOT indisprimary", (f"{backend.schema}.sdg_results",), dbname="sdg_test")
    assert key[0][0].endswith("(indicator, series, area_id, year, disaggregation)")


def test_audit_rows_for_success_and_failure_without_passwords(pg_cluster):
    backend = pg_backend(pg_cluster)
    store = backend.open()
    layer = "dbname='gis' host=db user='alice' password='hunter2' table=\"public\".\"zones\""
    store.upsert_results([_row("A"), _row("B", indicator="11.6.2")], audit=_run(ZONES=layer, YEAR=2020))
    with pytest.raises(StoreError):
        store.upsert_results([_row("C"), dict(_row("D"), value="high")], audit=_run())  # refused before SQL
    backend.sql("ALTER TABLE sdg_results ADD CONSTRAINT positive CHECK (value > 0)")
    with pytest.raises(StoreError, match="positive"):
        store.upsert_results([_row("E", value=-1.0)], audit=_run())
    audit = store.read_audit()
    assert list(audit["outcome"]) == ["success", "failed"]
    first = audit.iloc[0]
    assert first["db_user"] == "postgres" and first["algorithm"] == "sdg:forest_area_15_1_1"
    assert first["indicators"] == "11.6.2,15.1.1" and first["rows_written"] == 2
    assert first["started_at"] == "2026-01-02T03:04:05.000Z" and first["ended_at"] > first["started_at"]
    assert "hunter2" not in first["parameters"] and "password=***" in first["parameters"]
    assert '"/data/lc.tif": "' + "ab" * 32 in first["inputs"]
    assert audit.iloc[1]["rows_written"] == 0 and "positive" in audit.iloc[1]["message"]
    assert list(store.read_results()["area_id"]) == ["B", "A"]  # 11.6.2 before 15.1.1
    writers = store.last_writers()
    assert list(writers["indicator"]) == ["11.6.2", "15.1.1"] and set(writers["db_user"]) == {"postgres"}


def test_a_lock_held_past_the_timeout_gives_a_clear_error(pg_cluster):
    backend = pg_backend(pg_cluster)
    store = open_store(backend.address, timeout=0.3)
    store.upsert_results([_row("A")])
    holder = psycopg2.connect(**pg_cluster.keywords("sdg_test"))
    try:
        with holder.cursor() as cur:
            cur.execute(f"UPDATE {backend.schema}.sdg_results SET value = 5")
        start = time.monotonic()
        with pytest.raises(StoreError, match=r"kept the rows locked for more than 0.3 s"):
            store.upsert_results([_row("A", value=2.0)])
        assert time.monotonic() - start >= 0.25
    finally:
        holder.rollback()
        holder.close()
    assert store.upsert_results([_row("A", value=3.0)]) == 1


def test_a_writer_waits_for_a_lock_released_within_the_timeout(pg_cluster):
    backend = pg_backend(pg_cluster)
    store = open_store(backend.address, timeout=10)
    store.upsert_results([_row("A")])
    holder = psycopg2.connect(**pg_cluster.keywords("sdg_test"))
    with holder.cursor() as cur:
        cur.execute(f"UPDATE {backend.schema}.sdg_results SET value = 5")
    release = threading.Timer(0.5, lambda: (holder.commit(), holder.close()))
    release.start()
    start = time.monotonic()
    store.upsert_results([_row("A", value=2.0)])
    assert time.monotonic() - start >= 0.4
    release.join()
    assert list(store.read_results()["value"]) == [2.0]


def test_a_server_that_does_not_answer_is_reported(pg_cluster):
    address = pg_cluster.uri("sdg_test").replace(f":{pg_cluster.port}/", f":{pg_cluster.port + 1}/")
    with pytest.raises(StoreError, match=r"Cannot open the shared results store postgresql://postgres@.*Check the "
                                         r"host, port"):
        open_store(address, timeout=2)


def test_a_missing_database_is_reported(pg_cluster):
    with pytest.raises(StoreError, match='database "nope" does not exist'):
        open_store(pg_cluster.uri("nope"))


def test_concurrent_first_opens_create_the_schema_once(pg_cluster):
    backend = pg_backend(pg_cluster)
    errors, barrier = [], threading.Barrier(4)

    def work(n: int) -> None:
        barrier.wait()
        try:
            backend.open().upsert_results([_row(f"w{n}")])
        except StoreError as exc:
            errors.append(exc)

    pool = [threading.Thread(target=work, args=(n,)) for n in range(4)]
    for thread in pool:
        thread.start()
    for thread in pool:
        thread.join()
    assert errors == []
    assert sorted(backend.open().read_results()["area_id"]) == ["w0", "w1", "w2", "w3"]


def test_a_service_from_pg_service_conf(pg_cluster, tmp_path, monkeypatch):
    services = tmp_path / "pg_service.conf"
    services.write_text(f"[county_sdg]\nhost={pg_cluster.folder}\nport={pg_cluster.port}\ndbname=sdg_test\n"
                        "user=postgres\n", encoding="utf-8")
    monkeypatch.setenv("PGSERVICEFILE", str(services))
    store = open_store("service=county_sdg schema=servicetest")
    store.upsert_results([_row("S")])
    assert store.label == "service=county_sdg schema=servicetest"
    assert pg_cluster.sql("SELECT area_id FROM servicetest.sdg_results", dbname="sdg_test") == [("S",)]
