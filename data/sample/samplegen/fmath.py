"""exp, log, power and arctan from IEEE basic arithmetic only, so the sample's grids are bit-identical everywhere.

numpy's ``exp``/``log``/``power``/``arctan`` use SIMD code that changes between numpy versions (1.24 on Debian 12,
2.x on Debian 13) and CPUs, or the C library's, which changes between glibc versions; they agree only to the last
bit or two, and one bit decides a rounded elevation or a class boundary. Addition, multiplication, division,
square root, ``rint``, ``frexp`` and ``ldexp`` are exact or correctly rounded on every IEEE platform, so the
functions here (range reduction and series; Cody & Waite 1980, "Software Manual for the Elementary Functions")
return the same bits everywhere, accurate to a few units in the last place of float64.
"""
from __future__ import annotations

import numpy as np

_LN2_HI = 6.93147180369123816490e-01  # ln 2 split so that k * _LN2_HI is exact for |k| < 2**11 (fdlibm's)
_LN2_LO = 1.90821492927058770002e-10
_LN2 = _LN2_HI + _LN2_LO
_EXP_TERMS = 14  # |r| <= ln2 / 2: r**14 / 14! < 1e-17
_LOG_TERMS = 12  # |s| <= 0.1716: s**25 / 25 < 1e-20
_SQRT_HALF = 0.70710678118654752440
_TAN_PI_8 = 0.41421356237309504880
_ATAN_TERMS = 22  # |t| <= tan(pi/8): t**45 / 45 < 1e-19


def exp(x: np.ndarray | float) -> np.ndarray:
    """e**x (float64)."""
    x = np.clip(np.asarray(x, dtype=np.float64), -745.0, 709.0)
    k = np.rint(x / _LN2)
    r = (x - k * _LN2_HI) - k * _LN2_LO
    poly = np.ones_like(r)
    for n in range(_EXP_TERMS, 0, -1):  # Horner: 1 + r/1 (1 + r/2 (1 + ...))
        poly = 1.0 + poly * r / n
    return np.ldexp(poly, k.astype(np.int64))


def log(x: np.ndarray | float) -> np.ndarray:
    """Natural logarithm of x > 0 (float64); -inf at 0."""
    x = np.asarray(x, dtype=np.float64)
    m, e = np.frexp(np.where(x > 0, x, 1.0))
    low = m < _SQRT_HALF
    m = np.where(low, m * 2.0, m)
    e = (e - low).astype(np.float64)
    s = (m - 1.0) / (m + 1.0)
    s2 = s * s
    series = np.full_like(s, 1.0 / (2 * _LOG_TERMS + 1))
    for n in range(_LOG_TERMS - 1, -1, -1):  # 2 s (1 + s^2/3 + s^4/5 + ...)
        series = 1.0 / (2 * n + 1) + s2 * series
    out = e * _LN2_HI + (2.0 * s * series + e * _LN2_LO)
    return np.where(x > 0, out, -np.inf)


def power(x: np.ndarray | float, y: float) -> np.ndarray:
    """x**y for x >= 0 and y > 0 (float64)."""
    x = np.asarray(x, dtype=np.float64)
    return np.where(x > 0, exp(y * log(np.where(x > 0, x, 1.0))), 0.0)


def arctan(x: np.ndarray | float) -> np.ndarray:
    """Arc tangent in radians (float64): reduced to |t| <= tan(pi/8) by atan x = pi/2 - atan(1/x) and
    atan x = pi/4 + atan((x - 1) / (x + 1)), then a series."""
    x = np.asarray(x, dtype=np.float64)
    a = np.abs(x)
    inverted = a > 1.0
    a = np.where(inverted, 1.0 / np.where(inverted, a, 1.0), a)
    shifted = a > _TAN_PI_8
    t = np.where(shifted, (a - 1.0) / (a + 1.0), a)
    t2 = t * t
    series = np.full_like(t, 1.0 / (2 * _ATAN_TERMS + 1))
    for n in range(_ATAN_TERMS - 1, -1, -1):  # t (1 - t^2/3 + t^4/5 - ...)
        series = 1.0 / (2 * n + 1) - t2 * series
    out = t * series + np.where(shifted, np.pi / 4, 0.0)
    out = np.where(inverted, np.pi / 2 - out, out)
    return np.where(x < 0, -out, out)
