"""sdg:indicators_from_workbook: every statistical indicator of a profile from a statistical workbook."""
from __future__ import annotations

import zipfile
from pathlib import Path

import pandas as pd
from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFile,
    QgsProcessingParameterString,
)

from ..core.numbers import number_or_none
from ..core.profile import DEFAULT_PROFILE, ProfileError, load_profile
from ..core.workbook import WorkbookData, WorkbookError, compute_indicators, parse_sheet
from ..translation import tr
from .base import SdgBaseAlgorithm, require_openpyxl, store_parameter
from .store_access import write_results
from .tables import write_table

OUTPUT_COLUMNS = {
    "indicator": "text", "series": "text", "area_id": "text", "area_name": "text", "area_level": "text",
    "year": "int", "value": "real", "unit": "text", "numerator": "real", "denominator": "real",
}


class IndicatorsFromWorkbook(SdgBaseAlgorithm):
    """Reads the workbook's data sheet once and computes each statistical indicator for every area and year."""

    ALG_ID = "indicators_from_workbook"
    GROUP_ID = "statistics"

    INPUT = "INPUT"
    PROFILE = "PROFILE"
    SHEET = "SHEET"
    AREA_ID = "AREA_ID"
    ZONE_LEVEL = "ZONE_LEVEL"
    RESULTS = "RESULTS"
    OUTPUT = "OUTPUT"
    VALUE = "VALUE"
    SKIPPED = "SKIPPED"

    def displayName(self) -> str:
        return tr("Statistical indicators from a workbook")

    def shortHelpString(self) -> str:
        return tr(
            "<p>Computes every statistical indicator of an indicator profile (default: the Deqing County "
            "profile shipped with the plugin) from a statistical workbook, for every area and year in it.</p>"
            "<p><b>Workbook</b> (.xlsx): a sheet (default <i>data</i>) whose first row names the columns "
            "<i>item, area_code, area_name, year, value, unit</i>, one row per item, area and year. Item ids "
            "are those of the profile's <i>numerator</i> and <i>denominator</i> columns.</p>"
            "<p><b>Formulas</b> as in the profile: percentage, rate per N, ratio, per capita, parity index, "
            "growth ((x2 / x1) ^ (1 / (t2 - t1)) - 1), or a plain value (UN SDG metadata conventions). "
            "Spatial indicators of the profile (sdg:...) are left to their own algorithms.</p>"
            "<p><b>Errors</b> are per indicator and name the sheet and cell: an indicator whose items are not "
            "in the sheet is skipped; a text in a number cell, an empty cell or a zero denominator loses only "
            "that area and year. The rest is computed.</p>"
            "<p>Outputs: VALUE, the number of indicators computed; SKIPPED, the number skipped; OUTPUT, a "
            "table of every value. With a results store, all rows are written in one transaction (all or "
            "nothing). The area whose code starts every other code (the county) is written as the whole area "
            "unless AREA_ID names another.</p>")

    def initAlgorithm(self, config=None) -> None:
        self.addParameter(QgsProcessingParameterFile(
            self.INPUT, tr("Statistical workbook (.xlsx)"), behavior=QgsProcessingParameterFile.Behavior.File,
            fileFilter=tr("Excel workbooks (*.xlsx *.XLSX)")))
        self.addParameter(QgsProcessingParameterFile(
            self.PROFILE, tr("Indicator profile (CSV; default: Deqing County)"),
            behavior=QgsProcessingParameterFile.Behavior.File, extension="csv", optional=True))
        self.addParameter(store_parameter(self.RESULTS, tr("Results store (GeoPackage; created if missing)")))
        advanced = [
            QgsProcessingParameterString(self.SHEET, tr("Data sheet"), defaultValue="data", optional=True),
            QgsProcessingParameterString(self.AREA_ID, tr("Code of the whole area (default: the code every "
                                                          "other code starts with)"), optional=True),
            QgsProcessingParameterString(self.ZONE_LEVEL, tr("Level of the other areas"), defaultValue="township",
                                         optional=True),
        ]
        self.add_advanced(advanced)
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, tr("Indicator values"), QgsProcessing.SourceType.TypeVector))
        self.addOutput(QgsProcessingOutputNumber(self.VALUE, tr("Number of indicators computed")))
        self.addOutput(QgsProcessingOutputNumber(self.SKIPPED, tr("Number of indicators skipped")))

    def processAlgorithm(self, parameters, context, feedback):
        require_openpyxl()
        path = self.parameterAsFile(parameters, self.INPUT, context)
        profile_path = self.parameterAsFile(parameters, self.PROFILE, context) or str(DEFAULT_PROFILE)
        try:
            profile = load_profile(profile_path)
        except ProfileError as err:
            raise QgsProcessingException(str(err)) from err
        sheet = self.parameterAsString(parameters, self.SHEET, context) or "data"
        data = read_workbook(path, sheet)
        feedback.setProgress(50)
        for problem in data.problems:
            feedback.reportError(problem)
        if feedback.isCanceled():
            raise QgsProcessingException(tr("Cancelled; nothing was written to the results store."))
        outcomes = compute_indicators(profile, data)
        total_id = self.parameterAsString(parameters, self.AREA_ID, context) or _whole_area(data.areas)
        level = self.parameterAsString(parameters, self.ZONE_LEVEL, context) or "township"
        rows = []
        for outcome in outcomes:
            for warning in outcome.warnings:
                feedback.reportError(warning)
            for row in outcome.rows:
                rows.append(dict(row, area_level="total" if row["area_id"] == total_id else level))
        computed = sum(1 for outcome in outcomes if outcome.rows)
        skipped = sum(1 for outcome in outcomes if not outcome.rows)
        frame = pd.DataFrame(rows, columns=list(OUTPUT_COLUMNS))
        dest_id = write_table(self, parameters, context, self.OUTPUT, frame, OUTPUT_COLUMNS)
        results_path = self.parameterAsFile(parameters, self.RESULTS, context)
        if results_path and rows:
            by_key = {(i.code, i.series): i for i in profile.statistical()}
            stored = []
            for row in rows:
                indicator = by_key[row["indicator"], row["series"]]
                stored.append(dict(
                    row, disaggregation="", method=f"sdg:{self.ALG_ID}",
                    source=f"{Path(path).name} ({sheet})" + (f"; {indicator.data_source}"
                                                             if indicator.data_source else ""),
                    parameters={"formula": indicator.formula, "numerator": indicator.numerator,
                                "denominator": indicator.denominator, "multiplier": indicator.multiplier,
                                "profile": str(profile_path)},
                    value=number_or_none(row["value"]), numerator=number_or_none(row["numerator"]),
                    denominator=number_or_none(row["denominator"])))
            write_results(self, parameters, context, feedback, results_path, stored)
        feedback.setProgress(100)
        feedback.pushInfo(tr("{} indicator(s) computed, {} skipped, from {} area(s) and {} year(s).").format(
            computed, skipped, len(data.areas), len(data.years)))
        return {self.OUTPUT: dest_id, self.VALUE: computed, self.SKIPPED: skipped}


def read_workbook(path: str, sheet: str) -> WorkbookData:
    """The data sheet of an .xlsx workbook, read once in read-only mode."""
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (OSError, InvalidFileException, zipfile.BadZipFile, KeyError) as err:
        raise QgsProcessingException(tr("Cannot read the workbook {}: {}. Save it as an Excel workbook "
                                        "(.xlsx).").format(path, err)) from err
    try:
        if sheet not in book.sheetnames:
            raise QgsProcessingException(tr("The workbook {} has no sheet {}; its sheets are {}.").format(
                path, sheet, ", ".join(book.sheetnames)))
        return parse_sheet(book[sheet].iter_rows(values_only=True), sheet)
    except WorkbookError as err:
        raise QgsProcessingException(tr("Workbook {}: {}").format(path, err)) from err
    finally:
        book.close()


def _whole_area(codes: list[str]) -> str:
    """The code every other code starts with (a county before its townships), or "" when there is none."""
    for code in codes:
        if len(codes) > 1 and all(other.startswith(code) for other in codes):
            return code
    return ""
