"""sdg:workbook_template: an empty statistical workbook for a county's departments to fill in."""
from __future__ import annotations

from pathlib import Path

from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from ..core.profile import ProfileError, load_item_units, load_profile
from ..core.spreadsheet import append_row
from ..core.xlsx import save_workbook
from ..translation import tr
from .base import SdgBaseAlgorithm, require_openpyxl

HEADER = ("item", "area_code", "area_name", "year", "value", "unit")


class WorkbookTemplate(SdgBaseAlgorithm):
    """Writes the data sheet (every item × area × year, values empty, numbers validated), the item list and notes."""

    ALG_ID = "workbook_template"
    GROUP_ID = "statistics"

    PROFILE = "PROFILE"
    AREA_ID = "AREA_ID"
    AREA_NAME = "AREA_NAME"
    ZONES = "ZONES"
    ZONE_ID_FIELD = "ZONE_ID_FIELD"
    ZONE_NAME_FIELD = "ZONE_NAME_FIELD"
    YEAR_START = "YEAR_START"
    YEAR_END = "YEAR_END"
    OUTPUT = "OUTPUT"

    def displayName(self) -> str:
        return tr("Statistical workbook template")

    def shortHelpString(self) -> str:
        return tr(
            "<p>Writes an empty statistical workbook for your own area, ready for the departments to fill in and "
            "for <i>sdg:indicators_from_workbook</i> to read: the sheet <i>data</i> has one row per workbook "
            "item of the indicator profile, area (the whole area, then each zone) and year, with its unit and an "
            "empty <i>value</i> cell that accepts numbers only; the sheet <i>items</i> lists each item with its "
            "unit and the indicators that use it; the sheet <i>notes</i> says how to fill it in.</p>")

    def initAlgorithm(self, config=None) -> None:
        self.addParameter(QgsProcessingParameterFile(
            self.PROFILE, tr("Indicator profile (CSV; default: Deqing County)"),
            behavior=QgsProcessingParameterFile.Behavior.File, extension="csv", optional=True))
        self.addParameter(QgsProcessingParameterString(self.AREA_ID, tr("Code of the whole area (e.g. 330521)")))
        self.addParameter(QgsProcessingParameterString(self.AREA_NAME, tr("Name of the whole area"), optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.ZONES, tr("Zones (townships), one row block per zone"), [QgsProcessing.SourceType.TypeVector],
            optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.ZONE_ID_FIELD, tr("Zone code field"), parentLayerParameterName=self.ZONES, optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.ZONE_NAME_FIELD, tr("Zone name field"), parentLayerParameterName=self.ZONES, optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.YEAR_START, tr("First year"), QgsProcessingParameterNumber.Type.Integer, defaultValue=2015,
            minValue=1900, maxValue=2100))
        self.addParameter(QgsProcessingParameterNumber(
            self.YEAR_END, tr("Last year"), QgsProcessingParameterNumber.Type.Integer, defaultValue=2020,
            minValue=1900, maxValue=2100))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT, tr("Workbook template"), fileFilter=tr("Excel workbooks (*.xlsx)")))
        self.addOutput(QgsProcessingOutputNumber("ROWS", tr("Rows to fill in")))

    def processAlgorithm(self, parameters, context, feedback):
        require_openpyxl()
        profile_path = self.parameterAsFile(parameters, self.PROFILE, context) or None
        try:
            profile = load_profile(profile_path)
        except ProfileError as err:
            raise QgsProcessingException(str(err)) from err
        first = self.parameterAsInt(parameters, self.YEAR_START, context)
        last = self.parameterAsInt(parameters, self.YEAR_END, context)
        if last < first:
            raise QgsProcessingException(tr("The last year {} comes before the first year {}.").format(last, first))
        areas = [(self.parameterAsString(parameters, self.AREA_ID, context),
                  self.parameterAsString(parameters, self.AREA_NAME, context))]
        areas += self._zones(parameters, context)
        units = load_item_units(profile_path)
        used_by: dict[str, list[str]] = {}
        for indicator in profile.statistical():
            for item in indicator.items:
                used_by.setdefault(item, []).append(indicator.code + (f" ({indicator.series})"
                                                                      if indicator.series else ""))
        path = Path(self.parameterAsFileOutput(parameters, self.OUTPUT, context))
        rows = write_template(path, profile.required_items(), units, used_by, areas, range(first, last + 1))
        feedback.pushInfo(tr("Workbook template written: {} ({} rows to fill in).").format(path, rows))
        return {self.OUTPUT: str(path), "ROWS": rows}

    def _zones(self, parameters, context) -> list[tuple[str, str]]:
        """(code, name) of each zone of ZONES (attributes only: a table will do), with the zones reader's id
        checks; a NULL name falls back to the code."""
        if self.parameterAsSource(parameters, self.ZONES, context) is None:
            return []
        if not self.parameterAsString(parameters, self.ZONE_ID_FIELD, context):
            raise QgsProcessingException(tr("Choose the zone code field of the zones layer."))
        zones = self.read_zones(parameters, context, geometry=False)
        return [(zone.area_id, zone.area_name) for zone in zones.zones]


def write_template(path: Path, items, units: dict[str, str], used_by: dict[str, list[str]],
                   areas: list[tuple[str, str]], years) -> int:
    """Write the template atomically; returns the number of value cells to fill in."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.worksheet.datavalidation import DataValidation

    book = Workbook()
    data = book.active
    data.title = "data"
    append_row(data, HEADER)
    for item in items:
        for code, name in areas:
            for year in years:
                append_row(data, (item, code, name, year, None, units.get(item, "")))
    rows = data.max_row - 1
    numbers = DataValidation(type="decimal", operator="between", formula1="-1E+300", formula2="1E+300",
                             allow_blank=True, showErrorMessage=True, errorTitle=tr("Numbers only"),
                             error=tr("Type a number without units; leave the cell empty when unknown."))
    numbers.add(f"E2:E{rows + 1}")
    data.add_data_validation(numbers)
    listed = book.create_sheet("items")
    append_row(listed, ("item", "unit", "used_by"))
    for item in items:
        append_row(listed, (item, units.get(item, ""), ", ".join(used_by.get(item, []))))
    notes = book.create_sheet("notes")
    for line in (tr("How to fill in this workbook"),
                 tr("Type each figure in the value column of the data sheet, in the unit given beside it."),
                 tr("Leave a cell empty when the figure is not known: only the indicators that need it are "
                    "skipped."),
                 tr("Do not change the item, area_code and year columns; add rows for more areas or years if "
                    "needed."),
                 tr("Then run 'Statistical indicators from a workbook' (sdg:indicators_from_workbook).")):
        append_row(notes, (line,))
    for sheet in (data, listed):
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        sheet.freeze_panes = "A2"
        sheet.column_dimensions["A"].width = 30
    notes["A1"].font = Font(bold=True)
    save_workbook(book, path)
    return rows
