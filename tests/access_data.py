"""Point and line fixtures for the access tests, written with OGR (independent of the plugin's code)."""
from __future__ import annotations

from pathlib import Path
from typing import Sequence

from osgeo import ogr
from sdg_testdata import write_layer


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
