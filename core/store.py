"""The results store: indicator results and targets in a GeoPackage (SQLite) file, read back as pandas.

Tables are declared below as data (:class:`Table` of :class:`Column`); a new table is a declaration, an entry
in ``TABLES`` and a migration step that calls :func:`sync_table`. Every table is a GeoPackage attributes table
(``fid INTEGER PRIMARY KEY AUTOINCREMENT``, registered in ``gpkg_contents``), so QGIS and GDAL open the file.

The file keeps SQLite's default rollback journal: we never switch it to WAL, because GeoPackages in WAL mode
confuse some readers (read-only folders, network drives, older GDAL). A connection is opened per operation and
closed, so QGIS and other processes can use the file in between; writers wait up to ``timeout`` seconds
for each other. Upserts need SQLite 3.24 or newer (QGIS ships newer ones everywhere).
"""
from __future__ import annotations

import json
import math
import os
import sqlite3
import stat
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import datetime, timezone
from functools import cached_property
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Mapping, Union

import numpy as np
import pandas as pd

from .numbers import is_missing
from .store_address import AddressError, is_postgres, parse_postgres

GPKG_APPLICATION_ID = 0x47504B47  # "GPKG"
GPKG_USER_VERSION = 10200  # GeoPackage 1.2
_GPKG_IDS = (GPKG_APPLICATION_ID, 0x47503130, 0x47503131)  # GPKG, GP10, GP11
DEFAULT_TIMEOUT = 30.0
META_TABLE = "sdg_meta"

Rows = Union[pd.DataFrame, Iterable[Mapping[str, Any]]]


class StoreError(Exception):
    """A results store problem, worded for the user and naming the file."""


class _RowError(ValueError):
    """One row of a batch cannot be written (the caller adds the row number and the file)."""


class _SchemaError(ValueError):
    """An existing table cannot be upgraded to the declared schema."""


_NOW = object()  # Column default: the UTC time of the batch

_SQL_TYPES = {"text": "TEXT", "int": "INTEGER", "real": "REAL", "json": "TEXT", "datetime": "DATETIME"}


def _q(name: str) -> str:
    """A quoted SQL identifier (``limit`` is a keyword). SQL is built only from the schema's own names through
    this, with every value bound as a parameter: the ``# nosec B608`` marks below say so to bandit."""
    return '"' + name.replace('"', '""') + '"'


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


@dataclass(frozen=True)
class Column:
    """One column. ``kind``: text, int, real, json or datetime; ``default`` fills a missing value on write."""

    name: str
    kind: str = "text"
    required: bool = False
    default: Any = None
    choices: tuple[str, ...] = ()

    @property
    def not_null(self) -> bool:
        return self.required or isinstance(self.default, str)

    def ddl(self) -> str:
        sql = f"{_q(self.name)} {_SQL_TYPES[self.kind]}"
        if self.not_null:
            sql += " NOT NULL"
        if isinstance(self.default, str):
            sql += f" DEFAULT {_literal(self.default)}"
        return sql

    @property
    def dtype(self) -> str:
        """The pandas dtype of the column when read back."""
        if self.kind == "int":
            return "int64" if self.not_null else "Int64"
        return "float64" if self.kind == "real" else "object"


@dataclass(frozen=True)
class Table:
    """A GeoPackage attributes table: its columns and the unique key that upserts match on."""

    name: str
    description: str
    columns: tuple[Column, ...]
    key: tuple[str, ...]

    @cached_property
    def names(self) -> tuple[str, ...]:
        return tuple(column.name for column in self.columns)

    def ddl(self, name: str | None = None, extra: tuple[str, ...] = ()) -> str:
        parts = ["fid INTEGER PRIMARY KEY AUTOINCREMENT", *(c.ddl() for c in self.columns), *extra,
                 f"UNIQUE ({', '.join(map(_q, self.key))})"]
        return f"CREATE TABLE {_q(name or self.name)} ({', '.join(parts)})"

    def upsert_sql(self) -> str:
        names = ", ".join(map(_q, self.names))
        marks = ", ".join("?" * len(self.names))
        updates = ", ".join(f"{_q(n)} = excluded.{_q(n)}" for n in self.names if n not in self.key)
        action = f"DO UPDATE SET {updates}" if updates else "DO NOTHING"  # nosec B608
        return (f"INSERT INTO {_q(self.name)} ({names}) VALUES ({marks}) "  # nosec B608
                f"ON CONFLICT ({', '.join(map(_q, self.key))}) {action}")


