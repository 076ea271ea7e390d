"""SDG 15.3.1 land productivity dynamics from an annual NDVI series (UNCCD GPG v2, Trends.Earth definitions)."""
from __future__ import annotations

import os
import tempfile

import numpy as np
from osgeo import gdal
from qgis.core import (
    QgsGeometry,
    QgsProcessingException,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterRasterLayer,
    QgsProcessingUtils,
)

from ..core import productivity as lp
from ..core.degradation import NODATA
from ..core.formulas import ratio
from ..core.results import ZoneValue
from ..core.zonal import CategoryAreas
from ..translation import tr
from .base import IndicatorResult, SdgAlgorithm
from .degradation_inputs import state_classes
from .feedback import stop_if_cancelled
from .land_rasters import output_rasters
from .raster_io import grid_of, pixel_areas_help
from .styling import PalettedStyle
from .zones import zonal_stacks

#: Output field stems of the LPD classes, in code order 1..5.
CLASS_FIELDS = ("declining", "moderate_decline", "stressed", "stable", "increasing")
LPD_COLOURS = ("#d7191c", "#fdae61", "#fee08b", "#ffffbf", "#1a9641")
#: Pixels per block of the per-pixel statistics (the years of a block are held at once as float32).
BLOCK_PIXELS = 262_144
#: Values per chunk when the pixel statistics are read back from their temporary files.
CHUNK_VALUES = 4_000_000


def lpd_classes() -> list[tuple[int, str, str]]:
    """Value, colour and label of the LPD raster's classes."""
    labels = (tr("Declining"), tr("Moderate decline"), tr("Stable but stressed"), tr("Stable"), tr("Increasing"))
    return list(zip(lp.LPD_CODES, LPD_COLOURS, labels))


