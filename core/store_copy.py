"""Copy one results store into another (a field laptop's GeoPackage into the shared store, or back).

Rows are matched on each table's key. A row missing in the target is added; an identical row is left alone; a row
that differs is a conflict: reported, and the target keeps its row - unless ``newer_wins`` is asked and the
source row has a later ``computed_at`` (tables without ``computed_at`` never overwrite). Everything copied lands
in one transaction of the target, or nothing does.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from .store import TABLES, RunRecord, Store

CONFLICT_COLUMNS = {"table": "text", "key": "text", "column": "text", "source_value": "text",
                    "target_value": "text", "source_computed_at": "text", "target_computed_at": "text",
                    "resolution": "text"}


@dataclass
class CopyReport:
    """Counts of rows added, replaced by newer ones and unchanged, and the conflicts (one row per key)."""

    added: int = 0
    replaced: int = 0
    unchanged: int = 0
    conflicts: list[dict] = field(default_factory=list)

    @property
    def kept(self) -> int:
        """Conflicting rows where the target kept its own."""
        return sum(1 for conflict in self.conflicts if conflict["resolution"] == "kept target")


def _plain(value: Any) -> Any:
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return None
    return value.item() if hasattr(value, "item") else value


def copy_store(source: Store, target: Store, newer_wins: bool = False, audit: RunRecord | None = None,
               tables: tuple[str, ...] = tuple(TABLES)) -> CopyReport:
    """Copy every table of ``source`` into ``target`` (see the module's rules); returns what happened."""
    report = CopyReport()
    batches: dict[str, list[dict]] = {}
    for name in tables:
        spec = TABLES[name]
        theirs = {_key(row, spec.key): row for row in _rows(target, name)}
        chosen = []
        for row in _rows(source, name):
            key = _key(row, spec.key)
            existing = theirs.get(key)
            if existing is None:
                report.added += 1
                chosen.append(row)
                continue
            differing = [column for column in spec.names if column != "computed_at"
                         and row[column] != existing[column]]
            if not differing:
                report.unchanged += 1
                continue
            newer = newer_wins and "computed_at" in row and (row["computed_at"] or "") > (
                existing["computed_at"] or "")
            if newer:
                report.replaced += 1
                chosen.append(row)
            report.conflicts.append({
                "table": name, "key": "; ".join(f"{k}={v}" for k, v in zip(spec.key, key)),
                "column": ", ".join(differing), "source_value": _shown(row, differing),
                "target_value": _shown(existing, differing), "source_computed_at": row.get("computed_at"),
                "target_computed_at": existing.get("computed_at"),
                "resolution": "replaced by newer source" if newer else "kept target"})
        if chosen:
            batches[name] = chosen
    if batches:
        target.write(batches, audit=audit)
    return report


def _rows(store: Store, table: str) -> list[dict]:
    frame = store.read(table)
    return [{column: _plain(value) for column, value in record.items()} for record in frame.to_dict("records")]


def _key(row: dict, key: tuple[str, ...]) -> tuple:
    return tuple(row[column] for column in key)


def _shown(row: dict, columns: list[str]) -> str:
    return "; ".join(f"{column}={row[column]}" for column in columns)
