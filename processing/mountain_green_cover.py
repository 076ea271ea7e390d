"""SDG 15.4.2: Mountain Green Cover Index from a DEM (Kapos mountain classes) and a land-cover raster."""
from __future__ import annotations

import os

import numpy as np
from osgeo import gdal, osr
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsGeometry,
    QgsProcessingException,
    QgsProcessingMultiStepFeedback,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBand,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterRasterLayer,
    QgsProcessingParameterString,
    QgsRasterFileWriter,
    QgsRasterLayer,
)
from qgis.PyQt.QtGui import QColor

from ..core.formulas import ratio
from ..core.results import ZoneValue
from ..core.terrain import KAPOS_CLASSES, NODATA, kapos_strips, mountain_green_categories, pixel_metres_geographic
from ..core.zonal import CategoryAreas
from ..translation import tr
from .base import IndicatorResult, SdgAlgorithm
from .feedback import stop_if_cancelled
from .raster_io import RasterGrid, ellipsoid_axes, grid_of, ground_metres, pixel_areas_help, read_strips
from .styling import PalettedStyle
from .zones import zonal_strips

#: Colours of the mountain class raster (class 0, not mountain, is transparent).
CLASS_COLOURS = {1: "#f2f2f2", 2: "#c9b79c", 3: "#a47c55", 4: "#6f8f3a", 5: "#a9c26b", 6: "#e0dc8c"}


def _class_labels() -> dict[int, str]:
    return {
        0: tr("Not mountain"),
        1: tr("1: elevation ≥ 4500 m"),
        2: tr("2: 3500-4500 m"),
        3: tr("3: 2500-3500 m"),
        4: tr("4: 1500-2500 m and slope ≥ 2°"),
        5: tr("5: 1000-1500 m and slope ≥ 5° or local relief > 300 m"),
        6: tr("6: 300-1000 m and local relief > 300 m"),
    }


def kapos_classes() -> list[tuple[int, str, str]]:
    """Value, colour and label of each Kapos class of the mountain class raster."""
    labels = _class_labels()
    return [(value, CLASS_COLOURS[value], labels[value]) for value in KAPOS_CLASSES]


def row_metres(grid: RasterGrid):
    """A function giving pixel width and height in metres of rows ``row0 .. row0 + rows - 1`` of ``grid``:
    per row on the ellipsoid in a geographic CRS; in a projected CRS map units times the ground metres per map
    unit of :func:`raster_io.ground_metres` at the raster's centre column."""
    if grid.crs.isGeographic():
        a, b = ellipsoid_axes(grid.crs)
        top = grid.extent.yMaximum()

        def geographic(row0: int, rows: int) -> tuple[np.ndarray, np.ndarray]:
            latitudes = top - (row0 + 0.5 + np.arange(rows)) * grid.yres
            return pixel_metres_geographic(latitudes, grid.xres, grid.yres, a, b)

        return geographic
    scale = ground_metres(grid.crs)
    top, centre = grid.extent.yMaximum(), grid.extent.center().x()

    def projected(row0: int, rows: int) -> tuple[np.ndarray, np.ndarray]:
        kx, ky = scale(np.full(rows, centre), top - (row0 + 0.5 + np.arange(rows)) * grid.yres)
        return grid.xres * kx, grid.yres * ky

    return projected


