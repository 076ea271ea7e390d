"""sdg:pm25_exposure_11_6_2 against a hand-worked grid, QGIS's native zonal statistics on c·p and p rasters and
an independent nearest-neighbour alignment of a coarser concentration grid in another CRS."""
from __future__ import annotations

import numpy as np
import pytest
from osgeo import gdal, osr
from population_data import RecordingFeedback
from sdg_testdata import write_polygons, write_raster

X0, Y0 = 500000.0, 3370000.0  # EPSG:4549, metres


def box(x0: float, y0: float, x1: float, y1: float) -> str:
    return f"POLYGON(({x0} {y0},{x1} {y0},{x1} {y1},{x0} {y1},{x0} {y0}))"


@pytest.fixture()
def two_zones(tmp_path):
    """West: the first 100 m column; east: the next two columns."""
    path = write_polygons(tmp_path / "zones.gpkg", "zones", 4549, [
        box(X0, Y0 - 200, X0 + 100, Y0), box(X0 + 100, Y0 - 200, X0 + 300, Y0)], [{"code": "W"}, {"code": "E"}])
    return f"{path}|layername=zones"


def test_hand_worked_2x3_grid(run_algorithm, two_zones, tmp_path):
    population = np.array([[10, 0, 5], [20, -1, 15]], dtype=np.float32)  # -1 = nodata
    concentration = np.array([[4, 8, 12], [6, 30, 3]], dtype=np.float32)
    pop = write_raster(tmp_path / "pop.tif", population, 4549, (X0, Y0), 100.0, nodata=-1, dtype=gdal.GDT_Float32)
    conc = write_raster(tmp_path / "pm.tif", concentration, 4549, (X0, Y0), 100.0, dtype=gdal.GDT_Float32)
    result = run_algorithm("sdg:pm25_exposure_11_6_2", {
        "CONCENTRATION": str(conc), "POPULATION": str(pop), "ZONES": two_zones, "ZONE_ID_FIELD": "code",
        "YEAR": 2020, "OUTPUT": "memory:"})
    # Σcp = 4·10 + 8·0 + 12·5 + 6·20 + 3·15 = 265, Σp = 50; above 5 µg/m³: 5 + 20 = 25 people.
    assert result["VALUE"] == pytest.approx(265 / 50)
    assert result["PCT_ABOVE"] == pytest.approx(50.0)
    zones = {f["code"]: f for f in result["OUTPUT"].getFeatures()}
    assert zones["W"]["value"] == pytest.approx(160 / 30)  # 4·10 + 6·20 over 30 people
    assert zones["W"]["conc_x_pop"] == pytest.approx(160) and zones["W"]["population"] == pytest.approx(30)
    assert zones["W"]["pct_above"] == pytest.approx(100 * 20 / 30)
    assert zones["E"]["value"] == pytest.approx(105 / 20)  # 12·5 + 3·15 over 20 people
    assert zones["E"]["pop_above"] == pytest.approx(5) and zones["E"]["pop_no_data"] == 0


def test_population_without_concentration_is_left_out_and_reported(run_algorithm, tmp_path):
    population = np.array([[10, 0, 5], [20, 1, 15]], dtype=np.float32)
    concentration = np.array([[-9, 8, 12], [6, 30, 3]], dtype=np.float32)  # -9 = nodata under 10 people
    pop = write_raster(tmp_path / "pop.tif", population, 4549, (X0, Y0), 100.0, dtype=gdal.GDT_Float32)
    conc = write_raster(tmp_path / "pm.tif", concentration, 4549, (X0, Y0), 100.0, nodata=-9,
                        dtype=gdal.GDT_Float32)
    import processing

    feedback = RecordingFeedback()
    result = processing.run("sdg:pm25_exposure_11_6_2", {
        "CONCENTRATION": str(conc), "POPULATION": str(pop), "THRESHOLD": 10, "YEAR": 2020, "OUTPUT": "memory:"},
        feedback=feedback)
    (feature,) = result["OUTPUT"].getFeatures()
    assert result["VALUE"] == pytest.approx((60 + 120 + 30 + 45) / 41)
    assert feature["pop_no_data"] == pytest.approx(10)
    assert result["PCT_ABOVE"] == pytest.approx(100 * (5 + 1) / 41)
    assert any("10 people" in w for w in feedback.warnings)


