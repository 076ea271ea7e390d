"""Attribute tables <-> pandas: reading any QGIS table or layer, writing a DataFrame to a table sink."""
from __future__ import annotations

import math

import pandas as pd
from qgis.core import (
    QgsFeature,
    QgsFeatureRequest,
    QgsFeatureSink,
    QgsFields,
    QgsProcessingException,
    QgsProcessingFeatureSource,
    QgsWkbTypes,
)

from ..compat import new_field
from ..core.spreadsheet import csv_text
from ..translation import tr


def source_frame(source: QgsProcessingFeatureSource, name: str, required: tuple[str, ...]) -> pd.DataFrame:
    """The attributes of ``source`` as a DataFrame (NULL -> None); refuses a table lacking ``required`` fields."""
    names = source.fields().names()
    refuse_garbled(name, tr("a field name"), names)
    lower = {field.lower(): field for field in names}
    missing = [field for field in required if field.lower() not in lower]
    if missing:
        raise QgsProcessingException(
            tr("Table '{}' lacks the field(s) {}; it has {}.").format(name, ", ".join(missing), ", ".join(names)))
    request = QgsFeatureRequest().setFlags(QgsFeatureRequest.Flag.NoGeometry)
    records = [[None if is_null(value) else value for value in feature.attributes()]
               for feature in source.getFeatures(request)]
    frame = pd.DataFrame.from_records(records, columns=names)
    for column in names:
        refuse_garbled(name, tr("field '{}'").format(column), frame[column])
    return frame.rename(columns={lower[field.lower()]: field for field in required})


def is_null(value) -> bool:
    """Whether an attribute value is NULL (None, or QGIS's NULL QVariant)."""
    return value is None or (hasattr(value, "isNull") and value.isNull())


def refuse_garbled(layer: str, where: str, values) -> None:
    """Refuse text that did not decode (U+FFFD), typically a GBK shapefile without a .cpg file read as UTF-8:
    it would give wrong names and ids that no longer tell zones apart."""
    bad = next((value for value in values if isinstance(value, str) and "\ufffd" in value), None)
    if bad is not None:
        raise QgsProcessingException(
            tr("Layer '{}': {} holds text that does not decode in the layer's encoding ('{}'). The file "
               "is probably in another encoding, such as GBK, without a .cpg file: set the layer's data source "
               "encoding (Layer Properties > Source), or put a text file with the same name and the extension "
               ".cpg containing GBK beside the shapefile, then run again.").format(layer, where, bad))


_KINDS = {"int": "longlong", "real": "double", "text": "string"}


def table_fields(columns: dict[str, str]) -> QgsFields:
    """Fields from ``{name: "int" | "real" | "text"}``."""
    fields = QgsFields()
    for column, kind in columns.items():
        fields.append(new_field(column, _KINDS[kind]))
    return fields


def write_table(algorithm, parameters, context, sink_name: str, frame: pd.DataFrame,
                columns: dict[str, str]) -> str:
    """Write ``frame`` to the table sink ``sink_name`` (no geometry); returns its destination id. Text written to
    a CSV file is neutralised as in the reports (never read as a formula by a spreadsheet)."""
    fields = table_fields(columns)
    destination = algorithm.parameterAsOutputLayer(parameters, sink_name, context) or ""
    to_csv = destination.split("|")[0].lower().endswith(".csv")
    sink, dest_id = algorithm.parameterAsSink(parameters, sink_name, context, fields, QgsWkbTypes.Type.NoGeometry)
    if sink is None:
        raise QgsProcessingException(algorithm.invalidSinkError(parameters, sink_name))
    for record in frame.to_dict("records"):
        feature = QgsFeature(fields)
        values = [_plain(record.get(column), kind) for column, kind in columns.items()]
        feature.setAttributes([csv_text(v) if to_csv and isinstance(v, str) else v for v in values])
        if not sink.addFeature(feature, QgsFeatureSink.FastInsert):
            raise QgsProcessingException(algorithm.writeFeatureError(sink, parameters, sink_name))
    return dest_id


def _plain(value, kind: str):
    """A value a QGIS field takes: None for missing, plain int/float/str otherwise."""
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return None
    if kind == "int":
        return int(value)
    if kind == "real":
        return float(value)
    return str(value)
