"""The results store in a shared PostgreSQL database (psycopg2): the GeoPackage store's tables, keys and
semantics in one schema (default ``sdg``), plus ``sdg_audit``, one row per run.

Semantics kept from the GeoPackage store: one transaction per run (all rows land or none), upserts on each
table's unique key (a later row of a batch wins), a schema version in ``sdg_meta`` and migrations run in the
writer's transaction (here: tables created, missing columns added; serialised by an advisory lock). Rows are
written in key order so concurrent writers lock rows in the same order and cannot deadlock.

Rights are the database's: ``setup_shared_store`` (:mod:`.store_pg_setup`) creates the roles and row-level
security; this module checks a batch against them before writing so a refusal names the role and indicator.
Every statement is parameterised; identifiers are quoted. No password is ever passed in or shown.
"""
from __future__ import annotations

import io
import json
from contextlib import contextmanager
from typing import Any, Iterator

import pandas as pd

from .store import (
    DEFAULT_TIMEOUT,
    META_TABLE,
    SCHEMA_VERSION,
    TABLES,
    Column,
    RunRecord,
    Store,
    StoreError,
    Table,
    _iso_utc,
    _q,
    _SchemaError,
)
from .store_address import PostgresAddress, redact

try:
    import psycopg2
    from psycopg2 import errors as pg_errors
except ImportError:  # pragma: no cover - reported when a PostgreSQL store is opened
    psycopg2 = None

AUDIT_TABLE = "sdg_audit"
_PG_TYPES = {"text": "text", "int": "bigint", "real": "double precision", "json": "json",
             "datetime": "timestamptz"}
_ISO = "'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"'"


class RightsError(StoreError):
    """The database refused the run for lack of rights (the message names role, what and whom to ask)."""


def _select_expression(column: Column) -> str:
    """How a column is read so values come back as the GeoPackage store gives them (ISO UTC text, JSON text)."""
    name = _q(column.name)
    if column.kind == "datetime":
        return f"to_char({name} AT TIME ZONE 'UTC', {_ISO})"
    return f"{name}::text" if column.kind == "json" else name


def _column_ddl(column: Column) -> str:
    sql = f"{_q(column.name)} {_PG_TYPES[column.kind]}"
    if column.not_null:
        sql += " NOT NULL"
    if isinstance(column.default, str):
        sql += " DEFAULT " + "'" + column.default.replace("'", "''") + "'"
    return sql


