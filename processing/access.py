"""Shared machinery of the access indicators: served areas (straight-line or along a network), population
tallies per zone, sex and urban/rural, and the base class of the access algorithms."""
from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass, field
from typing import Iterator

import numpy as np
from osgeo import osr
from qgis.core import (
    NULL,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeatureRequest,
    QgsGeometry,
    QgsPointXY,
    QgsProcessing,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeatureSource,
    QgsProcessingFeedback,
    QgsProcessingMultiStepFeedback,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterMatrix,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterLayer,
    QgsProcessingUtils,
    QgsRasterLayer,
    QgsWkbTypes,
)

from ..core.access import StripGeometry, Tally, mark_within
from ..core.formulas import ratio
from ..core.geodesy import geodesic_distance
from ..core.network import TIE_TOLERANCE, StreetGraph
from ..core.results import ZoneValue
from ..translation import tr
from .base import IndicatorResult, SdgAlgorithm
from .feedback import stop_if_cancelled
from .raster_io import RasterGrid, ellipsoid_axes, grid_of, ground_metres, read_strips
from .zones import ZoneSet, zonal_strips

EUCLIDEAN, NETWORK = "euclidean", "network"
SEXES = ("female", "male")


# --- served areas ---------------------------------------------------------------------------------------------
@dataclass
class ServedArea:
    """Capsules (segments x0, y0, x1, y1 in ``crs`` with a radius in metres each) and, optionally, polygons
    whose inside is served whatever the distance; a cell is served when its centre is in any of them."""

    crs: QgsCoordinateReferenceSystem
    segments: np.ndarray = field(default_factory=lambda: np.zeros((0, 4)))
    radii: np.ndarray = field(default_factory=lambda: np.zeros(0))
    inside: ZoneSet | None = None

    @classmethod
    def around_points(cls, points: list[QgsPointXY], radius: float, crs: QgsCoordinateReferenceSystem) -> ServedArea:
        """Everything within ``radius`` metres of the points (straight line)."""
        xy = np.array([(p.x(), p.y()) for p in points], dtype=np.float64).reshape(-1, 2)
        return cls(crs, np.hstack([xy, xy]), np.full(len(xy), float(radius)))

    def union(self, other: ServedArea) -> ServedArea:
        """Both areas (same CRS; at most one with polygons)."""
        return ServedArea(self.crs, np.vstack([self.segments, other.segments]),
                          np.concatenate([self.radii, other.radii]), self.inside or other.inside)

    def in_crs(self, crs: QgsCoordinateReferenceSystem, context: QgsProcessingContext) -> ServedArea:
        """The same area with its segment end points reprojected to ``crs``."""
        if crs == self.crs or not len(self.segments):
            return self
        transform = QgsCoordinateTransform(self.crs, crs, context.transformContext())
        out = np.empty_like(self.segments)
        for i, (x0, y0, x1, y1) in enumerate(self.segments):
            a, b = transform.transform(QgsPointXY(x0, y0)), transform.transform(QgsPointXY(x1, y1))
            out[i] = (a.x(), a.y(), b.x(), b.y())
        return ServedArea(crs, out, self.radii, self.inside)


def segments_of(geometry: QgsGeometry) -> np.ndarray:
    """The straight segments (x0, y0, x1, y1) of a line or polygon geometry (curves segmentized)."""
    rows = []
    for part in geometry.constParts():
        curves = [part] if QgsWkbTypes.geometryType(part.wkbType()) == QgsWkbTypes.GeometryType.LineGeometry else [
            part.exteriorRing(), *[part.interiorRing(i) for i in range(part.numInteriorRings())]]
        for curve in curves:
            line = curve.curveToLine() if curve.hasCurvedSegments() else curve
            xy = np.array([(line.xAt(i), line.yAt(i)) for i in range(line.numPoints())],
                          dtype=np.float64).reshape(-1, 2)
            if len(xy) == 0:
                continue
            if len(xy) == 1:
                xy = np.vstack([xy, xy])
            rows.append(np.hstack([xy[:-1], xy[1:]]))
    return np.vstack(rows) if rows else np.zeros((0, 4))


