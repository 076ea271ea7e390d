"""A small county scene for the bad-input tests, written with GDAL/OGR, and a minimal run of every indicator
algorithm on it (so a test can change one input and run them all)."""
from __future__ import annotations

from pathlib import Path
from typing import Callable

import numpy as np
from access_data import lines, write_features
from land_data import reproject
from osgeo import gdal, ogr
from sdg_testdata import write_layer, write_polygons, write_raster

EPSG = 4549  # CGCS2000 / 3-degree Gauss-Kruger CM 120E: planar metres are true metres on the central meridian
X0, Y0, PIXEL = 500000.0, 3370000.0, 100.0  # top-left corner of a 4 x 6 grid of 100 m pixels
# GlobeLand30-like classes: 20 forest, 60 water, 10 cropland, 80 artificial; 0 nodata (bottom-left pixel).
LANDCOVER = np.array([[20, 20, 60, 10, 20, 80],
                      [20, 10, 60, 10, 20, 80],
                      [20, 10, 60, 10, 10, 80],
                      [0, 20, 10, 10, 20, 80]], dtype=np.uint8)
POPULATION = np.arange(1, 25, dtype=np.float32).reshape(4, 6)
CONCENTRATION = (10 + np.arange(24, dtype=np.float32)).reshape(4, 6)


def box(x0: float, y0: float, x1: float, y1: float) -> str:
    """A rectangle in metres relative to the grid's top-left corner (y grows north)."""
    a, b, c, d = X0 + x0, Y0 + y0, X0 + x1, Y0 + y1
    return f"POLYGON(({a} {b},{c} {b},{c} {d},{a} {d},{a} {b}))"


#: West zone: columns 0-2; east zone: columns 3-5 (both reach 10 m past the grid).
ZONES = [box(-10, -410, 300, 10), box(300, -410, 610, 10)]
ZONE_ROWS = [{"code": "W", "name": "west", "pop10": 600, "pop20": 660},
             {"code": "E", "name": "east", "pop10": 400, "pop20": 440}]


class Scene:
    """The scene's files in ``folder``: rasters (GeoTIFF) and vector layers (one GeoPackage)."""

    def __init__(self, folder: Path, epsg: int = EPSG) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.folder = folder
        self.epsg = epsg
        self.vectors = folder / "vectors.gpkg"

        def raster(name: str, array: np.ndarray, nodata: float | None, dtype: int = gdal.GDT_Byte) -> str:
            return str(write_raster(folder / f"{name}.tif", array, EPSG, (X0, Y0), PIXEL, nodata, dtype))

        self.landcover = raster("landcover", LANDCOVER, 0)
        self.population = raster("population", POPULATION, -1, gdal.GDT_Float32)
        self.concentration = raster("pm25", CONCENTRATION, None, gdal.GDT_Float32)
        self.dem = raster("dem", np.full((4, 6), 3000, dtype=np.float32), None, gdal.GDT_Float32)
        built = np.where(LANDCOVER == 80, 1, 2).astype(np.uint8)
        self.builtup_start = raster("built2010", built, 0)
        built[:, 3] = 1
        self.builtup_end = raster("built2020", built, 0)
        self.water_2020 = raster("water2020", np.where(LANDCOVER == 10, 60, LANDCOVER).astype(np.uint8), 0)
        # One out, all out: degraded where productivity is -1 (column 1) or land cover is -1 (cell (0, 4)).
        states = [np.zeros((4, 6), dtype=np.int16) for _ in range(3)]
        states[0][0, 4], states[1][:, 1], states[2][:, 5] = -1, -1, 1
        self.states = [raster(name, state, -32768, gdal.GDT_Int16)
                       for state, name in zip(states, ("lc_state", "productivity", "soc_state"))]
        self.zones = self.polygons("zones", ZONES, ZONE_ROWS)
        self.kbas = self.polygons("kbas", [box(0, -200, 200, 0), box(300, -400, 500, -200)],
                                  [{"kba": "K1"}, {"kba": "K2"}])
        self.protected = self.polygons("protected", [box(0, -200, 100, 0)], [{"wdpa": 1}])
        self.builtup = self.polygons("builtup", [box(0, -400, 600, 0)], [{"kind": "urban"}])
        self.parks = self.polygons("parks", [box(100, -300, 200, -100)], [{"kind": "park"}])
        self.stops = self.points("stops", [(150, -150), (450, -250)], [{"kind": "bus"}, {"kind": "high"}])
        self.facilities = self.points("facilities", [(150, -150), (550, -350)], [{"kind": "clinic"},
                                                                                  {"kind": "school"}])
        xy = [(X0 - 50, Y0 - 250), (X0 + 650, Y0 - 250)]
        self.roads = lines(self.vectors, "roads", epsg, [self._moved(xy)], [{"surface": "paved"}])

    def _moved(self, xy: list[tuple[float, float]]) -> list[tuple[float, float]]:
        if self.epsg == EPSG:
            return xy
        wkt = reproject(["LINESTRING(" + ",".join(f"{x} {y}" for x, y in xy) + ")"], EPSG, self.epsg)[0]
        return [(x, y) for x, y, *_ in ogr.CreateGeometryFromWkt(wkt).GetPoints()]

    def polygons(self, name: str, wkts: list[str], rows: list[dict]) -> str:
        """A polygon layer of the scene's GeoPackage (in the scene's CRS); returns its QGIS uri."""
        if self.epsg != EPSG:
            wkts = reproject(wkts, EPSG, self.epsg)
        write_polygons(self.vectors, name, self.epsg, wkts, rows)
        return f"{self.vectors}|layername={name}"

    def points(self, name: str, xy: list[tuple[float, float]], rows: list[dict]) -> str:
        wkts = [f"POINT({X0 + x} {Y0 + y})" for x, y in xy]
        if self.epsg != EPSG:
            wkts = reproject(wkts, EPSG, self.epsg)
        return write_features(self.vectors, name, self.epsg, ogr.wkbPoint, wkts, rows)


