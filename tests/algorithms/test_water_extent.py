"""sdg:water_extent_change_6_6_1 on hand-worked 3x4 grids, checked against QGIS's native zonal histogram."""
from __future__ import annotations

import numpy as np
import pytest
from land_data import EAST, GRID_ORIGIN, GRID_PIXEL, WEST, pixel_squares, reproject
from qgis.core import QgsProcessingException, QgsProcessingFeedback
from sdg_testdata import write_polygons, write_raster

PIXEL_KM2 = 0.01
# Water pixels (class 1) per zone and year; west = columns 0-1, east = columns 2-3 (6 pixels each).
# Baseline 2000-2004: west mean (4 + 3 + 5) / 3 = 4, east 2, whole area 6 pixels.
# 2010: west 2 (-50 %), east 2 (0 %), whole 4 (-33.3 %); 2020: west 5 (+25 %), east 4 (+100 %), whole 9 (+50 %).
COUNTS = {2000: (4, 2), 2002: (3, 2), 2004: (5, 2), 2010: (2, 2), 2020: (5, 4)}


def grid(west: int, east: int) -> np.ndarray:
    """A 3x4 grid with ``west`` water pixels in columns 0-1 and ``east`` in columns 2-3 (others land = 2)."""
    array = np.full((3, 4), 2, dtype=np.uint8)
    for count, cols in ((west, (0, 1)), (east, (2, 3))):
        cells = [(r, c) for r in range(3) for c in cols][:count]
        for r, c in cells:
            array[r, c] = 1
    return array


@pytest.fixture()
def rasters(tmp_path):
    return {year: str(write_raster(tmp_path / f"water_{year}.tif", grid(*counts), 4549, GRID_ORIGIN, GRID_PIXEL,
                                   nodata=0)) for year, counts in COUNTS.items()}


@pytest.fixture()
def zones(tmp_path):
    path = write_polygons(tmp_path / "zones.gpkg", "zones", 4549, [WEST, EAST], [{"code": "W"}, {"code": "E"}])
    return f"{path}|layername=zones"


def run_rasters(run_algorithm, rasters, **extra):
    years = sorted(rasters)
    return run_algorithm("sdg:water_extent_change_6_6_1", dict({
        "WATER_RASTERS": [rasters[y] for y in years], "YEARS": ",".join(str(y) for y in years), "YEAR": 2020,
        "OUTPUT": "memory:"}, **extra))


def test_whole_area_worked_by_hand(run_algorithm, rasters):
    result = run_rasters(run_algorithm, rasters)
    assert result["VALUE"] == pytest.approx(50.0)
    assert result["BASELINE_KM2"] == pytest.approx(0.06)
    assert result["LATEST_YEAR"] == 2020
    (feature,) = result["OUTPUT"].getFeatures()
    assert feature["change_pct_2010"] == pytest.approx(-100 / 3)
    assert feature["water_km2_2002"] == pytest.approx(0.05)
    assert feature["change_pct_2000"] == pytest.approx(0.0)


def test_zones_match_native_zonal_histogram(run_algorithm, rasters, zones):
    import processing

    result = run_rasters(run_algorithm, rasters, ZONES=zones, ZONE_ID_FIELD="code")
    ours = {f["code"]: f for f in result["OUTPUT"].getFeatures()}
    for year, path in rasters.items():
        layer = processing.run("native:zonalhistogram", {
            "INPUT_RASTER": path, "RASTER_BAND": 1, "INPUT_VECTOR": zones, "COLUMN_PREFIX": "H_",
            "OUTPUT": "memory:"})["OUTPUT"]
        for feature in layer.getFeatures():
            assert round(ours[feature["code"]][f"water_km2_{year}"] / PIXEL_KM2) == feature["H_1"]
    assert ours["W"]["baseline_km2"] == pytest.approx(0.04)
    assert ours["W"]["value"] == pytest.approx(25.0) and ours["E"]["value"] == pytest.approx(100.0)
    assert ours["W"]["change_pct_2010"] == pytest.approx(-50.0) and ours["E"]["change_pct_2010"] == pytest.approx(0)
    assert result["VALUE"] == pytest.approx(50.0)


