"""YEAR in QGIS's own algorithm dialog (processing.gui.AlgorithmDialog and its parameter panel, offscreen): filled
in from the land-cover layer as it is picked (file name, GDAL metadata), kept once the user types a year, empty
when the layer names none; batch and model dialogs keep QGIS's own number widget."""
from __future__ import annotations

import numpy as np
import pytest
from qgis.core import QgsApplication, QgsProcessingContext, QgsProcessingModelAlgorithm, QgsProject, QgsRasterLayer
from qgis.gui import QgsAbstractProcessingParameterWidgetWrapper, QgsProcessingModelerParameterWidget
from sdg_testdata import write_raster

ALGORITHM = "sdg:forest_area_15_1_1"


def _raster(path, metadata: dict | None = None) -> QgsRasterLayer:
    write_raster(path, np.array([[20, 30]], dtype=np.uint8), 4549, (500000, 3380000), 10, nodata=0)
    if metadata:
        from osgeo import gdal

        dataset = gdal.Open(str(path), gdal.GA_Update)
        dataset.SetMetadata(metadata)
        dataset = None
    layer = QgsRasterLayer(str(path), path.stem)
    assert layer.isValid()
    QgsProject.instance().addMapLayer(layer)
    return layer


@pytest.fixture()
def forest_algorithm(sdg_provider, qgis_iface, qgis_new_project, monkeypatch):
    """The algorithm; pytest-qgis's stand-in iface gets the browser model the parameter panel asks for."""
    monkeypatch.setattr(type(qgis_iface), "browserModel", lambda _self: None, raising=False)
    yield QgsApplication.processingRegistry().createAlgorithmById(ALGORITHM)
    QgsProject.instance().clear()


def test_year_follows_the_picked_layer_until_the_user_types_one(forest_algorithm, tmp_path):
    from processing.gui.AlgorithmDialog import AlgorithmDialog
    from sdg_monitor.processing.year_widget import YearWidgetWrapper

    named = _raster(tmp_path / "landcover_2020_10m.tif")
    tagged = _raster(tmp_path / "lc.tif", {"TIFFTAG_DATETIME": "2018:07:01 00:00:00"})
    plain = _raster(tmp_path / "lc_plain.tif")
    dialog = AlgorithmDialog(forest_algorithm)
    try:
        wrappers = dialog.mainWidget().wrappers
        year, landcover, context = wrappers["YEAR"], wrappers["LANDCOVER"], QgsProcessingContext()
        assert isinstance(year, YearWidgetWrapper)
        for layer, expected, where in ((named, 2020, "its name"), (tagged, 2018, "GDAL metadata"),
                                       (plain, None, "read from the input layers")):
            landcover.setParameterValue(layer, context)
            assert year.parameterValue() == expected, layer.name()
            assert where in year.spin.toolTip()
        year.spin.setValue(2016)  # typed by the user: a picked layer no longer changes it
        landcover.setParameterValue(named, context)
        assert year.parameterValue() == 2016
        assert dialog.mainWidget().createProcessingParameters()["YEAR"] == 2016
        year.spin.clear()  # cleared: follows the layers again
        assert year.parameterValue() == 2020
    finally:
        dialog.deleteLater()


def test_batch_and_model_dialogs_keep_qgis_number_widget(forest_algorithm):
    from processing.gui.BatchAlgorithmDialog import BatchAlgorithmDialog
    from processing.modeler.ModelerParametersDialog import ModelerParametersDialog
    from sdg_monitor.processing.year_widget import YearWidgetWrapper

    batch = BatchAlgorithmDialog(forest_algorithm)
    try:
        row = batch.mainWidget().wrappers[0]
        year = next(w for w in row if w is not None and w.parameterDefinition().name() == "YEAR")
        assert isinstance(year, QgsAbstractProcessingParameterWidgetWrapper)
        assert not isinstance(year, YearWidgetWrapper)
    finally:
        batch.deleteLater()
    model = QgsProcessingModelAlgorithm("test", "test")
    # its own instance: the batch dialog owns (and deletes) the one it was given
    modeler = ModelerParametersDialog(QgsApplication.processingRegistry().createAlgorithmById(ALGORITHM), model)
    try:
        widgets = modeler.widget.widget.wrappers
        assert isinstance(widgets["YEAR"], QgsProcessingModelerParameterWidget)
    finally:
        modeler.deleteLater()
