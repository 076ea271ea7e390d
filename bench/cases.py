"""Benchmark cases: one indicator run by one engine (SDG Monitor, the QGIS native chain, the GDAL floor,
exactextract and, at nation size, the Dask scale-out backend) on one size's inputs. Each case runs in its own
process (see ``run.py --worker``)."""
from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path
from typing import Callable

from data import Inputs

ROOT = Path(__file__).resolve().parents[1]
OURS, FLOOR, NATIVE, EXACT, SCALE, DASK = "sdg", "floor", "native", "exactextract", "scale", "dask"
ENGINES = (OURS, FLOOR, NATIVE, EXACT, SCALE, DASK)
#: Workers of the local Dask cluster (one per core of the benchmark machine).
DASK_WORKERS = 2
INDICATORS = ("forest_area_15_1_1", "land_consumption_11_3_1", "pm25_exposure_11_6_2", "transit_access_11_2_1",
              "dasymetric_population")
#: What the QGIS native chain or exactextract cannot do for an indicator (the table prints the reason).
NOT_AVAILABLE = {
    ("pm25_exposure_11_6_2", NATIVE): "no native tool weights a zonal mean by population",
    ("transit_access_11_2_1", EXACT): "needs the buffer + dissolve + intersection of the native chain first",
    ("dasymetric_population", NATIVE): "no native dasymetric tool",
    ("dasymetric_population", EXACT): "no dasymetric operation",
    **{(indicator, engine): "not in the scale-out backend (15.1.1 and 11.3.1 are)"
       for indicator in ("pm25_exposure_11_6_2", "transit_access_11_2_1", "dasymetric_population")
       for engine in ("scale", "dask")},
}
#: What the 1 Gpx sizes do not run, and why: an indicator (left out with a note) or an engine (an "n/a" row).
LAND_COVER_ONLY = {indicator: "this size has one land-cover date and the zones only" for indicator in INDICATORS[1:]}
NOT_RUN = {
    "tile1g": LAND_COVER_ONLY,
    "nation": LAND_COVER_ONLY | {
        NATIVE: "single-machine tool: measured on 1 Gpx at tile1g",
        EXACT: "single-machine tool: measured on 1 Gpx at tile1g"},
}
#: Engines only some sizes run (other sizes leave them out of their table).
ONLY_AT = {SCALE: ("province", "tile1g", "nation"), DASK: ("province", "tile1g", "nation")}


def not_run(size: str, indicator: str, engine: str = "") -> str:
    """Why ``size`` does not run ``indicator`` (by ``engine``), or "" when it does."""
    reasons = NOT_RUN.get(size, {})
    return reasons.get(indicator) or reasons.get(engine, "") or NOT_AVAILABLE.get((indicator, engine), "")


def available_indicators() -> list[str]:
    """The indicators whose module exists in processing/ right now."""
    modules = {"forest_area_15_1_1": "forest_area", "land_consumption_11_3_1": "land_consumption",
               "pm25_exposure_11_6_2": "pm25_exposure", "transit_access_11_2_1": "transit_access",
               "dasymetric_population": "dasymetric_population"}
    return [name for name in INDICATORS if (ROOT / "processing" / f"{modules[name]}.py").exists()]


def input_rasters(indicator: str, inputs: Inputs) -> list[str]:
    """The rasters an indicator reads (for Mpx/s and the floor)."""
    return {
        "forest_area_15_1_1": [inputs.landcover_2020],
        "land_consumption_11_3_1": [inputs.landcover_2015, inputs.landcover_2020, inputs.population_2015,
                                    inputs.population_2020],
        "pm25_exposure_11_6_2": [inputs.population_2020, inputs.pm25],
        "transit_access_11_2_1": [inputs.population_2020],
        "dasymetric_population": [inputs.landcover_2020],
    }[indicator]


