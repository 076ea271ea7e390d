"""Deterministic generator of a synthetic Deqing-like sample county (numpy + GDAL/OGR only)."""
