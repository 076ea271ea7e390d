"""sdg:run_indicator_set: a whole indicator set from one config, then progress against targets."""
from __future__ import annotations

import time
from pathlib import Path

import pandas as pd
from qgis.core import (
    QgsApplication,
    QgsProcessing,
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingMultiStepFeedback,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFile,
    QgsProcessingParameterNumber,
)

from ..core.indicator_set import (
    SCRIPT_SUFFIX,
    UNKNOWN_PARAMETER,
    ConfigError,
    IndicatorSet,
    Step,
    by_path,
    closest,
    read_config,
    refuse_unknown,
)
from ..core.messages import QT_TR_NOOP, Message
from ..core.numbers import number_or_none
from ..core.progress import METHODS
from ..core.store import StoreError, open_store
from ..translation import message_text, tr
from .base import (
    HEADLINE_OUTPUTS,
    SdgBaseAlgorithm,
    add_headline_outputs,
    fraction,
    store_parameter,
    with_temporary_outputs,
)
from .script_file import load_script
from .store_access import qgis_connection
from .tables import write_table

SUMMARY_COLUMNS = {"id": "text", "algorithm": "text", "year": "int", "status": "text", "value": "real",
                   "seconds": "real", "message": "text"}
ZONE_PARAMETERS = {"path": "ZONES", "id_field": "ZONE_ID_FIELD", "name_field": "ZONE_NAME_FIELD",
                   "level": "ZONE_LEVEL"}


