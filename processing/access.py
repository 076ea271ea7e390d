"""Shared machinery of the access indicators: served areas (straight-line or along a network), population
tallies per zone, sex and urban/rural, and the base class of the access algorithms."""
from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass, field
from typing import Iterator

import numpy as np
from qgis.analysis import QgsGraphAnalyzer, QgsGraphBuilder, QgsNetworkDistanceStrategy, QgsVectorLayerDirector
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
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterLayer,
    QgsRasterLayer,
    QgsWkbTypes,
)

from ..core.access import StripGeometry, mark_within, metres_per_degree, served_pieces
from ..core.formulas import ratio
from ..core.results import ZoneValue
from ..translation import tr
from .base import IndicatorResult, SdgAlgorithm
from .feedback import stop_if_cancelled
from .raster_io import RasterGrid, ellipsoid_axes, grid_of, metres_per_unit, read_strips
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
    """A street network as a QGIS graph in the population grid's CRS, with the access points tied in.

    Edge lengths are ellipsoidal metres on the CRS's ellipsoid (true ground lengths, as QGIS's own service-area
    algorithms measure them). Lines join where they share a vertex (QGIS's network analysis rule).
    """

    def __init__(self, source: QgsProcessingFeatureSource, name: str, crs: QgsCoordinateReferenceSystem,
                 points: list[QgsPointXY], context: QgsProcessingContext, feedback: QgsProcessingFeedback):
        if not source.sourceCrs().isValid():
            raise QgsProcessingException(
                tr("Network layer '{}' has no coordinate reference system: set one and run again.").format(name))
        self.crs = crs
        director = QgsVectorLayerDirector(source, -1, "", "", "", QgsVectorLayerDirector.DirectionBoth)
        director.addStrategy(QgsNetworkDistanceStrategy())
        builder = QgsGraphBuilder(crs, True, 0.0, crs.ellipsoidAcronym() or "EPSG:7030")
        snapped = director.makeGraph(builder, points, feedback)
        stop_if_cancelled(feedback)
        self.graph = builder.graph()
        self.edge_count = self.graph.edgeCount()
        if self.edge_count == 0:
            raise QgsProcessingException(
                tr("Network layer '{}' has no line to walk along: give a line layer with features.").format(name))
        self.measure = builder.distanceArea()
        self.stop_vertices = []
        for point, snap in zip(points, snapped):
            vertex = self.graph.addVertex(QgsPointXY(point))
            self.graph.addEdge(vertex, self.graph.findVertex(snap), [self.measure.measureLine(point, snap)])
            self.stop_vertices.append(vertex)
        self.edges = self.graph.edgeCount()
        xy = [self.graph.vertex(i).point() for i in range(self.graph.vertexCount())]
        self.xy = np.array([(p.x(), p.y()) for p in xy], dtype=np.float64)
        ends = [self.graph.edge(i) for i in range(self.edges)]
        self.start = np.array([e.fromVertex() for e in ends], dtype=np.int64)
        self.end = np.array([e.toVertex() for e in ends], dtype=np.int64)
        self.length = np.array([float(e.cost(0)) for e in ends], dtype=np.float64)

    def served_area(self, stops: list[int], distance: float, walk_off: float) -> ServedArea:
        """The network within ``distance`` metres of the stops (indices into the points given), walking from
        each stop straight to its nearest network point and then along the lines, buffered by ``walk_off``."""
        if not stops:
            return ServedArea(self.crs)
        root = self.graph.addVertex(QgsPointXY(self.xy[self.stop_vertices[stops[0]]][0],
                                               self.xy[self.stop_vertices[stops[0]]][1]))
        for stop in stops:
            self.graph.addEdge(root, self.stop_vertices[stop], [0.0])
        _, cost = QgsGraphAnalyzer.dijkstra(self.graph, root, 0)
        cost = np.array(cost[:len(self.xy)], dtype=np.float64)
        index, t0, t1 = served_pieces(cost[self.start], cost[self.end], self.length, distance)
        a, b = self.xy[self.start[index]], self.xy[self.end[index]]
        segments = np.hstack([a + (b - a) * t0[:, None], a + (b - a) * t1[:, None]])
        return ServedArea(self.crs, segments, np.full(len(segments), float(walk_off)))


# --- population tallies ---------------------------------------------------------------------------------------
def strip_geometry(grid: RasterGrid, row0: int, rows: int) -> StripGeometry:
    """Pixel-centre geometry of a strip with metres per map unit per row."""
    top = grid.extent.yMaximum() - row0 * grid.yres
    if grid.crs.isGeographic():
        latitudes = top - (np.arange(rows) + 0.5) * grid.yres
        kx, ky = metres_per_degree(latitudes, *ellipsoid_axes(grid.crs))
    else:
        factor = metres_per_unit(grid.crs)
        kx = ky = np.full(rows, factor)
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


