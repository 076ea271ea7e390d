"""The local indicator profile: which indicators an area measures, how, and against which targets.

A profile is a CSV file (UTF-8, with or without the byte-order mark Excel writes; columns in
``data/profiles/README.md``), one row per indicator (code and series). Rows are numbered as in a
spreadsheet: the header is row 1.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

import pandas as pd

from .catalog import DATA_DIR, Catalog, load_catalog, normalize_code, sort_key
from .numbers import number_or_none
from .table_calc import FIXED_MULTIPLIERS, FORMULAS, NEEDS_DENOMINATOR

PROFILE_DIR = DATA_DIR / "profiles"
DEFAULT_PROFILE = PROFILE_DIR / "deqing_county.csv"

REQUIRED_COLUMNS = ("code", "name_en", "name_zh", "unit", "formula", "numerator", "denominator", "direction",
                    "goal", "group")
OPTIONAL_COLUMNS = ("series", "multiplier", "target", "target_year", "target_source", "base_year", "limit",
                    "data_source", "notes")
#: The desired direction of every row; ``parity`` is toward 1 (a parity index, ``core.progress``).
DIRECTIONS = ("increase", "decrease", "parity")
#: Multipliers used when the column is empty (rate per N has none: say per how many).
DEFAULT_MULTIPLIERS = {"ratio": 1.0, "percentage": 100.0, "per_capita": 1.0, "parity_index": 1.0,
                       "growth": 100.0, "value": 1.0}

_LOCAL_CODE = re.compile(r"L([0-9]{1,2})\.[0-9a-z]+(?:\.[0-9a-z]+)?")
_ITEM = re.compile(r"[a-z][a-z0-9_]*")
_RELATIVE = re.compile(r"([+-][0-9]+(?:\.[0-9]+)?)%")
_ALGORITHM = re.compile(r"sdg:[a-z][a-z0-9_]*")
_MAX_LISTED = 30


class ProfileError(ValueError):
    """A profile that cannot be used; the message names the file, rows and columns."""


@dataclass(frozen=True)
class ProfileIndicator:
    """One row of a profile (``row`` is its spreadsheet row number)."""

    row: int
    code: str
    series: str
    name_en: str
    name_zh: str
    unit: str
    formula: str
    numerator: str
    denominator: str
    multiplier: float | None
    direction: str
    target: float | None
    target_year: int | None
    target_source: str
    goal: int
    group: str
    data_source: str = ""
    notes: str = ""
    limit: float | None = None
    target_change: float | None = None
    base_year: int | None = None

    @property
    def has_target(self) -> bool:
        """A target value, or a change against the base year."""
        return self.target is not None or self.target_change is not None

    @property
    def key(self) -> tuple[str, str]:
        """(code, series): unique in a profile."""
        return self.code, self.series

    @property
    def is_local(self) -> bool:
        """True for local codes such as ``L10.1``."""
        return self.code.startswith("L")

    @property
    def is_spatial(self) -> bool:
        """True when a spatial algorithm (``sdg:<id>``) computes the indicator."""
        return self.formula.startswith("sdg:")

    @property
    def algorithm(self) -> str:
        """The Processing algorithm id of a spatial indicator (``sdg:forest_area_15_1_1``), else ``""``."""
        return self.formula if self.is_spatial else ""

    @property
    def items(self) -> tuple[str, ...]:
        """The workbook items the indicator reads (numerator, then denominator when there is one)."""
        return tuple(item for item in (self.numerator, self.denominator) if item)

    def name(self, lang: str = "en") -> str:
        """The profile's short local name (``"en"`` or ``"zh"``)."""
        return self.name_zh if lang.lower().startswith("zh") else self.name_en

    def title(self, lang: str = "en", catalog: Catalog | None = None) -> str:
        """The official SDG framework title of a global code; the local name of a local code."""
        if self.is_local:
            return self.name(lang)
        return (catalog or load_catalog()).title(self.code, lang)


