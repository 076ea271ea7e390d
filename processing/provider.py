"""The ``sdg`` Processing provider."""
from __future__ import annotations

from qgis.core import QgsProcessingProvider
from qgis.PyQt.QtGui import QIcon

from ..translation import tr
from .forest_area import ForestArea

ICON = ":/plugins/sdg_monitor/icons/sdg.svg"


class SdgProvider(QgsProcessingProvider):
    """Registers every SDG Monitor algorithm under the provider id ``sdg``."""

    ALGORITHMS = (ForestArea,)

    def id(self) -> str:  # noqa: A003
        return "sdg"

    def name(self) -> str:
        return tr("SDG Monitor")

    def longName(self) -> str:  # noqa: N802
        return tr("SDG Monitor: Sustainable Development Goal indicators")

    def icon(self) -> QIcon:
        return QIcon(ICON)

    def loadAlgorithms(self) -> None:  # noqa: N802
        for algorithm in self.ALGORITHMS:
            self.addAlgorithm(algorithm())
