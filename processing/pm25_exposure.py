"""SDG 11.6.2: annual mean fine particulate matter (PM2.5), population weighted."""
from __future__ import annotations

from qgis.core import (
    QgsGeometry,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBand,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterLayer,
)

from ..core.numbers import number_or_none
from ..core.population import ExposureSums
from ..translation import tr
from .base import IndicatorResult, SdgAlgorithm
from .raster_io import grid_of, read_strips
from .zones import zonal_strips


class Pm25Exposure(SdgAlgorithm):
    """Population-weighted mean concentration Σ c·p / Σ p per zone, with the concentration read on the
    population grid."""

    ALG_ID = "pm25_exposure_11_6_2"
    INDICATOR = "11.6.2"
    UNIT = "µg/m³"
    GROUP_ID = "land"
    COMPONENTS = ("conc_x_pop", "population", "pop_above", "pct_above", "pop_no_data")

    CONCENTRATION = "CONCENTRATION"
    CONCENTRATION_BAND = "CONCENTRATION_BAND"
    POPULATION = "POPULATION"
    POPULATION_BAND = "POPULATION_BAND"
    THRESHOLD = "THRESHOLD"
    PCT_ABOVE = "PCT_ABOVE"

    def displayName(self) -> str:
        return tr("Population-weighted mean PM2.5 (11.6.2)")

    def shortHelpString(self) -> str:
        return tr(
            "<p>SDG indicator 11.6.2: annual mean level of fine particulate matter (PM2.5) weighted by population, "
            "for the whole area and for each zone, in µg/m³.</p>"
            "<p><b>Method</b> (UN SDG metadata 11.6.2, custodian WHO with UN-Habitat): value = Σ cᵢ pᵢ / Σ pᵢ "
            "over the pixels i of the population grid, where pᵢ is the population of the pixel (persons per "
            "pixel, e.g. WorldPop or the output of Dasymetric population grid) and cᵢ the annual mean "
            "concentration there. The concentration raster (any grid and CRS) is aligned onto the population "
            "grid: each population pixel takes the concentration of the pixel holding its centre (nearest "
            "neighbour, reprojected by QGIS when the CRS differs), so every person is counted once and none is "
            "lost at the edges. Bilinear interpolation of a coarse concentration grid would be smoother; it is "
            "not applied.</p>"
            "<p>Population pixels without a concentration value (nodata or outside the concentration raster) "
            "are left out of both sums and reported in <i>pop_no_data</i>. A pixel belongs to the zone holding "
            "its centre; the whole-area value uses the population of all zones.</p>"
            "<p>Also the share of the population exposed above THRESHOLD (default 5 µg/m³, the WHO 2021 air "
            "quality guideline for annual PM2.5): <i>pct_above</i> = population where c > threshold / "
            "population × 100, and the output PCT_ABOVE for the whole area.</p>"
            "<p>Outputs: VALUE (µg/m³) and OUTPUT, the zones with <i>value</i>, <i>conc_x_pop</i> (Σ c·p, the "
            "numerator), <i>population</i> (Σ p, the denominator), <i>pop_above</i>, <i>pct_above</i> and "
            "<i>pop_no_data</i>. Rasters are read in strips; cancel stops the run and writes nothing.</p>")

    def add_inputs(self) -> None:
        self.addParameter(QgsProcessingParameterRasterLayer(
            self.CONCENTRATION, tr("Annual mean PM2.5 concentration raster (µg/m³)")))
        self.addParameter(QgsProcessingParameterBand(
            self.CONCENTRATION_BAND, tr("Concentration band"), defaultValue=1,
            parentLayerParameterName=self.CONCENTRATION, optional=True))
        self.addParameter(QgsProcessingParameterRasterLayer(
            self.POPULATION, tr("Population raster (persons per pixel)")))
        self.addParameter(QgsProcessingParameterBand(
            self.POPULATION_BAND, tr("Population band"), defaultValue=1, parentLayerParameterName=self.POPULATION,
            optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.THRESHOLD, tr("Threshold for the share of population exposed above it (µg/m³; WHO guideline 5)"),
            QgsProcessingParameterNumber.Type.Double, defaultValue=5.0, minValue=0.0))
        self.addOutput(QgsProcessingOutputNumber(
            self.PCT_ABOVE, tr("Share of the population above the threshold (percent)")))

    def compute(self, parameters, context, feedback, zones):
        population = self.parameterAsRasterLayer(parameters, self.POPULATION, context)
        concentration = self.parameterAsRasterLayer(parameters, self.CONCENTRATION, context)
        population_band = self.parameterAsInt(parameters, self.POPULATION_BAND, context) or 1
        concentration_band = self.parameterAsInt(parameters, self.CONCENTRATION_BAND, context) or 1
        grid = grid_of(population)
        grid_of(concentration)  # refuses a concentration raster without a CRS
        sums = ExposureSums(len(zones) if zones is not None else 1,
                            self.parameterAsDouble(parameters, self.THRESHOLD, context))
        labels = zones.rasterize(grid, context) if zones is not None else None
        try:
            aligned = read_strips(concentration, concentration_band, feedback, grid)
            for (strip, zone_labels, _), level in zip(zonal_strips(population, population_band, labels, feedback),
                                                      aligned):
                sums.add(zone_labels, level.data, level.valid, strip.data, strip.valid)
        finally:
            if labels is not None:
                labels.close()
        values, total = sums.values()
        missing = total.components["pop_no_data"]
        if missing:
            feedback.pushWarning(tr(
                "{:.6g} people live on pixels without a concentration value in '{}' (nodata or outside it); they "
                "are left out of the mean.").format(missing, concentration.name()))
        return IndicatorResult(
            total=total, zones=values if zones is not None else [],
            area_geometry=QgsGeometry.fromRect(population.extent()), area_crs=population.crs(),
            sources=[concentration.source(), population.source()],
            outputs={self.PCT_ABOVE: number_or_none(total.components["pct_above"])})
