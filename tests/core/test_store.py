"""Tests of the results store: GeoPackage validity, round trips, transactions, migration, errors, concurrency."""
from __future__ import annotations

import os
import random
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from contextlib import contextmanager
from datetime import datetime, timedelta, timezone
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from osgeo import gdal, ogr, osr
from osgeo_utils.samples.validate_gpkg import check as validate_gpkg
from sdg_monitor.core import store as store_module
from sdg_monitor.core.store import SCHEMA_VERSION, TABLES, Column, ResultsStore, StoreError, Table

PLUGINS = Path(__file__).resolve().parents[2] / ".build" / "plugins"
NOBODY = 65534
ISO_UTC = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$")


def _row(area_id: str = "A", year: int = 2020, value: float | None = 1.0, **extra) -> dict:
    return dict(indicator="15.1.1", area_id=area_id, year=year, value=value, **extra)


def _sql(path: Path, sql: str, params: tuple = ()) -> list[tuple]:
    """Run one statement with plain sqlite3 (an independent view of the file)."""
    conn = sqlite3.connect(str(path))
    try:
        with conn:
            return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def _assert_valid_geopackage(path: Path) -> None:
    """GDAL's own GeoPackage validator, warnings treated as errors, with content checks."""
    assert validate_gpkg(str(path), extra_checks=True, warning_as_error=True, warning_msg=False) == []


@contextmanager
def _unprivileged():
    """Run the block without root's power to ignore file permissions (as ``nobody`` when tests run as root)."""
    if os.geteuid() != 0:
        yield
        return
    os.setegid(NOBODY)
    os.seteuid(NOBODY)
    try:
        yield
    finally:
        os.seteuid(0)
        os.setegid(0)


@pytest.fixture
def shared_dir():
    """A folder ``nobody`` can reach (pytest's tmp_path sits under a root-only folder)."""
    folder = Path(tempfile.mkdtemp(prefix="sdg-store-"))
    folder.chmod(0o755)
    yield folder
    for path in (folder, *folder.iterdir()):
        path.chmod(0o755)
    shutil.rmtree(folder)


# --- the file ------------------------------------------------------------------------------------------------

def test_new_store_is_a_geopackage_gdal_opens(tmp_path):
    path = tmp_path / "results.gpkg"
    store = ResultsStore(path)
    store.upsert_results([_row(area_name="德清县", parameters={"BAND": 1})])
    store.upsert_targets([{"indicator": "15.1.1", "direction": "increase", "target": 45, "limit": 100}])

    assert _sql(path, "PRAGMA application_id") == [(0x47504B47,)]
    assert _sql(path, "PRAGMA user_version") == [(10200,)]
    assert _sql(path, "PRAGMA integrity_check") == [("ok",)]
    assert {r[0] for r in _sql(path, "SELECT srs_id FROM gpkg_spatial_ref_sys")} == {-1, 0, 4326}
    assert sorted(_sql(path, "SELECT table_name, data_type FROM gpkg_contents")) == [
        ("sdg_goal_rollup", "attributes"), ("sdg_group_rollup", "attributes"), ("sdg_headline", "attributes"),
        ("sdg_progress", "attributes"), ("sdg_results", "attributes"), ("sdg_targets", "attributes")]
    assert _sql(path, "SELECT value FROM sdg_meta WHERE key = 'schema_version'") == [(str(SCHEMA_VERSION),)]
    _assert_valid_geopackage(path)

    messages = []
    gdal.PushErrorHandler(lambda _cls, _no, msg: messages.append(msg))
    try:
        ds = ogr.Open(str(path))
        names = {ds.GetLayer(i).GetName() for i in range(ds.GetLayerCount())}
        layer = ds.GetLayerByName("sdg_results")
        feature = layer.GetNextFeature()
        definition = layer.GetLayerDefn()
        computed_type = definition.GetFieldDefn(definition.GetFieldIndex("computed_at")).GetType()
        attributes = feature.items()
        ds = None
    finally:
        gdal.PopErrorHandler()
    assert names == set(TABLES)
    assert attributes["area_name"] == "德清县"
    assert attributes["value"] == 1.0 and attributes["year"] == 2020
    assert computed_type == ogr.OFTDateTime
    assert messages == []


