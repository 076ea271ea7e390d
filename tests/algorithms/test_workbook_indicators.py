"""sdg:indicators_from_workbook end to end on the sample workbook, values checked by hand from its cells."""
from __future__ import annotations

import pytest
from openpyxl import load_workbook
from qgis.core import QgsProcessingException, QgsProcessingFeedback
from sdg_monitor.core.profile import load_profile
from sdg_monitor.core.store import ResultsStore
from sdg_monitor.data.sample.samplegen.spec import COUNTY_CODE, TOWNSHIPS
from sdg_monitor.data.sample.workbook import write_workbook


class Messages(QgsProcessingFeedback):
    """Feedback that keeps the reported errors."""

    def __init__(self) -> None:
        super().__init__()
        self.errors: list[str] = []

    def reportError(self, error, fatalError=False):
        self.errors.append(error)


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    return write_workbook(tmp_path_factory.mktemp("workbook") / "deqing.xlsx")


def _cells(path) -> dict[tuple[str, str, int], float]:
    book = load_workbook(path, read_only=True)
    rows = list(book["data"].iter_rows(values_only=True))[1:]
    book.close()
    return {(item, code, year): value for item, code, _, year, value, _ in rows}


def _run(sdg_provider, parameters: dict, feedback=None) -> dict:
    import processing

    return processing.run("sdg:indicators_from_workbook", parameters, feedback=feedback)


def test_sample_workbook_into_the_store(sdg_provider, sample, tmp_path):
    store = tmp_path / "results.gpkg"
    feedback = Messages()
    result = _run(sdg_provider, {"INPUT": str(sample), "RESULTS": str(store), "OUTPUT": "memory:"}, feedback)
    statistical = load_profile().statistical()
    assert result["VALUE"] == len(statistical) >= 100 and result["SKIPPED"] == 0
    assert feedback.errors == []
    stored = ResultsStore(store).read_results()
    assert len(stored) == result["OUTPUT"].featureCount()
    assert set(stored["indicator"]) == {i.code for i in statistical}
    assert set(stored["area_id"]) == {COUNTY_CODE} | {t.code for t in TOWNSHIPS}
    assert set(stored.loc[stored["area_id"] == COUNTY_CODE, "area_level"]) == {"total"}
    assert set(stored.loc[stored["area_id"] != COUNTY_CODE, "area_level"]) == {"township"}
    assert set(stored["year"]) == set(range(2015, 2021))
    cells = _cells(sample)
    value = stored.set_index(["indicator", "series", "area_id", "year"])["value"]
    town = TOWNSHIPS[0].code
    # by hand from the cells
    assert value["3.2.1", "", town, 2017] == pytest.approx(
        cells["under5_deaths", town, 2017] / cells["live_births", town, 2017] * 1000)
    assert value["5.5.1", "congress", COUNTY_CODE, 2020] == pytest.approx(
        cells["congress_women", COUNTY_CODE, 2020] / cells["congress_deputies", COUNTY_CODE, 2020] * 100)
    assert value["5.5.1", "congress", COUNTY_CODE, 2020] > 100 / 3
    assert value["L10.1", "", COUNTY_CODE, 2020] == pytest.approx(1.71, abs=5e-4)
    assert value["L3.3", "", COUNTY_CODE, 2016] == pytest.approx(4.62, abs=5e-3)
    assert value["10.1.1", "", town, 2020] == pytest.approx(
        (cells["rural_income", town, 2020] / cells["rural_income", town, 2019] - 1) * 100)
    assert value["L8.1", "", COUNTY_CODE, 2018] == pytest.approx(
        cells["gdp", COUNTY_CODE, 2018] / cells["population", COUNTY_CODE, 2018] * 10_000)
    row = stored[(stored["indicator"] == "3.1.1") & (stored["area_id"] == COUNTY_CODE)].iloc[0]
    assert row["method"] == "sdg:indicators_from_workbook" and row["unit"] == "per 100,000 live births"
    assert row["area_name"] == "德清县" and "deqing.xlsx (data)" in row["source"]


def test_planted_faults_are_reported_and_the_rest_computed(sdg_provider, sample, tmp_path):
    book = load_workbook(sample)
    sheet = book["data"]
    planted = {}
    for row in sheet.iter_rows(min_row=2):
        item, code, year = row[0].value, row[1].value, row[3].value
        if (item, code, year) == ("maternal_deaths", COUNTY_CODE, 2018):
            row[4].value = "n/a"
            planted["text"] = row[4].coordinate
        elif (item, code, year) == ("households", TOWNSHIPS[1].code, 2019):
            row[4].value = 0
            planted["zero"] = row[4].coordinate
        elif item == "researchers":
            row[0].value = None
            row[1].value = None
            row[4].value = None
    path = tmp_path / "faulty.xlsx"
    book.save(path)
    store = tmp_path / "results.gpkg"
    feedback = Messages()
    result = _run(sdg_provider, {"INPUT": str(path), "RESULTS": str(store), "OUTPUT": "memory:"}, feedback)
    assert result["VALUE"] == len(load_profile().statistical()) - 1 and result["SKIPPED"] == 1
    assert "9.5.2: skipped, item(s) researchers not in sheet data" in feedback.errors
    assert f"3.1.1: text 'n/a' in a number cell in data!{planted['text']} (item maternal_deaths); no value " \
           f"for {COUNTY_CODE} 2018" in feedback.errors
    assert any(e.startswith(f"6.2.1: denominator households is 0 in data!{planted['zero']}") for e in feedback.errors)
    stored = ResultsStore(store).read_results()
    keys = set(zip(stored["indicator"], stored["area_id"], stored["year"]))
    assert ("3.1.1", COUNTY_CODE, 2018) not in keys and ("3.1.1", COUNTY_CODE, 2017) in keys
    assert ("6.2.1", TOWNSHIPS[1].code, 2019) not in keys and "9.5.2" not in set(stored["indicator"])


def test_unreadable_inputs(sdg_provider, sample, tmp_path):
    text = tmp_path / "not.xlsx"
    text.write_text("item,year\n")
    with pytest.raises(QgsProcessingException, match="Cannot read the workbook"):
        _run(sdg_provider, {"INPUT": str(text), "OUTPUT": "memory:"})
    with pytest.raises(QgsProcessingException, match="has no sheet figures; its sheets are data, items"):
        _run(sdg_provider, {"INPUT": str(sample), "SHEET": "figures", "OUTPUT": "memory:"})
    bad_profile = tmp_path / "profile.csv"
    bad_profile.write_text("code,name_en\n3.1.1,x\n", encoding="utf-8")
    with pytest.raises(QgsProcessingException, match="lacks the column"):
        _run(sdg_provider, {"INPUT": str(sample), "PROFILE": str(bad_profile), "OUTPUT": "memory:"})
