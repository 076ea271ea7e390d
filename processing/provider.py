"""The ``sdg`` Processing provider."""
from __future__ import annotations

import importlib
import inspect
import pkgutil

from qgis.core import QgsProcessingAlgorithm, QgsProcessingProvider
from qgis.PyQt.QtGui import QIcon

from .. import ICON
from ..translation import tr


def algorithm_classes() -> list[type[QgsProcessingAlgorithm]]:
    """Every algorithm class of the ``processing`` package: a class defined in one of its modules with an
    ``ALG_ID`` of its own (one module per family, so adding a module is all it takes)."""
    found = []
    for module_info in pkgutil.iter_modules(importlib.import_module(__package__).__path__):
        module = importlib.import_module(f"{__package__}.{module_info.name}")
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if (issubclass(cls, QgsProcessingAlgorithm) and cls.__module__ == module.__name__
                    and getattr(cls, "ALG_ID", "")):
                found.append(cls)
    return sorted(found, key=lambda cls: cls.ALG_ID)


class SdgProvider(QgsProcessingProvider):
    """Registers every SDG Monitor algorithm under the provider id ``sdg``."""

    def id(self) -> str:  # noqa: A003
        return "sdg"

    def name(self) -> str:
        return tr("SDG Monitor")

    def longName(self) -> str:  # noqa: N802
        return tr("SDG Monitor: Sustainable Development Goal indicators")

    def icon(self) -> QIcon:
        return QIcon(ICON)

    def loadAlgorithms(self) -> None:  # noqa: N802
        for algorithm in algorithm_classes():
            self.addAlgorithm(algorithm())