@dataclass(frozen=True)
class Profile:
    """A validated profile."""

    path: Path
    indicators: tuple[ProfileIndicator, ...]

    def __iter__(self) -> Iterator[ProfileIndicator]:
        return iter(self.indicators)

    def __len__(self) -> int:
        return len(self.indicators)

    def statistical(self) -> tuple[ProfileIndicator, ...]:
        """Indicators computed from workbook items."""
        return tuple(i for i in self.indicators if not i.is_spatial)

    def spatial(self) -> tuple[ProfileIndicator, ...]:
        """Indicators computed by spatial algorithms."""
        return tuple(i for i in self.indicators if i.is_spatial)

    def required_items(self) -> tuple[str, ...]:
        """Every workbook item the statistical indicators need, sorted."""
        return tuple(sorted({item for indicator in self.statistical() for item in indicator.items}))

    def goals(self) -> tuple[int, ...]:
        """The goals the profile covers, ascending."""
        return tuple(sorted({i.goal for i in self.indicators}))


def code_goal(text: str, catalog: Catalog) -> tuple[str, int]:
    """(code, goal) of an SDG indicator code of the framework (normalised: ``"3-1-1"`` -> ``"3.1.1"``) or of a
    local code (L, goal 1-17, dot, number, such as ``L10.1``); ValueError saying what is wrong otherwise."""
    local = _LOCAL_CODE.fullmatch(text)
    if local:
        if not 1 <= int(local.group(1)) <= 17:
            raise ValueError(f"local code {text!r} names goal {local.group(1)}; goals are 1 to 17")
        return text, int(local.group(1))
    try:
        code = normalize_code(text)
        return code, catalog.indicator(code).goal
    except KeyError:
        raise ValueError(f"{text!r} is neither an SDG indicator code of the framework (such as 3.1.1) nor a local "
                         "code (L, goal, dot, number, such as L10.1)") from None


def load_profile(path: str | Path | None = None, catalog: Catalog | None = None) -> Profile:
    """Read and validate a profile (default: the shipped Deqing County profile).

    Raises :class:`ProfileError` listing every problem by row and column.
    """
    path = Path(path) if path is not None else DEFAULT_PROFILE
    catalog = catalog or load_catalog()
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.reader(handle))
    except OSError as exc:
        raise ProfileError(f"Cannot read the indicator profile {path}: {exc.strerror}.") from None
    except UnicodeDecodeError:
        raise ProfileError(f"The indicator profile {path} is not UTF-8 text: save it as 'CSV UTF-8'.") from None
    header = [name.strip().lower() for name in rows[0]] if rows else []
    records = rows[1:]
    missing = [name for name in REQUIRED_COLUMNS if name not in header]
    if missing:
        raise ProfileError(f"The indicator profile {path} lacks the column(s) {', '.join(missing)}; "
                           f"row 1 must name the columns {', '.join(REQUIRED_COLUMNS + OPTIONAL_COLUMNS)}.")
    problems: list[str] = []
    indicators: list[ProfileIndicator] = []
    seen: dict[tuple[str, str], int] = {}
    groups = set(catalog.groups())
    for number, record in enumerate(records, start=2):
        if not any(cell.strip() for cell in record):
            continue
        cells = {name: (record[i].strip() if i < len(record) else "") for i, name in enumerate(header)}
        row = _Row(number, cells, problems)
        indicator = row.indicator(catalog, groups)
        if indicator is None:
            continue
        if indicator.key in seen:
            problems.append(f"row {number}, columns code and series: {indicator.code} "
                            f"{indicator.series or '(no series)'} is already on row {seen[indicator.key]}; give "
                            "each row of the same code its own series")
            continue
        seen[indicator.key] = number
        indicators.append(indicator)
    if not indicators and not problems:
        problems.append("no indicator rows below the header")
    if problems:
        listed = "\n".join(f"- {p}" for p in problems[:_MAX_LISTED])
        more = f"\n- ... and {len(problems) - _MAX_LISTED} more" if len(problems) > _MAX_LISTED else ""
        raise ProfileError(f"The indicator profile {path} has {len(problems)} problem(s):\n{listed}{more}")
    indicators.sort(key=lambda i: (i.goal, i.is_local, sort_key(i.code.lstrip("L")), i.series))
    return Profile(path, tuple(indicators))


