"""sdg:facility_access against brute-force distances per facility type and QGIS's native service areas."""
from __future__ import annotations

import numpy as np
import pytest
from access_data import ellipsoid_context, geodesic_within, lines, points
from osgeo import gdal
from sdg_monitor.core.store import ResultsStore
from sdg_testdata import write_polygons, write_raster

UTM = 32650
LEFT, TOP = 500000.0, 3400000.0
FACILITIES = [(LEFT + 63.1, TOP - 71.4), (LEFT + 212.7, TOP - 148.2), (LEFT + 121.3, TOP - 252.9),
              (LEFT + 251.6, TOP - 36.8)]
KINDS = ["clinic", "school", "Clinic", None]


@pytest.fixture()
def data(tmp_path):
    rng = np.random.default_rng(11)
    population = rng.integers(0, 30, size=(30, 30)).astype(np.float32)
    female = np.floor(population / 2).astype(np.float32)
    paths = [write_raster(tmp_path / f"{name}.tif", array, UTM, (LEFT, TOP), 10.0, nodata=-1,
                          dtype=gdal.GDT_Float32)
             for name, array in (("pop", population), ("female", female), ("male", population - female))]
    zones = write_polygons(tmp_path / "zones.gpkg", "zones", UTM, [
        f"POLYGON(({LEFT} {TOP},{LEFT + 300} {TOP},{LEFT + 300} {TOP - 140},{LEFT} {TOP - 170},{LEFT} {TOP}))",
        f"POLYGON(({LEFT} {TOP - 170},{LEFT + 300} {TOP - 140},{LEFT + 300} {TOP - 300},{LEFT} {TOP - 300},"
        f"{LEFT} {TOP - 170}))"], [{"code": "A"}, {"code": "B"}])
    attributes = [{"kind": k} for k in KINDS]
    facilities = points(tmp_path / "fac.gpkg", "fac", UTM, FACILITIES, attributes)
    return [str(p) for p in paths], population, f"{zones}|layername=zones", facilities


def within(population: np.ndarray, sites, distance: float) -> float:
    """Population of the cells whose centre is within ``distance`` m of any site on the ellipsoid: in UTM 2 km
    off the central meridian the map metre is 1/0.9996 ground metres, so the 90 m reach is 90.036 map metres."""
    return float(population[geodesic_within(UTM, LEFT, TOP, 10.0, population.shape, sites, distance)].sum())


def test_types_are_series_and_headline_counts_any_facility(run_algorithm, data, tmp_path):
    (pop, female, male), population, zones, facilities = data
    store = tmp_path / "results.gpkg"
    result = run_algorithm("sdg:facility_access", {
        "POPULATION": pop, "POPULATION_FEMALE": female, "POPULATION_MALE": male, "FACILITIES": facilities,
        "TYPE_FIELD": "kind", "DISTANCE": 90, "INDICATOR_CODE": "3.8.1", "ZONES": zones, "ZONE_ID_FIELD": "code",
        "RESULTS": str(store), "YEAR": 2018, "OUTPUT": "memory:"})
    expected_all = within(population, FACILITIES, 90)
    assert result["VALUE"] == pytest.approx(100 * expected_all / population.sum())
    assert result["METHOD"] == "euclidean"
    rows = ResultsStore(store).read("sdg_results")
    assert set(rows["indicator"]) == {"3.8.1"}
    rows = rows.set_index(["series", "area_id", "disaggregation"])
    assert set(rows.index.get_level_values(0)) == {"", "clinic", "Clinic", "school", "unspecified"}
    for kind, sites in (("clinic", [FACILITIES[0]]), ("school", [FACILITIES[1]]), ("Clinic", [FACILITIES[2]]),
                        ("unspecified", [FACILITIES[3]])):
        assert rows.loc[(kind, "total", ""), "numerator"] == within(population, sites, 90)
    assert rows.loc[("", "total", ""), "numerator"] == expected_all
    female_array = np.floor(population / 2)
    assert rows.loc[("school", "total", "sex=female"), "numerator"] == within(female_array, [FACILITIES[1]], 90)
    for series in ("", "school"):
        for area in ("total", "A", "B"):
            parts = [rows.loc[(series, area, f"sex={s}"), "numerator"] for s in ("female", "male")]
            assert sum(parts) == rows.loc[(series, area, ""), "numerator"]
    feature = {f["code"]: f for f in result["OUTPUT"].getFeatures()}["A"]
    rows_, cols_ = np.mgrid[0:30, 0:30]
    in_a = -(10 * rows_ + 5) > -170 + (10 * cols_ + 5) / 10  # above the line from (0, -170) to (300, -140)
    zone_a = np.where(in_a, population, 0)
    assert feature["population"] == float(zone_a.sum())
    assert feature["pct_school"] == pytest.approx(100 * within(zone_a, [FACILITIES[1]], 90) / zone_a.sum())
    assert feature["pct_clinic_3"] == pytest.approx(100 * within(zone_a, [FACILITIES[2]], 90) / zone_a.sum())
    assert feature["pct_clinic"] == pytest.approx(100 * within(zone_a, [FACILITIES[0]], 90) / zone_a.sum())


def test_network_matches_native_service_area(run_algorithm, data, tmp_path):
    import processing

    (pop, _, _), _, zones, _ = data
    net = lines(tmp_path / "net.gpkg", "net", UTM, [
        [(LEFT + 3, TOP - 97), (LEFT + 153, TOP - 97), (LEFT + 297, TOP - 97)],
        [(LEFT + 153, TOP - 3), (LEFT + 153, TOP - 97), (LEFT + 153, TOP - 211), (LEFT + 281, TOP - 289)]])
    sites = points(tmp_path / "sites.gpkg", "sites", UTM, [(LEFT + 40, TOP - 97), (LEFT + 153, TOP - 150)],
                   [{"kind": "school"}, {"kind": "school"}])
    result = run_algorithm("sdg:facility_access", {
        "POPULATION": pop, "FACILITIES": sites, "NETWORK": net, "DISTANCE": 120, "WALK_OFF": 15, "ZONES": zones,
        "ZONE_ID_FIELD": "code", "YEAR": 2020, "OUTPUT": "memory:"})
    service = processing.run("native:serviceareafromlayer", {
        "INPUT": net, "STRATEGY": 0, "START_POINTS": sites, "TRAVEL_COST2": 120, "OUTPUT_LINES": "memory:"},
        context=ellipsoid_context(UTM))
    buffered = processing.run("native:buffer", {"INPUT": service["OUTPUT_LINES"], "DISTANCE": 15, "SEGMENTS": 180,
                                                "DISSOLVE": True, "OUTPUT": "memory:"})["OUTPUT"]
    parts = processing.run("native:intersection", {"INPUT": buffered, "OVERLAY": zones,
                                                   "OUTPUT": "memory:"})["OUTPUT"]
    stats = processing.run("native:zonalstatisticsfb", {
        "INPUT": parts, "INPUT_RASTER": pop, "RASTER_BAND": 1, "COLUMN_PREFIX": "z_", "STATISTICS": [1],
        "OUTPUT": "memory:"})["OUTPUT"]
    native = {f["code"]: f["z_sum"] for f in stats.getFeatures()}
    ours = {f["code"]: f["served_population"] for f in result["OUTPUT"].getFeatures()}
    assert ours == pytest.approx(native, abs=1e-6) and all(v > 0 for v in ours.values())
    assert result["METHOD"] == "network"
