"""Styles applied to algorithm outputs when QGIS loads them."""
from __future__ import annotations

from typing import Callable, Sequence

from qgis.core import (
    QgsClassificationQuantile,
    QgsGraduatedSymbolRenderer,
    QgsPalettedRasterRenderer,
    QgsProcessingLayerPostProcessorInterface,
    QgsRasterLayer,
    QgsStyle,
    QgsVectorLayer,
)
from qgis.PyQt.QtGui import QColor


class GraduatedValueStyle(QgsProcessingLayerPostProcessorInterface):
    """A five-class quantile graduated style on the ``value`` field."""

    def __init__(self, ramp: str = "Viridis", classes: int = 5) -> None:
        super().__init__()
        self.ramp = ramp
        self.classes = classes

    def postProcessLayer(self, layer, context, feedback) -> None:
        if not isinstance(layer, QgsVectorLayer) or layer.fields().indexFromName("value") < 0:
            return
        renderer = QgsGraduatedSymbolRenderer("value")
        renderer.setClassificationMethod(QgsClassificationQuantile())
        renderer.updateClasses(layer, self.classes)
        ramp = QgsStyle.defaultStyle().colorRamp(self.ramp)
        if ramp is not None:
            renderer.updateColorRamp(ramp)
        layer.setRenderer(renderer)
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
