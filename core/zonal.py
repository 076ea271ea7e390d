"""Additive zonal kernels: per-zone totals accumulated block by block with bincount.

Zones are integer labels per pixel (0 = outside every zone, 1..n = zone), as rasterized once per run. Every kernel
returns partial results that add up across blocks, so a raster of any size is reduced in one pass.
"""
from __future__ import annotations

import math
from typing import Sequence, Union

import numpy as np

from .areal_scale import StripAreas


def strip_rows(width: int, height: int, block_rows: int, target_pixels: int) -> int:
    """Rows per strip of a raster read block by block: about ``target_pixels``, in whole blocks when a block is
    smaller, else the even share of a block nearest to that (within a factor of 2) where the block height has one:
    a strip then never leaves a block half read, so its cached blocks can be dropped."""
    rows = max(1, target_pixels // max(1, width))
    block = max(1, block_rows)
    if rows >= block:
        candidates = [rows // block * block]
    else:
        candidates = [share for share in range((rows + 1) // 2, min(block, 2 * rows) + 1) if block % share == 0]
    return min(height, min(candidates or [rows], key=lambda size: abs(math.log(size / rows))))


def _index_type(size: int) -> np.dtype:
    """The smallest unsigned type that holds indices 0 .. ``size`` - 1 (a 16-bit index is built and counted
    faster than a 64-bit one)."""
    return np.dtype(np.uint16 if size <= 1 << 16 else np.uint32 if size <= 1 << 32 else np.intp)


#: Pixels per bincount: a chunk's index (bincount makes it 64-bit) and its areas, made for it, stay in the CPU's
#: cache (one weighted bincount over a whole strip of areas costs half as much again as counting; this does not).
CHUNK_PIXELS = 1 << 17
CHUNK_BINS = 4  # pixels per chunk at least this many times the bins (their sums are added per chunk)
#: Copies of every bin, taken in turn by consecutive pixels and summed at the end: in a run of pixels of one zone
#: and class each addition no longer waits for the one before (counting and weighing get 1.5 times faster).
LANES = 4
MAX_LANE_BINS = 1 << 20  # more bins than this (many zones × categories): one copy, the bins' memory kept small

#: The pixel areas (m²) of a block: one number, an array that broadcasts to the block (per row, per column or per
#: pixel), or a strip's lazily made areas.
BlockAreas = Union[float, np.ndarray, StripAreas]


class Workspace:
    """The work arrays of :func:`category_sums`, kept from block to block by an accumulator (strip-sized arrays
    made afresh for every block can cost more than the work on them where glibc hands them back to the system
    and each new one is page-faulted in again)."""

    def __init__(self) -> None:
        self._arrays: dict[str, np.ndarray] = {}
        self._lanes: tuple[tuple, np.ndarray] | None = None

    def array(self, name: str, shape: tuple[int, int], dtype: np.dtype) -> np.ndarray:
        """An uninitialised array (its contents are left over from the last block)."""
        count = math.prod(shape)
        array = self._arrays.get(name)
        if array is None or array.dtype != dtype or array.size < count:
            array = self._arrays[name] = np.empty(count, dtype=dtype)
        return array[:count].reshape(shape)

    def lanes(self, shape: tuple[int, int], size: int, copies: int, dtype: np.dtype) -> np.ndarray:
        """Each pixel's offset to its copy of the bins: ``size`` × its lane (0, 1, 2, 3, 0, 1 ...)."""
        key = (shape, size, copies, np.dtype(dtype).str)
        if self._lanes is None or self._lanes[0] != key:
            count = math.prod(shape)
            pattern = np.tile(np.arange(0, size * copies, size, dtype=dtype), -(-count // copies))
            self._lanes = (key, pattern[:count].reshape(shape))
        return self._lanes[1]


def category_sums(zones: np.ndarray, categories: np.ndarray, n_zones: int, n_categories: int,
                  pixel_area: BlockAreas, workspace: Workspace | None = None) -> np.ndarray:
    """Pixel areas (m²) summed per (zone, category) of a block, flat by ``zone × n_categories + category`` (zones
    0..n_zones, categories 0..n_categories - 1): counts × the one area in an equal-area CRS, else weighted
    bincounts. The index is made and counted chunk by chunk of :data:`CHUNK_PIXELS` (at least 4 × the bins),
    each chunk's areas made for it, in :data:`LANES` copies of the bins; in ``workspace``'s arrays where given."""
    work = workspace or Workspace()
    constant = _constant(pixel_area)
    rows, width = zones.shape
    size = (n_zones + 1) * n_categories
    copies = LANES if size * LANES <= MAX_LANE_BINS else 1
    bins = size * copies
    step = min(rows, max(1, max(CHUNK_PIXELS, CHUNK_BINS * bins) // max(1, width)))
    dtype = _index_type(bins)
    lanes = work.lanes((step, width), size, copies, dtype)
    index = work.array("index", (step, width), dtype)
    sums = np.zeros(bins, dtype=np.int64 if constant is not None else np.float64)
    buffer = work.array("areas", (step, width), np.dtype(np.float64)) if constant is None else None
    for first in range(0, rows, step):
        last = min(rows, first + step)
        part = index[:last - first]
        np.multiply(zones[first:last], n_categories, out=part, dtype=dtype, casting="unsafe")  # labels fit
        np.add(part, categories[first:last], out=part, casting="unsafe")
        part += lanes[:last - first]
        if buffer is None:
            sums += np.bincount(part.ravel(), minlength=bins)
        else:
            weights = _chunk_areas(pixel_area, first, last, rows, buffer[:last - first])
            sums += np.bincount(part.ravel(), weights=weights.ravel(), minlength=bins)
    sums = sums.reshape(copies, size).sum(axis=0)
    return sums * constant if constant is not None else sums


def zone_pixels(zones: np.ndarray, valid: np.ndarray, n_zones: int) -> np.ndarray:
    """Valid pixels per zone label 0..n_zones of a block (int64). Zones are polygons burnt on the grid, so a zone's
    pixels come in runs along the rows: each run counts by its length and the invalid pixels are taken off, a
    fraction of the cost of a bincount over every pixel."""
    labels = np.ascontiguousarray(zones).ravel()
    if labels.size == 0:
        return np.zeros(n_zones + 1, dtype=np.int64)
    starts = np.flatnonzero(labels[1:] != labels[:-1])
    starts += 1
    starts = np.concatenate(([0], starts))
    lengths = np.diff(starts, append=labels.size)
    # float64 sums of whole numbers: exact below 2^53 pixels
    pixels = np.bincount(labels[starts], weights=lengths, minlength=n_zones + 1).astype(np.int64)
    if np.count_nonzero(valid) < valid.size:
        pixels -= np.bincount(labels[~np.ascontiguousarray(valid).ravel()], minlength=n_zones + 1)
    return pixels


def _constant(pixel_area: BlockAreas) -> float | None:
    """The one area of every pixel of a block, or None where they vary."""
    if isinstance(pixel_area, StripAreas):
        return pixel_area.constant
    area = np.asarray(pixel_area, dtype=np.float64)
    return float(area.reshape(-1)[0]) if area.size == 1 else None


def _chunk_areas(pixel_area: BlockAreas, first: int, last: int, rows: int, out: np.ndarray) -> np.ndarray:
    """The areas of rows ``first`` .. ``last - 1`` of a block of ``rows`` rows, shape (last - first, width)."""
    if isinstance(pixel_area, StripAreas):
        return pixel_area.fill(first, out)
    area = np.asarray(pixel_area, dtype=np.float64)
    part = area[first:last] if area.shape[0] == rows and area.ndim == 2 else area
    if part.shape == out.shape:
        return part  # rows of the block's own array: no copy
    out[...] = part
    return out


class CategoryAreas:
    """Area per (zone, category) over any number of blocks.

    Category 0 is nodata; categories 1..n_categories are the classes.
    """

    def __init__(self, n_zones: int, n_categories: int) -> None:
        self.n_zones = n_zones
        self.n_categories = n_categories
        self._area = np.zeros((n_zones + 1) * (n_categories + 1), dtype=np.float64)
        self._work = Workspace()

    def add(self, zones: np.ndarray, categories: np.ndarray, pixel_area: BlockAreas) -> None:
        """Add one block; ``pixel_area`` (m²): see :data:`BlockAreas`."""
        self._area += category_sums(zones, categories, self.n_zones, self.n_categories + 1, pixel_area,
                                    self._work)

    def areas(self) -> np.ndarray:
        """Areas in m², shape (n_zones + 1, n_categories + 1); row 0 is outside zones, column 0 is nodata."""
        return self._area.reshape(self.n_zones + 1, self.n_categories + 1)


class ClassAreas:
    """Area per zone of the pixels in a class, for several rasters on one grid in one pass: bit ``i`` of a
    pixel's combination says whether raster ``i`` holds it in the class, (zone, combination) pairs are counted in
    one bincount, and a raster's count is the sum over the combinations holding its bit."""

    def __init__(self, n_zones: int, n_rasters: int) -> None:
        self.n_zones = n_zones
        self._area = np.zeros((n_rasters, n_zones + 1), dtype=np.float64)
        self._work = Workspace()

    def add(self, zones: np.ndarray, members: Sequence[np.ndarray], pixel_area: BlockAreas) -> None:
        """Add one block: per raster a boolean array, True where the pixel is valid and in the class;
        ``pixel_area`` as in :meth:`CategoryAreas.add`."""
        combined = members[0].astype(np.uint8)
        for bit, member in enumerate(members[1:], start=1):
            combined |= member.view(np.uint8) << np.uint8(bit)
        width = 1 << len(members)
        sums = category_sums(zones, combined, self.n_zones, width, pixel_area, self._work).reshape(-1, width)
        for bit, area in enumerate(self._area):
            area += sums[:, [c for c in range(width) if c >> bit & 1]].sum(axis=1)

    def areas(self) -> np.ndarray:
        """Areas in m², shape (n_rasters, n_zones + 1); column 0 is outside zones."""
        return self._area
