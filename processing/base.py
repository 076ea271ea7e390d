"""The thin base of every indicator algorithm: shared parameters, the output layer and the results store.

A subclass declares its id, indicator code, unit and output components, adds its own inputs in
:meth:`SdgAlgorithm.add_inputs` and computes an :class:`IndicatorResult` in :meth:`SdgAlgorithm.compute`.
"""
from __future__ import annotations

import datetime
import functools
import importlib.util
import traceback
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Callable, Iterator

import pandas as pd
from qgis.core import (
    Qgis,
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsFeatureSink,
    QgsFields,
    QgsGeometry,
    QgsMessageLog,
    QgsProcessing,
    QgsProcessingAlgorithm,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeatureSource,
    QgsProcessingFeedback,
    QgsProcessingLayerPostProcessorInterface,
    QgsProcessingOutputNumber,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsWkbTypes,
)
from qgis.PyQt.QtGui import QIcon

from .. import ICON
from ..compat import new_field
from ..core.catalog import load_catalog
from ..core.classes import parse_classes, require_classes
from ..core.messages import InputError
from ..core.numbers import number_or_none
from ..core.profile import Profile, code_goal
from ..core.results import Area, ZoneValue, store_rows
from ..core.store import StoreError
from ..core.vocabulary import UnknownGoalError, goal_of, goal_or_none
from ..translation import input_message, tr
from .feedback import stop_if_cancelled
from .reference_year import reference_year
from .store_access import StoreParameter, parameter_strings, write_results
from .styling import GraduatedValueStyle
from .zones import ZoneSet


@dataclass
class IndicatorResult:
    """What :meth:`SdgAlgorithm.compute` returns."""

    total: ZoneValue
    zones: list[ZoneValue]
    area_geometry: QgsGeometry
    area_crs: QgsCoordinateReferenceSystem
    sources: list[str] = field(default_factory=list)
    outputs: dict[str, float | str | None] = field(default_factory=dict)


def store_parameter(name: str, description: str, optional: bool = True) -> QgsProcessingParameterFile:
    """A results-store parameter: a GeoPackage file (created when missing by the algorithms that write it), a
    PostgreSQL address or a saved QGIS PostgreSQL connection (see :mod:`.store_access`)."""
    return StoreParameter(name, description, optional=optional)


@contextmanager
def input_errors() -> Iterator[None]:
    """Turn bad input found by ``core`` into a Processing error, translated."""
    try:
        yield
    except InputError as err:
        raise QgsProcessingException(input_message(err)) from err


@contextmanager
def store_errors() -> Iterator[None]:
    """Turn a results-store problem into a Processing error with the store's own message (it names the file)."""
    try:
        yield
    except StoreError as err:
        raise QgsProcessingException(str(err)) from err


def method_parameter(name: str, description: str) -> QgsProcessingParameterEnum:
    """The progress method, in the order of ``core.progress.METHODS`` (Open SDG first and default)."""
    return QgsProcessingParameterEnum(name, description, options=[
        tr("Open SDG (Statistics Canada)"), tr("UN Statistics Division Progress Chart"),
        tr("ESCAP current status index"), tr("SDSN normalised score")], defaultValue=0)


def goal_lookup(profile: Profile | None = None) -> Callable[[str], int]:
    """``core.vocabulary.goal_of`` with ``profile``; a code that names no goal stops the algorithm."""
    def lookup(code: str) -> int:
        try:
            return goal_of(code, profile)
        except UnknownGoalError:
            raise QgsProcessingException(
                tr("Indicator code '{}' names no SDG goal: use a global code (e.g. 3.2.1) or a local code that "
                   "starts with its goal number (e.g. L10.1).").format(code)) from None

    return lookup


def without_unknown_codes(frames: list[pd.DataFrame], profile: Profile, feedback) -> list[pd.DataFrame]:
    """``frames`` without the rows whose indicator code names no goal (written by an older version or by hand),
    with one warning listing those codes; the other indicators are assessed and reported as usual."""
    codes = {code for frame in frames if "indicator" in frame for code in frame["indicator"].dropna().unique()}
    unknown = sorted(str(code) for code in codes if goal_or_none(str(code), profile) is None)
    if not unknown:
        return frames
    feedback.pushWarning(tr("The results store holds rows with unknown indicator code(s) {}: they are left out; "
                            "the other indicators are assessed and reported. Correct or delete those rows "
                            "(table sdg_results).").format(", ".join(f"'{code}'" for code in unknown[:20])))
    return [frame[~frame["indicator"].astype(str).isin(unknown)] if "indicator" in frame else frame
            for frame in frames]


