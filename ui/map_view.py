"""The "show on map" action: join an indicator's zone values to a copy of a zones layer and style it graduated.

The user's zones layer is never modified: a memory layer with its geometries, its fields and the value is
added to the project, and its graduated renderer gives the legend in the Layers panel.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Mapping

from qgis.core import (
    QgsFeature,
    QgsFields,
    QgsGraduatedSymbolRenderer,
    QgsMemoryProviderUtils,
    QgsProject,
    QgsStyle,
    QgsSymbol,
    QgsVectorLayer,
)

from ..compat import new_field
from ..core.progress_data import DECREASE, INCREASE
from ..processing.styling import field_values, quantile_renderer
from ..processing.tables import is_null

VALUE_FIELD = "sdg_value"


@dataclass(frozen=True)
class MapResult:
    """The styled layer, how many zones got a value and how many did not."""

    layer: QgsVectorLayer
    matched: int
    unmatched: int


def source_key(source: str) -> tuple[str, str]:
    """A layer source as (real path, layer name) so that two spellings of one layer compare equal."""
    path, _, options = str(source).partition("|")
    name = next((part.split("=", 1)[1] for part in options.split("|") if part.startswith("layername=")), "")
    return os.path.normcase(os.path.realpath(path)) if os.path.exists(path) else path, name


def project_layer(source: str, project: QgsProject | None = None) -> QgsVectorLayer | None:
    """The project's vector layer reading ``source`` (a path with ``|layername=``), or None."""
    wanted = source_key(source)
    for layer in (project or QgsProject.instance()).mapLayers().values():
        if isinstance(layer, QgsVectorLayer) and source_key(layer.source()) == wanted:
            return layer
    return None


def zone_key(value: object) -> str:
    """A zone id as the results store writes it (a whole float such as 2.0 is ``"2"``); NULL is no id (``""``,
    never the text 'NULL', which is a real id)."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return "" if is_null(value) else str(value).strip()


def joined_layer(zones: QgsVectorLayer, id_field: str, values: Mapping[str, float | None], name: str
                 ) -> MapResult:
    """A memory copy of ``zones`` with :data:`VALUE_FIELD` filled from ``values`` by ``id_field``."""
    fields = QgsFields(zones.fields())
    fields.append(new_field(VALUE_FIELD, "double"))
    layer = QgsMemoryProviderUtils.createMemoryLayer(name, fields, zones.wkbType(), zones.crs())
    features, matched = [], 0
    for source in zones.getFeatures():
        feature = QgsFeature(fields)
        feature.setGeometry(source.geometry())
        value = values.get(zone_key(source[id_field]))
        matched += value is not None
        feature.setAttributes([*source.attributes(), value])
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    layer.updateExtents()
    return MapResult(layer, matched, len(features) - matched)


def graduated_renderer(layer: QgsVectorLayer, field: str = VALUE_FIELD, unit: str = "", direction: str = ""
                       ) -> QgsGraduatedSymbolRenderer:
    """Quantile classes of the values (see :func:`quantile_renderer`), red to green toward the desired
    ``direction`` (green high for ``increase``, green low for ``decrease``), else Viridis."""
    return quantile_renderer(field_values(layer, field), field, QgsSymbol.defaultSymbol(layer.geometryType()),
                             ramp_for(direction), unit)


def ramp_for(direction: str):
    """The colour ramp for values whose desired direction is ``direction``."""
    style = QgsStyle.defaultStyle()
    if direction not in (INCREASE, DECREASE):
        return style.colorRamp("Viridis")
    ramp = style.colorRamp("RdYlGn")
    if ramp is not None and direction == DECREASE:
        ramp.invert()
    return ramp


def show_on_map(zones: QgsVectorLayer, id_field: str, values: Mapping[str, float | None], name: str,
                project: QgsProject | None = None, unit: str = "", direction: str = "") -> MapResult:
    """Join, style and add the layer to ``project`` (default: the current project); a layer where no zone got
    a value (a wrong id field) is not added."""
    result = joined_layer(zones, id_field, values, name)
    if result.matched:
        result.layer.setRenderer(graduated_renderer(result.layer, unit=unit, direction=direction))
        (project or QgsProject.instance()).addMapLayer(result.layer)
    return result