def test_reopen_keeps_rows_and_version(backend):
    backend.open().upsert_results([_row("A", value=2.5), _row("B", value=None)])
    reopened = backend.open()
    assert reopened.label.startswith(backend.address.split("?")[0]) and reopened.schema_version == SCHEMA_VERSION
    frame = reopened.read_results()
    assert list(frame["area_id"]) == ["A", "B"]
    assert frame["value"].iloc[0] == 2.5 and np.isnan(frame["value"].iloc[1])


def test_existing_geopackage_with_layers_gets_the_tables_beside_them(tmp_path):
    path = tmp_path / "project.gpkg"
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4490)
    layer = ds.CreateLayer("stops", srs, ogr.wkbPoint)
    feature = ogr.Feature(layer.GetLayerDefn())
    feature.SetGeometry(ogr.CreateGeometryFromWkt("POINT (119.9 30.5)"))
    layer.CreateFeature(feature)
    ds = None

    ResultsStore(path).upsert_results([_row()])
    _assert_valid_geopackage(path)
    ds = ogr.Open(str(path))
    assert {ds.GetLayer(i).GetName() for i in range(ds.GetLayerCount())} == {"stops", *TABLES}
    assert ds.GetLayerByName("stops").GetFeatureCount() == 1


# --- values --------------------------------------------------------------------------------------------------

ROUND_TRIP_ROWS = [
    {"indicator": "11.6.2", "area_id": "330521", "area_name": "德清县", "area_level": "county",
     "year": np.int64(2020), "value": np.float64(31.25), "unit": "µg/m³", "numerator": np.float64(1.0e7),
     "denominator": 320000, "method": "sdg:pm25_exposure_11_6_2",
     "parameters": {"POPULATION": "人口.tif", "BAND": np.int64(1)}, "source": "监测站"},
    {"indicator": "11.6.2", "series": "EN_ATM_PM25", "area_id": "330521001", "area_name": "武康街道",
     "area_level": "township", "year": "2020", "disaggregation": "sex=female;location=rural",
     "value": float("nan"), "numerator": None},
    {"indicator": "15.1.1", "area_id": 7.0, "year": 2021.0, "value": 0},
]


def test_round_trip_of_values_text_and_nulls(backend):
    store = backend.open()
    before = datetime.now(timezone.utc).replace(microsecond=0) - timedelta(seconds=1)
    assert store.upsert_results(ROUND_TRIP_ROWS) == 3
    after = datetime.now(timezone.utc) + timedelta(seconds=1)
    frame = store.read_results()

    assert frame.dtypes["year"] == np.int64 and frame.dtypes["value"] == np.float64
    assert frame.dtypes["parameters"] == np.dtype(object)
    county, township, forest = (frame.iloc[i] for i in range(3))
    assert (county["area_name"], county["unit"], county["source"]) == ("德清县", "µg/m³", "监测站")
    assert county["parameters"] == '{"BAND": 1, "POPULATION": "人口.tif"}'
    assert (county["year"], county["value"], county["numerator"], county["denominator"]) == (
        2020, 31.25, 1.0e7, 320000.0)
    assert (county["series"], county["disaggregation"]) == ("", "")
    assert township["series"] == "EN_ATM_PM25" and township["disaggregation"] == "sex=female;location=rural"
    assert np.isnan(township["value"]) and np.isnan(township["numerator"])
    assert township["unit"] is None and township["parameters"] is None
    assert (forest["area_id"], forest["year"], forest["value"]) == ("7", 2021, 0.0)
    for stamp in frame["computed_at"]:
        assert ISO_UTC.match(stamp)
        assert before <= datetime.strptime(stamp, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=timezone.utc) <= after

    typeof = "typeof" if backend.kind == "gpkg" else "pg_typeof"
    stored = backend.sql(f"SELECT {typeof}(year)::text, {typeof}(value)::text, {typeof}(numerator)::text "
                         "FROM sdg_results WHERE area_id = '330521'".replace("::text", "" if typeof == "typeof"
                                                                              else "::text"))
    assert stored == ([("integer", "real", "real")] if backend.kind == "gpkg" else
                      [("bigint", "double precision", "double precision")])
    assert backend.sql("SELECT count(*) FROM sdg_results WHERE value IS NULL AND numerator IS NULL") == [(1,)]


