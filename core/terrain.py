"""Terrain kernels for mountain classification (SDG 15.4.2): slope by Horn's method, local relief over a disc,
Kapos mountain classes, pixel sizes in metres on the ellipsoid, and DEM strips read with a halo of rows.

Every kernel works on full-width strips of rows, so a DEM of any size is processed with a flat memory profile;
rows above and below a strip (its halo) make the result independent of where the strips are cut.
"""
from __future__ import annotations

import math
from collections import deque
from typing import Callable, Iterable, Iterator, Tuple

import numpy as np

from .geodesy import metres_per_degree

#: Mountain class value for pixels outside every Kapos class, and for pixels without elevation.
NOT_MOUNTAIN = 0
NODATA = 255
#: Radius (m) of the local elevation range (relief) window of Kapos et al. (2000).
RELIEF_RADIUS = 7000.0
KAPOS_CLASSES = (1, 2, 3, 4, 5, 6)
_TOLERANCE = 1e-9


def pixel_metres_geographic(lat_deg: np.ndarray, xres_deg: float, yres_deg: float, a: float,
                            b: float) -> tuple[np.ndarray, np.ndarray]:
    """East-west and north-south size (m) of pixels of ``xres_deg`` x ``yres_deg`` centred at latitudes ``lat_deg``."""
    per_degree_x, per_degree_y = metres_per_degree(lat_deg, a, b)
    return per_degree_x * abs(xres_deg), per_degree_y * abs(yres_deg)


def horn_slope(z: np.ndarray, valid: np.ndarray, dx: np.ndarray | float, dy: np.ndarray | float) -> np.ndarray:
    """Slope in degrees by Horn's method (as gdaldem and QGIS), for the rows of ``z`` between its first and last.

    ``z`` and ``valid`` hold one extra row above and below the rows computed (invalid rows at the DEM's edges);
    ``dx`` and ``dy`` are the pixel sizes in metres of each computed row (or scalars). Invalid neighbours are
    handled as QGIS's derivative filter does (one-sided differences at edges and beside nodata); the result is
    NaN where the pixel is invalid or no difference can be formed.
    """
    rows, cols = z.shape[0] - 2, z.shape[1]
    zp = np.zeros((rows + 2, cols + 2), dtype=np.float64)
    vp = np.zeros((rows + 2, cols + 2), dtype=bool)
    zp[:, 1:-1] = np.where(valid, z, 0.0)
    vp[:, 1:-1] = valid

    def cell(dr: int, dc: int) -> tuple[np.ndarray, np.ndarray]:
        window = (slice(1 + dr, 1 + dr + rows), slice(1 + dc, 1 + dc + cols))
        return zp[window], vp[window]

    def derivative(triples) -> tuple[np.ndarray, np.ndarray]:
        total = np.zeros((rows, cols))
        weight = np.zeros((rows, cols))
        for w, (z0, v0), (z1, v1), (z2, v2) in triples:
            both = v0 & v2
            only_first = v0 & ~v2 & v1
            only_last = v2 & ~v0 & v1
            total += w * np.where(both, z2 - z0, np.where(only_first, z1 - z0, np.where(only_last, z2 - z1, 0.0)))
            weight += w * (2.0 * both + only_first + only_last)
        return total, weight

    sum_x, weight_x = derivative([(w, cell(dr, -1), cell(dr, 0), cell(dr, 1)) for w, dr in ((1, -1), (2, 0), (1, 1))])
    sum_y, weight_y = derivative([(w, cell(-1, dc), cell(0, dc), cell(1, dc)) for w, dc in ((1, -1), (2, 0), (1, 1))])
    dx = np.broadcast_to(np.asarray(dx, dtype=np.float64).reshape(-1, 1), (rows, 1))
    dy = np.broadcast_to(np.asarray(dy, dtype=np.float64).reshape(-1, 1), (rows, 1))
    with np.errstate(divide="ignore", invalid="ignore"):
        gx = sum_x / (weight_x * dx)
        gy = sum_y / (weight_y * dy)
        slope = np.degrees(np.arctan(np.hypot(gx, gy)))
    slope[~cell(0, 0)[1] | (weight_x == 0) | (weight_y == 0)] = np.nan
    return slope


def chord_half_widths(radius: float, dx: np.ndarray, dy: np.ndarray, max_offset: int) -> np.ndarray:
    """Half-width in pixels of the disc's chord ``d`` rows from its centre, seen from each source row.

    Shape (rows, max_offset + 1): pixel centres (d·dy, c·dx) with d² dy² + c² dx² ≤ radius² are in the disc
    (dx, dy of the source row, in metres); -1 where no pixel of the row offset is in the disc.
    """
    limit = radius * radius * (1.0 + _TOLERANCE)
    offsets = np.arange(max_offset + 1, dtype=np.float64)
    across = limit - (offsets[None, :] * dy[:, None]) ** 2
    half = np.floor(np.sqrt(np.maximum(across, 0.0)) / dx[:, None] * (1.0 + _TOLERANCE)).astype(np.int64)
    return np.where(across >= 0.0, half, -1)