class _Row:
    """Validation of one profile row; problems are appended to the shared list."""

    def __init__(self, number: int, cells: dict[str, str], problems: list[str]) -> None:
        self.number = number
        self.cells = cells
        self.problems = problems
        self.ok = True

    def problem(self, column: str, text: str) -> None:
        self.problems.append(f"row {self.number}, column {column}: {text}")
        self.ok = False

    def get(self, column: str) -> str:
        return self.cells.get(column, "")

    def indicator(self, catalog: Catalog, groups: set[str]) -> ProfileIndicator | None:
        code, code_goal = self._code(catalog)
        formula = self._formula()
        numerator, denominator = self._items(formula)
        multiplier = self._multiplier(formula)
        direction = self.get("direction").lower()
        if direction not in DIRECTIONS:
            self.problem("direction", f"{self.get('direction')!r} is not increase, decrease or parity")
        limit = self._limit()
        target, target_change, target_year = self._target()
        base_year = self._base_year()
        goal = self._goal(code_goal)
        group = self.get("group").lower()
        if group not in groups:
            self.problem("group", f"{self.get('group')!r} is not one of {', '.join(sorted(groups))}")
        for column in ("name_en", "name_zh", "unit"):
            if not self.get(column):
                self.problem(column, "is empty")
        if not self.ok:
            return None
        return ProfileIndicator(
            self.number, code, self.get("series"), self.get("name_en"), self.get("name_zh"), self.get("unit"),
            formula, numerator, denominator, multiplier, direction, target, target_year,
            self.get("target_source"), goal, group, self.get("data_source"), self.get("notes"), limit,
            target_change, base_year)

    def _code(self, catalog: Catalog) -> tuple[str, int | None]:
        text = self.get("code")
        try:
            return code_goal(text, catalog)
        except ValueError as err:
            self.problem("code", str(err))
            return text, None

    def _formula(self) -> str:
        formula = self.get("formula").lower()
        if formula not in FORMULAS and not _ALGORITHM.fullmatch(formula):
            self.problem("formula", f"{self.get('formula')!r} is not one of {', '.join(FORMULAS)} or "
                                    "sdg:<algorithm id> (such as sdg:forest_area_15_1_1)")
        return formula

    def _items(self, formula: str) -> tuple[str, str]:
        numerator, denominator = self.get("numerator").lower(), self.get("denominator").lower()
        for column, item in (("numerator", numerator), ("denominator", denominator)):
            if item and not _ITEM.fullmatch(item):
                self.problem(column, f"item id {item!r} must be a letter followed by letters, digits or _")
        if formula.startswith("sdg:"):
            for column, item in (("numerator", numerator), ("denominator", denominator)):
                if item:
                    self.problem(column, f"a spatial indicator ({formula}) reads no workbook item; leave empty")
        elif formula in FORMULAS:
            if not numerator:
                self.problem("numerator", f"a {formula} indicator needs a numerator item")
            if formula in NEEDS_DENOMINATOR and not denominator:
                self.problem("denominator", f"a {formula} indicator needs a denominator item")
            if formula == "value" and denominator:
                self.problem("denominator", "a value indicator has no denominator; leave it empty")
        return numerator, denominator

    def _multiplier(self, formula: str) -> float | None:
        text = self.get("multiplier")
        if formula.startswith("sdg:"):
            if text:
                self.problem("multiplier", "a spatial indicator takes no multiplier; leave it empty")
            return None
        if not text:
            if formula == "rate_per_n":
                self.problem("multiplier", "a rate per N needs N here (e.g. 100000 for per 100,000)")
            return DEFAULT_MULTIPLIERS.get(formula)
        value = number_or_none(text, commas=True, lenient=True, finite=True)
        if value is None or value <= 0:
            self.problem("multiplier", f"{text!r} is not a positive number")
            return None
        fixed = FIXED_MULTIPLIERS.get(formula)
        if fixed is not None and value != fixed:
            self.problem("multiplier", f"a {formula} always uses {fixed:g}; leave it empty or write {fixed:g}")
        return value

    def _target(self) -> tuple[float | None, float | None, int | None]:
        """(target, target change in percent, target year): a target is a value (``35``) or a change against the
        base year's value (``-30%``)."""
        text, year_text, source = self.get("target"), self.get("target_year"), self.get("target_source")
        if not text:
            for column, value in (("target_year", year_text), ("target_source", source), ("base_year",
                                                                                          self.get("base_year"))):
                if value:
                    self.problem(column, "is given without a target; fill in the target or clear it")
            return None, None, None
        relative = _RELATIVE.fullmatch(text.replace(" ", ""))
        target = change = None
        if relative:
            change = float(relative.group(1))
        else:
            target = number_or_none(text, commas=True, lenient=True, finite=True)
            if target is None:
                self.problem("target", f"{text!r} is not a number, nor a change against the base year such as "
                                       "-30%")
        year = int(year_text) if year_text.isdigit() else None
        if year is None or not 2000 <= year <= 2100:
            self.problem("target_year", f"{year_text!r} is not a year (2000-2100); a target needs its year")
        if not source:
            self.problem("target_source", "a target needs its source (the plan or agreement that sets it)")
        return target, change, year

    def _base_year(self) -> int | None:
        text = self.get("base_year")
        if not text:
            return None
        if not text.isdigit() or not 2000 <= int(text) <= 2100:
            self.problem("base_year", f"{text!r} is not a year (2000-2100)")
            return None
        return int(text)

    def _limit(self) -> float | None:
        text = self.get("limit")
        if not text:
            return None
        value = number_or_none(text, commas=True, lenient=True, finite=True)
        if value is None:
            self.problem("limit", f"{text!r} is not a number (the natural bound, e.g. 100 for a coverage)")
        return value

    def _goal(self, code_goal: int | None) -> int:
        text = self.get("goal")
        goal = int(text) if text.isdigit() else None
        if goal is None or not 1 <= goal <= 17:
            self.problem("goal", f"{text!r} is not a goal number 1 to 17")
        elif code_goal is not None and goal != code_goal:
            self.problem("goal", f"{goal} differs from the goal of code {self.get('code')} ({code_goal})")
        return goal or 0


def profile_targets(profile: Profile) -> pd.DataFrame:
    """The profile's default targets, directions and limits as a targets table (``core.progress`` columns)."""
    columns = ["indicator", "series", "area_id", "target", "target_change", "target_year", "base_year",
               "direction", "limit", "source"]
    return pd.DataFrame([
        {"indicator": i.code, "series": i.series, "area_id": "", "target": i.target, "target_change": i.target_change,
         "target_year": i.target_year, "base_year": i.base_year, "direction": i.direction, "limit": i.limit,
         "source": i.target_source} for i in profile], columns=columns)


def items_path(profile_path: str | Path | None = None) -> Path:
    """The item list beside a profile: ``<profile>_items.csv`` (item, unit, used_by)."""
    path = Path(profile_path) if profile_path is not None else DEFAULT_PROFILE
    return path.with_name(f"{path.stem}_items.csv")


def load_item_units(profile_path: str | Path | None = None) -> dict[str, str]:
    """The unit of each workbook item, from the item list beside the profile (empty when it has none)."""
    path = items_path(profile_path)
    if not path.exists():
        return {}
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return {row["item"]: row.get("unit") or "" for row in csv.DictReader(handle)}
