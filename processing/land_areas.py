"""Areas per zone shared by the land indicators: class areas and value sums from rasters (strip by strip), and
ellipsoidal areas of dissolved polygons (overlaps counted once) cut by zones."""
from __future__ import annotations

import numpy as np
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsDistanceArea,
    QgsFeature,
    QgsFeatureRequest,
    QgsGeometry,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeatureSource,
    QgsProcessingFeedback,
    QgsProcessingMultiStepFeedback,
    QgsRasterLayer,
    QgsSpatialIndex,
    QgsWkbTypes,
)

from ..core.classes import classify
from ..core.zonal import CategoryAreas
from ..translation import tr
from .raster_io import grid_of
from .zones import ZoneSet, zonal_strips

DEFAULT_ELLIPSOID = "EPSG:7030"  # WGS 84, for a CRS that names no ellipsoid


def raster_class_areas(layer: QgsRasterLayer, band: int, classes: tuple[int, ...], zones: ZoneSet | None,
                       context: QgsProcessingContext, feedback: QgsProcessingFeedback) -> np.ndarray:
    """True area (m²) of the pixels whose value is in ``classes``, per zone (one value without zones).

    The zones are rasterized on the layer's own grid (pixel-centre rule); nodata pixels count nowhere.
    """
    labels = zones.rasterize(grid_of(layer), context) if zones is not None else None
    totals = CategoryAreas(len(zones) if zones is not None else 1, 2)
    try:
        for strip, zone_labels, pixel_area in zonal_strips(layer, band, labels, feedback):
            totals.add(zone_labels, classify(strip.data, [classes], strip.valid), pixel_area)
    finally:
        if labels is not None:
            labels.close()
    return totals.areas()[1:, 1].copy()


def raster_sums(layer: QgsRasterLayer, band: int, zones: ZoneSet | None, context: QgsProcessingContext,
                feedback: QgsProcessingFeedback) -> np.ndarray:
    """Sum of the valid pixel values (e.g. people per pixel) per zone (one value without zones)."""
    labels = zones.rasterize(grid_of(layer), context) if zones is not None else None
    n_zones = len(zones) if zones is not None else 1
    sums = np.zeros(n_zones + 1, dtype=np.float64)
    try:
        for strip, zone_labels, _ in zonal_strips(layer, band, labels, feedback):
            weights = np.where(strip.valid, strip.data, 0).astype(np.float64).ravel()
            sums += np.bincount(zone_labels.astype(np.int64).ravel(), weights=weights, minlength=n_zones + 1)
    finally:
        if labels is not None:
            labels.close()
    return sums[1:]


def step_feedback(steps: int, feedback: QgsProcessingFeedback) -> QgsProcessingMultiStepFeedback:
    """Progress over ``steps`` steps; already cancelled when ``feedback`` is (QGIS only passes on later cancels)."""
    child = QgsProcessingMultiStepFeedback(steps, feedback)
    if feedback.isCanceled():
        child.cancel()
    return child


def ellipsoidal_measure(crs: QgsCoordinateReferenceSystem, context: QgsProcessingContext) -> QgsDistanceArea:
    """Areas in m² on the ellipsoid of ``crs`` (WGS 84 when it names none), for geometries in ``crs``."""
    measure = QgsDistanceArea()
    measure.setSourceCrs(crs, context.transformContext())
    if not measure.setEllipsoid(crs.ellipsoidAcronym() or DEFAULT_ELLIPSOID):
        measure.setEllipsoid(DEFAULT_ELLIPSOID)
    return measure


def read_polygons(source: QgsProcessingFeatureSource, name: str, crs: QgsCoordinateReferenceSystem,
                  context: QgsProcessingContext, feedback: QgsProcessingFeedback
                  ) -> list[tuple[QgsFeature, QgsGeometry]]:
    """(feature, geometry) of a polygon source, the geometry reprojected to ``crs`` and repaired; features
    without a geometry are skipped."""
    if not source.sourceCrs().isValid():
        raise QgsProcessingException(
            tr("Layer '{}' has no coordinate reference system: set one and run again.").format(name))
    transform = QgsCoordinateTransform(source.sourceCrs(), crs, context.transformContext())
    request = QgsFeatureRequest().setInvalidGeometryCheck(QgsFeatureRequest.GeometryNoCheck)
    out = []
    for feature in source.getFeatures(request, QgsProcessingFeatureSource.FlagSkipGeometryValidityChecks):
        if feedback.isCanceled():
            raise QgsProcessingException(tr("Cancelled: nothing was written."))
        geometry = QgsGeometry(feature.geometry())
        if geometry.isEmpty():
            continue
        if geometry.type() != QgsWkbTypes.PolygonGeometry:
            raise QgsProcessingException(
                tr("Layer '{}' feature {} is not a polygon; give a polygon layer.").format(name, feature.id()))
        if source.sourceCrs() != crs:
            geometry.transform(transform)
        out.append((QgsFeature(feature), _valid(geometry)))
    return out


def _valid(geometry: QgsGeometry) -> QgsGeometry:
    return geometry if geometry.isGeosValid() else geometry.makeValid()


class PolygonCover:
    """The union of many polygons (overlaps counted once), cut by any geometry through a spatial index, so only
    the polygons that touch the geometry are dissolved."""

    def __init__(self, geometries: list[QgsGeometry]) -> None:
        self._geometries = geometries
        self._index = QgsSpatialIndex()
        for position, geometry in enumerate(geometries):
            self._index.addFeature(position, geometry.boundingBox())

    def within(self, geometry: QgsGeometry) -> QgsGeometry:
        """The part of ``geometry`` covered by the union of the polygons (may be empty)."""
        candidates = [self._geometries[i] for i in self._index.intersects(geometry.boundingBox())]
        candidates = [g for g in candidates if g.intersects(geometry)]
        if not candidates:
            return QgsGeometry()
        union = _valid(QgsGeometry.unaryUnion(candidates))
        return _valid(union.intersection(geometry))

    def union(self) -> QgsGeometry:
        """The union of all the polygons."""
        return _valid(QgsGeometry.unaryUnion(self._geometries)) if self._geometries else QgsGeometry()


def cover_areas(cover: PolygonCover, zone_geometries: list[QgsGeometry] | None, measure: QgsDistanceArea,
                feedback: QgsProcessingFeedback) -> np.ndarray:
    """Ellipsoidal area (m²) of the union of the cover's polygons within each zone (one value: all of it)."""
    if zone_geometries is None:
        return np.array([measure.measureArea(cover.union())])
    areas = np.zeros(len(zone_geometries))
    for position, zone in enumerate(zone_geometries):
        if feedback.isCanceled():
            raise QgsProcessingException(tr("Cancelled: nothing was written."))
        if not zone.isEmpty():
            areas[position] = measure.measureArea(cover.within(_valid(zone)))
    return areas
