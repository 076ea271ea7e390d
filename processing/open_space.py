"""SDG 11.7.1: share of the built-up area that is open public space (and streets), and access to open space."""
from __future__ import annotations

import numpy as np
from qgis.core import (
    NULL,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeature,
    QgsFeatureRequest,
    QgsFields,
    QgsGeometry,
    QgsPointXY,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingFeatureSource,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterLayer,
)

from ..core.cover_shares import OPEN_SPACE_COMPONENTS, open_space_values
from ..translation import tr
from .access import (
    EUCLIDEAN,
    NETWORK,
    AccessAlgorithm,
    AccessResult,
    ServedArea,
    access_help,
    segments_of,
    zone_values,
)
from .land_areas import ellipsoidal_measure
from .polygon_repair import valid_polygon
from .raster_io import grid_of, map_units_per_metre
from .zones import Zone, ZoneSet

ACCESS_SERIES = "population_within_walk"
#: Spacing (m) of the entry points along open-space boundaries from which walks along the network start.
ENTRY_SPACING = 25.0


class OpenSpace(AccessAlgorithm):
    """(Open public space + street area) / built-up area × 100; population within a walk of open space."""

    ALG_ID = "open_space_11_7_1"
    INDICATOR = "11.7.1"
    COMPONENTS = (*OPEN_SPACE_COMPONENTS, "access_pct", "served_population", "population")

    BUILTUP = "BUILTUP"
    OPEN_SPACE = "OPEN_SPACE"
    STREETS = "STREETS"
    ROADS = "ROADS"
    WIDTH_FIELD = "WIDTH_FIELD"
    DEFAULT_WIDTH = "DEFAULT_WIDTH"
    WALK_DISTANCE = "WALK_DISTANCE"

    def displayName(self) -> str:
        return tr("Open public space in built-up areas (11.7.1)")

    def shortHelpString(self) -> str:
        return tr(
            "<p>SDG indicator 11.7.1: the share of the built-up area of cities that is open space for public "
            "use, for the whole area and each zone; and, as a second series, the share of the population "
            "living within a walk of open public space.</p>"
            "<p><b>Method</b> (UN SDG metadata 11.7.1, custodian UN-Habitat): (open public space + street area) "
            "inside the built-up area / built-up area × 100. Street area comes from street polygons (STREETS) "
            "or from road lines (ROADS) × a width (WIDTH_FIELD, else DEFAULT_WIDTH metres); street parts inside "
            "open spaces are not counted twice. Areas and road lengths are true ones in any CRS: measured on the "
            "ellipsoid of the built-up layer's CRS (WGS 84 where it names none), so a projection's scale (Web "
            "Mercator, a UTM zone far from its meridian) does not change them.</p>"
            "<p><b>Access</b> (series <i>population_within_walk</i>, with POPULATION): population within "
            "WALK_DISTANCE (default 400 m) of an open space / population × 100. Cells inside an open space are "
            "served; others by distance to its edge, straight-line or, with NETWORK, along the streets from "
            "entry points at most 25 m apart on the ground along the open space's edge.</p>") + access_help() + tr(
            "<p>Outputs: VALUE (percent of built-up area) and OUTPUT, the zones with <i>value</i>, "
            "<i>open_space_km2</i>, <i>street_km2</i>, <i>builtup_km2</i>, <i>access_pct</i>, "
            "<i>served_population</i> and <i>population</i>. Results-store rows: the share as the main series, "
            "access as series <i>population_within_walk</i>.</p>")

    def add_inputs(self) -> None:
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.BUILTUP, tr("Built-up area (polygons)"), [QgsProcessing.SourceType.TypeVectorPolygon]))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.OPEN_SPACE, tr("Open public spaces (polygons)"), [QgsProcessing.SourceType.TypeVectorPolygon]))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.STREETS, tr("Street areas (polygons)"), [QgsProcessing.SourceType.TypeVectorPolygon], optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.ROADS, tr("Roads (lines, with a width; instead of street polygons)"),
            [QgsProcessing.SourceType.TypeVectorLine], optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.WIDTH_FIELD, tr("Road width field (m)"), parentLayerParameterName=self.ROADS,
            type=QgsProcessingParameterField.DataType.Numeric, optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.DEFAULT_WIDTH, tr("Road width where the field is empty or not given (m)"),
            QgsProcessingParameterNumber.Type.Double, defaultValue=10.0, minValue=0.0))
        self.addParameter(QgsProcessingParameterRasterLayer(
            self.POPULATION, tr("Population raster (for the access series)"), optional=True))
        self.add_group_input()
        self.add_network_inputs()
        self.addParameter(QgsProcessingParameterNumber(
            self.WALK_DISTANCE, tr("Walking distance to open space (m)"), QgsProcessingParameterNumber.Type.Double,
            defaultValue=400.0, minValue=0.0))

    def compute(self, parameters, context, feedback, zones):
        builtup_source = self.spatial_source(parameters, self.BUILTUP, context)
        crs = builtup_source.sourceCrs()
        builtup = self._union(builtup_source, crs, context)
        open_space = self._union(self.spatial_source(parameters, self.OPEN_SPACE, context), crs, context)
        streets = self._streets(parameters, context, crs, open_space)
        measure = ellipsoidal_measure(crs, context)
        areas = zones.geometries_in(crs, context) if zones is not None else [builtup]
        parts = []
        for area in areas:
            built = builtup.intersection(area)
            open_km2 = measure.measureArea(open_space.intersection(built)) / 1e6
            street_km2 = sum(measure.measureArea(g.intersection(built)) if width is None else
                             width * measure.measureLength(g.intersection(built)) for g, width in streets) / 1e6
            built_km2 = measure.measureArea(built) / 1e6
            parts.append((open_km2, street_km2, built_km2))
        values, total = open_space_values(parts)
        method = EUCLIDEAN
        series = {}
        if self.parameterAsRasterLayer(parameters, self.POPULATION, context) is not None:
            method, (access_total, access_zones) = self._access(parameters, context, feedback, zones, open_space,
                                                                crs)
            for value, part in zip([total, *values], [access_total, *access_zones]):
                value.components.update(access_pct=part.value, served_population=part.numerator,
                                        population=part.denominator)
            series[ACCESS_SERIES] = (access_total, access_zones)
        return AccessResult(
            total=total, zones=values if zones is not None else [], area_geometry=builtup, area_crs=crs,
            sources=[self.parameterAsString(parameters, self.BUILTUP, context)],
            outputs={self.METHOD: method}, method=method, series=series)

    def _union(self, source, crs: QgsCoordinateReferenceSystem, context) -> QgsGeometry:
        """All the features of a source dissolved into one geometry in ``crs``."""
        request = QgsFeatureRequest().setDestinationCrs(crs, context.transformContext())
        geometries = []
        for feature in source.getFeatures(request, QgsProcessingFeatureSource.Flag.FlagSkipGeometryValidityChecks):
            geometry = feature.geometry()
            if not geometry.isEmpty():
                geometries.append(valid_polygon(geometry))
        return QgsGeometry.unaryUnion(geometries) if geometries else QgsGeometry.fromWkt("POLYGON EMPTY")

    def _streets(self, parameters, context, crs, open_space: QgsGeometry) -> list[tuple[QgsGeometry, float | None]]:
        """Street polygons (width None) or road lines with their width in metres, outside open spaces."""
        polygons = self.spatial_source(parameters, self.STREETS, context)
        lines = self.spatial_source(parameters, self.ROADS, context)
        if polygons is not None and lines is not None:
            raise QgsProcessingException(tr("Give streets either as polygons (STREETS) or as road lines (ROADS), "
                                            "not both."))
        if polygons is not None:
            return [(self._union(polygons, crs, context).difference(open_space), None)]
        if lines is None:
            return []
        width_field = self.parameterAsString(parameters, self.WIDTH_FIELD, context)
        default = self.parameterAsDouble(parameters, self.DEFAULT_WIDTH, context)
        request = QgsFeatureRequest().setDestinationCrs(crs, context.transformContext())
        out = []
        for feature in lines.getFeatures(request):
            width = feature[width_field] if width_field else None
            width = default if width is None or width == NULL or width != width else float(width)
            if not feature.geometry().isEmpty():
                out.append((feature.geometry().difference(open_space), width))
        return out

    def _access(self, parameters, context, feedback, zones, open_space: QgsGeometry, crs):
        """The population-within-a-walk series: (method, (whole area, zones))."""
        layers = self.population_layers(parameters, context)
        grid_crs = grid_of(layers.total).crs
        shape = QgsGeometry(open_space)
        if grid_crs != crs:
            shape.transform(QgsCoordinateTransform(crs, grid_crs, context.transformContext()))
        distance = self.parameterAsDouble(parameters, self.WALK_DISTANCE, context)
        feature = QgsFeature()
        feature.setGeometry(shape)
        inside = ZoneSet([Zone(feature, "open", "")], QgsFields(), grid_crs, "open space")
        segments = segments_of(shape)
        entries = _entry_points(segments, grid_crs)
        network = self.network(parameters, context, grid_crs, entries, feedback,
                               [tr("open-space edge point ({:.0f}, {:.0f})").format(p.x(), p.y()) for p in entries])
        if network is not None:
            area = network.served_area(list(range(len(entries))),
                                       distance, self.walk_off(parameters, context, layers.total, feedback))
        else:
            area = ServedArea(grid_crs, segments, np.full(len(segments), distance))
        area.inside = inside
        tallies = self.tallies(layers, zones, None, {"served": area}, context, feedback)
        return (NETWORK if network is not None else EUCLIDEAN), zone_values(tallies, "served", False)


def _entry_points(segments: np.ndarray, crs: QgsCoordinateReferenceSystem) -> list[QgsPointXY]:
    """Points along the boundary segments at most :data:`ENTRY_SPACING` ground metres apart (the CRS's scale at
    each segment's middle: :func:`.raster_io.map_units_per_metre`)."""
    if len(segments) == 0:
        return []
    x0, y0, x1, y1 = np.asarray(segments, dtype=np.float64).T
    ux, uy = map_units_per_metre(crs, (x0 + x1) / 2, (y0 + y1) / 2)
    ground = np.hypot((x1 - x0) / ux, (y1 - y0) / uy)
    points = []
    for (ax, ay, bx, by), steps in zip(segments, np.maximum(1, np.ceil(ground / ENTRY_SPACING)).astype(int)):
        points += [QgsPointXY(ax + (bx - ax) * i / steps, ay + (by - ay) * i / steps) for i in range(steps)]
    return points
