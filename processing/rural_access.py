"""SDG 9.1.1: proportion of the rural population who live within 2 km of an all-season road."""
from __future__ import annotations

import numpy as np
from osgeo import gdal, ogr, osr
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeatureRequest,
    QgsGeometry,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterExpression,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterLayer,
)

from ..translation import tr
from .access import AccessAlgorithm, AccessResult, ServedArea, UrbanAreas, access_help, segments_of, zone_values
from .feedback import stop_if_cancelled
from .raster_io import grid_of, read_strips


class RuralAccess(AccessAlgorithm):
    """Rural population within 2 km of an all-season road / rural population × 100 (or all population)."""

    ALG_ID = "rural_access_9_1_1"
    INDICATOR = "9.1.1"

    ROADS = "ROADS"
    ALL_SEASON = "ALL_SEASON"
    DISTANCE = "DISTANCE"
    URBAN_MASK = "URBAN_MASK"
    BOUNDARY_FREE = "BOUNDARY_FREE"

    def displayName(self) -> str:
        return tr("Rural access to all-season roads (9.1.1)")

    def shortHelpString(self) -> str:
        return tr(
            "<p>SDG indicator 9.1.1 (Rural Access Index): the share of the rural population living within 2 km "
            "of an all-season road, for the whole area and each zone (and by sex with female and male "
            "rasters).</p>"
            "<p><b>Method</b> (UN SDG metadata 9.1.1, custodian World Bank): rural population within DISTANCE "
            "(default 2000 m, straight line) of an all-season road / rural population × 100. All-season roads "
            "are the ROADS features for which the ALL_SEASON expression is true (e.g. "
            "<i>\"surface\" IN ('paved', 'gravel')</i>; empty: every road). Urban areas, from polygons (URBAN) or "
            "a raster mask (URBAN_MASK: non-zero pixels are urban), are removed from both the roads (the parts "
            "of roads inside them are dropped) and the population (cells whose centre is urban).</p>"
            "<p><b>BOUNDARY_FREE</b>: the variant Deqing County used, which does not depend on an urban/rural "
            "line: all the population and all the roads count.</p>") + access_help() + tr(
            "<p>Outputs: VALUE (percent) and OUTPUT, the zones with <i>value</i>, <i>served_population</i> "
            "(rural population near a road) and <i>population</i> (rural population).</p>")

    def add_inputs(self) -> None:
        self.add_population_inputs()
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.ROADS, tr("Roads (lines)"), [QgsProcessing.TypeVectorLine]))
        self.addParameter(QgsProcessingParameterExpression(
            self.ALL_SEASON, tr("All-season roads (expression; empty: all roads)"), parentLayerParameterName=self.ROADS,
            optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.DISTANCE, tr("Distance to a road (m)"), QgsProcessingParameterNumber.Double, defaultValue=2000.0,
            minValue=0.0))
        self.add_urban_input(tr("Urban areas (polygons)"))
        self.addParameter(QgsProcessingParameterRasterLayer(
            self.URBAN_MASK, tr("Urban areas (raster mask: non-zero is urban)"), optional=True))
        self.addParameter(QgsProcessingParameterBoolean(
            self.BOUNDARY_FREE, tr("Boundary-free variant (all population, no urban/rural line)"),
            defaultValue=False))

    def compute(self, parameters, context, feedback, zones):
        layers = self.population_layers(parameters, context)
        crs = grid_of(layers.total).crs
        boundary_free = self.parameterAsBool(parameters, self.BOUNDARY_FREE, context)
        urban_polygons = self.polygons(parameters, self.URBAN, context)
        mask = self.parameterAsRasterLayer(parameters, self.URBAN_MASK, context)
        if urban_polygons is not None and mask is not None:
            raise QgsProcessingException(tr("Give urban areas either as polygons (URBAN) or as a raster mask "
                                            "(URBAN_MASK), not both."))
        urban = None
        removed = None
        if not boundary_free:
            if urban_polygons is not None:
                urban = UrbanAreas(urban_polygons)
                removed = QgsGeometry.unaryUnion(urban_polygons.geometries_in(crs, context))
            elif mask is not None:
                urban = UrbanAreas(mask=mask)
                removed = _mask_polygons(mask, crs, context, feedback)
            else:
                feedback.pushWarning(tr("No urban areas given: all the population counts as rural (as in the "
                                        "boundary-free variant)."))
        segments = self._road_segments(parameters, context, crs, removed, feedback)
        area = ServedArea(crs, segments, np.full(len(segments), self.parameterAsDouble(parameters, self.DISTANCE,
                                                                                         context)))
        tallies = self.tallies(layers, zones, urban, {"served": area}, context, feedback)
        total, values = zone_values(tallies, "served", False, rural_only=urban is not None)
        return AccessResult(
            total=total, zones=values if zones is not None else [],
            area_geometry=QgsGeometry.fromRect(layers.total.extent()), area_crs=crs,
            sources=layers.sources())

    def _road_segments(self, parameters, context, crs, removed: QgsGeometry | None, feedback) -> np.ndarray:
        """Segments of the all-season roads in ``crs``, without their parts inside ``removed``."""
        source = self.parameterAsSource(parameters, self.ROADS, context)
        name = self.parameterAsString(parameters, self.ROADS, context)
        if not source.sourceCrs().isValid():
            raise QgsProcessingException(
                tr("Roads layer '{}' has no coordinate reference system: set one and run again.").format(name))
        request = QgsFeatureRequest().setDestinationCrs(crs, context.transformContext())
        expression = self.parameterAsExpression(parameters, self.ALL_SEASON, context)
        if expression:
            request.setFilterExpression(expression)
            request.setExpressionContext(self.createExpressionContext(parameters, context, source))
        engine = None
        if removed is not None and not removed.isEmpty():
            engine = QgsGeometry.createGeometryEngine(removed.constGet())
            engine.prepareGeometry()
        parts = []
        for feature in source.getFeatures(request):
            stop_if_cancelled(feedback)
            geometry = feature.geometry()
            if geometry.isEmpty():
                continue
            if engine is not None and engine.intersects(geometry.constGet()):
                geometry = geometry.difference(removed)
            parts.append(segments_of(geometry))
        if not parts:
            feedback.pushWarning(tr("No all-season road: nobody is served."))
        return np.vstack(parts) if parts else np.zeros((0, 4))


