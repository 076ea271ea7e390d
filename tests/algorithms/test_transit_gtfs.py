"""sdg:transit_access_11_2_1 with a GTFS feed: only frequent stops count (by preset), route types set the
capacity class, GTFS and STOPS together, and a malformed feed is refused with its file and line."""
from __future__ import annotations

import zipfile

import numpy as np
import pytest
from access_data import points
from osgeo import gdal, osr
from qgis.core import QgsProcessingException
from sdg_testdata import write_raster

UTM = 32650
LEFT, TOP = 500000.0, 3400000.0
POPULATION = (np.arange(100, dtype=np.float32).reshape(10, 10) + 1)
#: Cells within 41 m of cell (4, 0)'s centre (as 40 m, hand-worked in test_transit_access; 41 keeps the
#: lon/lat round trip of the feed off the 40 m circle) and within 15 m of (8, 8)'s.
NEAR_40 = {(4 + k, c) for c, m in {0: 4, 1: 3, 2: 3, 3: 2, 4: 0}.items() for k in range(-m, m + 1)}
NEAR_15 = {(8 + dr, 8 + dc) for dr in (-1, 0, 1) for dc in (-1, 0, 1) if dr * dr + dc * dc <= 2}


def lonlat(x: float, y: float) -> tuple[float, float]:
    utm, wgs = osr.SpatialReference(), osr.SpatialReference()
    utm.ImportFromEPSG(UTM)
    wgs.ImportFromEPSG(4326)
    wgs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    lon, lat, _ = osr.CoordinateTransformation(utm, wgs).TransformPoint(x, y)
    return lon, lat


def clock(k: int) -> str:
    """The k-th half hour from 06:00."""
    return f"{6 + k // 2:02d}:{30 * (k % 2):02d}:00"


def feed(tmp_path, stop_times_extra: str = "") -> str:
    """Stop H (cell (4, 0)'s centre): a bus every 30 minutes 06:00-20:00 (ONS yes, GHSCI no); stop L (cell (8, 8)):
    one bus at 09:00; stop R (cell (8, 8) too): a train every 15 minutes 07:00-19:00 (GHSCI yes)."""
    (hx, hy), (lx, ly) = lonlat(LEFT + 5, TOP - 45), lonlat(LEFT + 85, TOP - 85)
    buses = [f"h{k}" for k in range(28)]
    files = {
        "stops.txt": f"stop_id,stop_name,stop_lat,stop_lon\nH,Market,{hy:.10f},{hx:.10f}\n"
                     f"L,Lane,{ly:.10f},{lx:.10f}\nR,Rail,{ly:.10f},{lx:.10f}\nZ,End,{hy:.10f},{hx:.10f}\n",
        "routes.txt": "route_id,route_type\nB,3\nT,2\n",
        "calendar.txt": "service_id,monday,tuesday,wednesday,thursday,friday,saturday,sunday,start_date,"
                        "end_date\nWK,1,1,1,1,1,0,0,20240101,20241231\n",
        "trips.txt": "route_id,service_id,trip_id\n" + "".join(f"B,WK,{t}\n" for t in buses)
                     + "B,WK,l9\nT,WK,rail\n",
        "stop_times.txt": "trip_id,arrival_time,departure_time,stop_id,stop_sequence\n"
                          + "".join(f"{t},{clock(k)},{clock(k)},H,1\n{t},23:00:00,23:00:00,Z,2\n"
                                    for k, t in enumerate(buses))
                          + "l9,09:00:00,09:00:00,L,1\nl9,09:10:00,09:10:00,Z,2\n"
                          + "rail,07:00:00,07:00:00,R,1\nrail,07:05:00,07:05:00,Z,2\n" + stop_times_extra,
        "frequencies.txt": "trip_id,start_time,end_time,headway_secs\nrail,07:00:00,19:00:00,900\n",
    }
    path = tmp_path / "feed.zip"
    with zipfile.ZipFile(path, "w") as archive:
        for name, text in files.items():
            archive.writestr(name, text)
    return str(path)


@pytest.fixture()
def raster(tmp_path):
    return str(write_raster(tmp_path / "pop.tif", POPULATION, UTM, (LEFT, TOP), 10.0, nodata=-1,
                            dtype=gdal.GDT_Float32))


def served(run_algorithm, **parameters) -> float:
    result = run_algorithm("sdg:transit_access_11_2_1", {
        "YEAR": 2024, "OUTPUT": "memory:", "LOW_DISTANCE": 41, "HIGH_DISTANCE": 15, "SERVICE_DATE": "2024-03-05",
        **parameters})
    return next(result["OUTPUT"].getFeatures())["served_population"]


def population_of(cells) -> float:
    return float(sum(POPULATION[r, c] for r, c in cells))


def test_presets_choose_the_frequent_stops(run_algorithm, tmp_path, raster):
    gtfs = feed(tmp_path)
    # ONS (>= 14 departures 06:00-20:00): H (28 buses, low: 40 m) and R (48 trains, high: 15 m); not L (1 bus).
    assert served(run_algorithm, POPULATION=raster, GTFS=gtfs, FREQUENCY=0) == population_of(NEAR_40 | NEAR_15)
    # GHSCI (>= 36 departures 07:00-19:00): only R (H has 24).
    assert served(run_algorithm, POPULATION=raster, GTFS=gtfs, FREQUENCY=1) == population_of(NEAR_15)
    # Custom, one departure a day 06:00-20:00: L too, and a low stop at (8, 8) reaches 40 m.
    near_40_of_l = {(r, c) for r in range(10) for c in range(10) if np.hypot(10 * (r - 8), 10 * (c - 8)) <= 41}
    assert served(run_algorithm, POPULATION=raster, GTFS=gtfs, FREQUENCY=2, MIN_DEPARTURES=1 / 14) == \
        population_of(NEAR_40 | near_40_of_l)


def test_gtfs_and_a_stops_layer_together(run_algorithm, tmp_path, raster):
    extra = points(tmp_path / "stops.gpkg", "stops", UTM, [(LEFT + 95, TOP - 5)])
    corner = {(r, c) for r in range(10) for c in range(10) if np.hypot(10 * r, 10 * (c - 9)) <= 41}
    assert served(run_algorithm, POPULATION=raster, GTFS=feed(tmp_path), FREQUENCY=1, STOPS=extra) == \
        population_of(NEAR_15 | corner)


def test_a_malformed_feed_is_refused_with_file_and_line(run_algorithm, tmp_path, raster):
    gtfs = feed(tmp_path, "l9,25:xx:00,25:xx:00,L,3\n")
    with pytest.raises(QgsProcessingException, match="stop_times.txt line 62: departure_time '25:xx:00'"):
        served(run_algorithm, POPULATION=raster, GTFS=gtfs)


def test_stops_are_required_one_way_or_another(run_algorithm, raster):
    with pytest.raises(QgsProcessingException, match="STOPS"):
        served(run_algorithm, POPULATION=raster)
