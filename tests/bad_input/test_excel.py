"""Issue 17, line 5: no workbook or CSV the plugin writes can be turned against its reader. No cell is ever a
formula (titles and headers included; text starting with = + - @, also after spaces, tabs or line breaks, is
text), C0 control characters are removed instead of failing the export, sheet names are unique, at most 31
characters and free of []:*?/\\, and the run summary CSV of sdg:run_indicator_set is neutralised like the report
CSV."""
from __future__ import annotations

import csv
import json
import re

import pytest
from bad_input_data import digests
from openpyxl import load_workbook
from qgis.core import QgsFeature, QgsVectorLayer
from sdg_monitor.core.store import ResultsStore
from sdg_testdata import write_forest_set

#: Area ids and names as a county might paste them: formulas (bare, after blanks and line breaks), a vertical tab
#: from a Word line break, and ids that make long sheet names with forbidden characters and clash once cut.
AREAS = [
    ("=1+1", "  =HYPERLINK(\"http://example.invalid\",\"x\")"),
    ("\t+cmd", "\r\n@SUM(A1)"),
    ("-2", "Line\x0bbreak"),
    ("a/b:c*?[x]\\y", "forbidden"),
    ("village-with-a-long-name-0001", "first"),
    ("village-with-a-long-name-0002", "second"),
]
FORMULA = re.compile(r"^[\s]*[=+\-@]")


def _check_workbook(path) -> list[str]:
    """Assert that no cell is a formula and every sheet name is valid and unique; return the texts."""
    book = load_workbook(path)
    names = book.sheetnames
    assert len({name.lower() for name in names}) == len(names)
    for name in names:
        assert 0 < len(name) <= 31 and not re.search(r"[\[\]:*?/\\]", name), name
    texts = []
    for sheet in book:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate, cell.value)
                if isinstance(cell.value, str):
                    assert not re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f]", cell.value)
                    texts.append(cell.value)
    return texts


@pytest.fixture()
def store(sdg_provider, tmp_path):
    import processing

    path = tmp_path / "results.gpkg"
    rows = [{"indicator": "15.1.1", "area_id": area, "area_name": name, "area_level": "zone", "year": year,
             "value": value, "unit": "=percent"}
            for area, name in AREAS for year, value in ((2015, 40.0), (2020, 45.0))]
    ResultsStore(path).upsert_results(rows)
    ResultsStore(path).upsert_targets([{"indicator": "15.1.1", "target": 50, "target_year": 2030,
                                        "direction": "increase"}])
    processing.run("sdg:assess_progress", {"RESULTS": str(path), "OUTPUT": "memory:"})
    return path


@pytest.mark.parametrize("language", [0, 1, 2, 3])
def test_report_workbook_and_csv(store, tmp_path, language):
    import processing

    xlsx, latest = tmp_path / "report.xlsx", tmp_path / "latest.csv"
    before = digests(store)
    processing.run("sdg:export_report", {"RESULTS": str(store), "LANGUAGE": language, "OUTPUT": str(xlsx),
                                         "OUTPUT_CSV": str(latest)})
    assert digests(store) == before
    texts = _check_workbook(xlsx)
    assert "  =HYPERLINK(\"http://example.invalid\",\"x\")" in texts and "Linebreak" in texts
    assert any(text.startswith("=1+1") for text in texts)  # the area sheet's title, as text
    with open(latest, encoding="utf-8-sig", newline="") as handle:
        cells = [cell for row in csv.reader(handle) for cell in row]
    assert not [cell for cell in cells if FORMULA.match(cell)]
    assert "'  =HYPERLINK(\"http://example.invalid\",\"x\")" in cells and "'\t+cmd" in cells


def test_workbook_template(sdg_provider, tmp_path):
    import processing

    layer = QgsVectorLayer("None?field=code:string&field=name:string", "towns", "memory")
    for code, name in AREAS[:3] + [("v4", None)]:
        feature = QgsFeature(layer.fields())
        feature.setAttributes([code, name])
        layer.dataProvider().addFeature(feature)
    path = tmp_path / "template.xlsx"
    processing.run("sdg:workbook_template", {"AREA_ID": "=county", "AREA_NAME": "@county", "ZONES": layer,
                                             "ZONE_ID_FIELD": "code", "ZONE_NAME_FIELD": "name",
                                             "YEAR_START": 2020, "YEAR_END": 2020, "OUTPUT": str(path)})
    texts = _check_workbook(path)
    assert "=county" in texts and "\r\n@SUM(A1)" in texts and "NULL" not in texts
    data = load_workbook(path)["data"]
    names = {row[1]: row[2] for row in data.iter_rows(min_row=2, values_only=True)}
    assert names["v4"] == "v4"  # a NULL name falls back to the id


def test_run_summary_csv_is_neutralised(sdg_provider, tmp_path):
    import processing

    config = write_forest_set(tmp_path, broken=True)
    data = json.loads(config.read_text(encoding="utf-8"))
    data["indicators"][0]["id"] = "=HYPERLINK(\"http://example.invalid\")"
    data["indicators"][2]["id"] = " -broken"
    config.write_text(json.dumps(data), encoding="utf-8")
    summary = tmp_path / "summary.csv"
    processing.run("sdg:run_indicator_set", {"CONFIG": str(config), "OUTPUT": str(summary)})
    with open(summary, encoding="utf-8-sig", newline="") as handle:
        records = list(csv.DictReader(handle))
    ids = [record["id"] for record in records]
    assert ids[0] == "'=HYPERLINK(\"http://example.invalid\")" and "' -broken" in ids
    assert not [v for record in records for v in record.values() if v and FORMULA.match(v)]