def zone_grids(indicator: str, inputs: Inputs) -> list[str]:
    """The rasters on whose grids an indicator rasterizes the zones (the floor does the same)."""
    return {
        "forest_area_15_1_1": [inputs.landcover_2020],
        "land_consumption_11_3_1": [inputs.landcover_2020, inputs.population_2020],
        "pm25_exposure_11_6_2": [inputs.population_2020],
        "transit_access_11_2_1": [inputs.population_2020],
        "dasymetric_population": [inputs.population_2020],
    }[indicator]


def resampled_reads(indicator: str, inputs: Inputs) -> dict[str, str]:
    """Input rasters an indicator reads on another raster's grid (nearest neighbour): {raster: grid raster}."""
    return {"pm25_exposure_11_6_2": {inputs.pm25: inputs.population_2020}}.get(indicator, {})


#: The GeoTIFF creation options of the indicators' raster outputs (processing/dasymetric_population.py).
OUTPUT_OPTIONS = ["TILED=YES", "COMPRESS=DEFLATE", "PREDICTOR=3", "BIGTIFF=IF_SAFER", "NUM_THREADS=ALL_CPUS"]


def raster_outputs(indicator: str, inputs: Inputs) -> list[str]:
    """Rasters on whose grids an indicator writes a Float32 GeoTIFF (one per output)."""
    return {"dasymetric_population": [inputs.population_2020]}.get(indicator, [])


