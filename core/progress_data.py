"""The assessment record and the time-series preparation shared by every progress method.

Preparation follows Open SDG's ``SeriesProgress`` (open-sdg/sdg-build ``sdg/ProgressMeasure.py``): a year
given as a range ("2015-16") counts as its first year, missing values are dropped, duplicate years are an
error, the current year is the latest year with data and the base year is the requested one or, when it has no
data, the first later year that has.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Sequence

from .numbers import is_missing

TARGET_ACHIEVED = "target_achieved"
SUBSTANTIAL = "substantial_progress"
MODERATE = "moderate_progress"
LIMITED = "limited_progress"
DETERIORATION = "deterioration"
NOT_AVAILABLE = "not_available"

# Best first; ``not_available`` is not ranked against the others.
STATUSES = (TARGET_ACHIEVED, SUBSTANTIAL, MODERATE, LIMITED, DETERIORATION, NOT_AVAILABLE)

INCREASE = "increase"
DECREASE = "decrease"
PARITY = "parity"  # toward 1: a parity index (core.progress)
# Open SDG's configuration words are accepted too.
_DIRECTIONS = {INCREASE: INCREASE, DECREASE: DECREASE, PARITY: PARITY, "positive": INCREASE,
               "negative": DECREASE}


class DuplicateYearsError(ValueError):
    """A series has more than one value for a year; ``years`` lists them."""

    def __init__(self, years: Sequence[int], message: str):
        super().__init__(message)
        self.years = tuple(years)


@dataclass(frozen=True)
class Assessment:
    """Progress of one series. ``score`` is on -5..5; ``progress_value`` depends on the method.

    ``anticipated_value`` is the value expected in the target year (ESCAP method only, else None).
    """

    base_year: int | None
    base_value: float | None
    current_year: int | None
    current_value: float | None
    target: float | None
    target_year: int
    direction: str
    progress_value: float | None
    status: str
    score: float | None
    anticipated_value: float | None = None

    @property
    def target_achieved(self) -> bool:
        return self.status == TARGET_ACHIEVED


@dataclass(frozen=True)
class Series:
    """A cleaned series: ``years`` ascending and unique, ``values`` finite floats."""

    years: tuple[int, ...]
    values: tuple[float, ...]

    def value(self, year: int) -> float:
        return self.values[self.years.index(year)]


def normalise_direction(direction: str) -> str:
    """``increase``/``decrease`` (also Open SDG's ``positive``/``negative``) or ``parity``; anything else is an
    error."""
    try:
        return _DIRECTIONS[str(direction).strip().lower()]
    except KeyError:
        raise ValueError(f"direction must be 'increase', 'decrease' or 'parity', not {direction!r}") from None


def direction_sign(direction: str) -> int:
    """d = +1 for increase, -1 for decrease."""
    return 1 if normalise_direction(direction) == INCREASE else -1


def _year(raw: object) -> int:
    """A year as an int; longer text such as ``"2015-16"`` or ``2015.0`` keeps its first four characters."""
    text = str(raw).strip()
    return int(text[:4]) if len(text) > 4 else int(text)


def prepare(years: Iterable[object], values: Iterable[object]) -> Series:
    """Clean a series as Open SDG does; raises :class:`DuplicateYearsError` naming the repeated years."""
    years = list(years)
    values = list(values)
    if len(years) != len(values):
        raise ValueError(f"{len(years)} years but {len(values)} values")
    pairs = [(_year(y), float(v)) for y, v in zip(years, values) if not is_missing(v)]
    seen: dict[int, list[float]] = {}
    for year, value in pairs:
        seen.setdefault(year, []).append(value)
    repeated = sorted(y for y, vals in seen.items() if len(vals) > 1)
    if repeated:
        detail = "; ".join(f"{y}: {', '.join(f'{v:g}' for v in seen[y])}" for y in repeated)
        raise DuplicateYearsError(repeated, f"Duplicate values for year(s) {detail}")
    ordered = sorted(pairs)
    return Series(tuple(y for y, _ in ordered), tuple(v for _, v in ordered))


def choose_base_year(series: Series, base_year: int) -> int | None:
    """``base_year`` when it has data, else the first later year with data (None when there is none)."""
    if base_year in series.years:
        return base_year
    later = [y for y in series.years if y > base_year]
    return later[0] if later else None


def unavailable(target: float | None, target_year: int | None, direction: str) -> Assessment:
    """The assessment of a series without any data."""
    return Assessment(None, None, None, None, target, target_year, direction, None, NOT_AVAILABLE, None)


def endpoints(series: Series, base_year: int) -> tuple[int | None, float | None, int, float | None]:
    """(base year, base value, current year, current value) of a series with data: the latest year, and the base
    year or the first later year with data (None when there is none)."""
    current_year = series.years[-1]
    base = choose_base_year(series, base_year)
    return base, None if base is None else series.value(base), current_year, series.value(current_year)


def meets_target(current: float | None, target: float | None, direction: str) -> bool:
    """d = -1 and current <= target, or d = +1 and current >= target."""
    if current is None or target is None:
        return False
    return current >= target if direction_sign(direction) == 1 else current <= target
