"""The SDG framework catalog against counts, titles and repeats read by hand from the source files."""
from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest
from sdg_monitor.core.catalog import DATA_DIR, Goal, Indicator, Target, load_catalog, sort_key

# The repeated indicators named in the UN global indicator framework (2020 list), lowest code first.
UN_REPEATS = {
    ("1.5.1", "11.5.1", "13.1.1"),
    ("1.5.2", "11.5.2"),
    ("1.5.3", "11.b.1", "13.1.2"),
    ("1.5.4", "11.b.2", "13.1.3"),
    ("4.7.1", "12.8.1", "13.3.1"),
    ("7.b.1", "12.a.1"),
    ("8.4.1", "12.2.1"),
    ("8.4.2", "12.2.2"),
    ("10.3.1", "16.b.1"),
    ("10.6.1", "16.8.1"),
    ("15.7.1", "15.c.1"),
    ("15.a.1", "15.b.1"),
}

# The official UN SDG icon colours.
UN_COLOURS = {
    1: "#E5243B", 2: "#DDA63A", 3: "#4C9F38", 4: "#C5192D", 5: "#FF3A21", 6: "#26BDE2", 7: "#FCC30B",
    8: "#A21942", 9: "#FD6925", 10: "#DD1367", 11: "#FD9D24", 12: "#BF8B2E", 13: "#3F7E44", 14: "#0A97D9",
    15: "#56C02B", 16: "#00689D", 17: "#19486A",
}


@pytest.fixture(scope="module")
def cat():
    return load_catalog()


def _copy_data(tmp_path: Path) -> Path:
    shutil.copytree(DATA_DIR / "sdg", tmp_path / "sdg", copy_function=shutil.copyfile)
    shutil.copyfile(DATA_DIR / "goals.csv", tmp_path / "goals.csv")
    return tmp_path


def test_counts(cat):
    assert len(cat.goals()) == 17
    assert [g.number for g in cat.goals()] == list(range(1, 18))
    assert len(cat.targets()) == 169
    assert len(cat.indicators()) == 252
    assert len(cat.targets(15)) == 12  # 15.1-15.9, 15.a-15.c
    assert len(cat.indicators(15)) == 14


def test_unique_indicators(cat):
    # 4 indicators under three targets and 8 under two: 252 - (4 * 2 + 8) = 236 distinct keys' indicators.
    # (The README's 231 is the UN count of the 247-entry 2020 list; see data/sdg/NOTES.txt.)
    assert len({cat.canonical(i.code) for i in cat.indicators()}) == 252 - 16 == 236


def test_repeat_groups_match_un_list(cat):
    found = {cat.repeats(i.code) for i in cat.indicators() if len(cat.repeats(i.code)) > 1}
    assert found == UN_REPEATS


def test_repeats_and_canonical(cat):
    for code in ("1.5.1", "11.5.1", "13-1-1"):
        assert cat.canonical(code) == "1.5.1"
        assert cat.repeats(code) == ("1.5.1", "11.5.1", "13.1.1")
    assert cat.canonical("12.a.1") == "7.b.1"
    assert cat.canonical("16.b.1") == "10.3.1"
    # 17-6-2 carries the text of 17-6-1 by mistake: kept as its own indicator.
    assert cat.indicator("17.6.2").title_en == cat.indicator("17.6.1").title_en
    assert cat.canonical("17.6.2") == "17.6.2"
    assert cat.repeats("17.6.2") == ("17.6.2",)
    assert cat.repeats("17.6.1") == ("17.6.1",)
    assert cat.repeats("15.1.1") == ("15.1.1",)


def test_chinese_titles(cat):
    goal = cat.goal(15)
    assert goal.short_zh == "陆地生物"
    assert goal.short_en == "Life on land"
    assert cat.title(1, "zh") == "在全世界消除一切形式的贫穷"
    assert cat.title("4.a", "zh") == (
        "建立和改善兼顾儿童、残疾和性别平等的教育设施,为所有人提供安全、无暴力、包容和有效的学习环境"
    )
    assert cat.title("15.1.1", "zh") == "森林面积占陆地总面积的比例"
    assert cat.title("11-2-1", "zh_CN") == "可便利使用公共交通的人口比例,按年龄、性别和残疾人分列"
    assert cat.title("1.5.1", "zh-Hans") == "每10万人当中因灾害死亡、失踪和直接受影响的人数"
    assert cat.title("15.4.2", "zh") == "山区绿化覆盖指数"


def test_english_titles(cat):
    assert cat.title("15.1.1") == "Forest area as a proportion of total land area"
    assert cat.title("15") == (
        "Protect, restore and promote sustainable use of terrestrial ecosystems, sustainably manage forests, "
        "combat desertification, and halt and reverse land degradation and halt biodiversity loss"
    )
    assert cat.title("15.4.2", "en") == "Mountain Green Cover Index and proportion of degraded mountain land"
    with pytest.raises(ValueError, match="language"):
        cat.title("15.1.1", "fr")