class Network:
    """A street network as a graph (:class:`StreetGraph`) in the population grid's CRS, with points tied in.

    Edge lengths are ellipsoidal metres on the CRS's ellipsoid (true ground lengths). Lines join where they share
    a vertex; with ``tolerance`` metres also where vertices, or a dead end and another line, are that close. Each
    point is tied to the nearest point of the nearest segment within ``search`` metres, and of every segment as
    near within ``TIE_TOLERANCE`` (each split there); points farther away serve nothing and are named in a warning.
    """

    def __init__(self, source: QgsProcessingFeatureSource, name: str, crs: QgsCoordinateReferenceSystem,
                 points: list[QgsPointXY], context: QgsProcessingContext, feedback: QgsProcessingFeedback,
                 tolerance: float = 0.0, search: float = None, labels: list[str] | None = None):
        if not source.sourceCrs().isValid():
            raise QgsProcessingException(
                tr("Network layer '{}' has no coordinate reference system: set one and run again.").format(name))
        self.crs = crs
        request = QgsFeatureRequest().setDestinationCrs(crs, context.transformContext())
        request.setNoAttributes()
        parts = []
        total = max(source.featureCount(), 1)
        for i, feature in enumerate(source.getFeatures(request)):
            stop_if_cancelled(feedback)
            if not feature.geometry().isEmpty():
                parts.append(segments_of(feature.geometry()))
            if i % 10000 == 0:
                feedback.setProgress(50.0 * i / total)
        segments = np.vstack(parts) if parts else np.zeros((0, 4))
        self.graph = StreetGraph(segments, ground_metres(crs), _measure(crs), tolerance)
        if len(self.graph.start) == 0:
            raise QgsProcessingException(
                tr("Network layer '{}' has no line to walk along: give a line layer with features.").format(name))
        search = DEFAULT_SEARCH if search is None else search
        xy = np.array([(p.x(), p.y()) for p in points], dtype=np.float64).reshape(-1, 2)
        count = self.graph.tie(xy, search).count(len(points))
        far = np.flatnonzero(count == 0)
        if far.size:
            labels = labels or [str(i + 1) for i in range(len(points))]
            shown = ", ".join(str(labels[i]) for i in far[:FAR_SHOWN]) + (", …" if far.size > FAR_SHOWN else "")
            feedback.pushWarning(tr(
                "{} point(s) are farther than {:g} m (SEARCH_DISTANCE) from every line of '{}' and serve nothing: "
                "{}. Move them, extend the network or raise SEARCH_DISTANCE.").format(far.size, search, name, shown))
        if self.graph.snapped:
            feedback.pushInfo(tr("TOLERANCE: {} line end(s) moved onto a line they stopped short of or overshot.")
                              .format(self.graph.snapped))
        feedback.pushInfo(tr("Network: {} nodes, {} edges; {} of {} point(s) tied in, {} of them to two or more "
                             "equally near places (within {:g} mm), each counted.").format(
            len(self.graph.xy), len(self.graph.start), len(points) - far.size, len(points),
            int(np.count_nonzero(count > 1)), TIE_TOLERANCE * 1000))

    def served_area(self, stops: list[int], distance: float, walk_off: float) -> ServedArea:
        """The network within ``distance`` metres of the stops (indices into the points given), walking from
        each stop straight to its tie point and then along the lines, buffered by ``walk_off``."""
        segments = self.graph.served(list(stops), distance)
        return ServedArea(self.crs, segments, np.full(len(segments), float(walk_off)))


DEFAULT_SEARCH = 200.0  # metres
FAR_SHOWN = 20


