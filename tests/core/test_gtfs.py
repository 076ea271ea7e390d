"""core.gtfs against a hand-made feed whose departures per stop are counted by hand: weekday and weekend
services, a calendar exception, trips past midnight, an untimed stop, frequencies.txt; and malformed feeds."""
from __future__ import annotations

import datetime as dt
import zipfile

import pytest
from sdg_monitor.core.gtfs import PRESETS, Frequency, GtfsError, read_feed

TUESDAY = dt.date(2024, 3, 5)
EXCEPTION_DAY = dt.date(2024, 3, 12)  # a Tuesday without the weekday service, with an extra one

FEED = {
    "stops.txt": "stop_id,stop_name,stop_lat,stop_lon,location_type\n"
                 "S,Station,30.5,120.1,1\n"
                 + "".join(f"{s},Stop {s},30.5{i},120.1{i},0\n" for i, s in enumerate("ABCDEFG")),
    "routes.txt": "route_id,route_type\nBUS,3\nRAIL,2\n",
    "calendar.txt": "service_id,monday,tuesday,wednesday,thursday,friday,saturday,sunday,start_date,end_date\n"
                    "WK,1,1,1,1,1,0,0,20240301,20240331\nWE,0,0,0,0,0,1,1,20240301,20240331\n",
    "calendar_dates.txt": "service_id,date,exception_type\nWK,20240312,2\nEXTRA,20240312,1\n",
    # 14 buses A -> B from 06:00 to 19:00; the 06:00 one stops untimed at G (interpolated to 06:10).
    "trips.txt": "route_id,service_id,trip_id\n"
                 + "".join(f"BUS,WK,b{h}\n" for h in range(6, 20))
                 + "RAIL,WK,r7\nRAIL,WK,late\nRAIL,WK,night\nBUS,WE,w1\nBUS,EXTRA,x8\nBUS,WK,f\n",
    "stop_times.txt": "trip_id,arrival_time,departure_time,stop_id,stop_sequence\n"
                      "b6,06:00:00,06:00:00,A,1\nb6,,,G,2\nb6,06:20:00,06:20:00,B,3\n"
                      + "".join(f"b{h},{h:02d}:00:00,{h:02d}:00:00,A,1\nb{h},{h:02d}:20:00,{h:02d}:20:00,B,2\n"
                                for h in range(7, 20))
                      + "r7,07:00:00,07:00:00,C,1\nr7,07:30:00,07:30:00,D,2\n"
                      "late,25:30:00,25:30:00,C,1\nlate,25:50:00,25:50:00,E,2\n"
                      "night,30:30:00,30:30:00,D,1\nnight,30:40:00,30:40:00,C,2\n"
                      "w1,10:00:00,10:00:00,D,1\nw1,10:30:00,10:30:00,A,2\n"
                      "x8,08:00:00,08:00:00,A,1\nx8,08:20:00,08:20:00,B,2\n"
                      "f,07:00:00,07:00:00,E,1\nf,07:10:00,07:10:00,F,2\n",
    # Trip f every 20 minutes from 07:00 up to 19:00: 36 departures at E.
    "frequencies.txt": "trip_id,start_time,end_time,headway_secs\nf,07:00:00,19:00:00,1200\n",
}


def write_feed(tmp_path, changes=None, drop=()):
    files = {**FEED, **(changes or {})}
    path = tmp_path / "feed.zip"
    with zipfile.ZipFile(path, "w") as archive:
        for name, text in files.items():
            if name not in drop:
                archive.writestr(name, text)
    return path


def departures(feed, date, rule):
    table = feed.stop_departures(date, rule).set_index("stop_id")
    return table["departures"].to_dict(), set(table.index[table["frequent"]]), set(table.index[table["high"]])


