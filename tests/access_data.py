"""Point and line fixtures for the access tests, written with OGR (independent of the plugin's code)."""
from __future__ import annotations

from pathlib import Path
from typing import Sequence

from osgeo import ogr, osr


def write_features(path: Path, layer_name: str, epsg: int, geometry_type: int, wkts: Sequence[str],
                   attributes: Sequence[dict] | None = None) -> str:
    """Write WKT geometries with string/int/float attributes to a GeoPackage layer; return its QGIS uri."""
    driver = ogr.GetDriverByName("GPKG")
    ds = driver.Open(str(path), 1) if path.exists() else driver.CreateDataSource(str(path))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    layer = ds.CreateLayer(layer_name, srs, geometry_type)
    attributes = attributes or [{} for _ in wkts]
    kinds = {int: ogr.OFTInteger, float: ogr.OFTReal, str: ogr.OFTString}
    for name, value in (attributes[0] if attributes else {}).items():
        layer.CreateField(ogr.FieldDefn(name, kinds[type(value)]))
    for wkt, attrs in zip(wkts, attributes):
        feature = ogr.Feature(layer.GetLayerDefn())
        for name, value in attrs.items():
            feature.SetField(name, value)
        feature.SetGeometry(ogr.CreateGeometryFromWkt(wkt))
        layer.CreateFeature(feature)
    ds = None
    return f"{path}|layername={layer_name}"


def points(path: Path, layer_name: str, epsg: int, xy: Sequence[tuple[float, float]],
           attributes: Sequence[dict] | None = None) -> str:
    return write_features(path, layer_name, epsg, ogr.wkbPoint, [f"POINT({x} {y})" for x, y in xy], attributes)


def lines(path: Path, layer_name: str, epsg: int, coordinates: Sequence[Sequence[tuple[float, float]]],
          attributes: Sequence[dict] | None = None) -> str:
    wkts = ["LINESTRING(" + ",".join(f"{x} {y}" for x, y in line) + ")" for line in coordinates]
    return write_features(path, layer_name, epsg, ogr.wkbLineString, wkts, attributes)
