"""Deterministic synthetic inputs for the benchmark (numpy + GDAL/OGR only), written once and reused.

A size is a square area in CGCS2000 / 3-degree Gauss-Kruger CM 114E (EPSG:4547, metres) holding:
land cover at two dates (GlobeLand30 classes, Byte, nodata 0 in one corner, tiled DEFLATE GeoTIFF), population
at two dates (100 m, Float32), PM2.5 (1 km, Float32), Voronoi zones (tiling the area, with a population total and
their 1-based order as ``label``)
and public transport stops (points, 10 % high capacity). A land-cover-only size has the 2020 land cover and the
zones only, as one file or as a mosaic of tiles (GeoTIFFs plus a VRT). Rasters are written block by block.
"""
from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np
from osgeo import gdal, ogr, osr

EPSG = 4547
ORIGIN = (400_000.0, 3_500_000.0)  # top-left corner
#: GlobeLand30 classes and their share of the area: cropland, forest, grassland, shrubland, wetland, water,
#: artificial surfaces (built-up), bare land.
CLASSES = np.array([10, 20, 30, 40, 50, 60, 80, 90], dtype=np.uint8)
SHARES = np.array([0.35, 0.30, 0.10, 0.05, 0.03, 0.07, 0.08, 0.02])
PATCH_M = 300.0  # land-cover patch size (m)
NOISE = 0.05  # share of pixels with a random class (keeps the rasters from compressing unrealistically well)
GTIFF = ["TILED=YES", "COMPRESS=DEFLATE"]
BIGTIFF_PIXELS = 2**29  # rasters from 0.5 Gpx are BigTIFF (GDAL's IF_SAFER would write a classic TIFF of 1 Gpx)
BLOCK_ROWS = 1024  # land-cover rows generated at a time (a block's noise and key depend on it)


@dataclass(frozen=True)
class Size:
    """One benchmark size: side of the square area (m), land-cover pixel (m), numbers of zones and stops; a
    land-cover-only size (``stops`` 0) has one land-cover date and the zones, in ``tiles`` × ``tiles`` GeoTIFFs
    and a VRT mosaic of them when ``tiles`` > 1."""

    name: str
    side_m: float
    landcover_m: float
    zones: int
    stops: int = 0
    tiles: int = 1

    @property
    def landcover_px(self) -> int:
        return round(self.side_m / self.landcover_m)


SIZES = {
    "county": Size("county", 30_700.0, 10.0, 150, 500),  # 3,070² = 9.4 Mpx
    "province": Size("province", 315_900.0, 30.0, 3_000, 20_000),  # 10,530² = 110.9 Mpx
    "tile1g": Size("tile1g", 316_230.0, 10.0, 3_000),  # 31,623² = 1.0 Gpx in one BigTIFF
    "nation": Size("nation", 960_000.0, 30.0, 3_000, tiles=4),  # 32,000² = 1.02 Gpx in 16 tiles of 8,000²
}


@dataclass(frozen=True)
class Inputs:
    """Paths of one size's inputs ("" for those a land-cover-only size lacks)."""

    landcover_2020: str
    zones: str
    landcover_2015: str = ""
    population_2015: str = ""
    population_2020: str = ""
    pm25: str = ""
    stops: str = ""


def ensure(size: Size, root: Path) -> Inputs:
    """The inputs of ``size`` under ``root/<name>``, generated when missing (a stamp marks a complete set)."""
    folder = root / size.name
    stamp = folder / "inputs.json"
    if stamp.exists():  # names relative to the folder (older stamps held absolute paths: their file names count)
        names = json.loads(stamp.read_text())
        return Inputs(**{key: name and str(folder / Path(name).name) for key, name in names.items()})
    folder.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(2030)
    n_patches = max(1, round(size.side_m / PATCH_M))
    patches = rng.choice(CLASSES, size=(n_patches, n_patches), p=SHARES)
    grown = np.where((patches == 10) & (rng.random(patches.shape) < 0.15), np.uint8(80), patches)
    if size.stops:
        inputs = Inputs(
            landcover_2015=_landcover(folder / "landcover_2015.tif", size, patches, (1,)),
            landcover_2020=_landcover(folder / "landcover_2020.tif", size, grown, (2,)),
            population_2015=_population(folder / "population_2015.tif", size, 3, 1.0),
            population_2020=_population(folder / "population_2020.tif", size, 3, 1.08),
            pm25=_pm25(folder / "pm25.tif", size),
            zones=_zones(folder / "zones.gpkg", size, rng),
            stops=_stops(folder / "stops.gpkg", size, rng),
        )
    else:
        inputs = Inputs(landcover_2020=_mosaic(folder, "landcover_2020", size, grown, 2),
                        zones=_zones(folder / "zones.gpkg", size, rng))
    stamp.write_text(json.dumps({key: path and Path(path).name for key, path in asdict(inputs).items()}, indent=1))
    return inputs


