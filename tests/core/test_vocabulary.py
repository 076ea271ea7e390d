"""The one status vocabulary: six statuses with distinct colours, labels in both languages, score bands that
agree with Open SDG's status-from-score rule; goal_of for global, profile and local codes; goal groups."""
from __future__ import annotations

import re
from dataclasses import dataclass

import pytest
from sdg_monitor.core.catalog import load_catalog
from sdg_monitor.core.progress_data import STATUSES
from sdg_monitor.core.progress_open_sdg import status_from_score
from sdg_monitor.core.vocabulary import (
    GROUPS,
    STATUS,
    UnknownGoalError,
    goal_of,
    goal_or_none,
    group_label,
    score_status_colour,
    status,
    status_of_score,
)

HEX = re.compile(r"#[0-9A-F]{6}")


def test_six_statuses_in_rank_order_with_distinct_colours_and_labels():
    assert tuple(STATUS) == STATUSES
    colours = [entry.colour for entry in STATUS.values()]
    assert len(set(colours)) == 6 and all(HEX.fullmatch(c) for c in colours)
    assert all(entry.label_en and re.search(r"[\u4e00-\u9fff]", entry.label_zh) for entry in STATUS.values())
    assert STATUS["limited_progress"].colour != STATUS["deterioration"].colour
    assert STATUS["moderate_progress"].label("zh_CN") == "进展中等"
    assert STATUS["moderate_progress"].label("en") == "Moderate progress"
    assert status("nonsense").code == "not_available" and status("").code == "not_available"


def test_text_colour_is_readable_on_the_status_colour():
    """WCAG contrast of the text colour on the fill is at least 4.5 (normal text, level AA)."""
    def luminance(hex_colour: str) -> float:
        channels = [int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    for entry in STATUS.values():
        light, dark = sorted((luminance(entry.colour), luminance(entry.text_colour)), reverse=True)
        assert (light + 0.05) / (dark + 0.05) >= 4.5, entry.code


@pytest.mark.parametrize("score", [5, 4.99, 2.5, 2.4999, 0, -0.001, -2.5, -2.51, -5])
def test_score_bands_agree_with_open_sdg(score):
    assert status_of_score(score) == status_from_score(score)
    assert score_status_colour(score) == STATUS[status_from_score(score)].colour


def test_no_score_is_grey():
    assert status_of_score(None) == status_of_score(float("nan")) == "not_available"
    assert score_status_colour(None) == STATUS["not_available"].colour


@dataclass
class Row:
    code: str
    goal: int


def test_goal_of_global_profile_and_local_codes():
    assert goal_of("4.a.1") == 4 and goal_of("17.6.2") == 17
    assert goal_of("L10.1") == 10
    # The profile's goal column wins for a local code whose number is not its goal.
    assert goal_of("X7", [Row("X7", 12)]) == 12
    with pytest.raises(UnknownGoalError, match="'X' names no SDG goal"):
        goal_of("X")
    with pytest.raises(UnknownGoalError):
        goal_of("L18.1")
    assert goal_or_none("X") is None


def test_groups_cover_the_catalog_and_have_both_names():
    assert set(load_catalog().groups()) < set(GROUPS)
    assert group_label("environmental", "zh") == "环境" and group_label("social") == "Social"
    assert group_label("other", "zh_CN") == "其他（地方代码）"
    assert group_label("unknown") == "unknown"


def test_every_unit_of_the_profile_and_the_algorithms_has_a_chinese_label():
    from sdg_monitor.core.profile import load_profile
    from sdg_monitor.core.vocabulary import UNITS, unit_label

    units = {indicator.unit for indicator in load_profile()} | {"µg/m³"}
    assert units <= set(UNITS)
    assert all(re.search(r"[\u4e00-\u9fff%]", UNITS[unit]) for unit in units)
    assert unit_label("per 100,000 live births", "zh_CN") == "每十万活产"
    assert unit_label("percent", "en") == "percent" and unit_label("percent", "both") == "percent / %"
    assert unit_label("furlongs", "zh") == "furlongs"
