"""What the PDF report shows, independent of QGIS: the cover (headline, a row per goal) and a page per goal (the
goal's indicators for the whole area and one indicator to map per zone).

The QGIS side (``processing/pdf_layout.py``) only lays these tables out on a print layout.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Callable, Collection, Mapping

import pandas as pd

from .numbers import number_or_none
from .progress import NEARLY_MET, STATUSES, rollup
from .report import indicator_table

#: Methods whose zone values come from statistics tables rather than from layers: mapped only when a goal has
#: no spatial indicator with zone values.
STATISTICAL_METHODS = ("sdg:indicators_from_workbook", "sdg:table_indicator")
GOAL_COLUMNS = ("goal", "name", "measured", "with_target", "met_or_nearly_met", *STATUSES, "mean_score", "colour")
PAGE_COLUMNS = ("indicator", "series", "name", "value", "unit", "year", "target", "target_year", "status")


@dataclass(frozen=True)
class MapSpec:
    """One indicator's headline values per zone for one year (``values``: zone area id -> value)."""

    indicator: str
    series: str
    name: str
    unit: str
    year: int
    values: dict[str, float]


@dataclass(frozen=True)
class GoalPage:
    """A goal's page: its row of the cover table, its indicators (``PAGE_COLUMNS``) and its map (or None)."""

    goal: int
    summary: dict
    indicators: pd.DataFrame
    map: MapSpec | None


@dataclass(frozen=True)
class ReportContent:
    """The whole report for one area."""

    area_id: str
    area_name: str
    latest_year: int | None
    headline: dict
    goals: pd.DataFrame
    pages: list[GoalPage]


def whole_area(results: pd.DataFrame, area_id: str = "") -> tuple[str, str]:
    """The report's area: ``area_id`` if given (it must have rows), else the store's single whole-area row."""
    if area_id:
        rows = results[results["area_id"] == area_id]
        if rows.empty:
            raise ValueError(f"The results store has no rows for area '{area_id}'.")
    else:
        rows = results[results["area_level"] == "total"]
        ids = sorted(rows["area_id"].unique())
        if len(ids) != 1:
            found = ", ".join(ids) if ids else "none"
            raise ValueError(f"Give the area to report on: the store's whole-area ids are {found}.")
        area_id = ids[0]
    names = rows.loc[rows["area_id"] == area_id, "area_name"].dropna()
    names = names[names != ""]
    return area_id, str(names.iloc[0]) if len(names) else ""


def report_content(results: pd.DataFrame, progress: pd.DataFrame, area_id: str, goal_of: Callable[[str], int],
                   group_of: Callable[[int], str], name_of: Callable[[str], str], goal_names: Mapping[int, str],
                   zone_ids: Collection[str]) -> ReportContent:
    """The report of ``area_id``: ``results`` (all store rows) and ``progress`` (one method's assessment).

    The cover's headline and goal rows follow :func:`core.progress.rollup` (measured, with a target, met or nearly
    met; counts by status; mean score and its colour). A goal gets a page when it has indicators; its map shows
    the first indicator (spatial ones first, then by code) that has values for zones in ``zone_ids`` in its
    latest year.
    """
    _, area_name = whole_area(results, area_id)
    area_results = results[results["area_id"] == area_id]
    area_progress = progress[progress["area_id"] == area_id] if not progress.empty else progress
    table = indicator_table(area_results, area_progress, goal_of, name_of)
    goals = _goal_rows(area_progress, table, goal_of, group_of, goal_names)
    headline = {"measured": int(goals["measured"].sum()), "with_target": int(goals["with_target"].sum()),
                "met_or_nearly_met": int(goals["met_or_nearly_met"].sum())}
    zone_rows = results[results["area_id"].isin(set(zone_ids)) & (results["disaggregation"].fillna("") == "")]
    pages = []
    for goal, rows in table.groupby("goal", sort=True):
        summary = goals[goals["goal"] == goal].iloc[0].to_dict()
        codes = set(rows["indicator"])
        pages.append(GoalPage(int(goal), summary, rows[list(PAGE_COLUMNS)].reset_index(drop=True),
                              choose_map(zone_rows[zone_rows["indicator"].isin(codes)], name_of)))
    years = table["year"].dropna()
    return ReportContent(area_id, area_name, int(years.max()) if len(years) else None, headline, goals, pages)


