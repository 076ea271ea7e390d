"""Zones for a scale-out run: read once by the client with OGR, reprojected to the rasters' CRS and shipped to the
workers as WKB (so the workers need no access to the zones file)."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from osgeo import ogr, osr

from ..core.zone_ids import blank_id, first_repeat
from ..translation import tr
from . import ScaleError


@dataclass(frozen=True)
class ZonePayload:
    """Labelled polygons (label ``i + 1`` is zone ``i``) in the CRS ``wkt`` with their bounding boxes (xmin,
    xmax, ymin, ymax), as sent to every worker."""

    wkt: str
    count: int
    polygons: tuple[tuple[int, bytes], ...]
    boxes: np.ndarray

    def within(self, xmin: float, xmax: float, ymin: float, ymax: float) -> list[tuple[int, bytes]]:
        """The polygons whose bounding box meets the rectangle."""
        boxes = self.boxes
        hits = (boxes[:, 0] <= xmax) & (boxes[:, 1] >= xmin) & (boxes[:, 2] <= ymax) & (boxes[:, 3] >= ymin)
        return [self.polygons[i] for i in np.flatnonzero(hits)]


@dataclass(frozen=True)
class Zones:
    """The zones of a run: ids and names in layer order, and their polygons for the workers."""

    ids: list[str]
    names: list[str]
    payload: ZonePayload


def read_zones(path: str, id_field: str = "", name_field: str = "", layer_name: str = "",
               wkt: str = "") -> Zones:
    """Read a polygon layer (any OGR format); geometries are repaired and reprojected to ``wkt``."""
    try:
        dataset = ogr.Open(path)
    except RuntimeError:
        dataset = None
    if dataset is None:
        raise ScaleError(tr("Cannot open zones '{}': check that it exists and is a vector layer GDAL reads.").format(
            path))
    layer = dataset.GetLayerByName(layer_name) if layer_name else dataset.GetLayer(0)
    if layer is None:
        raise ScaleError(tr("Zones '{}' has no layer '{}'.").format(path, layer_name))
    names = [layer.GetLayerDefn().GetFieldDefn(i).GetName() for i in range(layer.GetLayerDefn().GetFieldCount())]
    for field in (id_field, name_field):
        if field and field not in names:
            raise ScaleError(tr("Zones '{}' has no field '{}'; its fields are: {}.").format(
                path, field, ", ".join(names)))
    transform = _transform(path, layer, wkt)
    ids, labels, polygons, boxes = [], [], [], []
    for feature in layer:
        geometry = feature.GetGeometryRef()
        if id_field and blank_id(feature.GetField(id_field)):
            raise ScaleError(tr("Zones '{}': feature {} has no id in field '{}' (NULL or empty); give every zone an "
                                "id, or choose another id field.").format(path, feature.GetFID(), id_field))
        ids.append(_text(feature.GetField(id_field)) if id_field else str(feature.GetFID()))
        name = feature.GetField(name_field) if name_field else ""
        labels.append(ids[-1] if name_field and name is None else _text(name))
        if geometry is None or geometry.IsEmpty():
            continue
        if ogr.GT_Flatten(geometry.GetGeometryType()) not in (ogr.wkbPolygon, ogr.wkbMultiPolygon):
            raise ScaleError(tr("Zones '{}' feature {} is not a polygon: give a polygon layer.").format(
                path, feature.GetFID()))
        geometry = geometry.Clone()
        if not geometry.IsValid():
            geometry = _structure_valid(geometry)
        if transform is not None:
            geometry.Transform(transform)
        polygons.append((len(ids), bytes(geometry.ExportToWkb())))
        boxes.append(geometry.GetEnvelope())
    if not ids:
        raise ScaleError(tr("Zones '{}' has no features: give a layer with zones.").format(path))
    repeat = first_repeat(ids)
    if repeat is not None:
        raise ScaleError(tr("Zones '{}': id '{}' appears more than once in field '{}' ('{}' and '{}'; spaces around "
                            "an id do not count); choose a field with unique values.").format(
            path, repeat[0].strip(), id_field or "fid", *repeat))
    return Zones(ids, labels, ZonePayload(wkt, len(ids), tuple(polygons),
                                          np.array(boxes, dtype=np.float64).reshape(-1, 4)))


def _structure_valid(geometry: ogr.Geometry) -> ogr.Geometry:
    """A repair that keeps holes and parts (GEOS structure method, GDAL >= 3.4 with GEOS >= 3.10; see
    processing/polygon_repair.py), GEOS's default repair where that is missing."""
    try:
        repaired = geometry.MakeValid(["METHOD=STRUCTURE"])
    except RuntimeError:
        repaired = None
    return repaired if repaired is not None else geometry.MakeValid()


def _text(value) -> str:
    return "" if value is None else str(value)


def _transform(path: str, layer, wkt: str) -> osr.CoordinateTransformation | None:
    source = layer.GetSpatialRef()
    if source is None:
        raise ScaleError(tr("Zones '{}' have no coordinate reference system: assign one.").format(path))
    target = osr.SpatialReference()
    target.ImportFromWkt(wkt)
    if source.IsSame(target):
        return None
    source = source.Clone()
    for srs in (source, target):
        srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return osr.CoordinateTransformation(source, target)
