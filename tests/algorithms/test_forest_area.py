"""sdg:forest_area_15_1_1 against independent counts (QGIS native zonal histogram) and hand-worked areas."""
from __future__ import annotations

import math

import numpy as np
import pytest
from qgis.core import QgsDistanceArea, QgsGeometry, QgsProject, QgsVectorLayer
from sdg_testdata import write_polygons, write_raster

CLASSES = np.array([0, 10, 20, 20, 30, 60, 80], dtype=np.uint8)  # 0 = nodata
ORIGIN = (500000.0, 3370000.0)
PIXEL = 10.0
# Zones cut pixels at angles; zone 2 reaches past the raster's right and bottom edges.
ZONES = [
    "POLYGON((500013 3369987,500233 3369991,500171 3369713,500007 3369741,500013 3369987))",
    "POLYGON((500233 3369991,500390 3369960,500450 3369650,500171 3369713,500233 3369991))",
]


@pytest.fixture()
def landcover(tmp_path):
    rng = np.random.default_rng(42)
    array = CLASSES[rng.integers(0, len(CLASSES), size=(30, 40))]
    return write_raster(tmp_path / "landcover.tif", array, 4549, ORIGIN, PIXEL, nodata=0), array


@pytest.fixture()
def zones(tmp_path):
    path = write_polygons(tmp_path / "zones.gpkg", "zones", 4549, ZONES,
                          [{"code": "A", "name": "甲"}, {"code": "B", "name": "乙"}])
    return f"{path}|layername=zones"


def zonal_histogram(raster, zones_uri) -> list[dict]:
    """Per-zone pixel counts by class from QGIS's native zonal histogram (pixel-centre rule)."""
    import processing

    result = processing.run("native:zonalhistogram", {
        "INPUT_RASTER": str(raster), "RASTER_BAND": 1, "INPUT_VECTOR": zones_uri, "COLUMN_PREFIX": "H_",
        "OUTPUT": "memory:"})
    layer = result["OUTPUT"]
    return [{f.name(): feat[f.name()] for f in layer.fields()} for feat in layer.getFeatures()]


def test_zone_counts_match_native_zonal_histogram(run_algorithm, landcover, zones):
    raster, _ = landcover
    result = run_algorithm("sdg:forest_area_15_1_1", {
        "LANDCOVER": str(raster), "FOREST_CLASSES": "20", "WATER_CLASSES": "60", "ZONES": zones,
        "ZONE_ID_FIELD": "code", "YEAR": 2020, "OUTPUT": "memory:"})
    ours = {f["code"]: f for f in result["OUTPUT"].getFeatures()}
    native = {row["code"]: row for row in zonal_histogram(raster, zones)}
    pixel_km2 = PIXEL * PIXEL / 1e6
    for code, row in native.items():
        counts = {int(k[2:]): v for k, v in row.items() if k.startswith("H_") and k[2:].isdigit()}
        forest = counts.get(20, 0)
        land = sum(v for k, v in counts.items() if k not in (0, 60))
        assert forest > 0 and land > forest
        assert round(ours[code]["forest_km2"] / pixel_km2) == forest
        assert round(ours[code]["land_km2"] / pixel_km2) == land
        assert ours[code]["value"] == pytest.approx(100.0 * forest / land)


