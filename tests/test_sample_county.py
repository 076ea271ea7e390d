"""The embedded sample county: consistency of its layers and grids, and determinism of the generator."""
from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from osgeo import gdal, ogr, osr

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "data" / "sample"
GENERATE = SAMPLE / "generate.py"
sys.path.insert(0, str(SAMPLE))

from generate import OUTPUT_FILES, REFERENCE  # noqa: E402
from samplegen.content import content_hash  # noqa: E402
from samplegen.output import is_complete, publish  # noqa: E402

gdal.UseExceptions()
ogr.UseExceptions()

LAYERS = {
    "county": {"code", "name_zh", "name_en"},
    "townships": {"code", "name_zh", "name_en", "pop_2015_m", "pop_2015_f", "pop_2020_m", "pop_2020_f"},
    "villages": {"code", "township_code", "name_zh", "name_en", "urban"},
    "roads": {"class", "surface", "all_season"},
    "bus_stops": {"capacity"},
    "rail_stations": {"capacity"},
    "health_facilities": {"type"},
    "schools": {"level"},
    "open_spaces": {"kind"},
    "protected_areas": {"name_zh"},
    "key_biodiversity_areas": {"name_zh"},
    "water_bodies": {"year", "name_zh", "kind"},
    "buildings": {"floors"},
}
TOWNSHIP_NAMES = {"武康街道", "舞阳街道", "阜溪街道", "下渚湖街道", "康乾街道", "乾元镇", "新市镇", "洛舍镇", "钟管镇",
                  "禹越镇", "新安镇", "雷甸镇", "莫干山镇"}


def _generate(out: Path, *extra: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(GENERATE), "--out", str(out), *extra], check=True,
                          capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="session")
def sample_dir(tmp_path_factory) -> Path:
    """data/sample/out when it is complete for the current generator, else a fresh run in a temp folder."""
    default = SAMPLE / "out"
    if is_complete(default, OUTPUT_FILES):
        return default
    out = tmp_path_factory.mktemp("sample") / "out"
    _generate(out)
    return out


@pytest.fixture(scope="session")
def gpkg(sample_dir):
    ds = ogr.Open(str(sample_dir / "sample_county.gpkg"))
    yield ds
    ds = None


def _features(ds, layer: str) -> list[tuple[dict, ogr.Geometry]]:
    lyr = ds.GetLayerByName(layer)
    lyr.ResetReading()
    return [(f.items(), f.GetGeometryRef().Clone()) for f in lyr]


def _read(path: Path, band: int = 1) -> tuple[np.ndarray, tuple, float]:
    ds = gdal.Open(str(path))
    b = ds.GetRasterBand(band)
    return b.ReadAsArray(), ds.GetGeoTransform(), b.GetNoDataValue()


def _rasterize_fids(layer: ogr.Layer, like: Path) -> np.ndarray:
    """Burn FIDs (pixel-centre rule) onto the grid of raster ``like``; 0 where nothing is burnt."""
    src = gdal.Open(str(like))
    ds = gdal.GetDriverByName("MEM").Create("", src.RasterXSize, src.RasterYSize, 1, gdal.GDT_Int32)
    ds.SetGeoTransform(src.GetGeoTransform())
    ds.SetProjection(src.GetProjection())
    gdal.RasterizeLayer(ds, [1], layer, options=["ATTRIBUTE=fid_copy"])
    return ds.GetRasterBand(1).ReadAsArray()


def _fid_layer(ds, name: str) -> tuple[ogr.DataSource, ogr.Layer]:
    mem = ogr.GetDriverByName("Memory").CreateDataSource("")
    src = ds.GetLayerByName(name)
    lyr = mem.CreateLayer(name, src.GetSpatialRef(), ogr.wkbPolygon)
    lyr.CreateField(ogr.FieldDefn("fid_copy", ogr.OFTInteger))
    src.ResetReading()
    for f in src:
        out = ogr.Feature(lyr.GetLayerDefn())
        out.SetField(0, f.GetFID())
        out.SetGeometry(f.GetGeometryRef())
        lyr.CreateFeature(out)
    return mem, lyr