class RunIndicatorSet(SdgBaseAlgorithm):
    """Runs every indicator of a config, goes on past failures, then assesses progress."""

    ALG_ID = "run_indicator_set"
    GROUP_ID = "progress"

    CONFIG = "CONFIG"
    RESULTS = "RESULTS"
    OUTPUT = "OUTPUT"

    def displayName(self) -> str:
        return tr("Run an indicator set")

    def shortHelpString(self) -> str:
        return tr(
            "<p>Computes a whole set of indicators from one config file (JSON, or YAML read safely), writes every "
            "result to the results store, then assesses progress against targets "
            "(<i>sdg:assess_progress</i>).</p>"
            "<p>The config names the results store, the area (<i>id</i>, <i>name</i>), optional zones (<i>path</i>, "
            "<i>id_field</i>, <i>name_field</i>, <i>level</i>) given to every indicator that takes zones, an "
            "optional targets CSV loaded into the store's <i>sdg_targets</i>, the progress method, and the list "
            "of <i>indicators</i>: each an <i>algorithm</i> id, a <i>year</i> and its <i>parameters</i>. Paths are "
            "relative to the config file.</p>"
            "<p>An indicator that fails is reported and the others go on; each indicator's rows are written in "
            "one transaction, so a failure or a cancel leaves no partial rows. OUTPUT lists every indicator "
            "with its status, value, time and message.</p>"
            "<p>An optional <i>portal</i> (a folder, or <i>path</i>, <i>title</i>, <i>language</i>) is written "
            "at the end with <i>sdg:export_portal</i>, its maps from the config's zones.</p>") + tr(
            "<p>The config is checked before anything runs: an unknown key or parameter name (the closest valid "
            "one is named), an unknown algorithm, YAML anchors or aliases and a file over 1 MB are refused. Steps "
            "run <i>sdg:</i> algorithms, and models (.model3) and Processing scripts (.py) given by their path; "
            "another provider's algorithm needs <i>allow_other_algorithms: true</i> at the top of the config. A "
            "fraction given to a whole-number parameter (e.g. a year of 2020.5) is refused, not rounded.</p>")

    def initAlgorithm(self, config=None) -> None:
        self.addParameter(QgsProcessingParameterFile(
            self.CONFIG, tr("Indicator-set config (JSON or YAML)"), behavior=QgsProcessingParameterFile.Behavior.File,
            fileFilter=tr("Indicator sets (*.json *.yml *.yaml)")))
        self.addParameter(store_parameter(self.RESULTS, tr("Results store (default: the config's)")))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, tr("Run summary"), QgsProcessing.SourceType.TypeVector))
        self.addOutput(QgsProcessingOutputNumber("COMPUTED", tr("Indicators computed")))
        self.addOutput(QgsProcessingOutputNumber("FAILED", tr("Indicators failed")))
        self.addOutput(QgsProcessingOutputString("RESULTS_STORE", tr("Results store")))
        self.addOutput(QgsProcessingOutputString("PORTAL", tr("Portal folder")))
        add_headline_outputs(self)

    def processAlgorithm(self, parameters, context, feedback):
        import processing

        try:
            config = read_config(self.parameterAsFile(parameters, self.CONFIG, context))
            algorithms = [step_algorithm(step, config) for step in config.steps]
        except ConfigError as err:
            raise QgsProcessingException(message_text(err.message)) from err
        results = self.parameterAsFile(parameters, self.RESULTS, context) or config.results
        if not results:
            raise QgsProcessingException(tr("Give a results store: in the config ('results') or as RESULTS."))
        if config.method not in METHODS:
            raise QgsProcessingException(tr("Unknown progress method '{}' in the config; use one of {}.").format(
                config.method, ", ".join(METHODS)))
        Path(results).parent.mkdir(parents=True, exist_ok=True)
        self._load_targets(config, results)
        steps = QgsProcessingMultiStepFeedback(len(config.steps) + 1 + bool(config.portal), feedback)
        summary = []
        for number, step in enumerate(config.steps):
            if feedback.isCanceled():
                raise QgsProcessingException(tr("Cancelled after {} indicator(s); their rows are in the store, "
                                                "nothing partial was written.").format(number))
            steps.setCurrentStep(number)
            summary.append(self._run_step(processing, step, algorithms[number], config, results, context, steps))
        steps.setCurrentStep(len(config.steps))
        progress = processing.run("sdg:assess_progress", {
            "RESULTS": results, "METHOD": METHODS.index(config.method), "AREA_ID": config.area.get("id", ""),
            "OUTPUT": "TEMPORARY_OUTPUT"}, context=context, feedback=steps, is_child_algorithm=True)
        portal = self._portal(processing, config, results, context, steps) if config.portal else ""
        frame = pd.DataFrame(summary, columns=list(SUMMARY_COLUMNS))
        dest_id = write_table(self, parameters, context, self.OUTPUT, frame, SUMMARY_COLUMNS)
        computed = int((frame["status"] == "ok").sum())
        failed = len(frame) - computed
        feedback.pushInfo(tr("{}: {} indicator(s) computed, {} failed.").format(config.name, computed, failed))
        for row in summary:
            feedback.pushInfo(f"  {row['status']:>6}  {row['id']}  {_text(row['value'])}  {row['message']}")
        return {self.OUTPUT: dest_id, "COMPUTED": computed, "FAILED": failed, "RESULTS_STORE": results,
                "PORTAL": portal,
                **{name: progress[name] for name in HEADLINE_OUTPUTS}}

    def _run_step(self, processing, step: Step, algorithm: QgsProcessingAlgorithm, config: IndicatorSet,
                  results: str, context, feedback) -> dict:
        """Run one indicator; a failure is recorded, not raised."""
        row = {"id": step.id, "algorithm": step.algorithm, "year": step.year, "value": None, "message": ""}
        started = time.monotonic()
        try:
            outputs = processing.run(algorithm, self._parameters(algorithm, step, config, results),
                                     context=context, feedback=feedback, is_child_algorithm=True)
            row.update(status="ok", value=number_or_none(outputs.get("VALUE"), lenient=True))
        except Exception as err:  # one failing indicator must not stop the others
            row.update(status="failed", message=str(err).strip().splitlines()[-1] if str(err).strip() else
                       type(err).__name__)
            feedback.reportError(tr("Indicator {} failed: {}").format(step.id, row["message"]), fatalError=False)
        row["seconds"] = round(time.monotonic() - started, 3)
        return row

    @staticmethod
    def _parameters(algorithm, step: Step, config: IndicatorSet, results: str) -> dict:
        """The step's parameters plus what the set shares: year, store, zones, area; temporary outputs."""
        parameters = dict(step.parameters)
        shared = {"YEAR": step.year, "RESULTS": results, "AREA_ID": config.area.get("id"),
                  "AREA_NAME": config.area.get("name")}
        if step.zones:
            shared.update({name: step.zones.get(key) for key, name in ZONE_PARAMETERS.items()})
        for name, value in shared.items():
            if value is not None and algorithm.parameterDefinition(name) is not None:
                parameters.setdefault(name, value)
        return with_temporary_outputs(algorithm, parameters)

    @staticmethod
    def _portal(processing, config: IndicatorSet, results: str, context, feedback) -> str:
        """Write the config's portal (maps from the config's zones); a failure is reported, the run stands."""
        feedback.setCurrentStep(len(config.steps) + 1)
        parameters = {"RESULTS": results, "OUTPUT": config.portal["path"], "TITLE": config.portal["title"],
                      "LANGUAGE": config.portal["language"], "METHOD": METHODS.index(config.method)}
        zones = next((step.zones for step in config.steps if step.zones), None)
        if zones:
            parameters.update(ZONES=zones["path"], ZONE_ID_FIELD=zones.get("id_field") or "")
        try:
            return processing.run("sdg:export_portal", parameters, context=context, feedback=feedback,
                                  is_child_algorithm=True)["OUTPUT"]
        except Exception as err:  # noqa: BLE001 (the indicators are in the store whatever the portal does)
            feedback.reportError(tr("The portal was not written: {}").format(str(err).strip()), fatalError=False)
            return ""

    @staticmethod
    def _load_targets(config: IndicatorSet, results: str) -> None:
        """Upsert the config's targets CSV into the store's sdg_targets."""
        if not config.targets:
            return
        try:
            targets = pd.read_csv(config.targets, dtype={"indicator": str, "series": str, "area_id": str},
                                  encoding="utf-8-sig", keep_default_na=False, na_values=[""])
            targets = targets.astype(object).where(targets.notna(), None)
            open_store(results, connection=qgis_connection).upsert_targets(targets.to_dict("records"))
        except (OSError, ValueError, StoreError) as err:
            raise QgsProcessingException(tr("Cannot load the targets {}: {}").format(config.targets, err)) from err


