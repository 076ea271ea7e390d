"""Styles applied to algorithm outputs when QGIS loads them."""
from __future__ import annotations

from qgis.core import (
    QgsClassificationQuantile,
    QgsGraduatedSymbolRenderer,
    QgsProcessingLayerPostProcessorInterface,
    QgsStyle,
    QgsVectorLayer,
)


class GraduatedValueStyle(QgsProcessingLayerPostProcessorInterface):
    """A five-class quantile graduated style on the ``value`` field."""

    def __init__(self, ramp: str = "Viridis", classes: int = 5) -> None:
        super().__init__()
        self.ramp = ramp
        self.classes = classes

    def postProcessLayer(self, layer, context, feedback) -> None:  # noqa: N802
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
