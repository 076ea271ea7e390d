"""Progress against targets: assess a series, aggregate series, assess a table, roll results up to goals.

The default method is Open SDG's (:mod:`.progress_open_sdg`); UNSD, ESCAP and SDSN alternatives are in
:mod:`.progress_alternatives`. Every method reports a status code from :data:`STATUSES` and a score on -5..5.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, replace
from typing import Callable, Iterable, NamedTuple, Protocol, Sequence

import pandas as pd

from .progress_alternatives import (
    GREEN,
    ORANGE,
    RED,
    YELLOW,
    assess_escap,
    assess_sdsn,
    assess_unsd,
    dashboard_colour,
)
from .progress_data import (
    DECREASE,
    DETERIORATION,
    INCREASE,
    LIMITED,
    MODERATE,
    NOT_AVAILABLE,
    PARITY,
    STATUSES,
    SUBSTANTIAL,
    TARGET_ACHIEVED,
    Assessment,
    DuplicateYearsError,
    Series,
    endpoints,
    normalise_direction,
    prepare,
    unavailable,
)
from .progress_open_sdg import assess_open_sdg, status_from_score

__all__ = [
    "METHODS", "STATUSES", "OUTPUT_COLUMNS", "NEARLY_MET", "Assessment", "IndicatorAssessment",
    "DuplicateYearsError", "assess", "aggregate_series", "assess_frame", "rollup", "score_colour",
]

METHODS = ("open_sdg", "unsd_progress_chart", "escap_current_status", "sdsn")
OUTPUT_COLUMNS = (
    "indicator", "area_id", "series", "base_year", "base_value", "current_year", "current_value", "target",
    "target_year", "direction", "progress_value", "status", "score",
)
# "Met or nearly met" in the Deqing-style headline: target achieved, or substantial progress towards it.
NEARLY_MET = (TARGET_ACHIEVED, SUBSTANTIAL)
HEADLINE_COLUMNS = ("area_id", "measured", "with_target", "met_or_nearly_met")
DEFAULT_BASE_YEAR = 2015
DEFAULT_TARGET_YEAR = 2030
#: Parity indices inside this band have achieved parity (UNESCO Institute for Statistics' convention for the
#: gender parity index, used for SDG 4.5.1).
PARITY_BAND = (0.97, 1.03)


@dataclass(frozen=True)
class IndicatorAssessment:
    """An indicator's progress from its series: mean ``score``, ``status`` from the score bands."""

    status: str
    score: float | None
    series_count: int
    scored_count: int

    @property
    def target_achieved(self) -> bool:
        return self.status == TARGET_ACHIEVED


def assess(
    years: Iterable[object],
    values: Iterable[object],
    *,
    target: float | None = None,
    target_year: int = DEFAULT_TARGET_YEAR,
    base_year: int = DEFAULT_BASE_YEAR,
    direction: str | None = None,
    target_change: float | None = None,
    limit: float | None = None,
    method: str = METHODS[0],
    worst: float | None = None,
    best: float | None = None,
) -> Assessment:
    """Assess one series (``years`` and ``values`` aligned; missing values dropped; duplicate years raise
    :class:`DuplicateYearsError`). ``limit`` is used by Open SDG's method 1 only; ``worst``/``best`` by SDSN
    only. Without a ``target``, ``target_change`` (percent, e.g. -30) sets it from the base year's value.

    Three rules beside the methods (METHODS.md, "Progress rules"): no direction is ever assumed (without one
    the series is ``not_available``); a value at its ``limit`` (100 for a coverage, 0 for a rate that should
    vanish) has achieved its target; direction ``parity`` judges the distance from 1, achieved inside
    :data:`PARITY_BAND`."""
    if method not in METHODS:
        raise ValueError(f"unknown method {method!r}; expected one of {', '.join(METHODS)}")
    series = prepare(years, values)
    common = {
        "target": None if _blank(target) else float(target),  # type: ignore[arg-type]
        "target_year": int(target_year), "base_year": int(base_year),
    }
    if common["target"] is None and not _blank(target_change) and series.years:
        base_value = endpoints(series, int(base_year))[1]
        if base_value is not None:
            common["target"] = base_value * (1 + float(target_change) / 100)  # type: ignore[arg-type]
    bound = None if _blank(limit) else float(limit)  # type: ignore[arg-type]
    options = {"method": method, "limit": bound, "worst": None if _blank(worst) else float(worst),  # type: ignore
               "best": None if _blank(best) else float(best)}  # type: ignore[arg-type]
    if _blank(direction):
        return _without_direction(series, common)
    direction = normalise_direction(str(direction))
    if direction == PARITY:
        return _assess_parity(series, common, options)
    result = _assess_method(series, {**common, "direction": direction}, options)
    if bound is not None and result.current_value is not None and at_limit(result.current_value, bound, direction):
        return replace(result, status=TARGET_ACHIEVED, score=5.0)
    return result


