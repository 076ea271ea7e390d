"""The sample county's QGIS project: every layer loads from relative paths, named in Chinese and English."""
from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

from qgis.core import QgsProject

SAMPLE = Path(__file__).resolve().parents[2] / "data" / "sample"


def test_project_loads_every_layer_styled_with_bilingual_names(tmp_path):
    out = tmp_path / "out"
    subprocess.run(["/usr/bin/python3", str(SAMPLE / "generate.py"), "--out", str(out)], check=True,
                   capture_output=True)
    subprocess.run(["/usr/bin/python3", str(SAMPLE / "make_project.py"), "--out", str(out)], check=True,
                   capture_output=True)
    moved = tmp_path / "moved"
    shutil.move(str(out), str(moved))  # relative paths: the folder can move
    project = QgsProject()
    assert project.read(str(moved / "sample_county.qgz"))
    layers = list(project.mapLayers().values())
    assert len(layers) == 18
    for layer in layers:
        assert layer.isValid(), layer.name()
        assert re.search(r"[\u4e00-\u9fff]", layer.name()) and re.search(r"[A-Za-z]", layer.name()), layer.name()
    townships = project.mapLayersByName("乡镇 Townships")[0]
    assert townships.featureCount() == 13 and townships.labelsEnabled()
    water = project.mapLayersByName("水体 Water bodies")[0]
    assert water.featureCount() == 11  # the 2020 lakes only
    store, found = project.readEntry("SdgMonitor", "/results_store")
    assert found and project.readPath(store) == str(moved / "results.gpkg")  # the dock opens the demo's store
    assert not project.viewSettings().defaultViewExtent().isEmpty()
    landcover = project.mapLayersByName("土地覆盖 2020 Land cover")[0]
    assert {c.label for c in landcover.renderer().classes()} >= {"林地 Forest", "水体 Water bodies"}
