"""Text that a spreadsheet cannot turn against its reader: never a formula, no forbidden characters, valid sheet
names. One home for the rules shared by every workbook and CSV the plugin writes.

A cell whose text starts with ``=``, ``+``, ``-`` or ``@`` (also after spaces, tabs or line breaks) would be read as
a formula by Excel or LibreOffice ("CSV injection", OWASP); in a workbook such text is stored as a text cell, in a
CSV it gets a leading apostrophe. Excel refuses C0 control characters other than tab, line feed and carriage
return (e.g. the vertical tab a Word line break leaves); they are removed. A sheet name is at most 31 characters,
without ``[ ] : * ? / \\``, not empty, not starting or ending with an apostrophe, unique in its workbook
(ECMA-376 Part 1, 18.2.19 and Excel's own limits).
"""
from __future__ import annotations

import re
from typing import Any, Iterable

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_FORMULA_START = ("=", "+", "-", "@")
_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
SHEET_NAME_MAX = 31


def clean_text(value: str) -> str:
    """``value`` without the control characters a workbook cannot hold."""
    return _CONTROL.sub("", value)


def looks_like_formula(value: str) -> bool:
    """Whether a spreadsheet would read ``value`` as a formula (leading blanks and line breaks skipped)."""
    return value.lstrip(" \t\r\n").startswith(_FORMULA_START)


def csv_text(value: str) -> str:
    """CSV-safe text: text that a spreadsheet would read as a formula gets a leading apostrophe."""
    value = clean_text(value)
    return "'" + value if looks_like_formula(value) or value.startswith(("\t", "\r")) else value


def put(sheet, row: int, column: int, value: Any):
    """Write one cell: text always as text (never a formula), cleaned; other values as they are."""
    if isinstance(value, str):
        cell = sheet.cell(row=row, column=column)
        cell.value = clean_text(value)
        cell.data_type = "s"
        return cell
    return sheet.cell(row=row, column=column, value=value)


def append_row(sheet, values: Iterable[Any]) -> None:
    """``sheet.append`` with text always as text (never a formula) and cleaned."""
    values = [clean_text(value) if isinstance(value, str) else value for value in values]
    sheet.append(values)
    for column, value in enumerate(values, start=1):
        if isinstance(value, str):
            sheet.cell(row=sheet.max_row, column=column).data_type = "s"


def sheet_name(text: str, taken: Iterable[str] = ()) -> str:
    """A valid sheet name from ``text``, different (ignoring case, as Excel does) from the names ``taken``:
    bilingual "a / b" labels become "a · b", other forbidden characters "_"; a clash gets " (2)", " (3)"..."""
    base = _SHEET_FORBIDDEN.sub("_", clean_text(text).replace(" / ", " · ")).strip().strip("'") or "Sheet"
    used = {name.lower() for name in taken}
    name, number = base[:SHEET_NAME_MAX], 1
    while name.lower() in used:
        number += 1
        suffix = f" ({number})"
        name = base[:SHEET_NAME_MAX - len(suffix)] + suffix
    return name
