"""Statistical formulas shared by spatial and table indicators."""
from __future__ import annotations

import math


def ratio(numerator: float | None, denominator: float | None, multiplier: float = 100.0) -> float | None:
    """``numerator / denominator × multiplier``; None when either is missing or the denominator is not positive."""
    if numerator is None or denominator is None:
        return None
    if math.isnan(numerator) or math.isnan(denominator) or denominator <= 0:
        return None
    return float(numerator) / float(denominator) * multiplier