def _assess_method(series: Series, common: dict, options: dict) -> Assessment:
    method = options["method"]
    if method == "open_sdg":
        return assess_open_sdg(series, limit=options["limit"], **common)
    if method == "unsd_progress_chart":
        return assess_unsd(series, **common)
    if method == "escap_current_status":
        return assess_escap(series, **common)
    return assess_sdsn(series, worst=options["worst"], best=options["best"], **common)


def at_limit(value: float, limit: float, direction: str) -> bool:
    """A value at (or beyond) its natural limit in the desired direction (within rounding)."""
    tolerance = 1e-9 * max(1.0, abs(limit))
    return value >= limit - tolerance if direction == INCREASE else value <= limit + tolerance


def _without_direction(series: Series, common: dict) -> Assessment:
    """A series whose desired direction is unknown: its end points, no judgement."""
    if not series.years:
        return unavailable(common["target"], common["target_year"], "")
    base, base_value, current, current_value = endpoints(series, common["base_year"])
    return Assessment(base, base_value, current, current_value, common["target"], common["target_year"], "", None,
                      NOT_AVAILABLE, None)


def _assess_parity(series: Series, common: dict, options: dict) -> Assessment:
    """A parity index judged by its distance from 1 (decreasing toward the band's half-width), reported with the
    index values themselves and target 1; inside :data:`PARITY_BAND` the target is achieved."""
    half_width = PARITY_BAND[1] - 1.0
    distance = Series(series.years, tuple(abs(round(v - 1.0, 12)) for v in series.values))
    judged = _assess_method(distance, {**common, "target": half_width, "direction": DECREASE}, options)
    if not series.years:
        return unavailable(1.0, common["target_year"], PARITY)
    base, base_value, current, current_value = endpoints(series, common["base_year"])
    status, score = judged.status, judged.score
    if PARITY_BAND[0] - 1e-9 <= current_value <= PARITY_BAND[1] + 1e-9:
        status, score = TARGET_ACHIEVED, 5.0
    return Assessment(base, base_value, current, current_value, 1.0, common["target_year"], PARITY,
                      judged.progress_value, status, score)


class Scored(Protocol):
    """Anything with a ``status`` and a ``score`` (an :class:`Assessment`, a row of :func:`assess_frame`)."""

    status: str
    score: float | None


def aggregate_series(assessments: Sequence[Scored]) -> IndicatorAssessment:
    """Open SDG's indicator progress: the mean of the series scores that exist; the status from that mean by
    the score bands, and ``target_achieved`` only when every scored series achieved its target."""
    scored = [a for a in assessments if not _blank(a.score)]
    if not scored:
        return IndicatorAssessment(NOT_AVAILABLE, None, len(assessments), 0)
    score = sum(float(a.score) for a in scored) / len(scored)  # type: ignore[arg-type]
    status = status_from_score(score, all(a.status == TARGET_ACHIEVED for a in scored))
    return IndicatorAssessment(status, score, len(assessments), len(scored))


def score_colour(score: float | None) -> str | None:
    """Colour of a (mean) score by the status bands: >= 2.5 green, >= 0 yellow, >= -2.5 orange, else red."""
    if score is None or math.isnan(score):
        return None
    if score >= 2.5:
        return GREEN
    if score >= 0:
        return YELLOW
    if score >= -2.5:
        return ORANGE
    return RED


def _blank(value: object) -> bool:
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    if isinstance(value, str):
        return not value.strip()
    try:
        return math.isnan(float(value))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return False


def _key_text(value: object) -> str:
    return "" if _blank(value) else str(value).strip()


def _target_index(targets: pd.DataFrame | None) -> dict[tuple[str, str, str], dict]:
    """Target rows keyed by (indicator, area_id, series) with "" for "all"; repeated keys are an error."""
    if targets is None or targets.empty:
        return {}
    if "indicator" not in targets.columns:
        raise ValueError("the targets table needs an 'indicator' column")
    index: dict[tuple[str, str, str], dict] = {}
    for row in targets.to_dict("records"):
        key = (_key_text(row["indicator"]), _key_text(row.get("area_id")), _key_text(row.get("series")))
        if key in index:
            raise ValueError(
                f"more than one target row for indicator {key[0]!r}, area {key[1]!r}, series {key[2]!r}"
            )
        index[key] = row
    return index


