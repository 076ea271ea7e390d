"""SDG 15.3.1: proportion of land that is degraded, by one out, all out over three sub-indicators."""
from __future__ import annotations

import numpy as np
from osgeo import gdal
from qgis.core import (
    QgsGeometry,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterMatrix,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterRasterLayer,
    QgsProcessingParameterString,
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
    parse_transition_matrix,
    recode,
    soc_state,
    status,
    status_state,
)
from ..core.formulas import ratio
from ..core.productivity import LPD_CODES, lpd_subindicator
from ..core.results import ZoneValue
from ..core.zonal import CategoryAreas
from ..translation import tr
from .base import IndicatorResult, SdgAlgorithm
from .degradation_inputs import CATEGORY, land_cover_mapping, soc_threshold_parameter, state_categories, state_classes
from .land_rasters import output_rasters
from .raster_io import grid_of, pixel_areas_help, read_strips
from .styling import PalettedStyle
from .zones import zonal_strips


class LandDegradation(SdgAlgorithm):
    """Degraded, stable and improved land per zone; writes the combined -1/0/1 raster."""

    ALG_ID = "land_degradation_15_3_1"
    INDICATOR = "15.3.1"
    UNIT = "percent"
    GROUP_ID = "land"
    COMPONENTS = ("degraded_km2", "stable_km2", "improved_km2", "total_km2", "status_degraded_km2",
                  "status_stable_km2", "status_improved_km2", "status_value")

    LANDCOVER_STATE = "LANDCOVER_STATE"
    LANDCOVER_START = "LANDCOVER_START"
    LANDCOVER_END = "LANDCOVER_END"
    LANDCOVER_MAPPING = "LANDCOVER_MAPPING"
    TRANSITION_MATRIX = "TRANSITION_MATRIX"
    PRODUCTIVITY = "PRODUCTIVITY"
    PRODUCTIVITY_LPD = "PRODUCTIVITY_LPD"
    SOC_STATE = "SOC_STATE"
    SOC_START = "SOC_START"
    SOC_END = "SOC_END"
    SOC_THRESHOLD = "SOC_THRESHOLD"
    DEGRADATION = "DEGRADATION"
    BASELINE = "BASELINE"
    STATUS = "STATUS"

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
            "<p><b>Productivity</b>: a raster of -1/0/1 (PRODUCTIVITY, e.g. OUTPUT_SUBINDICATOR of <i>Land "
            "productivity dynamics from NDVI</i> or Trends.Earth's), or the 5 land productivity dynamics classes "
            "(PRODUCTIVITY_LPD, Trends.Earth's codes: 1 declining, 2 moderate decline are degraded; 3 stable but "
            "stressed, 4 stable are stable; 5 increasing is improved).</p>"
            "<p><b>Soil organic carbon</b>: a raster of -1/0/1, or stocks at two dates: a loss of at least the "
            "threshold (default 10 %) is degraded, a gain of at least as much improved; no data where the first "
            "stock is not positive. <i>Soil organic carbon change from land cover</i> makes both from an initial "
            "stock and land cover.</p>"
            "<p><b>Status</b> (UNCCD GPG Addendum for SDG 15.3.1, 2025, <i>Assessing status for each reporting "
            "process</i>): with BASELINE, the 15.3.1 raster of the baseline period (-1/0/1, e.g. DEGRADATION of a "
            "run for 2000-2015), the STATUS raster holds the status at the end of this reporting period: a pixel "
            "degraded or improved in the period takes that state, a stable one keeps the baseline's. It is "
            "written in the Addendum's expanded classes: 1 persistent degradation (degraded in both), "
            "2 recent degradation, 3 baseline degradation (degraded, then stable), 4 stability, 5 baseline "
            "improvement, 6 recent improvement, 7 persistent improvement; 1-3 are degraded, 5-7 improved. "
            "STATUS_VALUE and the <i>status_*</i> fields give the degraded share and areas by the status.</p>"
            "<p>Give at least one sub-indicator; the GPG asks for all three. All rasters are read on the grid of "
            "the first given among land cover, productivity and soil organic carbon (nearest neighbour, "
            "reprojected if needed), band 1, in strips; areas are true areas in km², pixel by pixel ("
            "see <i>Pixel areas</i> below). Cancel stops the run.</p>"
            "<p>Outputs: VALUE (percent degraded), DEGRADED_KM2, STABLE_KM2, IMPROVED_KM2, STATUS_VALUE, OUTPUT "
            "(the zones with <i>value</i>, <i>degraded_km2</i>, <i>stable_km2</i>, <i>improved_km2</i>, "
            "<i>total_km2</i>, <i>status_degraded_km2</i>, <i>status_stable_km2</i>, <i>status_improved_km2</i>, "
            "<i>status_value</i>; the status fields are empty without BASELINE), DEGRADATION, the combined raster "
            "(Int16: -1, 0, 1; -32768 no data), and STATUS (Byte 1-7, 0 no data).</p>") + pixel_areas_help()

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
            self.PRODUCTIVITY_LPD, tr("Land productivity dynamics (5 classes), instead of the sub-indicator"),
            optional=True))
        self.addParameter(QgsProcessingParameterRasterLayer(
            self.SOC_STATE, tr("Soil organic carbon sub-indicator (-1/0/1), or give the two stocks below"),
            optional=True))
        self.addParameter(QgsProcessingParameterRasterLayer(
            self.SOC_START, tr("Soil organic carbon stock at the start"), optional=True))
        self.addParameter(QgsProcessingParameterRasterLayer(
            self.SOC_END, tr("Soil organic carbon stock at the end"), optional=True))
        self.addParameter(soc_threshold_parameter(self.SOC_THRESHOLD))
        self.addParameter(QgsProcessingParameterRasterDestination(
            self.DEGRADATION, tr("Land degradation (one out, all out)")))
        self.addParameter(QgsProcessingParameterRasterLayer(
            self.BASELINE, tr("15.3.1 of the baseline period (-1/0/1), for the status map"), optional=True))
        self.addParameter(QgsProcessingParameterRasterDestination(
            self.STATUS, tr("Status at the end of the reporting period (GPG Addendum)"), optional=True,
            createByDefault=False))
        for name, label in (("DEGRADED_KM2", tr("Degraded area (km²)")), ("STABLE_KM2", tr("Stable area (km²)")),
                            ("IMPROVED_KM2", tr("Improved area (km²)")),
                            ("STATUS_VALUE", tr("Degraded land by the status map (%)"))):
            self.addOutput(QgsProcessingOutputNumber(name, label))

    def compute(self, parameters, context, feedback, zones):
        layers = {name: self.parameterAsRasterLayer(parameters, name, context) for name in (
            self.LANDCOVER_STATE, self.LANDCOVER_START, self.LANDCOVER_END, self.PRODUCTIVITY,
            self.PRODUCTIVITY_LPD, self.SOC_STATE, self.SOC_START, self.SOC_END, self.BASELINE)}
        layers = {name: layer for name, layer in layers.items() if layer is not None}
        subs = self._sub_indicators(layers)
        mapping = matrix = None
        if self.LANDCOVER_START in layers:
            mapping, matrix = self._land_cover_rules(parameters, context)
        threshold = self.parameterAsDouble(parameters, self.SOC_THRESHOLD, context)
        reference = next(name for sub in subs for name in sub[::-1] if name in layers)
        grid = grid_of(layers[reference])
        path = self.parameterAsOutputLayer(parameters, self.DEGRADATION, context)
        status_path = self._status_path(parameters, context, layers, feedback)
        labels = zones.rasterize(grid, context) if zones is not None else None
        n_zones = len(zones) if zones is not None else 1
        totals, status_totals = (CategoryAreas(n_zones, len(CATEGORY)) for _ in range(2))
        others = {name: read_strips(layer, 1, None, grid) for name, layer in layers.items() if name != reference}
        unexpected = {name: 0 for name in layers}
        water = 0.0
        specs = [(path, gdal.GDT_Int16, NODATA)] + ([(status_path, gdal.GDT_Byte, 0)] if status_path else [])
        try:
            with output_rasters(grid, specs) as rasters:
                for strip, zone_labels, pixel_area in zonal_strips(layers[reference], 1, labels, feedback):
                    blocks = {name: next(strips) for name, strips in others.items()}
                    blocks[reference] = strip
                    states = self._given_states(blocks, unexpected)
                    end_water = None
                    if mapping is not None:
                        first, last = blocks[self.LANDCOVER_START], blocks[self.LANDCOVER_END]
                        end = recode(last.data, mapping, last.valid)
                        states.append(land_cover_state(recode(first.data, mapping, first.valid), end, matrix))
                        end_water = end == WATER
                    if self.SOC_START in blocks:
                        start, end = blocks[self.SOC_START], blocks[self.SOC_END]
                        states.append(soc_state(start.data, end.data, start.valid & end.valid, threshold))
                    combined = one_out_all_out(states)
                    if end_water is not None:
                        counted = end_water & (zone_labels > 0)
                        water += float(np.sum(np.broadcast_to(pixel_area.array(), combined.shape)[counted]))
                        combined[end_water] = NODATA
                    rasters.write(0, combined, strip.row0)
                    totals.add(zone_labels, state_categories(combined), pixel_area)
                    if self.BASELINE in blocks:
                        baseline, bad = given_state(blocks[self.BASELINE].data, blocks[self.BASELINE].valid)
                        unexpected[self.BASELINE] += bad
                        expanded = status(baseline, combined)
                        if status_path:
                            rasters.write(1, expanded, strip.row0)
                        status_totals.add(zone_labels, state_categories(status_state(expanded)), pixel_area)
        finally:
            if labels is not None:
                labels.close()
        for name, count in unexpected.items():
            if count:
                message = (tr("{} pixel(s) of '{}' hold a value other than 1 to 5 and were left out.")
                           if name == self.PRODUCTIVITY_LPD else
                           tr("{} pixel(s) of '{}' hold a value other than -1, 0 or 1 and were left out."))
                feedback.pushWarning(message.format(count, layers[name].name()))
        if water:
            feedback.pushInfo(tr("{:.4g} km² of water at the end date left out of the land area.").format(
                water / 1e6))
        self.style_on_load(context, path, PalettedStyle(state_classes))
        areas = totals.areas() / 1e6
        status_areas = status_totals.areas() / 1e6 if self.BASELINE in layers else None
        values = [self._value(areas, status_areas, zone) for zone in range(1, n_zones + 1)]
        total = self._value(areas, status_areas, slice(1, None))
        outputs = {self.DEGRADATION: path, "DEGRADED_KM2": total.components["degraded_km2"],
                   "STABLE_KM2": total.components["stable_km2"], "IMPROVED_KM2": total.components["improved_km2"],
                   "STATUS_VALUE": total.components["status_value"]}
        if status_path:
            self.style_on_load(context, status_path, PalettedStyle(status_classes))
            outputs[self.STATUS] = status_path
        return IndicatorResult(
            total=total, zones=values if zones is not None else [],
            area_geometry=QgsGeometry.fromRect(layers[reference].extent()), area_crs=layers[reference].crs(),
            sources=[layer.source() for layer in layers.values()], outputs=outputs)

    def _given_states(self, blocks: dict, unexpected: dict[str, int]) -> list[np.ndarray]:
        """The states of the sub-indicators given as rasters of -1/0/1 (or LPD classes), counting other values."""
        states = []
        for name in (self.LANDCOVER_STATE, self.PRODUCTIVITY, self.SOC_STATE):
            if name in blocks:
                state, bad = given_state(blocks[name].data, blocks[name].valid)
                unexpected[name] += bad
                states.append(state)
        if self.PRODUCTIVITY_LPD in blocks:
            block = blocks[self.PRODUCTIVITY_LPD]
            classes = np.where(block.valid & np.isin(block.data, LPD_CODES), block.data, 0).astype(np.uint8)
            unexpected[self.PRODUCTIVITY_LPD] += int(np.count_nonzero(block.valid & (classes == 0)))
            states.append(lpd_subindicator(classes, NODATA))
        return states

    def _status_path(self, parameters, context, layers: dict, feedback) -> str:
        """Where the status map goes: '' for none (the status areas are still counted when BASELINE is given).
        Without BASELINE there is no status: a STATUS destination (models and indicator sets fill one in) is left
        unwritten."""
        wanted = parameters.get(self.STATUS) not in (None, "")
        if self.BASELINE not in layers:
            if wanted:
                feedback.pushInfo(tr("No status map: it needs BASELINE, the 15.3.1 raster (-1/0/1) of the "
                                     "baseline period."))
            return ""
        return self.parameterAsOutputLayer(parameters, self.STATUS, context) if wanted else ""

    def _sub_indicators(self, layers: dict) -> list[tuple[str, ...]]:
        """The sub-indicators given, each as (state parameter, start, end); refuses ambiguous or partial ones."""
        subs = [(self.LANDCOVER_STATE, self.LANDCOVER_START, self.LANDCOVER_END),
                (self.PRODUCTIVITY, self.PRODUCTIVITY_LPD),
                (self.SOC_STATE, self.SOC_START, self.SOC_END)]
        given = []
        for sub in subs:
            if len(sub) == 2 and all(name in layers for name in sub):
                raise QgsProcessingException(tr("Give either {} or {}, not both.").format(*sub))
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
                   "PRODUCTIVITY (or PRODUCTIVITY_LPD), SOC_STATE (or SOC_START and SOC_END)."))
        return given

    def _land_cover_rules(self, parameters, context) -> tuple[dict[int, int], np.ndarray]:
        mapping = land_cover_mapping(self, parameters, context)
        values = self.parameterAsMatrix(parameters, self.TRANSITION_MATRIX, context)
        if not values:
            return mapping, UNCCD_TRANSITIONS
        try:
            return mapping, parse_transition_matrix(values)
        except ValueError as err:
            raise QgsProcessingException(tr("Parameter {}: {}").format(self.TRANSITION_MATRIX, err)) from err

    @staticmethod
    def _value(areas: np.ndarray, status_areas: np.ndarray | None, zone) -> ZoneValue:
        """The value of a zone (a row of the area tables, or a slice of rows summed) with its components."""
        def states(table: np.ndarray) -> tuple[float, float, float]:
            row = table[zone] if isinstance(zone, int) else table[zone].sum(axis=0)
            return tuple(float(row[CATEGORY[s]]) for s in (DEGRADED, STABLE, IMPROVED))

        degraded, stable, improved = states(areas)
        total = degraded + stable + improved
        components = {"degraded_km2": degraded, "stable_km2": stable, "improved_km2": improved,
                      "total_km2": total}
        found = states(status_areas) if status_areas is not None else (None, None, None)
        components.update(zip(("status_degraded_km2", "status_stable_km2", "status_improved_km2"), found))
        components["status_value"] = ratio(found[0], sum(found)) if status_areas is not None else None
        return ZoneValue(ratio(degraded, total), degraded, total, components)


def status_classes() -> list[tuple[int, str, str]]:
    """Value, colour and label of the expanded status classes of the GPG Addendum."""
    return [(1, "#762a83", tr("Persistent degradation")), (2, "#c2a5cf", tr("Recent degradation")),
            (3, "#9970ab", tr("Baseline degradation")), (4, "#ffffbf", tr("Stability")),
            (5, "#a6dba0", tr("Baseline improvement")), (6, "#5aae61", tr("Recent improvement")),
            (7, "#1b7837", tr("Persistent improvement"))]
