"""The dashboard's view-model: what the dock shows, read from the results store and assessed by ``core``.

Qt-free (pandas and the core modules only) so it is unit-testable anywhere. Progress comes from
:func:`core.progress.assess_frame` and :func:`core.progress.rollup`; this module only selects, joins and shapes
those results for display. Status codes and group names stay codes here: the dock translates them.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Sequence

import pandas as pd

from ..core.catalog import Catalog, sort_key
from ..core.numbers import number_or_none
from ..core.profile import Profile, profile_targets
from ..core.progress import METHODS, OUTPUT_COLUMNS, STATUSES, assess_frame, merge_targets, rollup
from ..core.progress_data import DECREASE, INCREASE, NOT_AVAILABLE, PARITY, meets_target
from ..core.store import Store
from ..core.vocabulary import OTHER_GROUP, goal_or_none, score_status_colour, unit_label

TOTAL_LEVEL = "total"
#: The roll-up tables ``sdg:assess_progress`` stores, by the key of :func:`core.progress.rollup`.
ROLLUP_TABLES = {"goals": "sdg_goal_rollup", "groups": "sdg_group_rollup", "headline": "sdg_headline"}


def _year(value: object) -> int | None:
    number = number_or_none(value)
    return None if number is None else int(number)


@dataclass(frozen=True)
class Area:
    """An area the user can choose: an id and a name at a level (``total``, ``township``, ``village`` ...)."""

    area_id: str
    name: str
    level: str


@dataclass(frozen=True)
class Summary:
    """A goal (``key`` its number) or goal group (``key`` its name) for one area."""

    key: int | str
    indicators: int
    counts: dict[str, int]
    mean_score: float | None

    @property
    def colour(self) -> str:
        """The colour of the status band of the mean score (grey without a score)."""
        return score_status_colour(self.mean_score)


@dataclass(frozen=True)
class GoalTile:
    """One of the 17 goal tiles: number, short name and official colour with the goal's summary."""

    number: int
    short_name: str
    colour: str
    group: str
    summary: Summary


@dataclass(frozen=True)
class IndicatorRow:
    """A row of the indicator table: one indicator series of one area."""

    indicator: str
    series: str
    name: str
    goal: int
    latest_value: float | None
    unit: str
    year: int | None
    target: float | None
    target_year: int | None
    status: str
    score: float | None
    trend: str | None  # "up", "down", "flat" or None (fewer than two years)
    trend_good: bool | None  # the trend in the desired direction; None without a target row or trend
    direction: str = ""  # increase, decrease, parity or "" (unknown)

    @property
    def label(self) -> str:
        return f"{self.name} ({self.series})" if self.series else self.name


@dataclass(frozen=True)
class TimeSeries:
    """The detail chart: values by year, the target and the trajectory required from the base year."""

    years: tuple[int, ...]
    values: tuple[float, ...]
    target: float | None
    target_year: int | None
    base_year: int | None
    base_value: float | None
    trajectory_years: tuple[int, ...] = ()
    trajectory_values: tuple[float, ...] = ()


@dataclass(frozen=True)
class ZoneValues:
    """Values of one indicator series for the areas of one level in one year (the bar chart and the map)."""

    level: str
    year: int
    areas: tuple[Area, ...]
    values: tuple[float | None, ...]

    def by_id(self) -> dict[str, float | None]:
        return {area.area_id: value for area, value in zip(self.areas, self.values)}


def _good_change(previous: float, latest: float, direction: str) -> bool | None:
    """Whether a change goes the desired way (for parity: closer to 1); None for an unknown direction."""
    if direction == PARITY:
        return abs(latest - 1) < abs(previous - 1)
    if direction not in (INCREASE, DECREASE):
        return None
    return (latest > previous) == (direction == INCREASE)


def required_trajectory(base_year: int, base_value: float, target_year: int, target: float
                        ) -> tuple[tuple[int, ...], tuple[float, ...]]:
    """Yearly values from the base to the target: geometric (the constant growth rate Open SDG's progress
    measure compares against) when both ends are non-zero with one sign, else a straight line."""
    if target_year <= base_year:
        return (), ()
    years = tuple(range(base_year, target_year + 1))
    span = target_year - base_year
    if base_value * target > 0:
        ratio = target / base_value
        return years, tuple(base_value * ratio ** ((y - base_year) / span) for y in years)
    return years, tuple(base_value + (target - base_value) * (y - base_year) / span for y in years)