def test_dataframe_input_gives_the_same_rows(tmp_path):
    from_dicts = ResultsStore(tmp_path / "a.gpkg")
    from_dicts.upsert_results(ROUND_TRIP_ROWS)
    from_frame = ResultsStore(tmp_path / "b.gpkg")
    from_frame.upsert_results(pd.DataFrame(ROUND_TRIP_ROWS))
    pd.testing.assert_frame_equal(from_dicts.read_results().drop(columns="computed_at"),
                                  from_frame.read_results().drop(columns="computed_at"))


def test_given_computed_at_is_written_in_utc(backend):
    store = backend.open()
    beijing = timezone(timedelta(hours=8))
    store.upsert_results([_row("A", computed_at=datetime(2024, 1, 1, 8, 0, 0, 250000, tzinfo=beijing)),
                          _row("B", computed_at="2023-06-30 23:59:59")])
    assert list(store.read_results()["computed_at"]) == ["2024-01-01T00:00:00.250Z", "2023-06-30T23:59:59.000Z"]


def test_read_filters(backend):
    store = backend.open()
    store.upsert_results(ROUND_TRIP_ROWS)
    assert list(store.read_results(indicator="11.6.2")["area_id"]) == ["330521", "330521001"]
    assert list(store.read_results(area_level="township")["area_id"]) == ["330521001"]
    assert list(store.read_results(area_id=["7", "330521"])["indicator"]) == ["11.6.2", "15.1.1"]
    assert store.read_results(indicator="11.6.2", area_level="county").shape[0] == 1
    assert store.read_results(indicator="1.1.1").empty


def test_empty_read_has_typed_columns(backend):
    store = backend.open()
    frame = store.read_results()
    assert frame.empty and list(frame.columns) == list(store_module.RESULTS.names)
    assert frame.dtypes["year"] == np.int64 and frame.dtypes["value"] == np.float64
    targets = store.read_targets()
    assert targets.dtypes["target_year"] == "Int64" and targets.dtypes["limit"] == np.float64


def test_upsert_same_key_keeps_one_row_with_the_second_value(backend):
    store = backend.open()
    store.upsert_results([_row("A", value=10.0, unit="%")])
    fid = backend.sql("SELECT fid FROM sdg_results")
    store.upsert_results([_row("A", value=12.0, series="", disaggregation=None)])
    frame = store.read_results()
    assert len(frame) == 1 and frame["value"].iloc[0] == 12.0
    assert frame["unit"].iloc[0] is None  # the whole row is replaced, not merged
    assert backend.sql("SELECT fid FROM sdg_results") == fid
    store.upsert_results([_row("A", value=13.0, disaggregation="sex=female")])
    assert len(store.read_results()) == 2


def test_empty_batch_writes_nothing(backend):
    store = backend.open()
    assert store.upsert_results([]) == 0 and store.upsert_results(pd.DataFrame()) == 0


# --- targets -------------------------------------------------------------------------------------------------