class PostgresStore(Store):
    """A results store in a PostgreSQL schema; each operation opens its own connection and closes it."""

    audited = True
    _MARK = "%s"

    def __init__(self, address: PostgresAddress, timeout: float = DEFAULT_TIMEOUT) -> None:
        """Connect, and create or upgrade the schema's tables when they are missing or older."""
        if psycopg2 is None:
            raise StoreError("A shared PostgreSQL results store needs the Python package psycopg2 (QGIS on "
                             "Windows and macOS ships it; on Debian/Ubuntu: apt install python3-psycopg2).")
        self._address = address
        self._timeout = float(timeout)
        with self._connect("open") as cur:
            version = self._read_version(cur)
        if version != SCHEMA_VERSION:
            with self._connect("create", write=True) as cur:
                self._upgrade(cur)

    @property
    def label(self) -> str:
        return self._address.label

    @property
    def schema(self) -> str:
        """The PostgreSQL schema holding the tables."""
        return self._address.schema

    def qualified(self, table: str) -> str:
        """``"schema"."table"``, quoted."""
        return f"{_q(self.schema)}.{_q(table)}"

    # --- reading ---
    def _select(self, spec: Table, where: str, params: list) -> list[tuple]:
        columns = ", ".join(_select_expression(column) for column in spec.columns)
        kinds = {c.name: c.kind for c in spec.columns}
        order = ", ".join(_q(name) + (' COLLATE "C"' if kinds[name] == "text" else "") for name in spec.key)
        sql = f"SELECT {columns} FROM {self.qualified(spec.name)}{where} ORDER BY {order}"  # byte order, as SQLite
        with self._connect("read") as cur:
            cur.execute(sql, params)
            return cur.fetchall()

    def read_audit(self) -> pd.DataFrame:
        """The audit trail, oldest run first."""
        with self._connect("read") as cur:
            cur.execute(f"SELECT id, db_user, algorithm, parameters::text, inputs::text, indicators, "
                        f"to_char(started_at AT TIME ZONE 'UTC', {_ISO}), to_char(ended_at AT TIME ZONE 'UTC', "
                        f"{_ISO}), rows_written, outcome, message FROM {self.qualified(AUDIT_TABLE)} ORDER BY id")
            records = cur.fetchall()
        return pd.DataFrame.from_records(records, columns=[
            "id", "db_user", "algorithm", "parameters", "inputs", "indicators", "started_at", "ended_at",
            "rows_written", "outcome", "message"])

    def last_writers(self) -> pd.DataFrame:
        with self._connect("read") as cur:
            cur.execute(f"SELECT DISTINCT ON (indicator) indicator, db_user, to_char(ended_at AT TIME ZONE 'UTC', "
                        f"{_ISO}) FROM {self.qualified(AUDIT_TABLE)}, unnest(string_to_array(indicators, ',')) "
                        "AS indicator WHERE outcome = 'success' ORDER BY indicator, ended_at DESC, id DESC")
            records = cur.fetchall()
        return pd.DataFrame.from_records(records, columns=["indicator", "db_user", "ended_at"])

    def current_role(self) -> str:
        """The database user the store connects as."""
        with self._connect("read") as cur:
            cur.execute("SELECT current_user")
            return cur.fetchone()[0]

    def may_write(self) -> bool:
        """True when the connecting role may write results at all (has INSERT on ``sdg_results``)."""
        with self._connect("read") as cur:
            cur.execute("SELECT has_table_privilege(%s, 'INSERT')", (self.qualified(TABLES["sdg_results"].name),))
            return bool(cur.fetchone()[0])

    # --- writing ---
    def _write_prepared(self, prepared, replace, now, audit) -> None:
        indicators = sorted({row[spec.names.index("indicator")] for spec, values in prepared
                             if "indicator" in spec.names for row in values})
        written = sum(len(values) for _, values in prepared)
        try:
            with self._connect("write to", write=True) as cur:
                self._upgrade(cur)
                self._check_rights(cur, prepared, indicators)
                for spec, values in prepared:
                    if replace:
                        where = " AND ".join(f"{_q(name)} = %s" for name in replace)
                        cur.execute(f"DELETE FROM {self.qualified(spec.name)} WHERE {where}", list(replace.values()))
                    self._upsert(cur, spec, values)
                if audit is not None:
                    self._audit(cur, audit, indicators, written, "success", "")
        except StoreError as exc:
            if audit is not None:
                self._audit_failure(audit, indicators, "refused" if isinstance(exc, RightsError) else "failed",
                                    str(exc))
            raise

    def _upsert(self, cur, spec: Table, values: list[tuple]) -> None:
        """COPY the rows into a temporary table and upsert from it in key order (concurrent writers then lock
        rows in the same order); a key repeated in the batch keeps its last row, as in the GeoPackage store."""
        positions = [spec.names.index(name) for name in spec.key]
        rows = {tuple(row[i] for i in positions): row for row in values}.values()
        names = ", ".join(map(_q, spec.names))
        batch = _q(f"sdg_batch_{spec.name}")
        cur.execute(f"CREATE TEMP TABLE {batch} ON COMMIT DROP AS SELECT {names} FROM "
                    f"{self.qualified(spec.name)} WITH NO DATA")
        text = io.StringIO("".join("\t".join(map(_copy_text, row)) + "\n" for row in rows))
        cur.copy_expert(f"COPY {batch} ({names}) FROM STDIN", text)
        updates = ", ".join(f"{_q(n)} = EXCLUDED.{_q(n)}" for n in spec.names if n not in spec.key)
        action = f"DO UPDATE SET {updates}" if updates else "DO NOTHING"
        cur.execute(f"INSERT INTO {self.qualified(spec.name)} ({names}) SELECT {names} FROM {batch} "
                    f"ORDER BY {', '.join(map(_q, spec.key))} ON CONFLICT ({', '.join(map(_q, spec.key))}) {action}")

    def _check_rights(self, cur, prepared, indicators: list[str]) -> None:
        """Refuse, naming role and indicator, a batch the role may not write (before anything is written)."""
        for spec, _values in prepared:
            cur.execute("SELECT has_table_privilege(%s, 'INSERT') AND has_table_privilege(%s, 'UPDATE')",
                        (self.qualified(spec.name), self.qualified(spec.name)))
            if not cur.fetchone()[0]:
                raise self._refusal(cur, f"table {spec.name}", "to grant your role sdg_writer (or your "
                                    "department's role)")
        cur.execute("SELECT to_regprocedure(%s)", (f"{_q(self.schema)}.sdg_may_write(text)",))
        if cur.fetchone()[0] is None or not indicators:
            return
        cur.execute(f"SELECT i FROM unnest(%s::text[]) AS i WHERE NOT {_q(self.schema)}.sdg_may_write(i) "
                    "ORDER BY i", (indicators,))
        refused = [row[0] for row in cur.fetchall()]
        if refused:
            cur.execute(f"SELECT indicator, string_agg(role_name, ', ' ORDER BY role_name) FROM "
                        f"{self.qualified('sdg_assignment')} WHERE indicator = ANY(%s) GROUP BY indicator",
                        (refused,))
            owners = dict(cur.fetchall())
            assigned = "; ".join(f"{code} is assigned to {owners[code]}" if code in owners
                                 else f"{code} is assigned to no department" for code in refused)
            raise self._refusal(cur, f"indicator {', '.join(refused)} ({assigned})",
                                f"to assign {', '.join(refused)} to your department's role in "
                                f"{self.schema}.sdg_assignment")

    def _refusal(self, cur, what: str, ask: str) -> RightsError:
        cur.execute("SELECT current_user")
        role = cur.fetchone()[0]
        return RightsError(f"Role {role} may not write {what} in the shared results store {self.label}; nothing "
                          f"was written. Ask the store's administrator {ask}, or run as a role that may.")

    def _audit(self, cur, audit: RunRecord, indicators: list[str], rows: int, outcome: str, message: str) -> None:
        cur.execute(
            f"INSERT INTO {self.qualified(AUDIT_TABLE)} (db_user, algorithm, parameters, inputs, indicators, "
            "started_at, ended_at, rows_written, outcome, message) "
            "VALUES (current_user, %s, %s, %s, %s, %s, clock_timestamp(), %s, %s, %s)",
            (audit.algorithm, json.dumps(_redacted(audit.parameters), sort_keys=True, ensure_ascii=False,
                                         default=str),
             json.dumps(dict(audit.inputs), sort_keys=True, ensure_ascii=False), ",".join(indicators),
             _iso_utc(audit.started), rows, outcome, redact(message)))

    def _audit_failure(self, audit: RunRecord, indicators: list[str], outcome: str, message: str) -> None:
        """Record a failed or refused run in its own transaction; a role that may not even do that is left out."""
        try:
            with self._connect("write to", write=True) as cur:
                self._audit(cur, audit, indicators, 0, outcome, message)
        except StoreError:
            pass

    # --- schema ---
    def _read_version(self, cur) -> int | None:
        """The schema's version: None when the schema has no store yet; refuses newer or damaged ones."""
        cur.execute("SELECT to_regclass(%s), to_regclass(%s)",
                    (self.qualified(META_TABLE), self.qualified("sdg_results")))
        meta, results = cur.fetchone()
        if meta is None:
            return 0 if results is not None else None
        cur.execute(f"SELECT value FROM {self.qualified(META_TABLE)} WHERE key = 'schema_version'")
        row = cur.fetchone()
        try:
            version = int(row[0])
        except (TypeError, ValueError):
            raise StoreError(f"The shared results store {self.label} is damaged: its {META_TABLE} table has no "
                             "valid schema_version. Ask its administrator to repair it.") from None
        if version > SCHEMA_VERSION:
            raise StoreError(f"The shared results store {self.label} was written by a newer SDG Monitor (schema "
                             f"version {version}; this version handles up to {SCHEMA_VERSION}). Update the "
                             "SDG Monitor plugin to use it.")
        return version

    def _upgrade(self, cur) -> None:
        """Create or complete the tables inside the caller's transaction (one upgrader at a time)."""
        if self._read_version(cur) == SCHEMA_VERSION:
            return
        cur.execute("SELECT pg_advisory_xact_lock(hashtext(%s))", (f"sdg_monitor:{self.schema}",))
        if self._read_version(cur) == SCHEMA_VERSION:  # another writer upgraded it while we waited
            return
        cur.execute(f"CREATE SCHEMA IF NOT EXISTS {_q(self.schema)}")
        cur.execute(f"CREATE TABLE IF NOT EXISTS {self.qualified(META_TABLE)} (key text PRIMARY KEY, value text)")
        try:
            for table in TABLES.values():
                self._sync_table(cur, table)
        except _SchemaError as exc:
            raise StoreError(f"Cannot upgrade the shared results store {self.label}: {exc}. It does not look "
                             "like an SDG Monitor store; choose another schema.") from None
        cur.execute(f"""CREATE TABLE IF NOT EXISTS {self.qualified(AUDIT_TABLE)} (
            id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, db_user text NOT NULL DEFAULT current_user,
            algorithm text, parameters json, inputs json, indicators text NOT NULL DEFAULT '',
            started_at timestamptz, ended_at timestamptz NOT NULL DEFAULT clock_timestamp(),
            rows_written bigint NOT NULL DEFAULT 0, outcome text NOT NULL
            CHECK (outcome IN ('success', 'failed', 'refused')), message text NOT NULL DEFAULT '')""")
        cur.execute(f"INSERT INTO {self.qualified(META_TABLE)} (key, value) VALUES ('schema_version', %s) "
                    "ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value", (str(SCHEMA_VERSION),))

    def _sync_table(self, cur, table: Table) -> None:
        """Create ``table`` or add its missing columns; refuse one without required columns or the unique key."""
        cur.execute("SELECT column_name FROM information_schema.columns WHERE table_schema = %s AND "
                    "table_name = %s", (self.schema, table.name))
        existing = {row[0] for row in cur.fetchall()}
        if not existing:
            parts = ["fid bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY",
                     *(_column_ddl(c) for c in table.columns), f"UNIQUE ({', '.join(map(_q, table.key))})"]
            cur.execute(f"CREATE TABLE {self.qualified(table.name)} ({', '.join(parts)})")
            cur.execute(f"COMMENT ON TABLE {self.qualified(table.name)} IS %s", (table.description,))
            return
        missing = [c.name for c in table.columns if c.name not in existing and c.required]
        if missing:
            raise _SchemaError(f"table {table.name} has no column {', '.join(missing)}")
        for column in table.columns:
            if column.name not in existing:
                cur.execute(f"ALTER TABLE {self.qualified(table.name)} ADD COLUMN {_column_ddl(column)}")
        cur.execute("SELECT 1 FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid "
                    "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = %s AND c.relname = %s "
                    "AND i.indisunique AND (SELECT array_agg(a.attname::text ORDER BY a.attname) FROM "
                    "pg_attribute a WHERE a.attrelid = c.oid AND a.attnum = ANY(i.indkey)) = %s",
                    (self.schema, table.name, sorted(table.key)))
        if cur.fetchone() is None:
            raise _SchemaError(f"table {table.name} has no unique key on {', '.join(table.key)}")

    # --- connections ---
    def session(self, action: str):
        """A cursor in one write transaction (committed at the end, rolled back on error); ``action`` words
        error messages ("Cannot <action> the shared results store ...")."""
        return self._connect(action, write=True)

    @contextmanager
    def _connect(self, action: str, write: bool = False) -> Iterator[Any]:
        """A cursor for one operation; with ``write`` its transaction commits at the end or rolls back."""
        keywords = dict(self._address.keywords, application_name="SDG Monitor",
                        connect_timeout=str(max(2, int(self._timeout))),
                        options=f"-c lock_timeout={int(self._timeout * 1000)}")
        try:
            conn = psycopg2.connect(**keywords)
        except psycopg2.Error as exc:
            raise self._error(exc, action) from None
        try:
            conn.set_session(readonly=not write)
            with conn.cursor() as cur:
                yield cur
            if write:
                conn.commit()
        except psycopg2.Error as exc:
            conn.rollback()
            raise self._error(exc, action) from None
        except BaseException:
            conn.rollback()
            raise
        finally:
            conn.close()

    def _error(self, exc: Exception, action: str) -> StoreError:
        """The database error as a message a GIS user can act on (never with a password)."""
        head = f"Cannot {action} the shared results store {self.label}"
        if action != "read" and action != "open":
            head += " (nothing was written)"
        text = redact(str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__)
        if isinstance(exc, pg_errors.InsufficientPrivilege):
            return RightsError(f"{head}: the database refused it ({text}). Ask the store's administrator to grant "
                               "your role the rights it needs (sdg_reader to read, sdg_writer or your "
                               "department's role to write).")
        elif isinstance(exc, pg_errors.LockNotAvailable):
            why = (f"another writer kept the rows locked for more than {self._timeout:g} s. Run again when its "
                   "run has finished.")
        elif isinstance(exc, psycopg2.OperationalError) and getattr(exc, "pgcode", None) is None:
            why = (f"{text}. Check the host, port, database name and user, that the server runs and accepts "
                   "you (pg_hba.conf), and that the password is in ~/.pgpass, pg_service.conf or the QGIS "
                   "connection's authentication configuration.")
        else:
            why = f"{text}."
        return StoreError(f"{head}: {why}")


def _copy_text(value: Any) -> str:
    """A value in COPY's text format (NULL is ``\\N``; backslash, tab and line ends escaped)."""
    if value is None:
        return "\\N"
    if isinstance(value, str):
        return value.translate(_COPY_ESCAPES)
    return repr(value) if isinstance(value, float) else str(value)


_COPY_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def _redacted(value: Any) -> Any:
    """Parameters with any password removed from their text."""
    if isinstance(value, str):
        return redact(value)
    if isinstance(value, dict):
        return {key: _redacted(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_redacted(item) for item in value]
    return value

