"""sdg:assess_progress: progress against targets per indicator, area and series, with goal and group roll-ups."""
from __future__ import annotations

import pandas as pd
from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFile,
    QgsProcessingParameterString,
)

from ..core.catalog import load_catalog
from ..core.profile import Profile, ProfileError, load_profile, profile_targets
from ..core.progress import METHODS, assess_frame, merge_targets, rollup
from ..core.progress_data import DuplicateYearsError
from ..core.results import plain
from ..core.store import ResultsStore
from ..translation import tr
from .base import SdgBaseAlgorithm, goal_lookup, method_parameter, store_errors, store_parameter
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
            "(increase/decrease), <i>limit</i>.</p>"
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
        for name, description in (("MEASURED", tr("Indicators measured")),
                                  ("WITH_TARGET", tr("Indicators with a target")),
                                  ("MET_OR_NEARLY_MET", tr("Indicators with a target met or nearly met"))):
            self.addOutput(QgsProcessingOutputNumber(name, description))

    def processAlgorithm(self, parameters, context, feedback):
        store_path = self.parameterAsFile(parameters, self.RESULTS, context)
        store = self._store(store_path) if store_path else None
        data = self._data(parameters, context, store)
        profile = self._profile(parameters, context)
        targets = self._targets(parameters, context, store, profile)
        method = METHODS[self.parameterAsEnum(parameters, self.METHOD, context)]
        try:
            assessed = assess_frame(data, targets, method=method)
        except (DuplicateYearsError, ValueError) as err:
            raise QgsProcessingException(tr("Cannot assess progress: {}").format(err)) from err
        summaries = rollup(assessed, goal_lookup(profile), load_catalog().group_of)
        feedback.pushInfo(tr("Assessed {} indicator series in {} area(s).").format(
            len(assessed), assessed["area_id"].nunique()))
        dest_id = write_table(self, parameters, context, self.OUTPUT, assessed, COLUMN_KINDS)
        if store is not None:
            self._write_store(store, assessed, summaries, method)
            feedback.pushInfo(tr("Wrote the progress and its roll-ups to {}.").format(store_path))
        headline = self._headline(summaries["headline"], self.parameterAsString(parameters, self.AREA_ID, context))
        feedback.pushInfo(tr("Measured: {MEASURED}; with a target: {WITH_TARGET}; met or nearly met: "
                             "{MET_OR_NEARLY_MET}").format(**headline))
        return {self.OUTPUT: dest_id, **headline}

    def _store(self, path: str) -> ResultsStore:
        with store_errors():
            return ResultsStore(path)

    def _data(self, parameters, context, store: ResultsStore | None) -> pd.DataFrame:
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
        data = data.assign(value=pd.to_numeric(data["value"], errors="coerce"))
        if data.empty:
            raise QgsProcessingException(tr("There are no indicator values to assess."))
        return data

    def _profile(self, parameters, context) -> Profile:
        path = self.parameterAsFile(parameters, self.PROFILE, context)
        try:
            return load_profile(path or None)
        except ProfileError as err:
            raise QgsProcessingException(str(err)) from err

    def _targets(self, parameters, context, store: ResultsStore | None, profile: Profile) -> pd.DataFrame:
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
    def _write_store(store: ResultsStore, assessed: pd.DataFrame, summaries: dict, method: str) -> None:
        tables = {
            "sdg_progress": assessed,
            "sdg_goal_rollup": summaries["goals"],
            "sdg_group_rollup": summaries["groups"].rename(columns={"group": "goal_group"}),
            "sdg_headline": summaries["headline"],
        }
        batches = {name: [{**row, "method": method} for row in frame.astype(object).where(frame.notna(), None)
                          .to_dict("records")] for name, frame in tables.items()}
        with store_errors():
            store.write(batches, replace={"method": method})

    @staticmethod
    def _headline(headline: pd.DataFrame, area_id: str) -> dict:
        rows = headline.set_index("area_id")
        if area_id and area_id not in rows.index:
            raise QgsProcessingException(tr("Area '{}' has no assessed indicator.").format(area_id))
        area = area_id or ("total" if "total" in rows.index else rows.index[0])
        return {"MEASURED": plain(rows.loc[area, "measured"]), "WITH_TARGET": plain(rows.loc[area, "with_target"]),
                "MET_OR_NEARLY_MET": plain(rows.loc[area, "met_or_nearly_met"])}
