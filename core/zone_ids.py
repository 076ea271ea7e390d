"""Zone ids: the rules shared by every reader of zones (QGIS layers in ``processing/zones.py``, GDAL files in
``scale/zones.py``). An id is text; NULL or blank is no id; ids that differ only by surrounding spaces (a name
pasted from a document) name the same zone."""
from __future__ import annotations

from typing import Any, Sequence


def blank_id(value: Any) -> bool:
    """Whether ``value`` is no id: None or text that is empty once surrounding spaces are removed."""
    return value is None or not str(value).strip()


def first_repeat(ids: Sequence[str]) -> tuple[str, str] | None:
    """The first id that repeats an earlier one (surrounding spaces ignored): (earlier spelling, this spelling)."""
    seen: dict[str, str] = {}
    for zone_id in ids:
        key = zone_id.strip()
        if key in seen:
            return seen[key], zone_id
        seen[key] = zone_id
    return None
