"""The ``sdg`` Processing provider and the list of its algorithms."""
from __future__ import annotations

from qgis.core import QgsProcessingAlgorithm, QgsProcessingProvider
from qgis.PyQt.QtGui import QIcon

from .. import ICON
from ..translation import tr
from .assess_progress import AssessProgress
from .dasymetric_population import DasymetricPopulation
from .export_portal import ExportPortal
from .export_report import ExportReport
from .facility_access import FacilityAccess
from .forest_area import ForestArea
from .land_consumption import LandConsumption
from .land_degradation import LandDegradation
from .land_productivity import LandProductivity
from .mountain_green_cover import MountainGreenCover
from .mountain_land import MountainLand
from .open_space import OpenSpace
from .pm25_exposure import Pm25Exposure
from .protected_kba import ProtectedKba
from .report_pdf import ExportReportPdf
from .run_indicator_set import RunIndicatorSet
from .rural_access import RuralAccess
from .shared_store import CopyStore, SetupSharedStore
from .soil_carbon import SoilCarbon
from .table_indicator import TableIndicator
from .transit_access import TransitAccess
from .water_extent import WaterExtentChange
from .workbook_indicators import IndicatorsFromWorkbook
from .workbook_template import WorkbookTemplate

#: Every algorithm of the provider, by id: a new algorithm is one line here.
ALGORITHMS: tuple[type[QgsProcessingAlgorithm], ...] = (
    AssessProgress,
    CopyStore,
    DasymetricPopulation,
    ExportPortal,
    ExportReport,
    ExportReportPdf,
    FacilityAccess,
    ForestArea,
    IndicatorsFromWorkbook,
    LandConsumption,
    LandDegradation,
    LandProductivity,
    MountainGreenCover,
    MountainLand,
    OpenSpace,
    Pm25Exposure,
    ProtectedKba,
    RunIndicatorSet,
    RuralAccess,
    SetupSharedStore,
    SoilCarbon,
    TableIndicator,
    TransitAccess,
    WaterExtentChange,
    WorkbookTemplate,
)


def algorithm_classes() -> list[type[QgsProcessingAlgorithm]]:
    """The algorithm classes of the provider, in the order of their ids."""
    return sorted(ALGORITHMS, key=lambda cls: cls.ALG_ID)


class SdgProvider(QgsProcessingProvider):
    """Registers every SDG Monitor algorithm under the provider id ``sdg``."""

    def id(self) -> str:
        return "sdg"

    def name(self) -> str:
        return tr("SDG Monitor")

    def longName(self) -> str:
        return tr("SDG Monitor: Sustainable Development Goal indicators")

    def icon(self) -> QIcon:
        return QIcon(ICON)

    def loadAlgorithms(self) -> None:
        for algorithm in algorithm_classes():
            self.addAlgorithm(algorithm())
