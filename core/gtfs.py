"""GTFS feeds read with pandas: each stop's departures in a time window of one service day, for the frequency
rule of 11.2.1 ("convenient" access means frequent service).

Follows the GTFS Schedule reference (https://gtfs.org/schedule/reference/): services run on the dates of
``calendar.txt`` changed by ``calendar_dates.txt`` (exception 1 adds a date, 2 removes it; either file may be
missing, not both); stop times may pass 24:00 (a trip of the service day before then departs on this day);
``frequencies.txt`` (optional) repeats a trip every ``headway_secs`` from ``start_time`` up to (not including)
``end_time``, its stop times giving the offsets; stops without times between timed ones are interpolated by stop
sequence. A departure is a stop time that is not the last of its trip.
"""
from __future__ import annotations

import datetime as dt
import io
import zipfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from .classes import parse_classes

DAY = 86400
#: Route types (basic and extended) of high-capacity transit: tram, metro, rail, ferry, monorail, and the
#: extended rail, urban rail, metro, tram and water-transport ranges; every other type (bus, coach,
#: trolleybus, cable car ...) is low-capacity.
HIGH_ROUTE_TYPES = "0,1,2,4,12,100-199,400-499,900-999,1000-1099,1200"


class GtfsError(ValueError):
    """A feed that cannot be read; the message names the file and line."""


@dataclass(frozen=True)
class Frequency:
    """Stops count when they have at least ``per_hour`` departures per hour on average from ``start`` to ``end``
    (hours of the service day)."""

    per_hour: float
    start: float
    end: float

    def minimum(self) -> float:
        """Departures needed in the whole window."""
        return self.per_hour * (self.end - self.start)


#: ONS (UK, SDG 11.2.1): at least one departure per hour, 06:00-20:00 on a weekday. GHSCI (Global Healthy and
#: Sustainable City Indicators): average headway of 20 minutes or less, 07:00-19:00 on a weekday.
PRESETS = {"ONS": Frequency(1.0, 6.0, 20.0), "GHSCI": Frequency(3.0, 7.0, 19.0)}


@dataclass
class Feed:
    """A feed's stops (stop_id, stop_name, lon, lat), departures (stop_id, service_id, time in seconds of the
    service day, high) and the dates each service runs on."""

    stops: pd.DataFrame
    departures: pd.DataFrame
    weekly: pd.DataFrame
    exceptions: pd.DataFrame

    def services_on(self, date: dt.date) -> set[str]:
        """The services running on ``date``."""
        day = pd.Timestamp(date)
        weekly = self.weekly
        running = weekly[(weekly[date.strftime("%A").lower()] == "1") & (weekly["start_date"] <= day)
                         & (weekly["end_date"] >= day)]
        out = set(running["service_id"])
        today = self.exceptions[self.exceptions["date"] == day]
        out |= set(today.loc[today["exception_type"] == "1", "service_id"])
        return out - set(today.loc[today["exception_type"] == "2", "service_id"])

    def busiest_weekday(self) -> dt.date:
        """The Monday-to-Friday date of the feed's period with the most departures (the earliest of equals)."""
        dates = pd.concat([self.weekly["start_date"], self.weekly["end_date"], self.exceptions["date"]])
        if dates.empty:
            raise GtfsError("The GTFS feed's calendar has no date.")
        per_service = self.departures.groupby("service_id").size()
        best, best_count = None, -1
        for day in pd.date_range(dates.min(), dates.max()):
            if day.weekday() < 5:
                count = int(per_service.reindex(list(self.services_on(day.date()))).fillna(0).sum())
                if count > best_count:
                    best, best_count = day.date(), count
        if best is None:
            raise GtfsError("The GTFS feed's calendar has no weekday.")
        return best

    def stop_departures(self, date: dt.date, rule: Frequency) -> pd.DataFrame:
        """Every stop with its departures from ``rule.start`` to ``rule.end`` on ``date`` (counting trips of the
        day before that run past 24:00), whether any is high-capacity, and whether it meets ``rule``."""
        start, end = rule.start * 3600, rule.end * 3600
        parts = []
        for offset, day in ((0, date), (DAY, date - dt.timedelta(days=1))):
            running = self.departures[self.departures["service_id"].isin(self.services_on(day))]
            time = running["time"] - offset
            parts.append(running[(time >= start) & (time < end)])
        window = pd.concat(parts)
        counts = window.groupby("stop_id").agg(departures=("time", "size"), high=("high", "any"))
        out = self.stops.merge(counts, left_on="stop_id", right_index=True, how="left")
        out["departures"] = out["departures"].fillna(0).astype(np.int64)
        out["high"] = out["high"].eq(True)  # stops without departures (NaN after the merge) are not high
        out["frequent"] = out["departures"] >= rule.minimum() - 1e-9
        return out


