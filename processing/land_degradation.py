"""SDG 15.3.1: proportion of land that is degraded, by one out, all out over three sub-indicators."""
from __future__ import annotations

import os

import numpy as np
from osgeo import gdal, osr
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsGeometry,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterMatrix,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterRasterLayer,
    QgsProcessingParameterString,
    QgsRasterFileWriter,
)

from ..core.degradation import (
    CLASS_NAMES,
    DEGRADED,
    GLOBELAND30_MAPPING,
    IMPROVED,
    NODATA,
    STABLE,
    UNCCD_TRANSITIONS,
    WATER,
    given_state,
    land_cover_state,
    one_out_all_out,
    parse_class_mapping,
    parse_transition_matrix,
    recode,
    soc_state,
)
from ..core.formulas import ratio
from ..core.results import ZoneValue
from ..core.zonal import CategoryAreas
from ..translation import tr
from .base import IndicatorResult, SdgAlgorithm
from .raster_io import RasterGrid, grid_of, read_strips
from .styling import PalettedStyle
from .zones import zonal_strips

#: Categories of the zonal area sums.
CATEGORY = {DEGRADED: 1, STABLE: 2, IMPROVED: 3}
STATE_COLOURS = {DEGRADED: "#d7191c", STABLE: "#ffffbf", IMPROVED: "#1a9641"}


def state_classes() -> list[tuple[int, str, str]]:
    """Value, colour and label of the combined raster's states (degraded red, stable yellow, improved green)."""
    labels = {DEGRADED: tr("Degraded"), STABLE: tr("Stable"), IMPROVED: tr("Improved")}
    return [(value, STATE_COLOURS[value], labels[value]) for value in (DEGRADED, STABLE, IMPROVED)]


