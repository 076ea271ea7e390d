"""Formulas of the land indicators: 11.3.1 (LCR, PGR, LCRPGR, built-up per capita) and 6.6.1 (change against a
baseline).

11.3.1 follows the UN-Habitat metadata (revision of March 2021): LCR = (V2 - V1) / V1 / (t2 - t1) and
PGR = ln(P2 / P1) / (t2 - t1), both per year, and LCRPGR = LCR / PGR. LCRPGR is only given when PGR is clearly
positive: a PGR near zero or negative is reported by :func:`pgr_status`, never divided by.
"""
from __future__ import annotations

import math
from typing import Mapping, Sequence

import numpy as np

from .numbers import is_missing
from .results import ZoneValue

#: Default |PGR| (per year) under which PGR counts as zero: 0.1 % a year.
PGR_TOLERANCE = 0.001

PGR_OK = "ok"
PGR_NEAR_ZERO = "near_zero"
PGR_NEGATIVE = "negative"
PGR_MISSING = "missing"
#: Numeric codes of the PGR statuses (for numeric output fields).
PGR_CODES = {PGR_OK: 0, PGR_NEAR_ZERO: 1, PGR_NEGATIVE: 2, PGR_MISSING: 3}
#: Breakdown key of 6.6.1's value of one year (``year=2020``).
YEAR_KEY = "year="


def _missing(*values: float | None) -> bool:
    return any(is_missing(v) for v in values)


def _period(t1: float, t2: float) -> float:
    if t2 <= t1:
        raise ValueError(f"the end year ({t2:g}) must come after the start year ({t1:g})")
    return float(t2 - t1)


def land_consumption_rate(v1: float | None, v2: float | None, t1: float, t2: float) -> float | None:
    """LCR per year: (V2 - V1) / V1 / (t2 - t1); None without a positive start area."""
    period = _period(t1, t2)
    if _missing(v1, v2) or v1 <= 0:
        return None
    return (float(v2) - float(v1)) / float(v1) / period


def population_growth_rate(p1: float | None, p2: float | None, t1: float, t2: float) -> float | None:
    """PGR per year: ln(P2 / P1) / (t2 - t1); None unless both populations are positive."""
    period = _period(t1, t2)
    if _missing(p1, p2) or p1 <= 0 or p2 <= 0:
        return None
    return math.log(float(p2) / float(p1)) / period


def pgr_status(pgr: float | None, tolerance: float = PGR_TOLERANCE) -> str:
    """``ok`` when PGR > tolerance, ``near_zero`` when |PGR| <= tolerance, ``negative`` below, ``missing``."""
    if _missing(pgr):
        return PGR_MISSING
    if abs(pgr) <= tolerance:
        return PGR_NEAR_ZERO
    return PGR_OK if pgr > 0 else PGR_NEGATIVE


def lcrpgr(lcr: float | None, pgr: float | None, tolerance: float = PGR_TOLERANCE) -> float | None:
    """LCR / PGR, only when PGR is clearly positive (see :func:`pgr_status`); else None."""
    if _missing(lcr) or pgr_status(pgr, tolerance) != PGR_OK:
        return None
    return float(lcr) / float(pgr)


def per_capita_m2(area_km2: float | None, population: float | None) -> float | None:
    """Area per person in m² from an area in km²; None without a positive population."""
    if _missing(area_km2, population) or population <= 0:
        return None
    return float(area_km2) * 1e6 / float(population)


def percent_change(value: float | None, baseline: float | None) -> float | None:
    """(value - baseline) / baseline × 100; None without a positive baseline."""
    if _missing(value, baseline) or baseline <= 0:
        return None
    return (float(value) - float(baseline)) / float(baseline) * 100.0


def land_consumption_record(v1: float, v2: float, p1: float | None, p2: float | None, t1: int, t2: int,
                            tolerance: float = PGR_TOLERANCE) -> tuple[float | None, dict[str, float | None]]:
    """LCRPGR of one area from its built-up areas ``v1``, ``v2`` (km²) and populations at ``t1``, ``t2``, with its
    components: LCR, PGR and its status code, built-up change and built-up area per capita."""
    lcr = land_consumption_rate(v1, v2, t1, t2)
    pgr = population_growth_rate(p1, p2, t1, t2)
    components = {
        "lcr": lcr, "pgr": pgr, "pgr_flag": float(PGR_CODES[pgr_status(pgr, tolerance)]),
        "builtup_start_km2": float(v1), "builtup_end_km2": float(v2),
        "builtup_change_km2": float(v2 - v1), "builtup_change_pct": percent_change(v2, v1),
        "pop_start": p1, "pop_end": p2,
        "builtup_pc_start_m2": per_capita_m2(v1, p1), "builtup_pc_end_m2": per_capita_m2(v2, p2),
    }
    return lcrpgr(lcr, pgr, tolerance), components