# --- SDG Monitor ----------------------------------------------------------------------------------------------
def init_qgis(code: str = "") -> None:
    """QgsApplication, Processing and the sdg provider, with the checkout (or the copy at ``code``) importable
    as ``sdg_monitor``."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    xdg = ROOT / ".build" / "xdg"
    xdg.mkdir(parents=True, exist_ok=True, mode=0o700)
    os.environ.setdefault("XDG_RUNTIME_DIR", str(xdg))
    for path in (str(_plugins(code)), "/usr/share/qgis/python/plugins"):
        if path not in sys.path:
            sys.path.insert(0, path)
    from qgis.core import QgsApplication

    application = QgsApplication([], False)
    application.initQgis()
    from processing.core.Processing import Processing

    Processing.initialize()
    from sdg_monitor.processing.provider import SdgProvider

    provider = SdgProvider()
    QgsApplication.processingRegistry().addProvider(provider)
    _KEEP.extend([application, provider])  # alive for the whole process (a collected provider breaks the registry)


_KEEP: list = []
#: The copy of the plugin a worker benchmarks ("" for this checkout; run.py --code), for every engine.
CODE = [""]


def _plugins(code: str) -> Path:
    """The folder holding ``sdg_monitor``: a link to this checkout, or to the copy at ``code``."""
    plugins = ROOT / ".build" / ("bench-plugins" if code else "plugins")
    plugins.mkdir(parents=True, exist_ok=True)
    link = plugins / "sdg_monitor"
    if code and link.is_symlink():
        link.unlink()
    if not link.exists():
        link.symlink_to(Path(code).resolve() if code else ROOT, target_is_directory=True)
    return plugins


def ours(indicator: str, inputs: Inputs, out: Path) -> Callable[[], object]:
    """The SDG Monitor algorithm through ``processing.run``."""
    import processing

    # YEAR given: the inputs' names hold 2015 and 2020, and a run refuses to guess between them
    zones = {"ZONES": inputs.zones, "ZONE_ID_FIELD": "zone_id", "OUTPUT": "memory:", "YEAR": 2020}
    parameters = {
        "forest_area_15_1_1": dict(zones, LANDCOVER=inputs.landcover_2020, FOREST_CLASSES="20",
                                   WATER_CLASSES="60"),
        "land_consumption_11_3_1": dict(zones, BUILTUP_START=inputs.landcover_2015,
                                        BUILTUP_END=inputs.landcover_2020, BUILTUP_CLASSES="80", YEAR_START=2015,
                                        YEAR_END=2020, POPULATION_START_RASTER=inputs.population_2015,
                                        POPULATION_END_RASTER=inputs.population_2020),
        "pm25_exposure_11_6_2": dict(zones, CONCENTRATION=inputs.pm25, POPULATION=inputs.population_2020),
        "transit_access_11_2_1": dict(zones, POPULATION=inputs.population_2020, STOPS=inputs.stops,
                                      CAPACITY_FIELD="capacity", HIGH_VALUES="high"),
        "dasymetric_population": {"ZONES": inputs.zones, "ZONE_ID_FIELD": "zone_id", "TOTAL_FIELDS": ["pop_total"],
                                  "LANDCOVER": inputs.landcover_2020, "CELL_SIZE": 100.0,
                                  "OUTPUT_FOLDER": str(out / "dasymetric")},
    }[indicator]
    return lambda: processing.run(f"sdg:{indicator}", parameters)


# --- QGIS native chain ----------------------------------------------------------------------------------------
def native(indicator: str, inputs: Inputs, out: Path) -> Callable[[], object]:
    """The chain of QGIS native algorithms a user would build for the same numbers."""
    from qgis.core import QgsProperty

    import processing

    def histogram(raster: str):
        return processing.run("native:zonalhistogram", {"INPUT_RASTER": raster, "RASTER_BAND": 1,
                                                        "INPUT_VECTOR": inputs.zones, "COLUMN_PREFIX": "h_",
                                                        "OUTPUT": "memory:"})

    def population_sum(vector, raster: str):
        return processing.run("native:zonalstatisticsfb", {"INPUT": vector, "INPUT_RASTER": raster,
                                                           "RASTER_BAND": 1, "COLUMN_PREFIX": "pop_",
                                                           "STATISTICS": [1], "OUTPUT": "memory:"})

    def transit():
        distance = QgsProperty.fromExpression("if(\"capacity\" = 'high', 1000, 500)")
        served = processing.run("native:buffer", {"INPUT": inputs.stops, "DISTANCE": distance, "SEGMENTS": 8,
                                                  "DISSOLVE": True, "OUTPUT": "memory:"})["OUTPUT"]
        pieces = processing.run("native:intersection", {"INPUT": inputs.zones, "OVERLAY": served,
                                                        "OUTPUT": "memory:"})["OUTPUT"]
        population_sum(pieces, inputs.population_2020)
        population_sum(inputs.zones, inputs.population_2020)

    chains = {
        "forest_area_15_1_1": lambda: histogram(inputs.landcover_2020),
        "land_consumption_11_3_1": lambda: [histogram(inputs.landcover_2015), histogram(inputs.landcover_2020),
                                            population_sum(inputs.zones, inputs.population_2015),
                                            population_sum(inputs.zones, inputs.population_2020)],
        "transit_access_11_2_1": transit,
    }
    return chains[indicator]


# --- plain GDAL floor -----------------------------------------------------------------------------------------
#: The floor burns the zones in row chunks of at most this many pixels (256 MB of UInt16): one chunk up to
#: province size, a few on a 1 Gpx grid.
FLOOR_CHUNK_PIXELS = 128_000_000


def floor(indicator: str, inputs: Inputs, out: Path) -> Callable[[], object]:
    """What any implementation must do, with GDAL (and a numpy gather) only: block reads of every input raster on
    the grid the indicator reads it on (nearest neighbour when that is another raster's grid), one rasterization
    of the zones per grid, and every output raster written with the indicator's GeoTIFF options (its values stand
    in for the output: a raster of the same grid, read before the clock starts). A VRT mosaic is read and
    rasterized tile by tile."""
    from osgeo import gdal

    def files(path: str) -> list[str]:
        dataset = gdal.Open(path)
        return dataset.GetFileList()[1:] if dataset.GetDriver().ShortName == "VRT" else [path]

    def strips(band) -> None:
        block_rows = band.GetBlockSize()[1]
        rows = max(block_rows, 4_000_000 // band.XSize // block_rows * block_rows)
        for row0 in range(0, band.YSize, rows):
            band.ReadAsArray(0, row0, band.XSize, min(rows, band.YSize - row0))

    def read(path: str) -> None:
        dataset = gdal.Open(path)  # keep a reference: a band outliving its dataset crashes
        like = resampled_reads(indicator, inputs).get(path)
        if like is None:
            strips(dataset.GetRasterBand(1))
        else:
            nearest_strips(dataset, gdal.Open(like))

    def nearest_strips(dataset, grid) -> None:
        """The source pixel holding each target pixel centre, strip by strip: a window read of the source rows a
        strip needs and a numpy gather (what GDAL's own warp or RasterIO resampling does several times slower)."""
        import numpy as np

        sx0, sdx, _, sy0, _, sdy = dataset.GetGeoTransform()
        x0, dx, _, y0, _, dy = grid.GetGeoTransform()
        cols = np.clip(((x0 + (np.arange(grid.RasterXSize) + 0.5) * dx - sx0) / sdx).astype(int), 0,
                       dataset.RasterXSize - 1)
        rows = max(1, 4_000_000 // grid.RasterXSize)
        for row0 in range(0, grid.RasterYSize, rows):
            centres = y0 + (np.arange(row0, min(row0 + rows, grid.RasterYSize)) + 0.5) * dy
            source = np.clip(((centres - sy0) / sdy).astype(int), 0, dataset.RasterYSize - 1)
            window = dataset.GetRasterBand(1).ReadAsArray(0, int(source[0]), dataset.RasterXSize,
                                                          int(source[-1] - source[0]) + 1)
            window[np.ix_(source - source[0], cols)]

    def rasterize(like: str) -> None:
        grid = gdal.Open(like)
        x0, dx, _, y0, _, dy = grid.GetGeoTransform()
        rows = max(1, FLOOR_CHUNK_PIXELS // grid.RasterXSize)
        for row0 in range(0, grid.RasterYSize, rows):
            target = gdal.GetDriverByName("MEM").Create("", grid.RasterXSize, min(rows, grid.RasterYSize - row0),
                                                        1, gdal.GDT_UInt16)
            target.SetGeoTransform((x0, dx, 0.0, y0 + row0 * dy, 0.0, dy))
            target.SetProjection(grid.GetProjection())
            gdal.Rasterize(target, inputs.zones, attribute="label")

    outputs = [(gdal.Open(like), gdal.Open(like).ReadAsArray()) for like in raster_outputs(indicator, inputs)]

    def write(position: int, like, values) -> None:
        target = gdal.GetDriverByName("GTiff").Create(str(out / f"floor_{position}.tif"), like.RasterXSize,
                                                      like.RasterYSize, 1, gdal.GDT_Float32, OUTPUT_OPTIONS)
        target.SetGeoTransform(like.GetGeoTransform())
        target.SetProjection(like.GetProjection())
        target.GetRasterBand(1).SetNoDataValue(-9999.0)
        target.GetRasterBand(1).WriteArray(values)
        target.FlushCache()

    def run() -> None:
        for like in zone_grids(indicator, inputs):
            for part in files(like):
                rasterize(part)
        for path in input_rasters(indicator, inputs):
            for part in files(path):
                read(part)
        for position, (like, values) in enumerate(outputs):
            write(position, like, values)

    return run


# --- exactextract ---------------------------------------------------------------------------------------------
def exact(indicator: str, inputs: Inputs, out: Path) -> Callable[[], object]:
    """exactextract (coverage-weighted, so it does a little more than the pixel-centre rule)."""
    from exactextract import exact_extract

    def classes(raster: str):
        return exact_extract(raster, inputs.zones, ["unique", "frac"], output="pandas")

    def population(raster: str):
        return exact_extract(raster, inputs.zones, ["sum"], output="pandas")

    runs = {
        "forest_area_15_1_1": lambda: classes(inputs.landcover_2020),
        "land_consumption_11_3_1": lambda: [classes(inputs.landcover_2015), classes(inputs.landcover_2020),
                                            population(inputs.population_2015), population(inputs.population_2020)],
        "pm25_exposure_11_6_2": lambda: exact_extract(inputs.pm25, inputs.zones, ["weighted_mean"],
                                                      weights=inputs.population_2020, output="pandas"),
    }
    return runs[indicator]


# --- the scale-out backend (package scale/) ----------------------------------------------------------------------
#: Peak memory (MB) of the Dask workers of the last run: the case's peak is the largest of them and its own.
WORKER_PEAKS_MB: list[float] = []
_CLUSTER: list = []


def scale(indicator: str, inputs: Inputs, out: Path) -> Callable[[], object]:
    """The scale-out backend in this process, on the tiles themselves (a VRT mosaic's tiles, not the mosaic)."""
    return _scale_run(indicator, inputs, client=None)


def dask(indicator: str, inputs: Inputs, out: Path) -> Callable[[], object]:
    """The scale-out backend on a local Dask cluster of ``DASK_WORKERS`` processes, started before the clock."""
    _plugin_importable()  # before the workers start: they inherit the path
    from sdg_monitor.scale.backend import local_client

    _CLUSTER[:] = [local_client(DASK_WORKERS)]  # kept open until the case's process exits
    client = _CLUSTER[0].__enter__()
    client.run(_import_scale)  # warm the workers' imports, as a running cluster would have them
    run = _scale_run(indicator, inputs, client)

    def measured() -> object:
        result = run()
        WORKER_PEAKS_MB[:] = list(client.run(status_mb, "VmHWM").values())
        return result

    return measured


def _scale_run(indicator: str, inputs: Inputs, client) -> Callable[[], object]:
    from osgeo import gdal

    _plugin_importable()
    from sdg_monitor.scale.indicators import forest_area, land_consumption

    def tiles(path: str) -> list[str]:
        mosaic = gdal.Open(path)
        return mosaic.GetFileList()[1:] if mosaic.GetDriver().ShortName == "VRT" else [path]

    if indicator == "forest_area_15_1_1":
        return lambda: forest_area(tiles(inputs.landcover_2020), inputs.zones, "zone_id", forest=(20,), water=(60,),
                                   client=client)
    if indicator == "land_consumption_11_3_1":
        return lambda: land_consumption(
            tiles(inputs.landcover_2015), tiles(inputs.landcover_2020), tiles(inputs.population_2015),
            tiles(inputs.population_2020), inputs.zones, 2015, 2020, "zone_id", builtup=(80,), client=client)
    raise ValueError(f"the scale-out backend has no {indicator}")


def _plugin_importable() -> None:
    """The checkout (or the copy run.py --code names) importable as ``sdg_monitor``, here and in workers."""
    plugins = str(_plugins(CODE[0]))
    if plugins not in sys.path:
        sys.path.insert(0, plugins)
    os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [plugins, os.environ.get("PYTHONPATH")]))


def _import_scale() -> None:
    import sdg_monitor.scale.indicators  # noqa: F401


def status_mb(key: str) -> float:
    """A memory figure of this process from /proc/self/status (``VmRSS``, ``VmHWM``), in MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(key + ":"):
            return int(line.split()[1]) / 1024.0
    return float("nan")


BUILDERS = {OURS: ours, NATIVE: native, FLOOR: floor, EXACT: exact, SCALE: scale, DASK: dask}


def out_folder(size: str) -> Path:
    """A scratch folder for a case's file outputs."""
    folder = ROOT / ".build" / "bench" / "out" / size
    folder.mkdir(parents=True, exist_ok=True)
    return Path(tempfile.mkdtemp(dir=folder))