def _runs() -> dict[str, Callable[[Scene], dict]]:
    """Minimal parameters of every indicator algorithm that takes ZONES, on a scene."""
    def out(s: Scene, name: str) -> str:
        return str(s.folder / name)

    return {
        "forest_area_15_1_1": lambda s: {"LANDCOVER": s.landcover, "FOREST_CLASSES": "20", "WATER_CLASSES": "60"},
        "land_consumption_11_3_1": lambda s: {
            "BUILTUP_START": s.builtup_start, "BUILTUP_END": s.builtup_end, "POPULATION_START": 1000,
            "POPULATION_END": 1100, "YEAR_START": 2010, "YEAR_END": 2020},
        "protected_kba_15_1_2": lambda s: {"KBAS": s.kbas, "KBA_ID_FIELD": "kba", "PROTECTED_AREAS": s.protected,
                                           "KBA_OUTPUT": "memory:"},
        "mountain_green_cover_15_4_2": lambda s: {"DEM": s.dem, "LANDCOVER": s.landcover,
                                                  "MOUNTAIN_CLASSES": out(s, "mountain.tif")},
        "land_degradation_15_3_1": lambda s: {"LANDCOVER_STATE": s.states[0], "PRODUCTIVITY": s.states[1],
                                              "SOC_STATE": s.states[2], "DEGRADATION": out(s, "ld.tif")},
        "water_extent_change_6_6_1": lambda s: {"WATER_RASTERS": [s.landcover, s.water_2020],
                                                "YEARS": "2000,2020", "WATER_CLASSES": "60"},
        "pm25_exposure_11_6_2": lambda s: {"CONCENTRATION": s.concentration, "POPULATION": s.population},
        "transit_access_11_2_1": lambda s: {"POPULATION": s.population, "STOPS": s.stops, "LOW_DISTANCE": 120,
                                            "HIGH_DISTANCE": 160, "CAPACITY_FIELD": "kind"},
        "rural_access_9_1_1": lambda s: {"POPULATION": s.population, "ROADS": s.roads, "DISTANCE": 120},
        "open_space_11_7_1": lambda s: {"BUILTUP": s.builtup, "OPEN_SPACE": s.parks},
        "facility_access": lambda s: {"POPULATION": s.population, "FACILITIES": s.facilities, "DISTANCE": 120},
    }


