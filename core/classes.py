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
    out = np.where(valid, np.uint8(len(groups) + 1), np.uint8(0))
    for index in range(len(groups) - 1, -1, -1):
        if len(groups[index]):
            out[np.isin(block, groups[index]) & valid] = index + 1
    return out
