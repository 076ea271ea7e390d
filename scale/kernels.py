"""What a worker does with one window: read it strip by strip, burn the zone labels, reduce with the additive
kernels of ``core``. Each function returns partial sums that add up across windows."""
from __future__ import annotations

import sys
from contextlib import closing
from typing import Callable, Iterator, Sequence, TypeVar

import numpy as np

from ..core.areal_scale import StripAreas
from ..core.classes import classify
from ..core.population import zone_sums
from ..core.prefetch import prefetch
from ..core.zonal import CategoryAreas, strip_rows, zone_pixels
from ..raster.burn import burn, label_type, memory_zones
from ..raster.window import band_valid, grid_areas, open_raster
from ..translation import tr
from . import ScaleError
from .allocator import keep_strip_memory
from .tiles import Window
from .zones import ZonePayload

T = TypeVar("T")

#: Pixels per strip read inside a window (keeps a worker's memory flat).
STRIP_PIXELS = 4_000_000


def class_areas(window: Window, zones: ZonePayload, groups: Sequence[Sequence[int]]) -> np.ndarray:
    """True areas (m²) per (zone label, category): category ``i + 1`` for ``groups[i]``, the last for any other
    valid value, 0 for nodata; shape (zones + 1, len(groups) + 2)."""
    return _class_totals(window, zones, groups, pixels=False)[1]


def class_pixels_areas(window: Window, zones: ZonePayload, groups: Sequence[Sequence[int]]
                       ) -> tuple[np.ndarray, np.ndarray]:
    """Valid pixels per zone label (shape zones + 1; index 0: outside every zone) and :func:`class_areas`."""
    return _class_totals(window, zones, groups, pixels=True)


def _class_totals(window: Window, zones: ZonePayload, groups: Sequence[Sequence[int]], pixels: bool
                  ) -> tuple[np.ndarray, np.ndarray]:
    """The window's valid pixels per zone (zeros unless ``pixels``) and areas per zone and category."""
    totals = CategoryAreas(zones.count, len(groups) + 1)
    counted = np.zeros(zones.count + 1, dtype=np.int64)

    def prepare(data: np.ndarray, valid: np.ndarray, labels: np.ndarray
                ) -> tuple[np.ndarray, np.ndarray, np.ndarray | None]:
        return data, valid, zone_pixels(labels, valid, zones.count) if pixels else None

    for labels, areas, (data, valid, strip_pixels) in _strips(window, zones, prepare):
        totals.add(labels, classify(data, groups, valid), areas)
        if strip_pixels is not None:
            counted += strip_pixels
    return counted, totals.areas()


def value_sums(window: Window, zones: ZonePayload) -> np.ndarray:
    """Sum of the valid pixel values (e.g. people per pixel) per zone label (index 0: outside every zone)."""
    sums = np.zeros(zones.count + 1, dtype=np.float64)
    for labels, _, values in _strips(window, zones, lambda data, valid, _: np.where(valid, data, 0)):
        sums += zone_sums(labels, values, zones.count)
    return sums


#: What the reading thread makes of a strip's values, validity and zone labels for the caller.
Prepare = Callable[[np.ndarray, np.ndarray, np.ndarray], T]


def _strips(window: Window, zones: ZonePayload, prepare: Prepare) -> Iterator[tuple[np.ndarray, StripAreas, T]]:
    """(zone labels, pixel areas in m², ``prepare(values, validity, labels)``) per strip of the window. ``prepare``
    runs where the strip is read, while its arrays are still in the CPU's cache (a second pass over them later
    reads memory again). In one process the next strip is read, burnt and prepared in a background thread while
    the caller reduces this one (in a Dask worker the workers already fill the cores: there a thread more only
    competes with them, about 30 % slower). glibc's malloc is set to keep the strips' memory (see
    :mod:`.allocator`)."""
    keep_strip_memory()
    areas = grid_areas(tuple(window.geotransform), window.xsize, window.ysize, window.wkt)
    reads = _read(window, zones, prepare)
    with closing(reads if in_dask_worker() else prefetch(reads)) as strips:
        for labels, row0, prepared in strips:
            yield labels, areas.view(row0, labels.shape[0]), prepared


def in_dask_worker() -> bool:
    """Whether this runs as a task of a Dask worker."""
    distributed = sys.modules.get("distributed")
    if distributed is None:
        return False
    try:
        distributed.get_worker()
    except ValueError:
        return False
    return True


def _read(window: Window, zones: ZonePayload, prepare: Prepare) -> Iterator[tuple[np.ndarray, int, T]]:
    """(zone labels, first row in the window, ``prepare(values, validity, labels)``) per strip: GDAL reads in the
    thread that opened the raster."""
    dataset = open_raster(window.path)
    if dataset is None:
        raise ScaleError(tr("A worker cannot open raster '{}': give paths every worker can read.").format(
            window.path))
    band = dataset.GetRasterBand(window.band)
    x0, xres, _, y0, _, yres = window.geotransform
    xs, ys = (x0, x0 + window.xsize * xres), (y0, y0 + window.ysize * yres)
    polygons = memory_zones(zones.within(min(xs), max(xs), min(ys), max(ys)))  # this window's only
    block_rows = max(1, band.GetBlockSize()[1])
    rows = strip_rows(window.xsize, window.ysize, block_rows, STRIP_PIXELS)
    for row0 in range(0, window.ysize, rows):
        height = min(rows, window.ysize - row0)
        data = band.ReadAsArray(window.xoff, window.yoff + row0, window.xsize, height)
        geotransform = (x0, xres, 0.0, y0 + row0 * yres, 0.0, yres)
        labels = burn(polygons, geotransform, window.xsize, height, label_type(zones.count))
        if labels is None:
            raise ScaleError(tr("Could not rasterize the zones on '{}'.").format(window.path))
        yield labels, row0, prepare(data, band_valid(band, window.xoff, window.yoff + row0, data), labels)
        if (window.yoff + row0 + height) % block_rows == 0:
            band.FlushCache()  # this strip's blocks are done with: keep GDAL's cache small
