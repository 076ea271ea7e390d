"""SDG 15.3.1 soil organic carbon (SOC) from an initial stock and land-cover change (IPCC Tier 1 land-use factors).

Classes are the 7 UNCCD classes of :mod:`core.degradation`. The coefficients are Trends.Earth's table of land-use
conversion coefficients for SOC (documentation "UNCCD reporting: Soil organic carbon", from a literature review by
the UNCCD): the proportion of the stock after 20 years of a land-cover change. Conversions to and from cropland
use the IPCC land-use factor f of the climate region (IPCC 2006 Guidelines, Vol. 4, Ch. 5, Table 5.5, F_LU of
long-term cultivated land): to cropland f, from cropland 1/f; wetland to cropland 0.71 and back 1/0.71; forest,
grassland, cropland and wetland to artificial or other land (bare) 0.1; artificial or other land to forest,
grassland, cropland or wetland 2; every other transition 1. The stock moves linearly to its new level over the
IPCC default transition period of 20 years (IPCC 2006, Vol. 4, Ch. 2, Eq. 2.25).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import numpy as np

#: IPCC default time for a stock to reach its new level (years).
TRANSITION_YEARS = 20
WETLAND_TO_CROPLAND = 0.71
TO_SEALED = 0.1
FROM_SEALED = 2.0


@dataclass(frozen=True)
class ClimateRegion:
    """A climate region: its code in a climate raster, a name and the IPCC land-use factor f of cropland."""

    code: int
    name: str
    factor: float


#: IPCC 2006, Vol. 4, Table 5.5, F_LU for long-term cultivated land, as used by Trends.Earth.
IPCC_REGIONS = (
    ClimateRegion(1, "Temperate dry", 0.80),
    ClimateRegion(2, "Temperate moist", 0.69),
    ClimateRegion(3, "Tropical dry", 0.58),
    ClimateRegion(4, "Tropical moist", 0.48),
    ClimateRegion(5, "Tropical montane", 0.64),
)


def coefficients(factor: float) -> np.ndarray:
    """The 7 × 7 SOC conversion coefficients (rows: class at the start, columns: class at the end) for a
    climate region's cropland factor f."""
    table = np.ones((7, 7))
    vegetated, sealed = [0, 1, 3], [4, 5]  # forest, grassland, wetland; artificial, other land
    table[[0, 1], 2] = factor
    table[2, [0, 1]] = 1.0 / factor
    table[3, 2] = WETLAND_TO_CROPLAND
    table[2, 3] = 1.0 / WETLAND_TO_CROPLAND
    for row in [*vegetated, 2]:
        table[row, sealed] = TO_SEALED
    for row in sealed:
        table[row, [*vegetated, 2]] = FROM_SEALED
    return table


def parse_regions(values: Sequence) -> list[ClimateRegion]:
    """Climate regions from a flat table of rows (code, name, factor); ValueError naming the bad row."""
    values = list(values)
    if not values or len(values) % 3:
        raise ValueError(f"the climate table needs rows of 3 values (code, name, factor); got {len(values)} values")
    regions = []
    for start in range(0, len(values), 3):
        code, name, factor = values[start:start + 3]
        row = start // 3 + 1
        try:
            region = ClimateRegion(int(float(str(code))), str(name).strip(), float(str(factor)))
        except ValueError:
            raise ValueError(f"row {row} of the climate table ({code}, {name}, {factor}) needs an integer code "
                             "and a number as factor") from None
        if not region.factor > 0:
            raise ValueError(f"row {row} of the climate table: the factor {factor} must be positive")
        if any(other.code == region.code for other in regions):
            raise ValueError(f"climate code {region.code} is in the table twice")
        regions.append(region)
    return regions


def stock_change_ratio(start: np.ndarray, end: np.ndarray, region: np.ndarray, tables: np.ndarray,
                       years: float) -> np.ndarray:
    """End stock over start stock per pixel: 1 + (coefficient - 1) × min(years, 20) / 20, the coefficient of the
    pixel's transition (UNCCD classes 1-7, 0 unknown) in its region's table (index into ``tables``, -1 unknown);
    NaN where the class or region is unknown."""
    known = (start > 0) & (end > 0) & (region >= 0)
    ratio = np.full(start.shape, np.nan)
    coefficient = tables[region[known], start[known].astype(np.intp) - 1, end[known].astype(np.intp) - 1]
    ratio[known] = 1.0 + (coefficient - 1.0) * min(max(years, 0.0), TRANSITION_YEARS) / TRANSITION_YEARS
    return ratio
