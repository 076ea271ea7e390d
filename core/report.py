"""The Excel and CSV reports: overview (headline, goals, goal groups), a sheet per goal and per area, all data.

Numbers are written as numbers (with their unit in a column beside them); text is written as text, never as a
formula, so a value such as ``=HYPERLINK(...)`` from a field cannot run in Excel (and CSV text that could start
a formula is prefixed with an apostrophe, as OWASP recommends).
"""
from __future__ import annotations

import csv
import re
from pathlib import Path
from typing import Callable, Mapping

import pandas as pd

from .vocabulary import STATUS, score_status_colour
from .xlsx import save_workbook

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")


def safe_text(value: str) -> str:
    """CSV-safe text: a cell that a spreadsheet would read as a formula gets a leading apostrophe."""
    return "'" + value if value.startswith(_FORMULA_START) else value


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


def write_workbook(path: Path, tables: Mapping[str, pd.DataFrame], labels: Mapping[str, str],
                   goal_names: Mapping[int, str]) -> Path:
    """Write the report workbook atomically (to a temporary file renamed at the end).

    ``tables``: ``indicators`` (from :func:`indicator_table`), ``goals``, ``groups``, ``headline`` (roll-ups),
    ``results`` (all rows). ``labels`` translates column names, status codes and headings.
    """
    from openpyxl import Workbook

    book = Workbook()
    overview = book.active
    overview.title = _sheet_name(labels.get("overview", "Overview"))
    _overview(overview, tables, labels, goal_names)
    indicators = tables["indicators"]
    for goal, rows in indicators.groupby("goal", sort=True):
        sheet = book.create_sheet(_sheet_name(f"SDG {goal}"))
        sheet.append([f"SDG {goal}: {goal_names.get(int(goal), '')}"])
        _table(sheet, rows.drop(columns=["goal"]), labels)
    for area, rows in indicators.groupby("area_id", sort=True):
        sheet = book.create_sheet(_sheet_name(f"{labels.get('area', 'Area')} {area}"))
        name = rows["area_name"].dropna()
        sheet.append([f"{area} {name.iloc[0] if len(name) else ''}".strip()])
        _table(sheet, rows.drop(columns=["area_id", "area_name", "area_level"]), labels)
    data = book.create_sheet(_sheet_name(labels.get("data", "Data")))
    _table(data, tables["results"], labels, first_row=1)
    return save_workbook(book, path)


def write_csv(path: Path, frame: pd.DataFrame) -> Path:
    """Write ``frame`` as UTF-8 CSV with a BOM (Excel reads Chinese correctly), formula-safe, atomically."""
    temporary = path.with_name(path.name + ".part")
    with open(temporary, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(frame.columns)
        for record in frame.itertuples(index=False):
            writer.writerow(["" if _missing(v) else safe_text(v) if isinstance(v, str) else v for v in record])
    temporary.replace(path)
    return path


def _overview(sheet, tables: Mapping[str, pd.DataFrame], labels: Mapping[str, str],
              goal_names: Mapping[int, str]) -> None:
    from openpyxl.styles import Font

    sheet.append([labels.get("title", "SDG progress report")])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append([])
    sheet.append([labels.get("headline", "Headline")])
    _table(sheet, tables["headline"], labels)
    sheet.append([])
    sheet.append([labels.get("goals", "Goals")])
    goals = tables["goals"].copy()
    goals.insert(2, "name", [goal_names.get(int(g), "") for g in goals["goal"]])
    _table(sheet, goals, labels)
    sheet.append([])
    sheet.append([labels.get("groups", "Goal groups")])
    _table(sheet, tables["groups"], labels)


def _table(sheet, frame: pd.DataFrame, labels: Mapping[str, str], first_row: int | None = None) -> None:
    """Append a header and the rows; status and colour cells are filled with their colour."""
    from openpyxl.styles import Font, PatternFill

    columns = list(frame.columns)
    sheet.append([labels.get(column, column) for column in columns])
    header = sheet.max_row if first_row is None else first_row
    for cell in sheet[header]:
        cell.font = Font(bold=True)
    fills = {code: PatternFill("solid", start_color=entry.rgb, end_color=entry.rgb)
             for code, entry in STATUS.items()}
    for row, record in enumerate(frame.itertuples(index=False), start=header + 1):
        for column_number, (column, value) in enumerate(zip(columns, record), start=1):
            if _missing(value):
                continue
            cell = sheet.cell(row=row, column=column_number, value=_cell_value(column, value, labels))
            if isinstance(value, str):
                cell.data_type = "s"  # text stays text: never a formula
                if column == "status" and value in fills:
                    cell.fill = fills[value]
            elif column == "mean_score":
                rgb = score_status_colour(value).lstrip("#")
                cell.fill = PatternFill("solid", start_color=rgb, end_color=rgb)
    for index, column in enumerate(columns, start=1):
        width = max([len(str(labels.get(column, column)))] + [len(str(v)) for v in frame[column].head(200)])
        sheet.column_dimensions[sheet.cell(row=header, column=index).column_letter].width = min(60, width + 2)


def _cell_value(column: str, value, labels: Mapping[str, str]):
    """Numbers as plain numbers; status and direction codes in the report's language."""
    if hasattr(value, "item"):
        value = value.item()
    if column in ("status", "direction", "goal_group") and isinstance(value, str):
        return labels.get(value, value)
    return value


def _missing(value) -> bool:
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def _sheet_name(text: str) -> str:
    """A valid sheet name: bilingual "a / b" labels become "a · b", other forbidden characters "_"."""
    return _SHEET_FORBIDDEN.sub("_", text.replace(" / ", " · "))[:31]