#: The headline outputs of an assessment (sdg:assess_progress, and sdg:run_indicator_set after it) and the
#: columns of the store's headline roll-up they come from.
HEADLINE_OUTPUTS = {"MEASURED": "measured", "WITH_TARGET": "with_target", "MET_OR_NEARLY_MET": "met_or_nearly_met"}


def add_headline_outputs(algorithm: QgsProcessingAlgorithm) -> None:
    """Declare :data:`HEADLINE_OUTPUTS` on ``algorithm``."""
    for name, description in (("MEASURED", tr("Indicators measured")),
                              ("WITH_TARGET", tr("Indicators with a target")),
                              ("MET_OR_NEARLY_MET", tr("Indicators with a target met or nearly met"))):
        algorithm.addOutput(QgsProcessingOutputNumber(name, description))


def with_temporary_outputs(algorithm: QgsProcessingAlgorithm, parameters: dict) -> dict:
    """``parameters`` with a temporary output for every destination the caller did not name."""
    filled = dict(parameters)
    for definition in algorithm.destinationParameterDefinitions():
        filled.setdefault(definition.name(), QgsProcessing.TEMPORARY_OUTPUT)
    return filled


def require_openpyxl() -> None:
    """Refuse clearly when openpyxl (Excel workbooks) is not installed."""
    if importlib.util.find_spec("openpyxl") is None:
        raise QgsProcessingException(tr(
            "Excel workbooks need the Python package openpyxl: install it (on Windows with the OSGeo4W "
            "installer, elsewhere with your package manager or pip) and restart QGIS."))


def checked_indicator_code(code: str) -> str:
    """An indicator code for the results store, checked before anything is computed or written: a code of the
    SDG framework (e.g. 3.8.1) or a local code of the profile's form (e.g. L3.1)."""
    try:
        return code_goal(code.strip(), load_catalog())[0]
    except ValueError:
        raise QgsProcessingException(tr(
            "Indicator code '{}' is neither an SDG indicator code (such as 3.8.1) nor a local code (L, goal number, "
            "dot, number, such as L3.1): correct it; nothing was written.").format(code)) from None


def _without_traceback(process: Callable) -> Callable:
    """``processAlgorithm`` that reports an unexpected error as a message (QGIS shows a Python traceback for
    anything but a QgsProcessingException); the traceback goes to the log for a bug report."""
    @functools.wraps(process)
    def run(self, parameters, context, feedback):
        try:
            return process(self, parameters, context, feedback)
        except QgsProcessingException:
            raise
        except Exception as err:  # the last net: a message instead of a traceback
            QgsMessageLog.logMessage(traceback.format_exc(), "SDG Monitor", Qgis.Critical)
            raise QgsProcessingException(tr(
                "{} stopped on an unexpected error ({}: {}). Check the inputs it names; if they look right, "
                "please report it with the details from View > Panels > Log Messages (SDG Monitor).").format(
                self.displayName(), type(err).__name__, err)) from err
    return run


