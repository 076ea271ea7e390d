"""The one home for API differences between the QGIS versions the plugin runs on (3.22 to 4.x, Qt 5 and Qt 6).

Everything else calls these helpers instead of checking versions itself.
"""
from __future__ import annotations

import os
from types import ModuleType
from typing import Any

from qgis.core import Qgis, QgsField, QgsProcessingAlgorithm
from qgis.PyQt.QtCore import QT_VERSION_STR, QMetaType

#: The Python Qt binding QGIS runs on: PyQt5 for QGIS 3, PyQt6 for QGIS 4.
QT_BINDING = f"PyQt{QT_VERSION_STR.split('.')[0]}"

#: QGIS 3.38 takes QMetaType.Type for field types and deprecates QVariant.Type (gone with Qt 6).
FIELDS_TAKE_METATYPE = Qgis.QGIS_VERSION_INT >= 33800
#: Field kinds by name: (QMetaType.Type member, QVariant.Type member).
_KINDS = {"string": ("QString", "String"), "double": ("Double", "Double"), "int": ("Int", "Int"),
          "longlong": ("LongLong", "LongLong")}


def field_type(kind: str) -> Any:
    """The type value QgsField takes on this QGIS for ``kind`` (string, double, int or longlong)."""
    metatype, variant = _KINDS[kind]
    if FIELDS_TAKE_METATYPE:
        return getattr(QMetaType.Type, metatype)
    from qgis.PyQt.QtCore import QVariant  # Qt 5 only: QGIS before 3.38 is never built with Qt 6

    return getattr(QVariant.Type, variant)


def new_field(name: str, kind: str) -> QgsField:
    """A new field ``name`` of ``kind`` (string, double, int or longlong) without the deprecated constructor."""
    return QgsField(name, field_type(kind))


def parameter_strings(algorithm: QgsProcessingAlgorithm, parameters: dict, name: str, context) -> list[str]:
    """A field (or string) list parameter as strings: ``parameterAsStrings`` from QGIS 3.40 (which deprecates
    ``parameterAsFields``), ``parameterAsFields`` before."""
    if hasattr(algorithm, "parameterAsStrings"):
        return list(algorithm.parameterAsStrings(parameters, name, context))
    return list(algorithm.parameterAsFields(parameters, name, context))


def import_pyqtgraph() -> ModuleType | None:
    """pyqtgraph on QGIS's own Qt binding (it would otherwise take the first binding it finds installed), or None
    when pyqtgraph is not installed."""
    os.environ["PYQTGRAPH_QT_LIB"] = QT_BINDING
    try:
        import pyqtgraph
    except ImportError:
        return None
    return pyqtgraph