def test_departures_per_stop_on_a_weekday(tmp_path):
    feed = read_feed(write_feed(tmp_path))
    counts, _, high = departures(feed, TUESDAY, Frequency(0.0, 0.0, 24.0))
    # A: 14 buses; B and F: last stops only; C: the 07:00 train and the 01:30 one (25:30 of Monday's service);
    # D: 07:30 is the last stop of r7, Monday's night train leaves at 06:30; E: 36 repeats + 01:30 arrival (last).
    assert counts == {"A": 14, "B": 0, "C": 2, "D": 1, "E": 36, "F": 0, "G": 1}
    assert high == {"C", "D"}
    assert "S" not in counts  # a station (location_type 1) is not a stop


def test_presets_keep_the_stops_by_hand(tmp_path):
    feed = read_feed(write_feed(tmp_path))
    ons_counts, ons, _ = departures(feed, TUESDAY, PRESETS["ONS"])
    assert ons_counts == {"A": 14, "B": 0, "C": 1, "D": 1, "E": 36, "F": 0, "G": 1}  # 06:00-20:00
    assert ons == {"A", "E"}  # 14 departures needed
    ghsci_counts, ghsci, _ = departures(feed, TUESDAY, PRESETS["GHSCI"])
    assert ghsci_counts["A"] == 12 and ghsci_counts["E"] == 36  # 07:00-19:00; 36 needed
    assert ghsci == {"E"}
    assert departures(feed, TUESDAY, Frequency(0.05, 6.0, 20.0))[1] == {"A", "C", "D", "E", "G"}


def test_calendar_exceptions_and_weekends(tmp_path):
    feed = read_feed(write_feed(tmp_path))
    counts, _, _ = departures(feed, EXCEPTION_DAY, PRESETS["ONS"])
    assert counts["A"] == 1 and counts["E"] == 0 and counts["D"] == 1  # extra bus; Monday's night train
    saturday, _, _ = departures(feed, dt.date(2024, 3, 9), PRESETS["ONS"])
    assert saturday["D"] == 2  # the weekend bus and Friday's night train
    assert feed.busiest_weekday() == dt.date(2024, 3, 1)  # every plain weekday alike: the first


def test_optional_files_may_be_missing(tmp_path):
    feed = read_feed(write_feed(tmp_path, drop=("frequencies.txt", "calendar_dates.txt")))
    counts, _, _ = departures(feed, TUESDAY, PRESETS["ONS"])
    assert counts["E"] == 1  # without frequencies.txt trip f runs once, at 07:00
    assert departures(feed, EXCEPTION_DAY, PRESETS["ONS"])[0]["A"] == 14


@pytest.mark.parametrize("changes, drop, message", [
    ({"stop_times.txt": FEED["stop_times.txt"].replace("r7,07:00:00,07:00:00", "r7,07:6x:00,07:6x:00")}, (),
     "stop_times.txt line 31: departure_time '07:6x:00'"),
    ({"stops.txt": FEED["stops.txt"].replace("30.52", "north")}, (), "stops.txt line 5: stop_lat 'north'"),
    ({"routes.txt": "route_id,route_type\nBUS,bus\nRAIL,2\n"}, (), "routes.txt line 2: route_type 'bus'"),
    ({"calendar_dates.txt": "service_id,date,exception_type\nWK,2024-03-12,2\n"}, (),
     "calendar_dates.txt line 2: date '2024-03-12'"),
    ({"frequencies.txt": "trip_id,start_time,end_time,headway_secs\nf,07:00:00,19:00:00,0\n"}, (),
     "frequencies.txt line 2: headway_secs '0'"),
    ({}, ("calendar.txt", "calendar_dates.txt"), "neither calendar.txt nor calendar_dates.txt"),
    ({}, ("stop_times.txt",), "no stop_times.txt"),
    ({"trips.txt": "route_id,service_id\nBUS,WK\n"}, (), "trips.txt has no column trip_id"),
])
def test_a_malformed_feed_is_refused_naming_file_and_line(tmp_path, changes, drop, message):
    with pytest.raises(GtfsError, match=message.replace("(", r"\(").replace(")", r"\)")):
        read_feed(write_feed(tmp_path, changes, drop))
