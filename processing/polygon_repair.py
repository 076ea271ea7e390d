"""Repair of invalid polygons that keeps their holes and parts (GEOS MakeValid, structure method).

A hole that touches its outer ring at an edge or a vertex (a lake digitised against the boundary) makes a polygon
invalid. The default repair (GEOS's "linework" method) can fill such a hole or turn the polygon into a
GeometryCollection; the "structure" method instead makes the outer rings and the holes valid on their own and
subtracts the holes from the outer rings, which is what a digitiser meant (GEOS 3.10 ``GEOSMakeValidWithParams``,
``GEOS_MAKE_VALID_STRUCTURE``). QGIS offers it from 3.28 (``Qgis.MakeValidMethod.Structure``), GDAL from 3.4
(``METHOD=STRUCTURE``); :func:`structure_repair` is the same rule with plain GEOS operations for older builds.
"""
from __future__ import annotations

from osgeo import ogr
from qgis.core import Qgis, QgsGeometry, QgsWkbTypes


def valid_polygon(geometry: QgsGeometry) -> QgsGeometry:
    """``geometry`` when it is valid, else its structure-preserving repair; always a (multi)polygon, possibly
    empty (parts that collapse to lines or points are dropped)."""
    if geometry.isEmpty() or geometry.isGeosValid():
        return geometry
    method = getattr(Qgis, "MakeValidMethod", None)
    repaired = geometry.makeValid(method.Structure) if method is not None else None  # QGIS >= 3.28
    if repaired is None or repaired.isNull():  # older QGIS, or a QGIS built with GEOS < 3.10
        repaired = _gdal_structure(geometry) or structure_repair(geometry)
    return polygons_of(repaired)


def _gdal_structure(geometry: QgsGeometry) -> QgsGeometry | None:
    """GDAL's structure repair, or None where GDAL or its GEOS lacks it (GDAL < 3.4, GEOS < 3.10)."""
    try:
        repaired = ogr.CreateGeometryFromWkb(bytes(geometry.asWkb())).MakeValid(["METHOD=STRUCTURE"])
    except (RuntimeError, TypeError):
        return None
    if repaired is None:
        return None
    result = QgsGeometry()
    result.fromWkb(bytes(repaired.ExportToIsoWkb()))
    return result


def structure_repair(geometry: QgsGeometry) -> QgsGeometry:
    """The structure rule with plain GEOS operations: per polygon, its valid outer ring minus its valid holes;
    the polygons then dissolved."""
    polygons = []
    for part in geometry.asGeometryCollection():
        if part.type() != QgsWkbTypes.GeometryType.PolygonGeometry:
            continue
        rings = part.asPolygon()
        if not rings:
            continue
        shell = QgsGeometry.fromPolygonXY([rings[0]]).makeValid()
        holes = [QgsGeometry.fromPolygonXY([ring]).makeValid() for ring in rings[1:]]
        if holes:
            shell = shell.difference(QgsGeometry.unaryUnion(holes))
        polygons.append(polygons_of(shell))
    return QgsGeometry.unaryUnion(polygons) if polygons else QgsGeometry.fromWkt("MULTIPOLYGON EMPTY")


def polygons_of(geometry: QgsGeometry) -> QgsGeometry:
    """The polygon parts of any geometry (a GeometryCollection's lines and points dropped) as a MultiPolygon."""
    if geometry.isNull():
        return QgsGeometry.fromWkt("MULTIPOLYGON EMPTY")
    parts = [part for part in geometry.asGeometryCollection()
             if part.type() == QgsWkbTypes.GeometryType.PolygonGeometry]
    if not parts:
        return QgsGeometry.fromWkt("MULTIPOLYGON EMPTY")
    result = QgsGeometry.collectGeometry(parts)
    result.convertToMultiType()
    return result
