"""Core kernels against hand-worked values, published constants and naive references."""
from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays
from sdg_monitor.core.classes import classify, parse_classes
from sdg_monitor.core.formulas import ratio
from sdg_monitor.core.geodesy import cell_areas_geographic
from sdg_monitor.core.zonal import CategoryAreas

WGS84 = (6378137.0, 6356752.314245179)


@pytest.mark.parametrize("text, expected", [
    ("20", (20,)), ("41,42,43", (41, 42, 43)), ("40-43", (40, 41, 42, 43)), (" 10, 20-22 ;30", (10, 20, 21, 22, 30)),
    ("", ()), ("-5", (-5,)),
])
def test_parse_classes(text, expected):
    assert parse_classes(text) == expected


@pytest.mark.parametrize("text", ["forest", "49-40", "1.5"])
def test_parse_classes_refuses(text):
    with pytest.raises(ValueError, match="class value or range"):
        parse_classes(text)


def test_classify_first_group_wins_and_invalid_is_zero():
    block = np.array([[20, 60, 10], [20, 0, 80]])
    valid = block != 0
    assert classify(block, [(20,), (60,)], valid).tolist() == [[1, 2, 3], [1, 0, 3]]


def test_whole_ellipsoid_area_is_the_published_wgs84_surface():
    edges = np.linspace(-90.0, 90.0, 1801)
    total = cell_areas_geographic(edges, 360.0, *WGS84).sum()
    assert total / 1e6 == pytest.approx(510_065_621.7, rel=1e-8)  # WGS84 surface area, km²


def test_sphere_cell_area_by_hand():
    # On a sphere, a cell between latitudes φ1 and φ2, Δλ wide, is R² Δλ (sin φ2 − sin φ1).
    radius = 6371000.0
    area = cell_areas_geographic(np.array([30.0, 31.0]), 1.0, radius, radius)[0]
    expected = radius**2 * math.radians(1.0) * (math.sin(math.radians(31)) - math.sin(math.radians(30)))
    assert area == pytest.approx(expected, rel=1e-12)


@pytest.mark.parametrize("numerator, denominator, expected", [
    (1, 4, 25.0), (0, 5, 0.0), (1, 0, None), (None, 3, None), (1, -2, None), (float("nan"), 1, None)])
def test_ratio(numerator, denominator, expected):
    assert ratio(numerator, denominator) == expected


@settings(max_examples=60, deadline=None)
@given(
    zones=arrays(np.uint16, (7, 9), elements=st.integers(0, 4)),
    categories=arrays(np.uint8, (7, 9), elements=st.integers(0, 3)),
    row_area=arrays(np.float64, (7, 1), elements=st.floats(0.5, 2.0)),
    split=st.integers(1, 6),
    constant=st.booleans(),
)
def test_category_areas_match_naive_loop_across_blocks(zones, categories, row_area, split, constant):
    """Areas per row, or one area for every pixel (an equal-area CRS: counts × that area)."""
    if constant:
        row_area = np.full((7, 1), 1.5)
    totals = CategoryAreas(4, 3)
    totals.add(zones[:split], categories[:split], 1.5 if constant else row_area[:split])
    totals.add(zones[split:], categories[split:], 1.5 if constant else row_area[split:])
    naive_area = np.zeros((5, 4))
    for r in range(7):
        for c in range(9):
            naive_area[zones[r, c], categories[r, c]] += row_area[r, 0]
    assert np.allclose(totals.areas(), naive_area)


