"""sdg:table_indicator: one statistical indicator from an attribute table, per row and for the whole table."""
from __future__ import annotations

import pandas as pd
from qgis.core import (
    QgsExpression,
    QgsExpressionContext,
    QgsExpressionContextUtils,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterEnum,
    QgsProcessingParameterExpression,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from ..core.numbers import number_or_none
from ..core.table_calc import FORMULAS, Observation, effective_multiplier, row_values, totals
from ..core.zone_ids import blank_id
from ..translation import tr
from .base import SdgBaseAlgorithm, checked_indicator_code, store_parameter
from .reference_year import reference_year
from .store_access import write_results
from .tables import is_null, write_table

#: Formulas offered (a plain value has no table total).
TABLE_FORMULAS = tuple(f for f in FORMULAS if f != "value")
OUTPUT_COLUMNS = {"area_id": "text", "year": "int", "numerator": "real", "denominator": "real", "value": "real"}


class TableIndicator(SdgBaseAlgorithm):
    """numerator / denominator (or another formula) per row of a table and for its total, by year."""

    ALG_ID = "table_indicator"
    GROUP_ID = "statistics"

    INPUT = "INPUT"
    INDICATOR = "INDICATOR"
    FORMULA = "FORMULA"
    NUMERATOR = "NUMERATOR"
    DENOMINATOR = "DENOMINATOR"
    MULTIPLIER = "MULTIPLIER"
    AREA_ID_FIELD = "AREA_ID_FIELD"
    YEAR_FIELD = "YEAR_FIELD"
    YEAR = "YEAR"
    SERIES = "SERIES"
    UNIT = "UNIT"
    TOTAL_ID = "TOTAL_ID"
    RESULTS = "RESULTS"
    OUTPUT = "OUTPUT"
    VALUE = "VALUE"

    def displayName(self) -> str:
        return tr("Statistical indicator from a table")

    def shortHelpString(self) -> str:
        return tr(
            "<p>Computes one statistical indicator from an attribute table or layer: for each row (an area in a "
            "year) and for the whole table in each year.</p>"
            "<p><b>Formulas</b> (UN SDG metadata conventions): <i>ratio</i> = numerator / denominator × "
            "multiplier; <i>percentage</i> = numerator / denominator × 100; <i>rate per N</i> = numerator / "
            "denominator × N (e.g. 100000 for maternal deaths per 100,000 live births); <i>per capita</i> = "
            "numerator / population × multiplier (a unit factor); <i>parity index</i> = group value / reference "
            "value (e.g. female / male; 1 is parity); <i>growth</i> = ((x2 / x1) ^ (1 / (t2 - t1)) - 1) × "
            "multiplier, with x the numerator (or numerator / denominator) of the same area in its latest "
            "earlier year.</p>"
            "<p><b>Totals</b> are the sum of the numerators over the sum of the denominators of the rows of a "
            "year (never a mean of the rows' values); a row missing either value counts in neither sum.</p>"
            "<p>Numerator and denominator are QGIS expressions (a field name is one, e.g. "
            "<i>\"deaths\" + \"missing\"</i>). A NULL or a text in a number gives that row no value and a "
            "warning naming the row; the other rows go on.</p>"
            "<p>Outputs: OUTPUT, a table with <i>area_id</i>, <i>year</i>, <i>numerator</i>, "
            "<i>denominator</i> and <i>value</i> per input row; VALUE, the total of the latest year. With a "
            "results store, the rows and the yearly totals are upserted in one transaction.</p>")

    def initAlgorithm(self, config=None) -> None:
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.INPUT, tr("Table or layer"), [QgsProcessing.SourceType.TypeVector]))
        self.addParameter(QgsProcessingParameterString(self.INDICATOR, tr("Indicator code (e.g. 3.1.1 or L10.1)")))
        self.addParameter(QgsProcessingParameterEnum(
            self.FORMULA, tr("Formula"), [tr("Ratio (numerator / denominator × multiplier)"), tr("Percentage"),
                                          tr("Rate per N"), tr("Per capita"), tr("Parity index"),
                                          tr("Growth rate")], defaultValue=0))
        self.addParameter(QgsProcessingParameterExpression(
            self.NUMERATOR, tr("Numerator (field or expression)"), parentLayerParameterName=self.INPUT))
        self.addParameter(QgsProcessingParameterExpression(
            self.DENOMINATOR, tr("Denominator (field or expression; optional for growth)"),
            parentLayerParameterName=self.INPUT, optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.MULTIPLIER, tr("Multiplier (N of a rate per N)"), QgsProcessingParameterNumber.Type.Double,
            defaultValue=100.0, minValue=0.0))
        self.addParameter(QgsProcessingParameterField(
            self.AREA_ID_FIELD, tr("Area id field (default: feature id)"), parentLayerParameterName=self.INPUT,
            optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.YEAR_FIELD, tr("Year field (default: the reference year below)"),
            parentLayerParameterName=self.INPUT, optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.YEAR, tr("Reference year (when there is no year field)"), QgsProcessingParameterNumber.Type.Integer,
            optional=True, minValue=1900, maxValue=2100))
        self.addParameter(store_parameter(self.RESULTS, tr("Results store (GeoPackage; created if missing)")))
        advanced = [
            QgsProcessingParameterString(self.SERIES, tr("Series written to the results store"), optional=True),
            QgsProcessingParameterString(self.UNIT, tr("Unit written to the results store"), optional=True),
            QgsProcessingParameterString(self.TOTAL_ID, tr("Area id of the total rows"), defaultValue="total",
                                         optional=True),
        ]
        self.add_advanced(advanced)
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, tr("Indicator per row"), QgsProcessing.SourceType.TypeVector))
        self.addOutput(QgsProcessingOutputNumber(self.VALUE, tr("Total for the latest year")))

    def processAlgorithm(self, parameters, context, feedback):
        source = self.parameterAsSource(parameters, self.INPUT, context)
        if source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.INPUT))
        indicator = self.parameterAsString(parameters, self.INDICATOR, context).strip()
        if not indicator:
            raise QgsProcessingException(tr("Give the indicator code (INDICATOR), e.g. 3.1.1."))
        indicator = checked_indicator_code(indicator)
        formula = TABLE_FORMULAS[self.parameterAsEnum(parameters, self.FORMULA, context)]
        multiplier = self.parameterAsDouble(parameters, self.MULTIPLIER, context)
        if effective_multiplier(formula, multiplier) != multiplier:
            feedback.pushInfo(tr("A {} always uses the multiplier {}; MULTIPLIER {} is ignored.").format(
                formula, effective_multiplier(formula, multiplier), multiplier))
        numerator_text = self.parameterAsExpression(parameters, self.NUMERATOR, context)
        denominator_text = self.parameterAsExpression(parameters, self.DENOMINATOR, context)
        if not denominator_text and formula != "growth":
            raise QgsProcessingException(tr("A {} needs a denominator (DENOMINATOR).").format(formula))
        rows = self._read(parameters, context, feedback, source, numerator_text, denominator_text)
        if not rows:
            raise QgsProcessingException(
                tr("Table '{}' has no rows (or none is selected): choose a table with data.").format(
                    source.sourceName()))
        dated = [Observation(area, year, num, den) for area, year, num, den in rows if year is not None]
        try:
            values = iter(row_values(dated, formula, multiplier))
            year_totals = totals(dated, formula, multiplier) if dated else []
        except ValueError as err:
            raise QgsProcessingException(tr("Table {}: {}").format(source.sourceName(), err)) from err
        frame = pd.DataFrame([{"area_id": area, "year": year, "numerator": num, "denominator": den,
                               "value": next(values) if year is not None else None}
                              for area, year, num, den in rows], columns=list(OUTPUT_COLUMNS))
        dest_id = write_table(self, parameters, context, self.OUTPUT, frame, OUTPUT_COLUMNS)
        results_path = self.parameterAsFile(parameters, self.RESULTS, context)
        if results_path:
            self._store(parameters, context, feedback, results_path, indicator, formula, frame, year_totals)
        latest = year_totals[-1] if year_totals else None
        if latest is not None:
            feedback.pushInfo(tr("{} total for {}: {} / {} -> {}").format(
                indicator, latest.year, latest.numerator, latest.denominator, latest.value))
        return {self.OUTPUT: dest_id, self.VALUE: number_or_none(latest.value) if latest is not None else None}

    def _read(self, parameters, context, feedback, source, numerator_text: str, denominator_text: str
              ) -> list[tuple[str, int | None, float | None, float | None]]:
        """(area id, year, numerator, denominator) per feature; bad values become None with a warning."""
        expression_context = QgsExpressionContext(QgsExpressionContextUtils.globalProjectLayerScopes(None))
        expression_context.appendScope(source.createExpressionContextScope())
        expressions = [(self.NUMERATOR, self._expression(numerator_text, self.NUMERATOR, expression_context))]
        if denominator_text:
            expressions.append((self.DENOMINATOR, self._expression(denominator_text, self.DENOMINATOR,
                                                                   expression_context)))
        area_field = self.parameterAsString(parameters, self.AREA_ID_FIELD, context)
        year_field = self.parameterAsString(parameters, self.YEAR_FIELD, context)
        fixed_year = None
        if not year_field and source.featureCount() != 0:  # an empty table is refused for that, not its year
            fixed_year, message = reference_year(self, parameters, context, self.YEAR, exclude=())
            if message:
                feedback.pushInfo(message)
        total = source.featureCount() or 1
        rows = []
        for number, feature in enumerate(source.getFeatures(), start=1):
            if feedback.isCanceled():
                raise QgsProcessingException(tr("Cancelled; nothing was written to the results store."))
            expression_context.setFeature(feature)
            values = []
            for name, expression in expressions:
                raw = expression.evaluate(expression_context)
                values.append(self._number(raw, expression, name, number, feature.id(), feedback))
            area = self._area_id(feature, area_field, number, source.sourceName())
            year = fixed_year if not year_field else _year(feature[year_field])
            if year is None:
                feedback.reportError(tr("Row {} (feature id {}): year field {} holds {!r}, not a year; the row is "
                                        "left out of the totals and the store.").format(
                    number, feature.id(), year_field, feature[year_field]))
            rows.append((area, year, values[0], values[1] if len(values) > 1 else None))
            feedback.setProgress(100.0 * number / total)
        return rows

    @staticmethod
    def _area_id(feature, area_field: str, number: int, table: str) -> str:
        """A row's area id as text (its feature id without an id field); NULL or empty is refused, naming the row
        (it would become the text 'NULL' and collide with a real id)."""
        if not area_field:
            return str(feature.id())
        value = feature[area_field]
        if is_null(value) or blank_id(value):
            raise QgsProcessingException(tr(
                "Table '{}': row {} (feature id {}) has no area id in field '{}' (NULL or empty); give every row an "
                "area id, or choose another field; nothing was written.").format(table, number, feature.id(),
                                                                                area_field))
        return str(value)

    @staticmethod
    def _expression(text: str, name: str, context: QgsExpressionContext) -> QgsExpression:
        expression = QgsExpression(text)
        if expression.hasParserError():
            raise QgsProcessingException(tr("{} expression {} cannot be read: {}").format(
                name, text, expression.parserErrorString()))
        expression.prepare(context)
        return expression

    @staticmethod
    def _number(raw, expression: QgsExpression, name: str, number: int, fid: int, feedback) -> float | None:
        if expression.hasEvalError():
            feedback.reportError(tr("Row {} (feature id {}): {} expression {} failed: {}; the row has no "
                                    "value.").format(number, fid, name, expression.expression(),
                                                     expression.evalErrorString()))
            return None
        if is_null(raw):
            feedback.pushWarning(tr("Row {} (feature id {}): {} {} is NULL; the row has no value.").format(
                number, fid, name, expression.expression()))
            return None
        try:
            return number_or_none(raw, commas=True)
        except (TypeError, ValueError):
            feedback.reportError(tr("Row {} (feature id {}): {} {} gives {!r}, not a number; the row has no "
                                    "value.").format(number, fid, name, expression.expression(), raw))
            return None

    def _store(self, parameters, context, feedback, path: str, indicator: str, formula: str,
               frame: pd.DataFrame, year_totals) -> None:
        dated = frame[frame["year"].notna()]
        # ids that differ only by surrounding spaces (pasted from a document) name the same area
        repeated = dated[dated.assign(area_id=dated["area_id"].str.strip()).duplicated(["area_id", "year"], keep=False)]
        if not repeated.empty:
            pairs = sorted({f"{a} {int(y)}" for a, y in zip(repeated["area_id"], repeated["year"])})
            raise QgsProcessingException(tr("Rows repeat area and year ({}); the results store keeps one value "
                                            "per area and year. Nothing was written.").format(", ".join(pairs)))
        total_id = self.parameterAsString(parameters, self.TOTAL_ID, context) or "total"
        common = {
            "indicator": indicator, "series": self.parameterAsString(parameters, self.SERIES, context),
            "disaggregation": "", "unit": self.parameterAsString(parameters, self.UNIT, context),
            "method": f"sdg:{self.ALG_ID}", "source": self.parameterAsSource(parameters, self.INPUT,
                                                                            context).sourceName(),
            "parameters": {"formula": formula, "numerator": self.parameterAsExpression(
                parameters, self.NUMERATOR, context), "denominator": self.parameterAsExpression(
                parameters, self.DENOMINATOR, context), "multiplier": self.parameterAsDouble(
                parameters, self.MULTIPLIER, context)},
        }
        rows = [dict(common, area_id=row["area_id"], area_name="", area_level="area", year=int(row["year"]),
                     value=number_or_none(row["value"]), numerator=number_or_none(row["numerator"]),
                     denominator=number_or_none(row["denominator"]))
                for row in dated.to_dict("records") if row["value"] is not None and row["value"] == row["value"]]
        rows += [dict(common, area_id=total_id, area_name="", area_level="total", year=t.year,
                      value=number_or_none(t.value), numerator=number_or_none(t.numerator),
                      denominator=number_or_none(t.denominator))
                 for t in year_totals if t.value is not None]
        write_results(self, parameters, context, feedback, path, rows)


def _year(value) -> int | None:
    if is_null(value):
        return None
    try:
        number = float(str(value).strip())
    except ValueError:
        return None
    return int(number) if number.is_integer() and 1900 <= number <= 2100 else None
