"""Benchmark of sdg:land_productivity_15_3_1 on a 16-year NDVI stack (issue 21: "a 16-year 10 Mpx stack in
seconds"): wall and CPU seconds and peak memory of one run, without zones and with 150 zones.

    .venv/bin/python bench/land_productivity.py [--side 3163] [--zones 150]

The stack (Int16 NDVI × 10000, tiled DEFLATE GeoTIFF, random trends and noise, EPSG:4547 30 m) is written under
``.build/bench/lpd/`` once and reused.
"""
from __future__ import annotations

import argparse
import resource
import time
from pathlib import Path

import numpy as np
from cases import init_qgis
from osgeo import gdal, ogr, osr

ROOT = Path(__file__).resolve().parents[1]
YEARS = 16


def stack(folder: Path, side: int) -> Path:
    """The NDVI stack of ``side`` × ``side`` pixels (written once)."""
    path = folder / f"ndvi_{side}.tif"
    if path.exists():
        return path
    folder.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(21)
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4547)
    ds = gdal.GetDriverByName("GTiff").Create(str(path), side, side, YEARS, gdal.GDT_Int16,
                                              ["TILED=YES", "COMPRESS=DEFLATE", "INTERLEAVE=BAND"])
    ds.SetGeoTransform((400000.0, 30.0, 0.0, 3400000.0, 0.0, -30.0))
    ds.SetProjection(srs.ExportToWkt())
    for row0 in range(0, side, 512):
        rows = min(512, side - row0)
        level = rng.uniform(0.1, 0.8, (rows, side))
        trend = rng.choice([-0.01, 0.0, 0.0, 0.01], (rows, side))
        for year in range(YEARS):
            values = level + trend * year + rng.normal(0, 0.03, (rows, side))
            ds.GetRasterBand(year + 1).WriteArray(np.round(values * 10000).astype(np.int16), 0, row0)
    for band in range(1, YEARS + 1):
        ds.GetRasterBand(band).SetNoDataValue(-32768)
    ds = None
    return path


def zones(folder: Path, side: int, count: int) -> str:
    """A square grid of about ``count`` zones over the stack."""
    path = folder / f"zones_{side}_{count}.gpkg"
    if not path.exists():
        srs = osr.SpatialReference()
        srs.ImportFromEPSG(4547)
        ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
        layer = ds.CreateLayer("zones", srs, ogr.wkbPolygon)
        layer.CreateField(ogr.FieldDefn("zone_id", ogr.OFTString))
        n = max(1, round(count ** 0.5))
        step = side * 30.0 / n
        for i in range(n):
            for j in range(n):
                x0, y0 = 400000.0 + j * step, 3400000.0 - i * step
                feature = ogr.Feature(layer.GetLayerDefn())
                feature.SetField("zone_id", f"z{i}_{j}")
                feature.SetGeometry(ogr.CreateGeometryFromWkt(
                    f"POLYGON(({x0} {y0},{x0 + step} {y0},{x0 + step} {y0 - step},{x0} {y0 - step},{x0} {y0}))"))
                layer.CreateFeature(feature)
        ds = None
    return f"{path}|layername=zones"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--side", type=int, default=3163, help="pixels per side (3163² = 10 Mpx)")
    parser.add_argument("--zones", type=int, default=150)
    args = parser.parse_args()
    folder = ROOT / ".build" / "bench" / "lpd"
    ndvi = stack(folder, args.side)
    zone_layer = zones(folder, args.side, args.zones)
    init_qgis()
    import processing

    for label, extra in (("no zones", {}), (f"{args.zones} zones", {"ZONES": zone_layer,
                                                                      "ZONE_ID_FIELD": "zone_id"})):
        wall, cpu = time.perf_counter(), time.process_time()
        result = processing.run("sdg:land_productivity_15_3_1", {
            "NDVI": str(ndvi), "FIRST_YEAR": 2005, "BASELINE_START": 2005, "BASELINE_END": 2017,
            "REPORT_START": 2018, "REPORT_END": 2020, "YEAR": 2020, "OUTPUT": "memory:", **extra,
            "OUTPUT_LPD": str(folder / "lpd.tif"), "OUTPUT_SUBINDICATOR": str(folder / "sub.tif")})
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"{args.side}² = {args.side ** 2 / 1e6:.1f} Mpx × {YEARS} years, {label}: {wall:.1f} s wall, "
              f"{cpu:.1f} s CPU, peak {peak:.0f} MB, declining {result['VALUE']:.2f} %")


if __name__ == "__main__":
    main()