def _measure(crs: QgsCoordinateReferenceSystem):
    """Ellipsoidal length (m) of straight segments given in ``crs``: projected coordinates are taken to the
    CRS's own geographic coordinates (GDAL/PROJ) and measured on its ellipsoid (Vincenty)."""
    axes = ellipsoid_axes(crs)
    if crs.isGeographic():
        return lambda x0, y0, x1, y1: geodesic_distance(x0, y0, x1, y1, *axes)
    source = osr.SpatialReference()
    source.ImportFromWkt(crs.toWkt(QgsCoordinateReferenceSystem.WktVariant.WKT_PREFERRED_GDAL))
    source.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    target = source.CloneGeogCS()
    target.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    transform = osr.CoordinateTransformation(source, target)

    def lonlat(x: np.ndarray, y: np.ndarray) -> np.ndarray:
        if len(x) == 0:
            return np.zeros((0, 2))
        return np.asarray(transform.TransformPoints(np.column_stack([x, y])), dtype=np.float64)[:, :2]

    def measure(x0, y0, x1, y1):
        a, b = lonlat(np.asarray(x0), np.asarray(y0)), lonlat(np.asarray(x1), np.asarray(y1))
        return geodesic_distance(a[:, 0], a[:, 1], b[:, 0], b[:, 1], *axes)

    return measure


# --- population inputs ----------------------------------------------------------------------------------------
TOTAL = "total"
Population = tuple  # (QgsRasterLayer, band)


@dataclass
class Populations:
    """Population rasters (layer, band) keyed ``total`` and by group (a disaggregation such as ``age=65+``)."""

    rasters: dict[str, Population]

    @property
    def total(self) -> QgsRasterLayer:
        return self.rasters[TOTAL][0]

    def sources(self) -> list[str]:
        """The distinct raster sources, in order."""
        return list(dict.fromkeys(layer.source() for layer, _ in self.rasters.values()))


def population_groups(matrix: list, context: QgsProcessingContext) -> dict[str, Population]:
    """POPULATION_BY_GROUP's rows (group, raster, band; flat) as group -> (layer, band), checked."""
    if not any(str(v).strip() for v in matrix if v is not None and v != NULL):
        return {}
    if len(matrix) % 3:
        raise QgsProcessingException(tr("POPULATION_BY_GROUP needs rows of three values: group, raster, band."))
    out = {}
    for i in range(0, len(matrix), 3):
        group, source, band = (str(v if v is not None and v != NULL else "").strip() for v in matrix[i:i + 3])
        group = group_label(group)
        layer = QgsProcessingUtils.mapLayerFromString(source, context) if source else None
        if not isinstance(layer, QgsRasterLayer) or not layer.isValid():
            raise QgsProcessingException(tr("POPULATION_BY_GROUP: group '{}' has no readable raster ('{}').").format(
                group, source))
        number = _band_number(band or "1")
        if number is None:
            raise QgsProcessingException(tr(
                "POPULATION_BY_GROUP: group '{}': band '{}' is not a band number (1, 2, …).").format(group, band))
        if not 1 <= number <= layer.bandCount():
            raise QgsProcessingException(tr("POPULATION_BY_GROUP: group '{}': raster '{}' has no band {}.").format(
                group, source, number))
        if group in out:
            raise QgsProcessingException(tr("POPULATION_BY_GROUP: group '{}' is given twice.").format(group))
        out[group] = (layer, number)
    return out


def _band_number(text: str) -> int | None:
    """A band number written as a whole number, also as ``2.0`` (qgis_process and the matrix widget pass numbers
    as floats), or None."""
    try:
        number = float(text)
    except ValueError:
        return None
    return int(number) if number.is_integer() else None


