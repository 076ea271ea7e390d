"""Additive zonal kernels: per-zone totals accumulated block by block with bincount.

Zones are integer labels per pixel (0 = outside every zone, 1..n = zone), as rasterized once per run. Every kernel
returns partial results that add up across blocks, so a raster of any size is reduced in one pass.
"""
from __future__ import annotations

import numpy as np


class CategoryAreas:
    """Area and pixel count per (zone, category) over any number of blocks.

    Category 0 is ignored (nodata); categories 1..n_categories are counted.
    """

    def __init__(self, n_zones: int, n_categories: int) -> None:
        self.n_zones = n_zones
        self.n_categories = n_categories
        size = (n_zones + 1) * (n_categories + 1)
        self._count = np.zeros(size, dtype=np.int64)
        self._area = np.zeros(size, dtype=np.float64)

    def add(self, zones: np.ndarray, categories: np.ndarray, pixel_area: np.ndarray | float) -> None:
        """Add one block; ``pixel_area`` (m²) is a scalar or broadcasts to the block (per row or per column)."""
        index = zones.astype(np.intp)
        index *= self.n_categories + 1
        index += categories
        index = index.ravel()
        size = self._count.size
        count = np.bincount(index, minlength=size)
        self._count += count
        area = np.asarray(pixel_area, dtype=np.float64)
        if area.size == 1:  # one area for every pixel (projected CRS): no weighted pass needed
            self._area += count * float(area.reshape(-1)[0])
        else:
            weights = np.broadcast_to(area, zones.shape).ravel()
            self._area += np.bincount(index, weights=weights, minlength=size)

    def counts(self) -> np.ndarray:
        """Pixel counts, shape (n_zones + 1, n_categories + 1); row 0 is outside zones, column 0 is nodata."""
        return self._count.reshape(self.n_zones + 1, self.n_categories + 1)

    def areas(self) -> np.ndarray:
        """Areas in m², same shape as :meth:`counts`."""
        return self._area.reshape(self.n_zones + 1, self.n_categories + 1)
