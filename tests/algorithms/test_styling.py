"""The one quantile renderer (outputs, the dock's map, the PDF's maps): classes from the values, none empty or
repeated when many zones share a value, every value in exactly one class."""
from __future__ import annotations

import pytest
from qgis.core import QgsFeature, QgsFillSymbol, QgsStyle, QgsVectorLayer


def _members(renderer, values):
    """The values in each class by QGIS's rule (the first class holds its lower bound, the others lower < v)."""
    ranges = renderer.ranges()
    return [[v for v in values if (r.lowerValue() < v or (i == 0 and v == r.lowerValue())) and v <= r.upperValue()]
            for i, r in enumerate(ranges)]


@pytest.mark.parametrize("values", [
    [0.0] * 12 + [1.0, 2.0, 3.0, 10.0],  # most zones at 0: the "0 - 0" legend of the PDF map
    [5.0] * 4,  # one value
    [1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0],
    [0.0, 0.0, 0.0, 50.0, 50.0, 50.0, 100.0],
])
def test_no_class_is_empty_or_repeated(qgis_app, values):
    from sdg_monitor.processing.styling import quantile_renderer

    symbol = QgsFillSymbol.createSimple({})
    renderer = quantile_renderer(values, "value", symbol, QgsStyle.defaultStyle().colorRamp("Viridis"), unit="%")
    members = _members(renderer, values)
    assert 1 <= len(members) <= 5 and all(members)
    assert sorted(v for group in members for v in group) == sorted(values)  # each value in exactly one class
    bounds = [(r.lowerValue(), r.upperValue()) for r in renderer.ranges()]
    assert len(set(bounds)) == len(bounds)
    for (lower, upper), item in zip(bounds, renderer.ranges()):
        assert item.label().endswith("%")
        if lower == upper:
            assert " – " not in item.label()  # a one-value class is labelled with its value, not "0 – 0"


def test_labels_tell_close_edges_apart(qgis_app):
    """Values 99.90 ... 99.99: one decimal would print every edge as "99.9"."""
    from sdg_monitor.processing.styling import quantile_renderer

    values = [99.90, 99.92, 99.93, 99.95, 99.97, 99.99]
    renderer = quantile_renderer(values, "value", QgsFillSymbol.createSimple({}))
    labels = [item.label() for item in renderer.ranges()]
    assert len(labels) == 5 and len(set(labels)) == 5
    assert labels[0].startswith("99.9 – ")


def test_classes_come_from_the_values_not_null(qgis_app):
    """NULL is no value (QGIS 3.22 would classify it as 0)."""
    from sdg_monitor.processing.styling import field_values, quantile_renderer

    layer = QgsVectorLayer("Polygon?field=value:double", "zones", "memory")
    for value in (None, None, 10.0, 20.0, 30.0):
        feature = QgsFeature(layer.fields())
        feature.setAttributes([value])
        layer.dataProvider().addFeature(feature)
    values = field_values(layer, "value")
    assert values == [10.0, 20.0, 30.0]
    renderer = quantile_renderer(values, "value", QgsFillSymbol.createSimple({}))
    assert renderer.ranges()[0].lowerValue() == 10.0 and renderer.ranges()[-1].upperValue() == 30.0