class LandProductivity(SdgAlgorithm):
    """Land productivity dynamics (5 classes) and the productivity sub-indicator of 15.3.1 from annual NDVI."""

    ALG_ID = "land_productivity_15_3_1"
    INDICATOR = "15.3.1"
    SERIES = "productivity_declining"
    UNIT = "percent"
    GROUP_ID = "land"
    COMPONENTS = (*(f"{name}_km2" for name in CLASS_FIELDS), *(f"{name}_pct" for name in CLASS_FIELDS),
                  "total_km2")

    NDVI = "NDVI"
    FIRST_YEAR = "FIRST_YEAR"
    BASELINE_START = "BASELINE_START"
    BASELINE_END = "BASELINE_END"
    REPORT_START = "REPORT_START"
    REPORT_END = "REPORT_END"
    LAND_UNITS = "LAND_UNITS"
    OUTPUT_LPD = "OUTPUT_LPD"
    OUTPUT_SUBINDICATOR = "OUTPUT_SUBINDICATOR"

    def displayName(self) -> str:
        return tr("Land productivity dynamics from NDVI (15.3.1)")

    def shortHelpString(self) -> str:
        return tr(
            "<p>Land productivity, the productivity sub-indicator of SDG 15.3.1, from an annual NDVI series, "
            "offline: the five land productivity dynamics (LPD) classes, the sub-indicator (-1/0/1) that "
            "<i>Proportion of land that is degraded (15.3.1)</i> takes as PRODUCTIVITY, and per zone the area "
            "and share of each class. value = share of land with declining productivity (declining + moderate "
            "decline) in %.</p>"
            "<p><b>Input</b>: NDVI with one band per year (an annual integral such as the mean annual NDVI, any "
            "scale), band 1 being FIRST_YEAR. The analysis runs from BASELINE_START to REPORT_END. A pixel with "
            "no data in any of these years, or in LAND_UNITS, is not assessed.</p>"
            "<p><b>Method</b> (UNCCD Good Practice Guidance for SDG 15.3.1, version 2, Sims et al. 2021; "
            "definitions of Trends.Earth, documentation <i>UNCCD reporting: Land productivity</i>):</p><ul>"
            "<li><b>Trajectory</b>: Mann-Kendall test over the analysis years (S with the tie correction of its "
            "variance, continuity-corrected z); a two-sided p-value &lt;= 0.05 is a trend, degrading or "
            "improving by the sign of the Theil-Sen slope; otherwise stable.</li>"
            "<li><b>State</b>: the baseline years (BASELINE_START-BASELINE_END) give 10 percentile classes (cut-offs "
            "at the 10th-90th percentiles, linear interpolation, of the annual values widened by two values 5 % "
            "of their range beyond the minimum and maximum). The mean of the baseline and the mean of the recent "
            "years (REPORT_START-REPORT_END) each fall in a class; 2 or more classes lower is degrading, 2 or "
            "more higher improving.</li>"
            "<li><b>Performance</b>: the mean NDVI over the analysis years against the maximum productivity of its "
            "land unit, the 90th percentile (exact, linear interpolation) of those means over the unit's pixels "
            "in the whole raster; below 50 % is degrading. LAND_UNITS is a categorical raster of similar land "
            "(Trends.Earth: land cover × soil type); without it the whole raster is one unit.</li></ul>"
            "<p><b>Combination</b> (Trends.Earth's aggregation table): trajectory degrading: 1 declining; "
            "trajectory improving: 5 increasing, except 2 moderate decline when state and performance are both "
            "degrading; trajectory stable: state improving: 4 stable; state stable: 4 stable, or 3 stable but "
            "stressed when the performance is degrading; state degrading: 2 moderate decline, or 1 declining when "
            "the performance is degrading. Sub-indicator: 1, 2 degraded (-1); 3, 4 stable (0); 5 improved (1).</p>"
            "<p>Areas are true areas in km², pixel by pixel (see <i>Pixel areas</i> below); rasters are read in "
            "strips and the pixel statistics kept in temporary files, so memory does not grow with the raster. "
            "Cancel stops the run and writes nothing.</p>"
            "<p>Outputs: OUTPUT_LPD (Byte, 1-5, 0 no data), OUTPUT_SUBINDICATOR (Int16 -1/0/1, -32768 no data), "
            "OUTPUT (the zones with <i>value</i> and, per class, <i>&lt;class&gt;_km2</i> and "
            "<i>&lt;class&gt;_pct</i>, and <i>total_km2</i>), VALUE. Results-store rows have indicator 15.3.1 "
            "and series <i>productivity_declining</i>.</p>") + pixel_areas_help()

    def add_inputs(self) -> None:
        self.addParameter(QgsProcessingParameterRasterLayer(self.NDVI, tr("NDVI, one band per year")))
        years = [
            (self.FIRST_YEAR, tr("Year of band 1"), 2000),
            (self.BASELINE_START, tr("First year of the baseline"), 2000),
            (self.BASELINE_END, tr("Last year of the baseline"), 2012),
            (self.REPORT_START, tr("First year of the recent years (state)"), 2013),
            (self.REPORT_END, tr("Last year of the recent years (end of the analysis)"), 2015),
        ]
        for name, label, default in years:
            self.addParameter(QgsProcessingParameterNumber(
                name, label, QgsProcessingParameterNumber.Type.Integer, defaultValue=default, minValue=1900,
                maxValue=2100))
        self.addParameter(QgsProcessingParameterRasterLayer(
            self.LAND_UNITS, tr("Land units for the performance measure (categorical; default: one unit)"),
            optional=True))
        self.addParameter(QgsProcessingParameterRasterDestination(
            self.OUTPUT_LPD, tr("Land productivity dynamics (5 classes)")))
        self.addParameter(QgsProcessingParameterRasterDestination(
            self.OUTPUT_SUBINDICATOR, tr("Land productivity sub-indicator (-1/0/1)")))

    def compute(self, parameters, context, feedback, zones):
        ndvi = self.parameterAsRasterLayer(parameters, self.NDVI, context)
        units_layer = self.parameterAsRasterLayer(parameters, self.LAND_UNITS, context)
        bands, baseline, recent = self._years(parameters, context, ndvi.bandCount())
        grid = grid_of(ndvi)
        labels = zones.rasterize(grid, context) if zones is not None else None
        n_zones = len(zones) if zones is not None else 1
        lpd_path = self.parameterAsOutputLayer(parameters, self.OUTPUT_LPD, context)
        sub_path = self.parameterAsOutputLayer(parameters, self.OUTPUT_SUBINDICATOR, context)
        reads = [(ndvi, band) for band in bands] + ([(units_layer, 1)] if units_layer is not None else [])
        with tempfile.TemporaryDirectory(dir=QgsProcessingUtils.tempFolder()) as folder:
            try:
                pixels = _PixelStore(folder, grid.height, grid.width)
                unit_codes = pixels.fill(zonal_stacks(reads, labels, feedback), len(bands), baseline, recent,
                                         units_layer is not None)
            finally:
                if labels is not None:
                    labels.close()
            feedback.pushInfo(tr("Maximum productivity of {} land unit(s)...").format(len(unit_codes)))
            maxima = lp.unit_percentiles(pixels.unit_values, pixels.unit_counts(len(unit_codes)),
                                         lp.PERFORMANCE_PERCENTILE)
            totals = CategoryAreas(n_zones, len(lp.LPD_CODES))
            with output_rasters(grid, [(lpd_path, gdal.GDT_Byte, lp.LPD_NODATA),
                                       (sub_path, gdal.GDT_Int16, NODATA)]) as rasters:
                for row0, lpd, zone_labels in pixels.classes(maxima, grid.strip_rows()):
                    stop_if_cancelled(feedback)
                    rasters.write(0, lpd, row0)
                    rasters.write(1, lp.lpd_subindicator(lpd, NODATA), row0)
                    totals.add(zone_labels, lpd, grid.areas().view(row0, lpd.shape[0]))
        self.style_on_load(context, lpd_path, PalettedStyle(lpd_classes))
        self.style_on_load(context, sub_path, PalettedStyle(state_classes))
        areas = totals.areas()[1:] / 1e6
        values = [self._value(row) for row in areas]
        layers = [ndvi] + ([units_layer] if units_layer is not None else [])
        return IndicatorResult(
            total=self._value(areas.sum(axis=0)), zones=values if zones is not None else [],
            area_geometry=QgsGeometry.fromRect(ndvi.extent()), area_crs=ndvi.crs(),
            sources=[layer.source() for layer in layers],
            outputs={self.OUTPUT_LPD: lpd_path, self.OUTPUT_SUBINDICATOR: sub_path})

    def store_rows(self, parameters, context, zones, result):
        return [dict(row, series=self.SERIES) for row in super().store_rows(parameters, context, zones, result)]

    def _years(self, parameters, context, band_count: int) -> tuple[list[int], slice, slice]:
        """The NDVI bands of the analysis, and the baseline's and the recent years' positions among them."""
        first, b0, b1, r0, r1 = (self.parameterAsInt(parameters, name, context) for name in (
            self.FIRST_YEAR, self.BASELINE_START, self.BASELINE_END, self.REPORT_START, self.REPORT_END))
        last = first + band_count - 1
        if not first <= b0 <= r1 <= last:
            raise QgsProcessingException(
                tr("NDVI holds the years {}-{} (band 1 is FIRST_YEAR {}, {} band(s)); BASELINE_START {} to "
                   "REPORT_END {} must lie within them.").format(first, last, first, band_count, b0, r1))
        if not b0 < b1 < r0 <= r1:
            raise QgsProcessingException(
                tr("The years must follow each other: BASELINE_START < BASELINE_END < REPORT_START <= REPORT_END "
                   "(got {}, {}, {}, {}).").format(b0, b1, r0, r1))
        if r1 - b0 + 1 < 4:
            raise QgsProcessingException(
                tr("The Mann-Kendall trajectory needs at least 4 years from BASELINE_START to REPORT_END."))
        bands = list(range(b0 - first + 1, r1 - first + 2))
        return bands, slice(0, b1 - b0 + 1), slice(r0 - b0, r1 - b0 + 1)

    @staticmethod
    def _value(areas_km2: np.ndarray) -> ZoneValue:
        by_class = [float(areas_km2[code]) for code in lp.LPD_CODES]
        total = sum(by_class)
        declining = by_class[0] + by_class[1]
        components = {f"{name}_km2": area for name, area in zip(CLASS_FIELDS, by_class)}
        components.update({f"{name}_pct": ratio(area, total) for name, area in zip(CLASS_FIELDS, by_class)})
        components["total_km2"] = total
        return ZoneValue(ratio(declining, total), declining, total, components)