def test_zones_in_another_crs_are_reprojected(run_algorithm, landcover, tmp_path):
    raster, _ = landcover
    from osgeo import ogr, osr

    source, target = osr.SpatialReference(), osr.SpatialReference()
    source.ImportFromEPSG(4549)
    target.ImportFromEPSG(4326)
    for srs in (source, target):
        srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    transform = osr.CoordinateTransformation(source, target)
    wkts = []
    for wkt in ZONES:
        geometry = ogr.CreateGeometryFromWkt(wkt)
        geometry.Transform(transform)
        wkts.append(geometry.ExportToWkt())
    path = write_polygons(tmp_path / "zones4326.gpkg", "zones", 4326, wkts, [{"code": "A"}, {"code": "B"}])
    uri = f"{path}|layername=zones"
    result = run_algorithm("sdg:forest_area_15_1_1", {
        "LANDCOVER": str(raster), "ZONES": uri, "ZONE_ID_FIELD": "code", "YEAR": 2020, "OUTPUT": "memory:"})
    same_crs = run_algorithm("sdg:forest_area_15_1_1", {
        "LANDCOVER": str(raster), "ZONES": str(tmp_path / "zones4326.gpkg"), "YEAR": 2020, "OUTPUT": "memory:"})
    assert result["OUTPUT"].crs().authid() == "EPSG:4326"
    native = {row["code"]: row for row in zonal_histogram(raster, uri)}
    for feature in result["OUTPUT"].getFeatures():
        assert round(feature["forest_km2"] / 1e-4) == native[feature["code"]]["H_20"]
    assert same_crs["VALUE"] == pytest.approx(result["VALUE"])


def test_whole_area_is_sum_over_zones_not_mean_of_percents(run_algorithm, landcover, zones):
    raster, _ = landcover
    result = run_algorithm("sdg:forest_area_15_1_1", {
        "LANDCOVER": str(raster), "ZONES": zones, "YEAR": 2020, "OUTPUT": "memory:"})
    features = list(result["OUTPUT"].getFeatures())
    forest = sum(f["forest_km2"] for f in features)
    land = sum(f["land_km2"] for f in features)
    assert result["VALUE"] == pytest.approx(100.0 * forest / land)
    mean_of_percents = sum(f["value"] for f in features) / len(features)
    assert abs(result["VALUE"] - mean_of_percents) > 1e-6
    assert isinstance(result["VALUE"], float)


def test_without_zones_counts_every_valid_pixel(run_algorithm, landcover):
    raster, array = landcover
    result = run_algorithm("sdg:forest_area_15_1_1", {"LANDCOVER": str(raster), "YEAR": 2020,
                                                       "OUTPUT": "memory:"})
    forest = np.count_nonzero(array == 20)
    land = np.count_nonzero((array != 0) & (array != 60))
    assert result["VALUE"] == pytest.approx(100.0 * forest / land)
    (feature,) = result["OUTPUT"].getFeatures()
    assert feature["land_km2"] == pytest.approx(land * 1e-4)


def test_geographic_raster_gets_ellipsoidal_areas(run_algorithm, tmp_path):
    """A raster in EPSG:4326 (0.01° pixels over 30-31°N) measures within 0.1 % of the ellipsoidal area."""
    array = np.full((100, 80), 20, dtype=np.uint8)
    raster = write_raster(tmp_path / "lonlat.tif", array, 4326, (119.5, 31.0), 0.01, nodata=0)
    result = run_algorithm("sdg:forest_area_15_1_1", {"LANDCOVER": str(raster), "YEAR": 2020,
                                                       "OUTPUT": "memory:"})
    (feature,) = result["OUTPUT"].getFeatures()
    measure = QgsDistanceArea()
    measure.setSourceCrs(QgsProject.instance().crs().fromEpsgId(4326), QgsProject.instance().transformContext())
    measure.setEllipsoid("EPSG:7030")
    rectangle = QgsGeometry.fromWkt("POLYGON((119.5 31,120.3 31,120.3 30,119.5 30,119.5 31))")
    expected_km2 = measure.measureArea(rectangle) / 1e6
    assert feature["land_km2"] == pytest.approx(expected_km2, rel=1e-3)
    planar_degrees = 0.8 * 1.0
    assert not math.isclose(feature["land_km2"], planar_degrees, rel_tol=0.5)