def max_row_offset(radius: float, dy: np.ndarray) -> int:
    """Rows of halo a disc of ``radius`` metres needs with row heights ``dy`` (m)."""
    return int(math.ceil(radius / float(np.min(dy)) - _TOLERANCE))


def local_relief(z: np.ndarray, valid: np.ndarray, radius: float, dx: np.ndarray | float, dy: np.ndarray | float,
                 start: int = 0, stop: int | None = None) -> np.ndarray:
    """Local elevation range (max - min of valid pixels) within ``radius`` metres of each pixel of rows
    ``start:stop`` of ``z``; the other rows of ``z`` are the halo. ``dx`` and ``dy`` (m) are per row of ``z``.

    The disc (pixel centres within the radius, measured with the source row's pixel size) is cut into
    horizontal chords; running maxima and minima of growing width are built incrementally, so the cost is
    O(pixels × (chord half-width + rows of radius)) rather than O(pixels × disc area). NaN where the pixel is
    invalid. Elevations are held as float32 (within a millimetre below 8000 m) to halve the memory.
    """
    n, cols = z.shape
    stop = n if stop is None else stop
    dx = np.broadcast_to(np.asarray(dx, dtype=np.float64), (n,))
    dy = np.broadcast_to(np.asarray(dy, dtype=np.float64), (n,))
    offset_max = min(max_row_offset(radius, dy), n - 1)
    half = chord_half_widths(radius, dx, dy, offset_max)
    high_src = np.where(valid, z, -np.inf).astype(np.float32)
    low_src = np.where(valid, z, np.inf).astype(np.float32)
    high, low = high_src.copy(), low_src.copy()
    current = np.zeros(n, dtype=np.int64)
    out_high = np.full((stop - start, cols), -np.inf, dtype=np.float32)
    out_low = np.full((stop - start, cols), np.inf, dtype=np.float32)
    for d in range(offset_max, -1, -1):
        target = half[:, d]
        _grow(high, low, high_src, low_src, current, target)
        for sign in ((1, -1) if d else (1,)):
            first = max(start, -sign * d)
            last = min(stop, n - sign * d)
            if first >= last:
                continue
            sources = slice(first + sign * d, last + sign * d)
            inside = (target[sources] >= 0)[:, None]
            np.maximum(out_high[first - start:last - start],
                       np.where(inside, high[sources], -np.inf), out=out_high[first - start:last - start])
            np.minimum(out_low[first - start:last - start],
                       np.where(inside, low[sources], np.inf), out=out_low[first - start:last - start])
    relief = out_high.astype(np.float64) - out_low
    relief[~valid[start:stop]] = np.nan
    return relief


def _grow(high: np.ndarray, low: np.ndarray, high_src: np.ndarray, low_src: np.ndarray, current: np.ndarray,
          target: np.ndarray) -> None:
    """Widen the running max/min of each row from half-width ``current`` to ``target`` (in place)."""
    cols = high.shape[1]
    while True:
        need = current < target
        if not need.any():
            return
        k = int(current[need].min()) + 1
        selected = need & (current == k - 1)
        rows = slice(None) if selected.all() else np.flatnonzero(selected)
        if k < cols:
            high[rows, :-k] = np.maximum(high[rows, :-k], high_src[rows, k:])
            high[rows, k:] = np.maximum(high[rows, k:], high_src[rows, :-k])
            low[rows, :-k] = np.minimum(low[rows, :-k], low_src[rows, k:])
            low[rows, k:] = np.minimum(low[rows, k:], low_src[rows, :-k])
        current[selected] = k


def needs_relief(z: np.ndarray, slope: np.ndarray, valid: np.ndarray) -> bool:
    """Whether any pixel's Kapos class depends on local relief (300-1000 m, or 1000-1500 m below 5°)."""
    with np.errstate(invalid="ignore"):
        low = (z >= 300) & (z < 1000)
        mid = (z >= 1000) & (z < 1500) & ~(slope >= 5)
    return bool(np.any((low | mid) & valid))


