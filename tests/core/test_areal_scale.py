"""True pixel areas (core/areal_scale through raster/window.grid_areas) against independent ellipsoidal areas:
pyproj's geodesic polygon area of each pixel's outline (edges subdivided, so that they follow the projected
straight edge), and PROJ's own areal scale factors for how areas vary along rows and columns (issue 24)."""
from __future__ import annotations

import numpy as np
import pytest
from osgeo import osr
from pyproj import CRS, Geod, Proj, Transformer
from sdg_monitor.raster.window import grid_areas

Y40, Y60 = 4865942.279503176, 8399737.889818357  # Web Mercator northings of 40° N and 60° N
#: name: (EPSG, geotransform, width, height, how the areas are measured)
CASES = {
    # Web Mercator 40-60° N, 20 km pixels
    "web_mercator": (3857, (1_000_000.0, 20_000.0, 0.0, Y60, 0.0, -20_000.0), 30, 177, "rows"),
    # UTM 33N (15° E) from about 3° to 11° E of its meridian at 45° N: 8° of longitude off its zone, 2 km pixels
    "utm_off_zone": (32633, (736_000.0, 2_000.0, 0.0, 5_100_000.0, 0.0, -2_000.0), 320, 60, "field"),
    # CGCS2000 3-degree Gauss-Kruger CM 114E, 300 m pixels from 100 km west to 140 km east of the meridian
    "gauss_kruger_3": (4547, (400_000.0, 300.0, 0.0, 3_500_000.0, 0.0, -300.0), 800, 300, "field"),
    # CGCS2000 6-degree Gauss-Kruger CM 117E, 1 km pixels across the whole zone (290 km each side of the meridian)
    "gauss_kruger_6": (4509, (210_000.0, 1_000.0, 0.0, 3_600_000.0, 0.0, -1_000.0), 580, 120, "field"),
    # NAD83 Conus Albers, 5 km pixels
    "albers": (5070, (-1_000_000.0, 5_000.0, 0.0, 2_500_000.0, 0.0, -5_000.0), 120, 90, "constant"),
    # ETRS89 LAEA Europe, 5 km pixels 1,000-2,000 km east of its centre
    "laea": (3035, (5_000_000.0, 5_000.0, 0.0, 4_000_000.0, 0.0, -5_000.0), 200, 160, "constant"),
}


def wkt(epsg: int) -> str:
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    return srs.ExportToWkt()


def reference_areas(epsg: int, geotransform, pixels, pieces: int = 16) -> np.ndarray:
    """Geodesic area (m²) of each (row, column) pixel's outline, ``pieces`` points per edge, on the CRS's
    ellipsoid (pyproj, independent of GDAL's transform and of our area formula)."""
    crs = CRS.from_epsg(epsg)
    ellipsoid = crs.ellipsoid
    geod = Geod(a=ellipsoid.semi_major_metre, b=ellipsoid.semi_minor_metre)
    to_lonlat = Transformer.from_crs(crs, crs.geodetic_crs, always_xy=True)
    x0, xres, _, y0, _, yres = geotransform
    t = np.arange(pieces) / pieces
    areas = []
    for row, col in pixels:
        left, top = x0 + col * xres, y0 + row * yres
        xs = np.concatenate([left + t * xres, np.full(pieces, left + xres), left + (1 - t) * xres,
                             np.full(pieces, left)])
        ys = np.concatenate([np.full(pieces, top), top + t * yres, np.full(pieces, top + yres),
                             top + (1 - t) * yres])
        lon, lat = to_lonlat.transform(xs, ys)
        areas.append(abs(geod.polygon_area_perimeter(lon, lat)[0]))
    return np.array(areas)


def all_areas(epsg: int, geotransform, width: int, height: int) -> tuple[str, np.ndarray]:
    areas = grid_areas(geotransform, width, height, wkt(epsg))
    return areas.kind, np.broadcast_to(areas.strip(0, height), (height, width))


@pytest.mark.parametrize("case", sorted(CASES))
def test_every_pixel_has_its_ellipsoidal_area(case):
    epsg, geotransform, width, height, kind = CASES[case]
    found_kind, areas = all_areas(epsg, geotransform, width, height)
    assert found_kind == kind
    rng = np.random.default_rng(24)
    pixels = [(int(r), int(c)) for r, c in zip(rng.integers(0, height, 40), rng.integers(0, width, 40))]
    pixels += [(0, 0), (0, width - 1), (height - 1, 0), (height - 1, width - 1)]
    expected = reference_areas(epsg, geotransform, pixels)
    found = np.array([areas[r, c] for r, c in pixels])
    assert np.max(np.abs(found / expected - 1)) < 1e-6


