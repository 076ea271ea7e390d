"""sdg:assess_progress: progress against targets per indicator, area and series, with goal and group roll-ups."""
from __future__ import annotations

import pandas as pd
from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFile,
    QgsProcessingParameterString,
)

from ..core.catalog import load_catalog
from ..core.numbers import number_or_none
from ..core.profile import Profile, ProfileError, load_profile, profile_targets
from ..core.progress import METHODS, Undirected, assess_frame, merge_targets, rollup
from ..core.progress_data import DuplicateYearsError
from ..core.store import RunRecord, Store
from ..translation import tr
from .base import (
    HEADLINE_OUTPUTS,
    SdgBaseAlgorithm,
    add_headline_outputs,
    goal_lookup,
    method_parameter,
    store_errors,
    store_parameter,
    without_unknown_codes,
)
from .store_access import open_results, run_record
from .tables import source_frame, write_table

COLUMN_KINDS = {
    "indicator": "text", "area_id": "text", "series": "text", "base_year": "int", "base_value": "real",
    "current_year": "int", "current_value": "real", "target": "real", "target_year": "int", "direction": "text",
    "progress_value": "real", "status": "text", "score": "real",
}


class AssessProgress(SdgBaseAlgorithm):
    """Progress of each indicator towards its target, and roll-ups per goal, goal group and area."""

    ALG_ID = "assess_progress"
    GROUP_ID = "progress"

    INPUT = "INPUT"
    TARGETS = "TARGETS"
    RESULTS = "RESULTS"
    PROFILE = "PROFILE"
    METHOD = "METHOD"
    AREA_ID = "AREA_ID"
    OUTPUT = "OUTPUT"

    def displayName(self) -> str:
        return tr("Assess progress against targets")

    def shortHelpString(self) -> str:
        return tr(
            "<p>Assesses, for every indicator, area and series, the progress from the base year to the latest "
            "year towards the target, and rolls the results up per goal, per goal group (economic, social, "
            "environmental) and per area, with the headline Deqing County reported: indicators measured, with a "
            "target, and met or nearly met (target achieved or substantial progress).</p>"
            "<p><b>Input</b>: a table with fields <i>indicator</i>, <i>year</i>, <i>value</i> (optional "
            "<i>area_id</i>, <i>series</i>, <i>disaggregation</i>: only rows without a disaggregation are "
            "assessed), or the results store's <i>sdg_results</i> when no table is given.</p>"
            "<p><b>Targets</b>: the indicator profile's default targets and directions (default: the shipped "
            "Deqing County profile, whose targets cite their sources), overridden by the store's "
            "<i>sdg_targets</i>, overridden in turn by the TARGETS table when given; fields "
            "<i>indicator</i>, optional <i>area_id</i> and <i>series</i> (empty applies to all), <i>target</i>, "
            "<i>target_year</i> (default 2030), <i>base_year</i> (default 2015), <i>direction</i> "
            "(increase, decrease or parity), <i>limit</i>, <i>target_change</i> (a target set as a change in "
            "percent against the base year's value, e.g. -30).</p>"
            "<p><b>Rules beside the method</b> (the same for every method): "
            "1. No direction is assumed. A series whose target row gives none (for example the series "
            "<i>primary</i> of 4.a.1 from sdg:facility_access when the profile has <i>internet</i> and "
            "<i>access</i>) takes the direction of its indicator's other rows when they all agree; otherwise it "
            "is <i>not available</i> and a warning names it. "
            "2. A bounded indicator carries its natural <i>limit</i> (100 for a coverage percentage, 0 for a rate "
            "that should vanish): a value at its limit has achieved its target (score 5), and without a target "
            "Open SDG's limit adjustment lowers the growth thresholds near it. "
            "3. Direction <i>parity</i> (a parity index) is judged toward 1: inside 0.97-1.03 (UNESCO Institute "
            "for Statistics' parity band) the target is achieved; outside, the progress of the distance from 1 "
            "toward the band's edge is assessed (a distance that shrinks is progress). "
            "4. A relative target (<i>target_change</i>) becomes the base year's value times (1 + change / 100).</p>"
            "<p><b>Methods</b>: Open SDG (Statistics Canada's progress measure, the default: compound growth "
            "against the growth required, thresholds 0.95 / 0.60 / 0; without a target, growth thresholds 1.5 % / "
            "0.5 % / 0, adjusted near a natural limit; scores -5 to 5); the UN Statistics Division's Progress Chart "
            "ratio of actual to required growth; ESCAP's current status index with the anticipated value from a "
            "time-weighted trend; SDSN-style normalised scores with dashboard colours.</p>"
            "<p>With a results store, the assessment and the roll-ups replace the earlier ones of the same method "
            "in the tables <i>sdg_progress</i>, <i>sdg_goal_rollup</i>, <i>sdg_group_rollup</i> and "
            "<i>sdg_headline</i>, in one transaction.</p>")

    def initAlgorithm(self, config=None) -> None:
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.INPUT, tr("Indicator values (indicator, year, value; default: the results store)"),
            [QgsProcessing.SourceType.TypeVector], optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.TARGETS, tr("Targets table (overrides the store's targets)"), [QgsProcessing.SourceType.TypeVector],
            optional=True))
        self.addParameter(store_parameter(self.RESULTS, tr("Results store (GeoPackage)")))
        self.addParameter(QgsProcessingParameterFile(
            self.PROFILE, tr("Indicator profile with default targets (default: the shipped Deqing profile)"),
            behavior=QgsProcessingParameterFile.Behavior.File, extension="csv", optional=True))
        self.addParameter(method_parameter(self.METHOD, tr("Method")))
        self.addParameter(QgsProcessingParameterString(
            self.AREA_ID, tr("Area of the headline outputs (default: 'total', else the first area)"),
            optional=True))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, tr("Progress"), QgsProcessing.SourceType.TypeVector))
        add_headline_outputs(self)

    def processAlgorithm(self, parameters, context, feedback):
        store_path = self.parameterAsFile(parameters, self.RESULTS, context)
        store = open_results(store_path) if store_path else None
        profile = self._profile(parameters, context)
        (data,) = without_unknown_codes([self._data(parameters, context, store)], profile, feedback)
        if data.empty:
            raise QgsProcessingException(tr("There are no indicator values to assess."))
        targets = self._targets(parameters, context, store, profile)
        method = METHODS[self.parameterAsEnum(parameters, self.METHOD, context)]
        warnings: list[Undirected] = []
        try:
            assessed = assess_frame(data, targets, method=method, warnings=warnings)
        except (DuplicateYearsError, ValueError) as err:
            raise QgsProcessingException(tr("Cannot assess progress: {}").format(err)) from err
        for item in warnings:
            where = " · ".join(part for part in (item.indicator, item.area_id, item.series) if part)
            feedback.pushWarning(
                (tr("{}: not assessed, the target rows of this indicator give different directions; add a row "
                    "with the direction (increase, decrease or parity) for this series.") if item.conflicting else
                 tr("{}: not assessed, no target row gives its direction; add a row with the direction "
                    "(increase, decrease or parity) to the profile or the targets.")).format(where))
        summaries = rollup(assessed, goal_lookup(profile), load_catalog().group_of)
        feedback.pushInfo(tr("Assessed {} indicator series in {} area(s).").format(
            len(assessed), assessed["area_id"].nunique()))
        dest_id = write_table(self, parameters, context, self.OUTPUT, assessed, COLUMN_KINDS)
        if store is not None:
            self._write_store(store, assessed, summaries, method, run_record(store, self, parameters, context))
            feedback.pushInfo(tr("Wrote the progress and its roll-ups to {}.").format(store.label))
        headline = self._headline(summaries["headline"], self.parameterAsString(parameters, self.AREA_ID, context))
        feedback.pushInfo(tr("Measured: {MEASURED}; with a target: {WITH_TARGET}; met or nearly met: "
                             "{MET_OR_NEARLY_MET}").format(**headline))
        return {self.OUTPUT: dest_id, **headline}


    def _data(self, parameters, context, store: Store | None) -> pd.DataFrame:
        source = self.parameterAsSource(parameters, self.INPUT, context)
        if source is not None:
            data = source_frame(source, self.parameterAsString(parameters, self.INPUT, context),
                                ("indicator", "year", "value"))
        elif store is not None:
            data = store.read_results()
        else:
            raise QgsProcessingException(tr("Give an input table of indicator values or a results store."))
        if "disaggregation" in data.columns:
            data = data[data["disaggregation"].fillna("").astype(str) == ""]
        return data.assign(value=pd.to_numeric(data["value"], errors="coerce"))

    def _profile(self, parameters, context) -> Profile:
        path = self.parameterAsFile(parameters, self.PROFILE, context)
        try:
            return load_profile(path or None)
        except ProfileError as err:
            raise QgsProcessingException(str(err)) from err

    def _targets(self, parameters, context, store: Store | None, profile: Profile) -> pd.DataFrame:
        """Targets by priority: the TARGETS table, the store's, the profile's defaults."""
        frames = []
        source = self.parameterAsSource(parameters, self.TARGETS, context)
        if source is not None:
            frames.append(source_frame(source, self.parameterAsString(parameters, self.TARGETS, context),
                                       ("indicator",)))
        if store is not None:
            frames.append(store.read_targets())
        frames.append(profile_targets(profile))
        return merge_targets(frames)

    @staticmethod
    def _write_store(store: Store, assessed: pd.DataFrame, summaries: dict, method: str,
                     audit: RunRecord | None) -> None:
        tables = {
            "sdg_progress": assessed,
            "sdg_goal_rollup": summaries["goals"],
            "sdg_group_rollup": summaries["groups"].rename(columns={"group": "goal_group"}),
            "sdg_headline": summaries["headline"],
        }
        batches = {name: [{**row, "method": method} for row in frame.astype(object).where(frame.notna(), None)
                          .to_dict("records")] for name, frame in tables.items()}
        with store_errors():
            store.write(batches, replace={"method": method}, audit=audit)

    @staticmethod
    def _headline(headline: pd.DataFrame, area_id: str) -> dict:
        rows = headline.set_index("area_id")
        if area_id and area_id not in rows.index:
            raise QgsProcessingException(tr("Area '{}' has no assessed indicator.").format(area_id))
        area = area_id or ("total" if "total" in rows.index else rows.index[0])
        return {name: number_or_none(rows.loc[area, column]) for name, column in HEADLINE_OUTPUTS.items()}
