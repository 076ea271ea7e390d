"""SDG 6.6.1 (spatial extent of water-related ecosystems): percent change of water extent against a baseline."""
from __future__ import annotations

from qgis.core import (
    QgsGeometry,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsRasterLayer,
)

from ..core.land_formulas import YEAR_KEY, baseline_years, water_extent_values
from ..translation import tr
from .base import IndicatorResult, SdgAlgorithm
from .land_areas import (
    PolygonCover,
    cover_areas,
    ellipsoidal_measure,
    raster_class_areas,
    read_polygons,
    step_feedback,
)
from .raster_io import pixel_areas_help
from .reference_year import year_in_text


class WaterExtentChange(SdgAlgorithm):
    """Water extent per year (rasters or polygons), its baseline mean and percent change, per zone."""

    ALG_ID = "water_extent_change_6_6_1"
    INDICATOR = "6.6.1"
    UNIT = "percent"
    GROUP_ID = "land"

    WATER_RASTERS = "WATER_RASTERS"
    YEARS = "YEARS"
    WATER_CLASSES = "WATER_CLASSES"
    WATER_POLYGONS = "WATER_POLYGONS"
    YEAR_FIELD = "YEAR_FIELD"
    BASELINE_START = "BASELINE_START"
    BASELINE_END = "BASELINE_END"
    LATEST_YEAR = "LATEST_YEAR"
    BASELINE_KM2 = "BASELINE_KM2"

    def displayName(self) -> str:
        return tr("Change in the extent of water bodies (6.6.1)")

    def shortHelpString(self) -> str:
        return tr(
            "<p>SDG indicator 6.6.1 (sub-indicator on the spatial extent of water bodies): percent change of "
            "the water extent of each year against a baseline, for the whole area and for each zone.</p>"
            "<p><b>Method</b> (UN SDG metadata 6.6.1, custodian UNEP): change = (extent of the year - "
            "baseline) / baseline × 100, where the baseline is the mean extent over the baseline period, "
            "2000-2004 by default (BASELINE_START, BASELINE_END). When no year given falls in that period, "
            "the baseline is the mean of the first years given (as many as the period has years, never the "
            "latest year) and the run warns.</p>"
            "<p><b>Water extent per year</b>: either rasters, one per year (WATER_RASTERS with YEARS listing "
            "their years in the same order, e.g. 2000,2005,2010; left empty, each layer's year is read from "
            "its name), where the classes WATER_CLASSES (default 1) are water and nodata counts nowhere; or "
            "a polygon layer (WATER_POLYGONS) with a year field, where the polygons of a year are dissolved so "
            "overlaps count once. Areas are true areas in km²: ellipsoidal for polygons, pixel by pixel for "
            "rasters (see <i>Pixel areas</i> below). With zones, pixels count in the zone holding "
            "their centre and polygons are cut by the zones; whole-area extents are the sums over the "
            "zones.</p>"
            "<p>Outputs: VALUE, the percent change of the latest year for the whole area; LATEST_YEAR; "
            "BASELINE_KM2; and OUTPUT, the zones with <i>baseline_km2</i> and, per year, "
            "<i>water_km2_YYYY</i> and <i>change_pct_YYYY</i> (<i>value</i> is the latest year's change). The "
            "results store gets one row per zone and year, each with the data year (the YEAR parameter is not "
            "used): value = percent change, numerator = extent in km², denominator = baseline in "
            "km².</p>") + pixel_areas_help()

    def add_inputs(self) -> None:
        self.addParameter(QgsProcessingParameterMultipleLayers(
            self.WATER_RASTERS, tr("Water rasters, one per year"), QgsProcessing.SourceType.TypeRaster, optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.YEARS, tr("Years of the rasters, in order (e.g. 2000,2005,2010; empty: from the layer names)"),
            optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.WATER_CLASSES, tr("Water classes of the rasters (e.g. 1 or 60 or 50-52)"), defaultValue="1"))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.WATER_POLYGONS, tr("Or water polygons of several years"), [QgsProcessing.SourceType.TypeVectorPolygon],
            optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.YEAR_FIELD, tr("Year field of the water polygons"), parentLayerParameterName=self.WATER_POLYGONS,
            optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.BASELINE_START, tr("Baseline period: first year"), QgsProcessingParameterNumber.Type.Integer,
            defaultValue=2000, minValue=1900, maxValue=2100))
        self.addParameter(QgsProcessingParameterNumber(
            self.BASELINE_END, tr("Baseline period: last year"), QgsProcessingParameterNumber.Type.Integer,
            defaultValue=2004, minValue=1900, maxValue=2100))
        self.addOutput(QgsProcessingOutputNumber(self.LATEST_YEAR, tr("Latest year")))
        self.addOutput(QgsProcessingOutputNumber(self.BASELINE_KM2, tr("Baseline water extent (km²)")))

    def compute(self, parameters, context, feedback, zones):
        rasters = self.parameterAsLayerList(parameters, self.WATER_RASTERS, context)
        polygons = self.parameterAsSource(parameters, self.WATER_POLYGONS, context)
        if bool(rasters) == (polygons is not None):
            raise QgsProcessingException(
                tr("Give the water extent either as rasters ({}) or as polygons ({}), not both and not "
                   "neither.").format(self.WATER_RASTERS, self.WATER_POLYGONS))
        if rasters:
            extents, geometry, crs, sources = self._from_rasters(parameters, context, feedback, zones, rasters)
        else:
            extents, geometry, crs, sources = self._from_polygons(parameters, context, feedback, zones, polygons)
        years = sorted(extents)
        start = self.parameterAsInt(parameters, self.BASELINE_START, context)
        end = self.parameterAsInt(parameters, self.BASELINE_END, context)
        try:
            base_years, fallback = baseline_years(years, start, end)
        except ValueError as err:
            raise QgsProcessingException(tr("Baseline period: {}").format(err)) from err
        if fallback:
            feedback.pushWarning(tr("No year given falls in the baseline period {}-{}: the baseline is the mean of "
                                    "{}.").format(start, end, ", ".join(str(y) for y in base_years)))
        feedback.pushInfo(tr("Baseline years: {}.").format(", ".join(str(y) for y in base_years)))
        # The per-year fields depend on the years given, so this run's instance sets its own components.
        self.COMPONENTS = ("baseline_km2", *(f"water_km2_{y}" for y in years),
                           *(f"change_pct_{y}" for y in years))
        values, total = water_extent_values(extents, base_years)
        return IndicatorResult(
            total=total, zones=values if zones is not None else [], area_geometry=geometry, area_crs=crs,
            sources=sources,
            outputs={self.LATEST_YEAR: float(years[-1]), self.BASELINE_KM2: total.denominator})

    def store_rows(self, parameters, context, zones, result):
        """One row per area and year, with the data year (the breakdown rows, keyed ``year=YYYY``)."""
        rows = []
        for row in super().store_rows(parameters, context, zones, result):
            key = row["disaggregation"]
            if key.startswith(YEAR_KEY):
                rows.append(dict(row, year=int(key[len(YEAR_KEY):]), disaggregation=""))
        return rows

    # --- inputs ---------------------------------------------------------------------------------------------
    def _from_rasters(self, parameters, context, feedback, zones, rasters):
        years = self._raster_years(parameters, context, rasters)
        classes = self.class_list(parameters, context, self.WATER_CLASSES)
        for layer in rasters:
            if not isinstance(layer, QgsRasterLayer):
                raise QgsProcessingException(tr("Layer '{}' in {} is not a raster.").format(
                    layer.name(), self.WATER_RASTERS))
        areas = raster_class_areas(rasters, 1, classes, zones, context, feedback)
        extents = {year: area / 1e6 for year, area in zip(years, areas)}
        first = rasters[0]
        return extents, QgsGeometry.fromRect(first.extent()), first.crs(), [r.source() for r in rasters]

    def _raster_years(self, parameters, context, rasters) -> list[int]:
        text = self.parameterAsString(parameters, self.YEARS, context) or ""
        if text.strip():
            try:
                years = [int(item) for item in text.replace(";", ",").replace(" ", ",").split(",") if item]
            except ValueError:
                raise QgsProcessingException(
                    tr("Parameter {}: '{}' is not a list of years such as 2000,2005,2010.").format(
                        self.YEARS, text)) from None
            if len(years) != len(rasters):
                raise QgsProcessingException(
                    tr("Parameter {} lists {} year(s) for {} raster(s); give one year per raster, in the same "
                       "order.").format(self.YEARS, len(years), len(rasters)))
        else:
            years = []
            for layer in rasters:
                year = year_in_text(layer.name())
                if year is None:
                    raise QgsProcessingException(
                        tr("Raster '{}' has no year in its name: list the years in {}.").format(
                            layer.name(), self.YEARS))
                years.append(year)
        duplicates = sorted({y for y in years if years.count(y) > 1})
        if duplicates:
            raise QgsProcessingException(
                tr("Year(s) {} appear more than once among the water rasters; give one raster per year.").format(
                    ", ".join(str(y) for y in duplicates)))
        return years

    def _from_polygons(self, parameters, context, feedback, zones, source):
        layer = self.parameterAsVectorLayer(parameters, self.WATER_POLYGONS, context)
        name = layer.name() if layer is not None else self.WATER_POLYGONS
        field = self.parameterAsString(parameters, self.YEAR_FIELD, context)
        if not field or source.fields().indexFromName(field) < 0:
            raise QgsProcessingException(
                tr("Water polygons '{}': choose their year field in {}.").format(name, self.YEAR_FIELD))
        crs = source.sourceCrs()
        by_year: dict[int, list[QgsGeometry]] = {}
        for feature, geometry in read_polygons(source, name, crs, context, feedback):
            by_year.setdefault(_year(feature[field], name, field, feature.id()), []).append(geometry)
        if not by_year:
            raise QgsProcessingException(tr("Water polygons '{}' hold no polygon.").format(name))
        measure = ellipsoidal_measure(crs, context)
        zone_geometries = zones.geometries_in(crs, context) if zones is not None else None
        steps = step_feedback(len(by_year), feedback)
        extents = {}
        for step, (year, geometries) in enumerate(sorted(by_year.items())):
            steps.setCurrentStep(step)
            extents[year] = cover_areas(PolygonCover(geometries), zone_geometries, measure, steps) / 1e6
        geometry = QgsGeometry.fromRect(source.sourceExtent())
        return extents, geometry, crs, [layer.source() if layer is not None else name]


def _year(value, layer: str, field: str, fid: int) -> int:
    """A year from a field value (number or text such as "2005"); refuses anything else."""
    try:
        year = int(float(str(value)))
    except (TypeError, ValueError):
        year = 0
    if not 1900 <= year <= 2100:
        raise QgsProcessingException(
            tr("Water polygons '{}', feature {}: field '{}' holds '{}', not a year.").format(layer, fid, field,
                                                                                           value))
    return year