def kapos_classes(z: np.ndarray, slope: np.ndarray, relief: np.ndarray | None, valid: np.ndarray) -> np.ndarray:
    """Kapos et al. (2000) mountain class per pixel (UNEP-WCMC, as used for SDG 15.4.2).

    1: z ≥ 4500 m; 2: 3500 ≤ z < 4500; 3: 2500 ≤ z < 3500; 4: 1500 ≤ z < 2500 and slope ≥ 2°;
    5: 1000 ≤ z < 1500 and (slope ≥ 5° or relief > 300 m); 6: 300 ≤ z < 1000 and relief > 300 m.
    0 elsewhere, 255 where the elevation is invalid. ``relief`` may be None when :func:`needs_relief` is False.
    """
    relief = np.full(z.shape, np.nan) if relief is None else relief
    out = np.full(z.shape, NOT_MOUNTAIN, dtype=np.uint8)
    with np.errstate(invalid="ignore"):
        rules = [
            (1, z >= 4500),
            (2, (z >= 3500) & (z < 4500)),
            (3, (z >= 2500) & (z < 3500)),
            (4, (z >= 1500) & (z < 2500) & (slope >= 2)),
            (5, (z >= 1000) & (z < 1500) & ((slope >= 5) | (relief > 300))),
            (6, (z >= 300) & (z < 1000) & (relief > 300)),
        ]
    for value, rule in rules:
        out[rule] = value
    out[~valid] = NODATA
    return out


def mountain_green_categories(classes: np.ndarray, green: np.ndarray, valid: np.ndarray) -> np.ndarray:
    """Category per pixel for area sums: 2k - 1 for Kapos class k not green, 2k for class k green, 0 outside
    mountains or where land cover (``valid``) is missing."""
    mountain = (classes >= 1) & (classes <= 6) & valid
    return np.where(mountain, 2 * classes.astype(np.int64) - 1 + green, 0).astype(np.uint8)


def with_halo(strips: Iterable[tuple[int, np.ndarray, np.ndarray]],
              halo: int) -> Iterator[tuple[int, int, int, np.ndarray, np.ndarray]]:
    """Regroup consecutive full-width strips ``(row0, data, valid)`` so that each comes with up to ``halo`` rows
    above and below it (fewer at the raster's edges).

    Yields ``(row0, rows, top, data, valid)``: the strip's rows are ``data[top:top + rows]``. Only the rows still
    needed are kept in memory.
    """
    held_data: np.ndarray | None = None
    held_valid: np.ndarray | None = None
    held_row0 = 0
    pending: deque[tuple[int, int]] = deque()
    end = 0

    def emit(row0: int, rows: int):
        first = max(held_row0, row0 - halo)
        last = min(end, row0 + rows + halo)
        window = slice(first - held_row0, last - held_row0)
        return row0, rows, row0 - first, held_data[window], held_valid[window]

    for row0, data, valid in strips:
        if held_data is None:
            held_data, held_valid, held_row0 = data, valid, row0
        else:
            held_data = np.concatenate([held_data, data])
            held_valid = np.concatenate([held_valid, valid])
        end = row0 + data.shape[0]
        pending.append((row0, data.shape[0]))
        while pending and pending[0][0] + pending[0][1] + halo <= end:
            yield emit(*pending.popleft())
        keep_from = max(held_row0, (pending[0][0] if pending else end) - halo)
        held_data = held_data[keep_from - held_row0:]
        held_valid = held_valid[keep_from - held_row0:]
        held_row0 = keep_from
    while pending:
        yield emit(*pending.popleft())


RowMetres = Callable[[int, int], Tuple[np.ndarray, np.ndarray]]


def kapos_strips(strips: Iterable[tuple[int, np.ndarray, np.ndarray]], height: int, row_metres: RowMetres,
                 radius: float = RELIEF_RADIUS) -> Iterator[tuple[int, np.ndarray]]:
    """Kapos classes of a DEM read in strips ``(row0, elevation, valid)``; yields ``(row0, classes)``.

    ``row_metres(row0, rows)`` gives the pixel width and height in metres of each of those rows. Each strip is
    read with a halo of ``ceil(radius / row height)`` rows, so the classes do not depend on the strip size.
    """
    halo = max(1, max_row_offset(radius, row_metres(0, height)[1]))
    for row0, rows, top, data, valid in with_halo(strips, halo):
        first = row0 - top
        dx, dy = row_metres(first, data.shape[0])
        dx = np.broadcast_to(dx, (data.shape[0],))
        dy = np.broadcast_to(dy, (data.shape[0],))
        z = data.astype(np.float64)
        window = slice(top, top + rows)
        slope = horn_slope(_one_row_halo(z, top, rows, 0.0), _one_row_halo(valid, top, rows, False),
                           dx[window], dy[window])
        strip_z, strip_valid = z[window], valid[window]
        relief = (local_relief(z, valid, radius, dx, dy, top, top + rows)
                  if needs_relief(strip_z, slope, strip_valid) else None)
        yield row0, kapos_classes(strip_z, slope, relief, strip_valid)


def _one_row_halo(array: np.ndarray, top: int, rows: int, fill) -> np.ndarray:
    """Rows ``top - 1 .. top + rows`` of ``array``, with a ``fill`` row where the raster ends."""
    pad = np.full((1, array.shape[1]), fill, dtype=array.dtype)
    above = array[top - 1:top] if top > 0 else pad
    below = array[top + rows:top + rows + 1] if top + rows < array.shape[0] else pad
    return np.concatenate([above, array[top:top + rows], below])
