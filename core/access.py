"""Access kernels: which raster cells have their centre within a distance of points or line segments.

A served area is a set of *capsules*: a segment (two end points, equal for a point) with a radius in metres; a
cell is served when its centre lies within the radius of any capsule. For one pixel row every capsule cuts the
row's centre line in one interval (a capsule is convex), found analytically, so whole rows of cells are marked
at once and overlapping capsules never count a cell twice. Distances are measured in metres with per-row scales:
in a projected CRS ground metres per map unit (the projection's scale, from `core/areal_scale.ground_metres_per_unit`);
in a geographic CRS the ellipsoid's metres per degree of longitude and
latitude at the row's latitude (a local flat approximation: relative error about tan(latitude) × d / 2R, under
2 cm at 1 km and 30°N).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

#: Most (capsule, row) pairs handled at once, to keep memory flat.
PAIRS_PER_CHUNK = 1_000_000


@dataclass(frozen=True)
class StripGeometry:
    """Pixel-centre geometry of ``rows`` full-width rows of a north-up grid, with metres per map unit per row."""

    left: float
    top: float
    xres: float
    yres: float
    cols: int
    rows: int
    kx: np.ndarray
    ky: np.ndarray

    def row_centres(self) -> np.ndarray:
        """Map y of each row's pixel centres."""
        return self.top - (np.arange(self.rows, dtype=np.float64) + 0.5) * self.yres


def _segment_row_pairs(strip: StripGeometry, segments: np.ndarray, radii: np.ndarray):
    """(segment index, row index) pairs whose rows may hold cells within reach, in chunks."""
    reach = radii / float(np.min(strip.ky))
    ylo = np.minimum(segments[:, 1], segments[:, 3]) - reach
    yhi = np.maximum(segments[:, 1], segments[:, 3]) + reach
    first = np.maximum(np.ceil((strip.top - yhi) / strip.yres - 0.5), 0)
    last = np.minimum(np.floor((strip.top - ylo) / strip.yres - 0.5), strip.rows - 1)
    keep = np.flatnonzero(last >= first)
    if keep.size == 0:
        return
    first = first[keep].astype(np.int64)
    counts = last[keep].astype(np.int64) - first + 1
    ends = np.cumsum(counts)
    start = 0
    while start < keep.size:
        base = ends[start - 1] if start else 0
        stop = max(start + 1, int(np.searchsorted(ends, base + PAIRS_PER_CHUNK, side="right")))
        chunk_counts = counts[start:stop]
        index = np.repeat(np.arange(start, stop), chunk_counts)
        offsets = np.arange(index.size) - np.repeat(np.cumsum(chunk_counts) - chunk_counts, chunk_counts)
        yield keep[index], first[index] + offsets
        start = stop


def _row_intervals(x0, y0, x1, y1, radius):
    """Interval [lo, hi] of X on the line Y = 0 within ``radius`` of each segment (metres; empty: lo > hi)."""
    lo = np.full(x0.shape, np.inf)
    hi = np.full(x0.shape, -np.inf)
    for px, py in ((x0, y0), (x1, y1)):
        inside = np.abs(py) <= radius
        half = np.sqrt(np.where(inside, radius * radius - py * py, 0.0))
        lo = np.where(inside, np.minimum(lo, px - half), lo)
        hi = np.where(inside, np.maximum(hi, px + half), hi)
    dx, dy = x1 - x0, y1 - y0
    length2 = dx * dx + dy * dy
    length = np.sqrt(length2)
    with np.errstate(divide="ignore", invalid="ignore"):
        # Projection parameter t = ((X - x0) dx - y0 dy) / L² in [0, 1].
        ta, tb = x0 + (y0 * dy) / dx, x0 + (length2 + y0 * dy) / dx
        t_ok = (-y0 * dy >= 0) & (-y0 * dy <= length2)
        t_lo = np.where(dx != 0, np.minimum(ta, tb), np.where(t_ok, -np.inf, np.inf))
        t_hi = np.where(dx != 0, np.maximum(ta, tb), np.where(t_ok, np.inf, -np.inf))
        # Distance to the segment's line |dy (X - x0) + dx y0| / L <= radius.
        pa, pb = x0 + (-radius * length - dx * y0) / dy, x0 + (radius * length - dx * y0) / dy
        p_ok = np.abs(dx * y0) <= radius * length
        p_lo = np.where(dy != 0, np.minimum(pa, pb), np.where(p_ok, -np.inf, np.inf))
        p_hi = np.where(dy != 0, np.maximum(pa, pb), np.where(p_ok, np.inf, -np.inf))
    body_lo, body_hi = np.maximum(t_lo, p_lo), np.minimum(t_hi, p_hi)
    body = (length2 > 0) & (body_lo <= body_hi)
    lo = np.where(body, np.minimum(lo, body_lo), lo)
    hi = np.where(body, np.maximum(hi, body_hi), hi)
    return lo, hi


