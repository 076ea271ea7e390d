"""sdg:export_report: the workbook's sheets, numbers as numbers, text never a formula, CSV formula-safe."""
from __future__ import annotations

import csv

import pytest
from openpyxl import load_workbook
from sdg_monitor.core.store import ResultsStore

EVIL = '=HYPERLINK("http://example.invalid","x")'


@pytest.fixture()
def store(tmp_path, run_algorithm):
    path = tmp_path / "results.gpkg"
    results = ResultsStore(path)
    rows = [{"indicator": "3.1.1", "area_id": area, "area_name": name, "area_level": level, "year": year,
             "value": value, "unit": "per 100,000 live births"}
            for area, name, level in (("330521", "德清县", "total"), ("T1", EVIL, "township"))
            for year, value in ((2015, 100.0), (2022, 80.0))]
    rows += [{"indicator": "15.1.1", "area_id": "330521", "year": 2020, "value": 45.5, "unit": "percent"}]
    results.upsert_results(rows)
    results.upsert_targets([{"indicator": "3.1.1", "target": 70, "target_year": 2030, "direction": "decrease"}])
    run_algorithm("sdg:assess_progress", {"RESULTS": str(path), "OUTPUT": "memory:"})
    return path


def test_workbook_sheets_numbers_and_safe_text(run_algorithm, store, tmp_path):
    xlsx, csv_path = tmp_path / "report.xlsx", tmp_path / "latest.csv"
    run_algorithm("sdg:export_report", {"RESULTS": str(store), "LANGUAGE": 3, "OUTPUT": str(xlsx),
                                        "OUTPUT_CSV": str(csv_path)})
    book = load_workbook(xlsx)
    overview = book.sheetnames[0]
    assert overview == "Overview · 概览"
    assert {"SDG 3", "SDG 15"} <= set(book.sheetnames)
    assert any(name.startswith("Area · ") and name.endswith("T1") for name in book.sheetnames)
    goal_sheet = book["SDG 3"]
    header = [c.value.split(" / ")[0] for c in goal_sheet[2]]  # "Value / 数值" -> "Value"
    rows = [dict(zip(header, [c.value for c in row])) for row in goal_sheet.iter_rows(min_row=3)]
    county = next(r for r in rows if r["Area id"] == "330521")
    assert county["Value"] == 80.0 and isinstance(county["Value"], (int, float))
    assert county["Status"].startswith("Substantial progress / ") and county["Year"] == 2022
    assert "Maternal mortality ratio" in county["Name"] and "孕产妇死亡率" in county["Name"]
    town = next(row for row in goal_sheet.iter_rows(min_row=3) if row[header.index("Area id")].value == "T1")
    evil = town[header.index("Area name")]
    assert evil.value == EVIL and evil.data_type == "s"
    with open(csv_path, encoding="utf-8-sig", newline="") as handle:
        records = list(csv.DictReader(handle))
    assert {r["area_name"] for r in records} >= {"'" + EVIL, "德清县"}


def test_without_openpyxl_the_message_says_what_to_install(run_algorithm, store, tmp_path, monkeypatch):
    import importlib.util

    from qgis.core import QgsProcessingException

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "openpyxl" else real(name, *a))
    with pytest.raises(QgsProcessingException, match="openpyxl"):
        run_algorithm("sdg:export_report", {"RESULTS": str(store), "OUTPUT": str(tmp_path / "r.xlsx")})


def test_frozen_header_formats_by_unit_area_names_and_one_colour_per_status(run_algorithm, store, tmp_path):
    from sdg_monitor.core.vocabulary import STATUS

    xlsx = tmp_path / "report.xlsx"
    run_algorithm("sdg:export_report", {"RESULTS": str(store), "LANGUAGE": 1, "OUTPUT": str(xlsx)})
    book = load_workbook(xlsx)
    goal_sheet, data = book["SDG 3"], book["Data"]
    # Title row 1, header row 2: rows 1-2 and the first column stay in view; the data sheet below its header.
    assert goal_sheet.freeze_panes == "B3" and data.freeze_panes == "B2"
    header = [c.value for c in goal_sheet[2]]
    county = next(row for row in goal_sheet.iter_rows(min_row=3) if row[header.index("Area id")].value == "330521")
    value, target, score = (county[header.index(name)] for name in ("Value", "Target", "Score"))
    assert value.value == 80.0 and value.number_format == "0.0"  # per 100,000 live births: one decimal
    assert target.number_format == "0.0" and score.number_format == "+0.00;-0.00;0.00"
    status = county[header.index("Status")]
    assert status.value == "Substantial progress"
    assert status.fill.start_color.rgb[-6:] == STATUS["substantial_progress"].rgb
    overview = book["Overview"]
    texts = [[c.value for c in row] for row in overview.iter_rows()]
    headers = [row for row in texts if row and row[0] == "Area id"]
    assert headers and all(row[1] == "Area name" for row in headers)  # the name beside every id
    assert not any("Colour" in str(v) or "Dashboard colour" in str(v) for row in texts for v in row)
    assert any(row[:2] == ["330521", "德清县"] for row in texts)


def test_chinese_report_has_chinese_units_and_official_goal_names(run_algorithm, store, tmp_path):
    xlsx = tmp_path / "report.xlsx"
    run_algorithm("sdg:export_report", {"RESULTS": str(store), "LANGUAGE": 2, "OUTPUT": str(xlsx)})
    book = load_workbook(xlsx)
    sheet = book["SDG 3"]
    units = {row[0].value for row in sheet.iter_cols(min_row=3) if row[0].value in ("每十万活产",)}
    assert units == {"每十万活产"}
    assert sheet["A1"].value.startswith("SDG 3")
