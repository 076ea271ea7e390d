"""Numbers read from cells, tables, layers and stores: one home for "is this value missing" and "a number or
None", with explicit options where readers legitimately differ (thousands separators in text, lenient or strict
about text that is no number, infinities)."""
from __future__ import annotations

import math
from typing import Any

import numpy as np
import pandas as pd


def is_missing(value: Any) -> bool:
    """Whether ``value`` is no value: None, NaN (Python or numpy), pandas NA or NaT, numpy NaT."""
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    if isinstance(value, (float, np.floating)):
        return math.isnan(value)
    return isinstance(value, np.datetime64) and bool(np.isnat(value))


def to_float(value: Any, commas: bool = False) -> float:
    """``float(value)``; with ``commas``, text may carry thousands separators ("1,234.5"). Raises ValueError or
    TypeError for what is no number."""
    return float(value.strip().replace(",", "")) if commas and isinstance(value, str) else float(value)


def number_or_none(value: Any, *, commas: bool = False, lenient: bool = False, finite: bool = False) -> float | None:
    """``value`` as a plain float (numpy scalars show up empty in ``qgis_process --json``), None for a missing
    value (:func:`is_missing`) and NaN. ``commas``: see :func:`to_float`; ``lenient``: what is no number (text, an
    object) gives None instead of raising ValueError or TypeError; ``finite``: infinities give None too."""
    if value is None:
        return None
    try:
        number = to_float(value, commas)
    except (TypeError, ValueError):
        if lenient or is_missing(value):  # pandas NA and NaT, numpy NaT do not convert
            return None
        raise
    if number != number or (finite and number in (math.inf, -math.inf)):
        return None
    return number


def finite_or_none(value: Any) -> float | None:
    """A finite float, or None (missing, NaN, infinite, text that is no number): for values shown to the public."""
    return number_or_none(value, lenient=True, finite=True)


def cell_number(value: Any) -> tuple[float | None, str]:
    """A cell typed by a person: (number, "") or (None, the problem in English); an empty cell is (None, "").
    Thousands separators are read; true/false, text and infinities are problems."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None, ""
    if isinstance(value, bool):
        return None, f"a true/false value {value!r}"
    try:
        number = to_float(value if isinstance(value, (int, float)) else str(value), commas=True)
    except (TypeError, ValueError):
        return None, f"text {str(value).strip()!r} in a number cell"
    return (number, "") if math.isfinite(number) else (None, f"a non-finite number {value!r}")
