"""Issue 17, line 3: strict sdg:run_indicator_set configs. Unknown keys at any level, unknown parameter names of a
step's algorithm, unknown algorithms, other providers' algorithms without ``allow_other_algorithms: true``, YAML
anchors and aliases (an alias bomb, a recursive alias) and configs over 1 MB are refused with the key, the step
and the closest valid name; nothing runs: the store and the inputs are byte-identical afterwards."""
from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from bad_input_data import digests, refused
from sdg_monitor.core.store import ResultsStore
from sdg_testdata import write_forest_set

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture()
def forest_set(sdg_provider, tmp_path):
    """The forest set's config, run once so that its store exists (a refused run must leave it as it is)."""
    import processing

    path = write_forest_set(tmp_path)
    processing.run("sdg:run_indicator_set", {"CONFIG": str(path), "OUTPUT": "memory:"})
    return path


def _files(config: Path) -> list[Path]:
    return [config, config.parent / "out" / "results.gpkg", *sorted((config.parent / "data").iterdir())]


def _refused_unchanged(config: Path, text: str, suffix: str = ".json") -> str:
    """Write ``text`` as the config (beside the forest set's), run it, return the message; checks that the store
    and the inputs are byte-identical."""
    bad = config.with_name("bad" + suffix)
    bad.write_text(text, encoding="utf-8")
    before = digests(bad, *_files(config))
    message = refused("sdg:run_indicator_set", {"CONFIG": str(bad), "OUTPUT": "memory:"})
    assert digests(bad, *_files(config)) == before
    return message


def _edited(config: Path, edit) -> str:
    data = json.loads(config.read_text(encoding="utf-8"))
    edit(data)
    return json.dumps(data)


@pytest.mark.parametrize("edit, expected", [
    (lambda d: d.update(resuts=d.pop("results")), ["unknown key 'resuts'", "did you mean 'results'"]),
    (lambda d: d["zones"].update(id_feild=d["zones"].pop("id_field")),
     ["zones: unknown key 'id_feild'", "did you mean 'id_field'"]),
    (lambda d: d["area"].update(nmae="x"), ["area: unknown key 'nmae'", "did you mean 'name'"]),
    (lambda d: d["indicators"][1].update(parameter=d["indicators"][1].pop("parameters")),
     ["indicators[2]: unknown key 'parameter'", "did you mean 'parameters'"]),
    (lambda d: d["indicators"][1]["parameters"].update(WATER_CLASES="60"),
     ["indicator 'forest-2020'", "unknown parameter 'WATER_CLASES'", "did you mean 'WATER_CLASSES'"]),
    (lambda d: d["indicators"][0].update(algorithm="sdg:forest_area_15_11"),
     ["indicator 'forest-2015'", "unknown algorithm 'sdg:forest_area_15_11'", "sdg:forest_area_15_1_1"]),
    (lambda d: d["indicators"][1].update(year=2020.5), ["indicators[2]: year 2020.5 is not a whole number"]),
    (lambda d: d.update(portal={"path": "out/portal", "titel": "x"}),
     ["portal: unknown key 'titel'", "did you mean 'title'"]),
], ids=["top", "zones", "area", "step_key", "parameter", "algorithm", "year", "portal"])
def test_unknown_names_are_refused_with_the_closest(forest_set, edit, expected):
    """Each mistake in the second step stops the whole run before the first step runs."""
    message = _refused_unchanged(forest_set, _edited(forest_set, edit))
    for part in expected:
        assert part in message


def test_other_providers_need_allow_other_algorithms(forest_set):
    """native:truncatetable empties a layer: refused without the flag; with it, its parameters are still checked
    (a misspelt INPUT is refused, so the zones layer is not emptied)."""
    zones = str(forest_set.parent / "data" / "zones.gpkg") + "|layername=towns"
    step = {"id": "wipe", "algorithm": "native:truncatetable", "parameters": {"INPT": zones}}
    message = _refused_unchanged(forest_set, _edited(forest_set, lambda d: d["indicators"].append(step)))
    assert "'native:truncatetable' is not an SDG Monitor algorithm" in message
    assert "allow_other_algorithms: true" in message
    message = _refused_unchanged(forest_set, _edited(
        forest_set, lambda d: (d["indicators"].append(step), d.update(allow_other_algorithms=True))))
    assert "unknown parameter 'INPT'" in message and "did you mean 'INPUT'" in message


def test_a_model_given_by_path_runs(sdg_provider, tmp_path):
    """A model (.model3) is a step like an sdg algorithm: its path is relative to the config."""
    import processing

    config = write_forest_set(tmp_path)
    data = json.loads(config.read_text(encoding="utf-8"))
    data.pop("area")  # the model has no AREA_ID: its rows are the default 'total'
    (tmp_path / "forest.model3").write_bytes((ROOT / "models" / "forest_area_progress.model3").read_bytes())
    data["indicators"] = [{"id": "model", "algorithm": "forest.model3", "parameters": {
        "LANDCOVER_2015": "data/lc_2015.tif", "LANDCOVER_2020": "data/lc_2020.tif", "FOREST_CLASSES": "20"}}]
    config.write_text(json.dumps(data), encoding="utf-8")
    result = processing.run("sdg:run_indicator_set", {"CONFIG": str(config), "OUTPUT": "memory:"})
    assert (result["COMPUTED"], result["FAILED"]) == (1, 0)
    rows = ResultsStore(tmp_path / "out" / "results.gpkg").read_results(indicator="15.1.1", area_id="total")
    assert sorted(rows["year"]) == [2015, 2020]


