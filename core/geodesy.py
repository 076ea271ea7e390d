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


def geodesic_distance(lon0: np.ndarray, lat0: np.ndarray, lon1: np.ndarray, lat1: np.ndarray,
                      a: float, b: float) -> np.ndarray:
    """Ellipsoidal distance (m) between points given in degrees, by Vincenty's inverse formula (T. Vincenty,
    "Direct and inverse solutions of geodesics on the ellipsoid", Survey Review 23 (176), 1975), iterated to
    1e-13 rad: sub-millimetre everywhere except near antipodes, which street segments never are."""
    lon0, lat0, lon1, lat1 = (np.radians(np.asarray(v, dtype=np.float64)) for v in (lon0, lat0, lon1, lat1))
    f = (a - b) / a
    big_l = lon1 - lon0
    u1, u2 = np.arctan((1 - f) * np.tan(lat0)), np.arctan((1 - f) * np.tan(lat1))
    sin_u1, cos_u1, sin_u2, cos_u2 = np.sin(u1), np.cos(u1), np.sin(u2), np.cos(u2)
    lam = big_l.copy()
    for _ in range(200):
        sin_lam, cos_lam = np.sin(lam), np.cos(lam)
        sin_sigma = np.hypot(cos_u2 * sin_lam, cos_u1 * sin_u2 - sin_u1 * cos_u2 * cos_lam)
        cos_sigma = sin_u1 * sin_u2 + cos_u1 * cos_u2 * cos_lam
        sigma = np.arctan2(sin_sigma, cos_sigma)
        with np.errstate(invalid="ignore", divide="ignore"):
            sin_alpha = np.where(sin_sigma > 0, cos_u1 * cos_u2 * sin_lam / sin_sigma, 0.0)
            cos2_alpha = 1 - sin_alpha**2
            cos_2sm = np.where(cos2_alpha > 0, cos_sigma - 2 * sin_u1 * sin_u2 / cos2_alpha, 0.0)
        c = f / 16 * cos2_alpha * (4 + f * (4 - 3 * cos2_alpha))
        previous = lam
        lam = big_l + (1 - c) * f * sin_alpha * (
            sigma + c * sin_sigma * (cos_2sm + c * cos_sigma * (-1 + 2 * cos_2sm**2)))
        if np.all(np.abs(lam - previous) < 1e-13):
            break
    u_sq = cos2_alpha * (a * a - b * b) / (b * b)
    big_a = 1 + u_sq / 16384 * (4096 + u_sq * (-768 + u_sq * (320 - 175 * u_sq)))
    big_b = u_sq / 1024 * (256 + u_sq * (-128 + u_sq * (74 - 47 * u_sq)))
    delta = big_b * sin_sigma * (cos_2sm + big_b / 4 * (cos_sigma * (-1 + 2 * cos_2sm**2) - big_b / 6 * cos_2sm * (
        -3 + 4 * sin_sigma**2) * (-3 + 4 * cos_2sm**2)))
    return b * big_a * (sigma - delta)


def metres_per_degree(lat_deg: np.ndarray, a: float, b: float) -> tuple[np.ndarray, np.ndarray]:
    """Metres per degree of longitude and of latitude at ``lat_deg`` on the ellipsoid (axes ``a``, ``b`` in m),
    from the prime-vertical and meridian radii of curvature."""
    e2 = 1.0 - (b * b) / (a * a)
    phi = np.radians(np.asarray(lat_deg, dtype=np.float64))
    w = np.sqrt(1.0 - e2 * np.sin(phi) ** 2)
    prime_vertical = a / w
    meridian = a * (1.0 - e2) / w**3
    return prime_vertical * np.cos(phi) * math.pi / 180.0, meridian * math.pi / 180.0
