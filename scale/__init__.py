"""Scale-out: SDG indicators over tiled rasters of any size, on one machine or a Dask cluster, outside QGIS.

The same additive kernels as the Processing algorithms (``core.zonal``, ``core.classes``) run per raster window;
the partial sums are added in window order, so a run on a cluster equals the run in one process bit for bit.
Needs numpy, pandas and GDAL; Dask (``dask.distributed``) only to run on a cluster. See README "Scale-out".
"""
from __future__ import annotations

from contextlib import contextmanager
from typing import Iterator

from ..core.messages import InputError
from ..translation import input_message


class ScaleError(Exception):
    """Bad input for a scale-out run: the message names the file or field and what to do."""


@contextmanager
def input_errors() -> Iterator[None]:
    """Turn bad input found by ``core`` into a :class:`ScaleError`, translated."""
    try:
        yield
    except InputError as err:
        raise ScaleError(input_message(err)) from err
