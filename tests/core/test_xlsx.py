"""Workbooks are byte-identical for the same content on openpyxl 3.0 and 3.1 (3.1's save stamps the time)."""
from __future__ import annotations

import zipfile

import openpyxl
from sdg_monitor.core.xlsx import FIXED_TIME, save_workbook


def _book():
    book = openpyxl.Workbook()
    book.active.append(("item", "value"))
    book.active.append(("县", 1.5))
    return book


def test_same_content_same_bytes_with_the_fixed_time(tmp_path):
    first, second = save_workbook(_book(), tmp_path / "a.xlsx"), save_workbook(_book(), tmp_path / "b.xlsx")
    assert first.read_bytes() == second.read_bytes()
    with zipfile.ZipFile(first) as archive:
        core = archive.read("docProps/core.xml").decode("utf-8")
        assert {info.date_time for info in archive.infolist()} == {(2024, 1, 1, 0, 0, 0)}
    assert core.count("2024-01-01T00:00:00Z") == 2  # created and modified, not the time of saving
    loaded = openpyxl.load_workbook(first)
    assert loaded.properties.modified == FIXED_TIME and loaded.active["A2"].value == "县"
    assert not (tmp_path / "a.xlsx.part").exists()
