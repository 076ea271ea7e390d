"""Indicator-set configs: safe parsing, relative paths, clear errors."""
from __future__ import annotations

import json

import pytest
from sdg_monitor.core.indicator_set import ConfigError, read_config


def _write(path, data):
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_paths_resolve_relative_to_the_config(tmp_path):
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "lc.tif").write_bytes(b"")
    (tmp_path / "data" / "zones.gpkg").write_bytes(b"")
    config = read_config(_write(tmp_path / "set.json", {
        "results": "out/results.gpkg", "zones": {"path": "data/zones.gpkg|layername=towns", "id_field": "code"},
        "indicators": [{"algorithm": "sdg:forest_area_15_1_1", "year": 2020, "parameters": {
            "LANDCOVER": "data/lc.tif", "FOREST_CLASSES": "20", "OUTPUT": "out/forest.gpkg",
            "FILTER": "class = 1"}}]}))
    (step,) = config.steps
    assert step.parameters["LANDCOVER"] == str(tmp_path / "data" / "lc.tif")
    assert step.parameters["OUTPUT"] == str(tmp_path / "out" / "forest.gpkg")
    assert step.parameters["FOREST_CLASSES"] == "20" and step.parameters["FILTER"] == "class = 1"
    assert step.zones["path"] == f"{tmp_path / 'data' / 'zones.gpkg'}|layername=towns"
    assert config.results == str(tmp_path / "out" / "results.gpkg") and step.year == 2020


def test_yaml_is_parsed_safely(tmp_path):
    path = tmp_path / "set.yml"
    path.write_text("indicators:\n  - algorithm: sdg:forest_area_15_1_1\n    year: 2020\n", encoding="utf-8")
    assert read_config(path).steps[0].algorithm == "sdg:forest_area_15_1_1"
    path.write_text("indicators: !!python/object/apply:os.system ['echo unsafe']\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="not valid YML"):
        read_config(path)


@pytest.mark.parametrize("data, message", [
    ([], "mapping"), ({"indicators": []}, "non-empty list"), ({"indicators": [{"year": 2020}]}, "algorithm"),
    ({"indicators": [{"algorithm": "a", "id": "x"}, {"algorithm": "b", "id": "x"}]}, "used twice"),
    ({"indicators": [{"algorithm": "a", "year": "20x"}]}, "whole number"),
])
def test_bad_configs_name_the_problem(tmp_path, data, message):
    with pytest.raises(ConfigError, match=message):
        read_config(_write(tmp_path / "set.json", data))


def test_broken_json_names_the_file(tmp_path):
    path = tmp_path / "set.json"
    path.write_text("{", encoding="utf-8")
    with pytest.raises(ConfigError, match="set.json"):
        read_config(path)


def test_portal_output_is_optional_and_checked(tmp_path):
    from sdg_monitor.core.indicator_set import parse_config

    base = {"indicators": [{"algorithm": "sdg:forest_area_15_1_1"}]}
    path = tmp_path / "set.json"
    assert parse_config(base, path).portal is None
    assert parse_config({**base, "portal": "out/portal"}, path).portal == {
        "path": str(tmp_path / "out" / "portal"), "title": "", "language": 3}
    for bad in ({"title": "x"}, {"path": "p", "language": 7}, 5):
        with pytest.raises(ConfigError, match="portal"):
            parse_config({**base, "portal": bad}, path)
