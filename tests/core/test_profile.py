"""The indicator profile: the shipped Deqing profile's content and validation errors naming row and column."""
from __future__ import annotations

import csv
from pathlib import Path

import pytest
from sdg_monitor.core.catalog import load_catalog
from sdg_monitor.core.profile import DEFAULT_PROFILE, ProfileError, load_profile

HEADER = ("code,series,name_en,name_zh,unit,formula,numerator,denominator,multiplier,direction,target,"
          "target_year,target_source,goal,group")
GOOD = "3.1.1,,Maternal mortality,孕产妇死亡率,per 100000,rate_per_n,maternal_deaths,live_births,100000," \
       "decrease,70,2030,SDG target 3.1,3,social"


def _raw_rows() -> list[dict[str, str]]:
    """The shipped profile read with the csv module alone (an independent view)."""
    with DEFAULT_PROFILE.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def _write(tmp_path: Path, *lines: str, bom: bool = False) -> Path:
    path = tmp_path / "profile.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8-sig" if bom else "utf-8")
    return path


def test_shipped_profile_covers_sixteen_goals_without_goal_14():
    profile = load_profile()
    rows = _raw_rows()
    assert len(profile) == len(rows) >= 100
    goals = {int(row["goal"]) for row in rows}
    assert goals == set(range(1, 18)) - {14}
    assert profile.goals() == tuple(sorted(goals))
    assert len(profile.statistical()) + len(profile.spatial()) == len(profile)


def test_every_global_code_is_in_the_catalog_and_groups_match():
    catalog = load_catalog()
    for row in _raw_rows():
        if not row["code"].startswith("L"):
            assert catalog.indicator(row["code"]).goal == int(row["goal"]), row["code"]
        assert catalog.group_of(int(row["goal"])) == row["group"], row["code"]


def test_targets_have_year_and_source():
    rows = _raw_rows()
    with_target = [row for row in rows if row["target"]]
    assert len(with_target) >= 20
    for row in with_target:
        assert row["target_source"].strip() and 2015 < int(row["target_year"]) <= 2030, row["code"]
    for row in rows:
        if not row["target"]:
            assert not row["target_source"] and not row["target_year"], row["code"]


def test_known_targets_and_formulas():
    by_key = {i.key: i for i in load_profile()}
    expected = {("3.1.1", ""): (70, "decrease", "rate_per_n", 100_000),
                ("3.2.1", ""): (25, "decrease", "rate_per_n", 1000),
                ("3.2.2", ""): (12, "decrease", "rate_per_n", 1000),
                ("6.1.1", ""): (100, "increase", "percentage", 100)}
    for key, (target, direction, formula, multiplier) in expected.items():
        indicator = by_key[key]
        assert (indicator.target, indicator.direction, indicator.formula, indicator.multiplier) == (
            target, direction, formula, multiplier)
    assert by_key["3.1.1", ""].items == ("maternal_deaths", "live_births")
    income = by_key["L10.1", ""]
    assert (income.formula, income.numerator, income.denominator, income.goal) == (
        "ratio", "urban_income", "rural_income", 10)
    forest = by_key["15.1.1", ""]
    assert forest.is_spatial and forest.algorithm == "sdg:forest_area_15_1_1" and forest.items == ()


def test_required_items_are_the_statistical_numerators_and_denominators():
    expected = {row[column] for row in _raw_rows() if not row["formula"].startswith("sdg:")
                for column in ("numerator", "denominator") if row[column]}
    items = load_profile().required_items()
    assert set(items) == expected and list(items) == sorted(items)
    assert {"population", "live_births", "gdp", "urban_income", "rural_income"} <= set(items)


def test_titles_come_from_the_catalog_for_global_codes():
    by_key = {i.key: i for i in load_profile()}
    assert by_key["3.1.1", ""].title("en") == "Maternal mortality ratio"
    assert by_key["3.1.1", ""].title("zh") == load_catalog().title("3.1.1", "zh")
    assert by_key["L10.1", ""].title("zh") == by_key["L10.1", ""].name_zh == "城乡居民收入比"


def test_bom_and_plain_utf8_both_read(tmp_path):
    for bom in (True, False):
        profile = load_profile(_write(tmp_path, HEADER, GOOD, bom=bom))
        assert [i.code for i in profile] == ["3.1.1"] and profile.indicators[0].name_zh == "孕产妇死亡率"
        assert profile.indicators[0].row == 2


