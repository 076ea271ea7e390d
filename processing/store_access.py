"""The RESULTS parameter and the store behind it, for every algorithm: a GeoPackage path, a PostgreSQL address
(``postgresql://user@host:port/db?schema=sdg``, ``service=NAME``) or a saved QGIS PostgreSQL connection's name,
whose password QGIS's authentication manager supplies (it never enters parameters, logs or messages).

Runs written to a shared store leave an audit row: :func:`run_record` describes the run (parameters without
passwords, SHA-256 of the input files).
"""
from __future__ import annotations

import datetime
import hashlib
import os
from typing import Any

from qgis.core import (
    QgsDataSourceUri,
    QgsProcessingAlgorithm,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingParameterFile,
    QgsProviderRegistry,
)

from ..core.store import RunRecord, Store, StoreError, open_store
from ..core.store_address import PostgresAddress, is_postgres, postgres_address, redact
from ..translation import tr

_CHUNK = 1 << 20


def qgis_connections() -> list[str]:
    """The names of the PostgreSQL connections saved in QGIS."""
    metadata = QgsProviderRegistry.instance().providerMetadata("postgres")
    return sorted(metadata.connections()) if metadata is not None else []


def qgis_connection(name: str) -> PostgresAddress | None:
    """The saved QGIS PostgreSQL connection ``name`` as a store address (schema ``sdg``), or None."""
    metadata = QgsProviderRegistry.instance().providerMetadata("postgres")
    connection = metadata.connections().get(name) if metadata is not None else None
    if connection is None:
        return None
    uri = QgsDataSourceUri(connection.uri())
    expanded = QgsDataSourceUri(uri.uri(True)) if uri.authConfigId() else uri  # QGIS's auth manager fills in
    keywords = {"host": expanded.host(), "port": expanded.port(), "dbname": expanded.database(),
                "user": expanded.username(), "service": expanded.service()}
    if expanded.sslMode() != QgsDataSourceUri.SslPrefer:
        keywords["sslmode"] = QgsDataSourceUri.encodeSslMode(expanded.sslMode())
    address = postgres_address(keywords, None, label=tr('QGIS connection "{}"').format(name))
    if expanded.password():  # kept in memory for libpq only; never in the label or any message
        address.keywords["password"] = expanded.password()
    return address


def open_results(text: str) -> Store:
    """The results store named by a RESULTS value, as a Processing error when it cannot be opened."""
    try:
        return open_store(text, connection=qgis_connection)
    except StoreError as err:
        raise QgsProcessingException(str(err)) from err


class StoreParameter(QgsProcessingParameterFile):
    """A GeoPackage file chooser that also accepts a PostgreSQL address or a saved QGIS connection's name."""

    def __init__(self, name: str, description: str, optional: bool = True) -> None:
        super().__init__(name, description, behavior=QgsProcessingParameterFile.Behavior.File, extension="gpkg",
                         optional=optional)

    def clone(self) -> StoreParameter:
        copy = StoreParameter(self.name(), self.description(), self.flags() & self.FlagOptional != 0)
        copy.setFlags(self.flags())
        return copy

    def checkValueIsAcceptable(self, value: Any, context: QgsProcessingContext | None = None) -> bool:
        return (isinstance(value, str) and is_shared(value)) or super().checkValueIsAcceptable(value, context)


def is_shared(text: str) -> bool:
    """True when a RESULTS value names a PostgreSQL store (an address or a saved QGIS connection)."""
    text = text.strip()
    return bool(text) and not text.lower().endswith(".gpkg") and (is_postgres(text) or text in qgis_connections())


def parameter_strings(algorithm: QgsProcessingAlgorithm, parameters: dict, context: QgsProcessingContext,
                      skip: tuple[str, ...] = ()) -> dict:
    """The input parameters as plain strings (layers as their sources), passwords removed."""
    record = {}
    for definition in algorithm.parameterDefinitions():
        name = definition.name()
        if definition.isDestination() or name in skip or name not in parameters:
            continue
        layer = algorithm.parameterAsLayer(parameters, name, context) if definition.type() in (
            "raster", "source", "vector") else None
        if layer is not None:
            text = layer.source()
        elif definition.type() == "matrix":  # a table such as POPULATION_BY_GROUP: its cells, row by row
            text = ",".join(str(v) for v in algorithm.parameterAsMatrix(parameters, name, context))
        else:
            text = algorithm.parameterAsString(parameters, name, context)
        record[name] = redact(str(text))
    return record


def input_checksums(record: dict) -> dict[str, str]:
    """SHA-256 of every local file the parameters name (a layer source's path before ``|``)."""
    sums = {}
    for text in record.values():
        path = text.split("|")[0]
        if path and not is_postgres(path) and os.path.isfile(path) and path not in sums:
            digest = hashlib.sha256()
            with open(path, "rb") as handle:
                for chunk in iter(lambda: handle.read(_CHUNK), b""):
                    digest.update(chunk)
            sums[path] = digest.hexdigest()
    return sums


def run_record(store: Store, algorithm: QgsProcessingAlgorithm, parameters: dict,
               context: QgsProcessingContext) -> RunRecord | None:
    """The run's audit record for a store that keeps an audit trail; None for one that does not."""
    if not store.audited:
        return None
    record = parameter_strings(algorithm, parameters, context)
    started = getattr(algorithm, "started", None) or datetime.datetime.now(datetime.timezone.utc)
    return RunRecord(algorithm.id() or algorithm.name(), record, input_checksums(record), started)


def write_results(algorithm: QgsProcessingAlgorithm, parameters: dict, context: QgsProcessingContext,
                  feedback: QgsProcessingFeedback, address: str, rows: list[dict]) -> Store:
    """Upsert indicator rows into the RESULTS store in one transaction (audited in a shared store)."""
    store = open_results(address)
    try:
        store.upsert_results(rows, run_record(store, algorithm, parameters, context))
    except StoreError as err:
        raise QgsProcessingException(str(err)) from err
    feedback.pushInfo(tr("Wrote {} row(s) to the results store {}.").format(len(rows), store.label))
    return store