def test_yaml_alias_bomb_is_refused_at_once(forest_set):
    """A "billion laughs" config (9 levels of 10 aliases) is refused in well under a second, before expansion."""
    lines = ['a0: &a0 ["lol"]'] + [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 10)]
    started = time.monotonic()
    message = _refused_unchanged(forest_set, "\n".join(lines + ["indicators: *a9", ""]), ".yml")
    assert time.monotonic() - started < 5
    assert "anchors and aliases" in message and "line 1" in message


def test_recursive_yaml_alias_is_a_message(forest_set):
    message = _refused_unchanged(forest_set, "indicators: &loop\n  - *loop\n", ".yaml")
    assert "anchors and aliases" in message


def test_deeply_nested_json_is_a_message(forest_set):
    message = _refused_unchanged(forest_set, "[" * 100000 + "]" * 100000)
    assert "nested too deeply" in message or "not valid JSON" in message


def test_a_config_over_1_mb_is_refused(forest_set):
    data = json.loads(forest_set.read_text(encoding="utf-8"))
    data["name"] = "x" * 1_100_000
    message = _refused_unchanged(forest_set, json.dumps(data))
    assert "larger than 1 MB" in message


SCRIPT = Path(__file__).resolve().parent / "scripts" / "count_zones.py"


def _with_script_step(config: Path, script: str, parameters: dict) -> str:
    """The forest set with a step running the Processing script ``script`` (a path relative to the config)."""
    step = {"id": "count", "algorithm": script, "parameters": parameters}
    return _edited(config, lambda d: d["indicators"].append(step))


def test_a_processing_script_given_by_path_runs(forest_set):
    """A .py file defining a QgsProcessingAlgorithm subclass (as QGIS's script editor saves it) is a step like a
    model: its path is relative to the config; its VALUE (2 zones x 3) is the summary's value."""
    import processing

    (forest_set.parent / "count_zones.py").write_bytes(SCRIPT.read_bytes())
    config = forest_set.with_name("with_script.json")
    config.write_text(_with_script_step(forest_set, "count_zones.py", {
        "INPUT": "data/zones.gpkg|layername=towns", "FACTOR": 3}), encoding="utf-8")
    result = processing.run("sdg:run_indicator_set", {"CONFIG": str(config), "OUTPUT": "memory:"})
    assert (result["COMPUTED"], result["FAILED"]) == (3, 0)
    summary = {feature["id"]: feature for feature in result["OUTPUT"].getFeatures()}
    assert summary["count"]["status"] == "ok" and summary["count"]["value"] == 6


@pytest.mark.parametrize("text, expected", [
    (None, ["cannot read the script", "missing.py"]),
    ("import os\nVALUE = 1\n", ["defines no Processing algorithm", "QgsProcessingAlgorithm"]),
    ("class Broken(:\n    pass\n", ["syntax error on line 1"]),
    ("raise RuntimeError('no licence server')\n", ["stopped while loading", "RuntimeError: no licence server"]),
], ids=["missing", "no_class", "syntax", "raises"])
def test_a_bad_script_is_refused_by_name(forest_set, text, expected):
    """A missing script, one without an algorithm class, one with a syntax error or one that fails while it loads
    is a message naming the step and the file, not a traceback; nothing runs."""
    name = "missing.py"
    if text is not None:
        name = "broken.py"
        (forest_set.parent / name).write_text(text, encoding="utf-8")
    message = _refused_unchanged(forest_set, _with_script_step(forest_set, name, {}))
    assert "indicator 'count'" in message and name in message
    assert "Traceback" not in message
    for part in expected:
        assert part in message


@pytest.mark.parametrize("algorithm, parameters", [
    ("count_zones.py", {"INPUT": "data/zones.gpkg|layername=towns", "FACTOR": 2.5}),
    ("native:buffer", {"INPUT": "data/zones.gpkg|layername=towns", "SEGMENTS": "5.5"}),
    ("years.model3", {"BASE_YEAR": 2015.5}),
], ids=["script", "other_provider", "model"])
def test_fractions_in_whole_number_parameters_are_refused(forest_set, algorithm, parameters):
    """YAML's 2020.5 is refused for the whole-number parameters of any algorithm a config runs: scripts, other
    providers' algorithms and models, not only sdg ones (Processing would round it); nothing runs."""
    from qgis.core import QgsProcessingModelAlgorithm, QgsProcessingModelParameter, QgsProcessingParameterNumber

    (forest_set.parent / "count_zones.py").write_bytes(SCRIPT.read_bytes())
    model = QgsProcessingModelAlgorithm("years", "test")
    model.addModelParameter(QgsProcessingParameterNumber(
        "BASE_YEAR", "Base year", QgsProcessingParameterNumber.Type.Integer), QgsProcessingModelParameter("BASE_YEAR"))
    assert model.toFile(str(forest_set.parent / "years.model3"))
    step = {"id": "whole", "algorithm": algorithm, "parameters": parameters}
    message = _refused_unchanged(forest_set, _edited(forest_set, lambda d: (
        d["indicators"].append(step), d.update(allow_other_algorithms=True))))
    name = next(key for key, value in parameters.items() if str(value) in ("2.5", "5.5", "2015.5"))
    assert "indicator 'whole'" in message and f"parameter {name} must be a whole number" in message
