"""SDG 15.3.1 soil organic carbon sub-indicator from an initial stock and land-cover change (IPCC Tier 1)."""
from __future__ import annotations

import numpy as np
from osgeo import gdal
from qgis.core import (
    QgsGeometry,
    QgsProcessingException,
    QgsProcessingParameterMatrix,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterRasterLayer,
    QgsProcessingParameterString,
)

from ..core.degradation import DEGRADED, GLOBELAND30_MAPPING, IMPROVED, NODATA, STABLE, change_state, recode
from ..core.formulas import ratio
from ..core.population import zone_sums
from ..core.results import ZoneValue
from ..core.soil_carbon import IPCC_REGIONS, ClimateRegion, coefficients, parse_regions, stock_change_ratio
from ..core.zonal import CategoryAreas
from ..translation import tr
from .base import IndicatorResult, SdgAlgorithm
from .degradation_inputs import CATEGORY, land_cover_mapping, soc_threshold_parameter, state_categories, state_classes
from .land_rasters import output_rasters
from .raster_io import grid_of, pixel_areas_help
from .styling import PalettedStyle
from .zones import zonal_stacks

STOCK_NODATA = -9999.0


class SoilCarbon(SdgAlgorithm):
    """Soil organic carbon at the end of a period and the SOC sub-indicator (-1/0/1) of 15.3.1."""

    ALG_ID = "soil_carbon_15_3_1"
    INDICATOR = "15.3.1"
    SERIES = "soc_degraded"
    UNIT = "percent"
    GROUP_ID = "land"
    COMPONENTS = ("degraded_km2", "stable_km2", "improved_km2", "total_km2", "soc_start_t", "soc_end_t",
                  "soc_change_pct")

    SOC_START = "SOC_START"
    LANDCOVER_START = "LANDCOVER_START"
    LANDCOVER_END = "LANDCOVER_END"
    LANDCOVER_MAPPING = "LANDCOVER_MAPPING"
    YEAR_START = "YEAR_START"
    YEAR_END = "YEAR_END"
    CLIMATE = "CLIMATE"
    CLIMATE_REGION = "CLIMATE_REGION"
    CLIMATE_FACTORS = "CLIMATE_FACTORS"
    SOC_THRESHOLD = "SOC_THRESHOLD"
    OUTPUT_SOC = "OUTPUT_SOC"
    OUTPUT_SUBINDICATOR = "OUTPUT_SUBINDICATOR"

    def displayName(self) -> str:
        return tr("Soil organic carbon change from land cover (15.3.1)")

    def shortHelpString(self) -> str:
        return tr(
            "<p>The soil organic carbon (SOC) sub-indicator of SDG 15.3.1 from an initial SOC stock and land "
            "cover at two dates, offline: the stock at the end, the sub-indicator (-1/0/1) that "
            "<i>Proportion of land that is degraded (15.3.1)</i> takes as SOC_STATE (or give SOC_START and the "
            "stock at the end there), and per zone the areas and stocks. value = share of land whose stock "
            "fell by the threshold or more, in %.</p>"
            "<p><b>Method</b> (UNCCD Good Practice Guidance for SDG 15.3.1, version 2, 2021; Trends.Earth "
            "documentation <i>UNCCD reporting: Soil organic carbon</i>; IPCC 2006 Guidelines, Vol. 4): land "
            "cover is mapped to the 7 UNCCD classes (LANDCOVER_MAPPING, default GlobeLand30, as in "
            "<i>Proportion of land that is degraded</i>). Each transition has a coefficient, the proportion of "
            "the stock after 20 years: to cropland f and back 1/f, with f the IPCC land-use factor of "
            "long-term cultivated land of the climate region (IPCC 2006, Vol. 4, Table 5.5: temperate dry 0.80, "
            "temperate moist 0.69, tropical dry 0.58, tropical moist 0.48, tropical montane 0.64); wetland to "
            "cropland 0.71 and back 1/0.71; forest, grassland, cropland or wetland to artificial or other land "
            "0.1; artificial or other land to forest, grassland, cropland or wetland 2; any other transition 1. "
            "The stock moves linearly over the IPCC default 20 years: end = start × (1 + (coefficient - 1) × "
            "min(YEAR_END - YEAR_START, 20) / 20). A loss of SOC_THRESHOLD % (default 10, the GPG's) or more "
            "is degraded, a gain of as much improved.</p>"
            "<p><b>Climate</b>: CLIMATE is an optional raster of region codes; without it (or where it has no "
            "data) every pixel is in CLIMATE_REGION. CLIMATE_FACTORS lists code, name and f per region "
            "(defaults: the IPCC regions 1-5 above; Deqing is warm temperate moist, code 2).</p>"
            "<p>SOC_START in t/ha (e.g. SoilGrids 0-30 cm) gives the grid; land covers and climate are read on "
            "it (nearest neighbour), in strips. A pixel with no stock (not positive), an unmapped land-cover "
            "code or a climate code not in the table has no data. Areas are true areas in km², pixel by pixel "
            "(see <i>Pixel areas</i> below); stocks in "
            "tonnes (t/ha × ha). Outputs: OUTPUT_SOC (Float32, t/ha, -9999 no data), OUTPUT_SUBINDICATOR "
            "(Int16 -1/0/1, -32768 no data), OUTPUT (zones with <i>value</i>, <i>degraded_km2</i>, "
            "<i>stable_km2</i>, <i>improved_km2</i>, <i>total_km2</i>, <i>soc_start_t</i>, <i>soc_end_t</i>, "
            "<i>soc_change_pct</i>), VALUE. Results-store rows: indicator 15.3.1, series "
            "<i>soc_degraded</i>.</p>") + pixel_areas_help()

    def add_inputs(self) -> None:
        self.addParameter(QgsProcessingParameterRasterLayer(
            self.SOC_START, tr("Soil organic carbon stock at the start (t/ha)")))
        self.addParameter(QgsProcessingParameterRasterLayer(self.LANDCOVER_START, tr("Land cover at the start")))
        self.addParameter(QgsProcessingParameterRasterLayer(self.LANDCOVER_END, tr("Land cover at the end")))
        self.addParameter(QgsProcessingParameterString(
            self.LANDCOVER_MAPPING, tr("Land-cover codes to UNCCD classes 1-7 (codes=class; ...)"),
            defaultValue=GLOBELAND30_MAPPING, optional=True))
        for name, label, default in ((self.YEAR_START, tr("Year of the land cover at the start"), 2015),
                                     (self.YEAR_END, tr("Year of the land cover at the end"), 2020)):
            self.addParameter(QgsProcessingParameterNumber(
                name, label, QgsProcessingParameterNumber.Type.Integer, defaultValue=default, minValue=1900,
                maxValue=2100))
        self.addParameter(QgsProcessingParameterRasterLayer(
            self.CLIMATE, tr("Climate regions (raster of codes in the climate table)"), optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.CLIMATE_REGION, tr("Climate region where no climate raster is given (code)"),
            QgsProcessingParameterNumber.Type.Integer, defaultValue=2))
        default = [value for region in IPCC_REGIONS for value in (region.code, region.name, region.factor)]
        self.addParameter(QgsProcessingParameterMatrix(
            self.CLIMATE_FACTORS, tr("Climate regions: code, name, land-use factor f of cropland (IPCC)"),
            headers=[tr("Code"), tr("Name"), tr("Factor f")], defaultValue=default, optional=True))
        self.addParameter(soc_threshold_parameter(self.SOC_THRESHOLD))
        self.addParameter(QgsProcessingParameterRasterDestination(
            self.OUTPUT_SOC, tr("Soil organic carbon stock at the end (t/ha)")))
        self.addParameter(QgsProcessingParameterRasterDestination(
            self.OUTPUT_SUBINDICATOR, tr("Soil organic carbon sub-indicator (-1/0/1)")))

    def compute(self, parameters, context, feedback, zones):
        layers = {name: self.parameterAsRasterLayer(parameters, name, context)
                  for name in (self.SOC_START, self.LANDCOVER_START, self.LANDCOVER_END, self.CLIMATE)}
        mapping = land_cover_mapping(self, parameters, context)
        regions = self._regions(parameters, context)
        default_region = self.parameterAsInt(parameters, self.CLIMATE_REGION, context)
        codes = [region.code for region in regions]
        if default_region not in codes:
            raise QgsProcessingException(
                tr("Parameter {}: climate code {} is not in the climate table (codes {}).").format(
                    self.CLIMATE_REGION, default_region, ", ".join(map(str, codes))))
        tables = np.stack([coefficients(region.factor) for region in regions])
        years = self.parameterAsInt(parameters, self.YEAR_END, context) - self.parameterAsInt(
            parameters, self.YEAR_START, context)
        if years < 0:
            raise QgsProcessingException(tr("YEAR_END must not be before YEAR_START."))
        threshold = self.parameterAsDouble(parameters, self.SOC_THRESHOLD, context)
        grid = grid_of(layers[self.SOC_START])
        labels = zones.rasterize(grid, context) if zones is not None else None
        n_zones = len(zones) if zones is not None else 1
        soc_path = self.parameterAsOutputLayer(parameters, self.OUTPUT_SOC, context)
        sub_path = self.parameterAsOutputLayer(parameters, self.OUTPUT_SUBINDICATOR, context)
        reads = [(layers[name], 1) for name in (self.SOC_START, self.LANDCOVER_START, self.LANDCOVER_END)]
        if layers[self.CLIMATE] is not None:
            reads.append((layers[self.CLIMATE], 1))
        totals = CategoryAreas(n_zones, len(CATEGORY))
        stocks = np.zeros((2, n_zones + 1))
        try:
            with output_rasters(grid, [(soc_path, gdal.GDT_Float32, STOCK_NODATA),
                                       (sub_path, gdal.GDT_Int16, NODATA)]) as rasters:
                for strips, zone_labels, pixel_area in zonal_stacks(reads, labels, feedback):
                    stock, start, end = strips[:3]
                    region = np.full(stock.data.shape, codes.index(default_region), dtype=np.intp)
                    if len(strips) > 3:
                        _region_index(strips[3].data, strips[3].valid, codes, region)
                    known = stock.valid & (stock.data > 0)
                    change = stock_change_ratio(recode(start.data, mapping, start.valid & known),
                                                recode(end.data, mapping, end.valid), region, tables, years)
                    state = change_state((change - 1.0) * 100.0, threshold)
                    end_stock = np.where(np.isnan(change), STOCK_NODATA, stock.data * change)
                    rasters.write(0, end_stock.astype(np.float32), stock.row0)
                    rasters.write(1, state, stock.row0)
                    totals.add(zone_labels, state_categories(state), pixel_area)
                    hectares = np.broadcast_to(pixel_area.array(), state.shape) / 1e4
                    assessed = state != NODATA
                    for row, values in enumerate((stock.data, end_stock)):
                        stocks[row] += zone_sums(zone_labels, np.where(assessed, values * hectares, 0.0), n_zones)
        finally:
            if labels is not None:
                labels.close()
        self.style_on_load(context, sub_path, PalettedStyle(state_classes))
        areas = totals.areas() / 1e6
        values = [self._value(areas[zone], stocks[:, zone]) for zone in range(1, n_zones + 1)]
        total = self._value(areas[1:].sum(axis=0), stocks[:, 1:].sum(axis=1))
        return IndicatorResult(
            total=total, zones=values if zones is not None else [],
            area_geometry=QgsGeometry.fromRect(layers[self.SOC_START].extent()),
            area_crs=layers[self.SOC_START].crs(),
            sources=[layer.source() for layer in layers.values() if layer is not None],
            outputs={self.OUTPUT_SOC: soc_path, self.OUTPUT_SUBINDICATOR: sub_path})

    def store_rows(self, parameters, context, zones, result):
        return [dict(row, series=self.SERIES) for row in super().store_rows(parameters, context, zones, result)]

    def _regions(self, parameters, context) -> list[ClimateRegion]:
        values = self.parameterAsMatrix(parameters, self.CLIMATE_FACTORS, context)
        if not values:
            return list(IPCC_REGIONS)
        try:
            return parse_regions(values)
        except ValueError as err:
            raise QgsProcessingException(tr("Parameter {}: {}").format(self.CLIMATE_FACTORS, err)) from err

    @staticmethod
    def _value(areas_km2: np.ndarray, stocks: np.ndarray) -> ZoneValue:
        degraded, stable, improved = (float(areas_km2[CATEGORY[s]]) for s in (DEGRADED, STABLE, IMPROVED))
        total = degraded + stable + improved
        start, end = float(stocks[0]), float(stocks[1])
        return ZoneValue(ratio(degraded, total), degraded, total, {
            "degraded_km2": degraded, "stable_km2": stable, "improved_km2": improved, "total_km2": total,
            "soc_start_t": start, "soc_end_t": end, "soc_change_pct": ratio(end - start, start)})


def _region_index(block: np.ndarray, valid: np.ndarray, codes: list[int], region: np.ndarray) -> None:
    """Set ``region`` to the index of each valid climate code in ``codes`` (-1 for a code not in the table);
    pixels without a climate value keep the default region."""
    region[valid] = -1
    for index, code in enumerate(codes):
        region[valid & (block == code)] = index