def _srs() -> osr.SpatialReference:
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(EPSG)
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return srs


def _create(path: Path, cols: int, rows: int, pixel: float, dtype: int, nodata: float,
            offset: tuple[int, int] = (0, 0)) -> gdal.Dataset:
    """A one-band tiled GeoTIFF whose top-left pixel is ``offset`` (row, column) pixels from the area's corner."""
    bigtiff = "YES" if cols * rows >= BIGTIFF_PIXELS else "IF_SAFER"
    ds = gdal.GetDriverByName("GTiff").Create(str(path), cols, rows, 1, dtype, [*GTIFF, f"BIGTIFF={bigtiff}"])
    ds.SetGeoTransform((ORIGIN[0] + offset[1] * pixel, pixel, 0.0, ORIGIN[1] - offset[0] * pixel, 0.0, -pixel))
    ds.SetProjection(_srs().ExportToWkt())
    ds.GetRasterBand(1).SetNoDataValue(nodata)
    return ds


def _mosaic(folder: Path, name: str, size: Size, patches: np.ndarray, seed: int) -> str:
    """The land cover as one GeoTIFF, or as ``size.tiles``² aligned GeoTIFF tiles under ``folder/name`` plus a
    VRT mosaic of them (``folder/name.vrt``, sources relative to it)."""
    if size.tiles == 1:
        return _landcover(folder / f"{name}.tif", size, patches, (seed,))
    (folder / name).mkdir(exist_ok=True)
    step = -(-size.landcover_px // size.tiles)
    tiles = [_landcover(folder / name / f"{name}_r{i}c{j}.tif", size, patches, (seed, i, j),
                        (i * step, j * step, step, step))
             for i in range(size.tiles) for j in range(size.tiles)]
    vrt = str(folder / f"{name}.vrt")
    gdal.BuildVRT(vrt, tiles).FlushCache()  # written to disk when flushed (or collected)
    return vrt


def _landcover(path: Path, size: Size, patches: np.ndarray, key: tuple[int, ...],
               window: tuple[int, int, int, int] | None = None) -> str:
    """Patches upsampled to the land-cover pixel, with per-pixel noise (drawn per block of rows from ``key``)
    and a nodata triangle top-left of the area; ``window`` (row and column offset, rows, columns; clipped to the
    area) writes one tile of it. Generated block by block: memory stays flat."""
    n = size.landcover_px
    row_off, col_off, height, width = window or (0, 0, n, n)
    height, width = min(height, n - row_off), min(width, n - col_off)
    ds = _create(path, width, height, size.landcover_m, gdal.GDT_Byte, 0, (row_off, col_off))
    band = ds.GetRasterBand(1)
    cols = col_off + np.arange(width)
    columns = _patch_index(cols, size, patches.shape[1])
    for row0 in range(0, height, BLOCK_ROWS):
        rows = row_off + np.arange(row0, min(height, row0 + BLOCK_ROWS))
        block = patches[_patch_index(rows, size, patches.shape[0])[:, None], columns[None, :]]
        rng = np.random.default_rng([*key, row0])
        noisy = rng.random(block.shape) < NOISE
        block[noisy] = rng.choice(CLASSES, size=int(noisy.sum()), p=SHARES)
        block[cols[None, :] < n // 10 - rows[:, None]] = 0
        band.WriteArray(block, 0, int(row0))
        ds.FlushCache()  # compress and drop the written blocks now: GDAL's cache would hold up to 5 % of the RAM
    ds = None
    return str(path)


def _patch_index(pixels: np.ndarray, size: Size, count: int) -> np.ndarray:
    """The land-cover patch holding each pixel (row or column)."""
    return np.minimum((pixels * size.landcover_m // PATCH_M).astype(np.int64), count - 1)


def _population(path: Path, size: Size, seed: int, growth: float) -> str:
    """People per 100 m cell: lognormal, nodata (-9999) top-left like the land cover."""
    n = round(size.side_m / 100.0)
    ds = _create(path, n, n, 100.0, gdal.GDT_Float32, -9999.0)
    rng = np.random.default_rng(seed)
    people = (rng.lognormal(1.5, 1.2, size=(n, n)) * growth).astype(np.float32)
    people[np.add.outer(np.arange(n), np.arange(n)) < n // 10] = -9999.0
    ds.GetRasterBand(1).WriteArray(people)
    ds = None
    return str(path)


def _pm25(path: Path, size: Size) -> str:
    """Annual mean PM2.5 (µg/m³) on a 1 km grid covering the area."""
    n = int(np.ceil(size.side_m / 1000.0))
    ds = _create(path, n, n, 1000.0, gdal.GDT_Float32, -9999.0)
    x = np.linspace(0.0, 1.0, n)
    ds.GetRasterBand(1).WriteArray((20.0 + 30.0 * np.add.outer(x, x) / 2.0).astype(np.float32))
    ds = None
    return str(path)


def _zones(path: Path, size: Size, rng: np.random.Generator) -> str:
    """Voronoi cells of jittered grid seeds, clipped to the area, with zone_id, name and pop_total."""
    nx = max(1, round(np.sqrt(size.zones)))
    ny = int(np.ceil(size.zones / nx))
    cell_x, cell_y = size.side_m / nx, size.side_m / ny
    seeds = np.array([((i + 0.5 + rng.uniform(-0.35, 0.35)) * cell_x, (j + 0.5 + rng.uniform(-0.35, 0.35)) * cell_y)
                      for j in range(ny) for i in range(nx)])[:size.zones]
    box = [(0.0, 0.0), (size.side_m, 0.0), (size.side_m, size.side_m), (0.0, size.side_m)]
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    layer = ds.CreateLayer("zones", _srs(), ogr.wkbPolygon)
    for name, kind in (("label", ogr.OFTInteger), ("zone_id", ogr.OFTString), ("name", ogr.OFTString),
                       ("pop_total", ogr.OFTReal)):
        layer.CreateField(ogr.FieldDefn(name, kind))
    layer.StartTransaction()
    for index, seed in enumerate(seeds):
        near = np.flatnonzero(np.abs(seeds - seed).max(axis=1) < 3 * max(cell_x, cell_y))
        polygon = box
        for other in seeds[near]:
            if not np.array_equal(other, seed):
                polygon = _clip(polygon, seed, other)
        ring = ogr.Geometry(ogr.wkbLinearRing)
        for x, y in [*polygon, polygon[0]]:
            ring.AddPoint_2D(ORIGIN[0] + x, ORIGIN[1] - size.side_m + y)
        geometry = ogr.Geometry(ogr.wkbPolygon)
        geometry.AddGeometry(ring)
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetField("label", index + 1)
        feature.SetField("zone_id", f"Z{index + 1:05d}")
        feature.SetField("name", f"Zone {index + 1}")
        feature.SetField("pop_total", float(round(rng.uniform(5_000, 50_000))))
        feature.SetGeometry(geometry)
        layer.CreateFeature(feature)
    layer.CommitTransaction()
    ds = None
    return str(path)


def _clip(polygon: list[tuple[float, float]], seed: np.ndarray, other: np.ndarray) -> list[tuple[float, float]]:
    """Sutherland-Hodgman: the part of a convex polygon closer to ``seed`` than to ``other``."""
    normal = other - seed
    offset = float(normal @ (seed + other) / 2.0)

    def inside(p):
        return normal[0] * p[0] + normal[1] * p[1] <= offset

    out = []
    for a, b in zip(polygon, polygon[1:] + polygon[:1]):
        if inside(a):
            out.append(a)
        if inside(a) != inside(b):
            da = normal[0] * a[0] + normal[1] * a[1] - offset
            db = normal[0] * b[0] + normal[1] * b[1] - offset
            t = da / (da - db)
            out.append((a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])))
    return out


def _stops(path: Path, size: Size, rng: np.random.Generator) -> str:
    """Uniformly placed stops; ``capacity`` is 'high' for 10 % of them, else 'low'."""
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    layer = ds.CreateLayer("stops", _srs(), ogr.wkbPoint)
    layer.CreateField(ogr.FieldDefn("capacity", ogr.OFTString))
    xy = rng.uniform(0.0, size.side_m, size=(size.stops, 2))
    high = rng.random(size.stops) < 0.1
    layer.StartTransaction()
    for (x, y), is_high in zip(xy, high):
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetField("capacity", "high" if is_high else "low")
        point = ogr.Geometry(ogr.wkbPoint)
        point.AddPoint_2D(ORIGIN[0] + x, ORIGIN[1] - y)
        feature.SetGeometry(point)
        layer.CreateFeature(feature)
    layer.CommitTransaction()
    ds = None
    return str(path)
