"""sdg:export_report: the results store as an Excel report (overview, goals, areas, data) and a CSV."""
from __future__ import annotations

from pathlib import Path

from qgis.core import QgsProcessingParameterFileDestination

from ..core.catalog import load_catalog
from ..core.profile import load_profile
from ..core.report import indicator_table, with_area_names, write_csv, write_workbook
from ..translation import tr
from .base import goal_lookup, require_openpyxl, store_errors
from .report_base import ReportAlgorithm, goal_name, indicator_name, report_labels


class ExportReport(ReportAlgorithm):
    """Writes the report workbook (and optionally a CSV of the latest values) from a results store."""

    ALG_ID = "export_report"
    OUTPUT = "OUTPUT"
    OUTPUT_CSV = "OUTPUT_CSV"

    def displayName(self) -> str:
        return tr("Export report (Excel, CSV)")

    def shortHelpString(self) -> str:
        return tr(
            "<p>Writes an Excel workbook from a results store: an overview (the headline per area: indicators "
            "measured, with a target, met or nearly met; progress per goal and per goal group with status "
            "colours), one sheet per goal, one per area, and all data rows. Numbers are written as numbers with "
            "their unit beside them; text can never become a formula. Run <i>sdg:assess_progress</i> first for "
            "statuses and scores.</p><p>Optionally a CSV (UTF-8) of the latest value per indicator and area. "
            "Language: QGIS's, English, Chinese or both side by side.</p>")

    def initAlgorithm(self, config=None) -> None:
        self.add_report_inputs()
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT, tr("Excel report"), fileFilter=tr("Excel workbooks (*.xlsx)")))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT_CSV, tr("CSV of the latest values"), fileFilter=tr("CSV files (*.csv)"), optional=True,
            createByDefault=False))

    def processAlgorithm(self, parameters, context, feedback):
        require_openpyxl()
        report = self.read_report(parameters, context, feedback)
        results, progress, language = report.results, report.progress, report.language
        with store_errors():
            tables = {key: with_area_names(report.store.read(table, method=report.method).drop(
                          columns=["method", "computed_at", "colour", "dashboard_colour"], errors="ignore"), results)
                      for key, table in (("goals", "sdg_goal_rollup"), ("groups", "sdg_group_rollup"),
                                         ("headline", "sdg_headline"))}
        catalog, profile = load_catalog(), load_profile()
        local = {indicator.code: indicator for indicator in profile if indicator.is_local}
        tables["indicators"] = indicator_table(
            results, progress, goal_lookup(profile),
            lambda code: indicator_name(catalog, local.get(code), code, language))
        tables["results"] = results
        goal_names = {g.number: goal_name(g, language) for g in catalog.goals()}
        xlsx = Path(self.parameterAsFileOutput(parameters, self.OUTPUT, context))
        write_workbook(xlsx, tables, report_labels(language), goal_names)
        outputs = {self.OUTPUT: str(xlsx)}
        csv_path = self.parameterAsFileOutput(parameters, self.OUTPUT_CSV, context)
        if csv_path:
            outputs[self.OUTPUT_CSV] = str(write_csv(Path(csv_path), tables["indicators"]))
        feedback.pushInfo(tr("Report written: {}").format(xlsx))
        return outputs
