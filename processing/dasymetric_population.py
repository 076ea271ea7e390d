"""Dasymetric population: zone totals spread over a grid by land-cover class weights and/or building floor area."""
from __future__ import annotations

import math
import os
import re
from dataclasses import dataclass
from typing import Callable

import numpy as np
from osgeo import gdal, gdal_array, osr
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeatureRequest,
    QgsGeometry,
    QgsProcessing,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeatureSource,
    QgsProcessingFeedback,
    QgsProcessingOutputMultipleLayers,
    QgsProcessingParameterBand,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterLayer,
    QgsProcessingParameterString,
    QgsRasterLayer,
    QgsRectangle,
)

from ..compat import parameter_strings
from ..core.population import (
    GLOBELAND30_WEIGHTS,
    AllocationPlan,
    ZoneWeightSums,
    allocate,
    block_mean,
    class_weights,
    gathered_block_mean,
    parse_class_weights,
    plan_allocation,
    scatter_cells,
)
from ..translation import tr
from .base import SdgBaseAlgorithm
from .feedback import stop_if_cancelled
from .land_areas import ellipsoidal_measure
from .polygon_repair import valid_polygon
from .raster_io import (
    STRIP_PIXELS,
    NearestReader,
    RasterGrid,
    grid_of,
    map_units_per_metre,
    pixel_areas_help,
    read_strips,
)
from .zones import ZoneSet

NODATA = -9999.0
#: Largest land-cover subsampling factor per cell side.
MAX_SUBCELLS = 32
#: Memory for the strips the second pass reuses from the first (zone labels and weight levels), in bytes.
PASS_CACHE_BYTES = 512 * 2**20
GTIFF_OPTIONS = ["TILED=YES", "COMPRESS=DEFLATE", "PREDICTOR=3", "BIGTIFF=IF_SAFER", "NUM_THREADS=ALL_CPUS"]


@dataclass(frozen=True)
class FloorAreaCells:
    """Building floor area (m²) as pieces per output cell, sorted by row: the buildings' weight layer."""

    rows: np.ndarray
    cols: np.ndarray
    values: np.ndarray

    def strip(self, row0: int, n_rows: int, width: int) -> np.ndarray:
        return scatter_cells(self.rows, self.cols, self.values, row0, n_rows, width)


