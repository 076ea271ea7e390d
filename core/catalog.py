"""The global SDG framework: goals, targets and indicators in English and Simplified Chinese.

Read once from ``data/sdg/global_*.{en,zh-Hans}.yml`` (open-sdg/sdg-translations, unchanged), the documented
corrections in ``data/sdg/overrides.zh-Hans.yml`` (the UN's official Chinese names of goals 9 and 17), and
``data/goals.csv`` (goal colours and the economic / social / environmental groups used for roll-ups).
"""
from __future__ import annotations

import csv
import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Union

import yaml

DATA_DIR = Path(__file__).resolve().parents[1] / "data"

_PART = re.compile(r"[0-9]+|[a-z]")
_CODE = re.compile(r"[0-9]+(?:\.(?:[0-9]+|[a-z])(?:\.[0-9]+)?)?")
_COLOUR = re.compile(r"#[0-9A-Fa-f]{6}")
# Key 17-6-2 repeats the text of 17-6-1 by mistake (17.6.2 was renumbered 17.6.1 in 2020): not a repeat.
_NOT_REPEATS = frozenset({"17.6.2"})

GoalOrCode = Union[int, str]


@dataclass(frozen=True)
class Goal:
    """One of the 17 goals."""

    number: int
    title_en: str
    title_zh: str
    short_en: str
    short_zh: str
    group: str
    colour: str


@dataclass(frozen=True)
class Target:
    """A target such as ``"15.1"`` or ``"4.a"``."""

    code: str
    goal: int
    title_en: str
    title_zh: str


@dataclass(frozen=True)
class Indicator:
    """An indicator key such as ``"15.1.1"``; repeated indicators have one entry per key."""

    code: str
    target: str
    goal: int
    title_en: str
    title_zh: str


def sort_key(code: str) -> tuple[tuple[int, int, str], ...]:
    """Natural order of codes: 1.2 before 1.10, 4.10 before 4.a."""
    return tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in _PART.findall(code.lower()))


def normalize_code(code: GoalOrCode) -> str:
    """``" 15-1-1 "``, ``"15_1_1"``, ``"4.A.1"`` -> ``"15.1.1"``, ``"4.a.1"``; KeyError if not code-shaped."""
    if isinstance(code, bool) or not isinstance(code, (int, str)):
        raise TypeError(f"An SDG code must be a string or a goal number, not {type(code).__name__}")
    text = re.sub(r"[-_\s]+", ".", str(code).strip().lower()).strip(".")
    text = ".".join(p if not p.isdigit() else str(int(p)) for p in text.split("."))
    if not _CODE.fullmatch(text):
        raise KeyError(f"Not an SDG goal, target or indicator code: {code!r}")
    return text


def _language(lang: str) -> str:
    key = lang.strip().lower()
    if key == "en" or key.startswith("en_") or key.startswith("en-"):
        return "en"
    if key.startswith("zh"):
        return "zh"
    raise ValueError(f"Unsupported language {lang!r}: use 'en' or 'zh'")


def _normalize_text(text: str) -> str:
    return " ".join(text.split())


def _read_yaml(path: Path) -> dict[str, str]:
    with path.open(encoding="utf-8") as handle:
        data = yaml.safe_load(handle)
    if not isinstance(data, dict):
        raise ValueError(f"{path} is not a key: value file")
    return {str(k): str(v).strip() for k, v in data.items()}


def _split_keys(entries: dict[str, str], suffix: str) -> dict[str, str]:
    """``{"15-1-1-title": text}`` -> ``{"15.1.1": text}`` for keys ending in ``-<suffix>``."""
    tail = f"-{suffix}"
    return {normalize_code(k[: -len(tail)]): v for k, v in entries.items() if k.endswith(tail)}