RESULTS = Table("sdg_results", "SDG indicator results", (
    Column("indicator", required=True),
    Column("series", default=""),
    Column("area_id", required=True),
    Column("area_name"),
    Column("area_level"),
    Column("year", "int", required=True),
    Column("disaggregation", default=""),
    Column("value", "real"),
    Column("unit"),
    Column("numerator", "real"),
    Column("denominator", "real"),
    Column("method"),
    Column("parameters", "json"),
    Column("source"),
    Column("computed_at", "datetime", default=_NOW),
), key=("indicator", "series", "area_id", "year", "disaggregation"))

TARGETS = Table("sdg_targets", "SDG targets ('' in series or area_id means all)", (
    Column("indicator", required=True),
    Column("series", default=""),
    Column("area_id", default=""),
    Column("target", "real"),
    Column("target_year", "int"),
    Column("base_year", "int"),
    Column("direction", required=True, choices=("increase", "decrease")),
    Column("limit", "real"),
    Column("source"),
), key=("indicator", "series", "area_id"))

_STATUS_COUNTS = tuple(Column(status, "int") for status in (
    "target_achieved", "substantial_progress", "moderate_progress", "limited_progress", "deterioration",
    "not_available"))

PROGRESS = Table("sdg_progress", "Progress against targets per indicator, area and series", (
    Column("indicator", required=True),
    Column("area_id", default=""),
    Column("series", default=""),
    Column("method", required=True),
    Column("base_year", "int"),
    Column("base_value", "real"),
    Column("current_year", "int"),
    Column("current_value", "real"),
    Column("target", "real"),
    Column("target_year", "int"),
    Column("direction"),
    Column("progress_value", "real"),
    Column("status"),
    Column("score", "real"),
    Column("computed_at", "datetime", default=_NOW),
), key=("indicator", "area_id", "series", "method"))

def _rollup(name: str, description: str, key: Column) -> Table:
    """A roll-up table: per area and ``key`` (goal or goal group), counts by status, mean score and colours."""
    return Table(name, description, (
        Column("area_id", default=""),
        key,
        Column("method", required=True),
        Column("indicators", "int"),
        *_STATUS_COUNTS,
        Column("mean_score", "real"),
        Column("colour"),
        Column("dashboard_colour"),
        Column("computed_at", "datetime", default=_NOW),
    ), key=("area_id", key.name, "method"))


GOAL_ROLLUP = _rollup("sdg_goal_rollup", "Progress per area and goal", Column("goal", "int", required=True))
GROUP_ROLLUP = _rollup("sdg_group_rollup", "Progress per area and goal group (economic, social, environmental)",
                       Column("goal_group", required=True))

HEADLINE = Table("sdg_headline", "Indicators measured, with a target, met or nearly met, per area", (
    Column("area_id", default=""),
    Column("method", required=True),
    Column("measured", "int"),
    Column("with_target", "int"),
    Column("met_or_nearly_met", "int"),
    Column("computed_at", "datetime", default=_NOW),
), key=("area_id", "method"))

TABLES: dict[str, Table] = {table.name: table for table in (RESULTS, TARGETS, PROGRESS, GOAL_ROLLUP,
                                                             GROUP_ROLLUP, HEADLINE)}