def test_targets_round_trip_defaults_and_upsert(backend):
    store = backend.open()
    assert store.upsert_targets([
        {"indicator": "11.6.2", "target": 25, "target_year": 2030, "base_year": 2015, "direction": " Decrease "},
        {"indicator": "15.1.1", "area_id": "330521001", "direction": "increase", "limit": 100.0,
         "source": "县规划"},
    ]) == 2
    store.upsert_targets([{"indicator": "11.6.2", "target": 20, "target_year": 2030, "direction": "decrease"}])
    frame = store.read_targets()
    assert list(frame["indicator"]) == ["11.6.2", "15.1.1"]
    pm25, forest = frame.iloc[0], frame.iloc[1]
    assert (pm25["series"], pm25["area_id"], pm25["target"], pm25["direction"]) == ("", "", 20.0, "decrease")
    assert pm25["target_year"] == 2030 and pd.isna(pm25["base_year"])
    assert np.isnan(forest["target"]) and forest["limit"] == 100.0 and forest["source"] == "县规划"
    assert list(store.read_targets(indicator="15.1.1")["area_id"]) == ["330521001"]


# --- validation and transactions -----------------------------------------------------------------------------

@pytest.mark.parametrize(("table", "row", "message"), [
    ("sdg_results", _row(year="abc"), r"row 2: year: 'abc' is not a whole number"),
    ("sdg_results", _row(year=2020.5), r"year: 2020.5 is not a whole number"),
    ("sdg_results", _row(year=None), r"year is missing"),
    ("sdg_results", {"area_id": "A", "year": 2020}, r"indicator is missing"),
    ("sdg_results", _row(area_id=""), r"area_id is missing"),
    ("sdg_results", _row(valeu=3), r"unknown column\(s\) valeu"),
    ("sdg_results", _row(value="high"), r"value: 'high' is not a number"),
    ("sdg_results", _row(parameters="{oops"), r"parameters: '\{oops' is not valid JSON"),
    ("sdg_results", _row(computed_at="yesterday"), r"computed_at: 'yesterday' is not a date and time"),
    ("sdg_targets", {"indicator": "1.1.1", "direction": "up"}, r"direction must be one of increase, decrease"),
    ("sdg_targets", {"indicator": "1.1.1"}, r"direction is missing"),
])
def test_a_batch_with_one_bad_row_writes_nothing(backend, table, row, message):
    store = backend.open()
    good = _row("G") if table == "sdg_results" else {"indicator": "9.9.9", "direction": "increase"}
    with pytest.raises(StoreError, match=message) as info:
        store.upsert(table, [good, row, good])
    assert backend.address.split("?")[0] in str(info.value) and "Nothing was written" in str(info.value)
    assert backend.sql(f"SELECT count(*) FROM {table}") == [(0,)]


_REFUSING_TRIGGER = {
    "gpkg": "CREATE TRIGGER refuse BEFORE INSERT ON sdg_results WHEN NEW.area_id = 'bad' "
            "BEGIN SELECT RAISE(ABORT, 'refused by trigger'); END",
    "postgresql": "CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                  "IF NEW.area_id = 'bad' THEN RAISE 'refused by trigger'; END IF; RETURN NEW; END $$; "
                  "CREATE TRIGGER refuse BEFORE INSERT ON sdg_results FOR EACH ROW EXECUTE FUNCTION refuse()",
}


def test_a_database_failure_mid_batch_rolls_back_every_row(backend):
    store = backend.open()
    store.upsert_results([_row("A", value=1.0)])
    backend.sql(_REFUSING_TRIGGER[backend.kind])
    with pytest.raises(StoreError, match="nothing was written.*refused by trigger"):
        store.upsert_results([_row("A", value=2.0), _row("B"), _row("bad"), _row("C")])
    frame = store.read_results()
    assert list(frame["area_id"]) == ["A"] and frame["value"].iloc[0] == 1.0


def test_bad_arguments(backend):
    store = backend.open()
    with pytest.raises(StoreError, match="row 1: is not a mapping"):
        store.upsert_results([("15.1.1", "A", 2020)])
    with pytest.raises(TypeError):
        store.upsert_results(_row())
    with pytest.raises(StoreError, match="no table 'sdg_nope'"):
        store.read("sdg_nope")
    with pytest.raises(StoreError, match="has no column colour"):
        store.read("sdg_results", colour="red")


