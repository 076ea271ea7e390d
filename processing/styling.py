"""Styles applied to algorithm outputs when QGIS loads them."""
from __future__ import annotations

from typing import Callable, Sequence

from qgis.core import (
    QgsColorRamp,
    QgsGraduatedSymbolRenderer,
    QgsPalettedRasterRenderer,
    QgsProcessingLayerPostProcessorInterface,
    QgsRasterLayer,
    QgsRendererRange,
    QgsStyle,
    QgsSymbol,
    QgsVectorLayer,
)
from qgis.PyQt.QtGui import QColor

from ..core.numbers import number_or_none
from ..core.report_layout import value_classes

#: Most classes of a graduated map (fewer for fewer distinct values).
MAX_CLASSES = 5


def field_values(layer: QgsVectorLayer, field: str) -> list[float]:
    """The numbers of ``field`` in ``layer`` (no NULL, no NaN, no text)."""
    values = (number_or_none(feature[field], lenient=True) for feature in layer.getFeatures())
    return [value for value in values if value is not None]


def quantile_renderer(values: Sequence[float], field: str, symbol: QgsSymbol, ramp: QgsColorRamp | None = None,
                      unit: str = "", classes: int = MAX_CLASSES) -> QgsGraduatedSymbolRenderer:
    """Quantile classes of ``values`` on ``field`` (at most ``classes``; the rule is
    :func:`..core.report_layout.value_classes`: breaks are values, equal breaks merged, none empty, a one-value class
    labelled with its value, not "0 – 0"), labelled at a precision that tells the edges apart, with the unit.

    Classes come from the values themselves (QGIS 3.22 reads NULL as 0 when it classifies a layer).
    """
    values = [float(value) for value in values if number_or_none(value) is not None]
    renderer = QgsGraduatedSymbolRenderer(field)
    renderer.setSourceSymbol(symbol.clone())
    for item in value_classes(values, classes, unit):
        renderer.addClassRange(QgsRendererRange(item.lower, item.upper, symbol.clone(), item.label))
    if ramp is not None:
        renderer.updateColorRamp(ramp)
    return renderer


class GraduatedValueStyle(QgsProcessingLayerPostProcessorInterface):
    """A quantile graduated style on the ``value`` field (:func:`quantile_renderer`)."""

    def __init__(self, ramp: str = "Viridis", classes: int = MAX_CLASSES) -> None:
        super().__init__()
        self.ramp = ramp
        self.classes = classes

    def postProcessLayer(self, layer, context, feedback) -> None:
        if not isinstance(layer, QgsVectorLayer) or layer.fields().indexFromName("value") < 0:
            return
        layer.setRenderer(quantile_renderer(field_values(layer, "value"), "value",
                                            QgsSymbol.defaultSymbol(layer.geometryType()),
                                            QgsStyle.defaultStyle().colorRamp(self.ramp), classes=self.classes))
        layer.triggerRepaint()


class PalettedStyle(QgsProcessingLayerPostProcessorInterface):
    """A paletted style for a class raster: ``classes()`` gives (value, colour, label) when the layer loads, so
    the labels are in the user's language."""

    def __init__(self, classes: Callable[[], Sequence[tuple[int, str, str]]]) -> None:
        super().__init__()
        self.classes = classes

    def postProcessLayer(self, layer, context, feedback) -> None:
        if not isinstance(layer, QgsRasterLayer):
            return
        classes = [QgsPalettedRasterRenderer.Class(value, QColor(colour), label)
                   for value, colour, label in self.classes()]
        layer.setRenderer(QgsPalettedRasterRenderer(layer.dataProvider(), 1, classes))
        layer.triggerRepaint()
