"""Styles applied to algorithm outputs when QGIS loads them."""
from __future__ import annotations

from typing import Callable, Sequence

from qgis.core import (
    QgsClassificationQuantile,
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
from ..core.report_layout import label_precision

#: Most classes of a graduated map (fewer for fewer distinct values).
MAX_CLASSES = 5


def field_values(layer: QgsVectorLayer, field: str) -> list[float]:
    """The numbers of ``field`` in ``layer`` (no NULL, no NaN, no text)."""
    values = (number_or_none(feature[field], lenient=True) for feature in layer.getFeatures())
    return [value for value in values if value is not None]


def quantile_renderer(values: Sequence[float], field: str, symbol: QgsSymbol, ramp: QgsColorRamp | None = None,
                      unit: str = "", classes: int = MAX_CLASSES) -> QgsGraduatedSymbolRenderer:
    """Quantile classes of ``values`` on ``field`` (at most ``classes``), labelled "low – high" at a precision that
    suits the values (and tells the class edges apart), with the unit.

    Classes come from the values themselves (QGIS 3.22 reads NULL as 0 when it classifies a layer). Equal breaks
    (many zones sharing a value) are merged and a class that would hold no value is joined to the next, so no
    class is empty or repeated; a class holding one value only is labelled with that value, not "0 – 0".
    """
    values = [float(value) for value in values if number_or_none(value) is not None]
    method = QgsClassificationQuantile()
    method.setLabelPrecision(label_precision(values))
    method.setLabelTrimTrailingZeroes(True)
    method.setLabelFormat(f"%1 – %2 {unit}".strip())
    renderer = QgsGraduatedSymbolRenderer(field)
    renderer.setClassificationMethod(method)
    renderer.setSourceSymbol(symbol.clone())
    bounds = quantile_bounds(method, values, classes)
    _distinct_labels(method, sorted({edge for pair in bounds for edge in pair}))
    for lower, upper in bounds:
        label = (f"{method.formatNumber(lower)} {unit}".strip() if lower == upper
                 else method.labelForRange(lower, upper))
        renderer.addClassRange(QgsRendererRange(lower, upper, symbol.clone(), label))
    if ramp is not None:
        renderer.updateColorRamp(ramp)
    return renderer


def _distinct_labels(method: QgsClassificationQuantile, edges: list[float], most: int = 6) -> None:
    """More decimals (up to ``most``) while two different class edges would print alike (99.91 and 99.94 are
    not both "99.9")."""
    precision = method.labelPrecision()
    while precision < most and len({method.formatNumber(edge) for edge in edges}) < len(edges):
        precision += 1
        method.setLabelPrecision(precision)


def quantile_bounds(method: QgsClassificationQuantile, values: Sequence[float],
                    classes: int) -> list[tuple[float, float]]:
    """(lower, upper) of each non-empty class: the first holds its lower bound, the others ``lower < v <= upper``
    (QGIS's rule)."""
    if not values:
        return []
    breaks = sorted({item.upperBound() for item in method.classes(list(values), max(1, min(classes,
                                                                                          len(set(values)))))})
    bounds: list[tuple[float, float]] = []
    lower = min(values)
    for upper in breaks:
        if any((lower < value <= upper) or (not bounds and value == lower) for value in values):
            bounds.append((lower, upper))
            lower = upper
    return bounds


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
