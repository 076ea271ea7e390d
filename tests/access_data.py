"""Point and line fixtures for the access tests, written with OGR (independent of the plugin's code)."""
from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Sequence

from osgeo import ogr
from qgis.core import QgsCoordinateReferenceSystem, QgsProcessingContext
from sdg_testdata import write_layer


@cache
def ellipsoid_context(epsg: int) -> QgsProcessingContext:
    """A Processing context that measures on the ellipsoid of EPSG:``epsg``, as the plugin does: from QGIS 3.40
    native:serviceareafromlayer measures with the context's ellipsoid (NONE, planar, under pytest-qgis), before
    with the layer CRS's. Kept for the session: the result layers of a run belong to its context."""
    from processing.tools.dataobjects import createContext

    context = createContext()
    context.setEllipsoid(QgsCoordinateReferenceSystem(f"EPSG:{epsg}").ellipsoidAcronym())
    return context


def write_features(path: Path, layer_name: str, epsg: int, geometry_type: int, wkts: Sequence[str],
                   attributes: Sequence[dict] | None = None) -> str:
    """Write WKT geometries with attributes to a GeoPackage layer; return its QGIS uri."""
    write_layer(path, layer_name, epsg, geometry_type, wkts, attributes)
    return f"{path}|layername={layer_name}"


def points(path: Path, layer_name: str, epsg: int, xy: Sequence[tuple[float, float]],
           attributes: Sequence[dict] | None = None) -> str:
    return write_features(path, layer_name, epsg, ogr.wkbPoint, [f"POINT({x} {y})" for x, y in xy], attributes)


def lines(path: Path, layer_name: str, epsg: int, coordinates: Sequence[Sequence[tuple[float, float]]],
          attributes: Sequence[dict] | None = None) -> str:
    wkts = ["LINESTRING(" + ",".join(f"{x} {y}" for x, y in line) + ")" for line in coordinates]
    return write_features(path, layer_name, epsg, ogr.wkbLineString, wkts, attributes)
