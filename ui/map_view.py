"""The "show on map" action: join an indicator's zone values to a copy of a zones layer and style it graduated.

The user's zones layer is never modified: a memory layer with its geometries, its fields and the value is
added to the project, and its graduated renderer gives the legend in the Layers panel.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping

from qgis.core import (
    QgsClassificationQuantile,
    QgsFeature,
    QgsFields,
    QgsGraduatedSymbolRenderer,
    QgsMemoryProviderUtils,
    QgsProject,
    QgsRendererRange,
    QgsStyle,
    QgsSymbol,
    QgsVectorLayer,
)

from ..compat import new_field

VALUE_FIELD = "sdg_value"
MAX_CLASSES = 5


@dataclass(frozen=True)
class MapResult:
    """The styled layer, how many zones got a value and how many did not."""

    layer: QgsVectorLayer
    matched: int
    unmatched: int


def zone_key(value: object) -> str:
    """A zone id as the results store writes it (a whole float such as 2.0 is ``"2"``)."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return "" if value is None else str(value).strip()


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


def graduated_renderer(layer: QgsVectorLayer, field: str = VALUE_FIELD, ramp: str = "Viridis"
                       ) -> QgsGraduatedSymbolRenderer:
    """Quantile classes of the non-NULL values (at most five, fewer for fewer distinct values) with a ramp.

    Classes are computed from the values themselves: QGIS 3.22 reads NULL as 0 when it classifies a layer.
    """
    raw = (feature[field] for feature in layer.getFeatures())
    values = [float(v) for v in raw if isinstance(v, (int, float)) and v == v]  # no NULL, no NaN
    method = QgsClassificationQuantile()
    renderer = QgsGraduatedSymbolRenderer(field)
    renderer.setClassificationMethod(method)
    symbol = QgsSymbol.defaultSymbol(layer.geometryType())
    for item in method.classes(values, max(1, min(MAX_CLASSES, len(set(values))))):
        renderer.addClassRange(QgsRendererRange(item, symbol.clone()))
    colours = QgsStyle.defaultStyle().colorRamp(ramp)
    if colours is not None:
        renderer.updateColorRamp(colours)
    return renderer


def show_on_map(zones: QgsVectorLayer, id_field: str, values: Mapping[str, float | None], name: str,
                project: QgsProject | None = None) -> MapResult:
    """Join, style and add the layer to ``project`` (default: the current project); a layer where no zone got
    a value (a wrong id field) is not added."""
    result = joined_layer(zones, id_field, values, name)
    if result.matched:
        result.layer.setRenderer(graduated_renderer(result.layer))
        (project or QgsProject.instance()).addMapLayer(result.layer)
    return result
