"""Small fixtures made by the tests themselves, with GDAL/OGR (independent of the plugin's code)."""
from __future__ import annotations

from pathlib import Path
from typing import Sequence

import numpy as np
from osgeo import gdal, ogr, osr


def write_raster(path: Path, array: np.ndarray, epsg: int, origin: tuple[float, float], pixel: float,
                 nodata: float | None = None, dtype: int = gdal.GDT_Byte) -> Path:
    """Write a north-up GeoTIFF with its top-left corner at ``origin``: one band, or one per layer of a 3-D
    array (bands, rows, cols)."""
    bands = array if array.ndim == 3 else array[np.newaxis]
    rows, cols = bands.shape[1:]
    ds = gdal.GetDriverByName("GTiff").Create(str(path), cols, rows, len(bands), dtype,
                                              ["TILED=YES", "BLOCKXSIZE=16", "BLOCKYSIZE=16"])
    ds.SetGeoTransform((origin[0], pixel, 0, origin[1], 0, -pixel))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    ds.SetProjection(srs.ExportToWkt())
    for number, values in enumerate(bands, start=1):
        band = ds.GetRasterBand(number)
        if nodata is not None:
            band.SetNoDataValue(nodata)
        band.WriteArray(values)
    ds = None
    return path


def write_layer(path: Path, layer_name: str, epsg: int | None, geometry_type: int, wkts: Sequence[str],
                attributes: Sequence[dict] | None = None, driver: str = "GPKG") -> Path:
    """Write WKT geometries with int/float/str attributes to a layer (a new layer of an existing GeoPackage is
    added beside the others); ``epsg=None`` writes no CRS."""
    ogr_driver = ogr.GetDriverByName(driver)
    ds = ogr_driver.Open(str(path), 1) if path.exists() and driver == "GPKG" else ogr_driver.CreateDataSource(
        str(path))
    srs = None
    if epsg is not None:
        srs = osr.SpatialReference()
        srs.ImportFromEPSG(epsg)
        srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    layer = ds.CreateLayer(layer_name, srs, geometry_type)
    attributes = attributes or [{} for _ in wkts]
    kinds = {int: ogr.OFTInteger, float: ogr.OFTReal, str: ogr.OFTString}
    for name, value in (attributes[0] if attributes else {}).items():
        layer.CreateField(ogr.FieldDefn(name, kinds.get(type(value), ogr.OFTString)))
    for wkt, attrs in zip(wkts, attributes):
        feature = ogr.Feature(layer.GetLayerDefn())
        for name, value in attrs.items():
            feature.SetField(name, value)
        feature.SetGeometry(ogr.CreateGeometryFromWkt(wkt))
        layer.CreateFeature(feature)
    ds = None
    return path


def write_polygons(path: Path, layer_name: str, epsg: int, wkts: Sequence[str],
                   attributes: Sequence[dict] | None = None) -> Path:
    """Write polygons (WKT) with attributes to a GeoPackage layer."""
    return write_layer(path, layer_name, epsg, ogr.wkbPolygon, wkts, attributes)


def write_forest_set(folder: Path, broken: bool = False) -> Path:
    """An indicator-set config for two 20 x 30 land-cover rasters (forest 10 then 12 of 30 columns) and two
    township zones, with a targets CSV (15.1.1 at 45 % by 2030); ``broken`` adds a step whose raster is missing
    (an unknown algorithm is a config error: nothing runs, see tests/bad_input/test_configs.py)."""
    import json

    data = folder / "data"
    data.mkdir()
    for year, forest_columns in ((2015, 10), (2020, 12)):
        array = np.full((20, 30), 10, dtype=np.uint8)
        array[:, :forest_columns] = 20
        write_raster(data / f"lc_{year}.tif", array, 4549, (500000.0, 3370000.0), 10.0, nodata=0)
    write_polygons(data / "zones.gpkg", "towns", 4549, [
        "POLYGON((500000 3370000,500150 3370000,500150 3369800,500000 3369800,500000 3370000))",
        "POLYGON((500150 3370000,500300 3370000,500300 3369800,500150 3369800,500150 3370000))"],
        [{"code": "T1", "name": "一"}, {"code": "T2", "name": "二"}])
    (folder / "targets.csv").write_text("indicator,target,target_year,direction,source\n"
                                        "15.1.1,45,2030,increase,test\n", encoding="utf-8")
    indicators = [{"id": f"forest-{year}", "algorithm": "sdg:forest_area_15_1_1", "year": year,
                   "parameters": {"LANDCOVER": f"data/lc_{year}.tif", "FOREST_CLASSES": "20"}}
                  for year in (2015, 2020)]
    if broken:
        indicators += [{"id": "broken", "algorithm": "sdg:forest_area_15_1_1", "year": 2021,
                        "parameters": {"LANDCOVER": "data/missing.tif"}}]
    config = {
        "name": "test county", "results": "out/results.gpkg", "area": {"id": "C1", "name": "县"},
        "zones": {"path": "data/zones.gpkg|layername=towns", "id_field": "code", "name_field": "name",
                  "level": "township"},
        "targets": "targets.csv", "indicators": indicators,
    }
    path = folder / "set.json"
    path.write_text(json.dumps(config), encoding="utf-8")
    return path
