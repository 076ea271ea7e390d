"""The two results-store backends as one test fixture: every store test runs on a GeoPackage file and on a
schema of the private PostgreSQL server, and checks the data with that backend's own plain client."""
from __future__ import annotations

import itertools
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from sdg_monitor.core.store import Store, open_store

_SCHEMAS = itertools.count(1)


@dataclass
class Backend:
    """A store address and an independent SQL client for it (PostgreSQL: search_path set to the schema)."""

    kind: str
    address: str
    path: Path | None = None
    cluster: object = None
    schema: str = ""

    def open(self, **options) -> Store:
        return open_store(self.address, **options)

    def sql(self, statement: str, params: tuple = ()) -> list[tuple]:
        if self.kind == "gpkg":
            conn = sqlite3.connect(str(self.path))
            try:
                with conn:
                    return conn.execute(statement, params).fetchall()
            finally:
                conn.close()
        statement = statement.replace("?", "%s")
        return self.cluster.sql(f"CREATE SCHEMA IF NOT EXISTS {self.schema}; SET search_path TO {self.schema}; "
                                f"{statement}", params, dbname="sdg_test")


def gpkg_backend(folder: Path, name: str = "r.gpkg") -> Backend:
    path = folder / name
    return Backend("gpkg", str(path), path=path)


def pg_backend(cluster, schema: str | None = None) -> Backend:
    schema = schema or f"t{next(_SCHEMAS)}"
    return Backend("postgresql", cluster.uri("sdg_test", schema), cluster=cluster, schema=schema)
