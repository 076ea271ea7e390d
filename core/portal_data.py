"""What the portal shows of one indicator, and Open SDG's data format, from results-store rows (no QGIS, no Qt).

Open SDG's data format (open-sdg docs, "Data format"): one CSV per indicator, ``data/indicator_<1-2-3>.csv``;
the first column ``Year``, the last ``Value``, ``GeoCode`` second from last, categorical (breakdown) columns in
between, a blank cell meaning "all"; ``Series`` and ``Units`` are special breakdowns. Metadata: ``meta/<1-2-3>.md``
with YAML front matter using Open SDG's field names (``indicator_number``, ``computation_units``,
``graph_target_lines`` ...; open-sdg docs, "Metadata format" and "Indicator configuration").
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

import pandas as pd
import yaml

from .numbers import finite_or_none

TOTAL_LEVEL = "total"
_UNSAFE = re.compile(r"[^0-9A-Za-z]+")


def dashed(code: str) -> str:
    """An indicator code as Open SDG's file id: ``15.1.1`` -> ``15-1-1``; a local ``L10.1`` -> ``L10-1``."""
    return _UNSAFE.sub("-", str(code).strip()).strip("-") or "indicator"


def breakdown(text: str | None) -> dict[str, str]:
    """``"sex=female;location=rural"`` -> ``{"Sex": "female", "Location": "rural"}`` (column names as Open SDG
    writes them: a capital first letter); ``""`` -> ``{}``."""
    parts = {}
    for item in str(text or "").split(";"):
        key, sep, value = item.partition("=")
        if sep and key.strip():
            parts[column_name(key)] = value.strip()
    return parts


def column_name(key: str) -> str:
    key = key.strip()
    return key[:1].upper() + key[1:]


def open_sdg_table(rows: pd.DataFrame, whole_area: str) -> pd.DataFrame:
    """One indicator's store rows as Open SDG data: ``Year``, [``Series``], [``Units``], breakdowns, ``GeoCode``
    (the zone's area id; blank for ``whole_area``), ``Value``; one row per year, series, breakdown and area,
    sorted. ``Series``/``Units`` columns appear only when the indicator has more than one."""
    frame = rows.assign(series=rows["series"].fillna(""), unit=rows["unit"].fillna(""),
                        disaggregation=rows["disaggregation"].fillna(""))
    parts = [breakdown(text) for text in frame["disaggregation"]]
    keys = sorted({key for part in parts for key in part} - {"Year", "Value", "GeoCode", "Series", "Units"})
    table = pd.DataFrame({"Year": frame["year"].astype(int).to_numpy()})
    if frame["series"].nunique() > 1 or (frame["series"] != "").all():
        table["Series"] = frame["series"].to_numpy()
    if frame["unit"].nunique() > 1:
        table["Units"] = frame["unit"].to_numpy()
    for key in keys:
        table[key] = [part.get(key, "") for part in parts]
    table["GeoCode"] = ["" if area == whole_area else str(area) for area in frame["area_id"]]
    table["Value"] = [finite_or_none(value) for value in frame["value"]]
    order = [column for column in table.columns if column != "Value"]
    return table.sort_values(order, kind="stable").reset_index(drop=True)  # blank ("all") sorts first


@dataclass
class IndicatorMeta:
    """An indicator's words for the portal and Open SDG's metadata, in ``en`` and ``zh``."""

    code: str
    goal: int
    target: str
    name: dict[str, str]
    unit: str
    method: str
    source: str
    targets: list[dict] = field(default_factory=list)  # {"series", "value", "year"} per series with a target


def open_sdg_meta(meta: IndicatorMeta, lang: str = "en") -> str:
    """``meta/<1-2-3>.md``: YAML front matter in Open SDG's field names, and the method as the body."""
    front = {
        "indicator_number": meta.code,
        "indicator_name": meta.name.get(lang) or meta.name.get("en", ""),
        "sdg_goal": str(meta.goal),
        "target_id": meta.target,
        "reporting_status": "complete",
        "data_non_statistical": False,
        "graph_type": "line",
        "graph_title": meta.name.get(lang) or meta.name.get("en", ""),
        "computation_units": meta.unit,
        "computation_calculations": meta.method,
        "source_active_1": bool(meta.source),
        "source_organisation_1": meta.source,
        "data_show_map": True,
    }
    lines = [{"value": t["value"], **({"series": t["series"]} if t["series"] else {})} for t in meta.targets]
    if lines:
        front["graph_target_lines"] = lines
    text = yaml.safe_dump(front, allow_unicode=True, sort_keys=False, default_flow_style=False)
    return f"---\n{text}---\n{meta.method}\n"


def trajectory(base_year, base_value, target, target_year, direction: str = "") -> list[list[float]]:
    """The straight path required from the base year's value to the target in the target year (Open SDG's
    progress measure compares the observed growth with this one); ``[]`` when a part is missing or the base value
    already met the target (``direction`` ``increase``: at or above it; ``decrease``: at or below it)."""
    values = [finite_or_none(v) for v in (base_year, base_value, target, target_year)]
    if any(v is None for v in values) or values[3] <= values[0]:
        return []
    if (direction == "increase" and values[1] >= values[2]) or (direction == "decrease" and values[1] <= values[2]):
        return []
    return [[int(values[0]), values[1]], [int(values[3]), values[2]]]


def series_payload(rows: pd.DataFrame, whole_area: str, progress: dict | None) -> dict:
    """One series of an indicator for the page's chart, table and map: the whole area's values by breakdown and
    year, the zones' values by breakdown, year and zone, the target and the trajectory required."""
    rows = rows.assign(disaggregation=rows["disaggregation"].fillna(""))
    whole = rows[rows["area_id"] == whole_area]
    zones = rows[rows["area_id"] != whole_area]
    progress = progress or {}
    return {
        "years": sorted(int(y) for y in rows["year"].unique()),
        "breakdowns": sorted(rows["disaggregation"].unique(), key=lambda text: (text != "", text)),
        "whole": _by_breakdown(whole, lambda group: {str(int(y)): finite_or_none(v) for y, v in
                                                     zip(group["year"], group["value"])}),
        "zones": _by_breakdown(zones, lambda group: {
            str(int(year)): {str(a): finite_or_none(v) for a, v in zip(part["area_id"], part["value"])}
            for year, part in group.groupby("year", sort=True)}),
        "target": finite_or_none(progress.get("target")),
        "target_year": _int(progress.get("target_year")),
        "status": progress.get("status") or "not_available",
        "trajectory": trajectory(progress.get("base_year"), progress.get("base_value"), progress.get("target"),
                                 progress.get("target_year"), progress.get("direction") or ""),
    }


def _by_breakdown(rows: pd.DataFrame, build) -> dict:
    return {text: build(group.sort_values("year")) for text, group in rows.groupby("disaggregation", sort=True)}


def _int(value) -> int | None:
    number = finite_or_none(value)
    return int(number) if number is not None else None
