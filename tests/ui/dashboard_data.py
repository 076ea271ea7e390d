"""A small hand-made results store for the dashboard tests: four indicators, three years, three area levels."""
from __future__ import annotations

from pathlib import Path

from sdg_monitor.core.store import ResultsStore

TOTAL = ("deqing", "Deqing County", "total")
TOWNSHIPS = (("T1", "Wukang", "township"), ("T2", "Xinshi", "township"))
VILLAGES = (("V1", "Alpha", "village"), ("V2", "Beta", "village"), ("V3", "Gamma", "village"))

# (indicator, unit, area, {year: value})
SERIES = [
    ("11.6.2", "µg/m³", TOTAL, {2015: 100.0, 2018: 90.0, 2022: 80.0}),
    ("11.6.2", "µg/m³", TOWNSHIPS[0], {2015: 110.0, 2022: 85.0}),
    ("11.6.2", "µg/m³", TOWNSHIPS[1], {2015: 90.0, 2022: 75.0}),
    ("15.1.1", "%", TOTAL, {2015: 40.0, 2018: 45.0, 2022: 52.0}),
    ("15.1.1", "%", TOWNSHIPS[0], {2015: 30.0, 2022: 35.0}),
    ("15.1.1", "%", TOWNSHIPS[1], {2015: 50.0, 2022: 66.0}),
    ("15.1.1", "%", VILLAGES[0], {2022: 20.0}),
    ("15.1.1", "%", VILLAGES[1], {2022: 40.0}),
    ("15.1.1", "%", VILLAGES[2], {2022: 60.0}),
    ("5.5.1", "%", TOTAL, {2015: 30.0, 2022: 35.0}),
    ("6.6.1", "%", TOTAL, {2022: 3.0}),
]
TARGETS = [
    {"indicator": "11.6.2", "target": 70.0, "target_year": 2030, "base_year": 2015, "direction": "decrease"},
    {"indicator": "15.1.1", "target": 100.0, "target_year": 2030, "base_year": 2015, "direction": "increase"},
    {"indicator": "5.5.1", "target": 30.0, "target_year": 2030, "base_year": 2015, "direction": "increase"},
]


def result_rows() -> list[dict]:
    rows = [
        {"indicator": code, "area_id": area[0], "area_name": area[1], "area_level": area[2], "year": year,
         "value": value, "unit": unit}
        for code, unit, area, values in SERIES for year, value in values.items()
    ]
    # A disaggregated row: the dashboard shows headline (undisaggregated) values only.
    rows.append({"indicator": "5.5.1", "area_id": "deqing", "area_name": "Deqing County", "area_level": "total",
                 "year": 2022, "value": 99.0, "unit": "%", "disaggregation": "sex=female"})
    return rows


def build_store(path: Path, targets: bool = True) -> Path:
    """Write the sample results (and targets) to a new store at ``path``."""
    store = ResultsStore(path)
    store.upsert_results(result_rows())
    if targets:
        store.upsert_targets(TARGETS)
    return path
