"""Terrain kernels against naive references, analytic planes, published geodesy and hand-worked classes."""
from __future__ import annotations

import math

import numpy as np
import pytest
from sdg_monitor.core.terrain import (
    NODATA,
    horn_slope,
    kapos_classes,
    kapos_strips,
    local_relief,
    mountain_green_categories,
    needs_relief,
    pixel_metres_geographic,
    with_halo,
)

WGS84 = (6378137.0, 6356752.314245179)


def naive_horn(z: np.ndarray, dx: float, dy: float) -> np.ndarray:
    """Horn's formula pixel by pixel on the interior of an all-valid DEM."""
    rows, cols = z.shape
    out = np.full((rows, cols), np.nan)
    for r in range(1, rows - 1):
        for c in range(1, cols - 1):
            a, b, cc = z[r - 1, c - 1], z[r - 1, c], z[r - 1, c + 1]
            d, f = z[r, c - 1], z[r, c + 1]
            g, h, i = z[r + 1, c - 1], z[r + 1, c], z[r + 1, c + 1]
            dzdx = ((cc + 2 * f + i) - (a + 2 * d + g)) / (8 * dx)
            dzdy = ((g + 2 * h + i) - (a + 2 * b + cc)) / (8 * dy)
            out[r, c] = math.degrees(math.atan(math.sqrt(dzdx ** 2 + dzdy ** 2)))
    return out


def naive_relief(z: np.ndarray, valid: np.ndarray, radius: float, dx: np.ndarray, dy: np.ndarray) -> np.ndarray:
    """Max - min of valid pixels whose centre is within ``radius`` (pixel size of the source row)."""
    rows, cols = z.shape
    limit = radius * radius * (1 + 1e-9)
    out = np.full(z.shape, np.nan)
    for r in range(rows):
        for c in range(cols):
            if not valid[r, c]:
                continue
            values = [z[s, k] for s in range(rows) for k in range(cols)
                      if valid[s, k] and ((s - r) * dy[s]) ** 2 + ((k - c) * dx[s]) ** 2 <= limit]
            out[r, c] = max(values) - min(values)
    return out


