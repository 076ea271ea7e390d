"""GTFS inputs of 11.2.1: the feed, the frequency rule (presets ONS, GHSCI or custom), the service date and the
high-capacity route types (all optional, with defaults, so that models saved before them still run); the frequent
stops as points in the population grid's CRS."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsPointXY,
    QgsProcessingAlgorithm,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFile,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from ..core.gtfs import HIGH_ROUTE_TYPES, PRESETS, Frequency, GtfsError, read_feed
from ..translation import tr

GTFS = "GTFS"
FREQUENCY = "FREQUENCY"
MIN_DEPARTURES = "MIN_DEPARTURES"
WINDOW_START = "WINDOW_START"
WINDOW_END = "WINDOW_END"
SERVICE_DATE = "SERVICE_DATE"
HIGH_ROUTE_TYPES_PARAM = "HIGH_ROUTE_TYPES"
#: FREQUENCY options in order: the presets, then custom.
RULES = ("ONS", "GHSCI", "custom")


@dataclass
class GtfsStops:
    """The feed's frequent stops: points, high-capacity flags and labels naming them."""

    points: list[QgsPointXY]
    high: list[bool]
    labels: list[str]


def add_gtfs_inputs(algorithm: QgsProcessingAlgorithm) -> None:
    """GTFS, FREQUENCY and the custom rule's MIN_DEPARTURES, WINDOW_START, WINDOW_END (advanced), SERVICE_DATE
    and HIGH_ROUTE_TYPES."""
    algorithm.addParameter(QgsProcessingParameterFile(
        GTFS, tr("GTFS feed (zip; its frequent stops are the stops)"), extension="zip", optional=True))
    algorithm.addParameter(QgsProcessingParameterEnum(
        FREQUENCY, tr("Frequent service (GTFS)"), options=[
            tr("ONS: at least 1 departure per hour on average, 06:00-20:00"),
            tr("GHSCI: average headway 20 minutes or less, 07:00-19:00"),
            tr("Custom: MIN_DEPARTURES per hour from WINDOW_START to WINDOW_END")], defaultValue=0, optional=True))
    advanced = [
        QgsProcessingParameterNumber(MIN_DEPARTURES, tr("Custom rule: departures per hour at least"),
                                     QgsProcessingParameterNumber.Double, defaultValue=1.0, minValue=0.0,
                                     optional=True),
        QgsProcessingParameterNumber(WINDOW_START, tr("Custom rule: window start (hour)"),
                                     QgsProcessingParameterNumber.Double, defaultValue=6.0, minValue=0.0,
                                     maxValue=48.0, optional=True),
        QgsProcessingParameterNumber(WINDOW_END, tr("Custom rule: window end (hour)"),
                                     QgsProcessingParameterNumber.Double, defaultValue=20.0, minValue=0.0,
                                     maxValue=48.0, optional=True),
        QgsProcessingParameterString(SERVICE_DATE, tr("Service date (YYYY-MM-DD; empty: the feed's busiest "
                                                      "weekday)"), optional=True),
        QgsProcessingParameterString(HIGH_ROUTE_TYPES_PARAM, tr("GTFS route types of high-capacity transit"),
                                     defaultValue=HIGH_ROUTE_TYPES, optional=True)]
    for parameter in advanced:
        parameter.setFlags(parameter.flags() | QgsProcessingParameterDefinition.FlagAdvanced)
        algorithm.addParameter(parameter)


def frequency_rule(algorithm: QgsProcessingAlgorithm, parameters: dict, context: QgsProcessingContext) -> Frequency:
    """The rule chosen in FREQUENCY (custom from MIN_DEPARTURES and the window)."""
    name = RULES[algorithm.parameterAsEnum(parameters, FREQUENCY, context)]
    if name in PRESETS:
        return PRESETS[name]
    rule = Frequency(algorithm.parameterAsDouble(parameters, MIN_DEPARTURES, context),
                     algorithm.parameterAsDouble(parameters, WINDOW_START, context),
                     algorithm.parameterAsDouble(parameters, WINDOW_END, context))
    if rule.end <= rule.start:
        raise QgsProcessingException(tr("WINDOW_END ({:g}) must be after WINDOW_START ({:g}).").format(
            rule.end, rule.start))
    return rule


def gtfs_stops(algorithm: QgsProcessingAlgorithm, parameters: dict, context: QgsProcessingContext,
               crs: QgsCoordinateReferenceSystem, feedback: QgsProcessingFeedback) -> GtfsStops | None:
    """The frequent stops of the GTFS feed in ``crs``, or None without GTFS."""
    path = algorithm.parameterAsFile(parameters, GTFS, context)
    if not path:
        return None
    rule = frequency_rule(algorithm, parameters, context)
    try:
        feed = read_feed(path, algorithm.parameterAsString(parameters, HIGH_ROUTE_TYPES_PARAM, context)
                         or HIGH_ROUTE_TYPES)
        date = _service_date(algorithm.parameterAsString(parameters, SERVICE_DATE, context)) or feed.busiest_weekday()
        stops = feed.stop_departures(date, rule)
    except GtfsError as exc:
        raise QgsProcessingException(tr("GTFS feed '{}': {}").format(path, str(exc))) from None
    frequent = stops[stops["frequent"]]
    feedback.pushInfo(tr("GTFS: service date {}; {} of {} stops have at least {:g} departures from {:g}:00 to "
                         "{:g}:00.").format(date.isoformat(), len(frequent), len(stops), rule.minimum(),
                                            rule.start, rule.end))
    transform = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:4326"), crs, context.transformContext())
    points = [transform.transform(QgsPointXY(lon, lat)) for lon, lat in zip(frequent["lon"], frequent["lat"])]
    labels = [f"{stop_id} ({name})" for stop_id, name in zip(frequent["stop_id"], frequent["stop_name"])]
    return GtfsStops(points, frequent["high"].tolist(), labels)


def _service_date(text: str) -> dt.date | None:
    if not (text or "").strip():
        return None
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise QgsProcessingException(tr("SERVICE_DATE '{}' is not a date YYYY-MM-DD.").format(text)) from None
