"""A GTFS feed for the county's buses and trains (deterministic: same bytes on every run).

Town buses run every 10 minutes on weekdays (frequencies.txt), roadside buses hourly, village buses five times a
day, trains every 30 minutes to terminals beyond the county; weekends run less, and the National Day week of 2020
runs the weekend service (calendar_dates.txt). So the ONS rule keeps town and roadside stops and the stations,
and drops the village stops.
"""
from __future__ import annotations

import zipfile
from pathlib import Path

import numpy as np
from osgeo import osr

from .network import RAILWAYS
from .spec import EPSG, TOWNSHIPS

BUS_SPEED, RAIL_SPEED = 25.0 / 3.6, 120.0 / 3.6  # m/s
ROUTE_STOPS = 10
HOLIDAY = [f"202010{d:02d}" for d in range(1, 9)]
#: (kind, weekday departures (first, last, headway in s), weekend departures, by frequencies.txt)
SERVICES = {
    "town": ((6 * 3600, 22 * 3600, 600), (7 * 3600, 21 * 3600, 1200), True),
    "road": ((6 * 3600, 20 * 3600, 3600), (7 * 3600, 19 * 3600, 7200), False),
    "village": ((6 * 3600 + 1800, 18 * 3600, 9000), (6 * 3600 + 1800, 18 * 3600, 9000), False),
    "rail": ((6 * 3600, 22 * 3600, 1800), (7 * 3600, 21 * 3600, 3600), False),
}


def kind_of(name_en: str) -> str:
    """town, road or village, from a bus stop's English name (see network.bus_stops)."""
    if name_en.startswith("Roadside stop"):
        return "road"
    if any(name_en.startswith(f"{t.short_en} stop ") for t in TOWNSHIPS):
        return "town"
    return "village"


def _path(points: np.ndarray) -> list[int]:
    """A greedy nearest-neighbour order of the points, from the westernmost."""
    left = list(range(len(points)))
    order = [min(left, key=lambda i: (points[i][0], points[i][1]))]
    left.remove(order[0])
    while left:
        last = points[order[-1]]
        nxt = min(left, key=lambda i: (float(np.hypot(*(points[i] - last))), i))
        order.append(nxt)
        left.remove(nxt)
    return order


def _clock(seconds: float) -> str:
    s = int(round(seconds))
    return f"{s // 3600:02d}:{s % 3600 // 60:02d}:{s % 60:02d}"


def write_gtfs(path: Path, stops: list, stations: list, rail_lines: list) -> None:
    """Write the feed for the bus ``stops`` and rail ``stations`` (as network.py builds them) to ``path``."""
    transform = osr.CoordinateTransformation(*_srs())
    rows, routes = [], []  # stops.txt rows; (route id, kind, route_type, [(stop id, x, y)])
    groups: dict[tuple[str, str], list[tuple[str, np.ndarray]]] = {}
    for n, (p, _, en) in enumerate(stops, 1):
        kind = kind_of(en)
        prefix = en.split(" stop")[0] if kind == "town" else kind
        groups.setdefault((kind, prefix), []).append((f"B{n:04d}", p))
        rows.append((f"B{n:04d}", en, p))
    for (kind, prefix), members in groups.items():
        order = _path(np.array([p for _, p in members]))
        for k in range(0, len(order), ROUTE_STOPS):
            chunk = [members[i] for i in order[k:k + ROUTE_STOPS]]
            if len(chunk) > 1:
                routes.append((f"{kind}-{prefix}-{k // ROUTE_STOPS + 1}".replace(" ", "_"), kind, 3, chunk))
    station_iter = iter(enumerate(stations, 1))
    for line_no, ((_, name_en, line), (_, _, ctrl)) in enumerate(zip(rail_lines, RAILWAYS), 1):
        chunk = [(f"T{line_no}A", line[0])]
        rows.append((f"T{line_no}A", f"{name_en} south terminal", line[0]))
        for _ in [c for c in ctrl if c[2]]:
            n, (p, _, en) = next(station_iter)
            chunk.append((f"R{n:02d}", p))
            rows.append((f"R{n:02d}", en, p))
        chunk.append((f"T{line_no}B", line[-1]))
        rows.append((f"T{line_no}B", f"{name_en} north terminal", line[-1]))
        routes.append((f"rail-{line_no}", "rail", 2, chunk))
    files = {
        "agency.txt": "agency_id,agency_name,agency_url,agency_timezone\n"
                      "SC,Sample County Transit (synthetic),https://example.org,Asia/Shanghai\n",
        "stops.txt": "stop_id,stop_name,stop_lat,stop_lon\n" + "".join(
            f"{sid},{name},{lat:.7f},{lon:.7f}\n"
            for sid, name, (lon, lat) in ((sid, name, transform.TransformPoint(float(p[0]), float(p[1]))[:2])
                                          for sid, name, p in rows)),
        "routes.txt": "route_id,agency_id,route_short_name,route_type\n" + "".join(
            f"{rid},SC,{rid},{rtype}\n" for rid, _, rtype, _ in routes),
        "calendar.txt": "service_id,monday,tuesday,wednesday,thursday,friday,saturday,sunday,start_date,end_date\n"
                        "WK,1,1,1,1,1,0,0,20200101,20201231\nWE,0,0,0,0,0,1,1,20200101,20201231\n",
        "calendar_dates.txt": "service_id,date,exception_type\n" + "".join(
            f"WK,{d},2\nWE,{d},1\n" for d in HOLIDAY),
    }
    trips, times, frequencies = [], [], []
    for rid, kind, _, chunk in routes:
        speed = RAIL_SPEED if kind == "rail" else BUS_SPEED
        for direction, members in enumerate((chunk, chunk[::-1])):
            xy = np.array([p for _, p in members])
            offsets = np.concatenate([[0.0], np.cumsum(np.hypot(*np.diff(xy, axis=0).T) / speed + 30.0)])
            for service, (first, last, headway) in zip(("WK", "WE"), SERVICES[kind][:2]):
                starts = [first] if SERVICES[kind][2] else range(first, last + 1, headway)
                for start in starts:
                    tid = f"{rid}-{direction}-{service}-{start // 60:04d}"
                    trips.append(f"{rid},{service},{tid},{direction}\n")
                    times += [f"{tid},{_clock(start + o)},{_clock(start + o)},{sid},{i + 1}\n"
                              for i, ((sid, _), o) in enumerate(zip(members, offsets))]
                    if SERVICES[kind][2]:
                        frequencies.append(f"{tid},{_clock(first)},{_clock(last)},{headway}\n")
    files["trips.txt"] = "route_id,service_id,trip_id,direction_id\n" + "".join(trips)
    files["stop_times.txt"] = "trip_id,arrival_time,departure_time,stop_id,stop_sequence\n" + "".join(times)
    files["frequencies.txt"] = "trip_id,start_time,end_time,headway_secs\n" + "".join(frequencies)
    with zipfile.ZipFile(path, "w") as archive:
        for name, text in files.items():
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, text.encode("utf-8"))


def _srs() -> tuple[osr.SpatialReference, osr.SpatialReference]:
    source, target = osr.SpatialReference(), osr.SpatialReference()
    source.ImportFromEPSG(EPSG)
    target.ImportFromEPSG(4326)
    for srs in (source, target):
        srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return source, target
