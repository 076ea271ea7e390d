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


def urban_and_zones(tmp_path: Path, epsg: int, left: float, top: float) -> tuple[str, str]:
    """On the 10 x 10 grid of 10 m cells at (left, top): an urban strip over columns 0-2 (x < 32) and zones N
    (rows 0-4, above y = top - 51) and S (rows 5-9), with field ``code``; their QGIS uris."""
    urban = write_layer(tmp_path / "urban.gpkg", "urban", epsg, ogr.wkbPolygon, [
        f"POLYGON(({left} {top},{left + 32} {top},{left + 32} {top - 100},{left} {top - 100},{left} {top}))"])
    zones = write_layer(tmp_path / "zones.gpkg", "zones", epsg, ogr.wkbPolygon, [
        f"POLYGON(({left} {top},{left + 100} {top},{left + 100} {top - 51},{left} {top - 51},{left} {top}))",
        f"POLYGON(({left} {top - 51},{left + 100} {top - 51},{left + 100} {top - 100},{left} {top - 100},"
        f"{left} {top - 51}))"], [{"code": "N"}, {"code": "S"}])
    return f"{urban}|layername=urban", f"{zones}|layername=zones"
