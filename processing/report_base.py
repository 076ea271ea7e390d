"""What the report algorithms share: the RESULTS store, the progress METHOD and the LANGUAGE read once, the
report's labels in the chosen language (status and goal-group names from ``core.vocabulary``), and the names of
goals and indicators."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd
from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterString,
)
from qgis.PyQt.QtCore import QT_TR_NOOP

from ..core.profile import load_profile
from ..core.progress import METHODS
from ..core.report_layout import whole_area
from ..core.store import Store
from ..core.vocabulary import GROUPS, STATUS, UNITS, group_label, unit_label
from ..translation import CONTEXT, load_translator, tr, ui_language
from .base import SdgBaseAlgorithm, method_parameter, store_errors, store_parameter, without_unknown_codes
from .store_access import is_shared, open_results

LANGUAGES = ("auto", "en", "zh", "both")

#: Headings, column names and status names of the report (English; translated by :func:`report_labels`).
LABELS = {
    "title": QT_TR_NOOP("SDG progress report"), "overview": QT_TR_NOOP("Overview"),
    "headline": QT_TR_NOOP("Headline"), "goals": QT_TR_NOOP("Goals"), "groups": QT_TR_NOOP("Goal groups"),
    "area": QT_TR_NOOP("Area"), "data": QT_TR_NOOP("Data"), "goal": QT_TR_NOOP("Goal"),
    "indicator": QT_TR_NOOP("Indicator"), "name": QT_TR_NOOP("Name"), "series": QT_TR_NOOP("Series"),
    "area_id": QT_TR_NOOP("Area id"), "area_name": QT_TR_NOOP("Area name"), "area_level": QT_TR_NOOP("Area level"),
    "year": QT_TR_NOOP("Year"), "value": QT_TR_NOOP("Value"), "unit": QT_TR_NOOP("Unit"),
    "target": QT_TR_NOOP("Target"), "target_year": QT_TR_NOOP("Target year"), "status": QT_TR_NOOP("Status"),
    "score": QT_TR_NOOP("Score"), "indicators": QT_TR_NOOP("Indicators"), "measured": QT_TR_NOOP("Measured"),
    "with_target": QT_TR_NOOP("With a target"), "met_or_nearly_met": QT_TR_NOOP("Met or nearly met"),
    "mean_score": QT_TR_NOOP("Mean score"), "goal_group": QT_TR_NOOP("Goal group"),
    "increase": QT_TR_NOOP("Increase"), "decrease": QT_TR_NOOP("Decrease"),
    "disaggregation": QT_TR_NOOP("Disaggregation"), "numerator": QT_TR_NOOP("Numerator"),
    "denominator": QT_TR_NOOP("Denominator"), "method": QT_TR_NOOP("Method"), "source": QT_TR_NOOP("Source"),
    "computed_at": QT_TR_NOOP("Computed at"),
}


def report_labels(language: str = "auto", labels: dict[str, str] = LABELS) -> dict[str, str]:
    """Report labels (``QT_TR_NOOP`` texts, and the status and goal-group names of ``core.vocabulary``): ``auto``
    in QGIS's language (the installed translation), ``zh`` in Chinese whatever QGIS's language, ``both`` as
    "English / 中文", ``en`` in English."""
    if language == "auto":
        return {**{key: tr(text) for key, text in labels.items()}, **vocabulary_labels(ui_language())}
    chinese = load_translator("zh_CN") if language in ("zh", "both") else None
    translated = {key: chinese.translate(CONTEXT, text) or text for key, text in labels.items()} if chinese else {}
    if language == "zh" and chinese:
        return {**translated, **vocabulary_labels("zh")}
    if language == "both" and chinese:
        return {**{key: text if translated[key] == text else f"{text} / {translated[key]}"
                   for key, text in labels.items()}, **vocabulary_labels("both")}
    return {**labels, **vocabulary_labels("en")}


def vocabulary_labels(language: str) -> dict[str, str]:
    """Status, goal-group and unit names (keys ``unit:<unit>``) from ``core.vocabulary`` in ``en``, ``zh`` or
    ``both`` ("English / 中文")."""
    languages = ("en", "zh") if language == "both" else (language,)
    names = {code: [entry.label(lang) for lang in languages] for code, entry in STATUS.items()}
    names.update({code: [group_label(code, lang) for lang in languages] for code in GROUPS})
    names.update({f"unit:{unit}": [unit_label(unit, lang) for lang in languages] for unit in UNITS})
    return {code: " / ".join(dict.fromkeys(texts)) for code, texts in names.items()}


@dataclass
class ReportInputs:
    """What a report reads from the store: the results, the progress of one method, in one language."""

    store: Store
    results: pd.DataFrame
    progress: pd.DataFrame
    method: str
    language: str


class ReportAlgorithm(SdgBaseAlgorithm):
    """Shared by the reports: the RESULTS store, the progress METHOD and the LANGUAGE, read and checked once."""

    GROUP_ID = "progress"
    RESULTS = "RESULTS"
    METHOD = "METHOD"
    LANGUAGE = "LANGUAGE"
    ZONES = "ZONES"
    ZONE_ID_FIELD = "ZONE_ID_FIELD"
    AREA_ID = "AREA_ID"

    def area_parameter(self) -> QgsProcessingParameterString:
        """AREA_ID: the area reported on (default: the store's single whole area)."""
        return QgsProcessingParameterString(self.AREA_ID, tr("Area id (default: the store's whole area)"),
                                            optional=True)

    def report_area(self, parameters, context, results: pd.DataFrame) -> tuple[str, str]:
        """The AREA_ID's (or the store's whole area's) id and name; a clear error when the store has several."""
        try:
            return whole_area(results, self.parameterAsString(parameters, self.AREA_ID, context))
        except ValueError as err:
            raise QgsProcessingException(tr("{} Set AREA_ID.").format(err)) from err

    def add_zone_inputs(self, description: str) -> None:
        """ZONES (optional polygons to map) and ZONE_ID_FIELD (their store area ids; default the feature id)."""
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.ZONES, description, [QgsProcessing.TypeVectorPolygon], optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.ZONE_ID_FIELD, tr("Zone id field (default: feature id)"), parentLayerParameterName=self.ZONES,
            optional=True))

    def add_report_inputs(self) -> None:
        """RESULTS, METHOD and LANGUAGE."""
        self.addParameter(store_parameter(self.RESULTS, tr("Results store (GeoPackage)"), optional=False))
        self.addParameter(method_parameter(self.METHOD, tr("Progress method to report")))
        self.addParameter(QgsProcessingParameterEnum(
            self.LANGUAGE, tr("Language"), options=[tr("QGIS's language"), tr("English"), tr("Chinese"),
                                                     tr("English and Chinese")], defaultValue=0))

    def read_report(self, parameters, context, feedback) -> ReportInputs:
        """The store's results and progress; refuses a missing or empty store, warns without progress."""
        path = self.parameterAsFile(parameters, self.RESULTS, context)
        if not is_shared(path) and not Path(path).exists():
            raise QgsProcessingException(tr("The results store {} does not exist.").format(path))
        method = METHODS[self.parameterAsEnum(parameters, self.METHOD, context)]
        language = LANGUAGES[self.parameterAsEnum(parameters, self.LANGUAGE, context)]
        if language == "auto":
            language = ui_language()
        with store_errors():
            store = open_results(path)
            results = store.read_results()
            progress = store.read("sdg_progress", method=method)
        results, progress = without_unknown_codes([results, progress], load_profile(), feedback)
        if results.empty:
            raise QgsProcessingException(tr("The results store {} holds no results yet.").format(path))
        if progress.empty:
            feedback.pushWarning(tr("No progress assessment with this method in the store: run "
                                    "sdg:assess_progress first for statuses and scores."))
        return ReportInputs(store, results, progress, method, language)

def indicator_name(catalog, local, code: str, language: str) -> str:
    """The framework title of a global code, the profile's name of a local one."""
    def title(lang: str) -> str:
        if local is not None:
            return local.name(lang)
        try:
            return catalog.title(code, lang)
        except (KeyError, ValueError):
            return ""

    return f"{title('en')} / {title('zh')}" if language == "both" else title(language)


def goal_name(goal, language: str) -> str:
    if language == "both":
        return f"{goal.short_en} / {goal.short_zh}"
    return goal.short_zh if language == "zh" else goal.short_en
