"""The example models in models/: they load, are valid, and run by path with qgis_process on small fixtures."""
from __future__ import annotations

import json
import subprocess
from pathlib import Path

import numpy as np
import pytest
from access_data import points
from osgeo import gdal
from sdg_monitor.core.store import ResultsStore
from sdg_testdata import write_polygons, write_raster

ROOT = Path(__file__).resolve().parents[2]
WRAPPER = ROOT / "scripts" / "qgis_process.sh"
MODELS = sorted((ROOT / "models").glob("*.model3"))
ORIGIN = (500000.0, 3370000.0)


def run_model(model: Path, profile: Path, **parameters) -> dict:
    env = {"PATH": "/usr/bin:/bin", "SDG_QGIS_CONFIG": str(profile), "HOME": str(profile)}
    arguments = [f"{name}={value}" for name, value in parameters.items()]
    done = subprocess.run([str(WRAPPER), "--json", "run", str(model), "--", *arguments], capture_output=True,
                          text=True, env=env, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:] + done.stdout[-3000:]
    return json.loads(done.stdout[done.stdout.index("{"):])["results"]


@pytest.fixture(scope="module")
def profile(tmp_path_factory):
    return tmp_path_factory.mktemp("qgis-profile")


def test_models_load_and_are_valid(sdg_provider):
    from qgis.core import QgsProcessingModelAlgorithm

    assert [m.stem for m in MODELS] == ["forest_area_progress", "land_degradation_15_3_1", "transit_access_progress"]
    for path in MODELS:
        model = QgsProcessingModelAlgorithm()
        assert model.fromFile(str(path)), path
        valid, errors = model.validate()
        assert valid, (path, errors)
        assert "sdg:assess_progress" in {child.algorithmId() for child in model.childAlgorithms().values()}


def test_forest_area_model(profile, tmp_path):
    def landcover(forest_columns: int, name: str) -> Path:
        array = np.full((20, 30), 10, dtype=np.uint8)  # cropland
        array[:, :forest_columns] = 20
        array[:, 12:17] = 60  # 100 water pixels
        array[:, 29] = 0  # nodata
        return write_raster(tmp_path / name, array, 4549, ORIGIN, 10.0, nodata=0)

    store = tmp_path / "results.gpkg"
    results = run_model(MODELS[0], profile, LANDCOVER_2015=landcover(10, "lc2015.tif"),
                        LANDCOVER_2020=landcover(12, "lc2020.tif"), FOREST_CLASSES="20", WATER_CLASSES="60",
                        RESULTS=store)
    # land = 580 valid - 100 water = 480 pixels; forest 200 then 240 (equal 10 m pixels, ratio of counts)
    assert results["forest_2015:Forest area 2015 (percent)"] == pytest.approx(100 * 200 / 480, rel=1e-6)
    assert results["forest_2020:Forest area 2020 (percent)"] == pytest.approx(50.0, rel=1e-6)
    progress = ResultsStore(str(store)).read("sdg_progress", method="open_sdg")
    row = progress[progress["indicator"] == "15.1.1"].iloc[0]
    assert (row["base_year"], row["current_year"]) == (2015, 2020)
    assert row["current_value"] == pytest.approx(50.0, rel=1e-6)
    assert results["progress:Indicators measured"] == 1