class _PixelStore:
    """Per-pixel statistics of the first pass in temporary files (numpy memory maps), read back by the later
    passes: the trajectory and state measures, the mean NDVI, the land unit and the zone label."""

    def __init__(self, folder: str, height: int, width: int) -> None:
        shape = (height, width)

        def memmap(name: str, dtype) -> np.memmap:
            return np.lib.format.open_memmap(os.path.join(folder, f"{name}.npy"), mode="w+", dtype=dtype,
                                             shape=shape)

        self.trajectory = memmap("trajectory", np.int8)
        self.state = memmap("state", np.int8)
        self.mean = memmap("mean", np.float32)
        self.unit = memmap("unit", np.int32)  # index into the unit codes; -1 not assessed
        self.zone = memmap("zone", np.int32)

    def fill(self, stacks, years: int, baseline: slice, recent: slice, has_units: bool) -> list[float]:
        """First pass over the strips of the NDVI bands (and the land units); returns the land-unit codes."""
        codes: dict[float, int] = {}
        for strips, zone_labels, _ in stacks:
            row0, rows = strips[0].row0, strips[0].rows
            rows_slice = slice(row0, row0 + rows)
            valid = np.logical_and.reduce([strip.valid for strip in strips])
            unit = np.zeros(valid.shape, dtype=np.int32)
            if has_units:
                found, inverse = np.unique(strips[-1].data[valid], return_inverse=True)
                index = np.array([codes.setdefault(float(code), len(codes)) for code in found], dtype=np.int32)
                unit[valid] = index[inverse] if found.size else 0
            elif valid.any():
                codes.setdefault(0.0, 0)
            unit[~valid] = -1
            self.unit[rows_slice] = unit
            self.zone[rows_slice] = zone_labels
            step = max(1, BLOCK_PIXELS // max(1, valid.shape[1]))
            for start in range(0, rows, step):
                part = slice(start, start + step)
                series = np.stack([strip.data[part] for strip in strips[:years]]).astype(np.float32)
                target = slice(row0 + start, row0 + min(start + step, rows))
                self.trajectory[target] = lp.trajectory(series)
                self.state[target] = lp.state(series[baseline], series[recent])
                self.mean[target] = series.mean(axis=0, dtype=np.float64)
        return list(codes)

    def unit_values(self):
        """(unit index, mean) of the assessed pixels, chunk by chunk."""
        units, means = self.unit.reshape(-1), self.mean.reshape(-1)
        for start in range(0, units.size, CHUNK_VALUES):
            unit = np.asarray(units[start:start + CHUNK_VALUES])
            keep = unit >= 0
            yield unit[keep], np.asarray(means[start:start + CHUNK_VALUES])[keep]

    def unit_counts(self, n_units: int) -> np.ndarray:
        counts = np.zeros(n_units, dtype=np.int64)
        for unit, _ in self.unit_values():
            counts += np.bincount(unit, minlength=n_units)
        return counts

    def classes(self, maxima: np.ndarray, rows: int):
        """Strips of (row0, LPD classes, zone labels) from the stored measures and the unit maxima."""
        height = self.unit.shape[0]
        for row0 in range(0, height, rows):
            part = slice(row0, min(row0 + rows, height))
            unit = np.asarray(self.unit[part])
            assessed = unit >= 0
            maximum = np.where(assessed, maxima[np.maximum(unit, 0)] if maxima.size else 0.0, np.nan)
            performance = lp.performance(np.asarray(self.mean[part]), maximum)
            lpd = lp.lpd_class(np.asarray(self.trajectory[part]), np.asarray(self.state[part]), performance)
            lpd[~assessed] = lp.LPD_NODATA
            yield row0, lpd, np.asarray(self.zone[part])
