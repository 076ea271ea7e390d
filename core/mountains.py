"""SDG 15.4.2 as revised by FAO (2022): land cover in the 10 SEEA classes, bioclimatic belts, the Mountain Green
Cover Index (sub-indicator a) and degraded mountain land from land-cover transitions (sub-indicator b).

Sources: UN SDG metadata 15.4.2 (FAO, rev. 2022); FAO's SEPAL-SDG 15.4.2 tool (parameter tables
``lc_classification.csv``, ``lc_map_matrix.csv``, ``transition_matrix.csv``, ``biobelts_label.csv``); the
bioclimatic belts of Körner, Paulsen and Spehn (2011), grouped into four as in FAO's mountain descriptor layer
``SDG1542_Mntn_BioclimaticBelts`` (readme of the SDG 15.4.2 World Mountain Map).
"""
from __future__ import annotations

import numpy as np

#: SEEA land-cover classes of the revised 15.4.2 (codes 1-10).
SEEA_CLASSES = (
    "Artificial surfaces", "Croplands", "Grassland", "Tree-covered areas", "Shrub-covered areas",
    "Shrubs and/or herbaceous vegetation, aquatic or regularly flooded", "Sparsely natural vegetated areas",
    "Terrestrial barren land", "Permanent snow and glaciers", "Inland water bodies",
)
#: Green cover (FAO's ``lc_map_matrix``): croplands, grassland, tree-covered, shrub-covered, flooded vegetation.
GREEN_SEEA = (2, 3, 4, 5, 6)

#: GlobeLand30 codes to SEEA classes: 80 artificial surfaces -> 1; 10 cultivated land -> 2; 30 grassland -> 3;
#: 20 forest -> 4; 40 shrubland -> 5; 50 wetland -> 6; 70 tundra -> 7; 90 bareland -> 8; 100 permanent snow and
#: ice -> 9; 60 water bodies -> 10.
GLOBELAND30_SEEA = "80=1; 10=2; 30=3; 20=4; 40=5; 50=6; 70=7; 90=8; 100=9; 60=10"

#: FAO's default transitions between SEEA classes for sub-indicator (b) (rows: class at the baseline, columns:
#: class at the end; -1 degradation, 0 stable, 1 improvement), from SEPAL-SDG 15.4.2 ``transition_matrix.csv``.
FAO_TRANSITIONS = np.array([
    [0, 1, 1, 1, 1, 1, 1, 1, 1, 1],  # artificial
    [-1, 0, 1, 1, 1, 1, -1, -1, 1, 0],  # croplands
    [-1, -1, 0, 1, 1, 1, -1, -1, 1, 0],  # grassland
    [-1, -1, -1, 0, -1, 0, -1, -1, 1, 0],  # tree-covered
    [-1, -1, -1, 1, 0, 0, -1, -1, 1, 0],  # shrub-covered
    [-1, -1, -1, -1, -1, 0, -1, -1, 1, 0],  # flooded vegetation
    [-1, 0, 0, 1, 1, 0, 0, 0, 1, 0],  # sparsely vegetated
    [-1, 1, 1, 1, 1, 1, 0, 0, 1, 0],  # barren land
    [-1, -1, -1, -1, -1, -1, -1, -1, 0, -1],  # snow and glaciers
    [-1, -1, -1, -1, -1, -1, -1, -1, 1, 0],  # water bodies
], dtype=np.int16)

#: Bioclimatic belts: 1 nival, 2 alpine, 3 montane, 4 remaining mountain area; 0 unknown.
BELTS = (1, 2, 3, 4)
BELT_KEYS = ("nival", "alpine", "montane", "remaining")


def korner_belts(season_days: np.ndarray, season_temperature: np.ndarray, valid: np.ndarray) -> np.ndarray:
    """Belt per pixel from the growing season's length (days) and mean temperature (°C), Körner et al. (2011)
    as grouped by FAO: nival below 10 days; alpine (upper and lower alpine) below 94 days or below 6.4 °C;
    montane (upper and lower montane) up to 15 °C; remaining mountain area (warm zones) above 15 °C; 0 where
    ``valid`` is False."""
    with np.errstate(invalid="ignore"):
        belts = np.where(season_days < 10, 1, np.where(
            (season_days < 94) | (season_temperature < 6.4), 2, np.where(season_temperature <= 15.0, 3, 4)))
    return np.where(valid, belts, 0).astype(np.uint8)


def green_categories(mountain: np.ndarray, belt: np.ndarray, seea: np.ndarray) -> np.ndarray:
    """Zonal category for sub-indicator (a): 1 + 2 × belt + green (belt 0-4, green 0/1) on mountain pixels with
    a SEEA class, 0 elsewhere."""
    green = np.isin(seea, GREEN_SEEA)
    return np.where(mountain & (seea > 0), 1 + 2 * belt.astype(np.int64) + green, 0).astype(np.uint8)


def transition_categories(mountain: np.ndarray, belt: np.ndarray, state: np.ndarray,
                          nodata: int) -> np.ndarray:
    """Zonal category for sub-indicator (b): 1 + 3 × belt + (state + 1) on mountain pixels with a known
    transition state (-1/0/1), 0 elsewhere."""
    known = mountain & (state != nodata)
    return np.where(known, 1 + 3 * belt.astype(np.int64) + state + 1, 0).astype(np.uint8)
