"""Class lists as users type them ("41,42,43", "40-49", "10, 20-25") and classification of raster blocks."""
from __future__ import annotations

from typing import Sequence

import numpy as np


def parse_classes(text: str) -> tuple[int, ...]:
    """Parse a class list: comma- or space-separated integers and inclusive ranges ``a-b``.

    Raises ValueError naming the offending item.
    """
    values: set[int] = set()
    for item in text.replace(";", ",").replace(" ", ",").split(","):
        item = item.strip()
        if not item:
            continue
        low, sep, high = item.partition("-") if not item.startswith("-") else ("", "", "")
        try:
            if sep:
                start, end = int(low), int(high)
                if end < start:
                    raise ValueError(f"range '{item}' runs backwards")
                values.update(range(start, end + 1))
            else:
                values.add(int(item))
        except ValueError as err:
            raise ValueError(f"'{item}' is not a class value or range such as 40-49 ({err})") from None
    return tuple(sorted(values))


def classify(block: np.ndarray, groups: Sequence[Sequence[int]], valid: np.ndarray) -> np.ndarray:
    """Category per pixel: ``i + 1`` for the first group holding the value, ``len(groups) + 1`` for any other
    valid value, 0 for invalid pixels."""
    if block.dtype.kind in "ui" and block.dtype.itemsize <= 2:
        out = np.take(_lookup_table(block.dtype, groups), block.view(f"u{block.dtype.itemsize}"))
        out *= valid
        return out
    out = np.where(valid, np.uint8(len(groups) + 1), np.uint8(0))
    for index in range(len(groups) - 1, -1, -1):
        if len(groups[index]):
            out[np.isin(block, groups[index]) & valid] = index + 1
    return out


def _lookup_table(dtype: np.dtype, groups: Sequence[Sequence[int]]) -> np.ndarray:
    """Category of every value of a 8- or 16-bit integer type, indexed by the value's bits read as unsigned."""
    info = np.iinfo(dtype)
    bits = 8 * dtype.itemsize
    table = np.full(1 << bits, len(groups) + 1, dtype=np.uint8)
    for index in range(len(groups) - 1, -1, -1):
        values = np.array([v for v in groups[index] if info.min <= v <= info.max], dtype=np.int64)
        table[values % (1 << bits)] = index + 1
    return table