def read_feed(path: str | Path, high_route_types: str = HIGH_ROUTE_TYPES) -> Feed:
    """Read a GTFS zip; raises :class:`GtfsError` naming the file, line and field of any bad value."""
    try:
        high = set(parse_classes(high_route_types))
    except ValueError as exc:
        raise GtfsError(f"High-capacity route types: {exc}") from None
    try:
        archive = zipfile.ZipFile(path)
    except (OSError, zipfile.BadZipFile) as exc:
        raise GtfsError(f"{path} is not a readable GTFS zip: {exc}") from None
    with archive:
        tables = {name: _table(archive, name) for name in
                  ("stops.txt", "routes.txt", "trips.txt", "stop_times.txt", "calendar.txt",
                   "calendar_dates.txt", "frequencies.txt")}
    for name in ("stops.txt", "routes.txt", "trips.txt", "stop_times.txt"):
        if tables[name] is None:
            raise GtfsError(f"The GTFS feed {path} has no {name}.")
    if tables["calendar.txt"] is None and tables["calendar_dates.txt"] is None:
        raise GtfsError(f"The GTFS feed {path} has neither calendar.txt nor calendar_dates.txt.")
    stops = _stops(tables["stops.txt"])
    routes = _columns(tables["routes.txt"], "routes.txt", ["route_id", "route_type"])
    routes["high"] = _integers(routes, "routes.txt", "route_type").isin(high)
    trips = _columns(tables["trips.txt"], "trips.txt", ["trip_id", "route_id", "service_id"])
    _known(trips, "trips.txt", "route_id", routes["route_id"], "routes.txt")
    trips = trips.merge(routes[["route_id", "high"]], on="route_id")
    times = _stop_times(tables["stop_times.txt"], trips["trip_id"])
    times = times.merge(trips[["trip_id", "service_id", "high"]], on="trip_id")
    times = _repeat_frequencies(times, tables["frequencies.txt"])
    weekly, exceptions = _calendar(tables["calendar.txt"], tables["calendar_dates.txt"])
    return Feed(stops, times[["stop_id", "service_id", "time", "high"]].reset_index(drop=True), weekly, exceptions)


def _table(archive: zipfile.ZipFile, name: str) -> pd.DataFrame | None:
    """One file of the feed as text columns (in the root or one folder down), or None when absent."""
    found = [n for n in archive.namelist() if n == name or (n.endswith("/" + name) and n.count("/") == 1)]
    if not found:
        return None
    try:
        text = archive.read(found[0]).decode("utf-8-sig")
    except UnicodeDecodeError:
        raise GtfsError(f"{name} is not UTF-8 text.") from None
    try:
        table = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False, skip_blank_lines=True)
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        raise GtfsError(f"{name}: {exc}") from None
    table.columns = [str(c).strip() for c in table.columns]
    return table.apply(lambda column: column.str.strip())


def _columns(table: pd.DataFrame, name: str, required: list[str]) -> pd.DataFrame:
    missing = [c for c in required if c not in table.columns]
    if missing:
        raise GtfsError(f"{name} has no column {', '.join(missing)}.")
    return table.copy()


def _bad(table: pd.DataFrame, name: str, column: str, rows: pd.Series, what: str) -> None:
    """Raise for the first of ``rows`` (a mask) naming its line (the header is line 1)."""
    if rows.any():
        first = int(np.flatnonzero(rows.to_numpy())[0])
        raise GtfsError(f"{name} line {table.index[first] + 2}: {column} '{table[column].iloc[first]}' {what}.")


def _integers(table: pd.DataFrame, name: str, column: str) -> pd.Series:
    values = pd.to_numeric(table[column], errors="coerce")
    _bad(table, name, column, values.isna() | (values != values.round()), "is not a whole number")
    return values.astype(np.int64)


def _known(table: pd.DataFrame, name: str, column: str, known: pd.Series, where: str) -> None:
    _bad(table, name, column, ~table[column].isin(set(known)), f"is not in {where}")


def _seconds(table: pd.DataFrame, name: str, column: str, blank_ok: bool = False) -> pd.Series:
    """HH:MM:SS (hours may pass 24) as seconds; blank as NaN when ``blank_ok``."""
    parts = table[column].str.extract(r"^(\d+):([0-5]\d):([0-5]\d)$").astype(float)
    blank = table[column] == ""
    _bad(table, name, column, parts[0].isna() & ~(blank & blank_ok), "is not a time HH:MM:SS")
    return parts[0] * 3600 + parts[1] * 60 + parts[2]


def _stops(table: pd.DataFrame) -> pd.DataFrame:
    """Stops and platforms (location_type 0 or empty) with their coordinates (WGS 84)."""
    stops = _columns(table, "stops.txt", ["stop_id", "stop_lat", "stop_lon"])
    kind = stops["location_type"] if "location_type" in stops.columns else pd.Series("", index=stops.index)
    stops = stops[kind.isin(["", "0"])]
    for column, limit in (("stop_lat", 90), ("stop_lon", 180)):
        values = pd.to_numeric(stops[column], errors="coerce")
        _bad(stops, "stops.txt", column, values.isna() | (values.abs() > limit), "is not a coordinate in degrees")
        stops[column] = values
    _bad(stops, "stops.txt", "stop_id", stops["stop_id"].duplicated(), "is given twice")
    names = stops["stop_name"] if "stop_name" in stops.columns else stops["stop_id"]
    return pd.DataFrame({"stop_id": stops["stop_id"], "stop_name": names, "lon": stops["stop_lon"],
                         "lat": stops["stop_lat"]}).reset_index(drop=True)


