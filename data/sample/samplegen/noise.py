"""Seeded noise in world coordinates: lattice value noise, fractal sums and jagged polylines."""
from __future__ import annotations

import numpy as np

_MASK32 = np.uint64(0xFFFFFFFF)


def hash_uniform(ix: np.ndarray, iy: np.ndarray, seed: int) -> np.ndarray:
    """Uniform values in [0, 1) from integer lattice coordinates (a stateless integer hash)."""
    h = (ix.astype(np.int64).astype(np.uint64) * np.uint64(0x9E3779B1)
         + iy.astype(np.int64).astype(np.uint64) * np.uint64(0x85EBCA77)
         + np.uint64(seed) * np.uint64(0xC2B2AE3D)) & _MASK32
    h ^= h >> np.uint64(15)
    h = (h * np.uint64(0x2C1B3C6D)) & _MASK32
    h ^= h >> np.uint64(12)
    h = (h * np.uint64(0x297A2D39)) & _MASK32
    h ^= h >> np.uint64(15)
    return (h & np.uint64(0xFFFFFF)).astype(np.float64) / float(1 << 24)


def _axis(coords: np.ndarray, scale: float) -> tuple[np.ndarray, np.ndarray]:
    """Lattice index (relative to the first) and smoothstep weight along one axis."""
    t = coords / scale
    i = np.floor(t)
    f = t - i
    return i.astype(np.int64), (f * f * (3.0 - 2.0 * f)).astype(np.float32)


def value_noise(xs: np.ndarray, ys: np.ndarray, scale: float, seed: int) -> np.ndarray:
    """Smooth noise in [-1, 1] on the grid ``ys`` (rows) x ``xs`` (columns), lattice spacing ``scale``."""
    ix, fx = _axis(xs, scale)
    iy, fy = _axis(ys, scale)
    x0, y0 = int(ix.min()), int(iy.min())
    lx = np.arange(x0, int(ix.max()) + 2)
    ly = np.arange(y0, int(iy.max()) + 2)
    lattice = (hash_uniform(lx[None, :], ly[:, None], seed) * 2.0 - 1.0).astype(np.float32)
    rows = lattice[iy - y0]
    rows = rows + (lattice[iy - y0 + 1] - rows) * fy[:, None]
    cx = ix - x0
    left = rows[:, cx]
    return left + (rows[:, cx + 1] - left) * fx[None, :]


def fbm(xs: np.ndarray, ys: np.ndarray, scale: float, seed: int, octaves: int = 4) -> np.ndarray:
    """Fractal sum of value noise (lacunarity 2, gain 0.5), roughly in [-1, 1]."""
    total = np.zeros((len(ys), len(xs)), np.float32)
    amp, norm = 1.0, 0.0
    for k in range(octaves):
        total += np.float32(amp) * value_noise(xs, ys, scale / 2**k, seed + 101 * k)
        norm += amp
        amp *= 0.5
    return total / np.float32(norm)


def point_noise(x: np.ndarray, y: np.ndarray, scale: float, seed: int) -> np.ndarray:
    """Value noise in [-1, 1] at scattered points (same field as :func:`value_noise`)."""
    tx, ty = np.asarray(x) / scale, np.asarray(y) / scale
    ix, iy = np.floor(tx), np.floor(ty)
    fx, fy = tx - ix, ty - iy
    fx, fy = fx * fx * (3 - 2 * fx), fy * fy * (3 - 2 * fy)

    def corner(dx: int, dy: int) -> np.ndarray:
        return hash_uniform(ix + dx, iy + dy, seed) * 2.0 - 1.0

    bottom = corner(0, 0) + (corner(1, 0) - corner(0, 0)) * fx
    top = corner(0, 1) + (corner(1, 1) - corner(0, 1)) * fx
    return bottom + (top - bottom) * fy


def jagged_line(start: np.ndarray, end: np.ndarray, rng: np.random.Generator, roughness: float,
                min_segment: float) -> np.ndarray:
    """Midpoint-displacement polyline from ``start`` to ``end`` (both kept exactly), shape (n, 2)."""
    pts = np.array([start, end], dtype=np.float64)
    length = float(np.hypot(*(end - start)))
    amp = roughness
    while length > min_segment:
        seg = pts[1:] - pts[:-1]
        normal = np.stack([-seg[:, 1], seg[:, 0]], axis=1)
        offsets = np.clip(rng.normal(0.0, amp, len(seg)), -2.0 * amp, 2.0 * amp)
        mids = (pts[:-1] + pts[1:]) / 2.0 + normal * offsets[:, None]
        merged = np.empty((len(pts) + len(mids), 2))
        merged[0::2] = pts
        merged[1::2] = mids
        pts = merged
        length /= 2.0
        amp *= 0.6
    return pts


def blob(center: tuple[float, float], radius: float, rng: np.random.Generator, wobble: float = 0.25,
         n: int = 96, aspect: float = 1.0, angle: float = 0.0) -> np.ndarray:
    """Closed irregular ring (first point repeated) around ``center``: a noisy ellipse."""
    theta = np.linspace(0.0, 2.0 * np.pi, n, endpoint=False)
    r = np.ones(n)
    for k in range(2, 7):
        r += wobble / k * rng.normal() * np.cos(k * theta + rng.uniform(0, 2 * np.pi))
    r = np.clip(r, 0.35, None) * radius
    x, y = r * np.cos(theta) * aspect, r * np.sin(theta) / aspect
    ca, sa = np.cos(angle), np.sin(angle)
    ring = np.stack([center[0] + x * ca - y * sa, center[1] + x * sa + y * ca], axis=1)
    return np.vstack([ring, ring[:1]])
