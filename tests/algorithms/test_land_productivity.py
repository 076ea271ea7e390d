"""sdg:land_productivity_15_3_1 against a pixel-by-pixel reference (pymannkendall, numpy percentiles and the
Trends.Earth aggregation table written out) and hand-worked pixels."""
from __future__ import annotations

import numpy as np
import pymannkendall
import pytest
from osgeo import gdal
from qgis.core import QgsProcessingException
from sdg_testdata import write_polygons, write_raster

EPSG = 4549
ORIGIN = (500000.0, 3400000.0)
ROWS, COLS, YEARS = 12, 15, 10
FIRST = 2001
YEARS_PARAMS = {"FIRST_YEAR": FIRST, "BASELINE_START": 2001, "BASELINE_END": 2007, "REPORT_START": 2008,
                "REPORT_END": 2010}
# (trajectory, state, performance) -> class, as in Trends.Earth's table "Aggregating Land Productivity metrics"
TABLE = {(1, 1, 0): 5, (1, 1, -1): 5, (1, 0, 0): 5, (1, 0, -1): 5, (1, -1, 0): 5, (1, -1, -1): 2,
         (0, 1, 0): 4, (0, 1, -1): 4, (0, 0, 0): 4, (0, 0, -1): 3, (0, -1, 0): 2, (0, -1, -1): 1}


def read(path) -> np.ndarray:
    dataset = gdal.Open(str(path))
    return dataset.GetRasterBand(1).ReadAsArray()


def reference_lpd(ndvi: np.ndarray, units: np.ndarray, valid: np.ndarray) -> np.ndarray:
    """Pixel by pixel: pymannkendall for the trajectory, np.percentile for state and performance."""
    means = ndvi.astype(np.float32).mean(axis=0, dtype=np.float64).astype(np.float32)
    maxima = {u: np.percentile(means[valid & (units == u)].astype(np.float64), 90) for u in np.unique(units[valid])}
    out = np.zeros((ROWS, COLS), dtype=np.uint8)
    for r, c in zip(*np.nonzero(valid)):
        series = ndvi[:, r, c].astype(np.float32).astype(np.float64)
        mk = pymannkendall.original_test(series)
        trajectory = int(np.sign(mk.slope)) if mk.p <= 0.05 else 0
        base = series[:7]
        margin = 0.05 * (base.max() - base.min())
        cut = np.percentile(np.concatenate([base, [base.min() - margin, base.max() + margin]]), range(10, 100, 10))
        change = (1 + np.sum(series[7:].mean() > cut)) - (1 + np.sum(base.mean() > cut))
        state = -1 if change <= -2 else 1 if change >= 2 else 0
        performance = -1 if means[r, c] < 0.5 * maxima[units[r, c]] else 0
        out[r, c] = 1 if trajectory == -1 else TABLE[(trajectory, state, performance)]
    return out


@pytest.fixture(scope="module")
def series(tmp_path_factory):
    folder = tmp_path_factory.mktemp("lpd")
    rng = np.random.default_rng(21)
    trend = rng.choice([-0.04, -0.01, 0.0, 0.0, 0.02, 0.05], size=(ROWS, COLS))
    level = rng.uniform(0.1, 0.8, (ROWS, COLS))
    years = np.arange(YEARS)[:, None, None]
    ndvi = (level + trend * years + rng.normal(0, 0.03, (YEARS, ROWS, COLS))).astype(np.float32)
    ndvi[:, 7:, :4] -= 0.12  # a recent drop: state degrading
    ndvi[3, 0, 0] = -9999  # one missing year: not assessed
    units = np.where(np.arange(COLS)[None, :] < 8, 1, 2).repeat(ROWS, axis=0).astype(np.int16)
    units[5, 5] = -1  # no land unit: not assessed
    x0, y0 = ORIGIN
    zones = write_polygons(folder / "zones.gpkg", "zones", EPSG, [
        f"POLYGON(({x0} {y0},{x0 + 500} {y0},{x0 + 500} {y0 - 1200},{x0} {y0 - 1200},{x0} {y0}))",
        f"POLYGON(({x0 + 500} {y0},{x0 + 1500} {y0},{x0 + 1500} {y0 - 1200},{x0 + 500} {y0 - 1200},"
        f"{x0 + 500} {y0}))"], [{"code": "W"}, {"code": "E"}])
    return {
        "ndvi": ndvi, "units": units,
        "NDVI": str(write_raster(folder / "ndvi.tif", ndvi, EPSG, ORIGIN, 100.0, -9999, gdal.GDT_Float32)),
        "LAND_UNITS": str(write_raster(folder / "units.tif", units, EPSG, ORIGIN, 100.0, -1, gdal.GDT_Int16)),
        "ZONES": f"{zones}|layername=zones",
    }


