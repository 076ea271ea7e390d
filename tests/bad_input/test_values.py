"""Issue 11, values lines: nodata, NaN, nulls and text in numbers, zero denominators, duplicate years, empty
layers, zones that miss the raster, invalid geometries."""
from __future__ import annotations

import numpy as np
import pytest
from bad_input_data import (
    EPSG,
    LANDCOVER,
    MAIN_RASTER,
    PIXEL,
    POPULATION,
    RUNS,
    X0,
    Y0,
    ZONE_ROWS,
    ZONES,
    Scene,
    box,
    number,
    parameters,
    values_by_zone,
)
from osgeo import gdal, ogr, osr
from population_data import RecordingFeedback
from qgis.core import NULL, QgsFeature, QgsProcessingException, QgsVectorLayer
from sdg_testdata import write_raster

FOREST = int((LANDCOVER == 20).sum())  # 8 pixels
WATER = int((LANDCOVER == 60).sum())  # 3 pixels


@pytest.fixture()
def scene(tmp_path):
    return Scene(tmp_path / "scene")


def run(algorithm: str, params: dict) -> tuple[dict, list[str]]:
    import processing

    feedback = RecordingFeedback()
    return processing.run(f"sdg:{algorithm}", params, feedback=feedback), feedback.warnings


@pytest.mark.parametrize("nodata", [0, None], ids=["nodata_0", "no_nodata"])
def test_nodata_set_or_not_set(sdg_provider, scene, tmp_path, nodata):
    """With nodata 0 the 0 pixel counts nowhere; without a nodata value 0 is a class like any other (other land
    for 15.1.1, non-green mountain land for 15.4.2)."""
    path = str(write_raster(tmp_path / "lc.tif", LANDCOVER, EPSG, (X0, Y0), PIXEL, nodata))
    valid = LANDCOVER.size - (1 if nodata == 0 else 0)
    forest, _ = run("forest_area_15_1_1", parameters("forest_area_15_1_1", scene, None, LANDCOVER=path))
    assert forest["VALUE"] == pytest.approx(100 * FOREST / (valid - WATER))
    mountain, _ = run("mountain_green_cover_15_4_2", parameters("mountain_green_cover_15_4_2", scene, None,
                                                                LANDCOVER=path))
    green = int(np.isin(LANDCOVER, (10, 20)).sum())
    assert mountain["VALUE"] == pytest.approx(100 * green / valid)


def test_nan_in_a_float_raster(sdg_provider, scene, tmp_path):
    """NaN is nodata in any float raster, whether or not a nodata value is set."""
    cover = LANDCOVER.astype(np.float32)
    cover[3, 0] = np.nan  # where the byte raster has nodata 0
    path = str(write_raster(tmp_path / "lc.tif", cover, EPSG, (X0, Y0), PIXEL, None, gdal.GDT_Float32))
    forest, _ = run("forest_area_15_1_1", parameters("forest_area_15_1_1", scene, None, LANDCOVER=path))
    assert forest["VALUE"] == pytest.approx(100 * FOREST / (LANDCOVER.size - 1 - WATER))
    concentration = np.full((4, 6), 10.0, dtype=np.float32)
    concentration[0, 0] = np.nan  # 1 person without a concentration
    concentration[:, 5] = 40.0
    population = POPULATION.copy()
    population[1, 5] = np.nan  # 12 people in a 40 µg/m³ pixel unknown
    conc = str(write_raster(tmp_path / "pm.tif", concentration, EPSG, (X0, Y0), PIXEL, None, gdal.GDT_Float32))
    pop = str(write_raster(tmp_path / "pop.tif", population, EPSG, (X0, Y0), PIXEL, None, gdal.GDT_Float32))
    result, warnings = run("pm25_exposure_11_6_2", parameters("pm25_exposure_11_6_2", scene, None,
                                                              CONCENTRATION=conc, POPULATION=pop))
    known = np.isfinite(concentration) & np.isfinite(population)
    expected = float((concentration * population)[known].sum() / population[known].sum())
    assert result["VALUE"] == pytest.approx(expected)
    (feature,) = result["OUTPUT"].getFeatures()
    assert feature["pop_no_data"] == pytest.approx(1.0)


