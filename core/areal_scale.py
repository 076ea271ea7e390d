"""True (ellipsoidal) areas of the pixels of a north-up raster grid in any CRS, pixel by pixel. numpy only: the
caller gives the grid and a transform from the CRS's coordinates to longitude and latitude (GDAL's osr for the
Processing algorithms and the scale-out alike, so both get the same numbers).

How a grid's areas are measured (:func:`projected_areas`), from the CRS itself, numerically:

- **Normal cylindrical** (Mercator, Web Mercator, equirectangular in metres): latitude depends on the row only
  and longitude is linear in the column. Each row is exact: the ellipsoidal area of its latitude band times its
  pixels' longitude width.
- **Equal-area** (LAEA, Albers, cylindrical equal-area ... on the CRS's own ellipsoid), or a grid so small that
  its pixels' true areas differ by less than :data:`FLAT` (on about 9 × 9 probes): one number, no per-pixel cost;
  the planar area when it is within :data:`FLAT` of the true ones (then every window of the grid gets it).
- **Any other CRS** (transverse Mercator: UTM, Gauss-Kruger; Lambert conformal, stereographic ...): the true area
  of a pixel-sized cell is measured on a lattice of nodes every ``step`` pixels (at most :data:`NODE_SPACING_M`
  apart, anchored on the CRS's origin so that every window of a grid gets the same nodes), and interpolated
  bilinearly to each pixel's centre. A node's area is its outline, densified, in the cylindrical equal-area map
  (longitude against the area from the equator): exact for a pixel to about (pixel / 6,400 km)², 1e-11 at 30 m.
  Bilinear interpolation is off by at most d²/8 times the area's second derivative over d: about (d / R)² / 4
  for a transverse Mercator zone, 1e-7 at d = 4 km; the lattice is checked at the midpoints between nodes and
  refined until the error there is below :data:`TOLERANCE`.
"""
from __future__ import annotations

import math
import threading
from dataclasses import dataclass
from typing import Callable

import numpy as np

from .geodesy import authalic_integral, cell_areas_geographic, geodesic_distance

#: Projected coordinates (arrays in the CRS's units) to longitude and latitude (degrees).
Transform = Callable[[np.ndarray, np.ndarray], "tuple[np.ndarray, np.ndarray]"]

FLAT = 5e-9  # relative spread of the true areas under which a grid gets one number
TOLERANCE = 1e-7  # relative interpolation error allowed per pixel
NODE_SPACING_M = 4000.0  # nodes of the scale field at most this far apart
MAX_STEP = 128  # pixels between nodes, at most
CYLINDRICAL_DEG = 1e-9  # longitude/latitude (degrees) within which a CRS counts as normal cylindrical
SUB_EDGE_M = 500.0  # a node's outline is densified to pieces of at most this length
SCALE_STEP_M = 1000.0  # map metres of the step whose ground length gives the linear scale at a point


@dataclass(frozen=True)
class Grid:
    """A north-up grid: GDAL geotransform terms (``yres`` negative for north-up), size and metres per unit."""

    x0: float
    xres: float
    y0: float
    yres: float
    width: int
    height: int
    unit: float = 1.0

    @classmethod
    def of(cls, geotransform, width: int, height: int, unit: float = 1.0) -> Grid:
        x0, xres, _, y0, _, yres = geotransform
        return cls(float(x0), float(xres), float(y0), float(yres), int(width), int(height), float(unit))

    @property
    def planar(self) -> float:
        """Planar area of a pixel (m²)."""
        return abs(self.xres * self.yres) * self.unit * self.unit


class PixelAreas:
    """The true areas of a grid's pixels: :meth:`strip` gives those of full-width rows."""

    def __init__(self, width: int, constant: float | None = None, rows: np.ndarray | None = None,
                 field: _Field | None = None) -> None:
        self.width = width
        self.constant = constant
        self.rows = rows
        self.field = field

    @property
    def kind(self) -> str:
        """'constant', 'rows' or 'field'."""
        return "constant" if self.constant is not None else "rows" if self.rows is not None else "field"

    def strip(self, row0: int, rows: int) -> np.ndarray:
        """Areas (m²) of rows ``row0`` .. ``row0 + rows - 1``: shape (1, 1), (rows, 1) or (rows, width)."""
        if self.constant is not None:
            return np.full((1, 1), self.constant)
        if self.rows is not None:
            return self.rows[row0:row0 + rows].reshape(rows, 1).copy()  # callers may not change the grid's
        return self.field.fill(row0, np.empty((rows, self.width)))

    def fill(self, row0: int, out: np.ndarray) -> np.ndarray:
        """Write the areas of rows ``row0`` .. ``row0 + len(out) - 1`` into ``out`` (shape (rows, width))."""
        if self.field is not None:
            return self.field.fill(row0, out)
        out[...] = self.constant if self.constant is not None else self.rows[row0:row0 + out.shape[0], None]
        return out

    def view(self, row0: int, rows: int) -> StripAreas:
        """The areas of rows ``row0`` .. ``row0 + rows - 1``, made only when (and where) they are used."""
        return StripAreas(self, row0, rows)


