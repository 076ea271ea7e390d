"""glibc's malloc set for the scale-out's strips, once per process (a no-op where the C library is not glibc).

By default glibc hands a freed block back to the system once more than twice its "mmap threshold" lies free,
and that threshold only grows with the largest block freed so far. A strip's arrays (GDAL's decoded blocks, the
values, the labels) are then page-faulted in afresh at nearly every strip, more so the smaller the kernels' own
temporaries are: on the province bench the reading thread took 20,000-35,000 page faults a run and about 10 %
more CPU. Serving blocks up to 32 MB from the heap and keeping up to 256 MB free (the limits of ``mallopt``'s
M_MMAP_THRESHOLD and a few strips' worth) makes them reuse the same pages: a few hundred faults a run.
"""
from __future__ import annotations

import ctypes
import ctypes.util

M_TRIM_THRESHOLD = -1
M_MMAP_THRESHOLD = -3
MMAP_THRESHOLD_BYTES = 32 << 20  # glibc's largest (HEAP_MAX_SIZE / 2 on 64-bit)
TRIM_THRESHOLD_BYTES = 256 << 20

_done: list[bool] = []


def keep_strip_memory() -> bool:
    """Set glibc's thresholds for this process (the first call only); whether they are set."""
    if not _done:
        _done.append(_set_thresholds())
    return _done[0]


def _set_thresholds() -> bool:
    name = ctypes.util.find_library("c")
    try:
        mallopt = ctypes.CDLL(name).mallopt if name else None
    except (OSError, AttributeError):
        return False  # not glibc (macOS, Windows, musl without mallopt)
    if mallopt is None:
        return False
    return bool(mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD_BYTES)) and bool(mallopt(M_TRIM_THRESHOLD,
                                                                                   TRIM_THRESHOLD_BYTES))