# --- GeoPackage and schema ----------------------------------------------------------------------------------

_WGS84_WKT = (
    'GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563,AUTHORITY["EPSG","7030"]],'
    'AUTHORITY["EPSG","6326"]],PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],'
    'UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],AXIS["Latitude",NORTH],'
    'AXIS["Longitude",EAST],AUTHORITY["EPSG","4326"]]')

_GPKG_DDL = (
    """CREATE TABLE IF NOT EXISTS gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, srs_id INTEGER NOT NULL
    PRIMARY KEY, organization TEXT NOT NULL, organization_coordsys_id INTEGER NOT NULL,
    definition TEXT NOT NULL, description TEXT)""",
    """CREATE TABLE IF NOT EXISTS gpkg_contents (table_name TEXT NOT NULL PRIMARY KEY,
    data_type TEXT NOT NULL, identifier TEXT UNIQUE, description TEXT DEFAULT '',
    last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
    min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER,
    CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id))""",
    """CREATE TABLE IF NOT EXISTS gpkg_geometry_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL,
    geometry_type_name TEXT NOT NULL, srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL,
    CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name), CONSTRAINT uk_gc_table_name UNIQUE
    (table_name), CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),
    CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id))""",
    f"CREATE TABLE IF NOT EXISTS {META_TABLE} (key TEXT NOT NULL PRIMARY KEY, value TEXT)",
)

_SRS_ROWS = (
    ("Undefined cartesian SRS", -1, "NONE", -1, "undefined",
     "undefined cartesian coordinate reference system"),
    ("Undefined geographic SRS", 0, "NONE", 0, "undefined",
     "undefined geographic coordinate reference system"),
    ("WGS 84 geodetic", 4326, "EPSG", 4326, _WGS84_WKT,
     "longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid"),
)


