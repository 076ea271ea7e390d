"""Zones for disaggregation: read once from any vector source, rasterized once onto a raster grid."""
from __future__ import annotations

from contextlib import closing
from dataclasses import dataclass
from typing import Iterator, Sequence

import numpy as np
from osgeo import ogr
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeature,
    QgsFeatureRequest,
    QgsFields,
    QgsGeometry,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeatureSource,
    QgsProcessingFeedback,
    QgsRasterLayer,
)

from ..core.areal_scale import StripAreas
from ..core.prefetch import prefetch
from ..core.zone_ids import blank_id, first_repeat
from ..raster.burn import burn, label_type, memory_zones
from ..translation import tr
from .feedback import stop_if_cancelled
from .polygon_repair import valid_polygon
from .raster_io import RasterGrid, Strip, grid_of, open_strips
from .tables import is_null, refuse_garbled


@dataclass
class Zone:
    """One zone: its feature (with its own fields), id and name for the results store."""

    feature: QgsFeature
    area_id: str
    area_name: str


class ZoneSet:
    """The zones of a run, in their layer's order; label ``i + 1`` is ``zones[i]``."""

    def __init__(self, zones: list[Zone], fields: QgsFields, crs: QgsCoordinateReferenceSystem, name: str):
        self.zones = zones
        self.fields = fields
        self.crs = crs
        self.name = name

    def __len__(self) -> int:
        return len(self.zones)

    @classmethod
    def from_source(cls, source: QgsProcessingFeatureSource, name: str, id_field: str, name_field: str,
                    context: QgsProcessingContext, geometry: bool = True) -> ZoneSet:
        """Read the zones; refuses missing fields, NULL, empty and repeated ids; with ``geometry`` (else only the
        attributes are read: a table without geometry or CRS will do) also a layer without a CRS, and repairs
        invalid geometries keeping their holes and parts (with a warning naming the zones)."""
        if geometry and not source.sourceCrs().isValid():
            raise QgsProcessingException(
                tr("Zones layer '{}' has no coordinate reference system: set one and run again.").format(name))
        fields = source.fields()
        refuse_garbled(name, tr("a field name"), fields.names())
        for field in (id_field, name_field):
            if field and fields.indexFromName(field) < 0:
                raise QgsProcessingException(
                    tr("Zones layer '{}' has no field '{}'.").format(name, field))
        zones = []
        repaired = []
        request = QgsFeatureRequest().setInvalidGeometryCheck(QgsFeatureRequest.InvalidGeometryCheck.GeometryNoCheck)
        if not geometry:
            request.setFlags(QgsFeatureRequest.Flag.NoGeometry)
        # skip Processing's own validity check (it would stop the run or drop the feature): repaired below
        for feature in source.getFeatures(request, QgsProcessingFeatureSource.Flag.FlagSkipGeometryValidityChecks):
            area_id = zone_id(feature, id_field, name)
            area_name = feature[name_field] if name_field else None
            if geometry:
                shape = feature.geometry()
                valid = valid_polygon(shape)
                if valid is not shape:
                    feature.setGeometry(valid)
                    repaired.append(area_id)
            zones.append(Zone(feature, area_id, area_id if name_field and is_null(area_name) else
                              "" if is_null(area_name) else str(area_name)))
        for field, values in ((id_field, [zone.area_id for zone in zones]),
                              (name_field, [zone.area_name for zone in zones])):
            if field:
                refuse_garbled(name, tr("field '{}'").format(field), values)
        _refuse_duplicates(name, id_field, [zone.area_id for zone in zones])
        feedback = context.feedback()
        if repaired and feedback is not None:
            feedback.pushWarning(
                tr("Zones layer '{}': the invalid geometry of zone(s) {} was repaired keeping its holes and parts "
                   "(e.g. a hole touching the outer ring); check these zones.").format(name, ", ".join(repaired[:20])))
        return cls(zones, fields, source.sourceCrs(), name)

    def refuse_empty(self) -> None:
        """Refuse a zones layer without features: it would give no value at all."""
        if not self.zones:
            raise QgsProcessingException(
                tr("Zones layer '{}' has no features (or none is selected): choose a layer with zones, or leave "
                   "the zones empty to compute the whole area.").format(self.name))

    def geometries_in(self, crs: QgsCoordinateReferenceSystem, context: QgsProcessingContext) -> list[QgsGeometry]:
        """The zone geometries reprojected to ``crs``."""
        transform = QgsCoordinateTransform(self.crs, crs, context.transformContext())
        out = []
        for zone in self.zones:
            geometry = QgsGeometry(zone.feature.geometry())
            if not geometry.isEmpty() and self.crs != crs:
                geometry.transform(transform)
            out.append(geometry)
        return out

    def rasterize(self, grid: RasterGrid, context: QgsProcessingContext) -> ZoneRaster:
        """Zone labels on ``grid`` (pixel-centre rule): the zones are prepared once here and burnt strip by strip
        as they are read, in memory (several times faster than a temporary GeoTIFF, and as flat in memory)."""
        memory = memory_zones((label, bytes(geometry.asWkb())) for label, geometry
                              in enumerate(self.geometries_in(grid.crs, context), start=1) if not geometry.isEmpty())
        return ZoneRaster(memory, grid, label_type(len(self)), self.name,
                          [zone.area_id for zone in self.zones])