def test_nulls_and_text_in_numeric_fields(sdg_provider, scene, tmp_path):
    """Zone population fields of 11.3.1: NULL gives that zone no value, text is refused naming the layer, zone,
    field and value; sdg:table_indicator: text and NULL numerators or denominators leave the row without a value
    and out of the total (more cases in tests/algorithms/test_table_indicator.py)."""
    rows = [dict(ZONE_ROWS[0], pop20=None), dict(ZONE_ROWS[1])]
    zones = _text_zones(scene, "nullpop", rows)
    result, _ = run("land_consumption_11_3_1", parameters("land_consumption_11_3_1", scene, zones))
    values = values_by_zone(result)
    assert values["W"] is None and values["E"] is not None
    rows = [dict(ZONE_ROWS[0], pop20="约660"), dict(ZONE_ROWS[1])]
    zones = _text_zones(scene, "textpop", rows)
    with pytest.raises(QgsProcessingException, match="zone 'W': field 'pop20' holds '约660'"):
        run("land_consumption_11_3_1", parameters("land_consumption_11_3_1", scene, zones))
    table = _table([("A", 2020, "3", "100"), ("B", 2020, "n/a", "100"), ("C", 2020, "2", None),
                    ("D", 2020, "1", "abc"), ("E", 2020, "5", "50")])
    result, _ = run("table_indicator", {"INPUT": table, "INDICATOR": "3.4.2", "NUMERATOR": "num",
                                        "DENOMINATOR": "den", "AREA_ID_FIELD": "area", "YEAR_FIELD": "year",
                                        "OUTPUT": "memory:"})
    by_area = {f["area_id"]: number(f["value"]) for f in result["OUTPUT"].getFeatures()}
    assert by_area == {"A": pytest.approx(3.0), "B": None, "C": None, "D": None, "E": pytest.approx(10.0)}
    assert result["VALUE"] == pytest.approx(100 * 8 / 150)


def test_zero_or_negative_denominators(sdg_provider, scene, tmp_path):
    """A zero or negative denominator gives NULL (never a division by zero or a negative share): table rows,
    and a zone of water only in 15.1.1 (land area 0)."""
    table = _table([("A", 2020, "3", "0"), ("B", 2020, "2", "-10"), ("C", 2020, "1", "20")])
    result, _ = run("table_indicator", {"INPUT": table, "INDICATOR": "3.4.2", "NUMERATOR": "num",
                                        "DENOMINATOR": "den", "AREA_ID_FIELD": "area", "YEAR_FIELD": "year",
                                        "OUTPUT": "memory:"})
    by_area = {f["area_id"]: number(f["value"]) for f in result["OUTPUT"].getFeatures()}
    assert by_area == {"A": None, "B": None, "C": pytest.approx(5.0)}
    lake = scene.polygons("lake", [box(200, -300, 300, 0)], [{"code": "lake"}])  # column 2: water only
    forest, _ = run("forest_area_15_1_1", parameters("forest_area_15_1_1", scene, lake))
    (feature,) = forest["OUTPUT"].getFeatures()
    assert number(feature["value"]) is None and feature["land_km2"] == 0
    assert forest["VALUE"] is None


def test_duplicate_years(sdg_provider, scene, tmp_path):
    """Repeated years are refused and named: sdg:assess_progress (per indicator), 6.6.1's YEARS, and 11.3.1
    with the same start and end year."""
    table = QgsVectorLayer("None?field=indicator:string&field=year:integer&field=value:double", "t", "memory")
    _add(table, [("15.1.1", 2015, 10.0), ("15.1.1", 2018, 12.0), ("15.1.1", 2018, 13.0)])
    with pytest.raises(QgsProcessingException, match="15.1.1.*2018|2018.*15.1.1"):
        run("assess_progress", {"INPUT": table, "OUTPUT": "memory:"})
    with pytest.raises(QgsProcessingException, match="2000"):
        run("water_extent_change_6_6_1", parameters("water_extent_change_6_6_1", scene, YEARS="2000,2000"))
    with pytest.raises(QgsProcessingException, match="YEAR_END|year"):
        run("land_consumption_11_3_1", parameters("land_consumption_11_3_1", scene, None, YEAR_END=2010))


@pytest.mark.parametrize("algorithm", sorted(RUNS))
def test_empty_layers(sdg_provider, scene, algorithm):
    """Decision: a ZONES layer without features is refused (it would silently give no value); an empty table
    gives a clear message too (sdg:table_indicator, sdg:assess_progress)."""
    empty = _empty_layer(scene, "empty_zones", ogr.wkbPolygon)
    with pytest.raises(QgsProcessingException, match="has no features.*leave the zones empty"):
        run(algorithm, parameters(algorithm, scene, empty))
    if algorithm == sorted(RUNS)[0]:  # the table algorithms, once
        table = _table([])
        with pytest.raises(QgsProcessingException, match="Table 't' has no rows"):
            run("table_indicator", {"INPUT": table, "INDICATOR": "1.1.1", "NUMERATOR": "num",
                                    "DENOMINATOR": "den", "AREA_ID_FIELD": "area", "OUTPUT": "memory:"})
        values = QgsVectorLayer("None?field=indicator:string&field=year:integer&field=value:double", "v", "memory")
        with pytest.raises(QgsProcessingException, match="no indicator values"):
            run("assess_progress", {"INPUT": values, "OUTPUT": "memory:"})