@dataclass
class Tally:
    """Population and served population of one raster by (zone label, location): location 0 = rural (or
    everything without urban areas), 1 = urban."""

    population: np.ndarray
    served: dict[str, np.ndarray]


def tally(layer: QgsRasterLayer, zones: ZoneSet | None, urban: UrbanAreas | None, areas: dict[str, ServedArea],
          context: QgsProcessingContext, feedback: QgsProcessingFeedback) -> Tally:
    """Sum the population of every cell, and of the cells whose centre is in each served area, per zone and
    location, strip by strip (nodata and negative counts as no population)."""
    grid = grid_of(layer)
    size = ((len(zones) if zones is not None else 1) + 1) * 2
    areas = {name: area.in_crs(grid.crs, context) for name, area in areas.items()}
    insides = {name: area.inside.rasterize(grid, context) for name, area in areas.items() if area.inside}
    labels = zones.rasterize(grid, context) if zones is not None else None
    population = np.zeros(size)
    served = {name: np.zeros(size) for name in areas}
    try:
        urban_strips = urban.strips(grid, context, feedback) if urban is not None else None
        for strip, zone_labels, _ in zonal_strips(layer, 1, labels, feedback):
            is_urban = next(urban_strips) if urban_strips is not None else False
            index = (zone_labels.astype(np.int64) * 2 + is_urban).ravel()
            people = np.where(strip.valid, strip.data.astype(np.float64), 0.0)
            people = np.where(people > 0, people, 0.0).ravel()
            population += np.bincount(index, people, minlength=size)
            geometry = strip_geometry(grid, strip.row0, strip.rows)
            for name, area in areas.items():
                mask = np.zeros((strip.rows, grid.width), dtype=bool)
                mark_within(mask, geometry, area.segments, area.radii)
                if name in insides:
                    mask |= insides[name].read(strip.row0, strip.rows) > 0
                mask = mask.ravel()
                served[name] += np.bincount(index[mask], people[mask], minlength=size)
    finally:
        for raster in [labels, *insides.values()]:
            if raster is not None:
                raster.close()
    return Tally(population.reshape(-1, 2), {k: v.reshape(-1, 2) for k, v in served.items()})


def zone_values(tallies: dict[str, Tally], name: str, locations: bool,
                rural_only: bool = False) -> tuple[ZoneValue, list[ZoneValue]]:
    """The whole area and each zone for served area ``name``: the value, numerator and denominator from the
    ``total`` tally, broken down by sex (``female``/``male`` tallies) and by location when ``locations``;
    with ``rural_only`` only rural population counts."""
    def make(t: Tally, rows: slice | int, columns: list[int]) -> ZoneValue:
        served = float(t.served[name][rows][..., columns].sum())
        people = float(t.population[rows][..., columns].sum())
        return ZoneValue(ratio(served, people), served, people,
                         {"served_population": served, "population": people})

    columns = [0] if rural_only else [0, 1]
    n = tallies["total"].population.shape[0] - 1
    out = []
    for rows in [slice(1, n + 1), *range(1, n + 1)]:
        result = make(tallies["total"], rows, columns)
        for sex in SEXES:
            if sex in tallies:
                result.breakdown[f"sex={sex}"] = make(tallies[sex], rows, columns)
        if locations and not rural_only:
            for column, where in ((1, "urban"), (0, "rural")):
                result.breakdown[f"location={where}"] = make(tallies["total"], rows, [column])
                for sex in SEXES:
                    if sex in tallies:
                        result.breakdown[f"sex={sex};location={where}"] = make(tallies[sex], rows, [column])
        out.append(result)
    return out[0], out[1:]