def zone_id(feature: QgsFeature, id_field: str, layer: str) -> str:
    """A zone's id as text (its feature id without an id field); refuses NULL and empty ids, naming the feature."""
    if not id_field:
        return str(feature.id())
    value = feature[id_field]
    if is_null(value) or blank_id(value):
        raise QgsProcessingException(
            tr("Zones layer '{}': feature {} has no id in field '{}' (NULL or empty); give every zone an id, or "
               "choose another id field.").format(layer, feature.id(), id_field))
    return str(value)


def _refuse_duplicates(layer: str, id_field: str, ids: list[str]) -> None:
    """Refuse ids that repeat, also when they differ only by surrounding spaces (they name the same zone)."""
    repeat = first_repeat(ids)
    if repeat is not None:
        raise QgsProcessingException(
            tr("Zones layer '{}': zone id '{}' appears more than once in field '{}' ('{}' and '{}'; spaces around "
               "an id do not count); choose a field with unique values.").format(
                layer, repeat[0].strip(), id_field or "fid", *repeat))


class ZoneRaster:
    """Zone labels on a raster grid, burnt into memory strip by strip as they are read."""

    def __init__(self, zones: ogr.DataSource, grid: RasterGrid, data_type: int, name: str,
                 ids: list[str] | None = None) -> None:
        """``zones``: :func:`raster.burn.memory_zones` of the polygons in the grid's CRS."""
        self._zones = zones
        self._grid = grid
        self._data_type = data_type
        self._name = name
        self._ids = ids or []
        self._seen = np.zeros(len(self._ids) + 1, dtype=bool)

    @property
    def name(self) -> str:
        """The zones layer's name."""
        return self._name

    def unseen(self) -> list[str]:
        """Ids of the zones no label of which has been read so far (after a full pass: zones holding no pixel
        centre of the grid)."""
        return [zone_id for zone_id, seen in zip(self._ids, self._seen[1:]) if not seen]

    def read(self, row0: int, rows: int) -> np.ndarray:
        """Labels of ``rows`` full-width rows from ``row0``."""
        grid = self._grid
        x0, xres, _, top, _, yres = grid.geotransform()
        labels = burn(self._zones, (x0, xres, 0.0, top + row0 * yres, 0.0, yres), grid.width, rows, self._data_type)
        if labels is None:
            raise QgsProcessingException(tr("Could not rasterize zones layer '{}'.").format(self._name))
        self._seen[_present(labels)] = True
        return labels

    def close(self) -> None:
        """Release the zones."""
        self._zones = None


def _present(labels: np.ndarray) -> np.ndarray:
    """The labels present in a block (with repeats): the first and every one that differs from its predecessor,
    several times cheaper than counting every pixel since zones come in runs."""
    flat = labels.ravel()
    return np.concatenate([flat[:1], flat[1:][flat[1:] != flat[:-1]]])


def zonal_strips(layer: QgsRasterLayer, band: int, labels: ZoneRaster | None,
                 feedback: QgsProcessingFeedback) -> Iterator[tuple[Strip, np.ndarray, StripAreas]]:
    """Strips of a band with their zone labels (1 everywhere without zones) and pixel areas (m²); see
    :func:`zonal_stacks`."""
    for strips, zone_labels, pixel_area in zonal_stacks([(layer, band)], labels, feedback):
        yield strips[0], zone_labels, pixel_area


def zonal_stacks(bands: Sequence[tuple[QgsRasterLayer, int]], labels: ZoneRaster | None,
                 feedback: QgsProcessingFeedback) -> Iterator[tuple[list[Strip], np.ndarray, StripAreas]]:
    """Strips of several (layer, band) read together on the grid of the first, with their zone labels (1
    everywhere without zones) and pixel areas (m², made only where they are used: see :class:`StripAreas`).

    Reports progress and stops with an exception when the user cancels, so that nothing partial is written; at
    the end, warns about zones that hold no pixel centre of the grid (their value is NULL).
    """
    layer = bands[0][0]
    grid = grid_of(layer)
    sources = [open_strips(other, band, grid) for other, band in bands]
    areas = grid.areas()  # measured once, in this thread (QGIS exports the CRS)
    stacks = ((strips, zone_labels, areas.view(strips[0].row0, strips[0].rows))
              for strips, zone_labels in _labelled(zip(*(strips for strips, _ in sources)), labels, grid))
    if grid.strip_rows() < grid.height and all(gdal_only for _, gdal_only in sources):
        stacks = prefetch(stacks)  # GDAL reads and burns the next strip while the caller reduces this one
    with closing(stacks):  # stops the reading thread when the caller stops early, cancels or raises
        for strips, zone_labels, pixel_area in stacks:
            stop_if_cancelled(feedback)
            yield list(strips), zone_labels, pixel_area
            feedback.setProgress(100.0 * (strips[0].row0 + strips[0].rows) / grid.height)
    missing = labels.unseen() if labels is not None else []
    if missing:
        feedback.pushWarning(
            tr("Zones layer '{}': zone(s) {} hold no pixel centre of raster layer '{}' (they lie outside it or are "
               "smaller than a pixel); their value is NULL.").format(labels.name, ", ".join(missing[:20]),
                                                                    layer.name()))


def _labelled(stacks: Iterator[tuple[Strip, ...]], labels: ZoneRaster | None,
              grid: RasterGrid) -> Iterator[tuple[tuple[Strip, ...], np.ndarray]]:
    """Each stack of strips with its zone labels (1 everywhere without zones); GDAL and numpy only."""
    for strips in stacks:
        zone_labels = (labels.read(strips[0].row0, strips[0].rows) if labels is not None
                       else np.ones((strips[0].rows, grid.width), dtype=np.uint8))
        yield strips, zone_labels