def group_label(text: str) -> str:
    """A group as the store's disaggregation: ``key=value`` pairs joined by ``;`` (spaces trimmed); ``location``
    is kept for the urban/rural breakdown."""
    pairs = [part.partition("=") for part in text.split(";")]
    if not text or any(not key.strip() or not sep or not value.strip() for key, sep, value in pairs):
        raise QgsProcessingException(tr(
            "POPULATION_BY_GROUP: group '{}' is not of the form key=value (e.g. sex=female, age=0-14, "
            "disability=yes).").format(text))
    if any(key.strip().lower() == "location" for key, _, _ in pairs):
        raise QgsProcessingException(tr(
            "POPULATION_BY_GROUP: group '{}': location is the urban/rural breakdown (give URBAN instead).").format(
            text))
    return ";".join(f"{key.strip()}={value.strip()}" for key, _, value in pairs)


# --- population tallies ---------------------------------------------------------------------------------------
def strip_geometry(grid: RasterGrid, row0: int, rows: int) -> StripGeometry:
    """Pixel-centre geometry of a strip with ground metres per map unit per row: at the row's latitude in a
    geographic CRS, the projection's scale at the raster's centre column in a projected one."""
    top = grid.extent.yMaximum() - row0 * grid.yres
    centres = top - (np.arange(rows) + 0.5) * grid.yres
    kx, ky = ground_metres(grid.crs)(np.full(rows, grid.extent.center().x()), centres)
    return StripGeometry(grid.extent.xMinimum(), top, grid.xres, grid.yres, grid.width, rows, kx, ky)


class UrbanAreas:
    """Urban areas from polygons or a raster mask (non-zero, valid pixels are urban), per population strip."""

    def __init__(self, polygons: ZoneSet | None = None, mask: QgsRasterLayer | None = None):
        self.polygons = polygons
        self.mask = mask

    def strips(self, grid: RasterGrid, context: QgsProcessingContext,
               feedback: QgsProcessingFeedback) -> Iterator[np.ndarray]:
        """Urban flags of the grid strip by strip (the strips of :func:`zonal_strips`)."""
        if self.mask is not None:
            for strip in read_strips(self.mask, 1, feedback, grid):
                yield strip.valid & (strip.data != 0)
            return
        labels = self.polygons.rasterize(grid, context)
        try:
            rows = grid.strip_rows()
            for row0 in range(0, grid.height, rows):
                yield labels.read(row0, min(rows, grid.height - row0)) > 0
        finally:
            labels.close()


def tally(population: Population, zones: ZoneSet | None, urban: UrbanAreas | None, areas: dict[str, ServedArea],
          context: QgsProcessingContext, feedback: QgsProcessingFeedback) -> Tally:
    """Sum the population of every cell, and of the cells whose centre is in each served area, per zone and
    location, strip by strip (nodata and negative counts as no population)."""
    layer, band = population
    grid = grid_of(layer)
    areas = {name: area.in_crs(grid.crs, context) for name, area in areas.items()}
    insides = {name: area.inside.rasterize(grid, context) for name, area in areas.items() if area.inside}
    labels = zones.rasterize(grid, context) if zones is not None else None
    out = Tally.empty(len(zones) if zones is not None else 1, areas)  # without zones every cell is label 1
    try:
        urban_strips = urban.strips(grid, context, feedback) if urban is not None else None
        for strip, zone_labels, _ in zonal_strips(layer, band, labels, feedback):
            is_urban = next(urban_strips) if urban_strips is not None else False
            geometry = strip_geometry(grid, strip.row0, strip.rows)
            masks = {}
            for name, area in areas.items():
                mask = np.zeros((strip.rows, grid.width), dtype=bool)
                mark_within(mask, geometry, area.segments, area.radii)
                if name in insides:
                    mask |= insides[name].read(strip.row0, strip.rows) > 0
                masks[name] = mask
            out.add(zone_labels, is_urban, np.where(strip.valid, strip.data.astype(np.float64), 0.0), masks)
    finally:
        for raster in [labels, *insides.values()]:
            if raster is not None:
                raster.close()
    return out


