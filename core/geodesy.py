"""Ellipsoidal areas of raster cells, so that areas are true areas whatever the raster's CRS."""
from __future__ import annotations

import math

import numpy as np


def authalic_integral(lat_deg: np.ndarray, a: float, b: float) -> np.ndarray:
    """Area on the ellipsoid between the equator and latitude φ per radian of longitude (m²)."""
    e2 = 1.0 - (b * b) / (a * a)
    s = np.sin(np.radians(lat_deg))
    if e2 < 1e-15:
        return a * a * s
    e = math.sqrt(e2)
    return (b * b / 2.0) * (s / (1.0 - e2 * s * s) + np.log((1.0 + e * s) / (1.0 - e * s)) / (2.0 * e))


def cell_areas_geographic(lat_edges_deg: np.ndarray, dlon_deg: float, a: float, b: float) -> np.ndarray:
    """Exact ellipsoidal area (m²) of cells between consecutive latitude edges and ``dlon_deg`` wide.

    ``a`` and ``b`` are the semi-major and semi-minor axes in metres. Returns one area per row (len(edges) - 1).
    """
    integral = authalic_integral(np.asarray(lat_edges_deg, dtype=np.float64), a, b)
    return np.abs(np.diff(integral)) * math.radians(abs(dlon_deg))


def polygon_area(lon_deg: np.ndarray, lat_deg: np.ndarray, a: float, b: float) -> float:
    """Ellipsoidal area (m²) of a ring of longitudes and latitudes, as its planar area in the cylindrical
    equal-area map (longitude in radians against the area from the equator): exact for edges straight in that
    map, and within 1e-6 of the geodesic area when the ring is densified to edges of a few kilometres."""
    lon = np.unwrap(np.radians(np.asarray(lon_deg, dtype=np.float64)))
    y = authalic_integral(np.asarray(lat_deg, dtype=np.float64), a, b)
    lon, y = lon - lon.mean(), y - y.mean()  # centred: no cancellation between large products
    return float(abs(np.sum(lon * np.roll(y, -1) - np.roll(lon, -1) * y)) / 2.0)
