"""Issue 11, text and paths lines: Chinese field names and values, GBK shapefiles with and without .cpg, paths
with spaces and Chinese characters."""
from __future__ import annotations

import pytest
from bad_input_data import RUNS, ZONE_ROWS, ZONES, Scene, parameters, values_by_zone
from osgeo import gdal, ogr, osr
from qgis.core import QgsProcessingException, QgsVectorLayer
from sdg_monitor.core.store import ResultsStore

NAMES = {"W": ("330521001", "武康街道"), "E": ("330521002", "新市镇")}
CHINESE_ROWS = [{"乡镇代码": NAMES[row["code"]][0], "乡镇名称": NAMES[row["code"]][1], "code": row["code"],
                 "pop10": row["pop10"], "pop20": row["pop20"]} for row in ZONE_ROWS]


@pytest.mark.parametrize("algorithm", sorted(RUNS))
def test_chinese_field_names_and_values(run_algorithm, tmp_path, algorithm):
    """Zones with Chinese field names and names: ids and names reach OUTPUT and the store unchanged, and the
    values are those of the same zones with ASCII fields."""
    scene = Scene(tmp_path / "scene")
    expected = values_by_zone(run_algorithm(f"sdg:{algorithm}", parameters(algorithm, scene)))
    zones = scene.polygons("乡镇", ZONES, CHINESE_ROWS)
    store = tmp_path / "results.gpkg"
    result = run_algorithm(f"sdg:{algorithm}", parameters(
        algorithm, scene, zones, ZONE_ID_FIELD="乡镇代码", ZONE_NAME_FIELD="乡镇名称", RESULTS=str(store)))
    assert {"乡镇代码", "乡镇名称"} <= set(result["OUTPUT"].fields().names())
    got = values_by_zone(result, "乡镇名称")
    assert got == pytest.approx({NAMES[code][1]: value for code, value in expected.items()})
    rows = ResultsStore(store).read_results()
    zone_rows = rows[(rows["area_level"] == "zone") & (rows["disaggregation"] == "")
                     & (rows["series"] == rows["series"].min())]
    assert dict(zip(zone_rows["area_id"], zone_rows["area_name"])) == dict(NAMES.values())


def _gbk_shapefile(folder, name: str, cpg: str | None) -> str:
    """The scene's zones as a shapefile whose DBF text is GBK (code page 936); ``cpg``: the .cpg file's text
    (None: no .cpg, as many files from other software arrive)."""
    path = folder / f"{name}.shp"
    qgis_option = gdal.GetConfigOption("SHAPE_ENCODING")  # QGIS's OGR provider sets it to "" (no recoding)
    gdal.SetConfigOption("SHAPE_ENCODING", None)
    try:
        _write_gbk(path, name)
    finally:
        gdal.SetConfigOption("SHAPE_ENCODING", qgis_option)
    cpg_path = folder / f"{name}.cpg"
    if cpg is None:
        cpg_path.unlink()
    else:
        cpg_path.write_text(cpg, encoding="ascii")
    return str(path)


def _write_gbk(path, name: str) -> None:
    ds = ogr.GetDriverByName("ESRI Shapefile").CreateDataSource(str(path))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4549)
    layer = ds.CreateLayer(name, srs, ogr.wkbPolygon, ["ENCODING=CP936"])  # GBK bytes in the DBF
    for field in ("代码", "名称"):  # DBF field names hold 10 bytes at most
        layer.CreateField(ogr.FieldDefn(field, ogr.OFTString))
    for wkt, row in zip(ZONES, CHINESE_ROWS):
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetField("代码", row["乡镇代码"])
        feature.SetField("名称", row["乡镇名称"])
        feature.SetGeometry(ogr.CreateGeometryFromWkt(wkt))
        layer.CreateFeature(feature)
    ds = None


def test_gbk_shapefiles_with_and_without_cpg(run_algorithm, tmp_path):
    """With a .cpg (written by OGR, or by hand: GBK) the Chinese names are read right. Without one QGIS 3.22 reads
    the DBF as UTF-8 (its default, and it ignores SHAPE_ENCODING): the run is refused with a message saying what
    to set, instead of writing garbled ids to the store; with the layer's data source encoding set to GBK it
    works."""
    scene = Scene(tmp_path / "scene")
    store = tmp_path / "results.gpkg"

    def run(zones) -> dict:
        result = run_algorithm("sdg:forest_area_15_1_1", parameters(
            "forest_area_15_1_1", scene, zones, ZONE_ID_FIELD="代码", ZONE_NAME_FIELD="名称", RESULTS=str(store)))
        return values_by_zone(result, "名称")

    expected = values_by_zone(run_algorithm("sdg:forest_area_15_1_1", parameters("forest_area_15_1_1", scene)))
    expected = {NAMES[code][1]: value for code, value in expected.items()}
    assert run(_gbk_shapefile(tmp_path, "with_cpg", "CP936")) == pytest.approx(expected)
    assert run(_gbk_shapefile(tmp_path, "hand_cpg", "GBK")) == pytest.approx(expected)
    without = _gbk_shapefile(tmp_path, "no_cpg", None)
    before = ResultsStore(store).read_results()
    with pytest.raises(QgsProcessingException, match="does not decode.*GBK.*cpg"):
        run(without)
    assert ResultsStore(store).read_results().equals(before)
    layer = QgsVectorLayer(without, "乡镇", "ogr")
    layer.setProviderEncoding("GBK")  # Layer Properties > Source > Data source encoding
    assert run(layer) == pytest.approx(expected)
    del layer


@pytest.mark.parametrize("algorithm", sorted(RUNS))
def test_paths_with_spaces_and_chinese_characters(run_algorithm, tmp_path, algorithm):
    """Inputs, outputs (layers and rasters) and the store in folders and files named with spaces and Chinese."""
    folder = tmp_path / "县 数据" / "输入 图层"
    scene = Scene(folder)
    out = tmp_path / "输出 结果"
    out.mkdir()
    store = out / "成果 库.gpkg"
    output = out / "指标 按乡镇.gpkg"
    result = run_algorithm(f"sdg:{algorithm}", parameters(algorithm, scene, RESULTS=str(store),
                                                          OUTPUT=str(output)))
    assert result["VALUE"] is not None
    ds = ogr.Open(str(output))
    assert ds is not None and ds.GetLayer(0).GetFeatureCount() == 2
    ds = None
    rows = ResultsStore(store).read_results()
    assert {"total", "W", "E"} <= set(rows["area_id"])
