"""SDG 11.2.1: proportion of the population with convenient access to public transport."""
from __future__ import annotations

from qgis.core import (
    QgsGeometry,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputString,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from ..translation import tr
from .access import (
    EUCLIDEAN,
    NETWORK,
    AccessAlgorithm,
    AccessResult,
    ServedArea,
    UrbanAreas,
    access_help,
    point_features,
    zone_values,
)
from .raster_io import grid_of
from .transit_gtfs import add_gtfs_inputs, gtfs_stops


class TransitAccess(AccessAlgorithm):
    """Population within 500 m of low-capacity and 1000 m of high-capacity stops / population × 100."""

    ALG_ID = "transit_access_11_2_1"
    INDICATOR = "11.2.1"

    STOPS = "STOPS"
    CAPACITY_FIELD = "CAPACITY_FIELD"
    HIGH_VALUES = "HIGH_VALUES"
    LOW_DISTANCE = "LOW_DISTANCE"
    HIGH_DISTANCE = "HIGH_DISTANCE"

    def displayName(self) -> str:
        return tr("Convenient access to public transport (11.2.1)")

    def shortHelpString(self) -> str:
        return tr(
            "<p>SDG indicator 11.2.1: the share of the population living within walking distance of a public "
            "transport stop, for the whole area and each zone, by sex and by urban/rural location when those "
            "inputs are given.</p>"
            "<p><b>Method</b> (UN SDG metadata 11.2.1, custodian UN-Habitat): population within 500 m of a "
            "low-capacity stop (bus, tram) or 1000 m of a high-capacity stop (rail, metro, ferry) / population × "
            "100. A stop is high-capacity when its CAPACITY_FIELD value is one of HIGH_VALUES (comma-separated, "
            "case-insensitive; default <i>high</i>); any other stop, or every stop without a field, is "
            "low-capacity. The service areas of all stops are merged, so a person near several stops counts "
            "once.</p>"
            "<p><b>GTFS</b> (a GTFS zip, instead of or as well as STOPS): \"convenient\" access means frequent "
            "service (UN-Habitat 2021 metadata). The feed's stops (stops.txt, location_type 0) count when their "
            "departures on the service day (SERVICE_DATE; by default the feed's weekday with the most "
            "departures) meet FREQUENCY: <i>ONS</i> at least 1 departure per hour on average from 06:00 to "
            "20:00 (14 or more), <i>GHSCI</i> an average headway of 20 minutes or less from 07:00 to 19:00 (36 "
            "or more), or a custom rule (MIN_DEPARTURES per hour from WINDOW_START to WINDOW_END). A departure is "
            "a stop time that is not the last of its trip; services run on the dates of calendar.txt changed by "
            "calendar_dates.txt; times past 24:00 belong to the day before's service; frequencies.txt trips "
            "are repeated every headway. A stop is high-capacity when a departure there is on a route whose "
            "route_type is in HIGH_ROUTE_TYPES (default tram, metro, rail, ferry, monorail and their extended "
            "types), else low-capacity.</p>") + access_help() + tr(
            "<p>Outputs: VALUE (percent), METHOD (<i>network</i> or <i>euclidean</i>: straight-line buffers are "
            "the metadata's labelled fallback), and OUTPUT, the zones with <i>value</i>, "
            "<i>served_population</i> and <i>population</i>. Results-store rows carry the method in "
            "<i>method</i> and <i>parameters</i> (DISTANCE_METHOD) and the breakdowns sex=female, sex=male, "
            "location=urban, location=rural and their combinations.</p>")

    def add_inputs(self) -> None:
        self.add_population_inputs()
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.STOPS, tr("Public transport stops (points; optional with a GTFS feed)"),
            [QgsProcessing.TypeVectorPoint], optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.CAPACITY_FIELD, tr("Capacity field (optional; without it every stop is low-capacity)"),
            parentLayerParameterName=self.STOPS, optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.HIGH_VALUES, tr("Capacity values of high-capacity stops (comma-separated)"), defaultValue="high",
            optional=True))
        add_gtfs_inputs(self)
        self.add_network_inputs()
        self.addParameter(QgsProcessingParameterNumber(
            self.LOW_DISTANCE, tr("Walking distance to low-capacity stops (m)"),
            QgsProcessingParameterNumber.Double, defaultValue=500.0, minValue=0.0))
        self.addParameter(QgsProcessingParameterNumber(
            self.HIGH_DISTANCE, tr("Walking distance to high-capacity stops (m)"),
            QgsProcessingParameterNumber.Double, defaultValue=1000.0, minValue=0.0))
        self.add_urban_input(tr("Urban areas (polygons, for the urban/rural breakdown)"))
        self.addOutput(QgsProcessingOutputString(self.METHOD, tr("Distance method (network or euclidean)")))

    def compute(self, parameters, context, feedback, zones):
        layers = self.population_layers(parameters, context)
        crs = grid_of(layers.total).crs
        points, high_flags, labels = self._layer_stops(parameters, context, crs)
        feed = gtfs_stops(self, parameters, context, crs, feedback)
        if feed is not None:
            points, high_flags, labels = points + feed.points, high_flags + feed.high, labels + feed.labels
        elif self.parameterAsSource(parameters, self.STOPS, context) is None:
            raise QgsProcessingException(tr("Give the stops: a point layer (STOPS), a GTFS feed (GTFS) or both."))
        high = [i for i, flag in enumerate(high_flags) if flag]
        low = [i for i, flag in enumerate(high_flags) if not flag]
        if not points:
            feedback.pushWarning(tr("There is no stop: nobody is served."))
        feedback.pushInfo(tr("{} low-capacity and {} high-capacity stop(s).").format(len(low), len(high)))
        low_distance = self.parameterAsDouble(parameters, self.LOW_DISTANCE, context)
        high_distance = self.parameterAsDouble(parameters, self.HIGH_DISTANCE, context)
        network = self.network(parameters, context, crs, points, feedback, labels)
        if network is not None:
            walk_off = self.walk_off(parameters, context, layers.total, feedback)
            area = network.served_area(low, low_distance, walk_off).union(
                network.served_area(high, high_distance, walk_off))
        else:
            area = ServedArea.around_points([points[i] for i in low], low_distance, crs).union(
                ServedArea.around_points([points[i] for i in high], high_distance, crs))
        urban_polygons = self.polygons(parameters, self.URBAN, context)
        urban = UrbanAreas(urban_polygons) if urban_polygons is not None else None
        tallies = self.tallies(layers, zones, urban, {"served": area}, context, feedback)
        total, values = zone_values(tallies, "served", urban is not None)
        method = NETWORK if network is not None else EUCLIDEAN
        feedback.pushInfo(tr("Distance method: {}.").format(method))
        return AccessResult(
            total=total, zones=values if zones is not None else [],
            area_geometry=QgsGeometry.fromRect(layers.total.extent()), area_crs=crs,
            sources=layers.sources(), outputs={self.METHOD: method}, method=method)

    def _layer_stops(self, parameters, context, crs) -> tuple[list, list[bool], list[str]]:
        """The STOPS points (none without STOPS), whether each is high-capacity, and their labels."""
        source = self.parameterAsSource(parameters, self.STOPS, context)
        if source is None:
            return [], [], []
        field_name = self.parameterAsString(parameters, self.CAPACITY_FIELD, context)
        points, capacity, labels = point_features(source, self.parameterAsString(parameters, self.STOPS, context),
                                                  crs, context, field_name)
        high_values = {v.strip().lower() for v in
                       (self.parameterAsString(parameters, self.HIGH_VALUES, context) or "").split(",")} - {""}
        high = [bool(field_name) and value is not None and str(value).strip().lower() in high_values
                for value in capacity]
        return points, high, labels
