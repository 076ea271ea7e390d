"""The sample workbook (deterministic, complete, agreeing with the census) and reading workbooks against a
profile: values from cells by hand, faults named by sheet and cell."""
from __future__ import annotations

import pytest
from openpyxl import load_workbook
from sdg_monitor.core.profile import load_profile
from sdg_monitor.core.workbook import column_letter, compute_indicators, parse_sheet
from sdg_monitor.data.sample.samplegen.spec import COUNTY_CODE, TOWNSHIPS
from sdg_monitor.data.sample.workbook import YEARS, write_workbook

HEADER = ("item", "area_code", "area_name", "year", "value", "unit")


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    path = tmp_path_factory.mktemp("workbook") / "deqing.xlsx"
    return write_workbook(path)


@pytest.fixture(scope="module")
def cells(sample) -> dict[tuple[str, str, int], float]:
    """The data sheet read with openpyxl alone: {(item, area, year): value}."""
    book = load_workbook(sample, read_only=True)
    rows = list(book["data"].iter_rows(values_only=True))
    book.close()
    assert rows[0] == HEADER
    return {(item, code, year): value for item, code, _, year, value, _ in rows[1:]}


def test_two_runs_give_the_same_bytes(sample, tmp_path):
    again = write_workbook(tmp_path / "again.xlsx")
    assert again.read_bytes() == sample.read_bytes()
    other_seed = write_workbook(tmp_path / "other.xlsx", seed=7)
    assert other_seed.read_bytes() != sample.read_bytes()


def test_every_item_year_and_area_is_present(cells):
    items = load_profile().required_items()
    areas = [COUNTY_CODE] + [t.code for t in TOWNSHIPS]
    assert len(areas) == 14
    for item in items:
        for area in areas:
            for year in YEARS:
                value = cells[item, area, year]
                assert isinstance(value, (int, float)), (item, area, year)
    assert len(cells) == len(items) * len(areas) * len(YEARS)
    assert YEARS == tuple(range(2015, 2021))


def test_population_agrees_with_the_census(cells):
    for township in TOWNSHIPS:
        for year in (2015, 2020):
            assert cells["population", township.code, year] == sum(township.census(year))
    for year in YEARS:
        assert cells["population", COUNTY_CODE, year] == sum(cells["population", t.code, year] for t in TOWNSHIPS)


def test_published_deqing_figures(cells):
    c = COUNTY_CODE
    assert cells["urban_income", c, 2020] / cells["rural_income", c, 2020] == pytest.approx(1.71, abs=5e-4)
    assert cells["urban_income", c, 2015] / cells["rural_income", c, 2015] > 1.71
    assert cells["congress_women", c, 2020] / cells["congress_deputies", c, 2020] > 1 / 3
    assert cells["health_spend_mch", c, 2016] / cells["health_spend_gov", c, 2016] * 100 == pytest.approx(
        4.62, abs=5e-3)
    for item in ("live_births", "maternal_deaths", "gdp"):  # additive items: the county is the sum
        assert cells[item, c, 2018] == pytest.approx(sum(cells[item, t.code, 2018] for t in TOWNSHIPS))


def test_sample_workbook_gives_every_statistical_indicator(sample, cells):
    book = load_workbook(sample, read_only=True)
    data = parse_sheet(book["data"].iter_rows(values_only=True), "data")
    book.close()
    profile = load_profile()
    outcomes = compute_indicators(profile, data)
    assert data.problems == [] and [w for o in outcomes for w in o.warnings] == []
    assert sum(1 for o in outcomes if o.rows) == len(profile.statistical()) >= 100
    values = {(o.indicator.code, o.indicator.series, r["area_id"], r["year"]): r["value"]
              for o in outcomes for r in o.rows}
    c, t = COUNTY_CODE, TOWNSHIPS[2].code
    # by hand from the cells
    assert values["3.1.1", "", c, 2016] == pytest.approx(
        cells["maternal_deaths", c, 2016] / cells["live_births", c, 2016] * 100_000)
    assert values["L10.1", "", c, 2020] == pytest.approx(1.71, abs=5e-4)
    assert values["8.1.1", "", t, 2019] == pytest.approx(
        ((cells["gdp_constant", t, 2019] / cells["population", t, 2019])
         / (cells["gdp_constant", t, 2018] / cells["population", t, 2018]) - 1) * 100)
    assert ("8.1.1", "", t, 2015) not in values  # growth has no first year
    assert values["4.5.1", "", t, 2017] == pytest.approx(
        cells["enrol_upper_female", t, 2017] / cells["enrol_upper_male", t, 2017])
    assert values["L3.1", "", c, 2020] == cells["life_expectancy", c, 2020]


def _sheet(*rows):
    return [HEADER, *rows]


def test_faults_name_the_sheet_and_cell():
    profile = load_profile()
    rows = _sheet(("maternal_deaths", "A", "a", 2020, "n/a", ""), ("live_births", "A", "a", 2020, 1000, ""),
                  ("maternal_deaths", "B", "b", 2020, 1, ""), ("live_births", "B", "b", 2020, 0, ""),
                  ("maternal_deaths", "C", "c", 2020, "2", ""), ("live_births", "C", "c", 2020, "4,000", ""),
                  ("under5_deaths", "C", "c", 2020, 3, ""), ("live_births", "C", "c", 2020, 9, ""),
                  ("neonatal_deaths", "C", "c", 2020, None, ""), ("infant_deaths", "C", "c", "20x0", 1, ""))
    data = parse_sheet(rows, "data")
    assert data.problems == ["data!E9: live_births C 2020 repeats data!E7; the first is kept",
                             "data!D11: '20x0' is not a year; row skipped"]
    outcomes = {o.indicator.key: o for o in compute_indicators(profile, data)}
    mmr = outcomes["3.1.1", ""]
    assert "3.1.1: text 'n/a' in a number cell in data!E2 (item maternal_deaths); no value for A 2020" \
        in mmr.warnings
    assert "3.1.1: denominator live_births is 0 in data!E5 (B 2020); no value" in mmr.warnings
    # C: "2" and "4,000" typed as text still read as numbers: 2 / 4000 × 100,000
    assert [(r["area_id"], r["value"]) for r in mmr.rows] == [("C", pytest.approx(50.0))]
    assert outcomes["3.2.1", ""].rows[0]["value"] == pytest.approx(3 / 4000 * 1000)
    assert "3.2.2: empty cell data!E10 (item neonatal_deaths); no value for C 2020" in outcomes["3.2.2", ""].warnings
    assert outcomes["L3.2", ""].skipped  # its only row had no valid year: the item is absent
    gdp = outcomes["8.1.1", ""]
    assert gdp.skipped and gdp.warnings == ["8.1.1: skipped, item(s) gdp_constant, population not in sheet data"]


def test_header_and_column_letters():
    with pytest.raises(ValueError, match="missing area_code, value"):
        parse_sheet([("item", "year")], "data")
    assert parse_sheet([("Value", "YEAR", "Item", "Area_Code"), (5, 2020.0, "x", 330521.0)], "s").cells == {
        ("x", "330521", 2020): "s!A2"}
    assert [column_letter(i) for i in (0, 4, 25, 26, 27, 701, 702)] == ["A", "E", "Z", "AA", "AB", "ZZ", "AAA"]