@settings(max_examples=80, deadline=None)
@given(
    runs=st.lists(st.tuples(st.integers(0, 5), st.integers(1, 30)), min_size=1, max_size=12),
    width=st.integers(1, 40),
    nodata=st.lists(st.integers(0, 10_000), max_size=20),
    dtype=st.sampled_from([np.uint8, np.uint16, np.uint32]),
)
def test_zone_pixels_count_runs_of_labels_less_invalid_pixels(runs, width, nodata, dtype):
    """Labels in runs (as burnt polygons give them, across row ends too) and nodata pixels anywhere: the valid
    pixels per zone as a pixel-by-pixel loop counts them."""
    from sdg_monitor.core.zonal import zone_pixels

    flat = np.concatenate([np.full(length, label) for label, length in runs])
    flat = np.resize(flat, -(-flat.size // width) * width)
    zones = flat.reshape(-1, width).astype(dtype)
    valid = np.ones(zones.shape, dtype=bool)
    valid.ravel()[[i % zones.size for i in nodata]] = False
    naive = np.zeros(6, dtype=np.int64)
    for (r, c), zone in np.ndenumerate(zones):
        naive[zone] += valid[r, c]
    assert zone_pixels(zones, valid, 5).tolist() == naive.tolist()


@settings(max_examples=80, deadline=None)
@given(
    values=arrays(np.int16, (6, 7), elements=st.integers(-3, 12)),
    dtype=st.sampled_from([np.uint8, np.int16, np.int32, np.float32]),
    groups=st.lists(st.lists(st.integers(-5, 15), max_size=4), min_size=1, max_size=3),
    nodata=st.integers(-3, 12),
)
def test_classify_matches_naive_loop_with_nodata(values, dtype, groups, nodata):
    """Both paths of classify (lookup table for 8/16-bit integers, isin otherwise), negative values included."""
    block = (np.abs(values) if dtype == np.uint8 else values).astype(dtype)
    valid = block != nodata
    out = classify(block, groups, valid)
    for (r, c), value in np.ndenumerate(block):
        expected = 0 if value == nodata else next(
            (i + 1 for i, group in enumerate(groups) if value in group), len(groups) + 1)
        assert out[r, c] == expected


@settings(max_examples=60, deadline=None)
@given(
    labels=arrays(np.uint16, (5, 8), elements=st.integers(0, 3)),
    block=arrays(np.uint8, (5, 8), elements=st.integers(0, 4)),
    row_area=arrays(np.float64, (5, 1), elements=st.floats(0.5, 2.0)),
)
def test_classified_category_areas_skip_nodata_per_zone(labels, block, row_area):
    """classify + CategoryAreas (as 15.1.1 runs them) against a naive loop; 0 is nodata (category 0)."""
    totals = CategoryAreas(3, 3)
    totals.add(labels, classify(block, [(1,), (2,)], block != 0), row_area)
    naive = np.zeros((4, 4))
    for (r, c), value in np.ndenumerate(block):
        naive[labels[r, c], {0: 0, 1: 1, 2: 2}.get(int(value), 3)] += row_area[r, 0]
    assert np.allclose(totals.areas(), naive)


@settings(max_examples=60, deadline=None)
@given(
    labels=arrays(np.uint16, (5, 8), elements=st.integers(0, 3)),
    blocks=st.lists(arrays(np.uint8, (5, 8), elements=st.integers(0, 9)), min_size=1, max_size=3),
    classes=st.lists(st.integers(0, 9), min_size=1, max_size=8),
    row_area=arrays(np.float64, (5, 1), elements=st.floats(0.5, 2.0)),
    per_row=st.booleans(),
    split=st.integers(1, 4),
)
def test_class_areas_of_several_rasters_match_naive_loop(labels, blocks, classes, row_area, per_row, split):
    """in_classes + ClassAreas (several rasters counted in one pass, as 11.3.1 and 6.6.1 run them) against a
    naive loop per raster, over two strips, with one pixel area or one per row; 0 is nodata."""
    from sdg_monitor.core.classes import in_classes
    from sdg_monitor.core.zonal import ClassAreas

    totals = ClassAreas(3, len(blocks))
    for part in (slice(0, split), slice(split, None)):
        area = row_area[part] if per_row else 1.5
        totals.add(labels[part], [in_classes(block[part], classes, block[part] != 0) for block in blocks], area)
    for found, block in zip(totals.areas(), blocks):
        naive = np.zeros(4)
        for (r, c), value in np.ndenumerate(block):
            if value != 0 and value in classes:
                naive[labels[r, c]] += row_area[r, 0] if per_row else 1.5
        assert np.allclose(found, naive)


@settings(max_examples=60, deadline=None)
@given(
    labels=arrays(np.uint16, (6, 5), elements=st.integers(0, 3)),
    concentration=arrays(np.float32, (6, 5), elements=st.one_of(st.floats(0, 80, width=32), st.just(np.nan))),
    population=arrays(np.float32, (6, 5), elements=st.one_of(st.floats(-1, 100, width=32), st.just(np.nan))),
    split=st.integers(1, 5),
)
def test_zone_sums_and_exposure_match_naive_loop(labels, concentration, population, split):
    """zone_sums and ExposureSums over two strips, with NaN as nodata and negative population ignored."""
    from sdg_monitor.core.population import ExposureSums, zone_sums

    sums = ExposureSums(3, 10.0)
    for part in (slice(0, split), slice(split, None)):
        sums.add(labels[part], np.nan_to_num(concentration[part]), ~np.isnan(concentration[part]),
                 np.nan_to_num(population[part]), ~np.isnan(population[part]))
    weighted, people, above, missing = (np.zeros(4) for _ in range(4))
    for (r, c), zone in np.ndenumerate(labels):
        p, k = float(population[r, c]), float(concentration[r, c])
        if math.isnan(p) or p <= 0:
            continue
        if math.isnan(k):
            missing[zone] += p
            continue
        weighted[zone] += k * p
        people[zone] += p
        above[zone] += p if k > 10.0 else 0.0
    for got, expected in ((sums.weighted, weighted), (sums.population, people), (sums.above, above),
                          (sums.missing, missing)):
        assert np.allclose(got, expected, rtol=1e-9, atol=1e-6)
    values = np.nan_to_num(population).astype(np.float64)
    naive = np.zeros(4)
    for (r, c), zone in np.ndenumerate(labels):
        naive[zone] += values[r, c]
    assert np.allclose(zone_sums(labels, values, 3), naive)


@pytest.mark.parametrize("chunk, lane_bins", [(1, 1 << 20), (1, 1), (1 << 17, 1 << 20)])
def test_category_areas_with_a_strips_lazy_areas_match_naive_loop(monkeypatch, chunk, lane_bins):
    """Pixel areas that vary along rows and columns (a transverse Mercator grid far off its meridian), taken
    lazily strip by strip (StripAreas), counted chunk by chunk of rows and in copies of the bins (or one copy)
    as the kernel does: the same areas as a pixel-by-pixel loop over the strip's areas."""
    from osgeo import osr
    from sdg_monitor.core import zonal
    from sdg_monitor.raster.window import grid_areas

    monkeypatch.setattr(zonal, "CHUNK_PIXELS", chunk)
    monkeypatch.setattr(zonal, "MAX_LANE_BINS", lane_bins)
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(32633)
    areas = grid_areas((736_000.0, 2_000.0, 0.0, 5_100_000.0, 0.0, -2_000.0), 9, 300, srs.ExportToWkt())
    assert areas.kind == "field"
    rng = np.random.default_rng(7)
    totals = CategoryAreas(4, 3)
    naive_area = np.zeros((5, 4))
    for row0, rows in ((0, 130), (130, 1), (131, 169)):  # strips across node intervals (nodes every 2 rows)
        zones = rng.integers(0, 5, (rows, 9)).astype(np.uint16)
        categories = rng.integers(0, 4, (rows, 9)).astype(np.uint8)
        totals.add(zones, categories, areas.view(row0, rows))
        pixel = areas.strip(row0, rows)
        for (r, c), zone in np.ndenumerate(zones):
            naive_area[zone, categories[r, c]] += pixel[r, c]
    assert np.allclose(totals.areas(), naive_area, rtol=1e-13)