def zone_values(tallies: dict[str, Tally], name: str, locations: bool,
                rural_only: bool = False) -> tuple[ZoneValue, list[ZoneValue]]:
    """The whole area and each zone for served area ``name``: the value, numerator and denominator from the
    ``total`` tally, broken down by each group tally (keyed by its disaggregation, e.g. ``sex=female``) and by
    location when ``locations``; with ``rural_only`` only rural population counts."""
    def make(t: Tally, rows: slice | int, columns: list[int]) -> ZoneValue:
        served, people = t.sums(name, rows, columns)
        return ZoneValue(ratio(served, people), served, people,
                         {"served_population": served, "population": people})

    columns = [0] if rural_only else [0, 1]
    groups = [key for key in tallies if key != TOTAL]
    n = tallies[TOTAL].population.shape[0] - 1
    out = []
    for rows in [slice(1, n + 1), *range(1, n + 1)]:
        result = make(tallies[TOTAL], rows, columns)
        for group in groups:
            result.breakdown[group] = make(tallies[group], rows, columns)
        if locations and not rural_only:
            for column, where in ((1, "urban"), (0, "rural")):
                result.breakdown[f"location={where}"] = make(tallies[TOTAL], rows, [column])
                for group in groups:
                    result.breakdown[f"{group};location={where}"] = make(tallies[group], rows, [column])
        out.append(result)
    return out[0], out[1:]


def access_help() -> str:
    """Help shared by the access algorithms: how distances and population are measured."""
    return tr(
        "<p><b>Population</b> is a raster of people per cell (e.g. from <i>Dasymetric population</i>). A cell "
        "counts as served when its <b>centre</b> is within the distance, so each person counts once however "
        "many service areas overlap. Optional female and male rasters (on any grid) give the breakdown by sex; "
        "each raster is measured on its own grid. Nodata and negative cells hold no one. Zones and urban "
        "polygons are assigned to cells by the same pixel-centre rule. POPULATION_BY_GROUP gives further "
        "groups as rows of a group (key=value, e.g. sex=female, age=65+, disability=yes), a raster and its "
        "band (default 1): each group adds results-store rows whose <i>disaggregation</i> is the group (and "
        "<i>group;location=urban</i> / <i>rural</i> with urban areas); groups of one kind, such as the age "
        "bands, add up to the total where their rasters add up to the population raster.</p>"
        "<p><b>Straight-line distance</b> (no network): cells whose centre is within the distance of a point, "
        "measured in ground metres: in a geographic CRS with the ellipsoid's metres per degree at each row's "
        "latitude (relative error below 1e-5 at these distances); in a projected CRS with the ground metres per "
        "map unit along x and along y (the projection's linear scale, from ellipsoidal lengths), per row at the "
        "population grid's centre column, so that 400 m is 400 m on the ground in Web Mercator at any latitude as"
        " in UTM. This is exact for conformal projections (UTM, Gauss-Krüger, Lambert conformal) and normal "
        "cylindrical ones (Mercator, Web Mercator); in Albers or Lambert azimuthal equal-area away from the "
        "central meridian, diagonal distances are off by the projection's shear there. Across the grid's width w "
        "the scale of a UTM or Gauss-Krüger zone varies by about x·w/R² at a distance x from the central meridian"
        " (1e-4 for a county 50 km wide 100 km off it). The walk-off distance, TOLERANCE and SEARCH_DISTANCE are "
        "measured the same way at each point's own position. Features "
        "in another CRS are reprojected to the population grid's CRS.</p>"
        "<p><b>Network distance</b> (NETWORK given): the lines alone make the graph: their vertices are its "
        "nodes, their straight segments its edges, walkable both ways, with ellipsoidal lengths in metres "
        "(in a projected CRS they differ from planar distances by the projection's scale factor, under 0.1 % in "
        "UTM or Gauss-Krüger zones). Lines join only where they share a vertex when TOLERANCE (advanced) is 0, "
        "the default, right for OpenStreetMap, whose streets share their junction nodes. With TOLERANCE > 0 "
        "metres, vertices closer than that become one node, and a dead end (a line end that meets no other line) "
        "within TOLERANCE of another line, short of it (an undershoot) or just across it (an overshoot), is "
        "moved onto that line's nearest point, which becomes a junction. The gap is closed, not walked: the "
        "moved end's segment is measured to its new position, as for joined vertices. Raise it (to the "
        "digitising accuracy, typically 0.5-2 m) for digitised or CAD streets whose lines stop short of or "
        "cross each other at junctions without a shared vertex; keep it below the shortest real gap between "
        "streets that do not meet. Each point is tied to the nearest point of the nearest segment, which is "
        "split there, and in the same way to every other segment as near within 1 mm (streets either side of it "
        "at the same distance, lines crossing where it lies), so that which of equally near streets counts never "
        "depends on rounding: each tie reaches both directions, whether the point lies on a vertex, inside a "
        "segment, at a dead end or off the network, the straight walk from the point to each tie point counts "
        "towards the distance, and the point serves what any of its ties reaches. Points farther than "
        "SEARCH_DISTANCE (advanced, default 200 m) from every line serve nothing and are named in "
        "a warning. One multi-source shortest-path search per distance class gives every node's distance to "
        "the nearest point; the served network is every part of every segment (and of each point's own walk) "
        "within the distance, cut at the exact position. Cells whose centre is within the walk-off distance "
        "(advanced; default 50 m, or half the population cell's diagonal when that is larger, so that a coarse "
        "grid's cells beside a served street are reached) of the served network are served.</p>"
        "<p>The whole-area value is the sum of served population over the sum of population of all zones (not "
        "a mean of zone values). Rasters are read in strips; cancel stops the run and writes nothing.</p>")


