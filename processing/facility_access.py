"""Local 3.8 / 4.x accessibility: population within a distance of facilities, by facility type."""
from __future__ import annotations

import re

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
from .base import checked_indicator_code
from .raster_io import grid_of

ALL = "all"
UNSPECIFIED = "unspecified"


class FacilityAccess(AccessAlgorithm):
    """Population within a distance of any facility, and of each facility type / population × 100."""

    ALG_ID = "facility_access"
    INDICATOR = "3.8.1"

    FACILITIES = "FACILITIES"
    TYPE_FIELD = "TYPE_FIELD"
    DISTANCE = "DISTANCE"
    INDICATOR_CODE = "INDICATOR_CODE"

    def displayName(self) -> str:
        return tr("Population access to facilities (local 3.8 / 4.x)")

    def shortHelpString(self) -> str:
        return tr(
            "<p>The share of the population living within a distance of a facility (health facility, school, "
            "…), for the whole area and each zone, by sex and urban/rural location when those inputs are given, "
            "and for each facility type.</p>"
            "<p><b>Method</b>: population within DISTANCE metres of a facility / population × 100, along the "
            "street network when NETWORK is given, else in a straight line. This is how Deqing County assessed "
            "SDG 3.8.1 (coverage of essential health services) and 4.a.1 (schools) locally: as accessibility, "
            "the population within a distance of health facilities and schools (a local substitute for the "
            "UN metadata's survey-based methods; write the code you report under in INDICATOR_CODE, e.g. 3.8.1). "
            "With TYPE_FIELD each facility type is a further series (one value per distinct type): its own "
            "output field <i>pct_&lt;type&gt;</i> and results-store rows with the type as <i>series</i>; the "
            "headline counts anyone near a facility of any type.</p>") + access_help() + tr(
            "<p>Outputs: VALUE (percent, any facility), METHOD (<i>network</i> or <i>euclidean</i>) and OUTPUT, "
            "the zones with <i>value</i>, <i>served_population</i>, <i>population</i> and one percentage per "
            "type.</p>")

    def add_inputs(self) -> None:
        self.add_population_inputs()
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.FACILITIES, tr("Facilities (points)"), [QgsProcessing.TypeVectorPoint]))
        self.addParameter(QgsProcessingParameterField(
            self.TYPE_FIELD, tr("Facility type field (one series per type)"), parentLayerParameterName=self.FACILITIES,
            optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.DISTANCE, tr("Distance (m)"), QgsProcessingParameterNumber.Double, defaultValue=1000.0,
            minValue=0.0))
        self.add_network_inputs()
        self.add_urban_input(tr("Urban areas (polygons, for the urban/rural breakdown)"))
        self.addParameter(QgsProcessingParameterString(
            self.INDICATOR_CODE, tr("Indicator code written to the results store (e.g. 3.8.1 or 4.a.1)"),
            defaultValue=self.INDICATOR))
        self.addOutput(QgsProcessingOutputString(self.METHOD, tr("Distance method (network or euclidean)")))

    def compute(self, parameters, context, feedback, zones):
        self.INDICATOR = checked_indicator_code(self.parameterAsString(parameters, self.INDICATOR_CODE, context)
                                                or FacilityAccess.INDICATOR)
        layers = self.population_layers(parameters, context)
        crs = grid_of(layers.total).crs
        type_field = self.parameterAsString(parameters, self.TYPE_FIELD, context)
        points, kinds, labels = point_features(self.parameterAsSource(parameters, self.FACILITIES, context),
                                       self.parameterAsString(parameters, self.FACILITIES, context), crs, context,
                                       type_field)
        if not points:
            feedback.pushWarning(tr("The facilities layer has no point: nobody is served."))
        groups = {ALL: list(range(len(points)))}
        if type_field:
            for i, kind in enumerate(kinds):
                text = "" if kind is None else str(kind).strip()
                groups.setdefault(text or UNSPECIFIED, []).append(i)
        distance = self.parameterAsDouble(parameters, self.DISTANCE, context)
        network = self.network(parameters, context, crs, points, feedback, labels)
        walk_off = self.walk_off(parameters, context, layers.total, feedback) if network is not None else 0.0
        areas = {}
        for name, members in groups.items():
            areas[name] = (network.served_area(members, distance, walk_off) if network is not None else
                           ServedArea.around_points([points[i] for i in members], distance, crs))
        urban_polygons = self.polygons(parameters, self.URBAN, context)
        urban = UrbanAreas(urban_polygons) if urban_polygons is not None else None
        tallies = self.tallies(layers, zones, urban, areas, context, feedback)
        total, values = zone_values(tallies, ALL, urban is not None)
        series = {name: zone_values(tallies, name, urban is not None) for name in groups if name != ALL}
        fields: dict[str, str] = {}
        for i, name in enumerate(series):
            field_name = _field_name(name, i)
            fields[name] = field_name if field_name not in fields.values() else f"{field_name}_{i + 1}"
        self.COMPONENTS = (*AccessAlgorithm.COMPONENTS, *fields.values())
        for name, (series_total, series_zones) in series.items():
            for value, part in zip([total, *values], [series_total, *series_zones]):
                value.components[fields[name]] = part.value
        method = NETWORK if network is not None else EUCLIDEAN
        return AccessResult(
            total=total, zones=values if zones is not None else [],
            area_geometry=QgsGeometry.fromRect(layers.total.extent()), area_crs=crs,
            sources=layers.sources(), outputs={self.METHOD: method}, method=method,
            series=series)


def _field_name(kind: str, index: int) -> str:
    """An output field name for a facility type: ``pct_`` and the type in lower-case letters, digits and _."""
    slug = re.sub(r"\W+", "_", kind.strip().lower(), flags=re.ASCII).strip("_")
    return f"pct_{slug}" if slug else f"pct_type{index + 1}"