def mark_within(mask: np.ndarray, strip: StripGeometry, segments: np.ndarray, radii: np.ndarray | float) -> None:
    """Set ``mask`` (rows, cols) True where the cell centre is within ``radii`` metres of any segment.

    ``segments`` is an (n, 4) array of map coordinates x0, y0, x1, y1 (a point repeats its coordinates);
    ``radii`` one radius per segment or one for all.
    """
    segments = np.asarray(segments, dtype=np.float64).reshape(-1, 4)
    if segments.shape[0] == 0:
        return
    radii = np.broadcast_to(np.asarray(radii, dtype=np.float64), (segments.shape[0],))
    kx = np.broadcast_to(np.asarray(strip.kx, dtype=np.float64), (strip.rows,))
    ky = np.broadcast_to(np.asarray(strip.ky, dtype=np.float64), (strip.rows,))
    centres = strip.row_centres()
    width = strip.cols + 1
    hits = np.zeros(strip.rows * width, dtype=np.int64)
    for seg, row in _segment_row_pairs(strip, segments, radii):
        sx, sy = kx[row], ky[row]
        s = segments[seg]
        lo, hi = _row_intervals((s[:, 0] - strip.left) * sx, (s[:, 1] - centres[row]) * sy,
                                (s[:, 2] - strip.left) * sx, (s[:, 3] - centres[row]) * sy, radii[seg])
        cell = strip.xres * sx
        with np.errstate(invalid="ignore"):
            c_lo = np.maximum(np.ceil(lo / cell - 0.5), 0)
            c_hi = np.minimum(np.floor(hi / cell - 0.5), strip.cols - 1)
        ok = c_lo <= c_hi
        row, c_lo, c_hi = row[ok], c_lo[ok].astype(np.int64), c_hi[ok].astype(np.int64)
        hits += np.bincount(row * width + c_lo, minlength=hits.size)
        hits -= np.bincount(row * width + c_hi + 1, minlength=hits.size)
    mask |= np.cumsum(hits.reshape(strip.rows, width), axis=1)[:, :strip.cols] > 0


def served_pieces(start_cost: np.ndarray, end_cost: np.ndarray, length: np.ndarray,
                  limit: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Parts of edges within ``limit`` of the sources, walking along the edge from either end.

    Edge i runs from a node at network distance ``start_cost[i]`` to one at ``end_cost[i]`` and is ``length[i]``
    long; a point at distance s from the start is reached at min(start + s, end + length - s). Returns
    (edge index, t0, t1): fractions along the edge of each served piece (at most two per edge).
    """
    start_cost, end_cost, length = (np.asarray(v, dtype=np.float64) for v in (start_cost, end_cost, length))
    with np.errstate(divide="ignore", invalid="ignore"):
        head = np.where(length > 0, (limit - start_cost) / length, np.where(start_cost <= limit, 1.0, -1.0))
        tail = np.where(length > 0, 1.0 - (limit - end_cost) / length, np.where(end_cost <= limit, 0.0, 2.0))
    head, tail = np.minimum(head, 1.0), np.maximum(tail, 0.0)
    whole = head >= tail
    from_start = ~whole & (head >= 0)
    from_end = ~whole & (tail <= 1)
    index = np.concatenate([np.flatnonzero(whole), np.flatnonzero(from_start), np.flatnonzero(from_end)])
    t0 = np.concatenate([np.zeros(whole.sum()), np.zeros(from_start.sum()), tail[from_end]])
    t1 = np.concatenate([np.ones(whole.sum()), head[from_start], np.ones(from_end.sum())])
    return index, t0, t1


@dataclass
class Tally:
    """Population and served population of one raster by (zone label, location): rows are zone labels (0 outside
    every zone), columns the location: 0 rural (or everything without urban areas), 1 urban."""

    population: np.ndarray
    served: dict[str, np.ndarray]

    @classmethod
    def empty(cls, zones: int, names) -> Tally:
        """Zeros for ``zones`` zones and the served areas ``names``."""
        return cls(np.zeros((zones + 1, 2)), {name: np.zeros((zones + 1, 2)) for name in names})

    def add(self, zone_labels: np.ndarray, urban: np.ndarray | bool, people: np.ndarray,
            served: dict[str, np.ndarray]) -> None:
        """Add a strip: zone label, urban flag and people of each cell (negative counts as none), and per served
        area a mask of the cells served."""
        size = self.population.size
        index = (np.asarray(zone_labels).astype(np.int64) * 2 + np.asarray(urban, dtype=np.int64)).ravel()
        people = np.where(people > 0, people, 0.0).ravel()
        self.population += np.bincount(index, people, minlength=size).reshape(-1, 2)
        for name, mask in served.items():
            mask = np.asarray(mask).ravel()
            self.served[name] += np.bincount(index[mask], people[mask], minlength=size).reshape(-1, 2)

    def sums(self, name: str, rows: slice | int, columns: list[int]) -> tuple[float, float]:
        """(served population, population) over the zone rows and location columns, for served area ``name``."""
        return (float(self.served[name][rows][..., columns].sum()),
                float(self.population[rows][..., columns].sum()))