def _read_groups(path: Path) -> dict[int, tuple[str, str]]:
    """goals.csv -> {goal: (group, colour)}, checked for all 17 goals."""
    with path.open(encoding="utf-8-sig", newline="") as handle:  # -sig: a file saved by Excel
        rows = list(csv.DictReader(handle))
    result: dict[int, tuple[str, str]] = {}
    for row in rows:
        goal, group, colour = (row.get(k, "") or "" for k in ("goal", "group", "colour"))
        if not goal.strip().isdigit() or not group.strip() or not _COLOUR.fullmatch(colour.strip()):
            raise ValueError(f"{path}: bad row {row!r}; expected goal,group,colour like 1,social,#E5243B")
        result[int(goal)] = (group.strip().lower(), colour.strip().upper())
    if len(rows) != 17 or sorted(result) != list(range(1, 18)):
        raise ValueError(f"{path} must have exactly one row for each goal 1 to 17")
    return result


class Catalog:
    """Look-ups over the SDG framework. Build it with :func:`load_catalog`."""

    def __init__(self, goals: Iterable[Goal], targets: Iterable[Target], indicators: Iterable[Indicator]):
        self._goals = {g.number: g for g in sorted(goals, key=lambda g: g.number)}
        self._targets = {t.code: t for t in sorted(targets, key=lambda t: sort_key(t.code))}
        self._indicators = {i.code: i for i in sorted(indicators, key=lambda i: sort_key(i.code))}
        orphans = [t.code for t in self._targets.values() if t.goal not in self._goals]
        orphans += [i.code for i in self._indicators.values() if i.target not in self._targets]
        if orphans:
            raise ValueError(f"Codes without a parent goal or target: {', '.join(orphans)}")
        self._repeats = self._find_repeats()
        groups: dict[str, list[int]] = {}
        for goal in self._goals.values():
            groups.setdefault(goal.group, []).append(goal.number)
        self._groups = {name: tuple(numbers) for name, numbers in groups.items()}

    def _find_repeats(self) -> dict[str, tuple[str, ...]]:
        by_title: dict[str, list[str]] = {}
        for code, indicator in self._indicators.items():
            key = code if code in _NOT_REPEATS else _normalize_text(indicator.title_en)
            by_title.setdefault(key, []).append(code)
        return {code: tuple(codes) for codes in by_title.values() for code in codes}

    def goals(self) -> tuple[Goal, ...]:
        """All goals, 1 to 17."""
        return tuple(self._goals.values())

    def goal(self, number: GoalOrCode) -> Goal:
        """The goal with this number (``15`` or ``"15"``)."""
        code = normalize_code(number)
        if not code.isdigit() or int(code) not in self._goals:
            raise KeyError(f"Unknown SDG goal: {number!r}")
        return self._goals[int(code)]

    def targets(self, goal: GoalOrCode | None = None) -> tuple[Target, ...]:
        """All targets in natural order, or those of one goal."""
        if goal is None:
            return tuple(self._targets.values())
        number = self.goal(goal).number
        return tuple(t for t in self._targets.values() if t.goal == number)

    def target(self, code: GoalOrCode) -> Target:
        """The target with this code (``"15.1"``, ``"4-a"``)."""
        key = normalize_code(code)
        if key not in self._targets:
            raise KeyError(f"Unknown SDG target: {code!r}")
        return self._targets[key]

    def indicators(self, goal: GoalOrCode | None = None) -> tuple[Indicator, ...]:
        """All indicator keys in natural order (repeats included), or those of one goal."""
        if goal is None:
            return tuple(self._indicators.values())
        number = self.goal(goal).number
        return tuple(i for i in self._indicators.values() if i.goal == number)

    def indicator(self, code: GoalOrCode) -> Indicator:
        """The indicator with this code (``"15.1.1"``, ``"15-1-1"``, ``" 4.a.1 "``)."""
        key = normalize_code(code)
        if key not in self._indicators:
            raise KeyError(f"Unknown SDG indicator: {code!r}")
        return self._indicators[key]

    def _lookup(self, code: GoalOrCode) -> Goal | Target | Indicator:
        key = normalize_code(code)
        if key.isdigit():
            return self.goal(key)
        if key.count(".") == 1:
            return self.target(key)
        return self.indicator(key)

    def goal_of(self, code: GoalOrCode) -> int:
        """The goal number of a goal, target or indicator code."""
        item = self._lookup(code)
        return item.number if isinstance(item, Goal) else item.goal

    def target_of(self, code: GoalOrCode) -> str:
        """The target code of an indicator code (a target code gives itself)."""
        item = self._lookup(code)
        if isinstance(item, Goal):
            raise ValueError(f"{code!r} is a goal, not a target or indicator code")
        return item.target if isinstance(item, Indicator) else item.code

    def repeats(self, code: GoalOrCode) -> tuple[str, ...]:
        """All codes of the same indicator in natural order, e.g. 1.5.1 -> (1.5.1, 11.5.1, 13.1.1)."""
        return self._repeats[self.indicator(code).code]

    def canonical(self, code: GoalOrCode) -> str:
        """The lowest code of a repeated indicator (11.5.1 -> 1.5.1); other indicators give themselves."""
        return self.repeats(code)[0]

    def groups(self) -> dict[str, tuple[int, ...]]:
        """Goal groups for roll-ups, e.g. ``{"social": (1, 2, ...), ...}``."""
        return dict(self._groups)

    def group_of(self, goal_or_code: GoalOrCode) -> str:
        """The group of a goal number or of any goal, target or indicator code."""
        return self._goals[self.goal_of(goal_or_code)].group

    def title(self, code: GoalOrCode, lang: str = "en") -> str:
        """The title of a goal, target or indicator in ``"en"`` or ``"zh"`` (also ``"zh_CN"``).

        A missing Chinese title falls back to the English one.
        """
        language = _language(lang)
        item = self._lookup(code)
        return item.title_en if language == "en" else item.title_zh or item.title_en