def box(x0: float, y0: float, width: float, height: float) -> str:
    return f"POLYGON(({x0} {y0},{x0 + width} {y0},{x0 + width} {y0 - height},{x0} {y0 - height},{x0} {y0}))"


def test_an_unchanged_zone_is_exactly_zero_and_a_changed_one_keeps_its_change(run_algorithm, tmp_path):
    """Baseline 2000-2004, then 2020. Zone A holds the same 333 m x 166 m lake every year: 0 % exactly (a plain
    sum / 5 of its five equal areas missed the area by a unit in the last place: -1.26e-14 %). Zone B's lake is
    200 m x 100 m, then 300 m x 100 m in 2020: +50 %. Whole area: (55,278 + 30,000) / (55,278 + 20,000) - 1 =
    +13.284 % (the ellipsoid's scale is the same over this kilometre, so planar ratios hold to 1e-6)."""
    years = [2000, 2001, 2002, 2003, 2004, 2020]
    lakes = [box(500000, 3370000, 333, 166)] * 6 + [box(500600, 3370000, 300 if y == 2020 else 200, 100)
                                                    for y in years]
    water = write_polygons(tmp_path / "water.gpkg", "water", 4549, lakes, [{"yr": y} for y in years] * 2)
    zones = write_polygons(tmp_path / "zones.gpkg", "zones", 4549,
                           [box(499900, 3370100, 600, 400), box(500500, 3370100, 600, 400)],
                           [{"code": "A"}, {"code": "B"}])
    result = run_algorithm("sdg:water_extent_change_6_6_1", {
        "WATER_POLYGONS": f"{water}|layername=water", "YEAR_FIELD": "yr", "ZONES": f"{zones}|layername=zones",
        "ZONE_ID_FIELD": "code", "YEAR": 2020, "OUTPUT": "memory:"})
    ours = {f["code"]: f for f in result["OUTPUT"].getFeatures()}
    assert ours["A"]["baseline_km2"] == ours["A"]["water_km2_2020"] == pytest.approx(0.055278, rel=1e-5)
    assert all(ours["A"][f"change_pct_{year}"] == 0.0 for year in years)
    assert ours["B"]["value"] == pytest.approx(50.0, rel=1e-6)
    assert ours["B"]["change_pct_2000"] == 0.0
    assert result["VALUE"] == pytest.approx((85278 / 75278 - 1) * 100, rel=1e-6)


def test_years_from_layer_names_and_baseline_fallback(run_algorithm, rasters):
    import processing

    warnings = []

    class Recorder(QgsProcessingFeedback):
        def pushWarning(self, text):
            warnings.append(text)

    later = {y: p for y, p in rasters.items() if y >= 2004}
    result = processing.run("sdg:water_extent_change_6_6_1", {
        "WATER_RASTERS": list(later.values())[::-1], "BASELINE_START": 2000, "BASELINE_END": 2001, "YEAR": 2020,
        "OUTPUT": "memory:"}, feedback=Recorder())
    # No year in 2000-2001: the baseline is the first two years given (2004: 7 pixels, 2010: 4), mean 5.5.
    assert result["BASELINE_KM2"] == pytest.approx(0.055)
    assert result["VALUE"] == pytest.approx((9 - 5.5) / 5.5 * 100)
    assert any("2004, 2010" in w for w in warnings)


