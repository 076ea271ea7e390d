"""sdg:run_indicator_set: every indicator of a config, one broken one reported while the others complete."""
from __future__ import annotations

import json

import numpy as np
import pytest
from sdg_monitor.core.store import ResultsStore
from sdg_testdata import write_polygons, write_raster


@pytest.fixture()
def config(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    for year, forest_columns in ((2015, 10), (2020, 12)):
        array = np.full((20, 30), 10, dtype=np.uint8)
        array[:, :forest_columns] = 20
        write_raster(data / f"lc_{year}.tif", array, 4549, (500000.0, 3370000.0), 10.0, nodata=0)
    write_polygons(data / "zones.gpkg", "towns", 4549, [
        "POLYGON((500000 3370000,500150 3370000,500150 3369800,500000 3369800,500000 3370000))",
        "POLYGON((500150 3370000,500300 3370000,500300 3369800,500150 3369800,500150 3370000))"],
        [{"code": "T1", "name": "一"}, {"code": "T2", "name": "二"}])
    (tmp_path / "targets.csv").write_text("indicator,target,target_year,direction,source\n"
                                          "15.1.1,45,2030,increase,test\n", encoding="utf-8")
    config = {
        "name": "test county", "results": "out/results.gpkg", "area": {"id": "C1", "name": "县"},
        "zones": {"path": "data/zones.gpkg|layername=towns", "id_field": "code", "name_field": "name",
                  "level": "township"},
        "targets": "targets.csv",
        "indicators": [
            {"id": f"forest-{year}", "algorithm": "sdg:forest_area_15_1_1", "year": year,
             "parameters": {"LANDCOVER": f"data/lc_{year}.tif", "FOREST_CLASSES": "20"}} for year in (2015, 2020)
        ] + [{"id": "broken", "algorithm": "sdg:forest_area_15_1_1", "year": 2021,
              "parameters": {"LANDCOVER": "data/missing.tif"}},
             {"id": "unknown", "algorithm": "sdg:no_such_thing", "year": 2021}],
    }
    path = tmp_path / "set.json"
    path.write_text(json.dumps(config), encoding="utf-8")
    return path


def test_broken_indicator_is_reported_and_the_rest_complete(run_algorithm, config):
    result = run_algorithm("sdg:run_indicator_set", {"CONFIG": str(config), "OUTPUT": "memory:"})
    assert (result["COMPUTED"], result["FAILED"]) == (2, 2)
    summary = {f["id"]: f for f in result["OUTPUT"].getFeatures()}
    assert summary["forest-2015"]["status"] == "ok"
    assert summary["forest-2015"]["value"] == pytest.approx(100 * 10 / 30)
    assert summary["broken"]["status"] == "failed" and summary["unknown"]["status"] == "failed"
    assert "no_such_thing" in summary["unknown"]["message"]

    store = ResultsStore(config.parent / "out" / "results.gpkg")
    rows = store.read_results(indicator="15.1.1")
    assert sorted(set(rows["area_id"])) == ["C1", "T1", "T2"] and sorted(set(rows["year"])) == [2015, 2020]
    assert set(rows[rows["area_id"] == "T1"]["area_level"]) == {"township"}
    assert store.read_targets()["target"].tolist() == [45.0]
    progress = store.read("sdg_progress").set_index("area_id")
    # C1: 33.3 % -> 40 % (2015-2020), target 45 % increasing: growth 3.71 %/yr against 2.02 % required.
    assert progress.loc["C1", "status"] == "substantial_progress"
    assert (result["MEASURED"], result["WITH_TARGET"], result["MET_OR_NEARLY_MET"]) == (1, 1, 1)
