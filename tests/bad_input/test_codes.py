"""Issue 17, line 4: indicator codes are checked before anything is written (sdg:table_indicator,
sdg:facility_access), and a store that already holds an unknown code (an older version, a hand edit) still
assesses and reports everything else, listing the unknown codes in a warning."""
from __future__ import annotations

import pytest
from bad_input_data import Scene, digests, parameters, refused
from openpyxl import load_workbook
from population_data import RecordingFeedback
from sdg_monitor.core.store import ResultsStore

ROWS = [{"indicator": "15.1.1", "area_id": "total", "area_name": "county", "area_level": "total", "year": year,
         "value": value, "unit": "%"} for year, value in ((2015, 40.0), (2020, 45.0))]


@pytest.fixture()
def table(tmp_path):
    path = tmp_path / "births.csv"
    path.write_text("area,year,deaths,births\nA,2020,3,1000\nB,2020,1,500\n", encoding="utf-8")
    return str(path)


@pytest.fixture()
def store(tmp_path):
    path = tmp_path / "results.gpkg"
    ResultsStore(path).upsert_results(ROWS)
    return str(path)


def _table_run(table: str, store: str, code: str) -> dict:
    return {"INPUT": table, "INDICATOR": code, "NUMERATOR": "deaths", "DENOMINATOR": "births", "MULTIPLIER": 1000,
            "AREA_ID_FIELD": "area", "YEAR_FIELD": "year", "RESULTS": store, "OUTPUT": "memory:"}


@pytest.mark.parametrize("code", ["bogus code!", "3.2", "3.2.99", "L18.1", "facility_access"])
def test_table_indicator_refuses_an_unknown_code(sdg_provider, table, store, code):
    before = digests(table, store)
    message = refused("sdg:table_indicator", _table_run(table, store, code))
    assert f"'{code}'" in message and "nothing was written" in message and "L3.1" in message
    assert digests(table, store) == before


@pytest.mark.parametrize("code, stored", [("3.2.1", "3.2.1"), ("3-2-1", "3.2.1"), ("L3.1", "L3.1")])
def test_framework_and_local_codes_are_accepted(sdg_provider, table, store, code, stored):
    import processing

    processing.run("sdg:table_indicator", _table_run(table, store, code))
    rows = ResultsStore(store).read_results(indicator=stored)
    assert sorted(rows["area_id"]) == ["A", "B", "total"]


def test_facility_access_refuses_an_unknown_code(sdg_provider, tmp_path, store):
    scene = Scene(tmp_path / "scene")
    params = parameters("facility_access", scene, RESULTS=store, INDICATOR_CODE="bogus code!")
    before = digests(store, scene.population, scene.vectors)
    message = refused("sdg:facility_access", params)
    assert "'bogus code!'" in message and "nothing was written" in message
    assert digests(store, scene.population, scene.vectors) == before


def test_facility_access_default_code_is_a_framework_code(sdg_provider, tmp_path, store):
    import processing

    scene = Scene(tmp_path / "scene")
    processing.run("sdg:facility_access", parameters("facility_access", scene, RESULTS=store))
    assert not ResultsStore(store).read_results(indicator="3.8.1").empty


def test_a_store_holding_an_unknown_code_is_still_assessed_and_reported(sdg_provider, store, tmp_path):
    """A row 'bogus code!' written by hand: assess_progress, export_report and export_report_pdf go on with the
    rest and warn once each, naming the code."""
    import processing

    ResultsStore(store).upsert_results([dict(ROWS[1], indicator="bogus code!")])
    feedback = RecordingFeedback()
    assessed = processing.run("sdg:assess_progress", {"RESULTS": store, "OUTPUT": "memory:"}, feedback=feedback)
    assert assessed["MEASURED"] == 1
    assert [f["indicator"] for f in assessed["OUTPUT"].getFeatures()] == ["15.1.1"]
    xlsx = tmp_path / "report.xlsx"
    processing.run("sdg:export_report", {"RESULTS": store, "OUTPUT": str(xlsx)}, feedback=feedback)
    processing.run("sdg:export_report_pdf", {"RESULTS": store, "OUTPUT": str(tmp_path / "report.pdf")},
                   feedback=feedback)
    warned = [w for w in feedback.warnings if "'bogus code!'" in w and "unknown indicator code" in w]
    assert len(warned) == 3
    texts = [str(c.value) for sheet in load_workbook(xlsx) for row in sheet.iter_rows() for c in row if c.value]
    assert "15.1.1" in texts and not any("bogus" in text for text in texts)