def test_results_store_rows(run_algorithm, landcover, zones, tmp_path):
    from sdg_monitor.core.store import ResultsStore

    raster, _ = landcover
    store = tmp_path / "results.gpkg"
    for _ in range(2):  # a second run upserts the same keys
        result = run_algorithm("sdg:forest_area_15_1_1", {
            "LANDCOVER": str(raster), "ZONES": zones, "ZONE_ID_FIELD": "code", "ZONE_NAME_FIELD": "name",
            "ZONE_LEVEL": "township", "AREA_ID": "330521", "YEAR": 2020, "RESULTS": str(store),
            "OUTPUT": "memory:"})
    rows = ResultsStore(str(store)).read_results(indicator="15.1.1").set_index("area_id")
    assert sorted(rows.index) == ["330521", "A", "B"]
    assert rows.loc["330521", "value"] == pytest.approx(result["VALUE"])
    assert rows.loc["B", "area_name"] == "乙" and rows.loc["B", "area_level"] == "township"
    assert rows.loc["A", "numerator"] / rows.loc["A", "denominator"] * 100 == pytest.approx(rows.loc["A", "value"])
    assert set(rows["year"]) == {2020} and set(rows["unit"]) == {"percent"}


def test_bad_class_list_is_refused(run_algorithm, landcover):
    from qgis.core import QgsProcessingException

    raster, _ = landcover
    with pytest.raises(QgsProcessingException, match="FOREST_CLASSES"):
        run_algorithm("sdg:forest_area_15_1_1", {"LANDCOVER": str(raster), "FOREST_CLASSES": "twenty",
                                                 "YEAR": 2020, "OUTPUT": "memory:"})
    with pytest.raises(QgsProcessingException, match="both as forest and as water"):
        run_algorithm("sdg:forest_area_15_1_1", {"LANDCOVER": str(raster), "FOREST_CLASSES": "20,60",
                                                 "WATER_CLASSES": "60", "YEAR": 2020, "OUTPUT": "memory:"})


def test_input_layer_untouched(run_algorithm, landcover, zones):
    raster, _ = landcover
    layer = QgsVectorLayer(zones, "zones", "ogr")
    before = [(f.id(), f.geometry().asWkt(), f.attributes()) for f in layer.getFeatures()]
    run_algorithm("sdg:forest_area_15_1_1", {"LANDCOVER": str(raster), "ZONES": layer, "YEAR": 2020,
                                             "OUTPUT": "memory:"})
    after = [(f.id(), f.geometry().asWkt(), f.attributes()) for f in layer.getFeatures()]
    assert before == after


def test_web_mercator_raster_gets_true_areas(run_algorithm, tmp_path):
    """EPSG:3857 exaggerates areas by about 1/cos²(lat) (a third at 30°N): the raster's area must still be the
    ellipsoidal area of the latitude-longitude rectangle it covers (measured independently in EPSG:4326)."""
    from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsPointXY

    left, top, pixel = 13302000.0, 3632000.0, 1000.0  # about 119.5°E, 31°N
    array = np.full((120, 90), 20, dtype=np.uint8)
    raster = write_raster(tmp_path / "mercator.tif", array, 3857, (left, top), pixel, nodata=0)
    result = run_algorithm("sdg:forest_area_15_1_1", {"LANDCOVER": str(raster), "YEAR": 2020,
                                                       "OUTPUT": "memory:"})
    (feature,) = result["OUTPUT"].getFeatures()
    to_degrees = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:3857"),
                                        QgsCoordinateReferenceSystem("EPSG:4326"), QgsProject.instance())
    west_north = to_degrees.transform(QgsPointXY(left, top))
    east_south = to_degrees.transform(QgsPointXY(left + 90 * pixel, top - 120 * pixel))
    measure = QgsDistanceArea()
    measure.setSourceCrs(QgsCoordinateReferenceSystem("EPSG:4326"), QgsProject.instance().transformContext())
    measure.setEllipsoid("EPSG:7030")
    rectangle = QgsGeometry.fromWkt(
        f"POLYGON(({west_north.x()} {west_north.y()},{east_south.x()} {west_north.y()},"
        f"{east_south.x()} {east_south.y()},{west_north.x()} {east_south.y()},{west_north.x()} {west_north.y()}))")
    expected_km2 = measure.measureArea(rectangle) / 1e6
    assert feature["land_km2"] == pytest.approx(expected_km2, rel=2e-3)
    assert not math.isclose(feature["land_km2"], 90 * 120 * pixel * pixel / 1e6, rel_tol=0.1)  # not planar