# --- the base algorithm ---------------------------------------------------------------------------------------
@dataclass
class AccessResult(IndicatorResult):
    """An indicator result with the distance method and further series (name -> whole area, zones)."""

    method: str = EUCLIDEAN
    series: dict[str, tuple[ZoneValue, list[ZoneValue]]] = field(default_factory=dict)


DEFAULT_WALK_OFF = 50.0  # metres


class AccessAlgorithm(SdgAlgorithm):
    """Base of the access algorithms: population rasters, network, urban areas, method-labelled store rows."""

    GROUP_ID = "access"
    UNIT = "percent"
    COMPONENTS = ("served_population", "population")

    POPULATION = "POPULATION"
    POPULATION_FEMALE = "POPULATION_FEMALE"
    POPULATION_MALE = "POPULATION_MALE"
    POPULATION_BY_GROUP = "POPULATION_BY_GROUP"
    NETWORK = "NETWORK"
    WALK_OFF = "WALK_OFF"
    TOLERANCE = "TOLERANCE"
    SEARCH_DISTANCE = "SEARCH_DISTANCE"
    URBAN = "URBAN"
    METHOD = "METHOD"

    def add_population_inputs(self, by_sex: bool = True) -> None:
        """POPULATION and, with ``by_sex``, optional POPULATION_FEMALE and POPULATION_MALE rasters."""
        self.addParameter(QgsProcessingParameterRasterLayer(self.POPULATION, tr("Population raster (people per "
                                                                                "cell)")))
        if by_sex:
            self.addParameter(QgsProcessingParameterRasterLayer(
                self.POPULATION_FEMALE, tr("Female population raster (for the breakdown by sex)"), optional=True))
            self.addParameter(QgsProcessingParameterRasterLayer(
                self.POPULATION_MALE, tr("Male population raster (for the breakdown by sex)"), optional=True))
        self.add_group_input()

    def add_group_input(self) -> None:
        """POPULATION_BY_GROUP: rows of group (e.g. ``age=65+``), raster and band."""
        self.addParameter(QgsProcessingParameterMatrix(
            self.POPULATION_BY_GROUP, tr("Population by group (group such as sex=female or age=65+, raster, band)"),
            hasFixedNumberRows=False, headers=[tr("group"), tr("raster"), tr("band")], optional=True))

    def add_network_inputs(self) -> None:
        """NETWORK (optional lines) and the advanced WALK_OFF distance."""
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.NETWORK, tr("Street network (lines; without it, straight-line distance)"),
            [QgsProcessing.SourceType.TypeVectorLine], optional=True))
        walk_off = QgsProcessingParameterNumber(
            self.WALK_OFF, tr("Walk-off distance from the network to a home (m)"),
            QgsProcessingParameterNumber.Type.Double, minValue=0.0, optional=True)
        tolerance = QgsProcessingParameterNumber(
            self.TOLERANCE, tr("Topology tolerance: join vertices and line ends closer than this to a line (m)"),
            QgsProcessingParameterNumber.Type.Double, defaultValue=0.0, minValue=0.0, optional=True)
        search = QgsProcessingParameterNumber(
            self.SEARCH_DISTANCE, tr("Search distance from a point to the network (m)"),
            QgsProcessingParameterNumber.Type.Double, defaultValue=DEFAULT_SEARCH, minValue=0.0, optional=True)
        for parameter in (walk_off, tolerance, search):
            parameter.setFlags(parameter.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
            self.addParameter(parameter)

    def add_urban_input(self, description: str) -> None:
        """URBAN: optional urban-area polygons."""
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.URBAN, description, [QgsProcessing.SourceType.TypeVectorPolygon], optional=True))

    def population_layers(self, parameters: dict, context: QgsProcessingContext) -> Populations:
        """The population rasters given: POPULATION as ``total``, then the groups of POPULATION_FEMALE,
        POPULATION_MALE and POPULATION_BY_GROUP keyed by their disaggregation (``sex=female`` ...)."""
        total = self.parameterAsRasterLayer(parameters, self.POPULATION, context)
        if total is None:
            raise QgsProcessingException(tr("Give a population raster (POPULATION)."))
        rasters = {TOTAL: (total, 1)}
        for sex, name in zip(SEXES, (self.POPULATION_FEMALE, self.POPULATION_MALE)):
            if parameters.get(name):
                rasters[f"sex={sex}"] = (self.parameterAsRasterLayer(parameters, name, context), 1)
        if self.POPULATION_BY_GROUP in [p.name() for p in self.parameterDefinitions()]:
            for group, raster in population_groups(self.parameterAsMatrix(parameters, self.POPULATION_BY_GROUP,
                                                                          context), context).items():
                if group in rasters:
                    raise QgsProcessingException(tr(
                        "POPULATION_BY_GROUP: group '{}' is given twice (or also as POPULATION_FEMALE / "
                        "POPULATION_MALE).").format(group))
                rasters[group] = raster
        return Populations(rasters)

    def polygons(self, parameters: dict, name: str, context: QgsProcessingContext) -> ZoneSet | None:
        """A polygon input read as a set of shapes (for rasterizing), or None when not given."""
        return self.read_zones(parameters, context, name, id_field="", name_field="")

    def network(self, parameters: dict, context: QgsProcessingContext, crs: QgsCoordinateReferenceSystem,
                points: list[QgsPointXY], feedback: QgsProcessingFeedback,
                labels: list[str] | None = None) -> Network | None:
        """The street network with ``points`` (named ``labels`` in warnings) tied in, or None without NETWORK."""
        source = self.parameterAsSource(parameters, self.NETWORK, context)
        if source is None:
            return None
        feedback.pushInfo(tr("Building the network graph…"))
        return Network(source, self.parameterAsString(parameters, self.NETWORK, context), crs, points, context,
                       feedback, self.parameterAsDouble(parameters, self.TOLERANCE, context),
                       self.parameterAsDouble(parameters, self.SEARCH_DISTANCE, context), labels)

    def walk_off(self, parameters: dict, context: QgsProcessingContext, layer: QgsRasterLayer,
                 feedback: QgsProcessingFeedback) -> float:
        """WALK_OFF in metres; by default 50 m or half the population cell's diagonal, whichever is larger. A given
        value under half the diagonal is warned about (cells whose centre is farther from every street than
        that are then never served)."""
        grid = grid_of(layer)
        geometry = strip_geometry(grid, grid.height // 2, 1)
        half_diagonal = 0.5 * math.hypot(grid.xres * geometry.kx[0], grid.yres * geometry.ky[0])
        if parameters.get(self.WALK_OFF) in (None, ""):
            walk_off = max(DEFAULT_WALK_OFF, half_diagonal)
            feedback.pushInfo(tr("Walk-off distance: {:.0f} m.").format(walk_off))
            return walk_off
        walk_off = self.parameterAsDouble(parameters, self.WALK_OFF, context)
        if walk_off < half_diagonal:
            feedback.pushWarning(tr(
                "The walk-off distance ({:.0f} m) is under half the population cell's diagonal ({:.0f} m): cells "
                "whose centre is farther than that from every street are never served. Use a finer population "
                "grid or a larger WALK_OFF.").format(walk_off, half_diagonal))
        return walk_off

    def tallies(self, layers: Populations, zones: ZoneSet | None, urban: UrbanAreas | None,
                areas: dict[str, ServedArea], context: QgsProcessingContext,
                feedback: QgsProcessingFeedback) -> dict[str, Tally]:
        """:func:`tally` for each population raster, with progress over all of them."""
        steps = QgsProcessingMultiStepFeedback(len(layers.rasters), feedback)
        out = {}
        for step, (key, raster) in enumerate(layers.rasters.items()):
            steps.setCurrentStep(step)
            out[key] = tally(raster, zones, urban, areas, context, steps)
        return out

    def store_rows(self, parameters, context, zones, result):
        """Rows of the main series and of each further series, labelled with the distance method."""
        rows = super().store_rows(parameters, context, zones, result)
        for name, (total, values) in getattr(result, "series", {}).items():
            part = dataclasses.replace(result, total=total, zones=values, series={})
            rows += [dict(row, series=name) for row in super().store_rows(parameters, context, zones, part)]
        method = getattr(result, "method", EUCLIDEAN)
        for row in rows:
            row["method"] = f"{row['method']} ({method})"
            row["parameters"] = dict(row["parameters"], DISTANCE_METHOD=method)
        return rows


def point_features(source: QgsProcessingFeatureSource, name: str, crs: QgsCoordinateReferenceSystem,
                   context: QgsProcessingContext, attribute: str = "") -> tuple[list[QgsPointXY], list, list[str]]:
    """Every point of a (multi)point source in ``crs``, with the value of ``attribute`` of its feature and a label
    naming it in messages (layer name and feature id)."""
    if not source.sourceCrs().isValid():
        raise QgsProcessingException(
            tr("Layer '{}' has no coordinate reference system: set one and run again.").format(name))
    if attribute and source.fields().indexFromName(attribute) < 0:
        raise QgsProcessingException(tr("Layer '{}' has no field '{}'.").format(name, attribute))
    request = QgsFeatureRequest().setDestinationCrs(crs, context.transformContext())
    points, values, labels = [], [], []
    for feature in source.getFeatures(request):
        geometry = feature.geometry()
        if geometry.isEmpty():
            continue
        for vertex in geometry.vertices():
            points.append(QgsPointXY(vertex.x(), vertex.y()))
            value = feature[attribute] if attribute else None
            values.append(None if value is None or value == NULL else value)
            labels.append(tr("feature {}").format(feature.id()))
    return points, values, labels