RUNS = _runs()
#: Which parameter of each algorithm holds a raster (None: the algorithm reads vectors only).
MAIN_RASTER = {"forest_area_15_1_1": "LANDCOVER", "land_consumption_11_3_1": "BUILTUP_END",
               "mountain_green_cover_15_4_2": "DEM", "land_degradation_15_3_1": "PRODUCTIVITY",
               "pm25_exposure_11_6_2": "CONCENTRATION", "transit_access_11_2_1": "POPULATION",
               "rural_access_9_1_1": "POPULATION", "facility_access": "POPULATION",
               "water_extent_change_6_6_1": "WATER_RASTERS", "protected_kba_15_1_2": None,
               "open_space_11_7_1": None}
#: Which parameter of each algorithm holds a vector layer of its own (besides ZONES).
MAIN_VECTOR = {"protected_kba_15_1_2": "KBAS", "open_space_11_7_1": "OPEN_SPACE", "transit_access_11_2_1": "STOPS",
               "rural_access_9_1_1": "ROADS", "facility_access": "FACILITIES"}


def parameters(algorithm: str, scene: Scene, zones: str | None = "scene", **extra) -> dict:
    """The algorithm's minimal parameters on ``scene``, with the scene's zones (or ``zones``) by code (and their
    population fields for 11.3.1)."""
    params = {"YEAR": 2020, "OUTPUT": "memory:", **RUNS[algorithm](scene)}
    if zones is not None:
        params.update(ZONES=scene.zones if zones == "scene" else zones, ZONE_ID_FIELD="code")
        if algorithm == "land_consumption_11_3_1":
            params.update(POPULATION_START_FIELD="pop10", POPULATION_END_FIELD="pop20")
    params.update(extra)
    return params


def values_by_zone(result: dict, field: str = "code") -> dict:
    """``value`` of each OUTPUT feature by zone id."""
    return {f[field]: number(f["value"]) for f in result["OUTPUT"].getFeatures()}


def number(value) -> float | None:
    """A field value as a float, None for NULL or NaN."""
    return float(value) if isinstance(value, (int, float)) and value == value else None


def without_crs(path: str, folder: Path, name: str) -> str:
    """A copy of a raster with its CRS removed (GeoTIFF)."""
    source = gdal.Open(path)
    band = source.GetRasterBand(1)
    target = gdal.GetDriverByName("GTiff").Create(str(folder / name), source.RasterXSize, source.RasterYSize, 1,
                                                  band.DataType)
    target.SetGeoTransform(source.GetGeoTransform())
    if band.GetNoDataValue() is not None:
        target.GetRasterBand(1).SetNoDataValue(band.GetNoDataValue())
    target.GetRasterBand(1).WriteArray(band.ReadAsArray())
    target = None
    return str(folder / name)


def vector_without_crs(folder: Path, name: str, wkts: list[str], rows: list[dict],
                       geometry_type: int = ogr.wkbPolygon) -> str:
    """A shapefile without a .prj (no CRS)."""
    return str(write_layer(folder / f"{name}.shp", name, None, geometry_type, wkts, rows, "ESRI Shapefile"))


def digests(*paths: str | Path) -> dict[str, str]:
    """SHA-256 of each file (a ``path|layername=...`` uri counts as its file): to check that inputs and stores are
    byte-identical after a run."""
    import hashlib

    files = {Path(str(path).split("|")[0]) for path in paths}
    return {str(file): hashlib.sha256(file.read_bytes()).hexdigest() for file in sorted(files)}


def refused(algorithm: str, params: dict) -> str:
    """The message of a run that must be refused (a QgsProcessingException, never another exception)."""
    import pytest
    from qgis.core import QgsProcessingException

    import processing

    with pytest.raises(QgsProcessingException) as caught:
        processing.run(algorithm, params)
    return str(caught.value)
