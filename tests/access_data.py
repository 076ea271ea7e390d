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


def geodesic_within(epsg: int, left: float, top: float, res: float, shape: tuple[int, int], sites,
                    distance: float):
    """Cells of a north-up grid in EPSG:``epsg`` whose centre is within ``distance`` metres of a site, measured on
    the ellipsoid (pyproj's transform and Geod.inv: independent of the plugin's code)."""
    import numpy as np
    from pyproj import CRS, Geod, Transformer

    crs = CRS.from_epsg(epsg)
    to_lonlat = Transformer.from_crs(crs, crs.geodetic_crs, always_xy=True)
    geod = Geod(a=crs.ellipsoid.semi_major_metre, b=crs.ellipsoid.semi_minor_metre)
    rows, cols = np.mgrid[0:shape[0], 0:shape[1]]
    lon, lat = to_lonlat.transform(left + res * (cols + 0.5), top - res * (rows + 0.5))
    near = np.zeros(shape, dtype=bool)
    for sx, sy in sites:
        slon, slat = to_lonlat.transform(sx, sy)
        near |= geod.inv(np.full(lon.shape, slon), np.full(lat.shape, slat), lon, lat)[2] <= distance
    return near