class SdgBaseAlgorithm(QgsProcessingAlgorithm):
    """Identity shared by every SDG Monitor algorithm: id, group, icon and instance creation."""

    #: Algorithm name without provider prefix, e.g. ``forest_area_15_1_1``; the provider registers every class
    #: that sets it.
    ALG_ID = ""
    #: Group id; see :meth:`group`.
    GROUP_ID = "indicators"

    def __init__(self) -> None:
        super().__init__()
        self._styles: dict[str, QgsProcessingLayerPostProcessorInterface] = {}
        self.started: datetime.datetime | None = None

    def __init_subclass__(cls, **kwargs) -> None:
        super().__init_subclass__(**kwargs)
        if "processAlgorithm" in cls.__dict__:
            cls.processAlgorithm = _without_traceback(cls.__dict__["processAlgorithm"])

    def name(self) -> str:
        return self.ALG_ID

    def groupId(self) -> str:
        return self.GROUP_ID

    def group(self) -> str:
        groups = {
            "indicators": tr("Indicators"),
            "land": tr("Land and environment indicators"),
            "access": tr("Population and access indicators"),
            "population": tr("Population"),
            "statistics": tr("Statistical indicators"),
            "progress": tr("Progress and reports"),
        }
        return groups[self.GROUP_ID]

    def icon(self) -> QIcon:
        return QIcon(ICON)

    def createInstance(self):
        return type(self)()

    def prepareAlgorithm(self, parameters, context, feedback) -> bool:
        """Note the start of the run (for a shared store's audit trail)."""
        self.started = datetime.datetime.now(datetime.timezone.utc)
        return True

    def style_on_load(self, context: QgsProcessingContext, destination: str,
                      style: QgsProcessingLayerPostProcessorInterface) -> None:
        """Style an output when QGIS loads it (the post-processor is kept alive with the algorithm)."""
        if context.willLoadLayerOnCompletion(destination):
            self._styles[destination] = style
            context.layerToLoadOnCompletionDetails(destination).setPostProcessor(style)

    def input_name(self, parameters: dict, name: str, context: QgsProcessingContext) -> str:
        """The name of the layer given as input ``name`` (its source when it is not a loaded layer), for messages."""
        layer = self.parameterAsLayer(parameters, name, context)
        return layer.name() if layer is not None else self.parameterAsString(parameters, name, context)

    def spatial_source(self, parameters: dict, name: str,
                       context: QgsProcessingContext) -> QgsProcessingFeatureSource | None:
        """The vector input ``name`` (None when not given); refuses a layer without a CRS, naming it."""
        source = self.parameterAsSource(parameters, name, context)
        if source is not None and not source.sourceCrs().isValid():
            raise QgsProcessingException(
                tr("Layer '{}' ({}) has no coordinate reference system: set one (Layer Properties > Source) and "
                   "run again.").format(self.input_name(parameters, name, context), name))
        return source

    def checkParameterValues(self, parameters, context):
        """Also refuse a fraction given to a whole-number parameter (``YEAR=2020.5`` would be rounded)."""
        for definition in self.parameterDefinitions():
            value = parameters.get(definition.name())
            if (isinstance(definition, QgsProcessingParameterNumber)
                    and definition.dataType() == QgsProcessingParameterNumber.Type.Integer and fraction(value)):
                return False, tr("{} ({}) must be a whole number; {} is not: give e.g. {}.").format(
                    definition.description(), definition.name(), value, int(float(value)))
        return super().checkParameterValues(parameters, context)

    def class_list(self, parameters: dict, context: QgsProcessingContext, name: str,
                   required: bool = True) -> tuple[int, ...]:
        """The class list typed into parameter ``name`` ("20", "41,42,43", "40-49"); refuses a list that does not
        parse, and an empty one when ``required``."""
        try:
            classes = parse_classes(self.parameterAsString(parameters, name, context) or "")
        except ValueError as err:
            raise QgsProcessingException(tr("Parameter {}: {}").format(name, err)) from err
        if required:
            with input_errors():
                require_classes(name, classes)
        return classes

    def read_zones(self, parameters: dict, context: QgsProcessingContext, name: str = "ZONES",
                   id_field: str = "ZONE_ID_FIELD", name_field: str = "ZONE_NAME_FIELD",
                   geometry: bool = True) -> ZoneSet | None:
        """The zones of input ``name`` read once (None when not given): ids from the field named by parameter
        ``id_field`` (default: the feature id; ids must be unique), names from ``name_field`` (none when empty);
        without ``geometry`` only the attributes (a table will do); see :meth:`ZoneSet.from_source`."""
        source = self.parameterAsSource(parameters, name, context)
        if source is None:
            return None
        return ZoneSet.from_source(source, self.input_name(parameters, name, context),
                                   self.parameterAsString(parameters, id_field, context) if id_field else "",
                                   self.parameterAsString(parameters, name_field, context) if name_field else "",
                                   context, geometry)

    def add_advanced(self, parameters: list[QgsProcessingParameterDefinition]) -> None:
        """Add parameters shown under *Advanced parameters*."""
        for parameter in parameters:
            parameter.setFlags(parameter.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
            self.addParameter(parameter)


class SdgAlgorithm(SdgBaseAlgorithm):
    """Base of the indicator algorithms; owns ZONES, ZONE_ID_FIELD, YEAR, RESULTS, OUTPUT and VALUE."""

    ZONES = "ZONES"
    ZONE_ID_FIELD = "ZONE_ID_FIELD"
    ZONE_NAME_FIELD = "ZONE_NAME_FIELD"
    ZONE_LEVEL = "ZONE_LEVEL"
    AREA_ID = "AREA_ID"
    AREA_NAME = "AREA_NAME"
    YEAR = "YEAR"
    RESULTS = "RESULTS"
    OUTPUT = "OUTPUT"
    VALUE = "VALUE"

    #: SDG indicator code written to the results store.
    INDICATOR = ""
    #: Unit of ``value`` written to the results store.
    UNIT = ""
    #: Per-zone component fields added to OUTPUT besides ``value`` (doubles).
    COMPONENTS: tuple[str, ...] = ()

    # --- parameters -----------------------------------------------------------------------------------------
    def initAlgorithm(self, config=None) -> None:
        self.add_inputs()
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.ZONES, tr("Zones for disaggregation (townships, villages)"),
            [QgsProcessing.SourceType.TypeVectorPolygon], optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.ZONE_ID_FIELD, tr("Zone id field (default: feature id)"), parentLayerParameterName=self.ZONES,
            optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.YEAR, tr("Reference year"),
            QgsProcessingParameterNumber.Type.Integer, optional=True, minValue=1900, maxValue=2100))
        self.addParameter(store_parameter(self.RESULTS, tr("Results store (GeoPackage; created if missing)")))
        advanced = [
            QgsProcessingParameterField(self.ZONE_NAME_FIELD, tr("Zone name field"),
                                        parentLayerParameterName=self.ZONES, optional=True),
            QgsProcessingParameterString(self.ZONE_LEVEL, tr("Zone level written to the results store"),
                                         defaultValue="zone", optional=True),
            QgsProcessingParameterString(self.AREA_ID, tr("Area id of the whole-area row"),
                                         defaultValue="total", optional=True),
            QgsProcessingParameterString(self.AREA_NAME, tr("Area name of the whole-area row"), optional=True),
        ]
        self.add_advanced(advanced)
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, tr("Indicator by zone"), QgsProcessing.SourceType.TypeVectorPolygon))
        self.addOutput(QgsProcessingOutputNumber(self.VALUE, tr("Indicator value for the whole area")))

    def add_inputs(self) -> None:
        """Add the algorithm's own input parameters (called first by :meth:`initAlgorithm`)."""
        raise NotImplementedError

    def compute(self, parameters: dict, context: QgsProcessingContext, feedback: QgsProcessingFeedback,
                zones: ZoneSet | None) -> IndicatorResult:
        """Compute the indicator for the whole area and for each zone."""
        raise NotImplementedError

    # --- run ------------------------------------------------------------------------------------------------
    def processAlgorithm(self, parameters, context, feedback):
        zones = self.zone_set(parameters, context)
        year, message = reference_year(self, parameters, context, self.YEAR)
        if message:
            feedback.pushInfo(message)
        parameters = {**parameters, self.YEAR: year}
        result = self.compute(parameters, context, feedback, zones)
        stop_if_cancelled(feedback)  # cancelled after compute: still write nothing
        dest_id = self.write_output(parameters, context, feedback, zones, result)
        results_path = self.parameterAsFile(parameters, self.RESULTS, context)
        if results_path:
            rows = self.store_rows(parameters, context, zones, result)
            write_results(self, parameters, context, feedback, results_path, rows)
        feedback.pushInfo(tr("{} for the whole area: {}").format(self.INDICATOR, _format(result.total.value)))
        outputs = {self.OUTPUT: dest_id, self.VALUE: number_or_none(result.total.value)}
        outputs.update(result.outputs)
        return outputs

    def zone_set(self, parameters: dict, context: QgsProcessingContext) -> ZoneSet | None:
        """The ZONES input read once, or None when none is given; refuses a layer without features."""
        zones = self.read_zones(parameters, context)
        if zones is not None:
            zones.refuse_empty()
        return zones

    def output_fields(self, zones: ZoneSet | None) -> QgsFields:
        """The zones' own fields (or area_id, area_name) plus ``value`` and the components."""
        added = ("value", *self.COMPONENTS)
        fields = QgsFields()
        if zones is None:
            fields.append(new_field("area_id", "string"))
            fields.append(new_field("area_name", "string"))
        else:
            for zone_field in zones.fields:
                if zone_field.name().lower() not in added:
                    fields.append(zone_field)
        for name in added:
            fields.append(new_field(name, "double"))
        return fields

    def write_output(self, parameters, context, feedback, zones: ZoneSet | None, result: IndicatorResult) -> str:
        """Write OUTPUT: a feature per zone (or one for the whole area) with ``value`` and the components."""
        fields = self.output_fields(zones)
        crs = zones.crs if zones is not None else result.area_crs
        sink, dest_id = self.parameterAsSink(parameters, self.OUTPUT, context, fields,
                                             QgsWkbTypes.Type.MultiPolygon, crs)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        if zones is None:
            names = ["area_id", "area_name"]
            records = [(result.area_geometry, [self._area_id(parameters, context),
                                               self._area_name(parameters, context)], result.total)]
        else:
            names = zones.fields.names()
            records = [(zone.feature.geometry(), zone.feature.attributes(), value)
                       for zone, value in zip(zones.zones, result.zones)]
        # where each output field comes from, worked out once (in this order, later ones win): zone field, value,
        # component
        copies = [(fields.indexFromName(name), index) for index, name in enumerate(names)
                  if fields.indexFromName(name) >= 0]
        value_index = fields.lookupField("value")
        components = [(fields.lookupField(name), name) for name in self.COMPONENTS]
        for geometry, attributes, value in records:
            feature = QgsFeature(fields)
            multi = QgsGeometry(geometry)
            multi.convertToMultiType()
            feature.setGeometry(multi)
            row = [None] * fields.count()
            for target, index in copies:
                row[target] = attributes[index]
            row[value_index] = number_or_none(value.value)
            for target, name in components:
                row[target] = number_or_none(value.components.get(name))
            feature.setAttributes(row)
            if not sink.addFeature(feature, QgsFeatureSink.FastInsert):
                raise QgsProcessingException(self.writeFeatureError(sink, parameters, self.OUTPUT))
        self.style_on_load(context, dest_id, GraduatedValueStyle())
        return dest_id

    def store_rows(self, parameters, context, zones: ZoneSet | None, result: IndicatorResult) -> list[dict]:
        """Rows for the results store: the whole area, then each zone."""
        total = Area(self._area_id(parameters, context), self._area_name(parameters, context), "total")
        areas = [(total, result.total)]
        if zones is not None:
            level = self.parameterAsString(parameters, self.ZONE_LEVEL, context) or "zone"
            areas += [(Area(zone.area_id, zone.area_name, level), value)
                      for zone, value in zip(zones.zones, result.zones)]
        year = self.parameterAsInt(parameters, self.YEAR, context)
        return store_rows(self.INDICATOR, self.UNIT, f"sdg:{self.ALG_ID}", year, result.sources,
                          self.parameter_record(parameters, context), areas)

    def parameter_record(self, parameters: dict, context: QgsProcessingContext) -> dict:
        """The input parameters as plain strings, for the store's ``parameters`` JSON."""
        return parameter_strings(self, parameters, context, skip=(self.RESULTS,))

    def _area_id(self, parameters, context) -> str:
        return self.parameterAsString(parameters, self.AREA_ID, context) or "total"

    def _area_name(self, parameters, context) -> str:
        return self.parameterAsString(parameters, self.AREA_NAME, context)


def fraction(value) -> bool:
    """Whether ``value`` is a number (or a number's text) with a fractional part."""
    if isinstance(value, bool):
        return False
    try:
        number = float(value)
    except (TypeError, ValueError):
        return False
    return number == number and number not in (float("inf"), float("-inf")) and not number.is_integer()


def _format(value: float | None) -> str:
    return tr("no value") if value is None else f"{value:.4g}"