class DasymetricPopulation(SdgBaseAlgorithm):
    """Spread zone totals over a grid by land-cover weights and/or building floor area; one raster per total."""

    ALG_ID = "dasymetric_population"
    GROUP_ID = "access"

    ZONES = "ZONES"
    ZONE_ID_FIELD = "ZONE_ID_FIELD"
    ZONE_NAME_FIELD = "ZONE_NAME_FIELD"
    TOTAL_FIELDS = "TOTAL_FIELDS"
    LANDCOVER = "LANDCOVER"
    BAND = "BAND"
    CLASS_WEIGHTS = "CLASS_WEIGHTS"
    BUILDINGS = "BUILDINGS"
    FLOORS_FIELD = "FLOORS_FIELD"
    CELL_SIZE = "CELL_SIZE"
    REFERENCE = "REFERENCE"
    OUTPUT_FOLDER = "OUTPUT_FOLDER"
    OUTPUT_LAYERS = "OUTPUT_LAYERS"

    def displayName(self) -> str:
        return tr("Dasymetric population grid")

    def shortHelpString(self) -> str:
        return tr(
            "<p>Spreads population totals of zones (census townships, villages) over a grid, as Deqing County's "
            "30 m population grid spread town census totals over residential land by building floor area "
            "(dasymetric mapping). Each total field (e.g. pop_2020_m, pop_2020_f) becomes one Float32 GeoTIFF "
            "named after the field in the output folder; the cells of a zone add up to the zone's total "
            "(up to float32 rounding). To use totals from a table, join it to the zones by zone id first "
            "(Join attributes by field value).</p>"
            "<p><b>Weights.</b> Land cover: CLASS_WEIGHTS gives a relative weight per class as class:weight "
            "(ranges allowed, e.g. 40-49:0.5); unlisted classes weigh 0. The default suits GlobeLand30: "
            "80 artificial surfaces 1, 10 cultivated land 0.05, 20 forest, 30 grassland and 40 shrubland "
            "0.01; wetland, water, tundra, bare land, snow and ice 0. Calibrate them for your area. A cell's "
            "land-cover weight is the mean class weight over a subgrid of the cell (as fine as the land cover, "
            "at most 32 × 32 sub-cells, nearest neighbour; warped by GDAL when REFERENCE is in another CRS) times "
            "the cell's true area (see <i>Pixel areas</i> below), i.e. weights by area share. "
            "Buildings: floor area = footprint area (m², on the ellipsoid) × floors (FLOORS_FIELD; 1 without "
            "it); a building crossing cells is split between them by the exact share of its footprint in each "
            "cell. With both, a cell weighs its floor area × its mean land-cover weight (buildings on classes "
            "of weight 0, such as industry or water, are not homes).</p>"
            "<p><b>Fallbacks.</b> Each zone uses the most detailed weight it has: floor area (on weighted land "
            "cover), then land-cover weights, then a uniform spread over the zone's cells by area; each "
            "fallback is reported with the zone named. A cell belongs to the zone holding its centre; a zone "
            "holding no cell centre cannot be placed (warning): choose a smaller CELL_SIZE.</p>"
            "<p><b>Grid.</b> The grid of REFERENCE when given; else cells of CELL_SIZE metres in the land "
            "cover's CRS (the zones' CRS without land cover), aligned to the land-cover pixels and covering the "
            "zones. CELL_SIZE is ground metres at the zones' centre, turned into map units along x and y with the "
            "CRS's scale there (degrees in a geographic CRS; in Web Mercator at 60° N about twice CELL_SIZE); a "
            "projected CRS whose scale is within 1 % of true there (UTM, Gauss-Krüger) keeps CELL_SIZE map "
            "metres. Cells outside every zone are nodata (-9999).</p>"
            "<p>Rasters are read and written in strips in two passes (weight sums per zone, then allocation), so "
            "grids of any size work; cancel stops the run and removes the partial outputs.</p>") + pixel_areas_help()

    def initAlgorithm(self, config=None) -> None:
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.ZONES, tr("Zones with population totals (census townships, villages)"),
            [QgsProcessing.SourceType.TypeVectorPolygon]))
        self.addParameter(QgsProcessingParameterField(
            self.TOTAL_FIELDS, tr("Total fields (one output raster each, e.g. pop_2020_m, pop_2020_f)"),
            parentLayerParameterName=self.ZONES, type=QgsProcessingParameterField.DataType.Numeric, allowMultiple=True))
        self.addParameter(QgsProcessingParameterField(
            self.ZONE_ID_FIELD, tr("Zone id field (names zones in messages; default: feature id)"),
            parentLayerParameterName=self.ZONES, optional=True))
        self.addParameter(QgsProcessingParameterRasterLayer(
            self.LANDCOVER, tr("Land-cover raster"), optional=True))
        self.addParameter(QgsProcessingParameterBand(
            self.BAND, tr("Land-cover band"), defaultValue=1, parentLayerParameterName=self.LANDCOVER,
            optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.CLASS_WEIGHTS, tr("Land-cover class weights (class:weight, e.g. 80:1,10:0.05,20:0.01)"),
            defaultValue=GLOBELAND30_WEIGHTS, optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.BUILDINGS, tr("Buildings (polygons)"), [QgsProcessing.SourceType.TypeVectorPolygon], optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.FLOORS_FIELD, tr("Number of floors field (default: 1 floor)"), parentLayerParameterName=self.BUILDINGS,
            type=QgsProcessingParameterField.DataType.Numeric, optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.CELL_SIZE, tr("Cell size (metres)"), QgsProcessingParameterNumber.Type.Double, defaultValue=100.0,
            minValue=0.01))
        reference = QgsProcessingParameterRasterLayer(
            self.REFERENCE, tr("Reference raster for the output grid (overrides cell size)"), optional=True)
        zone_name = QgsProcessingParameterField(
            self.ZONE_NAME_FIELD, tr("Zone name field"), parentLayerParameterName=self.ZONES, optional=True)
        self.add_advanced([reference, zone_name])
        self.addParameter(QgsProcessingParameterFolderDestination(
            self.OUTPUT_FOLDER, tr("Output folder (one GeoTIFF per total field)")))
        self.addOutput(QgsProcessingOutputMultipleLayers(self.OUTPUT_LAYERS, tr("Population rasters")))

    # --- run ------------------------------------------------------------------------------------------------
    def processAlgorithm(self, parameters, context, feedback):
        zones = self.read_zones(parameters, context)
        if zones is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.ZONES))
        zones.refuse_empty()
        fields = parameter_strings(self, parameters, self.TOTAL_FIELDS, context)
        if not fields:
            raise QgsProcessingException(tr("Choose at least one total field of the zones layer (TOTAL_FIELDS)."))
        totals = _totals(zones, fields)
        landcover = self.parameterAsRasterLayer(parameters, self.LANDCOVER, context)
        has_buildings = self.parameterAsSource(parameters, self.BUILDINGS, context) is not None
        if landcover is None and not has_buildings:
            raise QgsProcessingException(
                tr("Give a land-cover raster (LANDCOVER), buildings (BUILDINGS) or both to weight the cells."))
        grid = self._grid(parameters, context, zones, landcover)
        feedback.pushInfo(tr("Output grid: {} × {} cells of {:.6g} × {:.6g} ({}).").format(
            grid.width, grid.height, grid.xres, grid.yres, grid.crs.authid() or grid.crs.description()))
        weights = _WeightLayers(grid, feedback)
        if landcover is not None:
            weights.set_landcover(landcover, self.parameterAsInt(parameters, self.BAND, context) or 1,
                                  self._class_weights(parameters, context), context)
        if has_buildings:
            weights.buildings = self._floor_areas(parameters, context, grid, feedback)
        folder = self.parameterAsFileOutput(parameters, self.OUTPUT_FOLDER, context)
        os.makedirs(folder, exist_ok=True)
        labels = zones.rasterize(grid, context)
        try:
            kept = _StripCache(lambda row0, rows: (labels.read(row0, rows), weights.levels(row0, rows)))
            sums = ZoneWeightSums(len(zones), len(weights.names()))
            for row0, rows in weights.strips():
                stop_if_cancelled(feedback)
                sums.add(*kept.first(row0, rows))
                feedback.setProgress(10.0 + 45.0 * (row0 + rows) / grid.height)
            plan = plan_allocation(sums, totals)
            self._report(zones, sums, plan, weights.names(), fields, feedback)
            paths = self._write(folder, fields, grid, weights, kept, plan, feedback)
        finally:
            labels.close()
        for path, field in zip(paths, fields):
            context.addLayerToLoadOnCompletion(path, QgsProcessingContext.LayerDetails(
                field, context.project(), self.OUTPUT_LAYERS))
        return {self.OUTPUT_FOLDER: folder, self.OUTPUT_LAYERS: paths}

    # --- inputs ---------------------------------------------------------------------------------------------
    def _class_weights(self, parameters, context) -> dict[int, float]:
        text = self.parameterAsString(parameters, self.CLASS_WEIGHTS, context)
        try:
            weights = parse_class_weights(text or GLOBELAND30_WEIGHTS)
        except ValueError as err:
            raise QgsProcessingException(tr("Parameter CLASS_WEIGHTS: {}").format(err)) from err
        if not any(weights.values()):
            raise QgsProcessingException(
                tr("Parameter CLASS_WEIGHTS gives no class a weight above 0; give the inhabited classes a "
                   "weight, e.g. 80:1."))
        return weights

    def _grid(self, parameters, context, zones: ZoneSet, landcover: QgsRasterLayer | None) -> RasterGrid:
        """The REFERENCE grid, or CELL_SIZE cells over the zones in the land cover's (or zones') CRS."""
        reference = self.parameterAsRasterLayer(parameters, self.REFERENCE, context)
        if reference is not None:
            return grid_of(reference)
        crs = grid_of(landcover).crs if landcover is not None else zones.crs
        boxes = [geometry.boundingBox() for geometry in zones.geometries_in(crs, context) if not geometry.isEmpty()]
        extent = QgsRectangle(boxes[0]) if boxes else QgsRectangle()
        for box in boxes[1:]:
            extent.combineExtentWith(box)
        if extent.isEmpty():
            raise QgsProcessingException(tr("Zones layer '{}' has no geometry.").format(zones.name))
        cell = self.parameterAsDouble(parameters, self.CELL_SIZE, context)
        per_metre = map_units_per_metre(crs, extent.center().x(), extent.center().y())
        xres, yres = (cell * float(units) for units in per_metre)
        origin = ((landcover.extent().xMinimum(), landcover.extent().yMaximum()) if landcover is not None
                  else (0.0, 0.0))
        left = origin[0] + math.floor((extent.xMinimum() - origin[0]) / xres) * xres
        top = origin[1] + math.ceil((extent.yMaximum() - origin[1]) / yres) * yres
        width = max(1, math.ceil((extent.xMaximum() - left) / xres - 1e-9))
        height = max(1, math.ceil((top - extent.yMinimum()) / yres - 1e-9))
        return RasterGrid(crs, QgsRectangle(left, top - height * yres, left + width * xres, top), width, height)

    def _floor_areas(self, parameters, context, grid: RasterGrid,
                     feedback: QgsProcessingFeedback) -> FloorAreaCells:
        """Floor area of every building split over the cells its footprint covers (exact area shares)."""
        source = self.parameterAsSource(parameters, self.BUILDINGS, context)
        floors_field = self.parameterAsString(parameters, self.FLOORS_FIELD, context)
        if not source.sourceCrs().isValid():
            raise QgsProcessingException(
                tr("Buildings layer has no coordinate reference system: set one and run again."))
        transform = QgsCoordinateTransform(source.sourceCrs(), grid.crs, context.transformContext())
        measure = ellipsoidal_measure(source.sourceCrs(), context)
        request = QgsFeatureRequest().setInvalidGeometryCheck(QgsFeatureRequest.InvalidGeometryCheck.GeometryNoCheck)
        request.setSubsetOfAttributes([floors_field] if floors_field else [], source.fields())
        rows: list[int] = []
        cols: list[int] = []
        values: list[float] = []
        skipped = 0
        count = max(1, source.featureCount())
        for index, feature in enumerate(source.getFeatures(
                request, QgsProcessingFeatureSource.Flag.FlagSkipGeometryValidityChecks)):
            if index % 1000 == 0:
                stop_if_cancelled(feedback)
                feedback.setProgress(10.0 * index / count)
            floors = feature[floors_field] if floors_field else 1.0
            geometry = feature.geometry()
            if not isinstance(floors, (int, float)) or floors < 0 or geometry.isEmpty():
                skipped += 1
                continue
            geometry = valid_polygon(geometry)
            area = measure.measureArea(geometry)
            geometry.transform(transform)
            for row, col, share in _cell_shares(geometry, grid):
                rows.append(row)
                cols.append(col)
                values.append(area * float(floors) * share)
        if skipped:
            feedback.pushWarning(tr("{} building(s) without a valid number of floors or geometry were left "
                                    "out.").format(skipped))
        order = np.argsort(np.asarray(rows, dtype=np.int64), kind="stable")
        cells = FloorAreaCells(np.asarray(rows, dtype=np.int64)[order], np.asarray(cols, dtype=np.int64)[order],
                               np.asarray(values, dtype=np.float64)[order])
        feedback.pushInfo(tr("Building floor area on the grid: {:.6g} m².").format(float(cells.values.sum())))
        return cells

    # --- outputs --------------------------------------------------------------------------------------------
    @staticmethod
    def _report(zones: ZoneSet, sums: ZoneWeightSums, plan: AllocationPlan, names: list[str], fields: list[str],
                feedback: QgsProcessingFeedback) -> None:
        """Warn about every zone that falls back to a coarser weight or cannot be placed."""
        for label, zone in enumerate(zones.zones, start=1):
            level = int(plan.level[label])
            who = zone.area_id + (f" ({zone.area_name})" if zone.area_name else "")
            if level < 0:
                feedback.pushWarning(tr(
                    "Zone '{}' holds no cell centre of the output grid: its totals ({}) are not in the output; "
                    "use a smaller CELL_SIZE.").format(who, ", ".join(fields)))
            elif level == len(names) - 1 and level > 0:
                feedback.pushWarning(tr(
                    "Zone '{}' has no weighted cell: its totals are spread uniformly over its {} cell(s).").format(
                    who, int(sums.cells[label])))
            elif level > 0:
                feedback.pushWarning(tr("Zone '{}' has no {}: its totals are spread by {}.").format(
                    who, names[0], names[level]))

    @staticmethod
    def _write(folder: str, fields: list[str], grid: RasterGrid, weights: _WeightLayers, kept: _StripCache,
               plan: AllocationPlan, feedback: QgsProcessingFeedback) -> list[str]:
        """Pass 2: write weight × total / zone weight sum, strip by strip, one GeoTIFF per total field."""
        paths = [os.path.join(folder, _file_name(field, fields)) for field in fields]
        srs = osr.SpatialReference()
        srs.ImportFromWkt(grid.crs.toWkt(QgsCoordinateReferenceSystem.WktVariant.WKT_PREFERRED_GDAL))
        datasets = []
        written = np.zeros(len(fields), dtype=np.float64)
        try:
            for path, field in zip(paths, fields):
                dataset = gdal.GetDriverByName("GTiff").Create(path, grid.width, grid.height, 1, gdal.GDT_Float32,
                                                               GTIFF_OPTIONS)
                if dataset is None:
                    raise QgsProcessingException(tr("Could not create the raster {}.").format(path))
                dataset.SetGeoTransform(grid.geotransform())
                dataset.SetProjection(srs.ExportToWkt())
                band = dataset.GetRasterBand(1)
                band.SetNoDataValue(NODATA)
                band.SetDescription(field)
                datasets.append(dataset)
            for row0, rows in weights.strips():
                stop_if_cancelled(feedback)
                values = allocate(*kept.second(row0, rows), plan).astype(np.float32)
                for index, dataset in enumerate(datasets):
                    block = values[index]
                    written[index] += float(np.nansum(block, dtype=np.float64))
                    dataset.GetRasterBand(1).WriteArray(np.where(np.isnan(block), np.float32(NODATA), block), 0,
                                                        row0)
                feedback.setProgress(55.0 + 45.0 * (row0 + rows) / grid.height)
            for dataset in datasets:
                dataset.FlushCache()
        except BaseException:
            datasets.clear()
            for path in paths:
                if os.path.exists(path):
                    gdal.Unlink(path)
            raise
        datasets.clear()
        for field, total in zip(fields, written):
            feedback.pushInfo(tr("{}: {:.8g} on the grid.").format(field, total))
        return paths


