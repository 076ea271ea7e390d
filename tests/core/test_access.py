"""Access kernels against brute-force distances, hand-worked service areas and published ellipsoid constants."""
from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sdg_monitor.core.access import StripGeometry, mark_within, served_pieces
from sdg_monitor.core.geodesy import metres_per_degree

WGS84 = (6378137.0, 6356752.314245179)


def grid(rows=20, cols=30, res=10.0, left=1000.0, top=5000.0, k=1.0):
    return StripGeometry(left, top, res, res, cols, rows, np.full(rows, k), np.full(rows, k))


def brute_force(strip: StripGeometry, segments, radii) -> np.ndarray:
    """Distance from every cell centre to every segment, one at a time (metres = map units × k)."""
    xs = strip.left + (np.arange(strip.cols) + 0.5) * strip.xres
    ys = strip.row_centres()
    px, py = np.meshgrid(xs, ys)
    served = np.zeros(px.shape, dtype=bool)
    for (x0, y0, x1, y1), radius in zip(segments, np.broadcast_to(radii, (len(segments),))):
        dx, dy = x1 - x0, y1 - y0
        length2 = dx * dx + dy * dy
        t = np.zeros(px.shape) if length2 == 0 else np.clip(((px - x0) * dx + (py - y0) * dy) / length2, 0, 1)
        distance = np.hypot((px - x0 - t * dx) * strip.kx[0], (py - y0 - t * dy) * strip.ky[0])
        served |= distance <= radius
    return served


def test_one_point_by_hand():
    # Cells 10 m wide; a stop at a cell centre; radius 15 m reaches the 4 neighbours (10 m) and the diagonals
    # (14.14 m), not the cells 20 m away; radius 10 m only the stop's cell and the 4 neighbours.
    strip = grid(rows=5, cols=5, left=0.0, top=50.0)
    mask = np.zeros((5, 5), dtype=bool)
    mark_within(mask, strip, np.array([[25.0, 25.0, 25.0, 25.0]]), 15.0)
    expected = np.zeros((5, 5), dtype=bool)
    expected[1:4, 1:4] = True
    assert (mask == expected).all()
    mask[:] = False
    mark_within(mask, strip, np.array([[25.0, 25.0, 25.0, 25.0]]), 10.0)  # exactly 10 m: included
    assert mask.sum() == 5


def test_horizontal_and_vertical_segments_by_hand():
    strip = grid(rows=6, cols=6, left=0.0, top=60.0)
    mask = np.zeros((6, 6), dtype=bool)
    # Along row 2's centre line (y = 35) from x = 15 to x = 35: with radius 10 the rows 1-3 over columns 1-3,
    # plus row 2's columns 0 and 4 (10 m beyond the ends).
    mark_within(mask, strip, np.array([[15.0, 35.0, 35.0, 35.0]]), 10.0)
    expected = np.zeros((6, 6), dtype=bool)
    expected[1:4, 1:4] = True
    expected[2, [0, 4]] = True
    assert (mask == expected).all()
    mask[:] = False
    mark_within(mask, strip, np.array([[35.0, 15.0, 35.0, 35.0]]), 10.0)
    # The same segment turned vertical, along column 3 from y = 15 to y = 35 (rows 4 to 2).
    expected = np.zeros((6, 6), dtype=bool)
    expected[2:5, 2:5] = True
    expected[[1, 5], 3] = True
    assert (mask == expected).all()


@settings(max_examples=80, deadline=None)
@given(st.lists(st.tuples(*[st.floats(950, 1350)] * 2, *[st.floats(-60, 60)] * 2), min_size=1, max_size=6)
       .map(lambda items: [(x, y + 3900, x + dx, y + 3900 + dy) for x, y, dx, dy in items]),
       st.lists(st.floats(0, 40), min_size=1, max_size=6), st.floats(0.5, 2.0))
def test_matches_brute_force(segments, radii, k):
    segments = np.array(segments)
    radii = np.resize(np.array(radii), len(segments))
    strip = grid(rows=40, cols=35, k=k)
    strip = StripGeometry(strip.left, 4300.0, strip.xres, strip.yres, strip.cols, strip.rows, strip.kx, strip.ky)
    mask = np.zeros((strip.rows, strip.cols), dtype=bool)
    mark_within(mask, strip, segments, radii)
    expected = brute_force(strip, segments, radii)
    # A cell whose centre lies within 1e-6 m of a capsule's edge may go either way (rounding), no other.
    differ = mask != expected
    ambiguous = brute_force(strip, segments, radii + 1e-6) != brute_force(strip, segments, radii - 1e-6)
    assert not (differ & ~ambiguous).any()


def test_chunked_pairs_match_one_pass(monkeypatch):
    import sdg_monitor.core.access as access

    rng = np.random.default_rng(3)
    points = rng.uniform([1000, 4800], [1300, 5000], size=(12, 2))
    segments = np.hstack([points, points + rng.uniform(-30, 30, size=(12, 2))])
    strip = grid()
    one = np.zeros((20, 30), dtype=bool)
    mark_within(one, strip, segments, 15.0)
    monkeypatch.setattr(access, "PAIRS_PER_CHUNK", 7)
    chunked = np.zeros((20, 30), dtype=bool)
    mark_within(chunked, strip, segments, 15.0)
    assert (one == chunked).all() and one.any() and not one.all()


def test_metres_per_degree_published_values():
    lon, lat = metres_per_degree(np.array([0.0, 90.0, 45.0]), *WGS84)
    assert lon[0] == pytest.approx(111_319.491, abs=1e-3)  # a × π / 180
    assert lat[0] == pytest.approx(110_574.276, abs=1e-3)  # a (1 - e²) × π / 180 at the equator
    assert lat[1] == pytest.approx(111_693.980, abs=1e-3)  # a² / b × π / 180 at the pole
    assert lon[1] == pytest.approx(0.0, abs=1e-9)
    # The meridian arc from 44.5° to 45.5° by numerical integration of the meridian radius.
    phis = np.linspace(44.5, 45.5, 2001)
    trapezoid = getattr(np, "trapezoid", None) or np.trapz  # numpy 2 renamed it
    arc = trapezoid(metres_per_degree(phis, *WGS84)[1], phis)
    assert lat[2] == pytest.approx(arc, rel=1e-7)


def test_served_pieces_by_hand():
    # Edge 100 m long: node costs (start, end). Limit 500.
    index, t0, t1 = served_pieces(np.array([450.0, 420.0, 600.0, 450.0, 600.0, 0.0, math.inf]),
                                  np.array([470.0, 600.0, 460.0, 440.0, 700.0, 3.0, 480.0]),
                                  np.array([100.0, 100.0, 100.0, 100.0, 100.0, 0.0, 100.0]), 500.0)
    got: dict[int, list] = {}
    for i, a, b in sorted(zip(index.tolist(), t0.tolist(), t1.tolist())):
        got.setdefault(i, []).append((round(a, 9), round(b, 9)))
    assert got[0] == [(0.0, 0.5), (0.7, 1.0)]  # 500 - 450 = 50 m in from the start, 500 - 470 = 30 m from the end
    assert got[1] == [(0.0, 0.8)]  # only from the start: 80 m
    assert got[2] == [(0.6, 1.0)]  # only from the end: 40 m
    assert got[3] == [(0.0, 1.0)]  # 50 m + 60 m cover the 100 m edge
    assert 4 not in got  # both ends beyond the limit
    assert got[5] == [(0.0, 1.0)]  # a zero-length edge at a reached node
    assert got[6] == [(0.8, 1.0)]  # unreachable start
