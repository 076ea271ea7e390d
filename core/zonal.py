"""Additive zonal kernels: per-zone totals accumulated block by block with bincount.

Zones are integer labels per pixel (0 = outside every zone, 1..n = zone), as rasterized once per run. Every kernel
returns partial results that add up across blocks, so a raster of any size is reduced in one pass.
"""
from __future__ import annotations

import math
from typing import Sequence

import numpy as np


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


def joint_index(zones: np.ndarray, categories: np.ndarray, n_zones: int, n_categories: int) -> np.ndarray:
    """``zone × n_categories + category`` per pixel (zones 0..n_zones, categories 0..n_categories - 1), flattened,
    in the smallest unsigned type that holds every index: a 16-bit index is built and counted faster than a
    64-bit one."""
    size = (n_zones + 1) * n_categories
    dtype = np.uint16 if size <= 1 << 16 else np.uint32 if size <= 1 << 32 else np.intp
    index = np.multiply(zones, n_categories, dtype=np.promote_types(dtype, zones.dtype))
    index += categories
    return index.ravel()


def _add_areas(areas: np.ndarray, counts: np.ndarray | None, index: np.ndarray | None,
               pixel_area: np.ndarray | float, shape: tuple[int, ...]) -> None:
    """Add the areas of one block to ``areas``: ``counts`` × one pixel area (projected CRS: no weighted pass), or
    the pixel areas (per row or per column) summed per ``index``."""
    area = np.asarray(pixel_area, dtype=np.float64)
    if area.size == 1:
        areas += counts * float(area.reshape(-1)[0])
    else:
        areas += np.bincount(index, weights=_weights(area, shape), minlength=areas.size)


def _weights(area: np.ndarray, shape: tuple[int, ...]) -> np.ndarray:
    """Pixel areas as a flat float64 array of the block's size: the array itself when it has the block's shape
    (bincount takes a broadcast view twice as slowly: it copies it)."""
    return area.ravel() if area.shape == tuple(shape) else np.broadcast_to(area, shape).ravel()


class CategoryAreas:
    """Area and pixel count per (zone, category) over any number of blocks.

    Category 0 is ignored (nodata); categories 1..n_categories are counted.
    """

    def __init__(self, n_zones: int, n_categories: int, pixels: bool = True) -> None:
        """``pixels`` False: areas only (with pixel areas that vary, a bincount less per block)."""
        self.n_zones = n_zones
        self.n_categories = n_categories
        size = (n_zones + 1) * (n_categories + 1)
        self._count = np.zeros(size, dtype=np.int64) if pixels else None
        self._area = np.zeros(size, dtype=np.float64)

    def add(self, zones: np.ndarray, categories: np.ndarray, pixel_area: np.ndarray | float) -> None:
        """Add one block; ``pixel_area`` (m²) is a scalar or broadcasts to the block (per row or per column)."""
        index = joint_index(zones, categories, self.n_zones, self.n_categories + 1)
        count = None
        if self._count is not None or np.asarray(pixel_area).size == 1:
            count = np.bincount(index, minlength=self._area.size)
            if self._count is not None:
                self._count += count
        _add_areas(self._area, count, index, pixel_area, zones.shape)

    def counts(self) -> np.ndarray:
        """Pixel counts, shape (n_zones + 1, n_categories + 1); row 0 is outside zones, column 0 is nodata."""
        if self._count is None:
            raise ValueError("pixels were not counted (CategoryAreas(..., pixels=False))")
        return self._count.reshape(self.n_zones + 1, self.n_categories + 1)

    def areas(self) -> np.ndarray:
        """Areas in m², same shape as :meth:`counts`."""
        return self._area.reshape(self.n_zones + 1, self.n_categories + 1)


class ClassAreas:
    """Area per zone of the pixels in a class, for several rasters on one grid in one pass: bit ``i`` of a
    pixel's combination says whether raster ``i`` holds it in the class, (zone, combination) pairs are counted in
    one bincount, and a raster's count is the sum over the combinations holding its bit."""

    def __init__(self, n_zones: int, n_rasters: int) -> None:
        self.n_zones = n_zones
        self._area = np.zeros((n_rasters, n_zones + 1), dtype=np.float64)

    def add(self, zones: np.ndarray, members: Sequence[np.ndarray], pixel_area: np.ndarray | float) -> None:
        """Add one block: per raster a boolean array, True where the pixel is valid and in the class;
        ``pixel_area`` as in :meth:`CategoryAreas.add`."""
        combined = members[0].astype(np.uint8)
        for bit, member in enumerate(members[1:], start=1):
            combined |= member.view(np.uint8) << np.uint8(bit)
        width = 1 << len(members)
        index = joint_index(zones, combined, self.n_zones, width)
        scalar = np.asarray(pixel_area).size == 1
        weights = None if scalar else _weights(np.asarray(pixel_area, dtype=np.float64), zones.shape)
        sums = np.bincount(index, weights=weights, minlength=(self.n_zones + 1) * width).reshape(-1, width)
        factor = float(np.asarray(pixel_area).reshape(-1)[0]) if scalar else 1.0  # counts × the one area
        for bit, area in enumerate(self._area):
            area += sums[:, [c for c in range(width) if c >> bit & 1]].sum(axis=1) * factor

    def areas(self) -> np.ndarray:
        """Areas in m², shape (n_rasters, n_zones + 1); column 0 is outside zones."""
        return self._area