def access_help() -> str:
    """Help shared by the access algorithms: how distances and population are measured."""
    return tr(
        "<p><b>Population</b> is a raster of people per cell (e.g. from <i>Dasymetric population</i>). A cell "
        "counts as served when its <b>centre</b> is within the distance, so each person counts once however "
        "many service areas overlap. Optional female and male rasters (on any grid) give the breakdown by sex; "
        "each raster is measured on its own grid. Nodata and negative cells hold no one. Zones and urban "
        "polygons are assigned to cells by the same pixel-centre rule.</p>"
        "<p><b>Straight-line distance</b> (no network): cells whose centre is within the distance of a point, "
        "measured in metres: in a projected CRS with its map unit; in a geographic CRS with the ellipsoid's "
        "metres per degree at each row's latitude (relative error below 1e-5 at these distances). Features "
        "in another CRS are reprojected to the population grid's CRS.</p>"
        "<p><b>Network distance</b> (NETWORK given): QGIS's network analysis library builds one graph of the "
        "lines (they connect where they share a vertex; both directions walkable) with ellipsoidal lengths in "
        "metres, as QGIS's service-area algorithms measure them (in a projected CRS they differ from planar "
        "distances by the projection's scale factor, under 0.1 % in UTM or Gauss-Krüger zones). Each point is "
        "tied to its nearest point on the network, the walk from the point to the network counting towards "
        "the distance. One multi-source shortest-path search per distance class gives every node's distance "
        "to the nearest point; the served network is every part of every line within the distance, partial "
        "lines cut at the exact position. Cells whose centre is within the walk-off distance (advanced; "
        "default 50 m, or half the population cell's diagonal when that is larger, so that a coarse grid's "
        "cells beside a served street are reached) of the served network are served. Lines are straight "
        "between vertices.</p>"
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
    NETWORK = "NETWORK"
    WALK_OFF = "WALK_OFF"
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

    def add_network_inputs(self) -> None:
        """NETWORK (optional lines) and the advanced WALK_OFF distance."""
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.NETWORK, tr("Street network (lines; without it, straight-line distance)"),
            [QgsProcessing.SourceType.TypeVectorLine], optional=True))
        walk_off = QgsProcessingParameterNumber(
            self.WALK_OFF, tr("Walk-off distance from the network to a home (m)"),
            QgsProcessingParameterNumber.Type.Double, minValue=0.0, optional=True)
        walk_off.setFlags(walk_off.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
        self.addParameter(walk_off)

    def add_urban_input(self, description: str) -> None:
        """URBAN: optional urban-area polygons."""
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.URBAN, description, [QgsProcessing.SourceType.TypeVectorPolygon], optional=True))

    def population_layers(self, parameters: dict, context: QgsProcessingContext) -> dict[str, QgsRasterLayer]:
        """The population rasters given, keyed ``total``, ``female``, ``male``."""
        layers = {"total": self.parameterAsRasterLayer(parameters, self.POPULATION, context)}
        for sex, name in zip(SEXES, (self.POPULATION_FEMALE, self.POPULATION_MALE)):
            if name in parameters and parameters[name]:
                layers[sex] = self.parameterAsRasterLayer(parameters, name, context)
        if layers["total"] is None:
            raise QgsProcessingException(tr("Give a population raster (POPULATION)."))
        return layers

    def polygons(self, parameters: dict, name: str, context: QgsProcessingContext) -> ZoneSet | None:
        """A polygon input read as a set of shapes (for rasterizing), or None when not given."""
        return self.read_zones(parameters, context, name, id_field="", name_field="")

    def network(self, parameters: dict, context: QgsProcessingContext, crs: QgsCoordinateReferenceSystem,
                points: list[QgsPointXY], feedback: QgsProcessingFeedback) -> Network | None:
        """The street network with ``points`` tied in, or None without NETWORK."""
        source = self.parameterAsSource(parameters, self.NETWORK, context)
        if source is None:
            return None
        feedback.pushInfo(tr("Building the network graph…"))
        return Network(source, self.parameterAsString(parameters, self.NETWORK, context), crs, points, context,
                       feedback)

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

    def tallies(self, layers: dict[str, QgsRasterLayer], zones: ZoneSet | None, urban: UrbanAreas | None,
                areas: dict[str, ServedArea], context: QgsProcessingContext,
                feedback: QgsProcessingFeedback) -> dict[str, Tally]:
        """:func:`tally` for each population raster, with progress over all of them."""
        steps = QgsProcessingMultiStepFeedback(len(layers), feedback)
        out = {}
        for step, (key, layer) in enumerate(layers.items()):
            steps.setCurrentStep(step)
            out[key] = tally(layer, zones, urban, areas, context, steps)
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
                   context: QgsProcessingContext, attribute: str = "") -> tuple[list[QgsPointXY], list]:
    """Every point of a (multi)point source in ``crs``, with the value of ``attribute`` of its feature."""
    if not source.sourceCrs().isValid():
        raise QgsProcessingException(
            tr("Layer '{}' has no coordinate reference system: set one and run again.").format(name))
    if attribute and source.fields().indexFromName(attribute) < 0:
        raise QgsProcessingException(tr("Layer '{}' has no field '{}'.").format(name, attribute))
    request = QgsFeatureRequest().setDestinationCrs(crs, context.transformContext())
    points, values = [], []
    for feature in source.getFeatures(request):
        geometry = feature.geometry()
        if geometry.isEmpty():
            continue
        for vertex in geometry.vertices():
            points.append(QgsPointXY(vertex.x(), vertex.y()))
            value = feature[attribute] if attribute else None
            values.append(None if value is None or value == NULL else value)
    return points, values