def test_polygons_with_year_field_match_rasters(run_algorithm, rasters, zones, tmp_path):
    wkts, rows = [], []
    for year, counts in COUNTS.items():
        squares = pixel_squares(grid(*counts), 1)
        wkts += squares
        rows += [{"yr": str(year)} for _ in squares]  # a text year field
    path = write_polygons(tmp_path / "water.gpkg", "water", 4549, wkts, rows)
    polygons = run_algorithm("sdg:water_extent_change_6_6_1", {
        "WATER_POLYGONS": f"{path}|layername=water", "YEAR_FIELD": "yr", "ZONES": zones, "ZONE_ID_FIELD": "code",
        "YEAR": 2020, "OUTPUT": "memory:"})
    raster = run_rasters(run_algorithm, rasters, ZONES=zones, ZONE_ID_FIELD="code")
    expected = {f["code"]: f for f in raster["OUTPUT"].getFeatures()}
    for feature in polygons["OUTPUT"].getFeatures():
        for year in COUNTS:
            assert feature[f"water_km2_{year}"] == pytest.approx(expected[feature["code"]][f"water_km2_{year}"],
                                                                 rel=1e-4)
    assert polygons["VALUE"] == pytest.approx(50.0, rel=1e-4)


def test_geographic_polygons_measured_in_metres(run_algorithm, tmp_path):
    """A 2 km x 1 km lake near the central meridian of EPSG:4549, stored in EPSG:4326: 2 km², then 3 km²."""
    lake = "POLYGON((499000 3370000,501000 3370000,501000 3369000,499000 3369000,499000 3370000))"
    bigger = "POLYGON((499000 3370000,502000 3370000,502000 3369000,499000 3369000,499000 3370000))"
    path = write_polygons(tmp_path / "lakes.gpkg", "lakes", 4326, reproject([lake, bigger], 4549, 4326),
                          [{"yr": 2000}, {"yr": 2020}])
    result = run_algorithm("sdg:water_extent_change_6_6_1", {
        "WATER_POLYGONS": f"{path}|layername=lakes", "YEAR_FIELD": "yr", "YEAR": 2020, "OUTPUT": "memory:"})
    (feature,) = result["OUTPUT"].getFeatures()
    assert feature["water_km2_2000"] == pytest.approx(2.0, rel=1e-3)
    assert feature["water_km2_2020"] == pytest.approx(3.0, rel=1e-3)
    assert result["VALUE"] == pytest.approx(50.0, rel=1e-3)


def test_results_store_has_a_row_per_year(run_algorithm, rasters, zones, tmp_path):
    from sdg_monitor.core.store import ResultsStore

    store = tmp_path / "results.gpkg"
    for _ in range(2):
        run_rasters(run_algorithm, rasters, ZONES=zones, ZONE_ID_FIELD="code", RESULTS=str(store))
    rows = ResultsStore(str(store)).read_results(indicator="6.6.1")
    assert len(rows) == 3 * len(COUNTS)
    west = rows[rows["area_id"] == "W"].set_index("year")
    assert west.loc[2010, "value"] == pytest.approx(-50.0)
    assert west.loc[2010, "numerator"] == pytest.approx(0.02)
    assert west.loc[2010, "denominator"] == pytest.approx(0.04)
    assert set(rows["disaggregation"]) == {""}


def test_bad_inputs_are_refused(run_algorithm, rasters):
    with pytest.raises(QgsProcessingException, match="one year per raster"):
        run_rasters(run_algorithm, rasters, YEARS="2000,2010")
    with pytest.raises(QgsProcessingException, match="more than once"):
        run_rasters(run_algorithm, rasters, YEARS="2000,2000,2004,2010,2020")
    with pytest.raises(QgsProcessingException, match="not both and not neither"):
        run_algorithm("sdg:water_extent_change_6_6_1", {"YEAR": 2020, "OUTPUT": "memory:"})


def test_cancel_writes_nothing(sdg_provider, rasters, tmp_path):
    import processing

    feedback = QgsProcessingFeedback()
    feedback.cancel()
    store = tmp_path / "results.gpkg"
    years = sorted(rasters)
    with pytest.raises(QgsProcessingException, match="Cancelled"):
        processing.run("sdg:water_extent_change_6_6_1", {
            "WATER_RASTERS": [rasters[y] for y in years], "YEARS": ",".join(map(str, years)), "YEAR": 2020,
            "RESULTS": str(store), "OUTPUT": "memory:"}, feedback=feedback)
    assert not store.exists()