class LandDegradation(SdgAlgorithm):
    """Degraded, stable and improved land per zone; writes the combined -1/0/1 raster."""

    ALG_ID = "land_degradation_15_3_1"
    INDICATOR = "15.3.1"
    UNIT = "percent"
    GROUP_ID = "land"
    COMPONENTS = ("degraded_km2", "stable_km2", "improved_km2", "total_km2")

    LANDCOVER_STATE = "LANDCOVER_STATE"
    LANDCOVER_START = "LANDCOVER_START"
    LANDCOVER_END = "LANDCOVER_END"
    LANDCOVER_MAPPING = "LANDCOVER_MAPPING"
    TRANSITION_MATRIX = "TRANSITION_MATRIX"
    PRODUCTIVITY = "PRODUCTIVITY"
    SOC_STATE = "SOC_STATE"
    SOC_START = "SOC_START"
    SOC_END = "SOC_END"
    SOC_THRESHOLD = "SOC_THRESHOLD"
    DEGRADATION = "DEGRADATION"

    def displayName(self) -> str:
        return tr("Proportion of land that is degraded (15.3.1)")

    def shortHelpString(self) -> str:
        return tr(
            "<p>SDG indicator 15.3.1: proportion of land that is degraded over total land area, for the whole "
            "area and for each zone, with the areas degraded, stable and improved in km².</p>"
            "<p><b>Method</b> (UN SDG metadata 15.3.1, custodian UNCCD; UNCCD Good Practice Guidance for "
            "SDG 15.3.1, version 2, 2021): three sub-indicators, each degraded (-1), stable (0) or improved (1) "
            "per pixel, combined by <i>one out, all out</i>: a pixel is degraded when any sub-indicator is "
            "degraded, otherwise improved when any is improved, otherwise stable. A pixel where a given "
            "sub-indicator has no data is not assessed and counts in no area. value = degraded / (degraded + "
            "stable + improved) × 100.</p>"
            "<p><b>Land cover</b>: a raster of -1/0/1, or land cover at two dates. The codes are mapped to the "
            "7 UNCCD classes (1 tree-covered, 2 grassland, 3 cropland, 4 wetland, 5 artificial, 6 other land, "
            "7 water bodies) by <i>codes=class</i> items; the default maps GlobeLand30: 20 forest = 1; "
            "30 grassland, 40 shrubland, 70 tundra = 2; 10 cultivated land = 3; 50 wetland = 4; 80 artificial "
            "surfaces = 5; 90 bareland, 100 snow and ice = 6; 60 water = 7. Unmapped codes have no data. The "
            "transition matrix (rows: class at the start, columns: class at the end) defaults to the UNCCD "
            "GPG matrix. Pixels that are water at the end are not land and are left out of the total.</p>"
            "<p><b>Productivity</b>: a raster of -1/0/1 (e.g. from Trends.Earth).</p>"
            "<p><b>Soil organic carbon</b>: a raster of -1/0/1, or stocks at two dates: a loss of at least the "
            "threshold (default 10 %) is degraded, a gain of at least as much improved; no data where the first "
            "stock is not positive.</p>"
            "<p>Give at least one sub-indicator; the GPG asks for all three. All rasters are read on the grid of "
            "the first given among land cover, productivity and soil organic carbon (nearest neighbour, "
            "reprojected if needed), band 1, in strips; areas are true areas in km² (ellipsoidal in a "
            "geographic CRS). Cancel stops the run.</p>"
            "<p>Outputs: VALUE (percent degraded), DEGRADED_KM2, STABLE_KM2, IMPROVED_KM2, OUTPUT (the zones "
            "with <i>value</i>, <i>degraded_km2</i>, <i>stable_km2</i>, <i>improved_km2</i>, "
            "<i>total_km2</i>) and DEGRADATION, the combined raster (Int16: -1, 0, 1; -32768 no data).</p>")

    def add_inputs(self) -> None:
        optional_raster = [
            (self.LANDCOVER_STATE, tr("Land-cover sub-indicator (-1/0/1), or give the two land covers below")),
            (self.LANDCOVER_START, tr("Land cover at the start")),
            (self.LANDCOVER_END, tr("Land cover at the end")),
        ]
        for name, label in optional_raster:
            self.addParameter(QgsProcessingParameterRasterLayer(name, label, optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.LANDCOVER_MAPPING, tr("Land-cover codes to UNCCD classes 1-7 (codes=class; ...)"),
            defaultValue=GLOBELAND30_MAPPING, optional=True))
        headers = [tr("From \\ to"), *CLASS_NAMES]  # class names stay English: matrix rows are checked by them
        default = []
        for row, name in enumerate(CLASS_NAMES):
            default += [name] + [int(v) for v in UNCCD_TRANSITIONS[row]]
        self.addParameter(QgsProcessingParameterMatrix(
            self.TRANSITION_MATRIX, tr("Land-cover transition matrix (-1 degradation, 0 stable, 1 improvement)"),
            numberRows=len(CLASS_NAMES), hasFixedNumberRows=True, headers=headers, defaultValue=default,
            optional=True))
        self.addParameter(QgsProcessingParameterRasterLayer(
            self.PRODUCTIVITY, tr("Land productivity sub-indicator (-1/0/1)"), optional=True))
        self.addParameter(QgsProcessingParameterRasterLayer(
            self.SOC_STATE, tr("Soil organic carbon sub-indicator (-1/0/1), or give the two stocks below"),
            optional=True))
        self.addParameter(QgsProcessingParameterRasterLayer(
            self.SOC_START, tr("Soil organic carbon stock at the start"), optional=True))
        self.addParameter(QgsProcessingParameterRasterLayer(
            self.SOC_END, tr("Soil organic carbon stock at the end"), optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.SOC_THRESHOLD, tr("Soil organic carbon change counted as degradation or improvement (%)"),
            QgsProcessingParameterNumber.Double, defaultValue=10.0, minValue=0.0, maxValue=100.0))
        self.addParameter(QgsProcessingParameterRasterDestination(
            self.DEGRADATION, tr("Land degradation (one out, all out)")))
        for name, label in (("DEGRADED_KM2", tr("Degraded area (km²)")), ("STABLE_KM2", tr("Stable area (km²)")),
                            ("IMPROVED_KM2", tr("Improved area (km²)"))):
            self.addOutput(QgsProcessingOutputNumber(name, label))

    def compute(self, parameters, context, feedback, zones):
        layers = {name: self.parameterAsRasterLayer(parameters, name, context) for name in (
            self.LANDCOVER_STATE, self.LANDCOVER_START, self.LANDCOVER_END, self.PRODUCTIVITY, self.SOC_STATE,
            self.SOC_START, self.SOC_END)}
        layers = {name: layer for name, layer in layers.items() if layer is not None}
        subs = self._sub_indicators(layers)
        mapping = matrix = None
        if self.LANDCOVER_START in layers:
            mapping, matrix = self._land_cover_rules(parameters, context)
        threshold = self.parameterAsDouble(parameters, self.SOC_THRESHOLD, context)
        reference = next(name for sub in subs for name in sub[::-1] if name in layers)
        grid = grid_of(layers[reference])
        path = self.parameterAsOutputLayer(parameters, self.DEGRADATION, context)
        labels = zones.rasterize(grid, context) if zones is not None else None
        totals = CategoryAreas(len(zones) if zones is not None else 1, len(CATEGORY), pixels=False)
        others = {name: read_strips(layer, 1, None, grid) for name, layer in layers.items() if name != reference}
        unexpected = {name: 0 for name in (self.LANDCOVER_STATE, self.PRODUCTIVITY, self.SOC_STATE)}
        water = 0.0
        dataset = _create_raster(path, grid)
        driver = dataset.GetDriver()
        try:
            for strip, zone_labels, pixel_area in zonal_strips(layers[reference], 1, labels, feedback):
                blocks = {name: next(strips) for name, strips in others.items()}
                blocks[reference] = strip
                states = []
                for name in (self.LANDCOVER_STATE, self.PRODUCTIVITY, self.SOC_STATE):
                    if name in blocks:
                        state, bad = given_state(blocks[name].data, blocks[name].valid)
                        unexpected[name] += bad
                        states.append(state)
                end_water = None
                if mapping is not None:
                    start = recode(blocks[self.LANDCOVER_START].data, mapping, blocks[self.LANDCOVER_START].valid)
                    end = recode(blocks[self.LANDCOVER_END].data, mapping, blocks[self.LANDCOVER_END].valid)
                    states.append(land_cover_state(start, end, matrix))
                    end_water = end == WATER
                if self.SOC_START in blocks:
                    start, end = blocks[self.SOC_START], blocks[self.SOC_END]
                    states.append(soc_state(start.data, end.data, start.valid & end.valid, threshold))
                combined = one_out_all_out(states)
                if end_water is not None:
                    counted = end_water & (zone_labels > 0)
                    water += float(np.sum(np.broadcast_to(pixel_area, combined.shape)[counted]))
                    combined[end_water] = NODATA
                dataset.GetRasterBand(1).WriteArray(combined, 0, strip.row0)
                categories = np.zeros(combined.shape, dtype=np.uint8)
                for state, category in CATEGORY.items():
                    categories[combined == state] = category
                totals.add(zone_labels, categories, pixel_area)
            dataset.FlushCache()
            dataset = None
        except BaseException:
            dataset = None
            driver.Delete(path)
            raise
        finally:
            if labels is not None:
                labels.close()
        for name, count in unexpected.items():
            if count:
                feedback.pushWarning(tr("{} pixel(s) of '{}' hold a value other than -1, 0 or 1 and were left "
                                        "out.").format(count, layers[name].name()))
        if water:
            feedback.pushInfo(tr("{:.4g} km² of water at the end date left out of the land area.").format(
                water / 1e6))
        self.style_on_load(context, path, PalettedStyle(state_classes))
        areas = totals.areas()[1:] / 1e6
        values = [self._value(row) for row in areas]
        total = self._value(areas.sum(axis=0))
        outputs = {self.DEGRADATION: path, "DEGRADED_KM2": total.components["degraded_km2"],
                   "STABLE_KM2": total.components["stable_km2"], "IMPROVED_KM2": total.components["improved_km2"]}
        return IndicatorResult(
            total=total, zones=values if zones is not None else [],
            area_geometry=QgsGeometry.fromRect(layers[reference].extent()), area_crs=layers[reference].crs(),
            sources=[layer.source() for layer in layers.values()], outputs=outputs)

    def _sub_indicators(self, layers: dict) -> list[tuple[str, ...]]:
        """The sub-indicators given, each as (state parameter, start, end); refuses ambiguous or partial ones."""
        subs = [(self.LANDCOVER_STATE, self.LANDCOVER_START, self.LANDCOVER_END), (self.PRODUCTIVITY,),
                (self.SOC_STATE, self.SOC_START, self.SOC_END)]
        given = []
        for sub in subs:
            if len(sub) == 3:
                state, start, end = (name in layers for name in sub)
                if state and (start or end):
                    raise QgsProcessingException(
                        tr("Give either {} or {} and {}, not both.").format(*sub))
                if start != end:
                    raise QgsProcessingException(
                        tr("{} and {} go together: give both, or give {} instead.").format(sub[1], sub[2], sub[0]))
            if any(name in layers for name in sub):
                given.append(sub)
        if not given:
            raise QgsProcessingException(
                tr("Give at least one sub-indicator: LANDCOVER_STATE (or LANDCOVER_START and LANDCOVER_END), "
                   "PRODUCTIVITY, SOC_STATE (or SOC_START and SOC_END)."))
        return given

    def _land_cover_rules(self, parameters, context) -> tuple[dict[int, int], np.ndarray]:
        text = self.parameterAsString(parameters, self.LANDCOVER_MAPPING, context) or GLOBELAND30_MAPPING
        try:
            mapping = parse_class_mapping(text)
        except ValueError as err:
            raise QgsProcessingException(tr("Parameter {}: {}").format(self.LANDCOVER_MAPPING, err)) from err
        values = self.parameterAsMatrix(parameters, self.TRANSITION_MATRIX, context)
        if not values:
            return mapping, UNCCD_TRANSITIONS
        try:
            return mapping, parse_transition_matrix(values)
        except ValueError as err:
            raise QgsProcessingException(tr("Parameter {}: {}").format(self.TRANSITION_MATRIX, err)) from err

    @staticmethod
    def _value(areas_km2: np.ndarray) -> ZoneValue:
        degraded, stable, improved = (float(areas_km2[CATEGORY[s]]) for s in (DEGRADED, STABLE, IMPROVED))
        total = degraded + stable + improved
        return ZoneValue(ratio(degraded, total), degraded, total,
                         {"degraded_km2": degraded, "stable_km2": stable, "improved_km2": improved,
                          "total_km2": total})


def _create_raster(path: str, grid: RasterGrid) -> gdal.Dataset:
    """An Int16 raster on ``grid`` for the combined states (tiled, compressed GeoTIFF by default)."""
    driver_name = QgsRasterFileWriter.driverForExtension(os.path.splitext(path)[1]) or "GTiff"
    options = ["TILED=YES", "COMPRESS=DEFLATE", "BIGTIFF=IF_SAFER"] if driver_name == "GTiff" else []
    driver = gdal.GetDriverByName(driver_name)
    dataset = driver.Create(path, grid.width, grid.height, 1, gdal.GDT_Int16, options) if driver else None
    if dataset is None:
        raise QgsProcessingException(tr("Could not create the raster {}; use a .tif file.").format(path))
    dataset.SetGeoTransform(grid.geotransform())
    srs = osr.SpatialReference()
    srs.ImportFromWkt(grid.crs.toWkt(QgsCoordinateReferenceSystem.WKT_PREFERRED_GDAL))
    dataset.SetProjection(srs.ExportToWkt())
    dataset.GetRasterBand(1).SetNoDataValue(NODATA)
    return dataset
