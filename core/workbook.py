"""Statistical workbooks: one long sheet ``item, area_code, area_name, year, value, unit`` read against a
profile, and every statistical indicator of the profile computed for every area and year.

The cells come in as plain values (the QGIS layer reads the .xlsx file); problems name the sheet and cell,
e.g. ``data!E17``. An indicator whose items are absent is skipped; a bad cell only loses the values that need it.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable, Sequence

from .numbers import cell_number
from .profile import Profile, ProfileIndicator
from .table_calc import Observation, row_values

COLUMNS = ("item", "area_code", "area_name", "year", "value", "unit")
REQUIRED = ("item", "area_code", "year", "value")

Key = tuple[str, str, int]  # item, area code, year


class WorkbookError(ValueError):
    """A sheet that cannot be read at all (no header, missing columns)."""


@dataclass
class WorkbookData:
    """The cells of a data sheet by (item, area code, year), with their cell addresses."""

    sheet: str
    values: dict[Key, float | None] = field(default_factory=dict)
    cells: dict[Key, str] = field(default_factory=dict)
    bad: dict[Key, str] = field(default_factory=dict)
    area_names: dict[str, str] = field(default_factory=dict)
    units: dict[str, str] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)

    @property
    def items(self) -> set[str]:
        return {key[0] for key in self.values}

    @property
    def areas(self) -> list[str]:
        """Area codes in the order they first appear."""
        return list(self.area_names)

    @property
    def years(self) -> list[int]:
        return sorted({key[2] for key in self.values})


@dataclass
class Outcome:
    """What one indicator gave: store-ready rows, warnings, and whether it was skipped altogether."""

    indicator: ProfileIndicator
    rows: list[dict] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    skipped: bool = False


def column_letter(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def parse_sheet(rows: Iterable[Sequence[Any]], sheet: str) -> WorkbookData:
    """Read the rows of a data sheet (the first row names the columns, in any order and case)."""
    iterator = iter(rows)
    header = next(iterator, None)
    names = [str(cell).strip().lower() if cell is not None else "" for cell in header or ()]
    missing = [name for name in REQUIRED if name not in names]
    if missing:
        raise WorkbookError(f"Sheet {sheet}: row 1 must name the columns {', '.join(COLUMNS)}; "
                            f"missing {', '.join(missing)}.")
    where = {name: names.index(name) for name in COLUMNS if name in names}
    data = WorkbookData(sheet)
    for number, row in enumerate(iterator, start=2):
        cells = {name: row[index] if index < len(row) else None for name, index in where.items()}
        refs = {name: f"{sheet}!{column_letter(index)}{number}" for name, index in where.items()}
        item, area = _text(cells["item"]).lower(), _code(cells["area_code"])
        if not item and not area and cells["value"] is None:
            continue
        if not item or not area:
            data.problems.append(f"{refs['item' if not item else 'area_code']}: no item or area code; row skipped")
            continue
        year = _year(cells["year"])
        if year is None:
            data.problems.append(f"{refs['year']}: {cells['year']!r} is not a year; row skipped")
            continue
        key = (item, area, year)
        if key in data.cells:
            data.problems.append(f"{refs['value']}: {item} {area} {year} repeats {data.cells[key]}; the first is "
                                 "kept")
            continue
        data.cells[key] = refs["value"]
        data.area_names.setdefault(area, _text(cells.get("area_name")))
        if "unit" in where and item not in data.units:
            data.units[item] = _text(cells["unit"])
        value, problem = cell_number(cells["value"])
        data.values[key] = value
        if problem:
            data.bad[key] = problem
    return data


def compute_indicators(profile: Profile, data: WorkbookData) -> list[Outcome]:
    """Every statistical indicator of ``profile`` for every area and year of ``data``."""
    outcomes = []
    for indicator in profile.statistical():
        outcome = Outcome(indicator)
        absent = [item for item in indicator.items if item not in data.items]
        if absent:
            outcome.skipped = True
            outcome.warnings.append(f"{_label(indicator)}: skipped, item(s) {', '.join(absent)} not in sheet "
                                    f"{data.sheet}")
        else:
            _compute(indicator, data, outcome)
        outcomes.append(outcome)
    return outcomes


def _compute(indicator: ProfileIndicator, data: WorkbookData, outcome: Outcome) -> None:
    observations = []
    for area in data.areas:
        for year in data.years:
            numerator = _take(data, indicator, indicator.numerator, area, year, outcome)
            denominator = _take(data, indicator, indicator.denominator, area, year, outcome) \
                if indicator.denominator else None
            if indicator.denominator and denominator is not None and denominator <= 0 \
                    and indicator.formula != "growth":
                key = (indicator.denominator, area, year)
                outcome.warnings.append(f"{_label(indicator)}: denominator {indicator.denominator} is "
                                        f"{denominator:g} in {data.cells[key]} ({area} {year}); no value")
            observations.append(Observation(area, year, numerator, denominator))
    values = row_values(observations, indicator.formula, indicator.multiplier or 1.0)
    for observation, value in zip(observations, values):
        if value is None:
            continue
        outcome.rows.append({
            "indicator": indicator.code, "series": indicator.series, "area_id": observation.area_id,
            "area_name": data.area_names.get(observation.area_id, ""), "year": observation.year,
            "value": value, "unit": indicator.unit, "numerator": observation.numerator,
            "denominator": observation.denominator,
        })


def _take(data: WorkbookData, indicator: ProfileIndicator, item: str, area: str, year: int,
          outcome: Outcome) -> float | None:
    """A cell's number, or None with a warning naming the cell when it is absent, empty or text."""
    key = (item, area, year)
    label = _label(indicator)
    if key not in data.cells:
        outcome.warnings.append(f"{label}: no row for item {item}, area {area}, year {year} in sheet {data.sheet}")
        return None
    if key in data.bad:
        outcome.warnings.append(f"{label}: {data.bad[key]} in {data.cells[key]} (item {item}); no value for "
                                f"{area} {year}")
        return None
    if data.values[key] is None:
        outcome.warnings.append(f"{label}: empty cell {data.cells[key]} (item {item}); no value for {area} {year}")
    return data.values[key]


def _label(indicator: ProfileIndicator) -> str:
    return indicator.code + (f" ({indicator.series})" if indicator.series else "")


def _text(value: Any) -> str:
    return "" if value is None else str(value).strip()


def _code(value: Any) -> str:
    """An area code as text (a code typed as a number loses no digits: 330521.0 -> "330521")."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return _text(value)


def _year(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)) and float(value).is_integer():
        return int(value)
    text = _text(value)
    return int(text) if text.isdigit() and len(text) == 4 else None
