"""Build the example Processing models of this folder (``*.model3``) with the QgsProcessingModelAlgorithm API.

    .venv/bin/python models/build_models.py        # rewrites models/*.model3

The models open in the Model Designer and run with ``qgis_process run models/<name>.model3 -- NAME=value ...``.
Edit them in the Designer or here; this script is the reviewable source of both.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

from qgis.core import (
    QgsApplication,
    QgsProcessing,
    QgsProcessingModelAlgorithm,
    QgsProcessingModelChildAlgorithm,
    QgsProcessingModelChildDependency,
    QgsProcessingModelChildParameterSource,
    QgsProcessingModelOutput,
    QgsProcessingModelParameter,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterLayer,
    QgsProcessingParameterString,
)
from qgis.PyQt.QtCore import QPointF

HERE = Path(__file__).resolve().parent
METHODS = ["Open SDG (Statistics Canada)", "UN Statistics Division Progress Chart", "ESCAP current status index",
           "SDSN normalised score"]
Source = QgsProcessingModelChildParameterSource


def model_input(model: QgsProcessingModelAlgorithm, definition: QgsProcessingParameterDefinition,
                x: float, y: float) -> None:
    """Add ``definition`` as a model input drawn at (x, y)."""
    component = QgsProcessingModelParameter(definition.name())
    component.setPosition(QPointF(x, y))
    model.addModelParameter(definition, component)


def child(model: QgsProcessingModelAlgorithm, child_id: str, algorithm: str, description: str,
          sources: dict[str, QgsProcessingModelChildParameterSource], x: float, y: float,
          outputs: dict[str, str] | None = None, after: tuple[str, ...] = ()) -> None:
    """Add a step: ``sources`` maps its parameters to model inputs, outputs of other steps, values or
    expressions (other parameters get their defaults, as the Designer does); ``outputs`` makes its outputs
    model outputs (name -> description); ``after`` orders it.

    Only numbers are model outputs: layers go to the results store (RESULTS), and qgis_process 3.22 would
    require every model layer output to be named on the command line."""
    step = QgsProcessingModelChildAlgorithm(algorithm)
    step.setChildId(child_id)
    step.setDescription(description)
    step.setPosition(QPointF(x, y))
    definitions = QgsApplication.processingRegistry().algorithmById(algorithm).parameterDefinitions()
    for definition in definitions:
        if definition.name() not in sources and not definition.isDestination() and \
                definition.defaultValue() is not None:
            sources[definition.name()] = Source.fromStaticValue(definition.defaultValue())
    for name, source in sources.items():
        step.addParameterSources(name, [source])
    model_outputs = {}
    for number, (name, text) in enumerate((outputs or {}).items()):
        output = QgsProcessingModelOutput(text, text)
        output.setChildId(child_id)
        output.setChildOutputName(name)
        output.setPosition(QPointF(x + 200, y + 40 * number))
        model_outputs[text] = output
    step.setModelOutputs(model_outputs)
    step.setDependencies([QgsProcessingModelChildDependency(other) for other in after])
    model.addChildAlgorithm(step)


def progress_step(model: QgsProcessingModelAlgorithm, y: float, after: tuple[str, ...]) -> None:
    child(model, "progress", "sdg:assess_progress", "Assess progress against targets", {
        "RESULTS": Source.fromModelParameter("RESULTS"), "METHOD": Source.fromModelParameter("METHOD"),
    }, 620, y, outputs={"MEASURED": "Indicators measured", "WITH_TARGET": "Indicators with a target",
                        "MET_OR_NEARLY_MET": "Indicators met or nearly met"}, after=after)


def shared_inputs(model: QgsProcessingModelAlgorithm, y: float) -> None:
    model_input(model, QgsProcessingParameterFile(
        "RESULTS", "Results store (GeoPackage; created if missing)", behavior=QgsProcessingParameterFile.Behavior.File,
        extension="gpkg"), 120, y)
    model_input(model, QgsProcessingParameterEnum("METHOD", "Progress method", options=METHODS, defaultValue=0),
                120, y + 60)


def zone_inputs(model: QgsProcessingModelAlgorithm, y: float) -> None:
    """The optional ZONES layer and its ZONE_ID_FIELD."""
    model_input(model, QgsProcessingParameterFeatureSource(
        "ZONES", "Zones (townships)", [QgsProcessing.SourceType.TypeVectorPolygon], optional=True), 120, y)
    model_input(model, QgsProcessingParameterField(
        "ZONE_ID_FIELD", "Zone id field", parentLayerParameterName="ZONES", optional=True), 120, y + 60)


def forest_area_progress() -> QgsProcessingModelAlgorithm:
    """SDG 15.1.1 for two years into the results store, then progress against targets."""
    model = QgsProcessingModelAlgorithm("Forest area 2015 and 2020, then progress", "SDG Monitor examples")
    model.setHelpContent({"ALG_DESC": (
        "Computes SDG 15.1.1 (forest area as a proportion of land area) from a 2015 and a 2020 land-cover "
        "raster, optionally by zone, writes both years to the results store, then assesses progress against the "
        "targets (sdg:assess_progress).")})
    model_input(model, QgsProcessingParameterRasterLayer("LANDCOVER_2015", "Land cover 2015"), 120, 60)
    model_input(model, QgsProcessingParameterRasterLayer("LANDCOVER_2020", "Land cover 2020"), 120, 120)
    model_input(model, QgsProcessingParameterString("FOREST_CLASSES", "Forest classes", defaultValue="20"),
                120, 180)
    model_input(model, QgsProcessingParameterString("WATER_CLASSES", "Inland water classes", defaultValue="60",
                                                    optional=True), 120, 240)
    zone_inputs(model, 300)
    shared_inputs(model, 420)
    for year, y in ((2015, 80), (2020, 260)):
        child(model, f"forest_{year}", "sdg:forest_area_15_1_1", f"Forest area {year} (15.1.1)", {
            "LANDCOVER": Source.fromModelParameter(f"LANDCOVER_{year}"),
            "FOREST_CLASSES": Source.fromModelParameter("FOREST_CLASSES"),
            "WATER_CLASSES": Source.fromModelParameter("WATER_CLASSES"),
            "ZONES": Source.fromModelParameter("ZONES"), "ZONE_ID_FIELD": Source.fromModelParameter("ZONE_ID_FIELD"),
            "YEAR": Source.fromStaticValue(year), "RESULTS": Source.fromModelParameter("RESULTS"),
        }, 380, y, outputs={"VALUE": f"Forest area {year} (percent)"})
    progress_step(model, 420, after=("forest_2015", "forest_2020"))
    return model


def transit_access_progress() -> QgsProcessingModelAlgorithm:
    """SDG 11.2.1 for two years (population grids, e.g. from sdg:dasymetric_population) into the results store,
    then progress against targets."""
    model = QgsProcessingModelAlgorithm("Transit access (11.2.1) 2015 and 2020, then progress",
                                        "SDG Monitor examples")
    model.setHelpContent({"ALG_DESC": (
        "Computes SDG 11.2.1 (population within walking distance of public transport) for two years from "
        "population grids (for instance made from census totals by sdg:dasymetric_population), by zone, writes "
        "both years to the results store, then assesses progress against the targets (sdg:assess_progress).")})
    model_input(model, QgsProcessingParameterRasterLayer("POPULATION_2015", "Population 2015"), 120, 60)
    model_input(model, QgsProcessingParameterRasterLayer("POPULATION_2020", "Population 2020"), 120, 120)
    model_input(model, QgsProcessingParameterFeatureSource(
        "STOPS", "Public transport stops", [QgsProcessing.SourceType.TypeVectorPoint]), 120, 180)
    model_input(model, QgsProcessingParameterField(
        "CAPACITY_FIELD", "Stop capacity field (optional)", parentLayerParameterName="STOPS", optional=True),
        120, 240)
    model_input(model, QgsProcessingParameterFeatureSource(
        "NETWORK", "Street network (optional; else straight-line distance)", [QgsProcessing.SourceType.TypeVectorLine],
        optional=True), 120, 300)
    zone_inputs(model, 360)
    shared_inputs(model, 480)
    for year, y in ((2015, 80), (2020, 300)):
        child(model, f"transit_{year}", "sdg:transit_access_11_2_1", f"Transit access {year} (11.2.1)", {
            "POPULATION": Source.fromModelParameter(f"POPULATION_{year}"),
            "STOPS": Source.fromModelParameter("STOPS"),
            "CAPACITY_FIELD": Source.fromModelParameter("CAPACITY_FIELD"),
            "NETWORK": Source.fromModelParameter("NETWORK"), "ZONES": Source.fromModelParameter("ZONES"),
            "ZONE_ID_FIELD": Source.fromModelParameter("ZONE_ID_FIELD"), "YEAR": Source.fromStaticValue(year),
            "RESULTS": Source.fromModelParameter("RESULTS"),
        }, 380, y, outputs={"VALUE": f"Transit access {year} (percent)"})
    progress_step(model, 480, after=("transit_2015", "transit_2020"))
    return model


def land_degradation_15_3_1() -> QgsProcessingModelAlgorithm:
    """SDG 15.3.1 end to end from raw inputs: productivity from NDVI, soil organic carbon from a stock and land
    cover, then the one out, all out combination with the land-cover transitions; for the whole area and each
    zone, into the results store, then progress against targets."""
    model = QgsProcessingModelAlgorithm("Land degradation (15.3.1) from NDVI, land cover and SOC, then progress",
                                        "SDG Monitor examples")
    model.setHelpContent({"ALG_DESC": (
        "Computes SDG 15.3.1 offline from an annual NDVI series (sdg:land_productivity_15_3_1), an initial soil "
        "organic carbon stock with land cover at two dates (sdg:soil_carbon_15_3_1) and the land-cover "
        "transitions, combined by one out, all out (sdg:land_degradation_15_3_1), for the whole area and each "
        "zone (e.g. townships); writes every step to the results store, then assesses progress.")})
    model_input(model, QgsProcessingParameterRasterLayer("NDVI", "NDVI, one band per year"), 120, 60)
    for name, text, default, y in (("FIRST_YEAR", "Year of NDVI band 1", 2005, 120),
                                   ("BASELINE_START", "First year of the baseline", 2005, 180),
                                   ("BASELINE_END", "Last year of the baseline", 2017, 240),
                                   ("REPORT_START", "First recent year", 2018, 300),
                                   ("REPORT_END", "Last recent year", 2020, 360)):
        model_input(model, QgsProcessingParameterNumber(name, text, QgsProcessingParameterNumber.Type.Integer,
                                                        defaultValue=default), 120, y)
    model_input(model, QgsProcessingParameterRasterLayer("LANDCOVER_START", "Land cover at the start"), 120, 420)
    model_input(model, QgsProcessingParameterRasterLayer("LANDCOVER_END", "Land cover at the end"), 120, 480)
    model_input(model, QgsProcessingParameterNumber(
        "YEAR_START", "Year of the land cover at the start", QgsProcessingParameterNumber.Type.Integer,
        defaultValue=2015), 120, 540)
    model_input(model, QgsProcessingParameterRasterLayer(
        "SOC_START", "Soil organic carbon stock at the start (t/ha)"), 120, 600)
    zone_inputs(model, 660)
    shared_inputs(model, 780)
    common = {"ZONES": Source.fromModelParameter("ZONES"), "ZONE_ID_FIELD": Source.fromModelParameter("ZONE_ID_FIELD"),
              "YEAR": Source.fromModelParameter("REPORT_END"), "RESULTS": Source.fromModelParameter("RESULTS")}
    child(model, "productivity", "sdg:land_productivity_15_3_1", "Land productivity dynamics", {
        **{name: Source.fromModelParameter(name) for name in (
            "NDVI", "FIRST_YEAR", "BASELINE_START", "BASELINE_END", "REPORT_START", "REPORT_END")},
        "LAND_UNITS": Source.fromModelParameter("LANDCOVER_START"), **common,
    }, 380, 80, outputs={"VALUE": "Land with declining productivity (percent)"})
    child(model, "soil_carbon", "sdg:soil_carbon_15_3_1", "Soil organic carbon change", {
        **{name: Source.fromModelParameter(name) for name in (
            "SOC_START", "LANDCOVER_START", "LANDCOVER_END", "YEAR_START")},
        "YEAR_END": Source.fromModelParameter("REPORT_END"), **common,
    }, 380, 260, outputs={"VALUE": "Land losing soil organic carbon (percent)"})
    child(model, "degradation", "sdg:land_degradation_15_3_1", "Proportion of land that is degraded (15.3.1)", {
        "LANDCOVER_START": Source.fromModelParameter("LANDCOVER_START"),
        "LANDCOVER_END": Source.fromModelParameter("LANDCOVER_END"),
        "PRODUCTIVITY": Source.fromChildOutput("productivity", "OUTPUT_SUBINDICATOR"),
        "SOC_STATE": Source.fromChildOutput("soil_carbon", "OUTPUT_SUBINDICATOR"), **common,
    }, 620, 170, outputs={"VALUE": "Land degraded (percent)"}, after=("productivity", "soil_carbon"))
    progress_step(model, 420, after=("degradation",))
    return model


MODELS = {"forest_area_progress": forest_area_progress, "transit_access_progress": transit_access_progress,
          "land_degradation_15_3_1": land_degradation_15_3_1}


def main() -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QgsApplication([], False)
    app.initQgis()
    sys.path[:0] = [str(HERE.parent / ".build" / "plugins"), "/usr/share/qgis/python/plugins"]
    from processing.core.Processing import Processing
    from sdg_monitor.processing.provider import SdgProvider

    Processing.initialize()
    provider = SdgProvider()
    QgsApplication.processingRegistry().addProvider(provider)
    for name, build in MODELS.items():
        model = build()
        model.setName(name)
        path = HERE / f"{name}.model3"
        if not model.toFile(str(path)):
            sys.exit(f"Could not write {path}")
        print(path)


if __name__ == "__main__":
    main()
