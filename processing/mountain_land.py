"""SDG 15.4.2 as revised by FAO (2022): (a) Mountain Green Cover Index with the SEEA classes and (b) proportion
of degraded mountain land, by bioclimatic belt."""
from __future__ import annotations

import dataclasses

import numpy as np
from qgis.core import (
    QgsGeometry,
    QgsProcessingException,
    QgsProcessingMultiStepFeedback,
    QgsProcessingOutputNumber,
    QgsProcessingParameterMatrix,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterRasterLayer,
    QgsProcessingParameterString,
    QgsRasterLayer,
)

from ..core.degradation import NODATA, land_cover_state, parse_class_mapping, parse_transition_matrix, recode
from ..core.formulas import ratio
from ..core.mountains import (
    BELT_KEYS,
    BELTS,
    FAO_TRANSITIONS,
    GLOBELAND30_SEEA,
    SEEA_CLASSES,
    green_categories,
    korner_belts,
    transition_categories,
)
from ..core.results import ZoneValue
from ..core.terrain import KAPOS_CLASSES
from ..core.zonal import CategoryAreas
from ..translation import tr
from .base import IndicatorResult, SdgAlgorithm
from .mountain_green_cover import kapos_classes, write_kapos_classes
from .raster_io import grid_of, pixel_areas_help
from .styling import PalettedStyle
from .zones import zonal_stacks

N_BELTS = len(BELTS) + 1  # belt 0: unknown