def test_outputs_layers_and_fields(sample_dir, gpkg):
    for name in OUTPUT_FILES:
        assert (sample_dir / name).is_file(), name
    for layer, fields in LAYERS.items():
        lyr = gpkg.GetLayerByName(layer)
        assert lyr is not None and lyr.GetFeatureCount() > 0, layer
        defn = lyr.GetLayerDefn()
        assert fields <= {defn.GetFieldDefn(i).GetName() for i in range(defn.GetFieldCount())}, layer
        assert lyr.GetSpatialRef().GetAuthorityCode(None) == "4549", layer
    townships = _features(gpkg, "townships")
    assert {a["name_zh"] for a, _ in townships} == TOWNSHIP_NAMES
    assert all(len(a["code"]) == 9 and a["code"].startswith("330521") for a, _ in townships)
    villages = _features(gpkg, "villages")
    assert 130 <= len(villages) <= 170
    codes = {a["code"] for a, _ in townships}
    assert all(len(a["code"]) == 12 and a["code"][:9] == a["township_code"] for a, _ in villages)
    assert {a["township_code"] for a, _ in villages} == codes
    assert len({a["code"] for a, _ in villages}) == len(villages)
    assert {a["urban"] for a, _ in villages} == {0, 1}
    assert 5000 <= gpkg.GetLayerByName("buildings").GetFeatureCount() <= 60000


def test_county_area_and_place(gpkg):
    [(attrs, county)] = _features(gpkg, "county")
    assert attrs["code"] == "330521" and attrs["name_zh"] == "德清县"
    assert abs(county.GetArea() / 1e6 - 938.0) <= 0.05 * 938.0
    centroid = county.Centroid()
    src = gpkg.GetLayerByName("county").GetSpatialRef()
    dst = osr.SpatialReference()
    dst.ImportFromEPSG(4490)
    for ref in (src, dst):
        ref.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    lon, lat, _ = osr.CoordinateTransformation(src, dst).TransformPoint(centroid.GetX(), centroid.GetY())
    assert 119.8 < lon < 120.2 and 30.4 < lat < 30.7


def test_villages_nest_in_townships_and_tile_the_county(gpkg):
    [(_, county)] = _features(gpkg, "county")
    townships = {a["code"]: g for a, g in _features(gpkg, "townships")}
    villages = _features(gpkg, "villages")
    total = county.GetArea()
    assert abs(sum(g.GetArea() for _, g in villages) - total) <= 1e-4 * total
    assert abs(sum(g.GetArea() for g in townships.values()) - total) <= 1e-4 * total
    for attrs, geom in villages:
        assert geom.IsValid()
        inside = geom.Intersection(townships[attrs["township_code"]]).GetArea()
        assert inside >= (1 - 1e-6) * geom.GetArea(), attrs["code"]
    overlap = 0.0
    for i, (_, a) in enumerate(villages):
        ea = a.GetEnvelope()
        for _, b in villages[i + 1:]:
            eb = b.GetEnvelope()
            if ea[0] < eb[1] and eb[0] < ea[1] and ea[2] < eb[3] and eb[2] < ea[3]:
                overlap += a.Intersection(b).GetArea()
    assert overlap <= 1e-6 * total
    union = ogr.Geometry(ogr.wkbMultiPolygon)
    for _, g in villages:
        union.AddGeometry(g)
    assert abs(union.UnionCascaded().GetArea() - total) <= 1e-4 * total


@pytest.mark.parametrize("year", [2015, 2020])
def test_population_grid_sums_equal_census(sample_dir, gpkg, year):
    path = sample_dir / f"population_{year}_100m.tif"
    mem, lyr = _fid_layer(gpkg, "townships")
    zones = _rasterize_fids(lyr, path)
    total, _, nodata = _read(path, 1)
    male, _, _ = _read(path, 2)
    female, _, _ = _read(path, 3)
    assert nodata == -9999.0
    assert np.all(total[zones == 0] == nodata) and np.all(total[zones > 0] >= 0)
    np.testing.assert_allclose(total[zones > 0], male[zones > 0] + female[zones > 0], rtol=1e-5, atol=1e-4)
    census_total = census_male = 0
    for f in gpkg.GetLayerByName("townships"):
        zone = zones == f.GetFID()
        for band, sex in ((male, "m"), (female, "f")):
            expected = f[f"pop_{year}_{sex}"]
            assert abs(band[zone].astype(np.float64).sum() - expected) <= 1e-5 * expected + 0.01
        assert 0.95 < f[f"pop_{year}_m"] / f[f"pop_{year}_f"] < 1.12
        census_total += f[f"pop_{year}_m"] + f[f"pop_{year}_f"]
        census_male += f[f"pop_{year}_m"]
    assert 1.0 < census_male / (census_total - census_male) < 1.08
    if year == 2020:
        assert abs(census_total - 430000) <= 0.03 * 430000
    else:
        assert 380000 < census_total < 430000