def _match_target(index: dict[tuple[str, str, str], dict], indicator: str, area: str, series: str) -> dict:
    """The most specific row: area and series, then area only, then series only, then the indicator alone."""
    for a, s in ((area, series), (area, ""), ("", series), ("", "")):
        if (indicator, a, s) in index:
            return index[(indicator, a, s)]
    return {}


TARGET_KEY = ["indicator", "area_id", "series"]


def merge_targets(frames: Sequence[pd.DataFrame]) -> pd.DataFrame:
    """Target tables by priority (the first wins for the same indicator, area and series)."""
    used = [frame for frame in frames if frame is not None and not frame.empty]
    if not used:
        return pd.DataFrame(columns=TARGET_KEY)
    columns = list(dict.fromkeys(column for frame in used for column in frame.columns))
    # all-NA columns left out of the concatenation (pandas 2.1+ deprecates typing by them), then restored
    targets = pd.concat([frame.dropna(axis=1, how="all") for frame in used], ignore_index=True).reindex(
        columns=columns)
    for column in ("area_id", "series"):
        targets[column] = targets[column].fillna("").astype(str) if column in targets else ""
    return targets.drop_duplicates(TARGET_KEY, keep="first").reset_index(drop=True)


def assess_frame(
    data: pd.DataFrame, targets: pd.DataFrame | None = None, method: str = METHODS[0],
    warnings: list[Undirected] | None = None,
) -> pd.DataFrame:
    """The ``sdg:assess_progress`` table: one row per indicator / area_id / series of ``data`` (columns
    ``indicator``, ``year``, ``value``, optional ``area_id``, ``series``). Target rows (``target``,
    ``target_year``, ``base_year``, ``direction``, ``limit``, and for SDSN ``worst``/``best``) match by
    indicator; an empty ``area_id``/``series`` applies to all and a specific one overrides it.

    A series whose matching row gives no direction (or that matches no row) takes the direction of its
    indicator's other rows when they all agree (and their limit, when they agree on one); otherwise it is
    ``not_available`` and an :class:`Undirected` naming it is appended to ``warnings``."""
    missing = {"indicator", "year", "value"} - set(data.columns)
    if missing:
        raise ValueError(f"the data table lacks column(s) {', '.join(sorted(missing))}")
    frame = data.copy()
    for column in ("area_id", "series"):
        frame[column] = frame[column].map(_key_text) if column in frame.columns else ""
    frame["indicator"] = frame["indicator"].map(_key_text)
    index = _target_index(targets)
    rows = []
    for (indicator, area, series), group in frame.groupby(["indicator", "area_id", "series"], sort=True):
        spec = _with_direction(index, indicator, area, series, warnings)

        def option(name: str, default: object, spec: dict = spec) -> object:
            value = spec.get(name)
            return default if _blank(value) else value

        try:
            result = assess(
                group["year"].tolist(), group["value"].tolist(), target=option("target", None),  # type: ignore
                target_year=int(option("target_year", DEFAULT_TARGET_YEAR)),  # type: ignore[arg-type]
                base_year=int(option("base_year", DEFAULT_BASE_YEAR)),  # type: ignore[arg-type]
                direction=option("direction", None), limit=option("limit", None),  # type: ignore[arg-type]
                target_change=option("target_change", None),  # type: ignore[arg-type]
                method=method, worst=option("worst", None), best=option("best", None),  # type: ignore[arg-type]
            )
        except DuplicateYearsError as error:
            raise DuplicateYearsError(error.years, f"{_where(indicator, area, series)}: {error}") from None
        rows.append({"indicator": indicator, "area_id": area, "series": series, **_record(result)})
    out = pd.DataFrame(rows, columns=list(OUTPUT_COLUMNS))
    for column in ("base_year", "current_year", "target_year"):
        out[column] = out[column].astype("Int64")
    for column in ("base_value", "current_value", "target", "progress_value", "score"):
        out[column] = out[column].astype(float)
    return out


def _where(indicator: str, area: str, series: str) -> str:
    return f"indicator {indicator}" + (f", area {area}" if area else "") + (f", series {series}" if series else "")


class Undirected(NamedTuple):
    """A series left unassessed for want of a direction; ``conflicting``: its indicator's rows disagree."""

    indicator: str
    area_id: str
    series: str
    conflicting: bool


