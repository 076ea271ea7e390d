"""Writing GeoPackage layers in one transaction each."""
from __future__ import annotations

from typing import Iterable, Sequence

import numpy as np
from osgeo import ogr

from .gridio import srs

_TYPES = {int: ogr.OFTInteger, float: ogr.OFTReal, str: ogr.OFTString}
_MULTI = {ogr.wkbMultiPolygon: ogr.ForceToMultiPolygon, ogr.wkbMultiLineString: ogr.ForceToMultiLineString}


def write_layer(ds: ogr.DataSource, name: str, geom_type: int, fields: Sequence[tuple[str, type]],
                rows: Iterable[tuple[ogr.Geometry, Sequence[object]]], description: str) -> int:
    """Create layer ``name`` with ``fields`` and write ``rows`` (geometry, values in field order)."""
    lyr = ds.CreateLayer(name, srs(), geom_type, options=["FID=fid", "GEOMETRY_NAME=geom",
                                                          f"DESCRIPTION={description}"])
    for field_name, field_type in fields:
        lyr.CreateField(ogr.FieldDefn(field_name, _TYPES[field_type]))
    defn = lyr.GetLayerDefn()
    force = _MULTI.get(geom_type)
    count = 0
    ds.StartTransaction()
    for geom, values in rows:
        feat = ogr.Feature(defn)
        feat.SetGeometry(force(geom) if force else geom)
        for k, value in enumerate(values):
            feat.SetField(k, value)
        lyr.CreateFeature(feat)
        count += 1
    ds.CommitTransaction()
    return count


def polygon(ring: np.ndarray) -> ogr.Geometry:
    """Polygon from a ring array (closed if needed)."""
    lr = ogr.Geometry(ogr.wkbLinearRing)
    for x, y in ring:
        lr.AddPoint_2D(float(x), float(y))
    lr.CloseRings()
    poly = ogr.Geometry(ogr.wkbPolygon)
    poly.AddGeometry(lr)
    return poly
