"""The example models in models/: they load, are valid, and run by path with qgis_process on small fixtures."""
from __future__ import annotations

import json
import subprocess
from pathlib import Path

import numpy as np
import pytest
from access_data import points
from sdg_monitor.core.store import ResultsStore
from sdg_testdata import write_raster

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

    assert [m.stem for m in MODELS] == ["forest_area_progress", "transit_access_progress"]
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
    results = run_model(MODELS[1], profile, POPULATION_2015=population(10.0, "pop2015.tif"),
                        POPULATION_2020=population(30.0, "pop2020.tif"), STOPS=stops,
                        RESULTS=store)
    assert results["transit_2015:Transit access 2015 (percent)"] == pytest.approx(75.0)
    assert results["transit_2020:Transit access 2020 (percent)"] == pytest.approx(50.0)
    progress = ResultsStore(str(store)).read("sdg_progress", method="open_sdg")
    row = progress[(progress["indicator"] == "11.2.1") & (progress["series"] == "")].iloc[0]
    assert (row["base_value"], row["current_value"]) == pytest.approx((75.0, 50.0))
    assert row["status"] == "deterioration"