class StripAreas:
    """The pixel areas of a strip of full-width rows, lazily: the zonal kernels take them a few rows at a time
    (:meth:`fill`, in the CPU's cache), :meth:`array` makes them all, and a reader that needs none costs nothing."""

    def __init__(self, areas: PixelAreas, row0: int, rows: int) -> None:
        self.areas, self.row0, self.rows = areas, row0, rows

    @property
    def constant(self) -> float | None:
        """The one area of every pixel (an equal-area CRS), else None."""
        return self.areas.constant

    def array(self) -> np.ndarray:
        """Areas (m²): shape (1, 1), (rows, 1) or (rows, width), as :meth:`PixelAreas.strip`."""
        return self.areas.strip(self.row0, self.rows)

    def fill(self, first: int, out: np.ndarray) -> np.ndarray:
        """Write the areas of the strip's rows ``first`` .. ``first + len(out) - 1`` into ``out``."""
        return self.areas.fill(self.row0 + first, out)


def geographic_areas(grid: Grid, a: float, b: float) -> PixelAreas:
    """Exact areas of a grid in longitude and latitude (degrees): one per row."""
    edges = grid.y0 + np.arange(grid.height + 1, dtype=np.float64) * grid.yres
    return PixelAreas(grid.width, rows=cell_areas_geographic(edges, grid.xres, a, b))