class _StripCache:
    """The zone labels and weight levels of the first pass's strips, kept for the second pass while they fit in
    :data:`PASS_CACHE_BYTES` (the land-cover means are most of the cost of a pass); others are computed again."""

    def __init__(self, compute: Callable[[int, int], tuple[np.ndarray, list[np.ndarray]]]) -> None:
        self._compute = compute
        self._left = PASS_CACHE_BYTES
        self._kept: dict[int, tuple[np.ndarray, list[np.ndarray]]] = {}

    def first(self, row0: int, rows: int) -> tuple[np.ndarray, list[np.ndarray]]:
        strip = self._compute(row0, rows)
        labels, levels = strip
        size = labels.nbytes + sum(level.nbytes for level in levels[:-1])  # the last, cell areas, is a view
        if size <= self._left:
            self._kept[row0] = strip
            self._left -= size
        return strip

    def second(self, row0: int, rows: int) -> tuple[np.ndarray, list[np.ndarray]]:
        return self._kept.pop(row0) if row0 in self._kept else self._compute(row0, rows)


class _WeightLayers:
    """The weight levels of a strip, most detailed first: floor area (× land-cover weight), land-cover weight ×
    cell area, cell area (uniform)."""

    def __init__(self, grid: RasterGrid, feedback: QgsProcessingFeedback) -> None:
        self.grid = grid
        self.feedback = feedback
        self.landcover: QgsRasterLayer | None = None
        self.band = 1
        self.class_weights: dict[int, float] = {}
        self.subcells = 1
        self.reader: NearestReader | None = None
        self.by_value: tuple[np.ndarray | None, int] = (None, 0)
        self.buildings: FloorAreaCells | None = None

    def set_landcover(self, layer: QgsRasterLayer, band: int, weights: dict[int, float],
                      context: QgsProcessingContext) -> None:
        own = grid_of(layer)
        extent = own.extent
        if own.crs != self.grid.crs:
            extent = QgsCoordinateTransform(own.crs, self.grid.crs, context.transformContext()).transformBoundingBox(
                extent)
        ratio = max(self.grid.xres / (extent.width() / own.width), self.grid.yres / (extent.height() / own.height))
        self.landcover, self.band, self.class_weights = layer, band, weights
        self.reader = NearestReader.open(layer, band, self.grid.crs)
        self.by_value = _weights_by_value(self.reader, weights) if self.reader is not None else (None, 0)
        self.subcells = int(min(MAX_SUBCELLS, max(1, math.ceil(ratio - 1e-6))))

    def names(self) -> list[str]:
        names = []
        if self.buildings is not None:
            names.append(tr("building floor area on weighted land cover") if self.landcover is not None
                         else tr("building floor area"))
        if self.landcover is not None:
            names.append(tr("land-cover weights"))
        return names + [tr("a uniform spread")]

    def strips(self):
        """(row0, rows) of the output grid, sized so the land-cover subgrid of a strip stays small."""
        rows = max(1, STRIP_PIXELS // max(1, self.grid.width * self.subcells * self.subcells))
        for row0 in range(0, self.grid.height, rows):
            yield row0, min(rows, self.grid.height - row0)

    def levels(self, row0: int, rows: int) -> list[np.ndarray]:
        shape = (rows, self.grid.width)
        area = np.broadcast_to(self.grid.pixel_areas(row0, rows), shape)
        cover = self._landcover_mean(row0, rows) if self.landcover is not None else None
        levels = []
        if self.buildings is not None:
            floor = self.buildings.strip(row0, rows, self.grid.width)
            levels.append(floor * cover if cover is not None else floor)
        if cover is not None:
            levels.append(cover * area)
        return levels + [area]

    def _landcover_mean(self, row0: int, rows: int) -> np.ndarray:
        """Mean class weight over each cell's k × k subgrid (area share of the classes)."""
        k = self.subcells
        fine = RasterGrid(self.grid.crs, self.grid.strip_extent(row0, rows), self.grid.width * k, rows * k)
        if self.reader is None:
            parts = [class_weights(strip.data, self.class_weights, strip.valid)
                     for strip in read_strips(self.landcover, self.band, self.feedback, fine)]
            return block_mean(np.vstack(parts), k)
        # weights of the source pixels themselves, then the sum over the sub-cells they fall on: columns, then rows
        pixels = self.reader.read(fine, 0, fine.height)
        table, unweighted = self.by_value
        if table is not None:  # gather the 8- or 16-bit values (cheaper than their float weights), then weigh them
            values = np.pad(pixels.data, ((0, 1), (0, 1)), constant_values=unweighted)
            unsigned = f"u{values.dtype.itemsize}"
            sampled = np.take(table, np.take(values, pixels.cols, axis=1).view(unsigned))
        else:
            source = np.pad(class_weights(pixels.data, self.class_weights, pixels.valid), ((0, 1), (0, 1)))
            sampled = np.take(source, pixels.cols, axis=1)  # -1 (outside the land cover): the padded 0
        return gathered_block_mean(sampled, pixels.rows, k)


def _weights_by_value(reader: NearestReader, weights: dict[int, float]) -> tuple[np.ndarray | None, int]:
    """For an 8- or 16-bit land cover: the weight of every value, by its unsigned view, with invalid values
    (nodata, user nodata ranges) 0, and a value of weight 0 (padding outside the land cover); else None."""
    dtype = np.dtype(gdal_array.GDALTypeCodeToNumericTypeCode(reader.band.DataType))
    if dtype.kind not in "iu" or dtype.itemsize > 2:
        return None, 0
    info = np.iinfo(dtype)
    values = np.arange(info.min, info.max + 1).astype(dtype)
    table = np.zeros(values.size, dtype=np.float64)
    table[values.view(f"u{dtype.itemsize}")] = class_weights(values, weights, reader.valid(values))
    unweighted = np.flatnonzero(table == 0)
    if not unweighted.size:  # every value weighs: nothing to pad with
        return None, 0
    return table, int(unweighted[0].astype(f"u{dtype.itemsize}").view(dtype))


def _cell_shares(geometry: QgsGeometry, grid: RasterGrid):
    """(row, col, share of the footprint) for the grid cells a footprint (in the grid's CRS) covers."""
    box = geometry.boundingBox()
    left, top = grid.extent.xMinimum(), grid.extent.yMaximum()
    c0 = math.floor((box.xMinimum() - left) / grid.xres)
    c1 = math.floor((box.xMaximum() - left) / grid.xres)
    r0 = math.floor((top - box.yMaximum()) / grid.yres)
    r1 = math.floor((top - box.yMinimum()) / grid.yres)
    if c0 == c1 and r0 == r1:
        if 0 <= r0 < grid.height and 0 <= c0 < grid.width:
            yield r0, c0, 1.0
        return
    whole = geometry.area()
    if whole <= 0:
        return
    for row in range(max(0, r0), min(grid.height - 1, r1) + 1):
        for col in range(max(0, c0), min(grid.width - 1, c1) + 1):
            x = left + col * grid.xres
            y = top - row * grid.yres
            piece = geometry.intersection(QgsGeometry.fromRect(QgsRectangle(x, y - grid.yres, x + grid.xres, y)))
            share = piece.area() / whole
            if share > 0:
                yield row, col, share


def _totals(zones: ZoneSet, fields: list[str]) -> np.ndarray:
    """Totals per zone and field (n_zones, n_fields); refuses missing and negative values, naming the zone."""
    for field in fields:
        if zones.fields.indexFromName(field) < 0:
            raise QgsProcessingException(tr("Zones layer '{}' has no field '{}'.").format(zones.name, field))
    totals = np.zeros((len(zones), len(fields)), dtype=np.float64)
    for i, zone in enumerate(zones.zones):
        for j, field in enumerate(fields):
            value = zone.feature[field]
            if not isinstance(value, (int, float)) or value != value or value < 0:
                raise QgsProcessingException(tr(
                    "Zone '{}' of layer '{}' has no valid total in field '{}' ({}): fill in a number >= 0 "
                    "(0 if nobody lives there) and run again.").format(zone.area_id, zones.name, field, value))
            totals[i, j] = value
    return totals


def _file_name(field: str, fields: list[str]) -> str:
    """A safe GeoTIFF name for a total field (the field's position is added if names clash)."""
    stem = re.sub(r"[^\w.-]+", "_", field).strip("._") or "total"
    stems = [re.sub(r"[^\w.-]+", "_", f).strip("._") or "total" for f in fields]
    if stems.count(stem) > 1:
        stem = f"{stem}_{fields.index(field) + 1}"
    return f"{stem}.tif"