class MountainGreenCover(SdgAlgorithm):
    """Mountain Green Cover Index per Kapos class and per zone; writes the mountain class raster."""

    ALG_ID = "mountain_green_cover_15_4_2"
    INDICATOR = "15.4.2"
    UNIT = "percent"
    GROUP_ID = "land"
    COMPONENTS = ("green_km2", "mountain_km2", *(f"mgci_{k}" for k in KAPOS_CLASSES))

    DEM = "DEM"
    DEM_BAND = "DEM_BAND"
    LANDCOVER = "LANDCOVER"
    BAND = "BAND"
    GREEN_CLASSES = "GREEN_CLASSES"
    MOUNTAIN_CLASSES = "MOUNTAIN_CLASSES"

    def displayName(self) -> str:
        return tr("Mountain Green Cover Index (15.4.2)")

    def shortHelpString(self) -> str:
        return tr(
            "<p>SDG indicator 15.4.2: Mountain Green Cover Index (MGCI) = green area in mountains / mountain "
            "area × 100, for each Kapos mountain class, for all mountains, for the whole area and for each "
            "zone.</p>"
            "<p><b>Mountains</b> (UN SDG metadata 15.4.2, custodian FAO; classes of Kapos et al. 2000, "
            "UNEP-WCMC): 1 elevation ≥ 4500 m; 2 3500-4500 m; 3 2500-3500 m; 4 1500-2500 m and slope ≥ 2°; "
            "5 1000-1500 m and (slope ≥ 5° or local relief > 300 m); 6 300-1000 m and local relief > 300 m. "
            "Each range includes its lower bound. Local relief is the elevation range (max - min) of the DEM "
            "pixels whose centres lie within a circle of 7 km radius (a true circle, not a square). Slope is "
            "computed by Horn's method, as QGIS's slope tool and gdaldem do. The enclosed non-mountain basins "
            "that Kapos adds to mountains are not added.</p>"
            "<p><b>Metres whatever the CRS</b>: in a geographic CRS each DEM row gets its pixel width and height "
            "in metres on the ellipsoid, so slopes are in degrees from metres of rise over metres of run; in a "
            "projected CRS map units are converted to metres. Elevations must be in metres.</p>"
            "<p><b>Grids</b>: slope and relief are computed on the DEM's own grid (resampling a DEM first would "
            "make false terraces), which gives the mountain class raster. The classes are then read onto the "
            "land-cover grid (nearest neighbour, reprojected if needed), so that green and mountain areas "
            "keep the land cover's resolution, usually the finer one. Areas are true areas in km², pixel by "
            "pixel (see <i>Pixel areas</i> below).</p>"
            "<p><b>Green</b> = the listed land-cover classes (default GlobeLand30 10 cultivated land, 20 forest, "
            "30 grassland, 40 shrubland, 50 wetland as flooded vegetation). Mountain area is every mountain "
            "pixel with valid land cover (water, snow and bare land included); nodata land cover counts in "
            "neither.</p>"
            "<p>The DEM is read in strips with a halo of rows (1 for the slope, 7 km for the relief), so "
            "rasters of any size work and results do not depend on the strip size; cancel stops the run.</p>"
            "<p>Outputs: VALUE (MGCI of all mountains, percent), MGCI_CLASS_1 ... MGCI_CLASS_6, OUTPUT (the "
            "zones with <i>value</i>, <i>green_km2</i>, <i>mountain_km2</i>, <i>mgci_1</i> ... <i>mgci_6</i>) "
            "and MOUNTAIN_CLASSES (a tiled, compressed GeoTIFF: 0 not mountain, 1-6 Kapos class, 255 no "
            "elevation). With a results store, rows for the whole area and each zone are upserted, with one "
            "more row per Kapos class present (disaggregation <i>mountain_class=k</i>).</p>") + pixel_areas_help()

    def add_inputs(self) -> None:
        self.addParameter(QgsProcessingParameterRasterLayer(self.DEM, tr("Digital elevation model (metres)")))
        self.addParameter(QgsProcessingParameterBand(self.DEM_BAND, tr("DEM band"), defaultValue=1,
                                                     parentLayerParameterName=self.DEM, optional=True))
        self.addParameter(QgsProcessingParameterRasterLayer(self.LANDCOVER, tr("Land-cover raster")))
        self.addParameter(QgsProcessingParameterBand(self.BAND, tr("Land-cover band"), defaultValue=1,
                                                     parentLayerParameterName=self.LANDCOVER, optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.GREEN_CLASSES, tr("Green land-cover classes (cropland, forest, grassland, shrubland, wetland)"),
            defaultValue="10,20,30,40,50"))
        self.addParameter(QgsProcessingParameterRasterDestination(
            self.MOUNTAIN_CLASSES, tr("Mountain classes (Kapos)")))
        for k in KAPOS_CLASSES:
            self.addOutput(QgsProcessingOutputNumber(f"MGCI_CLASS_{k}",
                                                     tr("MGCI of Kapos class {}").format(k)))

    def compute(self, parameters, context, feedback, zones):
        dem = self.parameterAsRasterLayer(parameters, self.DEM, context)
        landcover = self.parameterAsRasterLayer(parameters, self.LANDCOVER, context)
        dem_band = self.parameterAsInt(parameters, self.DEM_BAND, context) or 1
        band = self.parameterAsInt(parameters, self.BAND, context) or 1
        green = self.class_list(parameters, context, self.GREEN_CLASSES)
        path = self.parameterAsOutputLayer(parameters, self.MOUNTAIN_CLASSES, context)
        steps = QgsProcessingMultiStepFeedback(2, feedback)
        write_kapos_classes(dem, dem_band, path, feedback, steps)
        steps.setCurrentStep(1)
        classes = QgsRasterLayer(path, "mountain_classes", "gdal")
        if not classes.isValid():
            raise QgsProcessingException(tr("Could not open the mountain class raster {}.").format(path))
        totals = self._areas(landcover, band, classes, green, zones, context, steps)
        values = [self._value(row) for row in totals[1:]]
        total = self._value(totals[1:].sum(axis=0))
        if total.denominator == 0:
            feedback.pushWarning(tr("No mountain pixel with land cover: DEM '{}' has no Kapos mountain class "
                                    "where land cover '{}' has data.").format(dem.name(), landcover.name()))
        self.style_on_load(context, path, PalettedStyle(kapos_classes))
        outputs = {self.MOUNTAIN_CLASSES: path}
        outputs.update({f"MGCI_CLASS_{k}": total.components[f"mgci_{k}"] for k in KAPOS_CLASSES})
        return IndicatorResult(
            total=total, zones=values if zones is not None else [],
            area_geometry=QgsGeometry.fromRect(landcover.extent()), area_crs=landcover.crs(),
            sources=[dem.source(), landcover.source()], outputs=outputs)

    def _areas(self, landcover, band, classes, green, zones, context, feedback) -> np.ndarray:
        """Area (km²) per zone (row 0 = outside zones) and category (2k - 1: class k not green, 2k: green)."""
        grid = grid_of(landcover)
        labels = zones.rasterize(grid, context) if zones is not None else None
        totals = CategoryAreas(len(zones) if zones is not None else 1, 2 * len(KAPOS_CLASSES))
        class_strips = read_strips(classes, 1, feedback, grid)
        try:
            for strip, zone_labels, pixel_area in zonal_strips(landcover, band, labels, feedback):
                mountain = next(class_strips)
                values = np.where(mountain.valid, mountain.data, NODATA)
                categories = mountain_green_categories(values, np.isin(strip.data, green), strip.valid)
                totals.add(zone_labels, categories, pixel_area)
        finally:
            if labels is not None:
                labels.close()
        return totals.areas() / 1e6

    @staticmethod
    def _value(areas_km2: np.ndarray) -> ZoneValue:
        """MGCI of one zone from its row of category areas."""
        green = {k: float(areas_km2[2 * k]) for k in KAPOS_CLASSES}
        mountain = {k: float(areas_km2[2 * k - 1] + areas_km2[2 * k]) for k in KAPOS_CLASSES}
        green_km2, mountain_km2 = sum(green.values()), sum(mountain.values())
        components = {"green_km2": green_km2, "mountain_km2": mountain_km2}
        components.update({f"mgci_{k}": ratio(green[k], mountain[k]) for k in KAPOS_CLASSES})
        breakdown = {f"mountain_class={k}": ZoneValue(ratio(green[k], mountain[k]), green[k], mountain[k])
                     for k in KAPOS_CLASSES if mountain[k] > 0}
        return ZoneValue(ratio(green_km2, mountain_km2), green_km2, mountain_km2, components, breakdown)