def _stop_times(table: pd.DataFrame, trip_ids: pd.Series) -> pd.DataFrame:
    """Departures (stop_id, trip_id, time): departure or else arrival time, untimed stops interpolated along
    the stop sequence, the last stop of each trip dropped."""
    name = "stop_times.txt"
    times = _columns(table, name, ["trip_id", "stop_id", "stop_sequence", "departure_time"])
    _known(times, name, "trip_id", trip_ids, "trips.txt")
    times["sequence"] = _integers(times, name, "stop_sequence")
    time = _seconds(times, name, "departure_time", blank_ok=True)
    if "arrival_time" in times.columns:
        time = time.fillna(_seconds(times, name, "arrival_time", blank_ok=True))
    times["time"] = time
    times = times.sort_values(["trip_id", "sequence"], kind="stable")
    _bad(times, name, "stop_sequence", times.duplicated(["trip_id", "sequence"]), "repeats within its trip")
    position = times.groupby("trip_id").cumcount().astype(float)
    timed = times["time"].notna()
    before_t = times["time"].where(timed).groupby(times["trip_id"]).ffill()
    after_t = times["time"].where(timed).groupby(times["trip_id"]).bfill()
    before_p = position.where(timed).groupby(times["trip_id"]).ffill()
    after_p = position.where(timed).groupby(times["trip_id"]).bfill()
    span = (after_p - before_p).replace(0, 1)
    times["time"] = times["time"].fillna(before_t + (after_t - before_t) * (position - before_p) / span)
    _bad(times, name, "departure_time", times["time"].isna(),
         "is empty at the first or last stop of its trip (those stops need times)")
    last = ~times["trip_id"].duplicated(keep="last")
    return times.loc[~last, ["trip_id", "stop_id", "time"]]


def _repeat_frequencies(times: pd.DataFrame, frequencies: pd.DataFrame | None) -> pd.DataFrame:
    """Departures of frequency-based trips: every headway from start_time (inclusive) to end_time (exclusive),
    each stop at its offset from the trip's first departure."""
    if frequencies is None or frequencies.empty:
        return times
    name = "frequencies.txt"
    frequencies = _columns(frequencies, name, ["trip_id", "start_time", "end_time", "headway_secs"])
    _known(frequencies, name, "trip_id", times["trip_id"], "stop_times.txt")
    start = _seconds(frequencies, name, "start_time").to_numpy()
    end = _seconds(frequencies, name, "end_time").to_numpy()
    headway = _integers(frequencies, name, "headway_secs")
    _bad(frequencies, name, "headway_secs", headway <= 0, "is not a positive number of seconds")
    _bad(frequencies, name, "end_time", pd.Series(end <= start, index=frequencies.index), "is not after start_time")
    count = np.ceil((end - start) / headway.to_numpy()).astype(np.int64)
    runs = pd.DataFrame({"trip_id": np.repeat(frequencies["trip_id"].to_numpy(), count),
                         "run_start": np.repeat(start, count) + np.concatenate(
                             [np.arange(n) for n in count]) * np.repeat(headway.to_numpy(), count)})
    repeated = times["trip_id"].isin(set(frequencies["trip_id"]))
    template = times[repeated].copy()
    template["time"] -= template.groupby("trip_id")["time"].transform("min")
    expanded = template.merge(runs, on="trip_id")
    expanded["time"] += expanded.pop("run_start")
    return pd.concat([times[~repeated], expanded], ignore_index=True)


def _calendar(weekly: pd.DataFrame | None, exceptions: pd.DataFrame | None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """calendar.txt with its dates parsed, and calendar_dates.txt (either may be absent: then empty)."""
    days = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
    if weekly is None:
        weekly = pd.DataFrame(columns=["service_id", *days, "start_date", "end_date"])
    weekly = _columns(weekly, "calendar.txt", ["service_id", *days, "start_date", "end_date"])
    for day in days:
        _bad(weekly, "calendar.txt", day, ~weekly[day].isin(["0", "1"]), "is not 0 or 1")
    for column in ("start_date", "end_date"):
        weekly[column] = _dates(weekly, "calendar.txt", column)
    if exceptions is None:
        exceptions = pd.DataFrame(columns=["service_id", "date", "exception_type"])
    exceptions = _columns(exceptions, "calendar_dates.txt", ["service_id", "date", "exception_type"])
    _bad(exceptions, "calendar_dates.txt", "exception_type", ~exceptions["exception_type"].isin(["1", "2"]),
         "is not 1 (added) or 2 (removed)")
    exceptions["date"] = _dates(exceptions, "calendar_dates.txt", "date")
    return weekly, exceptions


def _dates(table: pd.DataFrame, name: str, column: str) -> pd.Series:
    dates = pd.to_datetime(table[column], format="%Y%m%d", errors="coerce")
    _bad(table, name, column, dates.isna(), "is not a date YYYYMMDD")
    return dates
