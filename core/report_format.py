"""Layout of the Excel report's sheets: number formats by unit and frozen header rows.

Values stay full-precision numbers; only their display is set (Excel's number formats), so a rate shows one
decimal, money shows whole yuan with thousands separators, and nothing shows 15 digits.
"""
from __future__ import annotations

import pandas as pd

#: Columns holding a value in the row's unit.
VALUE_COLUMNS = ("value", "target", "numerator", "denominator", "base_value", "current_value")
SCORE_COLUMNS = ("score", "mean_score", "progress_value")
YEAR_COLUMNS = ("year", "target_year", "base_year", "current_year")
SCORE_FORMAT = "+0.00;-0.00;0.00"
DEFAULT_FORMAT = "#,##0.00"


def number_format(unit: object) -> str:
    """Excel's number format for a value in ``unit`` (as stored, English): one decimal for percentages, rates
    and years, two for ratios, indices and other quotients, whole numbers with separators for money, counts and
    totals."""
    text = str(unit or "").strip().lower()
    if text in ("percent", "%", "years") or text.startswith("per "):
        return "0.0"
    if text in ("ratio", "index") or " per " in text and text != "yuan per year":
        return "0.00"
    if text in ("yuan", "yuan per year", "companies") or text.startswith("10,000"):
        return "#,##0"
    return DEFAULT_FORMAT


def format_table(sheet, header_row: int, frame: pd.DataFrame) -> None:
    """Number formats for the numeric cells of a table written below ``header_row``."""
    units = list(frame["unit"]) if "unit" in frame.columns else [None] * len(frame)
    for index, column in enumerate(frame.columns, start=1):
        if column in VALUE_COLUMNS:
            formats = [number_format(unit) for unit in units]
        elif column in SCORE_COLUMNS:
            formats = [SCORE_FORMAT] * len(frame)
        elif column in YEAR_COLUMNS:
            formats = ["0"] * len(frame)
        else:
            continue
        for offset, fmt in enumerate(formats, start=1):
            cell = sheet.cell(row=header_row + offset, column=index)
            if isinstance(cell.value, (int, float)) and not isinstance(cell.value, bool):
                cell.number_format = fmt


def freeze_header(sheet, header_row: int) -> None:
    """Keep the rows down to ``header_row`` (title and column names) and the first column in view."""
    sheet.freeze_panes = sheet.cell(row=header_row + 1, column=2)