class MountainLand(SdgAlgorithm):
    """15.4.2 (a) and (b) as revised in 2022, for all mountains and per bioclimatic belt, per zone."""

    ALG_ID = "mountain_land_15_4_2"
    INDICATOR = "15.4.2"
    SERIES_GREEN = "mgci"
    SERIES_DEGRADED = "degraded_mountain_land"
    UNIT = "percent"
    GROUP_ID = "land"
    COMPONENTS = ("green_km2", "mountain_km2", *(f"mgci_{key}" for key in BELT_KEYS), "degraded_km2",
                  "assessed_km2", "degraded_pct", *(f"degraded_pct_{key}" for key in BELT_KEYS))

    DEM = "DEM"
    LANDCOVER = "LANDCOVER"
    LANDCOVER_BASELINE = "LANDCOVER_BASELINE"
    LANDCOVER_MAPPING = "LANDCOVER_MAPPING"
    TRANSITION_MATRIX = "TRANSITION_MATRIX"
    BELTS = "BELTS"
    SEASON_DAYS = "SEASON_DAYS"
    SEASON_TEMPERATURE = "SEASON_TEMPERATURE"
    MOUNTAIN_CLASSES = "MOUNTAIN_CLASSES"

    def displayName(self) -> str:
        return tr("Mountain green cover and degraded mountain land (15.4.2, revised)")

    def shortHelpString(self) -> str:
        return tr(
            "<p>SDG indicator 15.4.2 as revised by FAO in 2022 (UN SDG metadata 15.4.2; FAO's SEPAL-SDG 15.4.2 "
            "tool), for all mountains and for each bioclimatic belt, for the whole area and each zone: (a) the "
            "Mountain Green Cover Index, MGCI = green mountain area / mountain area × 100 (VALUE, series "
            "<i>mgci</i>); (b) the proportion of degraded mountain land = mountain area degraded by land-cover "
            "change from LANDCOVER_BASELINE to LANDCOVER / mountain area with both land covers × 100 "
            "(DEGRADED_PCT, series <i>degraded_mountain_land</i>; the GPG baseline is 2000-2015).</p>"
            "<p><b>Mountains</b>: the UNEP-WCMC classes of Kapos et al. (2000) from the DEM, computed as in "
            "<i>Mountain Green Cover Index (15.4.2)</i> (slope by Horn's method and local relief within 7 km, in "
            "metres on the ellipsoid) and written to MOUNTAIN_CLASSES; classes 1-6 are mountain.</p>"
            "<p><b>Bioclimatic belts</b> (Körner et al. 2011, grouped by FAO): 1 nival, 2 alpine, 3 montane, "
            "4 remaining mountain area. Give BELTS (a raster of these codes, e.g. FAO's "
            "SDG1542_Mntn_BioclimaticBelts), or the growing season's length in days (SEASON_DAYS) and mean "
            "temperature in °C (SEASON_TEMPERATURE): nival below 10 days; alpine below 94 days or below 6.4 °C; "
            "montane up to 15 °C; remaining above. Without either, only the totals are given.</p>"
            "<p><b>Land cover</b> is mapped to the 10 SEEA classes (1 artificial surfaces, 2 croplands, "
            "3 grassland, 4 tree-covered, 5 shrub-covered, 6 shrubs or herbaceous vegetation aquatic or "
            "regularly flooded, 7 sparsely natural vegetated, 8 terrestrial barren land, 9 permanent snow and "
            "glaciers, 10 inland water) by <i>codes=class</i> items; the default maps GlobeLand30 (80=1; 10=2; "
            "30=3; 20=4; 40=5; 50=6; 70=7; 90=8; 100=9; 60=10). Green = classes 2-6. The transition matrix "
            "(rows: class at the baseline, columns: class at the end; -1 degradation, 0 stable, 1 improvement) "
            "defaults to FAO's.</p>"
            "<p>Everything is counted on the grid of LANDCOVER (the other rasters are read onto it, nearest "
            "neighbour), in strips; areas are true areas in km², pixel by pixel (see <i>Pixel areas</i> below). A "
            "mountain pixel whose land cover is not mapped "
            "counts in neither area. The older <i>Mountain Green Cover Index (15.4.2)</i> (six Kapos classes, "
            "a list of green codes) stays as it was.</p>"
            "<p>Outputs: VALUE (MGCI), DEGRADED_PCT, OUTPUT (the zones with <i>value</i>, <i>green_km2</i>, "
            "<i>mountain_km2</i>, <i>mgci_&lt;belt&gt;</i>, <i>degraded_km2</i>, <i>assessed_km2</i>, "
            "<i>degraded_pct</i>, <i>degraded_pct_&lt;belt&gt;</i>), MOUNTAIN_CLASSES. Results-store rows: "
            "indicator 15.4.2, series <i>mgci</i> and <i>degraded_mountain_land</i>, each with a row per belt "
            "(disaggregation <i>bioclimatic_belt=nival</i> ...).</p>") + pixel_areas_help()

    def add_inputs(self) -> None:
        self.addParameter(QgsProcessingParameterRasterLayer(self.DEM, tr("Digital elevation model (metres)")))
        self.addParameter(QgsProcessingParameterRasterLayer(self.LANDCOVER, tr("Land cover (reporting year)")))
        self.addParameter(QgsProcessingParameterRasterLayer(
            self.LANDCOVER_BASELINE, tr("Land cover at the baseline, for degraded mountain land"), optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.LANDCOVER_MAPPING, tr("Land-cover codes to SEEA classes 1-10 (codes=class; ...)"),
            defaultValue=GLOBELAND30_SEEA, optional=True))
        default = []
        for row, name in enumerate(SEEA_CLASSES):
            default += [name] + [int(v) for v in FAO_TRANSITIONS[row]]
        self.addParameter(QgsProcessingParameterMatrix(
            self.TRANSITION_MATRIX, tr("SEEA transition matrix (-1 degradation, 0 stable, 1 improvement)"),
            numberRows=len(SEEA_CLASSES), hasFixedNumberRows=True,
            headers=[tr("From \\ to"), *(str(k) for k in range(1, len(SEEA_CLASSES) + 1))], defaultValue=default,
            optional=True))
        self.addParameter(QgsProcessingParameterRasterLayer(
            self.BELTS, tr("Bioclimatic belts (1 nival, 2 alpine, 3 montane, 4 remaining)"), optional=True))
        self.addParameter(QgsProcessingParameterRasterLayer(
            self.SEASON_DAYS, tr("Growing season length (days), for the belts"), optional=True))
        self.addParameter(QgsProcessingParameterRasterLayer(
            self.SEASON_TEMPERATURE, tr("Growing season mean temperature (°C), for the belts"), optional=True))
        self.addParameter(QgsProcessingParameterRasterDestination(
            self.MOUNTAIN_CLASSES, tr("Mountain classes (Kapos)")))
        self.addOutput(QgsProcessingOutputNumber("DEGRADED_PCT", tr("Proportion of degraded mountain land (%)")))

    def compute(self, parameters, context, feedback, zones):
        layers = {name: self.parameterAsRasterLayer(parameters, name, context) for name in (
            self.DEM, self.LANDCOVER, self.LANDCOVER_BASELINE, self.BELTS, self.SEASON_DAYS,
            self.SEASON_TEMPERATURE)}
        layers = {name: layer for name, layer in layers.items() if layer is not None}
        self._check_belts(layers)
        mapping, matrix = self._rules(parameters, context)
        path = self.parameterAsOutputLayer(parameters, self.MOUNTAIN_CLASSES, context)
        steps = QgsProcessingMultiStepFeedback(2, feedback)
        write_kapos_classes(layers[self.DEM], 1, path, feedback, steps)
        steps.setCurrentStep(1)
        classes = QgsRasterLayer(path, "mountain_classes", "gdal")
        if not classes.isValid():
            raise QgsProcessingException(tr("Could not open the mountain class raster {}.").format(path))
        optional = [name for name in (self.LANDCOVER_BASELINE, self.BELTS, self.SEASON_DAYS,
                                      self.SEASON_TEMPERATURE) if name in layers]
        reads = [(layers[self.LANDCOVER], 1), (classes, 1)] + [(layers[name], 1) for name in optional]
        labels = zones.rasterize(grid_of(layers[self.LANDCOVER]), context) if zones is not None else None
        n_zones = len(zones) if zones is not None else 1
        green = CategoryAreas(n_zones, 2 * N_BELTS)
        transitions = CategoryAreas(n_zones, 3 * N_BELTS)
        try:
            for strips, zone_labels, pixel_area in zonal_stacks(reads, labels, steps):
                cover, kapos = strips[0], strips[1]
                extra = dict(zip(optional, strips[2:]))
                mountain = kapos.valid & np.isin(kapos.data, KAPOS_CLASSES)
                seea = recode(cover.data, mapping, cover.valid)
                belt = self._belts(extra, cover.data.shape)
                green.add(zone_labels, green_categories(mountain, belt, seea), pixel_area)
                if self.LANDCOVER_BASELINE in extra:
                    start = extra[self.LANDCOVER_BASELINE]
                    state = land_cover_state(recode(start.data, mapping, start.valid), seea, matrix)
                    transitions.add(zone_labels, transition_categories(mountain, belt, state, NODATA), pixel_area)
        finally:
            if labels is not None:
                labels.close()
        has_b = self.LANDCOVER_BASELINE in layers
        areas = (green.areas() / 1e6, transitions.areas() / 1e6 if has_b else None)
        values = [self._value(*areas, zone) for zone in range(1, n_zones + 1)]
        total = self._value(*areas, slice(1, None))
        if not total.denominator:
            feedback.pushWarning(tr("No mountain pixel with land cover: DEM '{}' has no Kapos mountain class "
                                    "where land cover '{}' has data.").format(layers[self.DEM].name(),
                                                                              layers[self.LANDCOVER].name()))
        self.style_on_load(context, path, PalettedStyle(kapos_classes))
        return IndicatorResult(
            total=total, zones=values if zones is not None else [],
            area_geometry=QgsGeometry.fromRect(layers[self.LANDCOVER].extent()),
            area_crs=layers[self.LANDCOVER].crs(),
            sources=[layer.source() for layer in layers.values()],
            outputs={self.MOUNTAIN_CLASSES: path, "DEGRADED_PCT": total.components["degraded_pct"]})

    def store_rows(self, parameters, context, zones, result):
        """Rows of series (a), then of series (b) when it was computed (its value in the components)."""
        rows = [dict(row, series=self.SERIES_GREEN)
                for row in super().store_rows(parameters, context, zones, result)]
        if result.total.components.get("degraded_pct") is None:
            return rows
        degraded = dataclasses.replace(result, total=_degraded(result.total),
                                       zones=[_degraded(value) for value in result.zones])
        rows += [dict(row, series=self.SERIES_DEGRADED, unit=self.UNIT)
                 for row in super().store_rows(parameters, context, zones, degraded)]
        return rows

    def _check_belts(self, layers: dict) -> None:
        season = [name in layers for name in (self.SEASON_DAYS, self.SEASON_TEMPERATURE)]
        if self.BELTS in layers and any(season):
            raise QgsProcessingException(tr("Give either BELTS or SEASON_DAYS and SEASON_TEMPERATURE, not both."))
        if any(season) and not all(season):
            raise QgsProcessingException(tr("SEASON_DAYS and SEASON_TEMPERATURE go together: give both."))

    def _rules(self, parameters, context) -> tuple[dict[int, int], np.ndarray]:
        text = self.parameterAsString(parameters, self.LANDCOVER_MAPPING, context) or GLOBELAND30_SEEA
        try:
            mapping = parse_class_mapping(text, len(SEEA_CLASSES))
        except ValueError as err:
            raise QgsProcessingException(tr("Parameter {}: {}").format(self.LANDCOVER_MAPPING, err)) from err
        values = self.parameterAsMatrix(parameters, self.TRANSITION_MATRIX, context)
        try:
            matrix = parse_transition_matrix(values, SEEA_CLASSES) if values else FAO_TRANSITIONS
        except ValueError as err:
            raise QgsProcessingException(tr("Parameter {}: {}").format(self.TRANSITION_MATRIX, err)) from err
        return mapping, matrix

    def _belts(self, extra: dict, shape: tuple[int, int]) -> np.ndarray:
        """Belt per pixel (0 unknown) from the BELTS raster or the growing season rule."""
        if self.BELTS in extra:
            block = extra[self.BELTS]
            return np.where(block.valid & np.isin(block.data, BELTS), block.data, 0).astype(np.uint8)
        if self.SEASON_DAYS in extra:
            days, temperature = extra[self.SEASON_DAYS], extra[self.SEASON_TEMPERATURE]
            return korner_belts(days.data.astype(np.float64), temperature.data.astype(np.float64),
                                days.valid & temperature.valid)
        return np.zeros(shape, dtype=np.uint8)

    @staticmethod
    def _value(green_areas: np.ndarray, transition_areas: np.ndarray | None, zone) -> ZoneValue:
        """(a) with its components and per-belt breakdown; (b) in the components (see :func:`_degraded`)."""
        def row(table: np.ndarray) -> np.ndarray:
            return table[zone] if isinstance(zone, int) else table[zone].sum(axis=0)

        by_green = row(green_areas)[1:].reshape(N_BELTS, 2)  # (belt, not green / green)
        green_km2, mountain_km2 = float(by_green[:, 1].sum()), float(by_green.sum())
        components = {"green_km2": green_km2, "mountain_km2": mountain_km2}
        breakdown = {}
        for belt, key in zip(BELTS, BELT_KEYS):
            part_green, part_all = float(by_green[belt, 1]), float(by_green[belt].sum())
            components[f"mgci_{key}"] = ratio(part_green, part_all)
            if part_all > 0:
                breakdown[f"bioclimatic_belt={key}"] = ZoneValue(ratio(part_green, part_all), part_green, part_all)
        components.update(dict.fromkeys(("degraded_km2", "assessed_km2", "degraded_pct",
                                         *(f"degraded_pct_{key}" for key in BELT_KEYS))))
        if transition_areas is not None:
            by_state = row(transition_areas)[1:].reshape(N_BELTS, 3)  # (belt, degraded / stable / improved)
            degraded, assessed = float(by_state[:, 0].sum()), float(by_state.sum())
            components.update({"degraded_km2": degraded, "assessed_km2": assessed,
                               "degraded_pct": ratio(degraded, assessed)})
            for belt, key in zip(BELTS, BELT_KEYS):
                components[f"degraded_pct_{key}"] = ratio(float(by_state[belt, 0]), float(by_state[belt].sum()))
        return ZoneValue(ratio(green_km2, mountain_km2), green_km2, mountain_km2, components, breakdown)


def _degraded(value: ZoneValue) -> ZoneValue:
    """Series (b) of a zone from the components of its (a) value."""
    c = value.components
    breakdown = {f"bioclimatic_belt={key}": ZoneValue(c[f"degraded_pct_{key}"])
                 for key in BELT_KEYS if c[f"degraded_pct_{key}"] is not None}
    return ZoneValue(c["degraded_pct"], c["degraded_km2"], c["assessed_km2"], {}, breakdown)