#: The assessment of a series that has none yet (results written after the last sdg:assess_progress).
NOT_ASSESSED = pd.Series({"target": None, "target_year": None, "direction": None, "status": NOT_AVAILABLE,
                          "score": None})


class Dashboard:
    """The results and targets of a store, assessed once; queries for the dock's views."""

    def __init__(self, results: pd.DataFrame, targets: pd.DataFrame, catalog: Catalog, lang: str = "en",
                 assessed: pd.DataFrame | None = None, profile: Profile | None = None,
                 rollups: dict[str, pd.DataFrame] | None = None) -> None:
        """``assessed``: the progress ``sdg:assess_progress`` stored (its targets include the profile's); without
        it the results are assessed here against ``targets`` (then the profile's, when a ``profile`` is given).
        ``rollups``: that run's stored ``goals``, ``groups`` and ``headline``, used as they are with ``assessed``.
        ``profile`` also gives local codes their names and goals."""
        self.catalog = catalog
        self.lang = lang
        self.profile = profile
        self._local_names = {i.code: i for i in profile or () if i.is_local}
        self.results = results
        self.targets = targets
        self._main = results[results["disaggregation"].fillna("") == ""].copy()
        self._main["series"] = self._main["series"].fillna("")
        self._main["area_name"] = self._main["area_name"].fillna(self._main["area_id"])
        self._main["area_level"] = self._main["area_level"].fillna(TOTAL_LEVEL).replace("", TOTAL_LEVEL)
        stored = assessed is not None and not assessed.empty
        if not stored:
            frames = [targets, profile_targets(profile)] if profile is not None else [targets]
            assessed = assess_frame(self._main[["indicator", "series", "area_id", "year", "value"]],
                                    merge_targets(frames))
        else:
            assessed = assessed[list(OUTPUT_COLUMNS)].copy()
            assessed["series"] = assessed["series"].fillna("")
            self.targets = assessed[assessed["target"].notna()]
        self.assessed = assessed
        if stored and rollups and not rollups["goals"].empty:
            self.rolled = {"goals": rollups["goals"], "headline": rollups["headline"],
                           "groups": rollups["groups"].rename(columns={"goal_group": "group"})}
        else:
            self.rolled = rollup(self.assessed, self.goal_of, self.group_of)
        self._targeted = set(self.targets["indicator"]) if not self.targets.empty else set()

    @classmethod
    def from_store(cls, store: Store, catalog: Catalog, lang: str = "en",
                   profile: Profile | None = None) -> Dashboard:
        """Read results, targets, the stored Open SDG progress and its roll-ups from ``store`` (``StoreError`` and
        ``ValueError`` propagate)."""
        method = METHODS[0]
        rollups = {key: store.read(table, method=method) for key, table in ROLLUP_TABLES.items()}
        return cls(store.read_results(), store.read_targets(), catalog, lang,
                   store.read("sdg_progress", method=method), profile, rollups)

    # --- framework look-ups ---
    def goal_of(self, code: str) -> int:
        """The goal of a code (``core.vocabulary.goal_of`` with the profile); 0 when it names none."""
        return goal_or_none(code, self.profile) or 0

    def group_of(self, goal: int) -> str:
        return self.catalog.group_of(goal) if goal else OTHER_GROUP

    def name_of(self, code: str) -> str:
        """The framework title of a global code, the profile's name of a local one, else the code."""
        local = self._local_names.get(code)
        if local is not None:
            return local.name(self.lang)
        try:
            return self.catalog.title(code, self.lang)
        except (KeyError, ValueError):
            return code

    # --- state ---
    @property
    def is_empty(self) -> bool:
        return self._main.empty

    @property
    def has_targets(self) -> bool:
        return not self.targets.empty

    # --- areas ---
    def levels(self) -> list[str]:
        """Area levels in the store: ``total`` first, then by number of areas (township before village)."""
        counts = self._main.groupby("area_level")["area_id"].nunique()
        return sorted(counts.index, key=lambda level: (level != TOTAL_LEVEL, counts[level], level))

    def areas(self, level: str) -> list[Area]:
        """The areas of a level, by name."""
        rows = self._main[self._main["area_level"] == level].drop_duplicates("area_id")
        areas = [Area(str(r.area_id), str(r.area_name), level) for r in rows.itertuples()]
        return sorted(areas, key=lambda a: (a.name, a.area_id))

    # --- goals and groups ---
    def _summaries(self, table: str, key: str, area_id: str) -> dict:
        frame = self.rolled[table]
        out = {}
        for row in frame[frame["area_id"] == area_id].to_dict("records"):
            counts = {status: int(row[status]) for status in STATUSES}
            out[row[key]] = Summary(row[key], int(row["indicators"]), counts, number_or_none(row["mean_score"]))
        return out

    def goal_tiles(self, area_id: str) -> list[GoalTile]:
        """The 17 goals with their summary for ``area_id`` (zero indicators where nothing is measured)."""
        found = self._summaries("goals", "goal", area_id)
        empty = {status: 0 for status in STATUSES}
        tiles = []
        for goal in self.catalog.goals():
            summary = found.get(goal.number, Summary(goal.number, 0, dict(empty), None))
            short = goal.short_zh if self.lang == "zh" and goal.short_zh else goal.short_en
            tiles.append(GoalTile(goal.number, short, goal.colour, goal.group, summary))
        return tiles

    def group_summaries(self, area_id: str) -> list[Summary]:
        """Economic, social and environmental (and ``other`` for local codes outside the goals) for an area."""
        found = self._summaries("groups", "group", area_id)
        return [found[name] for name in sorted(found)]

    def headline(self, area_id: str) -> dict[str, int]:
        """Indicators measured, with a target, and met or nearly met (zeros when the area has none)."""
        frame = self.rolled["headline"]
        rows = frame[frame["area_id"] == area_id].to_dict("records")
        keys = ("measured", "with_target", "met_or_nearly_met")
        return {key: int(rows[0][key]) if rows else 0 for key in keys}

    # --- indicators ---
    def indicator_rows(self, area_id: str, goal: int | None = None, status: str | None = None,
                       search: str = "") -> list[IndicatorRow]:
        """Indicator series of ``area_id`` in natural code order, filtered by goal, status and a search text
        matched (case-insensitively) against the code and the name."""
        data = self._main[self._main["area_id"] == area_id]
        assessed = self.assessed[self.assessed["area_id"] == area_id].set_index(["indicator", "series"])
        needle = search.strip().lower()
        rows = []
        for (indicator, series), group in data.groupby(["indicator", "series"], sort=False):
            known = (indicator, series) in assessed.index  # not when computed after the last assessment
            row = self._row(indicator, series, group.sort_values("year"),
                            assessed.loc[(indicator, series)] if known else NOT_ASSESSED)
            if goal is not None and row.goal != goal:
                continue
            if status is not None and row.status != status:
                continue
            if needle and needle not in row.indicator.lower() and needle not in row.label.lower():
                continue
            rows.append(row)
        return sorted(rows, key=lambda r: (sort_key(r.indicator), r.series))

    def _row(self, indicator: str, series: str, group: pd.DataFrame, assessed: pd.Series) -> IndicatorRow:
        values = group.dropna(subset=["value"])
        latest = values.iloc[-1] if len(values) else group.iloc[-1]
        trend = trend_good = None
        if len(values) >= 2:
            change = float(values["value"].iloc[-1]) - float(values["value"].iloc[-2])
            trend = "flat" if change == 0 else ("up" if change > 0 else "down")
            if indicator in self._targeted and trend != "flat":
                trend_good = _good_change(float(values["value"].iloc[-2]), float(values["value"].iloc[-1]),
                                          str(assessed["direction"]))
        units = group["unit"].dropna()
        return IndicatorRow(
            indicator=indicator, series=series, name=self.name_of(indicator), goal=self.goal_of(indicator),
            latest_value=number_or_none(latest["value"]),
            unit=unit_label(str(units.iloc[-1]) if len(units) else "", self.lang),
            year=_year(latest["year"]), target=number_or_none(assessed["target"]),
            target_year=_year(assessed["target_year"]) if number_or_none(assessed["target"]) is not None else None,
            status=str(assessed["status"]), score=number_or_none(assessed["score"]), trend=trend, trend_good=trend_good,
            direction=str(assessed["direction"] or ""),
        )

    def time_series(self, indicator: str, series: str, area_id: str) -> TimeSeries:
        """Values by year of one series of one area, with the target and the trajectory required from the base
        year; no trajectory when the base or the latest value already meets the target, or for parity."""
        data = self._select(indicator, series)
        data = data[data["area_id"] == area_id].dropna(subset=["value"])
        data = data.sort_values("year")
        assessed = self.assessed[(self.assessed["indicator"] == indicator) & (self.assessed["series"] == series)
                                 & (self.assessed["area_id"] == area_id)]
        target = target_year = base_year = base_value = None
        trajectory: tuple[tuple[int, ...], tuple[float, ...]] = ((), ())
        if len(assessed):
            row = assessed.iloc[0]
            target, base_value = number_or_none(row["target"]), number_or_none(row["base_value"])
            base_year, target_year = _year(row["base_year"]), _year(row["target_year"])
            direction = str(row["direction"])
            if target is None:
                target_year = None
            elif (base_year is not None and base_value is not None and target_year is not None
                  and direction in (INCREASE, DECREASE) and not meets_target(base_value, target, direction)
                  and not meets_target(number_or_none(row["current_value"]), target, direction)):
                trajectory = required_trajectory(base_year, base_value, target_year, target)
        return TimeSeries(tuple(int(y) for y in data["year"]), tuple(float(v) for v in data["value"]), target,
                          target_year, base_year, base_value, *trajectory)

    def zone_level(self, level: str, indicator: str, series: str) -> str | None:
        """The level whose areas the bar chart and the map show: the chosen one, or for the whole area the
        first finer level with values of this series; None when there is none."""
        if level != TOTAL_LEVEL:
            return level
        present = set(self._select(indicator, series)["area_level"])
        return next((lv for lv in self.levels() if lv != TOTAL_LEVEL and lv in present), None)

    def zone_values(self, indicator: str, series: str, level: str, year: int | None = None) -> ZoneValues | None:
        """Values of the areas of ``level`` in ``year`` (default: the latest year with a value); None when the
        series has no values at that level."""
        data = self._select(indicator, series)
        data = data[(data["area_level"] == level) & data["value"].notna()]
        if data.empty:
            return None
        chosen = int(data["year"].max()) if year is None else int(year)
        data = data[data["year"] == chosen].sort_values(["area_name", "area_id"])
        areas = tuple(Area(str(r.area_id), str(r.area_name), level) for r in data.itertuples())
        return ZoneValues(level, chosen, areas, tuple(number_or_none(v) for v in data["value"]))

    def zones_used(self, indicator: str, series: str, level: str) -> tuple[str, str] | None:
        """(ZONES source, ZONE_ID_FIELD) recorded in the store's parameters for this series at ``level``, or
        None when the rows record none (statistics from a workbook, for instance)."""
        rows = self._select(indicator, series)
        rows = rows[rows["area_level"] == level]
        for text in rows["parameters"].dropna() if "parameters" in rows else ():
            try:
                record = json.loads(text) if isinstance(text, str) else dict(text)
            except (TypeError, ValueError):
                continue
            if record.get("ZONES"):
                return str(record["ZONES"]), str(record.get("ZONE_ID_FIELD") or "")
        return None

    def _select(self, indicator: str, series: str) -> pd.DataFrame:
        main = self._main
        return main[(main["indicator"] == indicator) & (main["series"] == series)]


def rows_frame(rows: Sequence[IndicatorRow]) -> pd.DataFrame:
    """The indicator table as a DataFrame (for CSV export), one column per table column."""
    columns = ["indicator", "series", "name", "latest_value", "unit", "year", "target", "target_year", "status",
               "score", "trend"]
    return pd.DataFrame([{name: getattr(row, name) for name in columns} for row in rows], columns=columns)
