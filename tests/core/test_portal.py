"""The portal's pure parts: Open SDG ids and columns, breakdowns, the required trajectory, text on goal colours."""
from __future__ import annotations

import pandas as pd
import pytest
from sdg_monitor.core.catalog import load_catalog
from sdg_monitor.core.portal_data import breakdown, dashed, open_sdg_table, trajectory
from sdg_monitor.core.portal_site import page_file, text_colour


def test_open_sdg_ids_and_breakdown_columns():
    assert [dashed(code) for code in ("15.1.1", "4.a.1", "L10.1", " 11.2.1 ")] == ["15-1-1", "4-a-1", "L10-1",
                                                                                    "11-2-1"]
    assert breakdown("sex=female;location=rural") == {"Sex": "female", "Location": "rural"}
    assert breakdown("") == {} and breakdown(None) == {}


def test_open_sdg_table_whole_area_first_series_only_when_needed():
    rows = pd.DataFrame({
        "indicator": "9.9.9", "series": ["", "", "", ""], "area_id": ["T2", "C", "T1", "C"],
        "year": [2020, 2020, 2020, 2020], "disaggregation": ["", "", "", "sex=female"], "value": [3.0, 1.0, 2.0, 4.0],
        "unit": "percent"})
    table = open_sdg_table(rows, "C")
    assert list(table.columns) == ["Year", "Sex", "GeoCode", "Value"]
    assert table.values.tolist() == [[2020, "", "", 1.0], [2020, "", "T1", 2.0], [2020, "", "T2", 3.0],
                                     [2020, "female", "", 4.0]]


@pytest.mark.parametrize(("base", "target", "direction", "expected"), [
    (20.0, 50.0, "increase", [[2015, 20.0], [2030, 50.0]]),
    (60.0, 50.0, "increase", []),  # already met at the base year: nothing is required
    (60.0, 50.0, "decrease", [[2015, 60.0], [2030, 50.0]]),
    (None, 50.0, "increase", []),
])
def test_trajectory(base, target, direction, expected):
    assert trajectory(2015, base, target, 2030, direction) == expected


def contrast(a: str, b: str) -> float:
    """WCAG 2 contrast ratio of two #RRGGBB colours."""
    def luminance(colour: str) -> float:
        def linear(c: float) -> float:
            return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
        r, g, b_ = (linear(int(colour[i:i + 2], 16) / 255) for i in (1, 3, 5))
        return 0.2126 * r + 0.7152 * g + 0.0722 * b_

    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_goal_tiles_text_is_readable_on_every_goal_colour():
    for goal in load_catalog().goals():
        assert contrast(goal.colour, text_colour(goal.colour)) >= 4.5, goal.number
    assert text_colour("#FCC30B") == "#000000" and text_colour("#19486A") == "#ffffff"


def test_page_files_keep_the_main_language_plain():
    assert page_file("goal-15", "en", ("en", "zh")) == "goal-15.html"
    assert page_file("goal-15", "zh", ("en", "zh")) == "goal-15.zh.html"
    assert page_file("index", "zh", ("zh",)) == "index.html"
