"""compat.py: the newer QGIS API where it exists, without deprecation warnings, on every supported version."""
from __future__ import annotations

import warnings

import pytest
from qgis.core import QgsApplication, QgsFeature, QgsFields, QgsMemoryProviderUtils, QgsProcessingContext, QgsWkbTypes
from sdg_monitor.compat import QT_BINDING, import_pyqtgraph, new_field, parameter_strings


@pytest.fixture
def no_deprecation():
    with warnings.catch_warnings():
        warnings.simplefilter("error", DeprecationWarning)
        yield


def test_fields_hold_their_kind_of_value(no_deprecation):
    fields = QgsFields()
    for name, kind in (("s", "string"), ("d", "double"), ("i", "int"), ("big", "longlong")):
        fields.append(new_field(name, kind))
    layer = QgsMemoryProviderUtils.createMemoryLayer("t", fields, QgsWkbTypes.Type.NoGeometry)
    feature = QgsFeature(fields)
    feature.setAttributes(["县 A", 1.25, 7, 2 ** 40])
    assert layer.dataProvider().addFeatures([feature])[0]
    assert next(layer.getFeatures()).attributes() == ["县 A", 1.25, 7, 2 ** 40]
    assert [f.typeName().lower() for f in layer.fields()] in (
        ["string", "double", "integer", "integer64"], ["string", "double", "integer", "int8"])


def test_field_list_parameter_as_strings(qgis_processing, no_deprecation):
    algorithm = QgsApplication.processingRegistry().createAlgorithmById("native:dissolve")
    assert parameter_strings(algorithm, {"FIELD": ["code", "name"]}, "FIELD", QgsProcessingContext()) == [
        "code", "name"]


def test_pyqtgraph_runs_on_the_binding_qgis_uses():
    pg = import_pyqtgraph()
    assert pg is not None and pg.Qt.QT_LIB == QT_BINDING
