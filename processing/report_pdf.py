"""sdg:export_report_pdf: the results store as a PDF report from a print-layout template (cover, a page per goal)."""
from __future__ import annotations

import datetime
from pathlib import Path

from qgis.core import (
    QgsLayoutExporter,
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterString,
)
from qgis.PyQt.QtCore import QT_TR_NOOP

from ..core.catalog import load_catalog
from ..core.profile import load_profile
from ..core.progress import METHODS
from ..core.report_layout import report_content
from ..translation import tr
from .base import goal_lookup
from .pdf_layout import DEFAULT_TEMPLATE, ReportLayout, TemplateError, zones_from_features
from .report_base import ReportAlgorithm, goal_name, indicator_name, report_labels

METHOD_NAMES = ("Open SDG", "UNSD Progress Chart", "ESCAP", "SDSN")


PDF_LABELS = {
    "measured_long": QT_TR_NOOP("Indicators measured"), "with_target_long": QT_TR_NOOP("With a target"),
    "met_long": QT_TR_NOOP("Met or nearly met"), "goals": QT_TR_NOOP("Progress by goal"),
    "indicator": QT_TR_NOOP("Indicator"), "no_value": QT_TR_NOOP("No value"),
    "no_map": QT_TR_NOOP("No indicator of this goal has values by zone."),
    "map_title": QT_TR_NOOP("{indicator}, by zone, {year}"),
}


def pdf_labels(language: str = "auto") -> dict[str, str]:
    """The Excel report's labels plus the PDF's own, in the report's language."""
    return {**report_labels(language), **report_labels(language, PDF_LABELS)}


class ExportReportPdf(ReportAlgorithm):
    """Renders the PDF report: a cover with the headline and the goals, then a page per goal (map and table)."""

    ALG_ID = "export_report_pdf"

    LAYOUT = "LAYOUT"
    TITLE = "TITLE"
    OUTPUT = "OUTPUT"
    PAGES = "PAGES"

    def displayName(self) -> str:
        return tr("Export report (PDF)")

    def shortHelpString(self) -> str:
        return tr(
            "<p>Writes a PDF report from a results store with a print-layout template: a cover with the headline "
            "(indicators measured, with a target, met or nearly met) and a table of the goals with their status "
            "colours, then a page per goal with a map of one of its indicators by zone for the latest year "
            "(spatial indicators first; graduated colours, legend) and a table of its indicators (value, unit, "
            "year, target, status). Run <i>sdg:assess_progress</i> first for statuses.</p>"
            "<p>Zones: the polygons whose ids (ZONE_ID_FIELD, default the feature id) are the store's zone area "
            "ids; without zones the pages have no maps. Layout: a .qpt with two pages (cover, goal page) whose "
            "labels use the report's variables; the default is data/layouts/sdg_report.qpt.</p>"
            "<p>Print layouts are not thread-safe: the algorithm runs on the main thread, and from the command "
            "line in its own <i>qgis_process</i> run.</p>")

    def flags(self):
        return super().flags() | QgsProcessingAlgorithm.FlagNoThreading

    def initAlgorithm(self, config=None) -> None:
        self.add_report_inputs()
        self.add_zone_inputs(tr("Zones to map (townships, villages)"))
        self.addParameter(QgsProcessingParameterFile(
            self.LAYOUT, tr("Layout template (default: the report template shipped with the plugin)"),
            behavior=QgsProcessingParameterFile.File, extension="qpt", optional=True))
        advanced = [
            self.area_parameter(),
            QgsProcessingParameterString(self.TITLE, tr("Report title"), optional=True),
        ]
        self.add_advanced(advanced)
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT, tr("PDF report"), fileFilter=tr("PDF files (*.pdf)")))
        self.addOutput(QgsProcessingOutputNumber(self.PAGES, tr("Pages")))

    def processAlgorithm(self, parameters, context, feedback):
        report = self.read_report(parameters, context, feedback)
        results, progress, language = report.results, report.progress, report.language
        area_id, _ = self.report_area(parameters, context, results)
        catalog, profile = load_catalog(), load_profile()
        local = {indicator.code: indicator for indicator in profile if indicator.is_local}
        zones = self._zones(parameters, context, results)
        content = report_content(
            results, progress, area_id, goal_lookup(profile), catalog.group_of,
            lambda code: indicator_name(catalog, local.get(code), code, language),
            {g.number: goal_name(g, language) for g in catalog.goals()},
            zones.geometries if zones is not None else ())
        template = self.parameterAsFile(parameters, self.LAYOUT, context) or str(DEFAULT_TEMPLATE)
        builder = ReportLayout(Path(template), pdf_labels(language), {g.number: goal_name(g, language)
                                                              for g in catalog.goals()},
                               {g.number: g.colour for g in catalog.goals()})
        title = self.parameterAsString(parameters, self.TITLE, context) or tr("SDG progress report")
        note = tr("Latest data {year} · progress: {method} · produced {date} with SDG Monitor").format(
            year=content.latest_year or "", method=METHOD_NAMES[METHODS.index(report.method)],
            date=datetime.date.today().isoformat())
        try:
            layout = builder.build(content, zones, {"sdg_report_title": title, "sdg_report_note": note})
        except TemplateError as err:
            raise QgsProcessingException(str(err)) from err
        if feedback.isCanceled():
            raise QgsProcessingException(tr("Cancelled before the PDF was written."))
        output = self.parameterAsFileOutput(parameters, self.OUTPUT, context)
        Path(output).parent.mkdir(parents=True, exist_ok=True)
        settings = QgsLayoutExporter.PdfExportSettings()
        settings.rasterizeWholeImage = False
        settings.forceVectorOutput = True
        settings.appendGeoreference = False
        result = QgsLayoutExporter(layout).exportToPdf(output, settings)
        if result != QgsLayoutExporter.Success:
            raise QgsProcessingException(tr("Could not write the PDF {} (error {}): check the folder is writable "
                                            "and the file not open elsewhere.").format(output, int(result)))
        pages = layout.pageCollection().pageCount()
        feedback.pushInfo(tr("PDF report written: {} ({} pages).").format(output, pages))
        return {self.OUTPUT: output, self.PAGES: pages}

    def _zones(self, parameters, context, results):
        """The ZONES input as geometries by area id, named like the store's zone rows; None without zones."""
        zone_set = self.read_zones(parameters, context, name_field="")
        if zone_set is None:
            return None
        id_field = self.parameterAsString(parameters, self.ZONE_ID_FIELD, context)
        names = results.dropna(subset=["area_name"]).drop_duplicates("area_id")
        zones = zones_from_features((zone.feature for zone in zone_set.zones), id_field, zone_set.crs,
                                    dict(zip(names["area_id"].astype(str), names["area_name"].astype(str))))
        if not zones.geometries:
            raise QgsProcessingException(tr("The zones layer has no polygons with an id in field '{}'.").format(
                id_field or "fid"))
        return zones
