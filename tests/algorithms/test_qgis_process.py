"""qgis_process end to end: the documented wrapper lists, documents and runs the algorithm from this checkout."""
from __future__ import annotations

import json
import subprocess
from pathlib import Path

import numpy as np
import pytest
from sdg_testdata import write_raster

ROOT = Path(__file__).resolve().parents[2]
WRAPPER = ROOT / "scripts" / "qgis_process.sh"


def qgis_process(*args: str, config: Path) -> subprocess.CompletedProcess:
    env = {"PATH": "/usr/bin:/bin", "SDG_QGIS_CONFIG": str(config), "HOME": str(config)}
    return subprocess.run([str(WRAPPER), *args], capture_output=True, text=True, env=env, timeout=300)


@pytest.fixture(scope="module")
def config(tmp_path_factory):
    return tmp_path_factory.mktemp("qgis-profile")


def test_list_and_help(config):
    listing = qgis_process("list", config=config)
    assert listing.returncode == 0, listing.stderr
    assert "sdg:forest_area_15_1_1" in listing.stdout
    helped = qgis_process("help", "sdg:forest_area_15_1_1", config=config)
    assert helped.returncode == 0, helped.stderr
    assert "FOREST_CLASSES" in helped.stdout and "ZONE_ID_FIELD" in helped.stdout


def test_run_json(config, tmp_path):
    array = np.zeros((20, 30), dtype=np.uint8)
    array[:, :10] = 20   # 200 forest pixels
    array[:, 10:15] = 60  # 100 water pixels
    array[:, 15:29] = 10  # 280 cropland pixels; last column is nodata
    raster = write_raster(tmp_path / "lc path 土地.tif", array, 4549, (500000.0, 3370000.0), 10.0, nodata=0)
    store = tmp_path / "results.gpkg"
    done = qgis_process("--json", "run", "sdg:forest_area_15_1_1", "--", f"LANDCOVER={raster}",
                        "FOREST_CLASSES=20", "WATER_CLASSES=60", "YEAR=2021", f"RESULTS={store}",
                        f"OUTPUT={tmp_path / 'out.gpkg'}", config=config)
    assert done.returncode == 0, done.stderr + done.stdout
    result = json.loads(done.stdout[done.stdout.index("{"):])
    assert result["results"]["VALUE"] == pytest.approx(100 * 200 / 480)
    from sdg_monitor.core.store import ResultsStore

    rows = ResultsStore(str(store)).read_results()
    assert rows["value"].tolist() == pytest.approx([100 * 200 / 480])
    assert rows["year"].tolist() == [2021]


def test_package_installs_from_zip(config, tmp_path):
    """The zip holds compiled resources and translations, no tests; unzipped as a plugin folder it loads."""
    import zipfile

    built = subprocess.run(["/usr/bin/python3", str(ROOT / "scripts" / "package.py"), str(tmp_path)],
                           capture_output=True, text=True, check=True)
    archive = Path(built.stdout.strip())
    names = zipfile.ZipFile(archive).namelist()
    assert "sdg_monitor/resources_rc.py" in names and "sdg_monitor/i18n/sdg_monitor_zh_CN.qm" in names
    assert "sdg_monitor/metadata.txt" in names and "sdg_monitor/data/sdg/global_indicators.zh-Hans.yml" in names
    assert not [n for n in names if "/tests/" in n or "/bench/" in n or n.endswith(".pyc") or "node_modules" in n]
    assert {"sdg_monitor/vendor/chart.js/LICENSE.md", "sdg_monitor/vendor/leaflet/LICENSE",
            "sdg_monitor/web/portal.js"} <= set(names)  # the portal's libraries with their licences
    plugins = tmp_path / "plugins"
    zipfile.ZipFile(archive).extractall(plugins)
    from sdg_monitor.core.portal import vendor_files

    assert all(path.is_relative_to(plugins) for path in vendor_files(plugins / "sdg_monitor").values())
    env = {"PATH": "/usr/bin:/bin", "QGIS_PLUGINPATH": str(plugins), "QT_QPA_PLATFORM": "offscreen",
           "QGIS_CUSTOM_CONFIG_PATH": str(tmp_path / "profile"), "XDG_RUNTIME_DIR": str(config),
           "HOME": str(tmp_path)}
    subprocess.run(["/usr/bin/qgis_process.bin", "plugins", "enable", "sdg_monitor"], env=env, capture_output=True,
                   timeout=300)
    listing = subprocess.run(["/usr/bin/qgis_process.bin", "list"], env=env, capture_output=True, text=True,
                             timeout=300)
    assert "sdg:forest_area_15_1_1" in listing.stdout, listing.stderr


def test_assess_progress_runs_on_a_store(config, tmp_path):
    from sdg_monitor.core.store import ResultsStore

    store = ResultsStore(tmp_path / "store.gpkg")
    store.upsert_results([{"indicator": "3.1.1", "area_id": "total", "year": y, "value": v}
                          for y, v in ((2015, 100.0), (2022, 80.0))])
    store.upsert_targets([{"indicator": "3.1.1", "target": 70, "target_year": 2030, "direction": "decrease"}])
    done = qgis_process("--json", "run", "sdg:assess_progress", "--", f"RESULTS={store.path}",
                        f"OUTPUT={tmp_path / 'progress.csv'}", config=config)
    assert done.returncode == 0, done.stderr + done.stdout
    result = json.loads(done.stdout[done.stdout.index("{"):])["results"]
    assert (result["MEASURED"], result["WITH_TARGET"], result["MET_OR_NEARLY_MET"]) == (1, 1, 1)
    assert ResultsStore(store.path).read("sdg_progress")["status"].tolist() == ["substantial_progress"]
