"""Indicators over tiled rasters: the scale-out counterparts of the Processing algorithms, with the same
formulas, the same store rows and (up to the areal scale measured per window instead of per strip) the same
values."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Sequence

import pandas as pd

from ..core.classes import require_classes
from ..core.forest import forest_groups, forest_values
from ..core.land_formulas import PGR_TOLERANCE, land_consumption_values
from ..core.results import Area, ZoneValue, store_rows
from ..translation import tr
from . import ScaleError, input_errors
from .backend import Progress, reduce_windows
from .kernels import class_areas, class_pixels_areas, value_sums
from .tiles import WINDOW_PIXELS, Window, expand, plan
from .zones import Zones, read_zones


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
    values: list[ZoneValue] = field(default_factory=list, repr=False)
    total_value: ZoneValue = field(default_factory=lambda: ZoneValue(None), repr=False)

    @classmethod
    def of(cls, indicator: str, unit: str, method: str, zones: Zones, values: list[ZoneValue], total: ZoneValue,
           sources: list[str], parameters: dict[str, Any], **columns: Any) -> IndicatorTable:
        """The table of ``values`` (one per zone, in the zones' order) with further ``columns`` per zone."""
        table = pd.DataFrame([{"area_id": area_id, "area_name": name, **_record(value)}
                              for area_id, name, value in zip(zones.ids, zones.names, values)])
        for name, column in columns.items():
            table[name] = column
        return cls(indicator, unit, method, _record(total), table, sources, parameters, values, total)

    def store_rows(self, year: int, area_id: str = "total", area_name: str = "", zone_level: str = "zone"
                   ) -> list[dict[str, Any]]:
        """Rows for the results store (``core.store``), as the Processing algorithm writes them."""
        areas = [(Area(area_id, area_name, "total"), self.total_value)]
        areas += [(Area(zone_id, name, zone_level), value)
                  for zone_id, name, value in zip(self.zones["area_id"], self.zones["area_name"], self.values)]
        return store_rows(self.indicator, self.unit, self.method, year, self.sources, self.parameters, areas)


def forest_area(landcover: Sequence[str], zones: str, zone_id: str = "", zone_name: str = "",
                forest: Sequence[int] = (20,), water: Sequence[int] = (60,), band: int = 1, zones_layer: str = "",
                client: Any = None, window_pixels: int = WINDOW_PIXELS,
                progress: Progress | None = None) -> IndicatorTable:
    """SDG 15.1.1 (forest area / land area × 100) per zone over land-cover tiles (paths or globs)."""
    with input_errors():
        groups = forest_groups(forest, water)
    paths = expand(landcover)
    windows = plan(paths, band, window_pixels)
    zone_set = read_zones(zones, zone_id, zone_name, zones_layer, windows[0].wkt)
    pixels, areas = reduce_windows(class_pixels_areas, windows, zone_set.payload, groups, client=client,
                                   progress=progress)
    values, total = forest_values(areas)
    parameters = {"LANDCOVER": ";".join(paths), "BAND": str(band), "FOREST_CLASSES": ",".join(map(str, forest)),
                  "WATER_CLASSES": ",".join(map(str, water)), "ZONES": zones, "ZONE_ID_FIELD": zone_id,
                  "BACKEND": "dask" if client is not None else "local", "WINDOWS": str(len(windows))}
    return IndicatorTable.of("15.1.1", "percent", "sdg:forest_area_15_1_1", zone_set, values, total, paths,
                             parameters, pixels=pixels[1:])


def land_consumption(builtup_start: Sequence[str], builtup_end: Sequence[str], population_start: Sequence[str],
                     population_end: Sequence[str], zones: str, year_start: int, year_end: int,
                     zone_id: str = "", zone_name: str = "", builtup: Sequence[int] = (1,), band: int = 1,
                     zones_layer: str = "", tolerance: float = PGR_TOLERANCE, client: Any = None,
                     window_pixels: int = WINDOW_PIXELS, progress: Progress | None = None) -> IndicatorTable:
    """SDG 11.3.1 (LCRPGR) per zone from built-up tiles (class list ``builtup``) and population tiles at two
    dates; each set of tiles on its own grid, the zones burnt on each."""
    with input_errors():
        builtup = require_classes("BUILTUP_CLASSES", builtup)
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
                                  client=client, progress=progress)[1:, 1] / 1e6 for windows in sets[:2]]
    people = [reduce_windows(value_sums, windows, zones_on(windows).payload, client=client,
                             progress=progress)[1:] for windows in sets[2:]]
    values, total = land_consumption_values(*builtup_km2, *people, year_start, year_end, tolerance)
    names = ("BUILTUP_START", "BUILTUP_END", "POPULATION_START_RASTER", "POPULATION_END_RASTER")
    parameters = {name: ";".join(_paths(windows)) for name, windows in zip(names, sets)}
    parameters.update({"BUILTUP_CLASSES": ",".join(map(str, builtup)), "YEAR_START": str(year_start),
                       "YEAR_END": str(year_end), "PGR_TOLERANCE": str(tolerance), "ZONES": zones,
                       "ZONE_ID_FIELD": zone_id, "BACKEND": "dask" if client is not None else "local",
                       "WINDOWS": str(sum(len(windows) for windows in sets))})
    sources = [path for windows in sets for path in _paths(windows)]
    return IndicatorTable.of("11.3.1", "ratio", "sdg:land_consumption_11_3_1", zone_set, values, total, sources,
                             parameters)


def _paths(windows: list[Window]) -> list[str]:
    """The files of the windows, once each, in order."""
    return list(dict.fromkeys(window.path for window in windows))


def _record(value: ZoneValue) -> dict[str, Any]:
    """A row of the table: value, numerator, denominator and the components."""
    return {"value": value.value, "numerator": value.numerator, "denominator": value.denominator,
            **value.components}
