"""SDG 15.1.1: forest area as a proportion of total land area."""
from __future__ import annotations

from qgis.core import (
    QgsGeometry,
    QgsProcessingParameterBand,
    QgsProcessingParameterRasterLayer,
    QgsProcessingParameterString,
)

from ..core.classes import classify
from ..core.forest import COMPONENTS, forest_groups, forest_values
from ..core.zonal import CategoryAreas
from ..translation import tr
from .base import IndicatorResult, SdgAlgorithm, input_errors
from .raster_io import grid_of, pixel_areas_help
from .zones import zonal_strips


class ForestArea(SdgAlgorithm):
    """Forest area / land area × 100 per zone, from a land-cover raster read in strips."""

    ALG_ID = "forest_area_15_1_1"
    INDICATOR = "15.1.1"
    UNIT = "percent"
    GROUP_ID = "land"
    COMPONENTS = COMPONENTS

    LANDCOVER = "LANDCOVER"
    BAND = "BAND"
    FOREST_CLASSES = "FOREST_CLASSES"
    WATER_CLASSES = "WATER_CLASSES"

    def displayName(self) -> str:
        return tr("Forest area as a proportion of land area (15.1.1)")

    def shortHelpString(self) -> str:
        return tr(
            "<p>SDG indicator 15.1.1: forest area as a percentage of total land area, for the whole area and for "
            "each zone.</p>"
            "<p><b>Method</b> (UN SDG metadata 15.1.1, custodian FAO): value = forest area / land area × 100, "
            "where land area is the total area less inland water. Forest and water are the land-cover classes "
            "listed (defaults: GlobeLand30 20 = forest, 60 = water bodies); every other valid class is land. "
            "Nodata pixels count as neither.</p>"
            "<p><b>Areas</b> are true areas in km², pixel by pixel (see <i>Pixel areas</i> below). Zones in "
            "another CRS are reprojected to the raster's CRS; a pixel belongs to a zone when its centre lies "
            "inside it; zones should not overlap.</p>"
            "<p>The raster is read in strips, so rasters of any size work; cancel stops the run and writes "
            "nothing. The whole-area value is the sum of forest over the sum of land of all zones (not a mean "
            "of the zone percentages).</p>"
            "<p>Outputs: VALUE (percent) and OUTPUT, the zones with <i>value</i>, <i>forest_km2</i> and "
            "<i>land_km2</i>. With a results store, one row per zone and one for the whole area are "
            "upserted.</p>") + pixel_areas_help()

    def add_inputs(self) -> None:
        self.addParameter(QgsProcessingParameterRasterLayer(self.LANDCOVER, tr("Land-cover raster")))
        self.addParameter(QgsProcessingParameterBand(self.BAND, tr("Band"), defaultValue=1,
                                                     parentLayerParameterName=self.LANDCOVER, optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.FOREST_CLASSES, tr("Forest classes (e.g. 20 or 41,42,43 or 40-49)"), defaultValue="20"))
        self.addParameter(QgsProcessingParameterString(
            self.WATER_CLASSES, tr("Inland water classes (excluded from land area)"), defaultValue="60",
            optional=True))

    def compute(self, parameters, context, feedback, zones):
        layer = self.parameterAsRasterLayer(parameters, self.LANDCOVER, context)
        band = self.parameterAsInt(parameters, self.BAND, context) or 1
        forest = self.class_list(parameters, context, self.FOREST_CLASSES)
        water = self.class_list(parameters, context, self.WATER_CLASSES, required=False)
        with input_errors():
            groups = forest_groups(forest, water)
        grid = grid_of(layer)
        labels = zones.rasterize(grid, context) if zones is not None else None
        totals = CategoryAreas(len(zones) if zones is not None else 1, len(groups) + 1)
        try:
            for strip, zone_labels, pixel_area in zonal_strips(layer, band, labels, feedback):
                totals.add(zone_labels, classify(strip.data, groups, strip.valid), pixel_area)
        finally:
            if labels is not None:
                labels.close()
        values, total = forest_values(totals.areas())
        return IndicatorResult(
            total=total, zones=values if zones is not None else [],
            area_geometry=QgsGeometry.fromRect(layer.extent()), area_crs=layer.crs(),
            sources=[layer.source()])