def with_edges(z: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The DEM with an invalid row above and below, as :func:`horn_slope` takes it."""
    padded = np.vstack([np.zeros((1, z.shape[1])), z, np.zeros((1, z.shape[1]))])
    valid = np.ones(padded.shape, dtype=bool)
    valid[[0, -1]] = False
    return padded, valid


def test_pixel_metres_match_published_degree_lengths():
    """One degree on WGS84: 111.320 km of longitude and 110.574 km of latitude at the equator; 55.800 km and
    111.412 km at 60° (published tables of degree lengths)."""
    dx, dy = pixel_metres_geographic(np.array([0.0, 60.0]), 1.0, 1.0, *WGS84)
    assert dx == pytest.approx([111319.49, 55799.98], abs=1.0)
    assert dy == pytest.approx([110574.27, 111412.24], abs=1.0)


def test_horn_slope_matches_naive_formula_in_the_interior():
    rng = np.random.default_rng(3)
    z = np.cumsum(np.cumsum(rng.normal(0, 1, (12, 15)), 0), 1) * 5 + 500
    padded, valid = with_edges(z)
    ours = horn_slope(padded, valid, 30.0, 25.0)
    expected = naive_horn(z, 30.0, 25.0)
    np.testing.assert_allclose(ours[1:-1, 1:-1], expected[1:-1, 1:-1], rtol=0, atol=1e-9)


def test_horn_slope_of_a_plane_is_exact_at_edges_and_beside_nodata():
    """A plane rising 3 m per 30 m east and 4 m per 40 m north: slope atan(sqrt(0.1² + 0.1²)) everywhere,
    also where one-sided differences are used (edges, next to a nodata pixel)."""
    rows, cols = np.mgrid[0:8, 0:9]
    z = 100 + 3.0 * cols - 4.0 * rows
    padded, valid = with_edges(z)
    valid[4, 4] = False
    slope = horn_slope(padded, valid, np.full(8, 30.0), 40.0)
    expected = math.degrees(math.atan(math.hypot(0.1, 0.1)))
    assert np.isnan(slope[3, 4])
    finite = ~np.isnan(slope)
    assert finite.sum() == z.size - 1
    np.testing.assert_allclose(slope[finite], expected, atol=1e-9)


def test_horn_slope_uses_each_rows_pixel_width():
    z = np.tile(np.arange(5, dtype=float) * 10.0, (3, 1))
    padded, valid = with_edges(z)
    slope = horn_slope(padded, valid, np.array([10.0, 20.0, 40.0]), 30.0)
    expected = [math.degrees(math.atan(10.0 / w)) for w in (10.0, 20.0, 40.0)]
    np.testing.assert_allclose(slope[:, 2], expected, atol=1e-9)


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_local_relief_matches_naive_disc(seed):
    rng = np.random.default_rng(seed)
    z = rng.normal(800, 200, (17, 23)).astype(np.float32).astype(np.float64)
    valid = rng.random(z.shape) > 0.15
    dx = np.linspace(800.0, 1100.0, 17)
    dy = np.full(17, 950.0)
    expected = naive_relief(z, valid, 4000.0, dx, dy)
    ours = local_relief(z, valid, 4000.0, dx, dy)
    np.testing.assert_array_equal(np.isnan(ours), np.isnan(expected))
    np.testing.assert_array_equal(ours[valid], expected[valid])
    np.testing.assert_array_equal(local_relief(z, valid, 4000.0, dx, dy, 5, 12), expected[5:12])


def test_relief_window_is_a_circle_not_a_square():
    """A 1000 m spike 5 pixels east and 5 north (7.07 px away) is outside a 7-pixel radius (a square window
    would hold it); 7 pixels away on a row or column, or (6, 1) or (5, 4) away, it is inside."""
    z = np.zeros((15, 15))
    z[2, 12] = 1000.0
    valid = np.ones(z.shape, dtype=bool)
    relief = local_relief(z, valid, 7000.0, 1000.0, 1000.0)
    assert relief[7, 7] == 0.0 and relief[9, 11] == 0.0 and relief[3, 4] == 0.0
    assert relief[2, 5] == 1000.0 and relief[9, 12] == 1000.0 and relief[3, 6] == 1000.0
    assert relief[8, 11] == 1000.0 and relief[7, 8] == 1000.0


@pytest.mark.parametrize("z, slope, relief, expected", [
    (4500.0, 0.0, 0.0, 1), (4499.9, 0.0, 0.0, 2), (3500.0, 0.0, 0.0, 2), (3499.0, 0.0, 0.0, 3),
    (2500.0, 0.0, 0.0, 3), (2499.0, 2.0, 0.0, 4), (1500.0, 2.0, 0.0, 4), (2000.0, 1.99, 999.0, 0),
    (1499.0, 5.0, 0.0, 5), (1000.0, 4.99, 300.01, 5), (1200.0, 4.99, 300.0, 0), (999.0, 30.0, 300.0, 0),
    (999.0, 0.0, 301.0, 6), (300.0, 0.0, 301.0, 6), (299.9, 45.0, 2000.0, 0), (-10.0, 0.0, 0.0, 0),
])
def test_kapos_classes_hand_worked(z, slope, relief, expected):
    classes = kapos_classes(np.array([[z]]), np.array([[slope]]), np.array([[relief]]), np.array([[True]]))
    assert classes[0, 0] == expected


def test_kapos_classes_nodata_and_missing_relief():
    z = np.array([[5000.0, 1200.0, 600.0, 1200.0]])
    slope = np.array([[0.0, 6.0, 0.0, np.nan]])
    valid = np.array([[False, True, True, True]])
    assert kapos_classes(z, slope, None, valid).tolist() == [[NODATA, 5, 0, 0]]
    assert needs_relief(z[:, :2], slope[:, :2], valid[:, :2]) is False
    assert needs_relief(z, slope, valid) is True


def test_mountain_green_categories():
    classes = np.array([[0, 1, 1, 6, 255, 3]])
    green = np.array([[True, False, True, True, True, True]])
    valid = np.array([[True, True, True, True, True, False]])
    assert mountain_green_categories(classes, green, valid).tolist() == [[0, 1, 2, 12, 0, 0]]


@pytest.mark.parametrize("sizes, halo", [([3, 3, 3, 3, 2], 2), ([1] * 14, 5), ([14], 3), ([2, 5, 1, 6], 20)])
def test_with_halo_windows_are_the_rows_around_each_strip(sizes, halo):
    data = np.arange(14 * 3).reshape(14, 3)
    valid = data % 5 != 0
    starts = np.cumsum([0] + sizes[:-1])
    strips = [(int(s), data[s:s + n], valid[s:s + n]) for s, n in zip(starts, sizes)]
    out = list(with_halo(iter(strips), halo))
    assert [(r, n) for r, n, *_ in out] == [(int(s), n) for s, n in zip(starts, sizes)]
    for row0, rows, top, window, window_valid in out:
        first = max(0, row0 - halo)
        assert top == row0 - first
        np.testing.assert_array_equal(window, data[first:min(14, row0 + rows + halo)])
        np.testing.assert_array_equal(window_valid, valid[first:min(14, row0 + rows + halo)])


def test_kapos_strips_do_not_depend_on_strip_size():
    rng = np.random.default_rng(7)
    z = 1100 + np.cumsum(np.cumsum(rng.normal(0, 1, (40, 30)), 0), 1) * 6
    valid = rng.random(z.shape) > 0.03

    def metres(row0, rows):
        return 240.0 + 0.5 * np.arange(row0, row0 + rows), np.full(rows, 260.0)

    def run(step):
        strips = ((r, z[r:r + step], valid[r:r + step]) for r in range(0, 40, step))
        return np.vstack([classes for _, classes in kapos_strips(strips, 40, metres, 2000.0)])

    whole = run(40)
    assert {5, 6} <= set(np.unique(whole))
    for step in (1, 3, 7, 39):
        np.testing.assert_array_equal(run(step), whole)
