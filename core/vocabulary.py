"""The one vocabulary of progress every output uses: statuses (code, English and Chinese label, colour, score
band), the goal of a code, and the goal groups.

The dock, the Excel and PDF reports and the portal read their colours and labels here, so a status looks and
reads the same everywhere. Qt-free: the English and Chinese labels are both here (the user interface picks one
by QGIS's language).

Colours: six distinct ones, dark to light green for achieved and substantial progress, then yellow, orange, red
and grey, in the order of the score bands (the traffic-light order Open SDG and the SDSN dashboards use).
Score bands: Open SDG's, as in ``sdg/ProgressMeasure.py`` (open-sdg/sdg-build): [2.5, 5] substantial progress,
[0, 2.5) moderate, [-2.5, 0) limited, [-5, -2.5) deterioration; an achieved target scores 5.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Iterable, Protocol

from .catalog import load_catalog
from .progress_data import (
    DETERIORATION,
    LIMITED,
    MODERATE,
    NOT_AVAILABLE,
    STATUSES,
    SUBSTANTIAL,
    TARGET_ACHIEVED,
)

__all__ = ["Status", "STATUS", "STATUSES", "GROUPS", "OTHER_GROUP", "UNITS", "status", "status_of_score",
           "score_status_colour", "group_label", "unit_label", "goal_of", "goal_or_none", "UnknownGoalError"]

SCORE_MIN, SCORE_MAX = -5.0, 5.0
NO_SCORE_COLOUR = "#BDBDBD"


@dataclass(frozen=True)
class Status:
    """A progress status: ``band`` is its score range [low, high) on -5..5 (None: not scored)."""

    code: str
    label_en: str
    label_zh: str
    colour: str
    text_colour: str
    band: tuple[float, float] | None

    def label(self, lang: str = "en") -> str:
        """The label in ``"en"`` or ``"zh"`` (any ``zh_*`` locale)."""
        return self.label_zh if str(lang).lower().startswith("zh") else self.label_en

    @property
    def rgb(self) -> str:
        """The colour without ``#`` (as openpyxl wants it)."""
        return self.colour.lstrip("#")


_STATUS_LIST = (
    Status(TARGET_ACHIEVED, "Target achieved", "已实现目标值", "#1B7837", "#FFFFFF", (5.0, 5.0)),
    Status(SUBSTANTIAL, "Substantial progress", "进展显著", "#7FBF3F", "#1A1A1A", (2.5, 5.0)),
    Status(MODERATE, "Moderate progress", "进展中等", "#F2C500", "#1A1A1A", (0.0, 2.5)),
    Status(LIMITED, "Limited progress", "进展有限", "#F08A24", "#1A1A1A", (-2.5, 0.0)),
    Status(DETERIORATION, "Deterioration", "恶化", "#D7191C", "#FFFFFF", (-5.0, -2.5)),
    Status(NOT_AVAILABLE, "Not available", "数据不足", NO_SCORE_COLOUR, "#1A1A1A", None),
)
#: Status by code, best first (``not_available`` last).
STATUS: dict[str, Status] = {s.code: s for s in _STATUS_LIST}