def ensure_geopackage(conn: sqlite3.Connection) -> None:
    """Mark the file as a GeoPackage 1.2 and create the mandatory GeoPackage tables (idempotent)."""
    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    user_version = conn.execute("PRAGMA user_version").fetchone()[0]
    if app_id not in _GPKG_IDS:
        conn.execute(f"PRAGMA application_id = {GPKG_APPLICATION_ID}")
    if app_id not in _GPKG_IDS or (app_id == GPKG_APPLICATION_ID and user_version < GPKG_USER_VERSION):
        conn.execute(f"PRAGMA user_version = {GPKG_USER_VERSION}")
    for ddl in _GPKG_DDL:
        conn.execute(ddl)
    conn.executemany("INSERT INTO gpkg_spatial_ref_sys VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                     _SRS_ROWS)


def sync_table(conn: sqlite3.Connection, table: Table) -> None:
    """Create ``table`` or bring an existing one up to its declaration, keeping its rows (idempotent).

    Missing columns are added; a table without ``fid`` or the unique key is rebuilt (rows whose key repeats
    keep the last one). Columns the declaration does not know are kept.
    """
    existing = {row[1]: row for row in conn.execute(f"PRAGMA table_info({_q(table.name)})")}
    if not existing:
        conn.execute(table.ddl())
    else:
        missing = [c.name for c in table.columns if c.name not in existing and c.required]
        if missing:
            raise _SchemaError(f"table {table.name} has no column {', '.join(missing)}")
        if _has_fid_and_key(conn, table, existing):
            for column in table.columns:
                if column.name not in existing:
                    conn.execute(f"ALTER TABLE {_q(table.name)} ADD COLUMN {column.ddl()}")
        else:
            _rebuild(conn, table, existing)
    conn.execute("INSERT INTO gpkg_contents (table_name, data_type, identifier, description) "
                 "VALUES (?, 'attributes', ?, ?) ON CONFLICT DO NOTHING",
                 (table.name, table.name, table.description))


def _has_fid_and_key(conn: sqlite3.Connection, table: Table, existing: dict) -> bool:
    primary = [row for row in existing.values() if row[5]]
    if len(primary) != 1 or primary[0][1] != "fid" or primary[0][2].upper() != "INTEGER":
        return False
    for index in conn.execute(f"PRAGMA index_list({_q(table.name)})"):
        if index[2]:  # unique
            columns = {row[2] for row in conn.execute(f"PRAGMA index_info({_q(index[1])})")}
            if columns == set(table.key):
                return True
    return False


def _rebuild(conn: sqlite3.Connection, table: Table, existing: dict) -> None:
    """Copy the rows into a new table with the declared structure and put it in the old one's place."""
    new = f"{table.name}__upgrade"
    extras = [name for name in existing if name not in table.names and name != "fid"]
    conn.execute(table.ddl(new, tuple(f"{_q(n)} {existing[n][2] or 'TEXT'}" for n in extras)))
    shared = [c for c in table.columns if c.name in existing]
    targets = [c.name for c in shared] + extras
    sources = [f"COALESCE({_q(c.name)}, {_literal(c.default)})" if isinstance(c.default, str) else _q(c.name)
               for c in shared] + [_q(n) for n in extras]
    updates = ", ".join(f"{_q(n)} = excluded.{_q(n)}" for n in targets if n not in table.key)
    conn.execute(f"INSERT INTO {_q(new)} ({', '.join(map(_q, targets))}) "  # nosec B608
                 f"SELECT {', '.join(sources)} FROM {_q(table.name)} WHERE true "
                 f"ON CONFLICT ({', '.join(map(_q, table.key))}) "
                 + (f"DO UPDATE SET {updates}" if updates else "DO NOTHING"))  # nosec B608
    conn.execute(f"DROP TABLE {_q(table.name)}")
    conn.execute(f"ALTER TABLE {_q(new)} RENAME TO {_q(table.name)}")


def _migrate_0_to_1(conn: sqlite3.Connection) -> None:
    """Version 0 (no ``sdg_meta``): make the file a GeoPackage and create or complete results and targets."""
    ensure_geopackage(conn)
    sync_table(conn, RESULTS)
    sync_table(conn, TARGETS)


def _migrate_1_to_2(conn: sqlite3.Connection) -> None:
    """Version 2: progress results and their roll-ups per goal, goal group and area."""
    for table in (PROGRESS, GOAL_ROLLUP, GROUP_ROLLUP, HEADLINE):
        sync_table(conn, table)


#: Migration ``i`` upgrades schema version ``i`` to ``i + 1``; all pending steps run in one transaction.
MIGRATIONS: tuple[Callable[[sqlite3.Connection], None], ...] = (_migrate_0_to_1, _migrate_1_to_2)
SCHEMA_VERSION = len(MIGRATIONS)


# --- value conversion ---------------------------------------------------------------------------------------


def _to_text(value: Any) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, (bool, np.bool_)):
        raise _RowError(f"{value!r} is not text")
    if isinstance(value, (int, np.integer)):
        return str(int(value))
    if isinstance(value, (float, np.floating)):  # a zone id read as float (2.0) is written "2"
        return str(int(value)) if float(value).is_integer() else repr(float(value))
    raise _RowError(f"{value!r} is not text")


def _to_int(value: Any) -> int:
    if isinstance(value, (int, np.integer)) and not isinstance(value, (bool, np.bool_)):
        return int(value)
    if isinstance(value, (float, np.floating)) and float(value).is_integer():
        return int(value)
    if isinstance(value, str):
        with suppress(ValueError):
            return int(value.strip())
    raise _RowError(f"{value!r} is not a whole number")


def _to_real(value: Any) -> float | None:
    if isinstance(value, (bool, np.bool_)):
        raise _RowError(f"{value!r} is not a number")
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise _RowError(f"{value!r} is not a number") from None
    return None if math.isnan(number) else number


