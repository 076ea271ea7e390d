"""Areas per zone shared by the land indicators: class areas and value sums from rasters (strip by strip), and
ellipsoidal areas of dissolved polygons (overlaps counted once) cut by zones."""
from __future__ import annotations

from contextlib import contextmanager
from typing import Iterator, Sequence

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

from ..core.classes import in_classes
from ..core.zonal import ClassAreas
from ..translation import tr
from .feedback import stop_if_cancelled
from .polygon_repair import valid_polygon
from .raster_io import RasterGrid, grid_of
from .zones import ZoneRaster, ZoneSet, zonal_stacks

DEFAULT_ELLIPSOID = "EPSG:7030"  # WGS 84, for a CRS that names no ellipsoid


#: Rasters counted together in one pass at most (2^n combinations per zone).
MAX_JOINT = 4


def raster_class_areas(layers: Sequence[QgsRasterLayer], band: int, classes: tuple[int, ...], zones: ZoneSet | None,
                       context: QgsProcessingContext, feedback: QgsProcessingFeedback) -> list[np.ndarray]:
    """True area (m²) of the pixels whose value is in ``classes``, per zone (one value without zones), for each
    layer.

    The zones are rasterized on each layer's own grid (pixel-centre rule); nodata pixels count nowhere. Layers on
    the same grid are read together and counted in one pass, with one rasterization of the zones.
    """
    n_zones = len(zones) if zones is not None else 1
    areas: list[np.ndarray] = [np.empty(0)] * len(layers)
    for group in _same_grid(layers, MAX_JOINT):
        totals = ClassAreas(n_zones, len(group))
        with _zone_labels(layers[group[0]], zones, context) as labels:
            for strips, zone_labels, pixel_area in zonal_stacks([(layers[i], band) for i in group], labels,
                                                                feedback):
                totals.add(zone_labels, [in_classes(s.data, classes, s.valid) for s in strips], pixel_area)
        for i, area in zip(group, totals.areas()):
            areas[i] = area[1:].copy()
    return areas


def raster_sums(layers: Sequence[QgsRasterLayer], band: int, zones: ZoneSet | None, context: QgsProcessingContext,
                feedback: QgsProcessingFeedback) -> list[np.ndarray]:
    """Sum of the valid pixel values (e.g. people per pixel) per zone (one value without zones), for each layer;
    layers on the same grid are read together, with one rasterization of the zones."""
    n_zones = len(zones) if zones is not None else 1
    sums = [np.zeros(n_zones + 1, dtype=np.float64) for _ in layers]
    for group in _same_grid(layers, len(layers)):
        with _zone_labels(layers[group[0]], zones, context) as labels:
            for strips, zone_labels, _ in zonal_stacks([(layers[i], band) for i in group], labels, feedback):
                index = zone_labels.astype(np.int64).ravel()
                for i, strip in zip(group, strips):
                    weights = np.where(strip.valid, strip.data, 0).astype(np.float64).ravel()
                    sums[i] += np.bincount(index, weights=weights, minlength=n_zones + 1)
    return [total[1:] for total in sums]


def _same_grid(layers: Sequence[QgsRasterLayer], most: int) -> list[list[int]]:
    """Positions of the layers grouped by grid (at most ``most`` per group), in order of first appearance."""
    groups: list[tuple[RasterGrid, list[int]]] = []
    for position, layer in enumerate(layers):
        grid = grid_of(layer)
        group = next((g for g in groups if g[0] == grid and len(g[1]) < most), None)
        if group is None:
            groups.append((grid, [position]))
        else:
            group[1].append(position)
    return [positions for _, positions in groups]


@contextmanager
def _zone_labels(layer: QgsRasterLayer, zones: ZoneSet | None, context: QgsProcessingContext
                 ) -> Iterator[ZoneRaster | None]:
    """The zones rasterized on the layer's grid (None without zones), released at the end."""
    labels = zones.rasterize(grid_of(layer), context) if zones is not None else None
    try:
        yield labels
    finally:
        if labels is not None:
            labels.close()


def step_feedback(steps: int, feedback: QgsProcessingFeedback) -> QgsProcessingMultiStepFeedback:
    """Progress over ``steps`` steps; already cancelled when ``feedback`` is (QGIS only passes on later cancels)."""
    child = QgsProcessingMultiStepFeedback(steps, feedback)
    if feedback.isCanceled():
        child.cancel()
    return child


def ellipsoidal_measure(crs: QgsCoordinateReferenceSystem, context: QgsProcessingContext) -> QgsDistanceArea:
    """Areas (m²) and lengths (m) on the ellipsoid of ``crs`` (WGS 84 when it names none), for geometries in
    ``crs``, whatever the CRS: the one home of vector measurement (a projection's scale never enters)."""
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
    request = QgsFeatureRequest().setInvalidGeometryCheck(QgsFeatureRequest.InvalidGeometryCheck.GeometryNoCheck)
    out = []
    for feature in source.getFeatures(request, QgsProcessingFeatureSource.Flag.FlagSkipGeometryValidityChecks):
        stop_if_cancelled(feedback)
        geometry = QgsGeometry(feature.geometry())
        if geometry.isEmpty():
            continue
        if geometry.type() != QgsWkbTypes.GeometryType.PolygonGeometry:
            raise QgsProcessingException(
                tr("Layer '{}' feature {} is not a polygon; give a polygon layer.").format(name, feature.id()))
        if source.sourceCrs() != crs:
            geometry.transform(transform)
        out.append((QgsFeature(feature), valid_polygon(geometry)))
    return out


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
        union = valid_polygon(QgsGeometry.unaryUnion(candidates))
        return valid_polygon(union.intersection(geometry))

    def union(self) -> QgsGeometry:
        """The union of all the polygons."""
        return valid_polygon(QgsGeometry.unaryUnion(self._geometries)) if self._geometries else QgsGeometry()


def cover_areas(cover: PolygonCover, zone_geometries: list[QgsGeometry] | None, measure: QgsDistanceArea,
                feedback: QgsProcessingFeedback) -> np.ndarray:
    """Ellipsoidal area (m²) of the union of the cover's polygons within each zone (one value: all of it)."""
    if zone_geometries is None:
        return np.array([measure.measureArea(cover.union())])
    areas = np.zeros(len(zone_geometries))
    for position, zone in enumerate(zone_geometries):
        stop_if_cancelled(feedback)
        if not zone.isEmpty():
            areas[position] = measure.measureArea(cover.within(valid_polygon(zone)))
    return areas