def test_matches_the_pixel_reference_by_zone(run_algorithm, series, tmp_path):
    from sdg_monitor.core.store import ResultsStore

    store = tmp_path / "results.gpkg"
    result = run_algorithm("sdg:land_productivity_15_3_1", {
        "NDVI": series["NDVI"], "LAND_UNITS": series["LAND_UNITS"], **YEARS_PARAMS, "ZONES": series["ZONES"],
        "ZONE_ID_FIELD": "code", "YEAR": 2010, "RESULTS": str(store), "OUTPUT": "memory:",
        "OUTPUT_LPD": str(tmp_path / "lpd.tif"), "OUTPUT_SUBINDICATOR": str(tmp_path / "sub.tif")})
    valid = np.ones((ROWS, COLS), dtype=bool)
    valid[0, 0] = valid[5, 5] = False
    expected = reference_lpd(series["ndvi"], series["units"], valid)
    lpd = read(result["OUTPUT_LPD"])
    assert lpd.tolist() == expected.tolist()
    assert set(np.unique(expected[valid])) == {1, 2, 3, 4, 5}  # every class is exercised
    three = {0: -32768, 1: -1, 2: -1, 3: 0, 4: 0, 5: 1}
    assert read(result["OUTPUT_SUBINDICATOR"]).tolist() == np.vectorize(three.get)(expected).tolist()
    features = {f["code"]: f for f in result["OUTPUT"].getFeatures()}
    for code, part in (("W", expected[:, :5]), ("E", expected[:, 5:])):
        counts = [np.count_nonzero(part == k) for k in range(1, 6)]
        total = sum(counts)
        assert features[code]["declining_km2"] == pytest.approx(counts[0] * 0.01)
        assert features[code]["stressed_pct"] == pytest.approx(100 * counts[2] / total)
        assert features[code]["total_km2"] == pytest.approx(total * 0.01)
        assert features[code]["value"] == pytest.approx(100 * (counts[0] + counts[1]) / total)
    declining = np.count_nonzero((expected == 1) | (expected == 2))
    assert result["VALUE"] == pytest.approx(100 * declining / np.count_nonzero(valid))
    rows = ResultsStore(str(store)).read_results(indicator="15.3.1").set_index("area_id")
    assert sorted(rows.index) == ["E", "W", "total"]
    assert set(rows["series"]) == {"productivity_declining"}


# Hand-worked 1 x 4 grid, 5 years (baseline 2001-2003, recent 2004-2005), one land unit:
#   rising 0.2 .. 0.6: S = 10, Var = 5*4*15/18 = 16.7, z = 9/4.08 = 2.20, p = 0.028: improving -> 5 increasing
#   falling 0.9 .. 0.5: z = -2.20 -> 1 declining
#   0.8 0.7 0.8 0.7 0.8: S = 0 -> stable; baseline 0.8 0.7 0.8 (range 0.1, widened 0.695 .. 0.805), mean 0.767 and
#     recent mean 0.75 are 1 class apart -> stable; mean 0.76 >= 0.5 * p90 -> 4 stable
#   0.2 0.1 0.2 0.1 0.2: as above at a low level; mean 0.16 < 0.5 * p90 -> 3 stable but stressed
# Means 0.4, 0.7, 0.76, 0.16: p90 (h = 0.9 * 3 = 2.7) = 0.7 + 0.7 * 0.06 = 0.742; half of it 0.371.
HAND = np.array([[0.2, 0.3, 0.4, 0.5, 0.6], [0.9, 0.8, 0.7, 0.6, 0.5], [0.8, 0.7, 0.8, 0.7, 0.8],
                 [0.2, 0.1, 0.2, 0.1, 0.2]], dtype=np.float32).T.reshape(5, 1, 4)


def test_hand_worked_pixels(run_algorithm, tmp_path):
    ndvi = write_raster(tmp_path / "ndvi.tif", HAND, EPSG, ORIGIN, 1000.0, -9999, gdal.GDT_Float32)
    result = run_algorithm("sdg:land_productivity_15_3_1", {
        "NDVI": str(ndvi), "FIRST_YEAR": 2001, "BASELINE_START": 2001, "BASELINE_END": 2003,
        "REPORT_START": 2004, "REPORT_END": 2005, "YEAR": 2005, "OUTPUT": "memory:",
        "OUTPUT_LPD": str(tmp_path / "lpd.tif"), "OUTPUT_SUBINDICATOR": str(tmp_path / "sub.tif")})
    assert read(result["OUTPUT_LPD"]).tolist() == [[5, 1, 4, 3]]
    assert read(result["OUTPUT_SUBINDICATOR"]).tolist() == [[1, -1, 0, 0]]
    assert result["VALUE"] == pytest.approx(25.0)


@pytest.mark.parametrize("years, message", [
    ({"BASELINE_START": 2000}, "must lie within"),
    ({"REPORT_END": 2011}, "must lie within"),
    ({"BASELINE_END": 2008}, "follow each other"),
    ({"BASELINE_START": 2006, "BASELINE_END": 2007, "REPORT_START": 2008, "REPORT_END": 2008}, "at least 4"),
])
def test_refuses_years_outside_the_series(run_algorithm, series, tmp_path, years, message):
    with pytest.raises(QgsProcessingException, match=message):
        run_algorithm("sdg:land_productivity_15_3_1", {
            "NDVI": series["NDVI"], **dict(YEARS_PARAMS, **years), "YEAR": 2010, "OUTPUT": "memory:",
            "OUTPUT_LPD": str(tmp_path / "lpd.tif"), "OUTPUT_SUBINDICATOR": str(tmp_path / "sub.tif")})
    assert not (tmp_path / "lpd.tif").exists()