def _json_default(value: Any) -> Any:
    if isinstance(value, np.generic):
        return value.item()
    if isinstance(value, np.ndarray):
        return value.tolist()
    raise TypeError(f"{type(value).__name__} cannot be written as JSON")


def _to_json(value: Any) -> str:
    if isinstance(value, str):
        try:
            json.loads(value)
        except ValueError:
            raise _RowError(f"{value!r} is not valid JSON") from None
        return value
    try:
        return json.dumps(value, sort_keys=True, ensure_ascii=False, default=_json_default)
    except (TypeError, ValueError) as exc:
        raise _RowError(str(exc)) from None


def _iso_utc(moment: datetime) -> str:
    """GeoPackage DATETIME text: ``YYYY-MM-DDTHH:MM:SS.SSSZ`` in UTC (naive times are taken as UTC)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    moment = moment.astimezone(timezone.utc)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


def _to_datetime(value: Any) -> str:
    if not isinstance(value, (str, datetime, np.datetime64)):
        raise _RowError(f"{value!r} is not a date and time")
    try:
        return _iso_utc(pd.Timestamp(value).to_pydatetime())
    except (TypeError, ValueError):
        raise _RowError(f"{value!r} is not a date and time") from None


_CONVERTERS: dict[str, Callable[[Any], Any]] = {
    "text": _to_text, "int": _to_int, "real": _to_real, "json": _to_json, "datetime": _to_datetime}


def _prepare(table: Table, row: Mapping[str, Any], now: str) -> tuple:
    """The row as a tuple of plain Python values in column order, defaults filled, or :class:`_RowError`."""
    unknown = sorted(str(name) for name in row if name not in table.names)
    if unknown:
        raise _RowError(f"unknown column(s) {', '.join(unknown)} (known: {', '.join(table.names)})")
    values = []
    for column in table.columns:
        raw = row.get(column.name)
        try:
            value = None if is_missing(raw) else _CONVERTERS[column.kind](raw)
        except _RowError as exc:
            raise _RowError(f"{column.name}: {exc}") from None
        if value is None:
            value = now if column.default is _NOW else column.default
        if column.required and (value is None or value == ""):
            raise _RowError(f"{column.name} is missing")
        if column.choices and value is not None:
            value = value.strip().lower()
            if value not in column.choices:
                raise _RowError(f"{column.name} must be one of {', '.join(column.choices)}, not {raw!r}")
        values.append(value)
    return tuple(values)


def _records(rows: Rows) -> list[Mapping[str, Any]]:
    if isinstance(rows, pd.DataFrame):
        return rows.to_dict("records")
    if isinstance(rows, (Mapping, str)):
        raise TypeError("rows must be a list of dicts or a pandas DataFrame")
    return list(rows)


def _plain(value: Any) -> Any:
    return value.item() if isinstance(value, np.generic) else value


# --- the store ----------------------------------------------------------------------------------------------

@dataclass
class RunRecord:
    """One run for a store's audit trail (stores that keep one, see :attr:`Store.audited`)."""

    algorithm: str
    parameters: Mapping[str, Any]
    inputs: Mapping[str, str]  # input file -> sha256
    started: datetime


