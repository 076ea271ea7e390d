"""Writing .xlsx workbooks so the same content gives the same bytes, on openpyxl 3.0 and 3.1.

openpyxl stamps the current time on every zip entry, and 3.1's ``Workbook.save`` also overwrites the document's
modified time with the current time; here both are one fixed time, and the file is replaced atomically.
"""
from __future__ import annotations

import datetime
import io
import zipfile
from pathlib import Path

#: The created and modified time in the document properties and the time of every zip entry.
FIXED_TIME = datetime.datetime(2024, 1, 1)


def workbook_bytes(book) -> bytes:
    """The .xlsx bytes of an openpyxl ``book``, stamped with :data:`FIXED_TIME`."""
    from openpyxl.writer.excel import ExcelWriter

    book.properties.created = book.properties.modified = FIXED_TIME
    raw = io.BytesIO()
    ExcelWriter(book, zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED, allowZip64=True)).save()  # closes the zip
    out = io.BytesIO()
    with zipfile.ZipFile(raw) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, FIXED_TIME.timetuple()[:6])
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = info.external_attr
            target.writestr(fixed, source.read(info.filename))
    return out.getvalue()


def save_workbook(book, path: Path) -> Path:
    """Write ``book`` to ``path`` (through ``path.part``, so the file is complete or untouched)."""
    path = Path(path)
    partial = path.with_name(path.name + ".part")
    partial.write_bytes(workbook_bytes(book))
    partial.replace(path)
    return path