# --- migration and versions ----------------------------------------------------------------------------------

def test_migration_from_a_v0_sqlite_store_keeps_rows(tmp_path):
    path = tmp_path / "old.gpkg"
    _sql(path, "CREATE TABLE sdg_results (indicator TEXT, area_id TEXT, year INTEGER, value REAL, unit TEXT, "
               "note TEXT)")
    for row in [("15.1.1", "A", 2018, 40.0, "%", "first"), ("15.1.1", "A", 2018, 41.0, "%", "again"),
                ("11.6.2", "B", 2019, None, None, None)]:
        _sql(path, "INSERT INTO sdg_results VALUES (?, ?, ?, ?, ?, ?)", row)

    store = ResultsStore(path)
    assert store.schema_version == SCHEMA_VERSION
    assert _sql(path, "SELECT value FROM sdg_meta WHERE key = 'schema_version'") == [(str(SCHEMA_VERSION),)]
    frame = store.read_results()
    assert list(zip(frame["indicator"], frame["area_id"], frame["year"], frame["series"])) == [
        ("11.6.2", "B", 2019, ""), ("15.1.1", "A", 2018, "")]
    assert np.isnan(frame["value"].iloc[0]) and frame["value"].iloc[1] == 41.0  # the later duplicate wins
    assert frame["computed_at"].isna().all() and frame["parameters"].isna().all()
    assert _sql(path, "SELECT note FROM sdg_results ORDER BY area_id") == [("again",), (None,)]
    _assert_valid_geopackage(path)
    assert store.read_targets().empty

    store.upsert_results([dict(indicator="15.1.1", area_id="A", year=2018, value=42.0)])
    assert list(store.read_results(area_id="A")["value"]) == [42.0]


def test_migration_adds_missing_columns_in_place(backend):
    backend.open().upsert_results([_row("A", value=5.0, source="yearbook")])
    fid = backend.sql("SELECT fid FROM sdg_results")
    backend.sql("ALTER TABLE sdg_results DROP COLUMN parameters")
    backend.sql("DROP TABLE sdg_meta")

    store = backend.open()
    assert backend.sql("SELECT count(parameters), count(*) FROM sdg_results") == [(0, 1)]
    assert backend.sql("SELECT fid FROM sdg_results") == fid
    frame = store.read_results()
    assert (frame["value"].iloc[0], frame["source"].iloc[0]) == (5.0, "yearbook")
    if backend.kind == "gpkg":
        _assert_valid_geopackage(backend.path)


def test_a_failing_migration_leaves_the_file_untouched(tmp_path):
    path = tmp_path / "old.gpkg"
    _sql(path, "CREATE TABLE sdg_results (indicator TEXT, area_id TEXT, year INTEGER, value REAL)")
    _sql(path, "INSERT INTO sdg_results VALUES ('15.1.1', 'A', 2018, 40.0), ('15.1.1', 'B', NULL, 1.0)")
    original = path.read_bytes()
    with pytest.raises(StoreError, match=r"Cannot upgrade the results store .*old\.gpkg.*NOT NULL"):
        ResultsStore(path)
    assert path.read_bytes() == original


def test_a_table_without_the_required_columns_is_refused(backend):
    backend.sql("CREATE TABLE sdg_results (name TEXT, score REAL)")
    with pytest.raises(StoreError, match="table sdg_results has no column indicator, area_id, year"):
        backend.open()