@pytest.mark.parametrize("year", [2015, 2020])
def test_age_grids_sum_to_the_census(sample_dir, gpkg, year):
    """Bands 0-14, 15-64 and 65+ add up to the total cell by cell (whose township sums are the census, above) and
    to the county's census; plausible shares."""
    path = sample_dir / f"population_{year}_age_100m.tif"
    total, _, nodata = _read(sample_dir / f"population_{year}_100m.tif", 1)
    young, old = _read(path, 1)[0].astype(np.float64), _read(path, 3)[0].astype(np.float64)
    working, _, age_nodata = _read(path, 2)
    inside = total != nodata
    assert age_nodata == nodata and np.all(working[~inside] == nodata)
    np.testing.assert_allclose(young[inside] + working[inside] + old[inside], total[inside], rtol=1e-5, atol=1e-4)
    census = sum(f[f"pop_{year}_m"] + f[f"pop_{year}_f"] for f in gpkg.GetLayerByName("townships"))
    people = young[inside].sum() + working[inside].astype(np.float64).sum() + old[inside].sum()
    assert abs(people - census) <= 1e-5 * census
    assert 0.1 < young[inside].sum() / census < 0.17 and 0.1 < old[inside].sum() / census < 0.22


def test_landcover_is_plausible(sample_dir, gpkg):
    lc, gt, nodata = _read(sample_dir / "landcover_2015_10m.tif")
    assert nodata == 0
    assert set(np.unique(lc)) <= {0, 10, 20, 30, 40, 50, 60, 80, 90}
    inside = lc > 0
    assert 8.9e6 < inside.sum() < 9.9e6
    mem, lyr = _fid_layer(gpkg, "county")
    county = _rasterize_fids(lyr, sample_dir / "landcover_2015_10m.tif") > 0
    assert np.count_nonzero(county != inside) <= 1e-5 * inside.sum()
    [(_, geom)] = _features(gpkg, "county")
    x_mid = geom.Centroid().GetX()
    col_mid = int((x_mid - gt[0]) / gt[1])
    west, east = inside[:, :col_mid], inside[:, col_mid:]

    def share(code: int, part: slice, mask: np.ndarray) -> float:
        return float((lc[:, part][mask] == code).mean())

    forest_w, forest_e = share(20, slice(None, col_mid), west), share(20, slice(col_mid, None), east)
    water_w, water_e = share(60, slice(None, col_mid), west), share(60, slice(col_mid, None), east)
    assert forest_w > 0.35 and forest_w > 4 * forest_e
    assert water_e > 0.05 and water_e > 2 * water_w
    assert 0.05 < float((lc[inside] == 80).mean()) < 0.25


def test_builtup_grows_and_keeps_most_of_2015(sample_dir):
    lc15, _, _ = _read(sample_dir / "landcover_2015_10m.tif")
    lc20, _, _ = _read(sample_dir / "landcover_2020_10m.tif")
    b15, b20 = lc15 == 80, lc20 == 80
    assert b20.sum() > 1.1 * b15.sum()
    assert (b15 & b20).sum() >= 0.9 * b15.sum()
    assert np.array_equal(lc15 == 0, lc20 == 0)


def test_rasters_are_tiled_compressed_and_aligned(sample_dir):
    origins = set()
    for name in [n for n in OUTPUT_FILES if n.endswith(".tif")]:
        ds = gdal.Open(str(sample_dir / name))
        band = ds.GetRasterBand(1)
        assert band.GetBlockSize() == [256, 256], name
        assert ds.GetMetadataItem("COMPRESSION", "IMAGE_STRUCTURE") == "DEFLATE", name
        assert band.GetNoDataValue() is not None, name
        assert "TIFFTAG_DATETIME" not in (ds.GetMetadata() or {}), name
        gt = ds.GetGeoTransform()
        origins.add((gt[0], gt[3], gt[0] + gt[1] * ds.RasterXSize, gt[3] + gt[5] * ds.RasterYSize))
    assert len(origins) == 1


def test_dem_hills_west_plain_east(sample_dir):
    dem, gt, _ = _read(sample_dir / "dem_30m.tif")
    half = dem.shape[1] // 2
    assert 600 < dem[:, :half].max() < 800
    assert np.median(dem[:, half:]) < 10 and dem[:, half:].min() > 0