OTHER_GROUP = "other"
#: Goal groups of the roll-ups (``data/goals.csv``) with their English and Chinese names; ``other`` holds local
#: codes that name no goal.
GROUPS: dict[str, tuple[str, str]] = {
    "economic": ("Economic", "经济"), "social": ("Social", "社会"), "environmental": ("Environmental", "环境"),
    OTHER_GROUP: ("Other (local codes)", "其他（地方代码）"),
}
#: Units of the shipped profile and the spatial algorithms in Chinese (the unit as stored stays English).
UNITS: dict[str, str] = {
    "percent": "%", "%": "%", "ratio": "比值", "index": "指数", "years": "年", "yuan": "元", "companies": "家",
    "yuan per year": "元/年", "yuan per cubic metre": "元/立方米", "10,000 US dollars": "万美元",
    "10,000 passengers": "万人次", "10,000 tonnes": "万吨", "10,000 tonnes CO2 equivalent": "万吨二氧化碳当量",
    "10,000 yuan per worker": "万元/人", "boys per 100 girls": "男婴数/百名女婴", "pupils per teacher": "学生数/教师",
    "cubic metres per hectare": "立方米/公顷", "kg per hectare": "千克/公顷", "square metres per person": "平方米/人",
    "micrograms per cubic metre": "微克/立方米", "µg/m³": "微克/立方米", "tonnes per person": "吨/人",
    "tonnes of standard coal per 10,000 yuan": "吨标准煤/万元", "tonnes per 10,000 yuan": "吨/万元",
    "watts per person": "瓦/人", "per 100 population": "每百人", "per 1,000 population": "每千人",
    "per 10,000 population": "每万人", "per 100,000 population": "每十万人", "per million population": "每百万人",
    "per 1,000 live births": "每千活产", "per 100,000 live births": "每十万活产",
    "per 1,000 women aged 15-19": "每千名15-19岁女性", "per 100,000 adults": "每十万成年人",
    "per 100,000 population aged 30-70": "每十万30-70岁人口", "per 100,000 workers": "每十万就业人员",
}
_LEADING_GOAL = re.compile(r"^\s*[A-Za-z]*\s*(\d+)")


def status(code: str) -> Status:
    """The status of a code; an unknown or empty code is ``not_available``."""
    return STATUS.get(str(code or ""), STATUS[NOT_AVAILABLE])


def status_of_score(score: float | None) -> str:
    """The status whose score band holds ``score`` (``not_available`` without a score)."""
    if score is None or (isinstance(score, float) and math.isnan(score)):
        return NOT_AVAILABLE
    for entry in _STATUS_LIST[1:5]:
        if entry.band is not None and score >= entry.band[0]:
            return entry.code
    return DETERIORATION


def score_status_colour(score: float | None) -> str:
    """The colour of a (mean) score: the colour of the status whose band holds it."""
    return STATUS[status_of_score(score)].colour


def group_label(group: str, lang: str = "en") -> str:
    """A goal group's name in ``"en"`` or ``"zh"``; an unknown group as written."""
    names = GROUPS.get(group)
    if names is None:
        return group
    return names[1] if str(lang).lower().startswith("zh") else names[0]


def unit_label(unit: str, lang: str = "en") -> str:
    """A stored unit in ``"en"`` (as stored), ``"zh"`` (Chinese when known, else as stored) or ``"both"``
    ("percent / %")."""
    text = str(unit or "")
    chinese = UNITS.get(text, text)
    if lang == "both":
        return text if chinese == text else f"{text} / {chinese}"
    return chinese if str(lang).lower().startswith("zh") else text


class _Coded(Protocol):
    code: str
    goal: int


class UnknownGoalError(ValueError):
    """A code that names no SDG goal."""


def goal_of(code: str, profile: Iterable[_Coded] | None = None) -> int:
    """The goal of an indicator code: a global code's from the SDG framework, a local code's from the profile's
    ``goal`` column, another local code's from its leading number (``L10.1`` -> 10).

    Raises :class:`UnknownGoalError` when none of these gives a goal 1 to 17."""
    try:
        return load_catalog().goal_of(code)
    except (KeyError, ValueError, TypeError):
        pass
    for indicator in profile or ():
        if indicator.code == code:
            return int(indicator.goal)
    match = _LEADING_GOAL.match(str(code))
    if match and 1 <= int(match.group(1)) <= 17:
        return int(match.group(1))
    raise UnknownGoalError(f"Indicator code '{code}' names no SDG goal: use a global code (e.g. 3.2.1) or a "
                           "local code that starts with its goal number (e.g. L10.1).")


def goal_or_none(code: str, profile: Iterable[_Coded] | None = None) -> int | None:
    """:func:`goal_of`, or None for a code that names no goal."""
    try:
        return goal_of(code, profile)
    except UnknownGoalError:
        return None