def choose_map(zone_rows: pd.DataFrame, name_of: Callable[[str], str]) -> MapSpec | None:
    """The indicator to map from zone rows (headline rows only): spatial methods first, then those whose zone
    values differ (a map of equal values shows nothing), then by code and series (the headline series "" first);
    its latest year's values per zone."""
    if zone_rows.empty:
        return None
    from .catalog import sort_key

    candidates = zone_rows.dropna(subset=["value"]).assign(
        statistical=zone_rows["method"].fillna("").str.startswith(STATISTICAL_METHODS))
    if candidates.empty:
        return None
    latest_year = candidates.groupby(["indicator", "series"])["year"].transform("max")
    latest_rows = candidates[candidates["year"] == latest_year]
    flat = latest_rows.groupby(["indicator", "series"])["value"].nunique() <= 1
    keys = latest_rows[["statistical", "indicator", "series"]].drop_duplicates()
    keys = sorted(keys.itertuples(index=False), key=lambda k: (
        k.statistical, bool(flat[(k.indicator, k.series)]), sort_key(k.indicator), k.series))
    best = keys[0]
    rows = candidates[(candidates["indicator"] == best.indicator) & (candidates["series"] == best.series)]
    year = int(rows["year"].max())
    rows = rows[rows["year"] == year]
    units = rows["unit"].dropna()
    return MapSpec(best.indicator, best.series, name_of(best.indicator), str(units.iloc[0]) if len(units) else "",
                   year, {str(a): float(v) for a, v in zip(rows["area_id"], rows["value"])})


def _goal_rows(progress: pd.DataFrame, table: pd.DataFrame, goal_of: Callable[[str], int],
               group_of: Callable[[int], str], goal_names: Mapping[int, str]) -> pd.DataFrame:
    """A row per goal that has indicators: measured, with a target, met or nearly met, counts by status, mean
    score and colour (goals without an assessment count their measured indicators only)."""
    rows = []
    if not progress.empty:
        rolled = rollup(progress, goal_of, group_of)
        indicators = rolled["indicators"]
        indicators = indicators.assign(met=indicators["with_target"] & indicators["status"].isin(NEARLY_MET))
        for goal, group in indicators.groupby("goal", sort=True):
            summary = rolled["goals"]
            record = summary[summary["goal"] == goal].iloc[0]
            rows.append({"goal": int(goal), "measured": int(group["measured"].sum()),
                         "with_target": int(group["with_target"].sum()), "met_or_nearly_met": int(group["met"].sum()),
                         **{status: int(record[status]) for status in STATUSES},
                         "mean_score": number_or_none(record["mean_score"]), "colour": record["colour"]})
    assessed = {row["goal"] for row in rows}
    for goal, group in table.groupby("goal", sort=True):
        if int(goal) not in assessed:
            rows.append({"goal": int(goal), "measured": int(group["indicator"].nunique()), "with_target": 0,
                         "met_or_nearly_met": 0, **{status: 0 for status in STATUSES}, "mean_score": None,
                         "colour": None})
    frame = pd.DataFrame(rows, columns=[c for c in GOAL_COLUMNS if c != "name"])
    frame.insert(1, "name", [goal_names.get(int(goal), "") for goal in frame["goal"]])
    return frame.sort_values("goal").reset_index(drop=True)


def label_precision(values) -> int:
    """Decimals for legend class bounds of ``values``: two below the largest magnitude's first digit, 0 to 4
    (0.0123 -> 4, 45.6 -> 1, 1234 -> 0)."""
    spread = max((abs(float(v)) for v in values), default=0.0) or 1.0
    return max(0, min(4, 2 - math.floor(math.log10(spread))))


def format_number(value: float | None, digits: int = 4) -> str:
    """A number for a report cell: ``digits`` significant digits, thousands separated, no exponent for usual
    magnitudes; blank when missing."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    value = float(value)
    if value == 0:
        return "0"
    magnitude = math.floor(math.log10(abs(value)))
    decimals = max(0, digits - 1 - magnitude)
    if decimals > 6:
        return f"{value:.{digits - 1}e}"
    text = f"{value:,.{decimals}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def shorten(text: str, limit: int) -> str:
    """``text`` cut to at most ``limit`` characters, with an ellipsis when cut."""
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: max(0, limit - 1)].rstrip() + "…"