def test_a_new_table_is_a_declaration_and_a_migration_step(tmp_path, monkeypatch):
    path = tmp_path / "r.gpkg"
    ResultsStore(path).upsert_results([_row()])
    progress = Table("sdg_progress", "progress", (
        Column("indicator", required=True), Column("status", required=True), Column("score", "real")),
        key=("indicator",))
    monkeypatch.setitem(store_module.TABLES, progress.name, progress)
    monkeypatch.setattr(store_module, "MIGRATIONS",
                        (*store_module.MIGRATIONS, lambda conn: store_module.sync_table(conn, progress)))
    monkeypatch.setattr(store_module, "SCHEMA_VERSION", SCHEMA_VERSION + 1)

    store = ResultsStore(path)
    store.upsert("sdg_progress", [{"indicator": "15.1.1", "status": "moderate_progress", "score": 0.5}])
    assert store.read("sdg_progress").to_dict("records") == [
        {"indicator": "15.1.1", "status": "moderate_progress", "score": 0.5}]
    assert _sql(path, "SELECT value FROM sdg_meta") == [(str(SCHEMA_VERSION + 1),)]
    assert len(store.read_results()) == 1
    _assert_valid_geopackage(path)


def test_a_newer_schema_is_refused(backend):
    backend.open()
    backend.sql("UPDATE sdg_meta SET value = ? WHERE key = 'schema_version'", (str(SCHEMA_VERSION + 1),))
    with pytest.raises(StoreError, match=rf"newer SDG Monitor \(schema version {SCHEMA_VERSION + 1}") as info:
        backend.open()
    assert backend.address.split("?")[0] in str(info.value)


def test_writing_to_a_store_upgraded_by_a_newer_version_meanwhile_is_refused(backend):
    store = backend.open()
    backend.sql("UPDATE sdg_meta SET value = ? WHERE key = 'schema_version'", (str(SCHEMA_VERSION + 1),))
    with pytest.raises(StoreError, match="newer SDG Monitor"):
        store.upsert_results([_row()])
    assert backend.sql("SELECT count(*) FROM sdg_results") == [(0,)]


# --- files that cannot be used -------------------------------------------------------------------------------

def test_random_bytes_are_refused(tmp_path):
    path = tmp_path / "noise.gpkg"
    path.write_bytes(random.Random(7).randbytes(8192))
    with pytest.raises(StoreError, match="not a GeoPackage or it is damaged") as info:
        ResultsStore(path)
    assert str(path) in str(info.value)


def test_damaged_pages_are_reported(tmp_path):
    path = tmp_path / "r.gpkg"
    ResultsStore(path).upsert_results([_row(str(i)) for i in range(200)])
    page_size = _sql(path, "PRAGMA page_size")[0][0]
    data = bytearray(path.read_bytes())
    data[page_size:] = random.Random(3).randbytes(len(data) - page_size)
    path.write_bytes(bytes(data))
    with pytest.raises(StoreError, match="damaged"):
        ResultsStore(path).read_results()


def test_other_sqlite_databases_and_folders_are_refused(tmp_path):
    path = tmp_path / "roads.sqlite"
    _sql(path, "CREATE TABLE roads (name TEXT)")
    with pytest.raises(StoreError, match="not a GeoPackage"):
        ResultsStore(path)
    with pytest.raises(StoreError, match="is a folder"):
        ResultsStore(tmp_path)
    path = tmp_path / "broken.gpkg"
    ResultsStore(path)
    _sql(path, "UPDATE sdg_meta SET value = 'x'")
    with pytest.raises(StoreError, match="damaged: its sdg_meta table"):
        ResultsStore(path)


def test_read_only_file(shared_dir):
    path = shared_dir / "r.gpkg"
    ResultsStore(path).upsert_results([_row("A", value=1.0)])
    original = path.read_bytes()
    path.chmod(0o444)
    with _unprivileged():
        with pytest.raises(PermissionError):  # the setting really denies writing
            path.open("r+b")
        store = ResultsStore(path)
        assert list(store.read_results()["value"]) == [1.0]  # reading a read-only store is fine
        with pytest.raises(StoreError, match="read-only") as info:
            store.upsert_results([_row("B")])
    assert str(path) in str(info.value) and "nothing was written" in str(info.value)
    assert path.read_bytes() == original