def write_kapos_classes(dem: QgsRasterLayer, band: int, path: str, feedback, progress) -> None:
    """Kapos classes of the DEM on its own grid, written strip by strip to ``path`` (removed on failure or
    cancel, checked on the run's ``feedback``; ``progress`` is this step's share of the progress bar)."""
    grid = grid_of(dem)
    driver_name = QgsRasterFileWriter.driverForExtension(os.path.splitext(path)[1]) or "GTiff"
    driver = gdal.GetDriverByName(driver_name)
    if driver is None:
        raise QgsProcessingException(tr("No GDAL driver can write {}; use a .tif file.").format(path))
    options = ["TILED=YES", "COMPRESS=DEFLATE", "BIGTIFF=IF_SAFER"] if driver_name == "GTiff" else []
    dataset = driver.Create(path, grid.width, grid.height, 1, gdal.GDT_Byte, options)
    if dataset is None:
        raise QgsProcessingException(tr("Could not create the mountain class raster {}.").format(path))
    try:
        dataset.SetGeoTransform(grid.geotransform())
        srs = osr.SpatialReference()
        srs.ImportFromWkt(grid.crs.toWkt(QgsCoordinateReferenceSystem.WktVariant.WKT_PREFERRED_GDAL))
        dataset.SetProjection(srs.ExportToWkt())
        out = dataset.GetRasterBand(1)
        out.SetNoDataValue(NODATA)
        out.SetColorTable(_colour_table())
        out.SetCategoryNames([_class_labels().get(k, "") for k in range(NODATA)])
        strips = ((s.row0, s.data, s.valid) for s in read_strips(dem, band, feedback))
        for row0, values in kapos_strips(strips, grid.height, row_metres(grid)):
            stop_if_cancelled(feedback)
            out.WriteArray(values, 0, row0)
            progress.setProgress(100.0 * (row0 + values.shape[0]) / grid.height)
        dataset.FlushCache()
        dataset = None
    except BaseException:
        dataset = None
        gdal.GetDriverByName(driver_name).Delete(path)
        raise


def _colour_table() -> gdal.ColorTable:
    table = gdal.ColorTable()
    table.SetColorEntry(0, (255, 255, 255, 0))
    for value, colour in CLASS_COLOURS.items():
        rgb = QColor(colour)
        table.SetColorEntry(value, (rgb.red(), rgb.green(), rgb.blue(), 255))
    return table
