"""YEAR in the algorithm dialog, filled in from the input layers as the user picks them.

QGIS's parameter panel builds YEAR's widget from the parameter's ``widget_wrapper`` metadata
(:func:`.reference_year.year_parameter`). In the algorithm dialog this wrapper listens to the input layers' widgets
and shows the one year they agree on (the layer's metadata temporal extent, GDAL ``YEAR`` / ``TIFFTAG_DATETIME``,
a year in the layer or file name: :func:`.reference_year.layer_years`), saying where it was read; a year the user
types stays. Batch and model dialogs get QGIS's own number widget (a model can still take YEAR from a model input);
there, as in qgis_process, an empty YEAR is read from the inputs when the algorithm runs.
"""
from __future__ import annotations

from qgis.core import (
    QgsMapLayer,
    QgsProcessingContext,
    QgsProcessingFeatureSourceDefinition,
    QgsProcessingUtils,
    QgsProject,
)
from qgis.gui import QgsAbstractProcessingParameterWidgetWrapper, QgsGui, QgsProcessingGui, QgsSpinBox

from ..translation import tr
from .reference_year import input_layer_parameters, layer_years

#: The spin box value that stands for "not set" (shown as its special text).
NOT_SET = 1899
_DIALOG_TYPES = {"AlgorithmDialog": QgsProcessingGui.WidgetType.Standard,
                 "BatchAlgorithmDialog": QgsProcessingGui.WidgetType.Batch,
                 "ModelerParametersDialog": QgsProcessingGui.WidgetType.Modeler}


class YearWidgetWrapper(QgsAbstractProcessingParameterWidgetWrapper):
    """A year spin box (empty: "from the inputs") that follows the input layers until the user sets a year."""

    def __new__(cls, parameter, dialog, row=0, col=0, **kwargs):
        kind = _DIALOG_TYPES.get(type(dialog).__name__, QgsProcessingGui.WidgetType.Standard)
        if kind != QgsProcessingGui.WidgetType.Standard:
            return qgis_wrapper(parameter, dialog, kind)
        return super().__new__(cls)

    def __init__(self, parameter, dialog, row=0, col=0, **kwargs) -> None:
        super().__init__(parameter, QgsProcessingGui.WidgetType.Standard)
        self.setDialog(dialog)
        self.typed = False  # the user set the year: picked layers no longer change it
        self._filling = False
        self._layer_wrappers: list[QgsAbstractProcessingParameterWidgetWrapper] = []
        self._python_spin: QgsSpinBox | None = None

    @property
    def spin(self) -> QgsSpinBox | None:
        """The spin box while Qt keeps it (None once the dialog has deleted it)."""
        return self.wrappedWidget()

    def createWidget(self):  # noqa: N802 (Qt API)
        spin = QgsSpinBox()
        spin.setRange(NOT_SET, 2100)
        spin.setSpecialValueText(tr("from the inputs"))
        spin.setClearValue(NOT_SET)
        spin.setShowClearButton(True)
        spin.setValue(NOT_SET)
        spin.setToolTip(tr("Left empty, the year is read from the input layers"))
        spin.valueChanged.connect(self._changed)
        # QGIS takes the C++ widget, not its Python object: without this reference Python frees that object (and
        # the connection above) while Qt still uses the widget - a use after free (crash with PYTHONMALLOC=debug)
        self._python_spin = spin
        return spin

    def setWidgetValue(self, value, context) -> None:  # noqa: N802 (Qt API)
        self._fill(int(value) if value not in (None, "") else NOT_SET)

    def widgetValue(self):  # noqa: N802 (Qt API)
        return None if self.spin is None or self.spin.value() == NOT_SET else self.spin.value()

    def postInitialize(self, wrappers) -> None:  # noqa: N802 (Qt API)
        names = input_layer_parameters(self.parameterDefinition().algorithm())
        self._layer_wrappers = [w for w in wrappers if w.parameterDefinition().name() in names]
        for wrapper in self._layer_wrappers:
            wrapper.widgetValueHasChanged.connect(self.follow_layers)
        self.follow_layers()

    def follow_layers(self, *_args) -> None:
        """Show the year the picked input layers agree on (empty when they name none or several)."""
        if self.typed or self.spin is None:
            return
        context = QgsProcessingContext()
        context.setProject(QgsProject.instance())
        layers = [layer for wrapper in self._layer_wrappers for layer in _layers(wrapper.parameterValue(), context)]
        found = layer_years(layers)
        self._fill(next(iter(found)) if len(found) == 1 else NOT_SET)
        self.spin.setToolTip(tr("Read from {}").format(next(iter(found.values()))) if len(found) == 1 else
                             tr("Left empty, the year is read from the input layers"))

    def _fill(self, year: int) -> None:
        self._filling = True
        self.spin.setValue(year)
        self._filling = False

    def _changed(self, value: int) -> None:
        if not self._filling:
            self.typed = value != NOT_SET  # cleared: follow the layers again
            if not self.typed:
                self.follow_layers()
        self.widgetValueHasChanged.emit(self)


def qgis_wrapper(parameter, dialog, kind):
    """QGIS's own widget for ``parameter`` in a batch or model dialog (what the panel builds without metadata)."""
    registry = QgsGui.processingGuiRegistry()
    if kind == QgsProcessingGui.WidgetType.Modeler:
        wrapper = registry.createModelerParameterWidget(dialog.model, dialog.childId, parameter, dialog.context)
    else:
        wrapper = registry.createParameterWidgetWrapper(parameter, kind)
    wrapper.setDialog(dialog)
    return wrapper


def _layers(value, context: QgsProcessingContext) -> list[QgsMapLayer]:
    """The layers a layer widget's value names: a layer, its id, a source or path, or a list of these."""
    layers = []
    for item in value if isinstance(value, list) else [value]:
        if isinstance(item, QgsProcessingFeatureSourceDefinition):
            item = item.source.staticValue()
        if isinstance(item, QgsMapLayer):
            layers.append(item)
        elif isinstance(item, str) and item:
            layer = QgsProcessingUtils.mapLayerFromString(item, context)
            if layer is not None:
                layers.append(layer)
    return layers
