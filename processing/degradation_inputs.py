"""What the land algorithms (15.3.1 and its sub-indicators) share: the state categories and colours, the soil
organic carbon threshold parameter and the land cover mapping parameter."""
from __future__ import annotations

import numpy as np
from qgis.core import (
    QgsProcessingAlgorithm,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingParameterNumber,
)

from ..core.degradation import DEGRADED, GLOBELAND30_MAPPING, IMPROVED, SOC_THRESHOLD_PCT, STABLE, parse_class_mapping
from ..translation import tr

#: Categories of the zonal area sums.
CATEGORY = {DEGRADED: 1, STABLE: 2, IMPROVED: 3}
STATE_COLOURS = {DEGRADED: "#d7191c", STABLE: "#ffffbf", IMPROVED: "#1a9641"}


def state_classes() -> list[tuple[int, str, str]]:
    """Value, colour and label of the combined raster's states (degraded red, stable yellow, improved green)."""
    labels = {DEGRADED: tr("Degraded"), STABLE: tr("Stable"), IMPROVED: tr("Improved")}
    return [(value, STATE_COLOURS[value], labels[value]) for value in (DEGRADED, STABLE, IMPROVED)]


def soc_threshold_parameter(name: str) -> QgsProcessingParameterNumber:
    """The soil organic carbon change (%) counted as degradation or improvement (default: the GPG's)."""
    return QgsProcessingParameterNumber(
        name, tr("Soil organic carbon change counted as degradation or improvement (%)"),
        QgsProcessingParameterNumber.Type.Double, defaultValue=SOC_THRESHOLD_PCT, minValue=0.0, maxValue=100.0)


def state_categories(states: np.ndarray) -> np.ndarray:
    """Zonal categories (1 degraded, 2 stable, 3 improved, 0 unknown) of -1/0/1 states."""
    categories = np.zeros(states.shape, dtype=np.uint8)
    for state, category in CATEGORY.items():
        categories[states == state] = category
    return categories


def land_cover_mapping(algorithm: QgsProcessingAlgorithm, parameters: dict,
                       context: QgsProcessingContext) -> dict[int, int]:
    """The algorithm's LANDCOVER_MAPPING parameter parsed (default GlobeLand30)."""
    name = "LANDCOVER_MAPPING"
    text = algorithm.parameterAsString(parameters, name, context) or GLOBELAND30_MAPPING
    try:
        return parse_class_mapping(text)
    except ValueError as err:
        raise QgsProcessingException(tr("Parameter {}: {}").format(name, err)) from err