@pytest.mark.parametrize("line, message", [
    (GOOD.replace("3.1.1,", "3.99.1,", 1), "row 2, column code: '3.99.1' is neither"),
    (GOOD.replace("L", "").replace("3.1.1,", "L18.1,", 1), "row 2, column code: local code 'L18.1' names goal 18"),
    (GOOD.replace("rate_per_n", "mean"), "row 2, column formula: 'mean' is not one of"),
    (GOOD.replace(",live_births,", ",,"), "row 2, column denominator: a rate_per_n indicator needs"),
    (GOOD.replace(",100000,", ",,"), "row 2, column multiplier: a rate per N needs N"),
    (GOOD.replace("rate_per_n", "percentage"), "row 2, column multiplier: a percentage always uses 100"),
    (GOOD.replace("SDG target 3.1", ""), "row 2, column target_source: a target needs its source"),
    (GOOD.replace(",70,2030,SDG target 3.1,", ",,2030,,"), "row 2, column target_year: is given without a target"),
    (GOOD.replace(",70,", ",seventy,"), "row 2, column target: 'seventy' is not a number"),
    (GOOD.replace("decrease", "down"), "row 2, column direction: 'down' is not increase, decrease or parity"),
    (GOOD.replace(",3,social", ",4,social"), "row 2, column goal: 4 differs from the goal of code 3.1.1"),
    (GOOD.replace("social", "cultural"), "row 2, column group: 'cultural' is not one of"),
    (GOOD.replace("maternal_deaths", "Maternal deaths"), "row 2, column numerator: item id"),
    (GOOD.replace("rate_per_n,maternal_deaths,live_births,100000", "sdg:forest_area_15_1_1,,,5"),
     "row 2, column multiplier: a spatial indicator takes no multiplier"),
    (GOOD.replace("孕产妇死亡率", ""), "row 2, column name_zh: is empty"),
])
def test_faults_name_row_and_column(tmp_path, line, message):
    with pytest.raises(ProfileError, match="profile.csv has 1 problem") as error:
        load_profile(_write(tmp_path, HEADER, line))
    assert message in str(error.value)


def test_duplicates_missing_columns_and_several_problems(tmp_path):
    with pytest.raises(ProfileError, match=r"row 3, columns code and series: 3.1.1 \(no series\) is already on row 2"):
        load_profile(_write(tmp_path, HEADER, GOOD, GOOD))
    with pytest.raises(ProfileError, match="lacks the column\\(s\\) denominator, group"):
        load_profile(_write(tmp_path, HEADER.replace(",denominator", "").replace(",group", ""), GOOD))
    bad = GOOD.replace("decrease", "down").replace(",3,social", ",x,social")
    with pytest.raises(ProfileError, match="has 4 problem") as error:
        load_profile(_write(tmp_path, HEADER, GOOD.replace("3.1.1,", "3.2.1,", 1), "", bad, bad.replace(
            "3.1.1,", "3.2.2,", 1)))
    assert "row 4, column direction" in str(error.value) and "row 5, column goal" in str(error.value)
    with pytest.raises(ProfileError, match="no indicator rows"):
        load_profile(_write(tmp_path, HEADER))
    with pytest.raises(ProfileError, match="Cannot read"):
        load_profile(tmp_path / "missing.csv")


def test_shipped_profile_has_79_sourced_targets_explicit_directions_and_limits():
    """Deqing assessed 79 indicators against reference standards: the shipped profile has targets for at least as
    many distinct indicator codes (several series of one code count once), each row citing its source; every row
    says its direction; parity indices are judged toward 1."""
    profile = load_profile()
    targeted = [i for i in profile if i.has_target]
    assert len({i.code for i in targeted}) >= 79
    assert all(i.target_source.strip() and i.target_year for i in targeted)
    assert all(i.direction in ("increase", "decrease", "parity") for i in profile)
    assert all(i.direction == "parity" for i in profile if i.formula == "parity_index")
    # Limits: percentages of coverage at 100 (increase), rates that should vanish at 0 (decrease).
    for indicator in profile:
        if indicator.limit is not None:
            assert (indicator.limit, indicator.direction) in ((100.0, "increase"), (0.0, "decrease")), indicator.code
    relative = {i.code: (i.target_change, i.base_year) for i in profile if i.target_change is not None}
    assert relative["3.4.1"] == (-30.0, None) and relative["7.3.1"] == (-13.5, 2020)


@pytest.mark.parametrize(("target", "problem"), [
    ("30%", "not a number, nor a change against the base year"),  # a change needs its sign
    ("-x%", "not a number"),
])
def test_relative_targets_need_a_sign(tmp_path, target, problem):
    path = tmp_path / "profile.csv"
    path.write_text("code,name_en,name_zh,unit,formula,numerator,denominator,multiplier,direction,target,target_year,"
                    f"target_source,goal,group\n3.4.1,NCD,慢病,rate,value,ncd,,,decrease,{target},2030,Plan,3,social\n",
                    encoding="utf-8")
    with pytest.raises(ProfileError, match=problem):
        load_profile(path)
