"""Indicators over tiled rasters: the scale-out counterparts of the Processing algorithms, with the same
formulas, the same store rows and (up to the areal scale measured per window instead of per strip) the same
values."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Sequence

import numpy as np
import pandas as pd

from ..core.formulas import ratio
from ..core.land_formulas import PGR_TOLERANCE, land_consumption_record
from ..translation import tr
from . import ScaleError
from .backend import Progress, reduce_windows
from .kernels import class_areas, value_sums
from .tiles import WINDOW_PIXELS, Window, expand, plan
from .zones import Zones, read_zones

FOREST, WATER, OTHER_LAND = 1, 2, 3


@dataclass
class IndicatorTable:
    """An indicator per zone (``zones``: area_id, area_name, value and components) and for the whole area."""

    indicator: str
    unit: str
    method: str
    total: dict[str, Any]
    zones: pd.DataFrame
    sources: list[str] = field(default_factory=list)
    parameters: dict[str, Any] = field(default_factory=dict)

    def store_rows(self, year: int, area_id: str = "total", area_name: str = "", zone_level: str = "zone"
                   ) -> list[dict[str, Any]]:
        """Rows for the results store (``core.store``), as the Processing algorithm writes them."""
        common = {"indicator": self.indicator, "series": "", "year": year, "disaggregation": "",
                  "unit": self.unit, "method": self.method, "source": "; ".join(self.sources),
                  "parameters": self.parameters}
        rows = [dict(common, area_id=area_id, area_name=area_name, area_level="total", **_numbers(self.total))]
        rows += [dict(common, area_id=zone["area_id"], area_name=zone["area_name"], area_level=zone_level,
                      **_numbers(zone)) for zone in self.zones.to_dict("records")]
        return rows


def forest_area(landcover: Sequence[str], zones: str, zone_id: str = "", zone_name: str = "",
                forest: Sequence[int] = (20,), water: Sequence[int] = (60,), band: int = 1, zones_layer: str = "",
                client: Any = None, window_pixels: int = WINDOW_PIXELS,
                progress: Progress | None = None) -> IndicatorTable:
    """SDG 15.1.1 (forest area / land area × 100) per zone over land-cover tiles (paths or globs)."""
    _require_classes("FOREST_CLASSES", forest)
    overlap = sorted(set(forest) & set(water))
    if overlap:
        raise ScaleError(tr("Classes {} are listed both as forest and as water; list each class once.").format(
            overlap))
    paths = expand(landcover)
    windows = plan(paths, band, window_pixels)
    zone_set = read_zones(zones, zone_id, zone_name, zones_layer, windows[0].wkt)
    groups = (tuple(forest), tuple(water))
    counts, areas = reduce_windows(class_areas, windows, zone_set.payload, groups, client=client,
                                   progress=progress)
    km2 = areas[1:] / 1e6
    forest_km2, land_km2 = km2[:, FOREST], km2[:, FOREST] + km2[:, OTHER_LAND]
    table = pd.DataFrame({"area_id": zone_set.ids, "area_name": zone_set.names,
                          "value": [ratio(f, lnd) for f, lnd in zip(forest_km2, land_km2)],
                          "numerator": forest_km2, "denominator": land_km2,
                          "forest_km2": forest_km2, "land_km2": land_km2,
                          "pixels": counts[1:, 1:].sum(axis=1)})
    total_forest, total_land = float(np.sum(forest_km2)), float(np.sum(land_km2))
    total = {"value": ratio(total_forest, total_land), "numerator": total_forest, "denominator": total_land,
             "forest_km2": total_forest, "land_km2": total_land}
    parameters = {"LANDCOVER": ";".join(paths), "BAND": str(band), "FOREST_CLASSES": ",".join(map(str, forest)),
                  "WATER_CLASSES": ",".join(map(str, water)), "ZONES": zones, "ZONE_ID_FIELD": zone_id,
                  "BACKEND": "dask" if client is not None else "local", "WINDOWS": str(len(windows))}
    return IndicatorTable("15.1.1", "percent", "sdg:forest_area_15_1_1", total, table, paths, parameters)


def land_consumption(builtup_start: Sequence[str], builtup_end: Sequence[str], population_start: Sequence[str],
                     population_end: Sequence[str], zones: str, year_start: int, year_end: int,
                     zone_id: str = "", zone_name: str = "", builtup: Sequence[int] = (1,), band: int = 1,
                     zones_layer: str = "", tolerance: float = PGR_TOLERANCE, client: Any = None,
                     window_pixels: int = WINDOW_PIXELS, progress: Progress | None = None) -> IndicatorTable:
    """SDG 11.3.1 (LCRPGR) per zone from built-up tiles (class list ``builtup``) and population tiles at two
    dates; each set of tiles on its own grid, the zones burnt on each."""
    _require_classes("BUILTUP_CLASSES", builtup)
    if year_end <= year_start:
        raise ScaleError(tr("The end year ({}) must come after the start year ({}).").format(year_end, year_start))
    sets = [plan(expand(paths), band, window_pixels)
            for paths in (builtup_start, builtup_end, population_start, population_end)]
    zone_set = read_zones(zones, zone_id, zone_name, zones_layer, sets[0][0].wkt)
    per_grid: dict[str, Zones] = {zone_set.payload.wkt: zone_set}

    def zones_on(windows: list[Window]) -> Zones:
        wkt = windows[0].wkt
        if wkt not in per_grid:
            per_grid[wkt] = read_zones(zones, zone_id, zone_name, zones_layer, wkt)
        return per_grid[wkt]

    builtup_km2 = [reduce_windows(class_areas, windows, zones_on(windows).payload, (tuple(builtup),),
                                  client=client, progress=progress)[1][1:, 1] / 1e6 for windows in sets[:2]]
    people = [reduce_windows(value_sums, windows, zones_on(windows).payload, client=client,
                             progress=progress)[1:] for windows in sets[2:]]
    records = [land_consumption_record(float(v1), float(v2), float(p1), float(p2), year_start, year_end,
                                       tolerance) for v1, v2, p1, p2 in zip(*builtup_km2, *people)]
    table = pd.DataFrame([{"area_id": zone_id_, "area_name": name, "value": value, "numerator": parts["lcr"],
                           "denominator": parts["pgr"], **parts}
                          for zone_id_, name, (value, parts) in zip(zone_set.ids, zone_set.names, records)])
    value, parts = land_consumption_record(*(float(np.sum(x)) for x in (*builtup_km2, *people)),
                                           year_start, year_end, tolerance)
    total = {"value": value, "numerator": parts["lcr"], "denominator": parts["pgr"], **parts}
    names = ("BUILTUP_START", "BUILTUP_END", "POPULATION_START_RASTER", "POPULATION_END_RASTER")
    parameters = {name: ";".join(_paths(windows)) for name, windows in zip(names, sets)}
    parameters.update({"BUILTUP_CLASSES": ",".join(map(str, builtup)), "YEAR_START": str(year_start),
                       "YEAR_END": str(year_end), "PGR_TOLERANCE": str(tolerance), "ZONES": zones,
                       "ZONE_ID_FIELD": zone_id, "BACKEND": "dask" if client is not None else "local",
                       "WINDOWS": str(sum(len(windows) for windows in sets))})
    sources = [path for windows in sets for path in _paths(windows)]
    return IndicatorTable("11.3.1", "ratio", "sdg:land_consumption_11_3_1", total, table, sources, parameters)


def _require_classes(name: str, classes: Sequence[int]) -> None:
    if not classes:
        raise ScaleError(tr("Parameter {} lists no class; give at least one.").format(name))


def _paths(windows: list[Window]) -> list[str]:
    """The files of the windows, once each, in order."""
    return list(dict.fromkeys(window.path for window in windows))


def _numbers(record: dict[str, Any]) -> dict[str, float | None]:
    return {key: _plain(record[key]) for key in ("value", "numerator", "denominator")}


def _plain(value: Any) -> float | None:
    return None if value is None or (isinstance(value, float) and np.isnan(value)) else float(value)
