"""Issue 11, CRS lines: layers in different CRSs, geographic CRS, rasters on different grids, CRS-less layers."""
from __future__ import annotations

import numpy as np
import pytest
from bad_input_data import (
    EPSG,
    LANDCOVER,
    MAIN_RASTER,
    MAIN_VECTOR,
    PIXEL,
    RUNS,
    X0,
    Y0,
    ZONE_ROWS,
    ZONES,
    Scene,
    parameters,
    values_by_zone,
    vector_without_crs,
    without_crs,
)
from osgeo import gdal
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsDistanceArea,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingException,
    QgsProject,
)
from sdg_testdata import write_raster

LON0, LAT0, DEG = 120.0, 30.45, 0.001  # a 4 x 6 grid of 0.001° pixels near Deqing


@pytest.fixture()
def scene(tmp_path):
    return Scene(tmp_path / "scene")


@pytest.mark.parametrize("algorithm", sorted(RUNS))
def test_layers_in_different_crs_are_reprojected(run_algorithm, scene, tmp_path, algorithm):
    """Zones and the algorithm's own vector layers in EPSG:4326 (rasters stay in EPSG:4549): same values."""
    expected = values_by_zone(run_algorithm(f"sdg:{algorithm}", parameters(algorithm, scene)))
    geographic = Scene(tmp_path / "geographic", epsg=4326)
    result = run_algorithm(f"sdg:{algorithm}", parameters(algorithm, geographic))
    got = values_by_zone(result)
    assert got.keys() == expected.keys()
    for code, value in expected.items():
        assert (got[code] is None) == (value is None), code
        if value is not None:
            assert got[code] == pytest.approx(value, rel=1e-4, abs=1e-9), code


def _ellipsoid() -> QgsDistanceArea:
    measure = QgsDistanceArea()
    measure.setSourceCrs(QgsCoordinateReferenceSystem("EPSG:4326"), QgsProject.instance().transformContext())
    measure.setEllipsoid("EPSG:7030")
    return measure


def _geographic_raster(path, array: np.ndarray, nodata: float, dtype: int) -> str:
    return str(write_raster(path, array, 4326, (LON0, LAT0), DEG, nodata, dtype))


def _pixel_area_km2(measure: QgsDistanceArea, row: int, col: int) -> float:
    x0, y0 = LON0 + col * DEG, LAT0 - row * DEG
    ring = [QgsPointXY(x0, y0), QgsPointXY(x0 + DEG, y0), QgsPointXY(x0 + DEG, y0 - DEG), QgsPointXY(x0, y0 - DEG)]
    return measure.measureArea(QgsGeometry.fromPolygonXY([ring])) / 1e6


def _geo_box(col0: int, row0: int, col1: int, row1: int) -> str:
    a, b, c, d = LON0 + col0 * DEG, LAT0 - row1 * DEG, LON0 + col1 * DEG, LAT0 - row0 * DEG
    return f"POLYGON(({a} {b},{c} {b},{c} {d},{a} {d},{a} {b}))"


@pytest.mark.parametrize("algorithm", ["land_degradation_15_3_1", "open_space_11_7_1", "facility_access"])
def test_geographic_crs_measures_true_areas_and_distances(run_algorithm, tmp_path, algorithm):
    """Everything in EPSG:4326: areas are ellipsoidal km² (QgsDistanceArea on WGS 84) and distances metres
    (geodesic brute force), never degrees. (15.1.1, 11.3.1, 15.1.2, 15.4.2, 6.6.1 and 11.2.1 have their own
    geographic tests in tests/algorithms.)"""
    from sdg_testdata import write_polygons

    measure = _ellipsoid()
    if algorithm == "land_degradation_15_3_1":
        productivity = np.zeros((4, 6), dtype=np.int16)
        productivity[:, 1] = -1
        path = _geographic_raster(tmp_path / "prod.tif", productivity, -32768, gdal.GDT_Int16)
        result = run_algorithm("sdg:land_degradation_15_3_1", {
            "PRODUCTIVITY": path, "YEAR": 2020, "OUTPUT": "memory:", "DEGRADATION": str(tmp_path / "ld.tif")})
        expected = sum(_pixel_area_km2(measure, r, 1) for r in range(4))
        assert result["DEGRADED_KM2"] == pytest.approx(expected, rel=1e-6)
    elif algorithm == "open_space_11_7_1":
        gpkg = tmp_path / "open.gpkg"
        write_polygons(gpkg, "builtup", 4326, [_geo_box(0, 0, 6, 4)])
        write_polygons(gpkg, "parks", 4326, [_geo_box(1, 1, 2, 3)])
        result = run_algorithm("sdg:open_space_11_7_1", {
            "BUILTUP": f"{gpkg}|layername=builtup", "OPEN_SPACE": f"{gpkg}|layername=parks", "YEAR": 2020,
            "OUTPUT": "memory:"})
        (feature,) = result["OUTPUT"].getFeatures()
        builtup = measure.measureArea(QgsGeometry.fromWkt(_geo_box(0, 0, 6, 4))) / 1e6
        park = measure.measureArea(QgsGeometry.fromWkt(_geo_box(1, 1, 2, 3))) / 1e6
        assert feature["builtup_km2"] == pytest.approx(builtup, rel=1e-6)
        assert result["VALUE"] == pytest.approx(100 * park / builtup, rel=1e-6)
    else:
        from access_data import points

        population = np.ones((4, 6), dtype=np.float32)
        path = _geographic_raster(tmp_path / "pop.tif", population, -1, gdal.GDT_Float32)
        site = (LON0 + 0.5 * DEG, LAT0 - 1.5 * DEG)  # centre of cell (1, 0)
        facilities = points(tmp_path / "fac.gpkg", "fac", 4326, [site])
        # 0.001° is ~96 m east-west and ~111 m north-south here: 100 m reaches the east neighbour only.
        result = run_algorithm("sdg:facility_access", {
            "POPULATION": path, "FACILITIES": facilities, "DISTANCE": 100, "YEAR": 2020, "OUTPUT": "memory:"})
        near = [(r, c) for r in range(4) for c in range(6)
                if measure.measureLine(QgsPointXY(*site), QgsPointXY(LON0 + (c + .5) * DEG,
                                                                     LAT0 - (r + .5) * DEG)) <= 100]
        assert sorted(near) == [(1, 0), (1, 1)]
        assert result["VALUE"] == pytest.approx(100 * len(near) / population.size)