def projected_areas(grid: Grid, to_lonlat: Transform, a: float, b: float) -> PixelAreas:
    """Areas of a grid in a projected CRS (see the module's description); pixels the transform cannot place
    (outside the projection's domain) keep their planar area."""
    rows = _cylindrical_rows(grid, to_lonlat, a, b)
    if rows is not None:
        return PixelAreas(grid.width, rows=rows)
    probe = _Field(grid, to_lonlat, a, b, max(1, -(-max(grid.width, grid.height) // 8)))  # about 9 × 9 nodes
    if np.ptp(probe.nodes) <= FLAT * np.mean(probe.nodes):  # equal-area, or a small grid where areas vary less
        planar = np.max(np.abs(probe.nodes / grid.planar - 1)) <= FLAT  # the same number in every window
        return PixelAreas(grid.width, constant=grid.planar if planar else float(np.mean(probe.nodes)))
    pixel = max(abs(grid.xres), abs(grid.yres)) * grid.unit
    step = MAX_STEP
    while step > 1 and step * pixel > NODE_SPACING_M:
        step //= 2
    while True:
        field = _Field(grid, to_lonlat, a, b, step)
        if step == 1 or field.midpoint_error() <= TOLERANCE:
            return PixelAreas(grid.width, field=field)
        step //= 2


def _cylindrical_rows(grid: Grid, to_lonlat: Transform, a: float, b: float) -> np.ndarray | None:
    """Exact row areas when the CRS is normal cylindrical over the grid, else None."""
    cols = np.linspace(0.0, grid.width, 9)
    rows = np.linspace(0.0, grid.height, 9)
    lon, lat = to_lonlat(*np.meshgrid(grid.x0 + cols * grid.xres, grid.y0 + rows * grid.yres))
    lon = np.unwrap(lon, period=360.0, axis=1)
    if not (np.all(np.isfinite(lon)) and np.all(np.isfinite(lat))):
        return None
    linear = lon[0, 0] + (lon[0, -1] - lon[0, 0]) * cols / grid.width
    if (np.max(np.abs(lat - lat[:, :1])) > CYLINDRICAL_DEG or np.max(np.abs(lon - lon[:1, :])) > CYLINDRICAL_DEG
            or np.max(np.abs(lon[0] - linear)) > CYLINDRICAL_DEG):
        return None
    # latitudes of the row edges at the CRS's origin column, longitude width from the origin: every window of a
    # grid gets the same numbers
    edges = grid.y0 + np.arange(grid.height + 1, dtype=np.float64) * grid.yres
    lat_edges = to_lonlat(np.zeros_like(edges), edges)[1]
    lon_pair = to_lonlat(np.array([0.0, 64 * grid.xres]), np.zeros(2))[0]
    if not (np.all(np.isfinite(lat_edges)) and np.all(np.isfinite(lon_pair))):
        lat_edges = to_lonlat(np.full_like(edges, grid.x0), edges)[1]
        lon_pair = np.array([lon[0, 0], lon[0, 0] + (lon[0, -1] - lon[0, 0]) * 64 / grid.width])
    lon_pair = np.unwrap(lon_pair, period=360.0)
    dlon = (lon_pair[1] - lon_pair[0]) / 64
    return cell_areas_geographic(lat_edges, dlon, a, b)


def ground_metres_per_unit(x: np.ndarray, y: np.ndarray, to_lonlat: Transform, a: float, b: float,
                           unit: float) -> tuple[np.ndarray, np.ndarray]:
    """Ground metres per map unit along map x and along map y at each point (``x``, ``y``) of a projected CRS
    (``unit`` metres per map unit): the ellipsoidal length (Vincenty) of a :data:`SCALE_STEP_M` step centred
    on the point, over the step (off by about (step / R)², 1e-8). Exact locally for a conformal projection
    (equal in x and y) and a normal cylindrical one (Mercator, Web Mercator, which is not conformal on the
    ellipsoid); in another one (Albers, LAEA off the central meridian) distances along map diagonals are off by
    the projection's shear there. Where the transform fails: ``unit``."""
    x, y = np.broadcast_arrays(np.asarray(x, dtype=np.float64), np.asarray(y, dtype=np.float64))
    half = 0.5 * SCALE_STEP_M / unit
    lengths = []
    for dx, dy in ((half, 0.0), (0.0, half)):
        lon0, lat0 = to_lonlat(x - dx, y - dy)
        lon1, lat1 = to_lonlat(x + dx, y + dy)
        length = geodesic_distance(lon0, lat0, lon1, lat1, a, b) / (2 * half)
        lengths.append(np.where(np.isfinite(length) & (length > 0), length, unit))
    return lengths[0], lengths[1]


class _Field:
    """True areas of pixel-sized cells on a lattice of nodes every ``step`` pixels (global pixel indices that are
    multiples of ``step``, bracketing the grid), interpolated bilinearly to pixel centres."""

    def __init__(self, grid: Grid, to_lonlat: Transform, a: float, b: float, step: int) -> None:
        self.grid, self.to_lonlat, self.a, self.b, self.step = grid, to_lonlat, a, b, step
        self.col_nodes = _lattice(grid.x0 / grid.xres, grid.width, step)
        self.row_nodes = _lattice(grid.y0 / grid.yres, grid.height, step)
        self.nodes = self.cell_areas(self.col_nodes[None, :], self.row_nodes[:, None])
        index = np.arange(grid.width, dtype=np.float64)
        self._col_at, self._col_t = _bracket(self.col_nodes, index)
        self._row_at, self._row_t = _bracket(self.row_nodes, np.arange(grid.height, dtype=np.float64))
        self._intervals: dict[int, tuple[np.ndarray, np.ndarray]] = {}
        self._node_rows: dict[int, np.ndarray] = {}
        self._lock = threading.Lock()

    def cell_areas(self, cols: np.ndarray, rows: np.ndarray) -> np.ndarray:
        """True area (m²) of a pixel-sized cell centred on each (column, row) pixel position (broadcast)."""
        grid = self.grid
        cols, rows = np.broadcast_arrays(np.asarray(cols, dtype=np.float64), np.asarray(rows, dtype=np.float64))
        pieces = max(1, math.ceil(max(abs(grid.xres), abs(grid.yres)) * grid.unit / SUB_EDGE_M))
        t = np.arange(pieces) / pieces - 0.5
        half = np.full(pieces, 0.5)
        ring_c = np.concatenate([t, half, -t, -half])  # counter-clockwise in pixel indices: the sign is dropped
        ring_r = np.concatenate([-half, t, half, -t])
        x = grid.x0 + (cols[..., None] + 0.5 + ring_c) * grid.xres
        y = grid.y0 + (rows[..., None] + 0.5 + ring_r) * grid.yres
        lon, lat = self.to_lonlat(x.ravel(), y.ravel())
        lam = np.radians(np.unwrap(np.asarray(lon).reshape(x.shape), period=360.0, axis=-1))
        q = authalic_integral(np.asarray(lat).reshape(x.shape), self.a, self.b)
        lam = lam - lam.mean(axis=-1, keepdims=True)
        q = q - q.mean(axis=-1, keepdims=True)
        area = np.abs(np.sum(lam * np.roll(q, -1, axis=-1) - np.roll(lam, -1, axis=-1) * q, axis=-1)) / 2.0
        return np.where(np.isfinite(area) & (area > 0), area, grid.planar)

    def midpoint_error(self) -> float:
        """Largest relative error of the bilinear interpolation halfway between neighbouring nodes, along the
        first, middle and last node rows and columns."""
        errors = [0.0]
        for axis, nodes in ((1, self.col_nodes), (0, self.row_nodes)):
            if nodes.size < 2:
                continue
            other = self.row_nodes if axis == 1 else self.col_nodes
            picks = sorted({0, other.size // 2, other.size - 1})
            mids = (nodes[:-1] + nodes[1:]) / 2.0
            for pick in picks:
                line = self.nodes[pick, :] if axis == 1 else self.nodes[:, pick]
                exact = (self.cell_areas(mids, other[pick]) if axis == 1 else self.cell_areas(other[pick], mids))
                guess = (line[:-1] + line[1:]) / 2.0
                errors.append(float(np.max(np.abs(guess / exact - 1.0))))
        return max(errors)

    def fill(self, row0: int, out: np.ndarray) -> np.ndarray:
        """Write the interpolated areas of rows ``row0`` .. ``row0 + len(out) - 1`` into ``out``."""
        rows = slice(row0, row0 + out.shape[0])
        at, t = self._row_at[rows], self._row_t[rows]
        for k in range(int(at[0]), int(at[-1]) + 1):  # node intervals in order (usually one)
            span = slice(None) if at[0] == at[-1] else slice(int(np.searchsorted(at, k)),
                                                             int(np.searchsorted(at, k, side="right")))
            low, change = self._interval(k)
            np.multiply(t[span, None], change, out=out[span])
            out[span] += low
        return out

    def _interval(self, k: int) -> tuple[np.ndarray, np.ndarray]:
        """Node row ``k`` interpolated to every column and the change to row ``k + 1``; the last few are kept,
        as consecutive strips share them."""
        with self._lock:
            if k not in self._intervals:
                low = self._node_row(k)
                high = self._node_row(k + 1) if k + 1 < self.row_nodes.size else low
                _keep(self._intervals, k, (low, high - low))
            return self._intervals[k]

    def _node_row(self, k: int) -> np.ndarray:
        """Node row ``k`` interpolated to every column (kept: the next interval starts from it)."""
        if k not in self._node_rows:
            _keep(self._node_rows, k, self._interpolated_row(k))
        return self._node_rows[k]

    def _interpolated_row(self, k: int) -> np.ndarray:
        """Node row ``k``, bilinear along the columns."""
        line = self.nodes[k]
        at, t = self._col_at, self._col_t
        high = line[np.minimum(at + 1, line.size - 1)]
        return line[at] + t * (high - line[at])


def _keep(cache: dict, key: int, value) -> None:
    """Add to a cache of the last 4 values, dropping the oldest."""
    if len(cache) >= 4:
        cache.pop(next(iter(cache)))
    cache[key] = value


def _lattice(offset: float, size: int, step: int) -> np.ndarray:
    """Local pixel indices of the nodes: global indices (origin ``offset`` pixels from the CRS's origin) that are
    multiples of ``step``, from the last at or before pixel 0 to the first at or after pixel ``size - 1``."""
    shift = round(offset)
    first = math.floor(shift / step) * step - shift
    last = math.ceil((shift + size - 1) / step) * step - shift
    return np.arange(first, last + 1, step, dtype=np.float64)


def _bracket(nodes: np.ndarray, index: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """For each index: the node before it (position in ``nodes``) and the fraction of the way to the next."""
    if nodes.size < 2:
        return np.zeros(index.size, dtype=np.intp), np.zeros(index.size)
    at = np.clip(np.searchsorted(nodes, index, side="right") - 1, 0, nodes.size - 2)
    return at, (index - nodes[at]) / (nodes[at + 1] - nodes[at])