def test_titles_agree_with_the_csv_table(cat):
    def norm(text: str) -> str:
        return " ".join(text.split())

    with (DATA_DIR / "sdg" / "sdg_global_framework_en_zh.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["level"] for r in rows].count("indicator") == 252
    for row in rows:
        assert norm(cat.title(row["code"], "en")) == norm(row["title_en"]), row["code"]
        assert norm(cat.title(row["code"], "zh")) == norm(row["title_zh_Hans"]), row["code"]
        if row["level"] == "goal":
            assert cat.goal(row["code"]).short_en == row["short_en"]


def test_records(cat):
    assert cat.indicator(" 4.a.1 ") == Indicator(
        "4.a.1", "4.a", 4, cat.title("4.a.1"), "提供基本服务的学校所占比例,按服务类型划分"
    )
    assert cat.target("15-1") == Target("15.1", 15, cat.title("15.1"), cat.title("15.1", "zh"))
    assert isinstance(cat.goal("17"), Goal)
    assert cat.goal(17).colour == "#19486A"


def test_code_forms(cat):
    assert cat.indicator("15.1.1") is cat.indicator("15-1-1") is cat.indicator(" 15.1.1 ")
    assert cat.indicator("15_1_1").code == "15.1.1"
    assert cat.indicator("4.A.1").code == "4.a.1"
    assert cat.indicator("17.6.2").code == "17.6.2"


def test_goal_and_target_of(cat):
    assert cat.goal_of("4.a.1") == 4
    assert cat.target_of("4.a.1") == "4.a"
    assert cat.goal_of("4.a") == 4
    assert cat.target_of("4-a") == "4.a"
    assert cat.goal_of("17.6.2") == 17
    assert cat.target_of("16.10.2") == "16.10"
    assert cat.goal_of("16.10.2") == 16
    assert cat.goal_of("11") == 11
    assert cat.goal_of(11) == 11
    with pytest.raises(ValueError, match="goal"):
        cat.target_of("11")


def test_groups(cat):
    assert cat.groups() == {
        "social": (1, 2, 3, 4, 5, 7, 11, 16),
        "environmental": (6, 13, 14, 15),
        "economic": (8, 9, 10, 12, 17),
    }
    assert cat.group_of(15) == "environmental"
    assert cat.group_of("15.1.1") == "environmental"
    assert cat.group_of("11.2") == "social"
    assert cat.group_of("17.6.2") == "economic"
    assert {g.number: g.colour for g in cat.goals()} == UN_COLOURS


def test_natural_order(cat):
    assert [t.code for t in cat.targets(4)] == [f"4.{n}" for n in "1234567abc"]
    assert [t.code for t in cat.targets(16)][8:12] == ["16.9", "16.10", "16.a", "16.b"]
    codes = [i.code for i in cat.indicators()]
    assert codes[:3] == ["1.1.1", "1.2.1", "1.2.2"]
    assert codes[-1] == "17.19.2"
    assert codes.index("1.b.1") < codes.index("2.1.1") < codes.index("10.1.1")
    shuffled = ["1.10", "4.a", "1.2", "4.10", "10.1"]
    assert sorted(shuffled, key=sort_key) == ["1.2", "1.10", "4.10", "4.a", "10.1"]


@pytest.mark.parametrize(
    ("call", "code"),
    [
        ("indicator", "99.1.1"),
        ("indicator", "15.1.9"),
        ("indicator", "15.1"),
        ("indicator", "forest"),
        ("target", "15.z"),
        ("goal", 18),
        ("goal", "0"),
        ("goal_of", "15.99.1"),
        ("title", "18"),
    ],
)
def test_unknown_codes(cat, call, code):
    with pytest.raises(KeyError, match=str(code).replace(".", r"\.")):
        getattr(cat, call)(code)


def test_cached():
    assert load_catalog() is load_catalog(DATA_DIR)


def test_user_grouping(tmp_path):
    data = _copy_data(tmp_path)
    text = (data / "goals.csv").read_text(encoding="utf-8").replace("17,economic,", "17,partnership,")
    (data / "goals.csv").write_text(text, encoding="utf-8-sig")  # as saved by Excel
    cat = load_catalog(data)
    assert cat.group_of("17.1.1") == "partnership"
    assert cat.groups()["partnership"] == (17,)
    assert cat.groups()["economic"] == (8, 9, 10, 12)


@pytest.mark.parametrize("edit", ["drop goal 5", "repeat goal 5", "bad colour"])
def test_bad_goals_csv(tmp_path, edit):
    data = _copy_data(tmp_path)
    lines = (data / "goals.csv").read_text(encoding="utf-8").splitlines()
    if edit == "drop goal 5":
        lines = [line for line in lines if not line.startswith("5,")]
    elif edit == "repeat goal 5":
        lines.append("5,economic,#FF3A21")
    else:
        lines[1] = "1,social,red"
    (data / "goals.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match="goals.csv"):
        load_catalog(data)


def test_missing_chinese_title_falls_back_to_english(tmp_path):
    data = _copy_data(tmp_path)
    path = data / "sdg" / "global_indicators.zh-Hans.yml"
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join(line for line in lines if not line.startswith("15-1-1-title")) + "\n",
                    encoding="utf-8")
    cat = load_catalog(data)
    assert cat.indicator("15.1.1").title_zh == ""
    assert cat.title("15.1.1", "zh") == "Forest area as a proportion of total land area"


def test_official_chinese_names_of_goals_9_and_17_override_the_upstream_file():
    """The upstream file says 创业 (entrepreneurship) for 产业 and 现实 for 实现; data/sdg/overrides.zh-Hans.yml
    restores the UN's official names and leaves the upstream copy unchanged."""
    cat = load_catalog()
    assert cat.goal(9).short_zh == "产业、创新和基础设施"
    assert cat.goal(17).short_zh == "促进目标实现的伙伴关系"
    upstream = (DATA_DIR / "sdg" / "global_goals.zh-Hans.yml").read_text(encoding="utf-8")
    assert "9-short: 创业、创新和基础设施" in upstream