def test_writable_file_in_a_read_only_folder(shared_dir):
    path = shared_dir / "r.gpkg"
    ResultsStore(path)
    if os.geteuid() == 0:
        os.chown(path, NOBODY, NOBODY)
    shared_dir.chmod(0o555)
    with _unprivileged():
        with pytest.raises(PermissionError):
            (shared_dir / "journal-probe").open("w")
        with pytest.raises(StoreError, match="read-only. Make the file and its folder writable"):
            ResultsStore(path).upsert_results([_row()])
    assert _sql(path, "SELECT count(*) FROM sdg_results") == [(0,)]


def test_new_store_in_a_read_only_folder(shared_dir):
    shared_dir.chmod(0o555)
    path = shared_dir / "new.gpkg"
    with _unprivileged():
        with pytest.raises(PermissionError):
            path.open("w")
        with pytest.raises(StoreError, match="Cannot create the results store .*new.gpkg.*not writable"):
            ResultsStore(path)
    assert not path.exists()


# --- locking and concurrency ---------------------------------------------------------------------------------

def test_a_lock_held_past_the_timeout_gives_a_clear_error(tmp_path):
    path = tmp_path / "r.gpkg"
    store = ResultsStore(path, timeout=0.3)
    holder = sqlite3.connect(str(path), isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        start = time.monotonic()
        with pytest.raises(StoreError, match=r"locked for more than 0.3 s") as info:
            store.upsert_results([_row()])
        assert time.monotonic() - start >= 0.25
        assert str(path) in str(info.value)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert store.upsert_results([_row()]) == 1


def test_a_writer_waits_for_a_lock_released_within_the_timeout(tmp_path):
    path = tmp_path / "r.gpkg"
    store = ResultsStore(path, timeout=10)
    holder = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN EXCLUSIVE")
    holder.execute("INSERT INTO sdg_targets (indicator, direction) VALUES ('1.1.1', 'decrease')")
    release = threading.Timer(0.5, lambda: (holder.execute("COMMIT"), holder.close()))
    release.start()
    start = time.monotonic()
    store.upsert_results([_row()])
    assert time.monotonic() - start >= 0.4
    release.join()
    assert len(store.read_results()) == 1 and len(store.read_targets()) == 1


def test_threads_writing_at_once_all_land(backend):
    backend.open()
    threads, batches, size = 4, 10, 5
    barrier = threading.Barrier(threads)
    errors = []

    def work(worker: int) -> None:
        store = backend.open()
        barrier.wait()
        try:
            for batch in range(batches):
                store.upsert_results([_row(f"t{worker}-{batch}-{i}") for i in range(size)])
        except StoreError as exc:
            errors.append(exc)

    pool = [threading.Thread(target=work, args=(n,)) for n in range(threads)]
    for thread in pool:
        thread.start()
    for thread in pool:
        thread.join()
    assert errors == []
    assert set(backend.open().read_results()["area_id"]) == {
        f"t{w}-{b}-{i}" for w in range(threads) for b in range(batches) for i in range(size)}


_CHILD = """
import sys, time
from pathlib import Path
sys.path.insert(0, {plugins!r})
from sdg_monitor.core.store import ResultsStore
worker, go = sys.argv[1], Path(sys.argv[2])
print("ready", flush=True)
while not go.exists():
    time.sleep(0.005)
store = ResultsStore({path!r})
for batch in range(10):
    store.upsert_results([dict(indicator="15.1.1", area_id=f"p{{worker}}-{{batch}}-{{i}}", year=2020, value=i)
                          for i in range(5)])
"""


def test_processes_creating_and_writing_at_once_all_land(tmp_path):
    path = tmp_path / "r.gpkg"  # does not exist yet: the processes race to create it too
    go = tmp_path / "go"
    code = _CHILD.format(plugins=str(PLUGINS), path=str(path))
    children = [subprocess.Popen([sys.executable, "-c", code, str(n), str(go)], stdout=subprocess.PIPE,
                                 stderr=subprocess.PIPE, text=True) for n in range(3)]
    for child in children:
        assert child.stdout.readline().strip() == "ready"
    go.touch()
    for child in children:
        _out, err = child.communicate(timeout=60)
        assert child.returncode == 0, err
    assert set(ResultsStore(path).read_results()["area_id"]) == {
        f"p{w}-{b}-{i}" for w in range(3) for b in range(10) for i in range(5)}
    _assert_valid_geopackage(path)


def test_a_writer_killed_mid_transaction_loses_its_batch_and_readers_recover(tmp_path):
    path = tmp_path / "r.gpkg"
    store = ResultsStore(path)
    store.upsert_results([_row(str(i), value=float(i)) for i in range(500)])
    crash = ("import os, sqlite3\n"
             f"conn = sqlite3.connect({str(path)!r}, isolation_level=None)\n"
             "conn.execute('PRAGMA cache_size = 1')\n"  # spill changed pages to the file before commit
             "conn.execute('BEGIN IMMEDIATE')\n"
             "conn.execute('UPDATE sdg_results SET value = -1')\n"
             "os._exit(9)\n")
    subprocess.run([sys.executable, "-c", crash], check=False)
    assert Path(f"{path}-journal").exists()  # a hot journal: the crash really happened mid-write
    frame = ResultsStore(path).read_results()
    assert sorted(frame["value"]) == [float(i) for i in range(500)]
    assert _sql(path, "PRAGMA integrity_check") == [("ok",)]


def test_write_replaces_and_spans_tables_in_one_transaction(backend):
    store = backend.open()
    progress = {"indicator": "3.2.1", "area_id": "A", "method": "open_sdg", "status": "deterioration"}
    headline = {"area_id": "A", "method": "open_sdg", "measured": 1, "with_target": 1, "met_or_nearly_met": 0}
    store.write({"sdg_progress": [progress, dict(progress, indicator="3.1.1")], "sdg_headline": [headline]},
                replace={"method": "open_sdg"})
    with pytest.raises(StoreError, match="Nothing was written"):
        store.write({"sdg_progress": [dict(progress, status="target_achieved")],
                     "sdg_headline": [{"area_id": "A"}]}, replace={"method": "open_sdg"})
    assert store.read("sdg_progress")["indicator"].tolist() == ["3.1.1", "3.2.1"]
    store.write({"sdg_progress": [dict(progress, status="target_achieved")], "sdg_headline": [headline]},
                replace={"method": "open_sdg"})
    rows = store.read("sdg_progress")
    assert rows["indicator"].tolist() == ["3.2.1"] and rows["status"].tolist() == ["target_achieved"]


# --- hostile text --------------------------------------------------------------------------------------------

HOSTILE = ["x'); DROP TABLE sdg.sdg_results; --", "x\"; DROP TABLE sdg_results; --", "%s %(x)s ? $1", "a\\'b",
           "乡镇'); DELETE FROM sdg_meta; --", "tab\there\nline\r\\N \\.", "\\N"]


def test_injection_through_zone_ids_and_names_is_stored_verbatim(backend):
    store = backend.open()
    rows = [_row(text, area_name=text, source=text, parameters={"ZONES": text}) for text in HOSTILE]
    assert store.upsert_results(rows) == len(HOSTILE)
    frame = store.read_results(area_id=HOSTILE)
    assert sorted(frame["area_id"]) == sorted(HOSTILE) and sorted(frame["area_name"]) == sorted(HOSTILE)
    assert backend.sql("SELECT count(*) FROM sdg_results") == [(len(HOSTILE),)]
    assert backend.sql("SELECT count(*) FROM sdg_meta") == [(1,)]
    assert list(store.read_results(area_id=HOSTILE[0])["source"]) == [HOSTILE[0]]
