"""The Excel and CSV reports: overview (headline, goals, goal groups), a sheet per goal and per area, all data.

Numbers are written as numbers (with their unit in a column beside them); text is written as text, never as a
formula, so a value such as ``=HYPERLINK(...)`` from a field cannot run in Excel (and CSV text that could start
a formula is prefixed with an apostrophe, as OWASP recommends).
"""
from __future__ import annotations

import csv
from pathlib import Path
from typing import Callable, Mapping

import pandas as pd

from .numbers import is_missing
from .report_format import format_table, freeze_header
from .spreadsheet import append_row, csv_text, put, sheet_name
from .vocabulary import STATUS, score_status_colour
from .xlsx import save_workbook


def latest(results: pd.DataFrame) -> pd.DataFrame:
    """The latest year's headline row (no disaggregation) per indicator, series and area."""
    rows = results[results["disaggregation"].fillna("") == ""].sort_values("year")
    return rows.groupby(["indicator", "series", "area_id"], as_index=False).tail(1)


def indicator_table(results: pd.DataFrame, progress: pd.DataFrame, goal_of: Callable[[str], int],
                    name_of: Callable[[str], str]) -> pd.DataFrame:
    """Latest value per indicator and area with its target, status and score."""
    table = latest(results)[["indicator", "series", "area_id", "area_name", "area_level", "year", "value", "unit"]]
    if not progress.empty:
        table = table.merge(progress[["indicator", "series", "area_id", "target", "target_year", "status", "score"]],
                            on=["indicator", "series", "area_id"], how="left")
    else:
        table = table.assign(target=None, target_year=None, status=None, score=None)
    table.insert(0, "goal", [goal_of(code) for code in table["indicator"]])
    table.insert(2, "name", [name_of(code) for code in table["indicator"]])
    return table.sort_values(["goal", "indicator", "series", "area_id"]).reset_index(drop=True)


def with_area_names(table: pd.DataFrame, results: pd.DataFrame) -> pd.DataFrame:
    """``table`` with ``area_name`` (from the results) beside its ``area_id``."""
    if "area_id" not in table.columns or "area_name" in table.columns:
        return table
    names = results.dropna(subset=["area_name"]).drop_duplicates("area_id").set_index("area_id")["area_name"]
    named = table.copy()
    named.insert(list(table.columns).index("area_id") + 1, "area_name", table["area_id"].map(names))
    return named


def write_workbook(path: Path, tables: Mapping[str, pd.DataFrame], labels: Mapping[str, str],
                   goal_names: Mapping[int, str]) -> Path:
    """Write the report workbook atomically (to a temporary file renamed at the end).

    ``tables``: ``indicators`` (from :func:`indicator_table`), ``goals``, ``groups``, ``headline`` (roll-ups),
    ``results`` (all rows). ``labels`` translates column names, status codes and headings.
    """
    from openpyxl import Workbook

    book = Workbook()
    overview = book.active
    overview.title = sheet_name(labels.get("overview", "Overview"))
    _overview(overview, tables, labels, goal_names)
    indicators = tables["indicators"]
    for goal, rows in indicators.groupby("goal", sort=True):
        sheet = book.create_sheet(sheet_name(f"SDG {goal}", book.sheetnames))
        append_row(sheet, [f"SDG {goal}: {goal_names.get(int(goal), '')}"])
        freeze_header(sheet, _table(sheet, rows.drop(columns=["goal"]), labels))
    for area, rows in indicators.groupby("area_id", sort=True):
        sheet = book.create_sheet(sheet_name(f"{labels.get('area', 'Area')} {area}", book.sheetnames))
        name = rows["area_name"].dropna()
        append_row(sheet, [f"{area} {name.iloc[0] if len(name) else ''}".strip()])
        freeze_header(sheet, _table(sheet, rows.drop(columns=["area_id", "area_name", "area_level"]), labels))
    data = book.create_sheet(sheet_name(labels.get("data", "Data"), book.sheetnames))
    freeze_header(data, _table(data, tables["results"], labels, first_row=1))
    return save_workbook(book, path)


def write_csv(path: Path, frame: pd.DataFrame) -> Path:
    """Write ``frame`` as UTF-8 CSV with a BOM (Excel reads Chinese correctly), formula-safe, atomically."""
    temporary = path.with_name(path.name + ".part")
    with open(temporary, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(frame.columns)
        for record in frame.itertuples(index=False):
            writer.writerow(["" if is_missing(v) else csv_text(v) if isinstance(v, str) else v for v in record])
    temporary.replace(path)
    return path


def _overview(sheet, tables: Mapping[str, pd.DataFrame], labels: Mapping[str, str],
              goal_names: Mapping[int, str]) -> None:
    from openpyxl.styles import Font

    append_row(sheet, [labels.get("title", "SDG progress report")])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append([])
    append_row(sheet, [labels.get("headline", "Headline")])
    _table(sheet, tables["headline"], labels)
    sheet.append([])
    append_row(sheet, [labels.get("goals", "Goals")])
    goals = tables["goals"].copy()
    goals.insert(2, "name", [goal_names.get(int(g), "") for g in goals["goal"]])
    _table(sheet, goals, labels)
    sheet.append([])
    append_row(sheet, [labels.get("groups", "Goal groups")])
    _table(sheet, tables["groups"], labels)


def _table(sheet, frame: pd.DataFrame, labels: Mapping[str, str], first_row: int | None = None) -> int:
    """Append a header and the rows (numbers formatted by unit); status and mean-score cells are filled with
    their status colour. Returns the header's row number."""
    from openpyxl.styles import Font, PatternFill

    columns = list(frame.columns)
    append_row(sheet, [labels.get(column, column) for column in columns])
    header = sheet.max_row if first_row is None else first_row
    for cell in sheet[header]:
        cell.font = Font(bold=True)
    fills = {code: PatternFill("solid", start_color=entry.rgb, end_color=entry.rgb)
             for code, entry in STATUS.items()}
    for row, record in enumerate(frame.itertuples(index=False), start=header + 1):
        for column_number, (column, value) in enumerate(zip(columns, record), start=1):
            if is_missing(value):
                continue
            cell = put(sheet, row, column_number, _cell_value(column, value, labels))
            if isinstance(value, str):
                if column == "status" and value in fills:
                    cell.fill = fills[value]
            elif column == "mean_score":
                rgb = score_status_colour(value).lstrip("#")
                cell.fill = PatternFill("solid", start_color=rgb, end_color=rgb)
    for index, column in enumerate(columns, start=1):
        width = max([len(str(labels.get(column, column)))] + [len(str(v)) for v in frame[column].head(200)])
        sheet.column_dimensions[sheet.cell(row=header, column=index).column_letter].width = min(60, width + 2)
    format_table(sheet, header, frame)
    return header


def _cell_value(column: str, value, labels: Mapping[str, str]):
    """Numbers as plain numbers; status and direction codes in the report's language."""
    if hasattr(value, "item"):
        value = value.item()
    if column in ("status", "direction", "goal_group") and isinstance(value, str):
        return labels.get(value, value)
    if column == "unit" and isinstance(value, str):
        return labels.get(f"unit:{value}", value)
    return value
