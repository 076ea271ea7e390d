"""Class lists as users type them ("41,42,43", "40-49", "10, 20-25") and classification of raster blocks."""
from __future__ import annotations

from typing import Sequence

import numpy as np

from .messages import NO_CLASSES, InputError


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


def require_classes(name: str, classes: Sequence[int]) -> tuple[int, ...]:
    """``classes`` as a tuple; refuses an empty list for the parameter ``name``."""
    if not classes:
        raise InputError(NO_CLASSES, name)
    return tuple(classes)


#: Up to this many class values, one comparison per value beats a lookup table (several times faster each).
FEW_VALUES = 6


def classify(block: np.ndarray, groups: Sequence[Sequence[int]], valid: np.ndarray) -> np.ndarray:
    """Category per pixel: ``i + 1`` for the first group holding the value, ``len(groups) + 1`` for any other
    valid value, 0 for invalid pixels."""
    if sum(len(group) for group in groups) <= FEW_VALUES:
        out = np.full(block.shape, len(groups) + 1, dtype=np.uint8)
        for value, index in _first_group(block.dtype, groups).items():
            hit = (block == value).view(np.uint8)
            hit *= np.uint8((index - len(groups)) % 256)  # out += hit turns len(groups) + 1 into index + 1
            out += hit
        out *= valid
        return out
    if block.dtype.kind in "ui" and block.dtype.itemsize <= 2:
        out = np.take(_lookup_table(block.dtype, groups), block.view(f"u{block.dtype.itemsize}"))
        out *= valid
        return out
    out = np.where(valid, np.uint8(len(groups) + 1), np.uint8(0))
    for index in range(len(groups) - 1, -1, -1):
        if len(groups[index]):
            out[np.isin(block, groups[index]) & valid] = index + 1
    return out


def in_classes(block: np.ndarray, classes: Sequence[int], valid: np.ndarray) -> np.ndarray:
    """Boolean per pixel: valid and its value in ``classes`` (category 1 of :func:`classify` with one group)."""
    return classify(block, [classes], valid) == 1


def _first_group(dtype: np.dtype, groups: Sequence[Sequence[int]]) -> dict[int, int]:
    """Each class value a block of ``dtype`` can hold, with the position of the first group holding it."""
    info = np.iinfo(dtype) if dtype.kind in "ui" else None
    first: dict[int, int] = {}
    for index, group in enumerate(groups):
        for value in group:
            if info is None or info.min <= value <= info.max:
                first.setdefault(value, index)
    return first


def _lookup_table(dtype: np.dtype, groups: Sequence[Sequence[int]]) -> np.ndarray:
    """Category of every value of a 8- or 16-bit integer type, indexed by the value's bits read as unsigned."""
    info = np.iinfo(dtype)
    bits = 8 * dtype.itemsize
    table = np.full(1 << bits, len(groups) + 1, dtype=np.uint8)
    for index in range(len(groups) - 1, -1, -1):
        values = np.array([v for v in groups[index] if info.min <= v <= info.max], dtype=np.int64)
        table[values % (1 << bits)] = index + 1
    return table