@pytest.mark.parametrize("algorithm", [a for a, raster in sorted(MAIN_RASTER.items()) if raster])
def test_zones_that_miss_the_raster(sdg_provider, scene, algorithm):
    """A zone 5 km east of the rasters gets a NULL value and a warning naming it; the others are unchanged."""
    expected, _ = run(algorithm, parameters(algorithm, scene))
    far = dict(ZONE_ROWS[1], code="FAR")
    zones = scene.polygons("with_far", ZONES + [box(5000, -400, 5300, 0)], ZONE_ROWS + [far])
    result, warnings = run(algorithm, parameters(algorithm, scene, zones))
    values = values_by_zone(result)
    assert values.pop("FAR") is None
    assert values == pytest.approx(values_by_zone(expected))
    assert result["VALUE"] == pytest.approx(expected["VALUE"])
    assert any("FAR" in w and "no pixel centre" in w for w in warnings), warnings


def _bow_tie_centres() -> np.ndarray:
    """Pixels whose centre lies in the bow-tie (0,0)-(300,-400)-(300,0)-(0,-400): its two triangles meet at
    (150, -200); the left one holds points with x < 150 and |y + 200| < 200 (150 - x) / 150."""
    rows, cols = np.mgrid[0:4, 0:6]
    x, y = 100 * cols + 50, -(100 * rows + 50)
    half = np.abs(y + 200) / (200 / 150)
    return ((x < 150 - half) | (x > 150 + half)) & (x < 300)


@pytest.mark.parametrize("algorithm", ["forest_area_15_1_1", "pm25_exposure_11_6_2", "protected_kba_15_1_2"])
def test_invalid_geometries(sdg_provider, scene, algorithm):
    """A self-intersecting (bow-tie) zone or KBA is made valid (two triangles) and counted correctly."""
    bow_tie = (f"POLYGON(({X0} {Y0},{X0 + 300} {Y0 - 400},{X0 + 300} {Y0},{X0} {Y0 - 400},{X0} {Y0}))")
    if algorithm == "protected_kba_15_1_2":
        kbas = scene.polygons("bow_kba", [bow_tie], [{"kba": "K"}])
        result, _ = run(algorithm, parameters(algorithm, scene, None, KBAS=kbas,
                                              PROTECTED_AREAS=scene.polygons("west", [box(0, -400, 150, 0)],
                                                                             [{"wdpa": 1}])))
        assert result["VALUE"] == pytest.approx(50.0, rel=1e-6)  # the left triangle of two equal ones
        return
    zones = scene.polygons("bow_zones", [bow_tie], [dict(ZONE_ROWS[0])])
    result, _ = run(algorithm, parameters(algorithm, scene, zones))
    inside = _bow_tie_centres()
    assert inside.sum() == 4
    if algorithm == "forest_area_15_1_1":
        cover = LANDCOVER[inside]
        expected = 100 * (cover == 20).sum() / ((cover > 0) & (cover != 60)).sum()
    else:
        expected = float((scene_concentration() * POPULATION)[inside].sum() / POPULATION[inside].sum())
    assert values_by_zone(result)["W"] == pytest.approx(expected)


def scene_concentration() -> np.ndarray:
    from bad_input_data import CONCENTRATION

    return CONCENTRATION.astype(np.float64)


# --- helpers ------------------------------------------------------------------------------------------------

def _text_zones(scene: Scene, name: str, rows: list[dict]) -> str:
    """The scene's zones with the population fields as text (so text and NULL can be written)."""
    driver = ogr.GetDriverByName("GPKG")
    ds = driver.Open(str(scene.vectors), 1)
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(EPSG)
    layer = ds.CreateLayer(name, srs, ogr.wkbPolygon)
    for field in rows[0]:
        layer.CreateField(ogr.FieldDefn(field, ogr.OFTString))
    for wkt, row in zip(ZONES, rows):
        feature = ogr.Feature(layer.GetLayerDefn())
        for field, value in row.items():
            if value is None:
                feature.SetFieldNull(field)
            else:
                feature.SetField(field, str(value))
        feature.SetGeometry(ogr.CreateGeometryFromWkt(wkt))
        layer.CreateFeature(feature)
    ds = None
    return f"{scene.vectors}|layername={name}"


def _empty_layer(scene: Scene, name: str, geometry_type: int) -> str:
    ds = ogr.Open(str(scene.vectors), 1)
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(EPSG)
    layer = ds.CreateLayer(name, srs, geometry_type)
    layer.CreateField(ogr.FieldDefn("code", ogr.OFTString))
    ds = None
    return f"{scene.vectors}|layername={name}"


def _table(rows: list[tuple]) -> QgsVectorLayer:
    """A memory table with text numerator and denominator columns (as statistics tables often have)."""
    table = QgsVectorLayer("None?field=area:string&field=year:integer&field=num:string&field=den:string", "t",
                           "memory")
    _add(table, rows)
    return table


def _add(table: QgsVectorLayer, rows: list[tuple]) -> None:
    features = []
    for values in rows:
        feature = QgsFeature(table.fields())
        feature.setAttributes([NULL if v is None else v for v in values])
        features.append(feature)
    assert table.dataProvider().addFeatures(features)
