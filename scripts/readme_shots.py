"""The README's QGIS screenshots, taken inside real QGIS at its default window size (after `make demo`):

    ../shared/tools/qgis-gui-shot /tmp/root.png data/sample/out/sample_county.qgz scripts/readme_shots.py 60

Run from the checkout (QGIS's working folder); writes into $SDG_SHOTS (default .build/screenshots/readme):
qgis_sample.png (the window), dock_goals.png, dock_trend.png and dock_detail.png (the dock, the ranking by
township), and year_dialog.png (an algorithm dialog with YEAR read from the picked land-cover layer).
"""
import os
from pathlib import Path

from qgis.core import QgsProject, QgsRasterLayer
from qgis.PyQt.QtCore import QTimer
from qgis.PyQt.QtWidgets import QScrollArea
from qgis.utils import iface, plugins

import processing

OUT = Path(os.environ.get("SDG_SHOTS", ".build/screenshots/readme")).resolve()
STORE = Path("data/sample/out/results.gpkg").resolve()
LANDCOVER = Path("data/sample/out/landcover_2020_10m.tif").resolve()
INDICATOR = ("11.6.2", "")  # PM2.5 by township: a trend toward its target and a ranking of 13 zones
steps = []


def step(function):
    steps.append(function)
    return function


@step
def open_dock():
    OUT.mkdir(parents=True, exist_ok=True)
    dock().show()
    dock().open_store(str(STORE))
    dock().tabs.setCurrentIndex(0)


def dock():
    return plugins["sdg_monitor"].dock


def show_trend():
    dock().tabs.setCurrentIndex(1)
    dock().table.select_key(INDICATOR)
    dock().detail_tabs.setCurrentIndex(0)


for name, then in (("dock_goals.png", show_trend), ("dock_trend.png", lambda: dock().detail_tabs.setCurrentIndex(1))):
    steps.append(lambda name=name, then=then: (dock().grab().save(str(OUT / name)), then()))


@step
def ranking():
    dock().grab().save(str(OUT / "dock_detail.png"))
    iface.mainWindow().grab().save(str(OUT / "qgis_sample.png"))
    layer = QgsRasterLayer(str(LANDCOVER), "landcover")
    QgsProject.instance().addMapLayer(layer, False)
    dialog = processing.createAlgorithmDialog("sdg:forest_area_15_1_1", {"LANDCOVER": layer.id()})
    dialog.show()
    globals()["dialog"] = dialog


@step
def scroll_to_year():
    year = globals()["dialog"].mainWidget().wrappers["YEAR"].wrappedWidget()
    area = year.parentWidget()
    while not isinstance(area, QScrollArea):
        area = area.parentWidget()
    area.ensureWidgetVisible(year)


@step
def year_dialog():
    globals()["dialog"].grab().save(str(OUT / "year_dialog.png"))
    globals()["dialog"].close()


def run(index=0):
    steps[index]()
    if index + 1 < len(steps):
        QTimer.singleShot(2500, lambda: run(index + 1))


QTimer.singleShot(5000, run)
