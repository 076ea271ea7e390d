"""SDG 11.2.1: proportion of the population with convenient access to public transport."""
from __future__ import annotations

from qgis.core import (
    QgsGeometry,
    QgsProcessing,
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
            "once.</p>") + access_help() + tr(
            "<p>Outputs: VALUE (percent), METHOD (<i>network</i> or <i>euclidean</i>: straight-line buffers are "
            "the metadata's labelled fallback), and OUTPUT, the zones with <i>value</i>, "
            "<i>served_population</i> and <i>population</i>. Results-store rows carry the method in "
            "<i>method</i> and <i>parameters</i> (DISTANCE_METHOD) and the breakdowns sex=female, sex=male, "
            "location=urban, location=rural and their combinations.</p>")

    def add_inputs(self) -> None:
        self.add_population_inputs()
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.STOPS, tr("Public transport stops (points)"), [QgsProcessing.SourceType.TypeVectorPoint]))
        self.addParameter(QgsProcessingParameterField(
            self.CAPACITY_FIELD, tr("Capacity field (optional; without it every stop is low-capacity)"),
            parentLayerParameterName=self.STOPS, optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.HIGH_VALUES, tr("Capacity values of high-capacity stops (comma-separated)"), defaultValue="high",
            optional=True))
        self.add_network_inputs()
        self.addParameter(QgsProcessingParameterNumber(
            self.LOW_DISTANCE, tr("Walking distance to low-capacity stops (m)"),
            QgsProcessingParameterNumber.Type.Double, defaultValue=500.0, minValue=0.0))
        self.addParameter(QgsProcessingParameterNumber(
            self.HIGH_DISTANCE, tr("Walking distance to high-capacity stops (m)"),
            QgsProcessingParameterNumber.Type.Double, defaultValue=1000.0, minValue=0.0))
        self.add_urban_input(tr("Urban areas (polygons, for the urban/rural breakdown)"))
        self.addOutput(QgsProcessingOutputString(self.METHOD, tr("Distance method (network or euclidean)")))

    def compute(self, parameters, context, feedback, zones):
        layers = self.population_layers(parameters, context)
        crs = grid_of(layers["total"]).crs
        field_name = self.parameterAsString(parameters, self.CAPACITY_FIELD, context)
        points, capacity = point_features(self.parameterAsSource(parameters, self.STOPS, context),
                                          self.parameterAsString(parameters, self.STOPS, context), crs, context,
                                          field_name)
        high_values = {v.strip().lower() for v in
                       (self.parameterAsString(parameters, self.HIGH_VALUES, context) or "").split(",")}
        high = [i for i, value in enumerate(capacity)
                if field_name and value is not None and str(value).strip().lower() in high_values - {""}]
        low = sorted(set(range(len(points))) - set(high))
        if not points:
            feedback.pushWarning(tr("The stops layer has no point: nobody is served."))
        feedback.pushInfo(tr("{} low-capacity and {} high-capacity stop(s).").format(len(low), len(high)))
        low_distance = self.parameterAsDouble(parameters, self.LOW_DISTANCE, context)
        high_distance = self.parameterAsDouble(parameters, self.HIGH_DISTANCE, context)
        network = self.network(parameters, context, crs, points, feedback)
        if network is not None:
            walk_off = self.walk_off(parameters, context, layers["total"], feedback)
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
            area_geometry=QgsGeometry.fromRect(layers["total"].extent()), area_crs=crs,
            sources=[layer.source() for layer in layers.values()], outputs={self.METHOD: method}, method=method)