class Store:
    """The operations every results store offers (GeoPackage file or shared PostgreSQL database)."""

    #: True when the store keeps an audit trail of runs (``sdg_audit``): callers then pass a :class:`RunRecord`.
    audited = False
    #: How placeholders are written in this store's SQL.
    _MARK = "?"

    @property
    def label(self) -> str:
        """The store's name in messages (a file path, or a password-free database address)."""
        raise NotImplementedError

    @property
    def schema_version(self) -> int:
        """The schema version of the store: once opened it is always this module's ``SCHEMA_VERSION``."""
        return SCHEMA_VERSION

    def upsert(self, table: str, rows: Rows, audit: RunRecord | None = None) -> int:
        """Insert or update ``rows`` of ``table`` in one transaction: all of them land or none; the count."""
        return self.write({table: rows}, audit=audit)

    def write(self, batches: Mapping[str, Rows], replace: Mapping[str, Any] | None = None,
              audit: RunRecord | None = None) -> int:
        """Write several tables in ONE transaction: all rows land or none; returns the number of rows.

        With ``replace`` (column -> value), each table's rows with those values are deleted first, so a batch
        replaces an earlier one completely (e.g. the progress results of one method). ``audit`` describes the
        run for stores that keep an audit trail.
        """
        now = _iso_utc(datetime.now(timezone.utc))
        prepared = []
        for table, rows in batches.items():
            spec = self._table(table)
            values = []
            for number, row in enumerate(_records(rows), start=1):
                try:
                    if not isinstance(row, Mapping):
                        raise _RowError("is not a mapping of column names to values")
                    values.append(_prepare(spec, row, now))
                except _RowError as exc:
                    raise StoreError(f"Nothing was written to the results store {self.label}: {spec.name} row "
                                     f"{number}: {exc}.") from None
            prepared.append((spec, values))
        if not any(values for _, values in prepared) and not replace:
            return 0
        replace = {name: _plain(value) for name, value in (replace or {}).items()}
        self._write_prepared(prepared, replace, now, audit)
        return sum(len(values) for _, values in prepared)

    def read(self, table: str, **equals: Any) -> pd.DataFrame:
        """Rows of ``table`` whose columns equal the given values (a value or a list; None: any), typed."""
        spec = self._table(table)
        clauses, params = [], []
        for name, wanted in equals.items():
            if name not in spec.names:
                raise StoreError(f"Table {spec.name} of the results store has no column {name}.")
            if wanted is None:
                continue
            wanted = [wanted] if isinstance(wanted, (str, int, float, np.generic)) else list(wanted)
            clauses.append(f"{_q(name)} IN ({', '.join([self._MARK] * len(wanted))})")
            params += [_plain(value) for value in wanted]
        where = f" WHERE {' AND '.join(clauses)}" if clauses else ""
        records = self._select(spec, where, params)
        frame = pd.DataFrame.from_records(records, columns=list(spec.names))
        return frame.astype({column.name: column.dtype for column in spec.columns})

    def upsert_results(self, rows: Rows, audit: RunRecord | None = None) -> int:
        """Insert or update indicator results (one transaction); returns the number of rows."""
        return self.upsert(RESULTS.name, rows, audit)

    def read_results(self, indicator: Any = None, area_id: Any = None,
                     area_level: Any = None) -> pd.DataFrame:
        """Results, optionally only some indicators, areas or area levels (a value or a list each)."""
        return self.read(RESULTS.name, indicator=indicator, area_id=area_id, area_level=area_level)

    def upsert_targets(self, rows: Rows, audit: RunRecord | None = None) -> int:
        """Insert or update targets (one transaction); returns the number of rows."""
        return self.upsert(TARGETS.name, rows, audit)

    def read_targets(self, indicator: Any = None) -> pd.DataFrame:
        """Targets, optionally only some indicators."""
        return self.read(TARGETS.name, indicator=indicator)

    def last_writers(self) -> pd.DataFrame:
        """Who last wrote each indicator (``indicator``, ``db_user``, ``ended_at``); empty without an audit."""
        return pd.DataFrame(columns=["indicator", "db_user", "ended_at"])

    def _table(self, name: str) -> Table:
        if name not in TABLES:
            raise StoreError(f"The results store has no table {name!r} (tables: {', '.join(TABLES)}).")
        return TABLES[name]

    def _select(self, spec: Table, where: str, params: list) -> list[tuple]:
        """The declared columns of ``spec``'s rows matching ``where``, in key order."""
        raise NotImplementedError

    def _write_prepared(self, prepared: list[tuple[Table, list[tuple]]], replace: dict, now: str,
                        audit: RunRecord | None) -> None:
        """Write checked rows (deleting ``replace`` matches first) in one transaction."""
        raise NotImplementedError