def test_transit_access_model(profile, tmp_path):
    def population(far: float, name: str) -> Path:
        array = np.zeros((30, 30), dtype=np.float32)
        array[1, 2] = 30.0  # 100 m from the stop
        array[25, 25] = far  # about 3.4 km away
        return write_raster(tmp_path / name, array, 4549, ORIGIN, 100.0, nodata=-1)

    stops = points(tmp_path / "stops.gpkg", "stops", 4549, [(ORIGIN[0] + 150.0, ORIGIN[1] - 150.0)])
    store = tmp_path / "results.gpkg"
    results = run_model(MODELS[2], profile, POPULATION_2015=population(10.0, "pop2015.tif"),
                        POPULATION_2020=population(30.0, "pop2020.tif"), STOPS=stops,
                        RESULTS=store)
    assert results["transit_2015:Transit access 2015 (percent)"] == pytest.approx(75.0)
    assert results["transit_2020:Transit access 2020 (percent)"] == pytest.approx(50.0)
    progress = ResultsStore(str(store)).read("sdg_progress", method="open_sdg")
    row = progress[(progress["indicator"] == "11.2.1") & (progress["series"] == "")].iloc[0]
    assert (row["base_value"], row["current_value"]) == pytest.approx((75.0, 50.0))
    assert row["status"] == "deterioration"


def test_land_degradation_model(profile, tmp_path):
    """NDVI, land cover and SOC to 15.3.1 for the area and each zone in one run (2 × 4 pixels of 1 km).

    Column 0 falls steeply (productivity declining), the others are flat; column 3 goes from forest to
    cultivated land (land cover degraded; SOC 1 + (0.69 - 1) × 10/20 = -15.5 %: degraded). Degraded: 4 of 8."""
    def raster(name, array, dtype, nodata):
        return write_raster(tmp_path / name, array, 4549, ORIGIN, 1000.0, nodata=nodata, dtype=dtype)

    years = np.arange(16, dtype=np.float32)[:, None, None]
    ndvi = np.broadcast_to(np.array([[0.7, 0.6, 0.6, 0.6]] * 2, dtype=np.float32), (16, 2, 4)).copy()
    ndvi[:, :, 0] -= 0.02 * years[:, :, 0]
    ndvi += 0.01 * ((years * 7) % 3 - 1)  # the same wiggle everywhere: the flat columns stay stable
    start = np.array([[20, 20, 20, 20]] * 2, dtype=np.uint8)
    end = np.array([[20, 20, 20, 10]] * 2, dtype=np.uint8)
    zones = tmp_path / "zones.gpkg"
    x0, y0 = ORIGIN
    write_polygons(zones, "zones", 4549, [
        f"POLYGON(({x0} {y0},{x0 + 2000} {y0},{x0 + 2000} {y0 - 2000},{x0} {y0 - 2000},{x0} {y0}))",
        f"POLYGON(({x0 + 2000} {y0},{x0 + 4000} {y0},{x0 + 4000} {y0 - 2000},{x0 + 2000} {y0 - 2000},"
        f"{x0 + 2000} {y0}))"], [{"code": "W"}, {"code": "E"}])
    store = tmp_path / "results.gpkg"
    results = run_model(MODELS[1], profile, NDVI=raster("ndvi.tif", ndvi, gdal.GDT_Float32, -9999),
                        FIRST_YEAR=2005, BASELINE_START=2005, BASELINE_END=2017, REPORT_START=2018,
                        REPORT_END=2020, LANDCOVER_START=raster("lc0.tif", start, gdal.GDT_Byte, 0),
                        LANDCOVER_END=raster("lc1.tif", end, gdal.GDT_Byte, 0), YEAR_START=2010,
                        SOC_START=raster("soc.tif", np.full((2, 4), 50, dtype=np.float32), gdal.GDT_Float32, -1),
                        ZONES=f"{zones}|layername=zones", ZONE_ID_FIELD="code", RESULTS=store)
    assert results["productivity:Land with declining productivity (percent)"] == pytest.approx(25.0)
    assert results["soil_carbon:Land losing soil organic carbon (percent)"] == pytest.approx(25.0)
    assert results["degradation:Land degraded (percent)"] == pytest.approx(50.0)
    rows = ResultsStore(str(store)).read_results(indicator="15.3.1")
    main = rows[rows["series"] == ""].set_index("area_id")["value"]
    assert main.to_dict() == pytest.approx({"total": 50.0, "W": 50.0, "E": 50.0})
