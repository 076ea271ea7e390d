"""SDG 15.1.1 forest area as a proportion of total land area (UN SDG metadata 15.1.1, custodian FAO): forest
area / land area × 100, land being the total area less inland water; the whole area's value is the sum of forest
over the sum of land of all zones."""
from __future__ import annotations

from typing import Sequence

import numpy as np

from .classes import require_classes
from .formulas import ratio
from .messages import FOREST_AND_WATER, InputError
from .results import ZoneValue

#: Categories of :func:`core.classes.classify` with the groups of :func:`forest_groups` (0: nodata).
FOREST, WATER, OTHER_LAND = 1, 2, 3
COMPONENTS = ("forest_km2", "land_km2")


def forest_groups(forest: Sequence[int], water: Sequence[int]) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """The class groups to classify by (forest, water); refuses no forest class and a class listed in both."""
    forest = require_classes("FOREST_CLASSES", forest)
    overlap = sorted(set(forest) & set(water))
    if overlap:
        raise InputError(FOREST_AND_WATER, overlap)
    return forest, tuple(water)


def forest_values(areas_m2: np.ndarray) -> tuple[list[ZoneValue], ZoneValue]:
    """Per zone and for the whole area, from the true areas (m²) per (zone label, category) of
    :class:`core.zonal.CategoryAreas` (label 0: outside every zone, not counted)."""
    km2 = areas_m2[1:] / 1e6
    forest_km2 = km2[:, FOREST]
    land_km2 = km2[:, FOREST] + km2[:, OTHER_LAND]
    zones = [_value(f, lnd) for f, lnd in zip(forest_km2, land_km2)]
    return zones, _value(float(np.sum(forest_km2)), float(np.sum(land_km2)))


def _value(forest_km2: float, land_km2: float) -> ZoneValue:
    return ZoneValue(ratio(forest_km2, land_km2), forest_km2, land_km2,
                     {"forest_km2": float(forest_km2), "land_km2": float(land_km2)})