@pytest.mark.parametrize("case", ["utm_off_zone", "gauss_kruger_3"])
def test_rows_and_columns_differ_as_the_projection_says(case):
    """Along a row and down a column of a transverse Mercator grid, areas vary as the inverse of PROJ's areal
    scale factor at the pixel centres (its mean over a pixel to (pixel / R)²)."""
    epsg, geotransform, width, height, _ = CASES[case]
    _, areas = all_areas(epsg, geotransform, width, height)
    crs = CRS.from_epsg(epsg)
    to_lonlat = Transformer.from_crs(crs, crs.geodetic_crs, always_xy=True)
    x0, xres, _, y0, _, yres = geotransform
    row, col = height // 2, width // 2
    for rows, cols in ((np.full(width, row), np.arange(width)), (np.arange(height), np.full(height, col))):
        lon, lat = to_lonlat.transform(x0 + (cols + 0.5) * xres, y0 + (rows + 0.5) * yres)
        scale = np.array(Proj(crs).get_factors(lon, lat).areal_scale)
        found = areas[rows, cols] / areas[rows[0], cols[0]]
        assert np.max(np.abs(found * scale / scale[0] - 1)) < 1e-6
    assert np.ptp(areas[row]) > 1e-4 * areas[row, 0]  # columns differ off the central meridian


def test_web_mercator_areas_change_with_every_row_and_not_along_it():
    """One area per row, each the row's own (pyproj's geodesic areas down a column); PROJ's factors for Web
    Mercator are the sphere's, not the ellipsoid's, so they are no reference here."""
    epsg, geotransform, width, height, _ = CASES["web_mercator"]
    _, areas = all_areas(epsg, geotransform, width, height)
    assert all(np.ptp(areas[r]) == 0 for r in range(height))
    pixels = [(r, 7) for r in range(height)]
    expected = reference_areas(epsg, geotransform, pixels, pieces=4)
    assert np.max(np.abs(areas[:, 7] / expected - 1)) < 1e-6
    assert areas[-1, 0] / areas[0, 0] > 1.8  # 40° N against 60° N


def test_a_window_of_a_grid_gets_the_areas_of_the_whole_grid_to_the_last_digit():
    """The scale-out measures windows of a grid; the Processing algorithms the whole grid: same numbers."""
    epsg, (x0, xres, _, y0, _, yres), width, height, _ = CASES["gauss_kruger_3"]
    _, whole = all_areas(epsg, (x0, xres, 0.0, y0, 0.0, yres), width, height)
    for row0, col0, rows, cols in ((0, 0, 70, 300), (133, 517, 101, 283), (289, 780, 11, 20)):
        window = (x0 + col0 * xres, xres, 0.0, y0 + row0 * yres, 0.0, yres)
        _, part = all_areas(epsg, window, cols, rows)
        assert np.array_equal(part, whole[row0:row0 + rows, col0:col0 + cols])


def test_strips_of_any_height_give_the_same_areas():
    epsg, geotransform, width, height, _ = CASES["utm_off_zone"]
    areas = grid_areas(geotransform, width, height, wkt(epsg))
    whole = areas.strip(0, height)
    for rows in (1, 7, 64):
        strips = np.vstack([areas.strip(row0, min(rows, height - row0)) for row0 in range(0, height, rows)])
        assert np.array_equal(strips, whole)


def test_an_equal_area_crs_costs_one_number_and_a_local_one_its_planar_area():
    areas = grid_areas((4_000_000.0, 30.0, 0.0, 3_000_000.0, 0.0, -30.0), 5000, 4000, wkt(3035))  # LAEA Europe
    assert areas.kind == "constant" and areas.strip(0, 4000).shape == (1, 1)
    assert areas.strip(0, 1)[0, 0] == 900.0


def test_ground_metres_per_unit_in_web_mercator_by_hand():
    """Web Mercator (x = a λ, y = a ln tan(π/4 + φ/2) on WGS84 latitudes): a map unit is N cos φ / a ground metres
    east-west and M cos φ / a north-south (N, M: the prime-vertical and meridian radii), not one."""
    from sdg_monitor.core.areal_scale import ground_metres_per_unit

    a, b = 6378137.0, 6356752.314245179
    e2 = 1 - (b / a) ** 2

    def to_lonlat(x, y):
        return np.degrees(np.asarray(x) / a), np.degrees(2 * np.arctan(np.exp(np.asarray(y) / a)) - np.pi / 2)

    lat = np.array([0.0, 30.0, 60.0])
    phi = np.radians(lat)
    y = a * np.log(np.tan(np.pi / 4 + phi / 2))
    kx, ky = ground_metres_per_unit(np.full(3, 1.3e7), y, to_lonlat, a, b, 1.0)
    w = np.sqrt(1 - e2 * np.sin(phi) ** 2)
    np.testing.assert_allclose(kx, np.cos(phi) / w, rtol=1e-8)
    np.testing.assert_allclose(ky, (1 - e2) * np.cos(phi) / w**3, rtol=1e-8)