def test_pm25_plausible_and_falling(sample_dir):
    means = [float(_read(sample_dir / f"pm25_{y}_1km.tif")[0].mean()) for y in range(2015, 2021)]
    assert all(25 < m < 50 for m in means)
    assert all(a > b for a, b in zip(means, means[1:]))


def test_road_network_is_connected_and_dense_in_towns(gpkg):
    parent: dict[tuple[float, float], tuple[float, float]] = {}

    def find(p):
        parent.setdefault(p, p)
        while parent[p] != p:
            parent[p] = parent[parent[p]]
            p = parent[p]
        return p

    length = {}
    townships = {a["code"]: g for a, g in _features(gpkg, "townships")}
    for attrs, geom in _features(gpkg, "roads"):
        assert attrs["class"] in {"motorway", "primary", "secondary", "tertiary", "residential", "track"}
        assert attrs["surface"] in {"paved", "unpaved"} and attrs["all_season"] in (0, 1)
        pts = geom.GetPoints()
        a, b = find(tuple(round(c, 3) for c in pts[0][:2])), find(tuple(round(c, 3) for c in pts[-1][:2]))
        parent[a] = b
        for code in ("330521001", "330521108"):
            length[code] = length.get(code, 0.0) + geom.Intersection(townships[code]).Length()
    roots = {find(p) for p in list(parent)}
    assert len(roots) == 1
    density = {c: length[c] / townships[c].GetArea() for c in length}
    assert density["330521001"] > 3 * density["330521108"]


def test_points_and_areas(gpkg):
    [(_, county)] = _features(gpkg, "county")
    assert {a["capacity"] for a, _ in _features(gpkg, "bus_stops")} == {"low"}
    assert {a["capacity"] for a, _ in _features(gpkg, "rail_stations")} == {"high"}
    assert {a["type"] for a, _ in _features(gpkg, "health_facilities")} == {"hospital", "health_centre", "clinic"}
    assert {a["level"] for a, _ in _features(gpkg, "schools")} == {"primary", "middle", "high"}
    assert {a["kind"] for a, _ in _features(gpkg, "open_spaces")} == {"park", "square"}
    for layer in ("bus_stops", "rail_stations", "health_facilities", "schools"):
        assert all(county.Contains(g) for _, g in _features(gpkg, layer)), layer
    areas = [g for _, g in _features(gpkg, "protected_areas")]
    assert any(a.Intersection(b).GetArea() > 0 for i, a in enumerate(areas) for b in areas[i + 1:])
    union = areas[0]
    for g in areas[1:]:
        union = union.Union(g)
    cover = [g.Intersection(union).GetArea() / g.GetArea() for _, g in _features(gpkg, "key_biodiversity_areas")]
    assert any(0.05 < c < 0.95 for c in cover) and min(cover) < 0.05


def test_water_bodies_by_year(gpkg):
    rows = _features(gpkg, "water_bodies")
    assert {a["year"] for a, _ in rows} == set(range(2000, 2021))
    lake = {a["year"]: g.GetArea() for a, g in rows if a["name_en"] == "Xiazhu Lake"}
    assert lake[2010] < 0.95 * lake[2000] and lake[2020] > lake[2010]


def _checksums(folder: Path) -> dict[str, str]:
    """Checksums of the generator's outputs (the demo adds its results, report and project beside them)."""
    return {name: hashlib.sha256((folder / name).read_bytes()).hexdigest() for name in [*OUTPUT_FILES,
                                                                                        "manifest.json"]}


@pytest.fixture(scope="session")
def fresh_sample(tmp_path_factory) -> Path:
    """A run of the generator on this platform (never outputs copied from elsewhere)."""
    out = tmp_path_factory.mktemp("fresh") / "out"
    _generate(out)
    return out


def test_generator_is_deterministic_and_skips_complete_outputs(tmp_path, fresh_sample):
    """Two fresh runs give identical bytes (the shared sample folder is not compared: QGIS opening its GeoPackage
    read-write rewrites the SQLite header without changing a row)."""
    out = tmp_path / "again"
    _generate(out)
    assert _checksums(out) == _checksums(fresh_sample)
    written = {p.name: p.stat().st_mtime_ns for p in out.iterdir()}
    result = _generate(out)
    assert "already complete" in result.stdout
    assert {p.name: p.stat().st_mtime_ns for p in out.iterdir()} == written


