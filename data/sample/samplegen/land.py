"""Land-condition grids of the sample county at 30 m: an annual NDVI series 2005-2020 with planted trends, an
initial soil organic carbon stock and bioclimatic belts (synthetic stand-ins for MODIS/Landsat NDVI, SoilGrids
0-30 cm and FAO's belts layer)."""
from __future__ import annotations

import numpy as np

from . import noise
from .gridio import Grid
from .spec import ARTIFICIAL, BARE, CULTIVATED, FOREST, GRASS, SEED, SHRUB, WATER, WETLAND

NDVI_YEARS = tuple(range(2005, 2021))
NDVI_SCALE = 10000  # stored as Int16 NDVI × 10000, as MODIS MOD13Q1
NDVI_NODATA = -32768
SOC_NODATA = -9999.0
BELTS_NODATA = 0
#: Mean annual NDVI by GlobeLand30 class.
NDVI_BY_CLASS = {CULTIVATED: 0.58, FOREST: 0.78, GRASS: 0.52, SHRUB: 0.64, WETLAND: 0.46, WATER: 0.04,
                 ARTIFICIAL: 0.20, BARE: 0.12}
#: SOC stock 0-30 cm (t/ha) by GlobeLand30 class (typical of humid subtropical soils; water has none).
SOC_BY_CLASS = {CULTIVATED: 42.0, FOREST: 68.0, GRASS: 55.0, SHRUB: 60.0, WETLAND: 85.0, ARTIFICIAL: 28.0,
                BARE: 20.0}
#: County-wide NDVI anomaly of each year 2005-2020 (wet and dry years; the last three average 0).
ANOMALY = (0.010, -0.020, 0.015, 0.030, -0.010, 0.000, 0.020, -0.025, 0.005, 0.025, -0.015, -0.005, 0.020,
           0.010, -0.015, 0.005)
#: Elevation (m) above which the synthetic belts raster is montane (3); below, remaining mountain area (4).
MONTANE_FROM = 450.0


def _lookup(classes: np.ndarray, table: dict[int, float], missing: float) -> np.ndarray:
    out = np.full(classes.shape, missing, dtype=np.float32)
    for code, value in table.items():
        out[classes == code] = value
    return out


def ndvi_series(grid: Grid, lc2015: np.ndarray, lc2020: np.ndarray, hill: np.ndarray) -> np.ndarray:
    """Annual NDVI (Int16 × 10000), one layer per year of :data:`NDVI_YEARS`.

    Planted trends: pixels whose land cover changes between 2015 and 2020 switch to the new class's level in a
    year 2015-2019 drawn per pixel; hill forest greens by up to 0.008 a year where a noise field is high; a patch
    of the plain's cropland loses up to 0.01 a year; each year has a county-wide anomaly (ANOMALY) and each pixel
    a small noise (±0.02, in steps of 0.005).
    """
    xs, ys = grid.xs, grid.ys
    start = _lookup(lc2015, NDVI_BY_CLASS, 0.3)
    end = _lookup(lc2020, NDVI_BY_CLASS, 0.3)
    cols, rows = np.meshgrid(np.arange(grid.width), np.arange(grid.height))
    draw = noise.hash_uniform(cols, rows, SEED + 41)  # one uniform draw per pixel, reused per year below
    switch = 2015 + np.floor(draw * 5.0)
    greening = 0.008 * np.clip(noise.fbm(xs, ys, 4000.0, SEED + 42, 3) * 2.0, 0.0, 1.0) * (hill > 0.5)
    decline = 0.010 * np.clip(noise.fbm(xs, ys, 3000.0, SEED + 43, 3) * 2.5 - 0.5, 0.0, 1.0) * (
        (lc2015 == CULTIVATED) & (hill < 0.2))
    layers = []
    for year in NDVI_YEARS:
        anomaly = ANOMALY[year - NDVI_YEARS[0]]
        jitter = 0.005 * np.round(8.0 * ((draw * (7919.0 + 104.729 * year)) % 1.0) - 4.0)  # 9 steps of ±0.02
        level = np.where(year >= switch, end, start) + (greening - decline) * (year - NDVI_YEARS[0])
        value = np.clip(level + anomaly + jitter, -0.2, 0.95)
        layers.append(np.round(value * NDVI_SCALE).astype(np.int16))
    return np.stack(layers)


def soc_stock(grid: Grid, lc2015: np.ndarray, hill: np.ndarray) -> np.ndarray:
    """SOC stock 0-30 cm in 2015 (t/ha, Float32): by class, more in the hills, ±15 % noise; none on water."""
    base = _lookup(lc2015, SOC_BY_CLASS, SOC_NODATA)
    fbm = noise.fbm(grid.xs, grid.ys, 2000.0, SEED + 46, 3).astype(np.float64)  # float64: one type on every numpy
    stock = base.astype(np.float64) * (1.0 + 0.15 * fbm) + 12.0 * hill.astype(np.float64)
    return np.where((lc2015 == WATER) | (base == SOC_NODATA), SOC_NODATA, np.round(stock, 1)).astype(np.float32)


def belts(dem: np.ndarray) -> np.ndarray:
    """Bioclimatic belts (Byte): 3 montane from :data:`MONTANE_FROM` m, else 4 remaining mountain area."""
    return np.where(dem >= MONTANE_FROM, 3, 4).astype(np.uint8)