def _build(data_dir: Path) -> Catalog:
    sdg = data_dir / "sdg"
    text = {
        (level, lang): _read_yaml(sdg / f"global_{level}.{suffix}.yml")
        for level in ("goals", "targets", "indicators")
        for lang, suffix in (("en", "en"), ("zh", "zh-Hans"))
    }
    overrides = sdg / "overrides.zh-Hans.yml"
    if overrides.exists():  # documented corrections of the upstream Chinese goal names
        text["goals", "zh"] = {**text["goals", "zh"], **_read_yaml(overrides)}
    groups = _read_groups(data_dir / "goals.csv")
    titles = {lang: _split_keys(text["goals", lang], "title") for lang in ("en", "zh")}
    shorts = {lang: _split_keys(text["goals", lang], "short") for lang in ("en", "zh")}
    goals = [
        Goal(int(n), titles["en"][n], titles["zh"].get(n, ""), shorts["en"][n], shorts["zh"].get(n, ""),
             *groups[int(n)])
        for n in titles["en"]
    ]
    target_zh = _split_keys(text["targets", "zh"], "title")
    targets = [
        Target(code, int(code.split(".")[0]), title, target_zh.get(code, ""))
        for code, title in _split_keys(text["targets", "en"], "title").items()
    ]
    indicator_zh = _split_keys(text["indicators", "zh"], "title")
    indicators = [
        Indicator(code, code.rsplit(".", 1)[0], int(code.split(".")[0]), title, indicator_zh.get(code, ""))
        for code, title in _split_keys(text["indicators", "en"], "title").items()
    ]
    return Catalog(goals, targets, indicators)


@functools.cache
def _cached(data_dir: Path) -> Catalog:
    return _build(data_dir)


def load_catalog(data_dir: Path | None = None) -> Catalog:
    """The catalog read from ``data_dir`` (default: the plugin's ``data`` folder), built once per folder."""
    return _cached(Path(data_dir or DATA_DIR).resolve())