def test_coarser_concentration_in_another_crs_against_native_zonal_statistics(run_algorithm, tmp_path):
    """Population: 100 m cells in EPSG:4549. Concentration: 0.004° cells in EPSG:4326. Reference: each population
    pixel centre transformed by OSR and looked up in the concentration array; then Σcp and Σp per zone by QGIS's
    native:zonalstatisticsfb on c·p and p rasters."""
    import processing

    rng = np.random.default_rng(11)
    population = (rng.random((30, 40)) * 50).astype(np.float32)
    population[rng.random((30, 40)) < 0.2] = 0
    pop = write_raster(tmp_path / "pop.tif", population, 4549, (X0 + 30, Y0 - 20), 100.0, nodata=-1,
                       dtype=gdal.GDT_Float32)
    lon0, lat0, step = 119.95, 30.48, 0.004
    concentration = (rng.random((40, 40)) * 40 + 1).astype(np.float32)
    conc = write_raster(tmp_path / "pm.tif", concentration, 4326, (lon0, lat0), step, dtype=gdal.GDT_Float32)

    source, target = osr.SpatialReference(), osr.SpatialReference()
    source.ImportFromEPSG(4549)
    target.ImportFromEPSG(4326)
    for srs in (source, target):
        srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    transform = osr.CoordinateTransformation(source, target)
    rows, cols = np.mgrid[0:30, 0:40]
    xs = (X0 + 30 + (cols + 0.5) * 100.0).ravel()
    ys = (Y0 - 20 - (rows + 0.5) * 100.0).ravel()
    lonlat = np.array(transform.TransformPoints(np.column_stack([xs, ys]).tolist()))
    ci = np.floor((lat0 - lonlat[:, 1]) / step).astype(int)
    cj = np.floor((lonlat[:, 0] - lon0) / step).astype(int)
    assert ci.min() >= 0 and cj.min() >= 0 and ci.max() < 40 and cj.max() < 40
    aligned = concentration[ci, cj].reshape(30, 40).astype(np.float64)
    assert len(np.unique(aligned)) < 200  # the concentration really is coarser than the population grid
    weighted = write_raster(tmp_path / "cp.tif", aligned * population, 4549, (X0 + 30, Y0 - 20), 100.0,
                            dtype=gdal.GDT_Float64)

    zones = write_polygons(tmp_path / "zones.gpkg", "zones", 4549, [
        "POLYGON((500013 3369987,502033 3369991,501871 3368213,500007 3367741,500013 3369987))",
        "POLYGON((502033 3369991,504090 3369960,504050 3366950,501871 3368213,502033 3369991))"],
        [{"code": "A"}, {"code": "B"}])
    uri = f"{zones}|layername=zones"
    result = run_algorithm("sdg:pm25_exposure_11_6_2", {
        "CONCENTRATION": str(conc), "POPULATION": str(pop), "ZONES": uri, "ZONE_ID_FIELD": "code", "YEAR": 2020,
        "OUTPUT": "memory:"})

    def zonal_sums(raster) -> dict:
        out = processing.run("native:zonalstatisticsfb", {"INPUT": uri, "INPUT_RASTER": str(raster),
                                                          "RASTER_BAND": 1, "COLUMN_PREFIX": "s_", "STATISTICS": [1],
                                                          "OUTPUT": "memory:"})["OUTPUT"]
        return {f["code"]: f["s_sum"] for f in out.getFeatures()}

    cp, p = zonal_sums(weighted), zonal_sums(pop)
    ours = {f["code"]: f for f in result["OUTPUT"].getFeatures()}
    for code in ("A", "B"):
        assert ours[code]["population"] == pytest.approx(p[code], rel=1e-6)
        assert ours[code]["conc_x_pop"] == pytest.approx(cp[code], rel=1e-6)
        assert ours[code]["value"] == pytest.approx(cp[code] / p[code], rel=1e-6)
    assert result["VALUE"] == pytest.approx((cp["A"] + cp["B"]) / (p["A"] + p["B"]), rel=1e-6)
    whole = run_algorithm("sdg:pm25_exposure_11_6_2", {
        "CONCENTRATION": str(conc), "POPULATION": str(pop), "YEAR": 2020, "OUTPUT": "memory:"})
    assert whole["VALUE"] == pytest.approx(float((aligned * population).sum() / population.sum()), rel=1e-6)

    # A concentration raster covering only part of the population grid: the rest is reported, not counted.
    part = write_raster(tmp_path / "pm_part.tif", concentration[:, :14], 4326, (lon0, lat0), step,
                        dtype=gdal.GDT_Float32)
    covered = (cj < 14).reshape(30, 40)
    partial = run_algorithm("sdg:pm25_exposure_11_6_2", {
        "CONCENTRATION": str(part), "POPULATION": str(pop), "YEAR": 2020, "OUTPUT": "memory:"})
    (feature,) = partial["OUTPUT"].getFeatures()
    assert 0 < covered.mean() < 1
    assert feature["pop_no_data"] == pytest.approx(float(population[~covered].sum()), rel=1e-6)
    assert partial["VALUE"] == pytest.approx(
        float((aligned * population)[covered].sum() / population[covered].sum()), rel=1e-6)


def test_results_store_rows(run_algorithm, two_zones, tmp_path):
    from sdg_monitor.core.store import ResultsStore

    pop = write_raster(tmp_path / "pop.tif", np.array([[10, 0, 5], [20, 4, 15]], dtype=np.uint16), 4549,
                       (X0, Y0), 100.0, dtype=gdal.GDT_UInt16)
    conc = write_raster(tmp_path / "pm.tif", np.array([[4, 8, 12], [6, 30, 3]], dtype=np.uint8), 4549, (X0, Y0),
                        100.0)
    store = tmp_path / "results.gpkg"
    result = run_algorithm("sdg:pm25_exposure_11_6_2", {
        "CONCENTRATION": str(conc), "POPULATION": str(pop), "ZONES": two_zones, "ZONE_ID_FIELD": "code",
        "YEAR": 2021, "RESULTS": str(store), "OUTPUT": "memory:"})
    rows = ResultsStore(str(store)).read_results(indicator="11.6.2").set_index("area_id")
    assert sorted(rows.index) == ["E", "W", "total"]
    assert rows.loc["total", "value"] == pytest.approx(result["VALUE"]) == pytest.approx(385 / 54)
    assert rows.loc["E", "numerator"] == pytest.approx(8 * 0 + 12 * 5 + 30 * 4 + 3 * 15)
    assert rows.loc["E", "denominator"] == pytest.approx(24)
    assert set(rows["unit"]) == {"µg/m³"}
