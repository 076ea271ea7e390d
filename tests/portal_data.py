"""A small hand-made results store and zones layer for the portal tests: four townships (squares in UTM 51N),
15.1.1 for two years with a target, 11.2.1 with an urban/rural breakdown, 1.3.1 with two series."""
from __future__ import annotations

import json
from pathlib import Path

from osgeo import ogr, osr

WHOLE = "330521"
TOWNSHIPS = {"T01": "武康街道", "T02": "舞阳街道", "T03": "乾元镇", "T04": "新市镇"}
FOREST = {2015: {WHOLE: 40.0, "T01": 10.0, "T02": 30.0, "T03": 50.0, "T04": 70.0},
          2020: {WHOLE: 42.0, "T01": 12.0, "T02": 33.0, "T03": 52.0, "T04": 71.0}}


def write_zones(path: Path) -> Path:
    """Four 5 km squares, 2 x 2, in EPSG:32651, with ``code`` and ``name``."""
    driver = ogr.GetDriverByName("GPKG")
    source = driver.CreateDataSource(str(path))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(32651)
    layer = source.CreateLayer("townships", srs, ogr.wkbPolygon)
    for name in ("code", "name"):
        layer.CreateField(ogr.FieldDefn(name, ogr.OFTString))
    for number, (code, name) in enumerate(TOWNSHIPS.items()):
        x, y = 200000 + 5000 * (number % 2), 3380000 + 5000 * (number // 2)
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetField("code", code)
        feature.SetField("name", name)
        feature.SetGeometry(ogr.CreateGeometryFromWkt(
            f"POLYGON(({x} {y},{x + 5000} {y},{x + 5000} {y + 5000},{x} {y + 5000},{x} {y}))"))
        layer.CreateFeature(feature)
    source = None
    return path


def results_rows(zones: str) -> list[dict]:
    """The store's rows; 15.1.1 records its zones as a run would (ZONES, ZONE_ID_FIELD in ``parameters``)."""
    names = {WHOLE: "德清县", **TOWNSHIPS}

    def row(indicator, area, year, value, unit="percent", **extra):
        return {"indicator": indicator, "area_id": area, "area_name": names[area],
                "area_level": "total" if area == WHOLE else "township", "year": year, "value": value,
                "unit": unit, "method": extra.pop("method", "sdg:indicators_from_workbook"), **extra}

    parameters = json.dumps({"ZONES": f"{zones}|layername=townships", "ZONE_ID_FIELD": "code"})
    rows = [row("15.1.1", area, year, value, method="sdg:forest_area_15_1_1", parameters=parameters,
                source="/home/office/data/landcover.tif")
            for year, values in FOREST.items() for area, value in values.items()]
    for area in names:
        rows.append(row("11.2.1", area, 2020, 80.0))
        rows.append(row("11.2.1", area, 2020, 90.0, disaggregation="location=urban"))
        rows.append(row("11.2.1", area, 2020, 60.0, disaggregation="location=rural"))
    for year, (medical, pension) in {2015: (95.0, 85.0), 2020: (98.0, 93.0)}.items():
        rows.append(row("1.3.1", WHOLE, year, medical, series="medical"))
        rows.append(row("1.3.1", WHOLE, year, pension, series="pension"))
    return rows


def make_store(folder: Path, run_algorithm) -> tuple[Path, Path]:
    """The store (with progress assessed) and the zones layer in ``folder``."""
    from sdg_monitor.core.store import ResultsStore

    zones = write_zones(folder / "zones.gpkg")
    path = folder / "results.gpkg"
    store = ResultsStore(path)
    store.upsert_results(results_rows(str(zones)))
    store.upsert_targets([
        {"indicator": "15.1.1", "target": 50, "target_year": 2030, "base_year": 2015, "direction": "increase"},
        {"indicator": "1.3.1", "series": "pension", "target": 95, "target_year": 2025, "direction": "increase"}])
    run_algorithm("sdg:assess_progress", {"RESULTS": str(path), "AREA_ID": WHOLE, "OUTPUT": "memory:"})
    return path, zones