def _mask_polygons(mask, crs: QgsCoordinateReferenceSystem, context, feedback) -> QgsGeometry:
    """The urban pixels of a raster mask as one (multi)polygon in ``crs`` (exact pixel outlines)."""
    grid = grid_of(mask)
    memory = gdal.GetDriverByName("MEM").Create("", grid.width, grid.height, 1, gdal.GDT_Byte)
    memory.SetGeoTransform(grid.geotransform())
    band = memory.GetRasterBand(1)
    for strip in read_strips(mask, 1, feedback, grid):
        band.WriteArray((strip.valid & (strip.data != 0)).astype(np.uint8), 0, strip.row0)
    srs = osr.SpatialReference()
    srs.ImportFromWkt(grid.crs.toWkt(QgsCoordinateReferenceSystem.WKT_PREFERRED_GDAL))
    vectors = ogr.GetDriverByName("Memory").CreateDataSource("mask")
    layer = vectors.CreateLayer("mask", srs, ogr.wkbPolygon)
    layer.CreateField(ogr.FieldDefn("urban", ogr.OFTInteger))
    gdal.Polygonize(band, band, layer, 0)
    geometries = [QgsGeometry.fromWkt(feature.GetGeometryRef().ExportToIsoWkt()) for feature in layer]
    union = QgsGeometry.unaryUnion(geometries) if geometries else QgsGeometry()
    if not union.isEmpty() and grid.crs != crs:
        union.transform(QgsCoordinateTransform(grid.crs, crs, context.transformContext()))
    return union
