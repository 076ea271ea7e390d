"""sdg:run_indicator_set: every indicator of a config, one broken one reported while the others complete."""
from __future__ import annotations

import pytest
from sdg_monitor.core.store import ResultsStore
from sdg_testdata import write_forest_set


@pytest.fixture()
def config(tmp_path):
    return write_forest_set(tmp_path, broken=True)


def test_broken_indicator_is_reported_and_the_rest_complete(run_algorithm, config):
    result = run_algorithm("sdg:run_indicator_set", {"CONFIG": str(config), "OUTPUT": "memory:"})
    assert (result["COMPUTED"], result["FAILED"]) == (2, 1)
    summary = {f["id"]: f for f in result["OUTPUT"].getFeatures()}
    assert summary["forest-2015"]["status"] == "ok"
    assert summary["forest-2015"]["value"] == pytest.approx(100 * 10 / 30)
    assert summary["broken"]["status"] == "failed" and "missing.tif" in summary["broken"]["message"]

    store = ResultsStore(config.parent / "out" / "results.gpkg")
    rows = store.read_results(indicator="15.1.1")
    assert sorted(set(rows["area_id"])) == ["C1", "T1", "T2"] and sorted(set(rows["year"])) == [2015, 2020]
    assert set(rows[rows["area_id"] == "T1"]["area_level"]) == {"township"}
    assert store.read_targets()["target"].tolist() == [45.0]
    progress = store.read("sdg_progress").set_index("area_id")
    # C1: 33.3 % -> 40 % (2015-2020), target 45 % increasing: growth 3.71 %/yr against 2.02 % required.
    assert progress.loc["C1", "status"] == "substantial_progress"
    assert (result["MEASURED"], result["WITH_TARGET"], result["MET_OR_NEARLY_MET"]) == (1, 1, 1)


def test_portal_output_of_a_config(run_algorithm, tmp_path):
    import csv
    import json

    config = write_forest_set(tmp_path)
    data = json.loads(config.read_text(encoding="utf-8"))
    data["portal"] = {"path": "out/portal", "title": "Test county portal", "language": 1}
    config.write_text(json.dumps(data), encoding="utf-8")
    result = run_algorithm("sdg:run_indicator_set", {"CONFIG": str(config), "OUTPUT": "memory:"})
    portal = tmp_path / "out" / "portal"
    assert result["PORTAL"] == str(portal)
    assert "Test county portal" in (portal / "index.html").read_text(encoding="utf-8")
    assert not (portal / "index.zh.html").exists()  # English only
    with open(portal / "data" / "indicator_15-1-1.csv", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert {row["GeoCode"] for row in rows} == {"", "T1", "T2"}
    assert (portal / "assets" / "zones.js").read_text(encoding="utf-8").count('"id":"T') == 2  # the config's zones
