"""An indicator's values per zone and the results-store rows built from them: one shape for the Processing
algorithms and the scale-out (``core.store`` holds the rows)."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable

from .numbers import number_or_none


@dataclass
class ZoneValue:
    """The indicator for one zone (or the whole area): value, its numerator and denominator, other components
    (fields of OUTPUT), and its breakdown by disaggregation (store rows keyed e.g. ``"sex=female"``)."""

    value: float | None
    numerator: float | None = None
    denominator: float | None = None
    components: dict[str, float | None] = field(default_factory=dict)
    breakdown: dict[str, ZoneValue] = field(default_factory=dict)


@dataclass(frozen=True)
class Area:
    """Where a value belongs in the store: id, name and level (``total`` for the whole area)."""

    area_id: str
    area_name: str = ""
    area_level: str = "zone"


def store_rows(indicator: str, unit: str, method: str, year: int, sources: Iterable[str], parameters: dict,
               areas: Iterable[tuple[Area, ZoneValue]]) -> list[dict[str, Any]]:
    """Rows for the results store: per area its value, then one row per disaggregation of its breakdown."""
    common = {"indicator": indicator, "series": "", "year": year, "disaggregation": "", "unit": unit,
              "method": method, "source": "; ".join(sources), "parameters": parameters}
    rows = []
    for area, value in areas:
        where = {"area_id": area.area_id, "area_name": area.area_name, "area_level": area.area_level}
        rows.append(dict(common, **where, **_numbers(value)))
        rows += [dict(common, **where, **_numbers(part), disaggregation=key) for key, part in value.breakdown.items()]
    return rows


def _numbers(value: ZoneValue) -> dict[str, float | None]:
    return {name: number_or_none(getattr(value, name)) for name in ("value", "numerator", "denominator")}