def _coarse(array: np.ndarray) -> np.ndarray:
    """``array`` at 200 m pixels: one coarse pixel per 2 x 2 block (its top-left value)."""
    return array[::2, ::2]


@pytest.mark.parametrize("algorithm", ["pm25_exposure_11_6_2", "land_consumption_11_3_1",
                                       "mountain_green_cover_15_4_2"])
def test_rasters_on_different_grids_are_aligned(run_algorithm, scene, tmp_path, algorithm):
    """A second raster at 200 m pixels reaching past the 100 m grid gives the same result as the same values
    written at 100 m on the first raster's grid (each fine pixel takes the coarse pixel holding its centre)."""
    rng = np.random.default_rng(3)
    coarse = np.zeros((4, 5), dtype=np.float32)  # 800 x 1000 m from (X0 - 200, Y0 + 200)
    if algorithm == "pm25_exposure_11_6_2":
        coarse[:] = rng.uniform(5, 60, coarse.shape)
        name, nodata, dtype = "CONCENTRATION", None, gdal.GDT_Float32
    elif algorithm == "land_consumption_11_3_1":
        coarse[:] = rng.integers(1, 3, coarse.shape)
        name, nodata, dtype = "BUILTUP_END", 0, gdal.GDT_Byte
    else:
        coarse[:, :3] = 3000.0  # Kapos class 3 over fine columns 0-3 (2500-3500 m), lowland (100 m) east
        coarse[:, 3:] = 100.0
        name, nodata, dtype = "DEM", None, gdal.GDT_Float32
    path = write_raster(tmp_path / "coarse.tif", coarse.astype(np.float32), EPSG, (X0 - 200, Y0 + 200), 200.0,
                        nodata, dtype)
    fine = np.repeat(np.repeat(coarse, 2, axis=0), 2, axis=1)[2:6, 2:8]  # the 100 m grid's 4 x 6 pixels
    reference = write_raster(tmp_path / "fine.tif", fine, EPSG, (X0, Y0), PIXEL, nodata, dtype)
    got = run_algorithm(f"sdg:{algorithm}", parameters(algorithm, scene, **{name: str(path)}))
    expected = run_algorithm(f"sdg:{algorithm}", parameters(algorithm, scene, **{name: str(reference)}))
    # Pixel areas carry the projection's areal scale over each grid's own extent: 1e-9-level differences.
    assert got["VALUE"] == pytest.approx(expected["VALUE"], rel=1e-7)
    assert values_by_zone(got) == pytest.approx(values_by_zone(expected), rel=1e-7)
    if algorithm == "mountain_green_cover_15_4_2":  # columns 0-3 are mountains: green = 10 or 20, not 60
        west = LANDCOVER[:, :4]
        assert got["VALUE"] == pytest.approx(100 * np.isin(west, (10, 20)).sum() / (west > 0).sum())


@pytest.mark.parametrize("algorithm, name", [(a, p) for a, p in sorted(MAIN_RASTER.items()) if p]
                         + [(a, "ZONES") for a in sorted(RUNS)] + sorted(MAIN_VECTOR.items()))
def test_crs_less_layer_is_refused(run_algorithm, scene, tmp_path, algorithm, name):
    """A raster or vector layer without a CRS is refused with a message naming the layer and what to do."""
    if name in MAIN_VECTOR.values() or name == "ZONES":
        geometry = {"STOPS": 1, "FACILITIES": 1, "ROADS": 2}.get(name, 3)
        wkts = {1: ["POINT(500150 3369850)"], 2: ["LINESTRING(499950 3369750,500650 3369750)"], 3: ZONES}[geometry]
        rows = ZONE_ROWS if geometry == 3 else [{"kind": "x"}]
        value = vector_without_crs(tmp_path, "nocrs_layer", wkts[:len(rows)], rows[:len(wkts)], geometry)
    else:
        source = parameters(algorithm, scene)[name]
        source = source[-1] if isinstance(source, list) else source
        value = without_crs(source, tmp_path, "nocrs_layer.tif")
        if name == "WATER_RASTERS":
            value = [scene.landcover, value]
    with pytest.raises(QgsProcessingException, match="nocrs_layer.*coordinate reference system"):
        run_algorithm(f"sdg:{algorithm}", parameters(algorithm, scene, **{name: value}))