def step_algorithm(step: Step, config: IndicatorSet) -> QgsProcessingAlgorithm:
    """The algorithm a step runs, checked before anything runs: an ``sdg`` algorithm, or a model or Processing
    script given by its path (others only with ``allow_other_algorithms: true``, since e.g. native:truncatetable
    empties a layer); parameter names the algorithm has, and whole numbers for its whole-number parameters."""
    where = Message(QT_TR_NOOP("{}: indicator '{}'"), config.path, step.id)
    if by_path(step.algorithm):
        algorithm = _from_path(step.algorithm, where)
    else:
        registry = QgsApplication.processingRegistry()
        algorithm = registry.algorithmById(step.algorithm)
        if algorithm is None:
            ids = [a.id() for a in registry.algorithms()]
            raise ConfigError(QT_TR_NOOP("{}: unknown algorithm '{}'{}."), where, step.algorithm,
                              closest(step.algorithm, ids))
        provider = algorithm.provider()
        if (provider is None or provider.id() != "sdg") and not config.allow_other_algorithms:
            raise ConfigError(QT_TR_NOOP("{}: '{}' is not an SDG Monitor algorithm; other providers' algorithms can "
                                         "change or empty your layers, so they run only with "
                                         "'allow_other_algorithms: true' at the top of the config."),
                              where, step.algorithm)
    definitions = algorithm.parameterDefinitions()
    refuse_unknown(step.parameters, [definition.name() for definition in definitions],
                   Message("{} ({})", where, step.algorithm), UNKNOWN_PARAMETER)
    _refuse_fractions(step, definitions, where)
    return algorithm


def _from_path(path: str, where: Message) -> QgsProcessingAlgorithm:
    """The model (.model3) or Processing script (.py) at ``path``."""
    if path.lower().endswith(SCRIPT_SUFFIX):
        return load_script(path, where)
    from qgis.core import QgsProcessingModelAlgorithm

    algorithm = QgsProcessingModelAlgorithm()
    if not Path(path).is_file() or not algorithm.fromFile(path):
        raise ConfigError(QT_TR_NOOP("{}: cannot read the model {}."), where, path)
    algorithm.initAlgorithm()
    return algorithm


def _refuse_fractions(step: Step, definitions, where: Message) -> None:
    """Refuse a fraction given to a whole-number parameter (any algorithm's, models' and scripts' too: Processing
    would round ``2020.5``)."""
    for definition in definitions:
        value = step.parameters.get(definition.name())
        if (isinstance(definition, QgsProcessingParameterNumber)
                and definition.dataType() == QgsProcessingParameterNumber.Type.Integer and fraction(value)):
            raise ConfigError(QT_TR_NOOP("{}: parameter {} must be a whole number; {} is not."), where,
                              definition.name(), value)


def _text(value) -> str:
    return "" if value is None else f"{value:.4g}"