def _with_direction(index: dict[tuple[str, str, str], dict], indicator: str, area: str, series: str,
                    warnings: list[Undirected] | None) -> dict:
    """The matching target row, its direction (and limit) filled from the indicator's other rows when it has
    none and they agree; without a direction a warning is recorded."""
    spec = _match_target(index, indicator, area, series)
    if not _blank(spec.get("direction")):
        return spec
    related = [row for (code, row_area, _), row in index.items() if code == indicator and row_area in ("", area)]
    directions = {normalise_direction(str(row["direction"])) for row in related if not _blank(row.get("direction"))}
    if len(directions) == 1:
        limits = {float(row["limit"]) for row in related if not _blank(row.get("limit"))}
        inherited = {"direction": directions.pop(), **({"limit": limits.pop()} if len(limits) == 1 else {})}
        return {**inherited, **{k: v for k, v in spec.items() if not _blank(v)}}
    if warnings is not None:
        warnings.append(Undirected(indicator, area, series, bool(directions)))
    return spec


def _record(result: Assessment) -> dict:
    return {name: getattr(result, name) for name in OUTPUT_COLUMNS[3:]}


def _indicator_table(assessed: pd.DataFrame) -> pd.DataFrame:
    """One row per area and indicator: aggregated status and score, whether measured and whether targeted."""
    rows = []
    for (area, indicator), group in assessed.groupby(["area_id", "indicator"], sort=True):
        combined = aggregate_series(list(group.itertuples()))
        rows.append({
            "area_id": area, "indicator": indicator, "status": combined.status, "score": combined.score,
            "measured": bool(group["current_value"].notna().any()),
            "with_target": bool(group["target"].notna().any()),
        })
    return pd.DataFrame(rows, columns=["area_id", "indicator", "status", "score", "measured", "with_target"])


def _summary(table: pd.DataFrame, by: str) -> pd.DataFrame:
    """Per area and ``by``: indicators, counts by status, mean score, colour by mean score and SDR colour."""
    rows = []
    for (area, key), group in table.groupby(["area_id", by], sort=True):
        scores = group["score"].dropna()
        mean = float(scores.mean()) if len(scores) else None
        counts = {status: int((group["status"] == status).sum()) for status in STATUSES}
        rows.append({
            "area_id": area, by: key, "indicators": len(group), **counts, "mean_score": mean,
            "colour": score_colour(mean), "dashboard_colour": dashboard_colour(
                [_STATUS_COLOUR[s] for s in group["status"] if s in _STATUS_COLOUR]
            ),
        })
    columns = ["area_id", by, "indicators", *STATUSES, "mean_score", "colour", "dashboard_colour"]
    return pd.DataFrame(rows, columns=columns)


_STATUS_COLOUR = {
    TARGET_ACHIEVED: GREEN, SUBSTANTIAL: YELLOW, MODERATE: ORANGE, LIMITED: RED, DETERIORATION: RED,
}


def rollup(
    assessed: pd.DataFrame, goal_of: Callable[[str], int], group_of: Callable[[int], str]
) -> dict[str, pd.DataFrame]:
    """Roll an :func:`assess_frame` table up per area.

    Series of an indicator are first combined with :func:`aggregate_series`. Returns ``"indicators"`` (per
    area and indicator), ``"goals"`` and ``"groups"`` (per area and goal / goal group: indicator count, counts
    by status, ``mean_score``, ``colour`` by :func:`score_colour`, and ``dashboard_colour`` from the two worst
    indicators with statuses coloured target achieved green, substantial yellow, moderate orange, limited or
    deterioration red), and ``"headline"``: indicators measured (with a current value), with a target, and met
    or nearly met (of those with a target, status in :data:`NEARLY_MET`).
    """
    table = _indicator_table(assessed)
    table["goal"] = [int(goal_of(code)) for code in table["indicator"]]
    table["group"] = [str(group_of(goal)) for goal in table["goal"]]
    headline = []
    for area, group in table.groupby("area_id", sort=True):
        targeted = group[group["with_target"]]
        headline.append({
            "area_id": area, "measured": int(group["measured"].sum()), "with_target": len(targeted),
            "met_or_nearly_met": int(targeted["status"].isin(NEARLY_MET).sum()),
        })
    return {
        "indicators": table,
        "goals": _summary(table, "goal"),
        "groups": _summary(table, "group"),
        "headline": pd.DataFrame(headline, columns=list(HEADLINE_COLUMNS)),
    }