def test_failed_run_leaves_no_partial_outputs(tmp_path):
    out = tmp_path / "out"

    def broken(folder: Path) -> list[str]:
        (folder / "half.tif").write_bytes(b"x")
        raise RuntimeError("killed")

    with pytest.raises(RuntimeError):
        publish(out, broken)
    assert not out.exists() and list(tmp_path.iterdir()) == []


def test_land_condition_grids(sample_dir):
    """NDVI 2005-2020 with its planted trends, the SOC stock by class and the belts by elevation (30 m)."""
    ds = gdal.Open(str(sample_dir / "ndvi_2005_2020_30m.tif"))
    assert ds.RasterCount == 16 and ds.GetRasterBand(16).GetDescription() == "NDVI 2020 (x 10000)"
    ndvi = ds.ReadAsArray().astype(np.float64) / 10000
    lc15 = gdal.Open(str(sample_dir / "landcover_2015_10m.tif")).ReadAsArray()[1::3, 1::3]
    lc20 = gdal.Open(str(sample_dir / "landcover_2020_10m.tif")).ReadAsArray()[1::3, 1::3]
    assert ndvi[:, lc15 == 20].mean() > ndvi[:, lc15 == 10].mean() > ndvi[:, lc15 == 80].mean()
    sealed = (lc15 != 80) & (lc20 == 80)  # built over between 2015 and 2020: NDVI falls
    assert sealed.sum() > 1000 and (ndvi[-1, sealed] - ndvi[0, sealed]).mean() < -0.2
    unchanged = (lc15 == lc20) & (lc15 == 60)
    assert abs((ndvi[-1, unchanged] - ndvi[0, unchanged]).mean()) < 0.02
    soc = gdal.Open(str(sample_dir / "soc_stock_2015_30m.tif")).ReadAsArray()
    assert (soc[lc15 == 60] == -9999).all() and (soc[(lc15 > 0) & (lc15 != 60)] > 0).all()
    assert np.median(soc[lc15 == 20]) > np.median(soc[lc15 == 10])
    belts = gdal.Open(str(sample_dir / "bioclimatic_belts_30m.tif")).ReadAsArray()
    dem = gdal.Open(str(sample_dir / "dem_30m.tif")).ReadAsArray()
    assert set(np.unique(belts)) == {3, 4} and ((belts == 3) == (dem >= 450)).all()


def test_gtfs_feed_frequent_stops(sample_dir):
    """The ONS rule keeps the town and roadside bus stops and the stations, and drops the village stops (five buses
    a day); the National Day holiday runs the weekend service."""
    import datetime as dt

    from samplegen.gtfs import kind_of
    from sdg_monitor.core.gtfs import PRESETS, read_feed

    feed = read_feed(sample_dir / "sample_gtfs.zip")
    stops = feed.stop_departures(dt.date(2020, 6, 2), PRESETS["ONS"])
    kinds = stops["stop_id"].str[0].where(stops["stop_id"].str[0] != "B", stops["stop_name"].map(kind_of))
    share = stops.groupby(kinds)["frequent"].mean()
    assert share["village"] == 0 and share["town"] > 0.95 and share["road"] > 0.95 and share["R"] == 1
    assert set(stops.loc[stops["high"], "stop_id"].str[0]) == {"R", "T"}
    holiday = feed.stop_departures(dt.date(2020, 10, 6), PRESETS["ONS"]).set_index("stop_id")["departures"]
    weekday = stops.set_index("stop_id")["departures"]
    assert (holiday <= weekday).all() and holiday.sum() < 0.6 * weekday.sum()


def test_same_sample_on_every_platform(fresh_sample):
    """The content of every output file (features, pixels, zip entries, cells: read back, see samplegen/content.py)
    equals the reference made on Debian 12 (QGIS 3.22, GEOS 3.11, numpy 1.24); the test matrix runs this on
    Debian 13 with QGIS 3.40 and 3.44 (GEOS 3.13, numpy 2), so any platform dependence of the generator fails here.
    After a deliberate change of the generator (or of the profile the workbook follows), refresh the reference on
    Debian 12: ``python3 data/sample/generate.py --update-reference``."""
    reference = json.loads(REFERENCE.read_text(encoding="utf-8"))
    manifest = json.loads((fresh_sample / "manifest.json").read_text(encoding="utf-8"))
    found = {name: content_hash(fresh_sample / name) for name in OUTPUT_FILES}
    assert {name: entry["content"] for name, entry in manifest["files"].items()} == found
    differ = sorted(name for name in OUTPUT_FILES if reference.get(name) != found[name])
    assert differ == [], f"these sample files differ from {REFERENCE.name}"
