"""SDG 11.3.1: ratio of land consumption rate to population growth rate (LCRPGR)."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsGeometry,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterLayer,
    QgsProcessingParameterString,
)

from ..core.land_formulas import (
    PGR_CODES,
    PGR_NEAR_ZERO,
    PGR_NEGATIVE,
    PGR_OK,
    PGR_TOLERANCE,
    land_consumption_values,
    pgr_status,
)
from ..core.numbers import number_or_none
from ..translation import tr
from .base import IndicatorResult, SdgAlgorithm
from .land_areas import (
    PolygonCover,
    cover_areas,
    ellipsoidal_measure,
    raster_class_areas,
    raster_sums,
    read_polygons,
    step_feedback,
)
from .raster_io import pixel_areas_help
from .tables import is_null


@dataclass
class _Date:
    """Built-up area (km²) and population per zone (or for the whole area) at one date."""

    builtup_km2: np.ndarray
    population: list[float | None]


class LandConsumption(SdgAlgorithm):
    """LCR, PGR and LCRPGR per zone from built-up rasters or polygons at two dates and populations."""

    ALG_ID = "land_consumption_11_3_1"
    INDICATOR = "11.3.1"
    UNIT = "ratio"
    GROUP_ID = "land"
    COMPONENTS = ("lcr", "pgr", "pgr_flag", "builtup_start_km2", "builtup_end_km2", "builtup_change_km2",
                  "builtup_change_pct", "pop_start", "pop_end", "builtup_pc_start_m2", "builtup_pc_end_m2")

    BUILTUP_START = "BUILTUP_START"
    BUILTUP_END = "BUILTUP_END"
    BUILTUP_START_POLYGONS = "BUILTUP_START_POLYGONS"
    BUILTUP_END_POLYGONS = "BUILTUP_END_POLYGONS"
    BUILTUP_CLASSES = "BUILTUP_CLASSES"
    POPULATION_START = "POPULATION_START"
    POPULATION_END = "POPULATION_END"
    POPULATION_START_FIELD = "POPULATION_START_FIELD"
    POPULATION_END_FIELD = "POPULATION_END_FIELD"
    POPULATION_START_RASTER = "POPULATION_START_RASTER"
    POPULATION_END_RASTER = "POPULATION_END_RASTER"
    YEAR_START = "YEAR_START"
    YEAR_END = "YEAR_END"
    PGR_TOLERANCE = "PGR_TOLERANCE"
    LCR = "LCR"
    PGR = "PGR"
    PGR_STATUS = "PGR_STATUS"

    def displayName(self) -> str:
        return tr("Land consumption rate to population growth rate (11.3.1)")

    def shortHelpString(self) -> str:
        return tr(
            "<p>SDG indicator 11.3.1: ratio of land consumption rate to population growth rate (LCRPGR), with "
            "built-up area per capita and the total change of built-up area, for the whole area and each "
            "zone.</p>"
            "<p><b>Method</b> (UN SDG metadata 11.3.1, custodian UN-Habitat, revision of March 2021): "
            "LCR = (V2 - V1) / V1 / (t2 - t1) and PGR = ln(P2 / P1) / (t2 - t1), both per year (fractions: "
            "0.02 = 2 % a year), where V is the built-up area and P the population at the start year t1 and "
            "the end year t2; LCRPGR = LCR / PGR. Built-up area per capita = V / P in m² per person; total "
            "change = V2 - V1 in km² and in percent of V1.</p>"
            "<p><b>PGR near zero or negative</b>: when |PGR| is at most the tolerance (default 0.001, i.e. "
            "0.1 % a year) or PGR is negative, LCRPGR is not computed (left empty) and the run warns; the "
            "field <i>pgr_flag</i> says why: 0 = PGR positive, 1 = near zero, 2 = negative, 3 = population "
            "missing. The output PGR_STATUS gives the same for the whole area as text (ok, near_zero, "
            "negative, missing).</p>"
            "<p><b>Built-up</b> at each date: a raster whose classes BUILTUP_CLASSES (default 1) are built-up "
            "(band 1; nodata counts nowhere; each raster on its own grid), or a polygon layer (overlapping "
            "polygons counted once). Areas are true areas in km²: ellipsoidal for polygons, pixel by pixel for "
            "rasters (see <i>Pixel areas</i> below).</p>"
            "<p><b>Population</b> at each date: per zone from a field of the zones layer or summed from a "
            "population raster over each zone (pixel-centre rule); for the whole area a number, else the sum "
            "over the zones, else the raster's total. A given whole-area number overrides the sum of the "
            "zones.</p>"
            "<p>With zones, built-up pixels count in the zone holding their centre and built-up polygons are "
            "cut by the zones; the whole-area values use the sums over the zones. The results store gets "
            "LCRPGR as value, LCR as numerator and PGR as denominator, one row per zone and one for the "
            "whole area. Outputs: VALUE (LCRPGR), LCR, PGR, PGR_STATUS and OUTPUT (the zones with the "
            "fields above).</p>") + pixel_areas_help()

    def add_inputs(self) -> None:
        self.addParameter(QgsProcessingParameterRasterLayer(
            self.BUILTUP_START, tr("Built-up raster at the start year"), optional=True))
        self.addParameter(QgsProcessingParameterRasterLayer(
            self.BUILTUP_END, tr("Built-up raster at the end year"), optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.BUILTUP_CLASSES, tr("Built-up classes of the rasters (e.g. 1 or 80 or 10-12)"), defaultValue="1"))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.BUILTUP_START_POLYGONS, tr("Or built-up polygons at the start year"),
            [QgsProcessing.SourceType.TypeVectorPolygon], optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.BUILTUP_END_POLYGONS, tr("Or built-up polygons at the end year"),
            [QgsProcessing.SourceType.TypeVectorPolygon], optional=True))
        for name, label in ((self.YEAR_START, tr("Start year (t1)")), (self.YEAR_END, tr("End year (t2)"))):
            self.addParameter(QgsProcessingParameterNumber(
                name, label, QgsProcessingParameterNumber.Type.Integer, minValue=1900, maxValue=2100))
        for name, label in ((self.POPULATION_START, tr("Population of the whole area at the start year")),
                            (self.POPULATION_END, tr("Population of the whole area at the end year"))):
            self.addParameter(QgsProcessingParameterNumber(
                name, label, QgsProcessingParameterNumber.Type.Double, minValue=0.0, optional=True))
        for name, label in ((self.POPULATION_START_FIELD, tr("Zone field with the population at the start year")),
                            (self.POPULATION_END_FIELD, tr("Zone field with the population at the end year"))):
            self.addParameter(QgsProcessingParameterField(
                name, label, parentLayerParameterName=self.ZONES, type=QgsProcessingParameterField.DataType.Numeric,
                optional=True))
        for name, label in ((self.POPULATION_START_RASTER, tr("Or population raster at the start year")),
                            (self.POPULATION_END_RASTER, tr("Or population raster at the end year"))):
            self.addParameter(QgsProcessingParameterRasterLayer(name, label, optional=True))
        tolerance = QgsProcessingParameterNumber(
            self.PGR_TOLERANCE, tr("PGR counted as zero up to (per year)"), QgsProcessingParameterNumber.Type.Double,
            defaultValue=PGR_TOLERANCE, minValue=0.0)
        tolerance.setFlags(tolerance.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
        self.addParameter(tolerance)
        self.addOutput(QgsProcessingOutputNumber(self.LCR, tr("Land consumption rate (per year)")))
        self.addOutput(QgsProcessingOutputNumber(self.PGR, tr("Population growth rate (per year)")))
        self.addOutput(QgsProcessingOutputString(self.PGR_STATUS, tr("PGR status (ok, near_zero, negative)")))

    def compute(self, parameters, context, feedback, zones):
        t1 = self.parameterAsInt(parameters, self.YEAR_START, context)
        t2 = self.parameterAsInt(parameters, self.YEAR_END, context)
        if t2 <= t1:
            raise QgsProcessingException(
                tr("YEAR_END ({}) must come after YEAR_START ({}).").format(t2, t1))
        tolerance = self.parameterAsDouble(parameters, self.PGR_TOLERANCE, context)
        steps = step_feedback(4, feedback)
        builtup, builtup_sources = self._builtup(parameters, context, steps, zones)
        steps.setCurrentStep(3)
        population, population_sources = self._populations(parameters, context, steps, zones, len(builtup[0]))
        start, end = (_Date(areas / 1e6, people) for areas, people in zip(builtup, population))
        sources = [source for pair in zip(builtup_sources, population_sources) for source in pair if source]
        total_population = (self._total_population(parameters, context, self.POPULATION_START, start),
                            self._total_population(parameters, context, self.POPULATION_END, end))
        values, total = land_consumption_values(start.builtup_km2, end.builtup_km2, start.population,
                                                end.population, t1, t2, tolerance, total_population)
        if zones is not None:
            flagged = [zone.area_id for zone, value in zip(zones.zones, values)
                       if value.components["pgr_flag"] in (PGR_CODES[PGR_NEAR_ZERO], PGR_CODES[PGR_NEGATIVE])]
            if flagged:
                feedback.pushWarning(tr(
                    "PGR is near zero or negative in zone(s) {}: LCRPGR is left empty there (see pgr_flag)."
                ).format(", ".join(flagged)))
        status = pgr_status(total.denominator, tolerance)
        if status != PGR_OK:
            feedback.pushWarning(tr(
                "PGR for the whole area is {} ({}): LCRPGR is not computed, since dividing by it would "
                "mislead.").format(status, _text(total.denominator)))
        geometry, crs = self._area(parameters, context)
        return IndicatorResult(
            total=total, zones=values if zones is not None else [], area_geometry=geometry, area_crs=crs,
            sources=sources,
            outputs={self.LCR: number_or_none(total.numerator), self.PGR: number_or_none(total.denominator),
                     self.PGR_STATUS: status})

    # --- inputs ---------------------------------------------------------------------------------------------
    def _builtup(self, parameters, context, steps, zones) -> tuple[list[np.ndarray], list[str]]:
        """Built-up area (m²) per zone and the source at each date; the rasters of both dates are counted in one
        pass when they share a grid (step 0), polygons are cut by the zones (steps 1 and 2)."""
        rasters, polygons = [], []
        for which, (raster_name, polygons_name) in enumerate(((self.BUILTUP_START, self.BUILTUP_START_POLYGONS),
                                                              (self.BUILTUP_END, self.BUILTUP_END_POLYGONS))):
            raster = self.parameterAsRasterLayer(parameters, raster_name, context)
            source = self.parameterAsSource(parameters, polygons_name, context)
            if (raster is None) == (source is None):
                raise QgsProcessingException(
                    tr("Give the built-up area at the {} year either as a raster ({}) or as polygons ({}), not "
                       "both and not neither.").format((tr("start"), tr("end"))[which], raster_name,
                                                       polygons_name))
            rasters.append(raster)
            polygons.append((polygons_name, source))
        areas: list[np.ndarray] = [np.empty(0), np.empty(0)]
        sources = ["", ""]
        given = [which for which, raster in enumerate(rasters) if raster is not None]
        if given:
            classes = self.class_list(parameters, context, self.BUILTUP_CLASSES)
            counted = raster_class_areas([rasters[w] for w in given], 1, classes, zones, context, steps)
            for which, found in zip(given, counted):
                areas[which], sources[which] = found, rasters[which].source()
        for which, (name, source) in enumerate(polygons):
            if source is not None:
                steps.setCurrentStep(1 + which)
                areas[which], sources[which] = self._cover_areas(parameters, context, steps, zones, name, source)
        return areas, sources

    def _cover_areas(self, parameters, context, steps, zones, name: str, source) -> tuple[np.ndarray, str]:
        """Ellipsoidal area (m²) of the union of built-up polygons per zone, and their source."""
        layer = self.parameterAsVectorLayer(parameters, name, context)
        label = layer.name() if layer is not None else name
        crs = source.sourceCrs()
        cover = PolygonCover([g for _, g in read_polygons(source, label, crs, context, steps)])
        zone_geometries = zones.geometries_in(crs, context) if zones is not None else None
        areas = cover_areas(cover, zone_geometries, ellipsoidal_measure(crs, context), steps)
        return areas, layer.source() if layer is not None else label

    def _populations(self, parameters, context, feedback, zones, n: int
                     ) -> tuple[list[list[float | None]], list[str]]:
        """Population per zone (or for the whole area) at each date, and the raster read for it ("" if none):
        from a zone field, summed from population rasters (read together when they share a grid), or None."""
        populations: list[list[float | None]] = [[None] * n, [None] * n]
        sources = ["", ""]
        rasters = []
        for which, (field_name, raster_name) in enumerate(
                ((self.POPULATION_START_FIELD, self.POPULATION_START_RASTER),
                 (self.POPULATION_END_FIELD, self.POPULATION_END_RASTER))):
            field = self.parameterAsString(parameters, field_name, context)
            raster = self.parameterAsRasterLayer(parameters, raster_name, context)
            if field and raster is not None:
                raise QgsProcessingException(
                    tr("Give the population either as a zone field ({}) or as a raster ({}), not both.").format(
                        field_name, raster_name))
            if field:
                if zones is None:
                    raise QgsProcessingException(
                        tr("{} needs a ZONES layer holding field '{}'.").format(field_name, field))
                populations[which] = [_population(zone.feature[field], zones.name, field, zone.area_id)
                                      for zone in zones.zones]
            elif raster is not None:
                rasters.append((which, raster))
        if rasters:
            sums = raster_sums([raster for _, raster in rasters], 1, zones, context, feedback)
            for (which, raster), found in zip(rasters, sums):
                populations[which], sources[which] = [float(v) for v in found], raster.source()
        return populations, sources

    def _total_population(self, parameters, context, name: str, date: _Date) -> float | None:
        """The given whole-area number, else the sum over the zones (None if any zone has none)."""
        if parameters.get(name) is not None:
            return self.parameterAsDouble(parameters, name, context)
        if any(p is None for p in date.population):
            return None
        return float(sum(date.population))

    def _area(self, parameters, context) -> tuple[QgsGeometry, QgsCoordinateReferenceSystem]:
        """The extent of the start built-up layer, for the whole-area feature of OUTPUT without zones."""
        raster = self.parameterAsRasterLayer(parameters, self.BUILTUP_START, context)
        if raster is not None:
            return QgsGeometry.fromRect(raster.extent()), raster.crs()
        source = self.parameterAsSource(parameters, self.BUILTUP_START_POLYGONS, context)
        return QgsGeometry.fromRect(source.sourceExtent()), source.sourceCrs()


def _population(value, layer: str, field: str, zone: str) -> float | None:
    """A zone's population from its field: None when NULL; refuses text and negative numbers."""
    if is_null(value):
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise QgsProcessingException(
            tr("Zones layer '{}', zone '{}': field '{}' holds '{}', not a population.").format(
                layer, zone, field, value)) from None
    if number < 0:
        raise QgsProcessingException(
            tr("Zones layer '{}', zone '{}': field '{}' holds a negative population ({}).").format(
                layer, zone, field, number))
    return number


def _text(value: float | None) -> str:
    return tr("no value") if value is None else f"{value:.6g}"