class ResultsStore(Store):
    """A results store file (GeoPackage); each operation opens its own connection and closes it."""

    def __init__(self, path: str | os.PathLike, timeout: float = DEFAULT_TIMEOUT) -> None:
        """Open the store at ``path``, creating it when missing and upgrading an older one."""
        self._path = Path(os.path.abspath(os.fspath(path)))
        self._timeout = float(timeout)
        try:
            info: os.stat_result | None = self._path.stat()
        except FileNotFoundError:
            info = None
        except OSError as exc:
            raise StoreError(f"Cannot open the results store {self._path}: {exc.strerror}.") from exc
        if info is not None and stat.S_ISDIR(info.st_mode):
            raise StoreError(f"{self._path} is a folder: give a GeoPackage file name (.gpkg) for the results "
                             "store.")
        fresh = info is None or info.st_size == 0
        if not fresh:
            with self._connect("open") as conn:
                if self._read_version(conn) == SCHEMA_VERSION:
                    return
        with self._connect("create" if fresh else "upgrade", write=True, create=fresh) as conn:
            self._upgrade(conn)

    @property
    def path(self) -> Path:
        """The store's file (absolute)."""
        return self._path

    @property
    def label(self) -> str:
        return str(self._path)

    def _write_prepared(self, prepared, replace, now, audit) -> None:
        with self._connect("write to", write=True) as conn:
            self._upgrade(conn)
            for spec, values in prepared:
                if replace:
                    where = " AND ".join(f"{_q(name)} = ?" for name in replace)
                    conn.execute(f"DELETE FROM {_q(spec.name)} WHERE {where}", list(replace.values()))  # nosec B608
                conn.executemany(spec.upsert_sql(), values)
                conn.execute("UPDATE gpkg_contents SET last_change = ? WHERE table_name = ?", (now, spec.name))

    def _select(self, spec, where, params) -> list[tuple]:
        sql = (f"SELECT {', '.join(map(_q, spec.names))} FROM {_q(spec.name)}{where} "  # nosec B608
               f"ORDER BY {', '.join(map(_q, spec.key))}")
        with self._connect("read") as conn:
            return conn.execute(sql, params).fetchall()

    # --- internals ---
    def _read_version(self, conn: sqlite3.Connection) -> int:
        """The file's schema version; refuses files that are not ours to change or are too new."""
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if META_TABLE in tables:
            row = conn.execute(f"SELECT value FROM {META_TABLE} WHERE key = 'schema_version'").fetchone()  # nosec B608
            try:
                version = int(row[0])
            except (TypeError, ValueError):
                raise StoreError(f"The results store {self._path} is damaged: its {META_TABLE} table has no "
                                 "valid schema_version. Restore it from a backup or choose another "
                                 "file.") from None
        elif tables and conn.execute("PRAGMA application_id").fetchone()[0] not in _GPKG_IDS \
                and RESULTS.name not in tables:
            raise StoreError(f"{self._path} is an SQLite database but not a GeoPackage: choose a .gpkg file "
                             "or a new file name for the results store.")
        else:
            version = 0
        if version > SCHEMA_VERSION:
            raise StoreError(f"The results store {self._path} was written by a newer SDG Monitor (schema "
                             f"version {version}; this version handles up to {SCHEMA_VERSION}). Update the "
                             "SDG Monitor plugin to use it.")
        return version

    def _upgrade(self, conn: sqlite3.Connection) -> None:
        """Run the pending migrations inside the caller's write transaction."""
        version = self._read_version(conn)
        if version == SCHEMA_VERSION:
            return
        try:
            for migrate in MIGRATIONS[version:]:
                migrate(conn)
        except _SchemaError as exc:
            raise StoreError(f"Cannot upgrade the results store {self._path}: {exc}. It does not look like "
                             "an SDG Monitor store; choose another file.") from None
        conn.execute(f"INSERT INTO {META_TABLE} (key, value) VALUES ('schema_version', ?) "  # nosec B608
                     "ON CONFLICT (key) DO UPDATE SET value = excluded.value", (str(SCHEMA_VERSION),))

    @contextmanager
    def _connect(self, action: str, write: bool = False,
                 create: bool = False) -> Iterator[sqlite3.Connection]:
        """A connection for one operation; with ``write``, inside ``BEGIN IMMEDIATE`` ... ``COMMIT``."""
        # mode=rw, also for reads: SQLite falls back to read-only for a write-protected file, and a reader can
        # roll back the journal a crashed writer left behind (mode=ro refuses to, and would fail).
        mode = "rwc" if create else "rw"
        try:
            conn = sqlite3.connect(f"{self._path.as_uri()}?mode={mode}", uri=True, timeout=self._timeout,
                                   isolation_level=None)
        except sqlite3.Error as exc:
            raise self._error(exc, action) from exc
        try:
            if write:
                conn.execute("BEGIN IMMEDIATE")
                try:
                    yield conn
                    conn.execute("COMMIT")
                except BaseException:
                    with suppress(sqlite3.Error):
                        conn.execute("ROLLBACK")
                    raise
            else:
                yield conn
        except sqlite3.Error as exc:
            raise self._error(exc, action) from exc
        finally:
            conn.close()

    def _error(self, exc: sqlite3.Error, action: str) -> StoreError:
        """The SQLite error as a message a GIS user can act on."""
        code = getattr(exc, "sqlite_errorname", "")  # Python 3.11+; the message text otherwise
        text = str(exc).lower()
        head = f"Cannot {action} the results store {self._path}"
        if action in ("write to", "upgrade"):
            head += " (nothing was written)"
        if code.startswith("SQLITE_BUSY") or "locked" in text:
            why = (f"another program kept it locked for more than {self._timeout:g} s. Close or stop editing "
                   "it in other programs (QGIS layers in edit mode, database tools) and run again.")
        elif code.startswith("SQLITE_READONLY") or "readonly" in text:
            why = ("it is read-only. Make the file and its folder writable (SQLite writes a journal file "
                   "beside it) or choose another file.")
        elif code.startswith("SQLITE_CANTOPEN") or "unable to open" in text:
            why = ("the folder does not exist or is not writable, or the file was removed. Choose a file in "
                   "a folder you can write to.")
        elif code.startswith("SQLITE_FULL") or "disk is full" in text:
            why = ("the disk is full (or the file reached its size limit); the store keeps its previous rows. "
                   "Free some space or choose a store on another disk, and run again.")
        elif code.startswith(("SQLITE_NOTADB", "SQLITE_CORRUPT")) or "not a database" in text \
                or "malformed" in text:
            why = "it is not a GeoPackage or it is damaged. Choose another file or restore it from a backup."
        else:
            why = f"{exc}."
        return StoreError(f"{head}: {why}")


def open_store(address: str | os.PathLike, timeout: float = DEFAULT_TIMEOUT,
               connection: Callable[[str], Any] | None = None) -> Store:
    """The store at ``address``: a PostgreSQL URI or ``service=...`` string, a name ``connection`` resolves to
    a :class:`~.store_address.PostgresAddress` (QGIS's saved connections), or else a GeoPackage path."""
    text = os.fspath(address)
    try:
        postgres = parse_postgres(text) if is_postgres(text) else None
    except AddressError as exc:
        raise StoreError(str(exc)) from None
    if postgres is None and connection is not None and not text.lower().endswith(".gpkg"):
        postgres = connection(text)
    if postgres is None:
        return ResultsStore(text, timeout)
    from .store_pg import PostgresStore  # psycopg2 is only needed for a PostgreSQL store

    return PostgresStore(postgres, timeout)