def land_consumption_values(builtup_start_km2: Sequence[float], builtup_end_km2: Sequence[float],
                            population_start: Sequence[float | None], population_end: Sequence[float | None],
                            t1: int, t2: int, tolerance: float = PGR_TOLERANCE,
                            total_population: tuple[float | None, float | None] | None = None
                            ) -> tuple[list[ZoneValue], ZoneValue]:
    """11.3.1 per zone (value LCRPGR, numerator LCR, denominator PGR, the components of
    :func:`land_consumption_record`) and for the whole area: the sums of the zones' built-up areas, and
    ``total_population`` (start, end) when given, else the sums of the zones' populations."""
    zones = [_land_consumption_value(v1, v2, p1, p2, t1, t2, tolerance)
             for v1, v2, p1, p2 in zip(builtup_start_km2, builtup_end_km2, population_start, population_end)]
    p1, p2 = total_population or (float(np.sum(population_start)), float(np.sum(population_end)))
    total = _land_consumption_value(float(np.sum(builtup_start_km2)), float(np.sum(builtup_end_km2)), p1, p2, t1,
                                    t2, tolerance)
    return zones, total


def _land_consumption_value(v1: float, v2: float, p1: float | None, p2: float | None, t1: int, t2: int,
                            tolerance: float) -> ZoneValue:
    value, components = land_consumption_record(v1, v2, p1, p2, t1, t2, tolerance)
    return ZoneValue(value, components["lcr"], components["pgr"], components)


def baseline_years(years: Sequence[int], start: int, end: int) -> tuple[list[int], bool]:
    """The years of ``years`` within [start, end]; when none is, the first ``end - start + 1`` years given,
    but never the latest one (unless it is the only one), so that there is a change to measure.

    Returns the years and whether the fallback was used. Raises ValueError for an empty list or start > end.
    """
    if start > end:
        raise ValueError(f"the baseline start year ({start}) comes after its end year ({end})")
    ordered = sorted(set(years))
    if not ordered:
        raise ValueError("no year given")
    inside = [y for y in ordered if start <= y <= end]
    if inside:
        return inside, False
    return ordered[:min(end - start + 1, max(1, len(ordered) - 1))], True


def baseline_mean(values: Mapping[int, float | None], years: Sequence[int]) -> float | None:
    """Mean of ``values`` over ``years``; None when any of them is missing.

    Taken as the first value plus the mean difference from it, so that equal values have exactly that value as
    their mean: a plain sum / n can miss it by a unit in the last place (five years of 0.4557872253055846 km²
    give 0.45578722530558463), and an unchanged extent then shows a change of -1.2e-14 %."""
    picked = [values.get(y) for y in years]
    if not picked or _missing(*picked):
        return None
    first = float(picked[0])
    return first + math.fsum(float(v) - first for v in picked) / len(picked)


def water_extent_values(extents_km2: Mapping[int, Sequence[float]], base_years: Sequence[int]
                        ) -> tuple[list[ZoneValue], ZoneValue]:
    """6.6.1 per zone and for the whole area (the sums of the zones) from the water extent (km²) per year and
    zone: the latest year's change against the mean of ``base_years``, with a breakdown per year
    (:data:`YEAR_KEY`)."""
    years = sorted(extents_km2)
    n = len(extents_km2[years[0]])
    zones = [_water_extent_value({y: float(extents_km2[y][i]) for y in years}, base_years) for i in range(n)]
    return zones, _water_extent_value({y: float(np.sum(extents_km2[y])) for y in years}, base_years)


def _water_extent_value(km2: dict[int, float], base_years: Sequence[int]) -> ZoneValue:
    base = baseline_mean(km2, base_years)
    per_year = {y: ZoneValue(percent_change(v, base), v, base) for y, v in km2.items()}
    components = {"baseline_km2": base}
    components.update({f"water_km2_{y}": v for y, v in km2.items()})
    components.update({f"change_pct_{y}": part.value for y, part in per_year.items()})
    latest = per_year[max(per_year)]
    return ZoneValue(latest.value, latest.numerator, base, components,
                     {f"{YEAR_KEY}{y}": part for y, part in per_year.items()})
