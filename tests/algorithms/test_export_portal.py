"""sdg:export_portal without a browser: Open SDG's data format (checked against the hand-made store), the pages
and their languages, the zones recorded in the store, and the refusals (an unrelated folder, zones gone)."""
from __future__ import annotations

import csv
import re

import pytest
import yaml
from portal_data import FOREST, TOWNSHIPS, WHOLE, make_store
from qgis.core import QgsProcessingException


@pytest.fixture()
def store(tmp_path, run_algorithm):
    return make_store(tmp_path, run_algorithm)


def export(run_algorithm, store_path, folder, **extra):
    return run_algorithm("sdg:export_portal", {"RESULTS": str(store_path), "OUTPUT": str(folder), **extra})


def read_csv(path):
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_open_sdg_data_follow_the_format(run_algorithm, store, tmp_path):
    folder = tmp_path / "portal"
    export(run_algorithm, store[0], folder)
    forest = read_csv(folder / "data" / "indicator_15-1-1.csv")
    assert list(forest[0]) == ["Year", "GeoCode", "Value"]  # Year first, GeoCode second from last, Value last
    assert {row["GeoCode"] for row in forest} == {"", *TOWNSHIPS}  # zone ids; blank for the whole area
    pairs = [(row["Year"], row["GeoCode"]) for row in forest]
    assert len(pairs) == len(set(pairs)) == 2 * (1 + len(TOWNSHIPS))  # one row per year and area
    for row in forest:
        assert float(row["Value"]) == FOREST[int(row["Year"])][row["GeoCode"] or WHOLE]
    transit = read_csv(folder / "data" / "indicator_11-2-1.csv")
    assert list(transit[0]) == ["Year", "Location", "GeoCode", "Value"]
    whole = {row["Location"]: float(row["Value"]) for row in transit if row["GeoCode"] == ""}
    assert whole == {"": 80.0, "urban": 90.0, "rural": 60.0}  # blank = all
    series = read_csv(folder / "data" / "indicator_1-3-1.csv")
    assert list(series[0]) == ["Year", "Series", "GeoCode", "Value"]
    assert {(r["Year"], r["Series"]): float(r["Value"]) for r in series} == {
        ("2015", "medical"): 95.0, ("2015", "pension"): 85.0, ("2020", "medical"): 98.0, ("2020", "pension"): 93.0}


def test_meta_front_matter_uses_open_sdg_fields(run_algorithm, store, tmp_path):
    folder = tmp_path / "portal"
    export(run_algorithm, store[0], folder)
    text = (folder / "meta" / "15-1-1.md").read_text(encoding="utf-8")
    front = yaml.safe_load(re.match(r"^---\n(.*?)\n---\n", text, re.S).group(1))
    assert front["indicator_number"] == "15.1.1"
    assert front["indicator_name"] == "Forest area as a proportion of total land area"
    assert (front["sdg_goal"], front["target_id"], front["computation_units"]) == ("15", "15.1", "percent")
    assert front["computation_calculations"] == "sdg:forest_area_15_1_1"
    assert front["source_organisation_1"] == "landcover.tif"  # a file's name, never the office's folders
    assert front["graph_target_lines"] == [{"value": 50.0}]
    assert front["data_non_statistical"] is False and front["reporting_status"] == "complete"


def test_pages_in_both_languages_with_the_switch(run_algorithm, store, tmp_path):
    folder = tmp_path / "portal"
    result = export(run_algorithm, store[0], folder, TITLE="Deqing SDG portal")
    assert result["PAGES"] == 2 * (1 + 17 + 3)
    english = (folder / "indicator-15-1-1.html").read_text(encoding="utf-8")
    chinese = (folder / "indicator-15-1-1.zh.html").read_text(encoding="utf-8")
    assert '<html lang="en">' in english and 'href="indicator-15-1-1.zh.html"' in english
    assert '<html lang="zh-Hans">' in chinese and 'href="indicator-15-1-1.html"' in chinese
    assert "森林面积占陆地总面积的比例" in chinese and "Deqing SDG portal" in chinese
    assert "/home/office" not in english
    assert (folder / "assets" / "zones.js").read_text(encoding="utf-8").count('"type":"Feature"') == 4


def test_one_language_has_no_switch(run_algorithm, store, tmp_path):
    folder = tmp_path / "portal"
    export(run_algorithm, store[0], folder, LANGUAGE=2)
    page = (folder / "index.html").read_text(encoding="utf-8")
    assert '<html lang="zh-Hans">' in page and 'hreflang' not in page
    assert not (folder / "index.zh.html").exists()


def test_refuses_a_folder_that_is_not_a_portal_and_replaces_an_earlier_one(run_algorithm, store, tmp_path):
    folder = tmp_path / "documents"
    folder.mkdir()
    (folder / "letter.txt").write_text("keep me", encoding="utf-8")
    with pytest.raises(QgsProcessingException, match="not an earlier portal"):
        export(run_algorithm, store[0], folder)
    assert [p.name for p in folder.iterdir()] == ["letter.txt"]
    portal = tmp_path / "portal"
    export(run_algorithm, store[0], portal)
    (portal / "stale.html").write_text("old", encoding="utf-8")
    export(run_algorithm, store[0], portal)
    assert not (portal / "stale.html").exists() and (portal / "index.html").exists()
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_recorded_zones_that_are_gone_are_named(run_algorithm, store, tmp_path):
    store[1].rename(tmp_path / "moved.gpkg")
    with pytest.raises(QgsProcessingException, match="zones layer recorded in the store.*ZONES"):
        export(run_algorithm, store[0], tmp_path / "portal")
    export(run_algorithm, store[0], tmp_path / "portal", ZONES=f"{tmp_path / 'moved.gpkg'}|layername=townships",
           ZONE_ID_FIELD="code")
    assert (tmp_path / "portal" / "assets" / "zones.js").exists()


def test_a_store_of_two_areas_needs_area_id(run_algorithm, store, tmp_path):
    from sdg_monitor.core.store import ResultsStore

    ResultsStore(store[0]).upsert_results([{"indicator": "15.1.1", "area_id": "330522", "area_name": "长兴县",
                                            "area_level": "total", "year": 2020, "value": 30.0}])
    with pytest.raises(QgsProcessingException, match="330521, 330522.*AREA_ID"):
        export(run_algorithm, store[0], tmp_path / "portal")
    assert not (tmp_path / "portal").exists()
    export(run_algorithm, store[0], tmp_path / "portal", AREA_ID="330522")
    forest = read_csv(tmp_path / "portal" / "data" / "indicator_15-1-1.csv")
    assert [(row["Year"], row["GeoCode"], row["Value"]) for row in forest if row["GeoCode"] in ("", WHOLE)] == [
        ("2020", "", "30.0")]  # the other county is left out, its townships stay zones
