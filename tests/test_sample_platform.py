"""The pieces that make the sample county platform-independent, each against an independent reference: the
Delaunay triangulation against Qhull (scipy), the rings against hand-made cases and GEOS, the arithmetic
functions against numpy's, the content hashes against files that hold the same content in different bytes."""
from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest
from osgeo import gdal, ogr, osr
from scipy.spatial import Delaunay

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "sample"
sys.path.insert(0, str(SAMPLE))

from samplegen import fmath, planar  # noqa: E402
from samplegen.content import content_hash  # noqa: E402
from samplegen.vector import polygon  # noqa: E402

gdal.UseExceptions()
ogr.UseExceptions()


def _canonical(tris: np.ndarray) -> list[tuple[int, ...]]:
    return sorted(tuple(int(v) for v in np.roll(t, -int(np.argmin(t)))) for t in tris)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_delaunay_equals_qhull(seed):
    points = np.round(np.random.default_rng(seed).uniform(0, 10000, (300, 2)), 3)
    ours = planar.delaunay(points)
    reference = Delaunay(points).simplices
    for t in reference:  # Qhull's triangles counter-clockwise, as ours are
        a, b, c = points[t]
        if (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]) < 0:
            t[[1, 2]] = t[[2, 1]]
    assert [tuple(t) for t in ours.tolist()] == _canonical(reference)


def test_delaunay_of_a_square_grid_is_a_triangulation():
    """Co-circular points (every grid square): any diagonal is Delaunay, but the triangles must tile the hull."""
    points = np.array([(x, y) for x in range(6) for y in range(5)], float) * 100.0
    tris = planar.delaunay(points)
    area = sum(planar.ring_area(points[t]) for t in tris)
    assert len(tris) == 2 * 5 * 4 and area == pytest.approx(500.0 * 400.0) and (np.array(
        [planar.ring_area(points[t]) for t in tris]) > 0).all()


def test_fans_and_chained_rings():
    """The centre of a hexagon of points: six triangles around it, chained counter-clockwise; the ring of a
    cell chained from its edges equals the polygon GEOS builds from the same vertices."""
    angles = np.arange(6) * np.pi / 3
    points = np.vstack([[0.0, 0.0], np.stack([np.cos(angles), np.sin(angles)], 1) * 1000.0])
    tris = planar.delaunay(points)
    (fan,) = planar.fans(tris, 1)
    assert sorted(fan) == list(range(6)) and fan[0] == 0
    centres = planar.circumcentres(points, tris)[fan]
    assert planar.ring_area(centres) > 0  # counter-clockwise
    edges = [(fan[k], fan[(k + 1) % 6], centres[[k, (k + 1) % 6]]) for k in range(6)]
    ring = planar.chain(edges[3:] + edges[:3])
    assert np.array_equal(ring, centres)
    assert polygon(ring).GetArea() == pytest.approx(planar.ring_area(ring))
    with pytest.raises(RuntimeError):
        planar.chain(edges[:5])


@pytest.mark.parametrize("ring, simple", [
    ([(0, 0), (1, 0), (1, 1), (0, 1)], True),
    ([(0, 0), (1, 1), (1, 0), (0, 1)], False),  # bow tie
    ([(0, 0), (2, 0), (2, 2), (1, 0), (0, 2)], False),  # a vertex on another edge
    ([(0, 0), (2, 0), (1, 0), (1, 1)], False),  # a spike folding back
    ([(0, 0), (2, 0), (2, 2), (0, 2), (2, 0.5)], False),
])
def test_is_simple_agrees_with_geos(ring, simple):
    ring = np.array(ring, float)
    assert planar.is_simple(ring) == simple == polygon(ring).IsValid()


def test_arithmetic_matches_numpy():
    x = np.linspace(-700.0, 700.0, 20001)
    assert np.allclose(fmath.exp(x), np.exp(x), rtol=1e-15, atol=0)
    y = np.exp(np.linspace(-300.0, 300.0, 20001))
    assert np.allclose(fmath.log(y), np.log(y), rtol=1e-15, atol=1e-15)
    h = np.linspace(0.0, 1.0, 1001)
    assert np.allclose(fmath.power(h, 1.3), h ** 1.3, rtol=1e-14, atol=1e-300)
    t = np.concatenate([np.linspace(-50.0, 50.0, 20001), [0.0, 1e300, -1e300, np.sqrt(2.0) - 1.0]])
    assert np.allclose(fmath.arctan(t), np.arctan(t), rtol=1e-15, atol=1e-16)


def _tif(path: Path, array: np.ndarray, options: list[str]) -> Path:
    ds = gdal.GetDriverByName("GTiff").Create(str(path), 40, 30, 1, gdal.GDT_Int16, options)
    ds.SetGeoTransform((500000.0, 30.0, 0.0, 3400000.0, 0.0, -30.0))
    ref = osr.SpatialReference()
    ref.ImportFromEPSG(4549)
    ds.SetProjection(ref.ExportToWkt())
    ds.GetRasterBand(1).SetNoDataValue(-1)
    ds.GetRasterBand(1).WriteArray(array)
    ds = None
    return path


def test_content_hash_of_rasters_ignores_encoding(tmp_path):
    array = np.arange(1200, dtype=np.int16).reshape(30, 40)
    plain = content_hash(_tif(tmp_path / "a.tif", array, []))
    assert content_hash(_tif(tmp_path / "b.tif", array, ["COMPRESS=DEFLATE", "TILED=YES", "PREDICTOR=2"])) == plain
    array[3, 4] += 1
    assert content_hash(_tif(tmp_path / "c.tif", array, [])) != plain


def _gpkg(path: Path, coords: list[tuple[float, float]], name: str) -> Path:
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    ref = osr.SpatialReference()
    ref.ImportFromEPSG(4549)
    lyr = ds.CreateLayer("places", ref, ogr.wkbPoint, options=["FID=fid"])
    lyr.CreateField(ogr.FieldDefn("name", ogr.OFTString))
    for x, y in coords:
        feat = ogr.Feature(lyr.GetLayerDefn())
        feat.SetField("name", name)
        feat.SetGeometry(ogr.CreateGeometryFromWkt(f"POINT ({x} {y})"))
        lyr.CreateFeature(feat)
    ds = None
    return path


def test_content_hash_of_features_rounds_to_millimetres(tmp_path):
    base = content_hash(_gpkg(tmp_path / "a.gpkg", [(500000.0, 3400000.0), (500010.5, 3400020.25)], "x"))
    nudged = [(500000.0 + 1e-9, 3400000.0), (500010.5, 3400020.25 - 1e-9)]
    assert content_hash(_gpkg(tmp_path / "b.gpkg", nudged, "x")) == base
    assert content_hash(_gpkg(tmp_path / "c.gpkg", [(500000.0, 3400000.0), (500010.5, 3400020.26)], "x")) != base
    assert content_hash(_gpkg(tmp_path / "d.gpkg", [(500000.0, 3400000.0), (500010.5, 3400020.25)], "y")) != base
