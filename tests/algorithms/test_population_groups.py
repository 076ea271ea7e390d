"""POPULATION_BY_GROUP on the access algorithms: one store row per group (and per group and location) whose
numerators and denominators add up to the total row, hand-worked served people of a group, and bad groups."""
from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from access_data import lines, points, urban_and_zones
from osgeo import gdal, osr
from qgis.core import QgsProcessingException
from sdg_monitor.core.store import ResultsStore
from sdg_testdata import write_polygons, write_raster

UTM = 32650
LEFT, TOP = 500000.0, 3400000.0
TOTAL = (np.arange(100, dtype=np.float32).reshape(10, 10) + 1)
FEMALE = np.floor(TOTAL * 0.48)
YOUNG, OLD = np.floor(TOTAL * 0.15), np.floor(TOTAL * 0.2)
AGES = {"age=0-14": YOUNG, "age=15-64": TOTAL - YOUNG - OLD, "age=65+": OLD}
#: Cells within 41 m of cell (4, 0)'s centre (hand-worked in test_transit_access).
NEAR = {(4 + k, c) for c, m in {0: 4, 1: 3, 2: 3, 3: 2, 4: 0}.items() for k in range(-m, m + 1)}


@pytest.fixture()
def county(tmp_path):
    def raster(name, *bands):
        path = tmp_path / name
        ds = gdal.GetDriverByName("GTiff").Create(str(path), 10, 10, len(bands), gdal.GDT_Float32)
        ds.SetGeoTransform((LEFT, 10, 0, TOP, 0, -10))
        srs = osr.SpatialReference()
        srs.ImportFromEPSG(UTM)
        ds.SetProjection(srs.ExportToWkt())
        for i, band in enumerate(bands, 1):
            ds.GetRasterBand(i).WriteArray(band.astype(np.float32))
        ds = None
        return str(path)

    total = str(write_raster(tmp_path / "pop.tif", TOTAL, UTM, (LEFT, TOP), 10.0, nodata=-1, dtype=gdal.GDT_Float32))
    by_sex = raster("sex.tif", FEMALE, TOTAL - FEMALE)
    groups = ["sex=female", by_sex, 1, "sex=male", by_sex, 2.0]  # 2.0: how qgis_process passes a number
    for label, band in AGES.items():
        groups += [label, raster(f"{label[4:]}.tif", band), ""]
    urban, zones = urban_and_zones(tmp_path, UTM, LEFT, TOP)
    stop = points(tmp_path / "stops.gpkg", "stops", UTM, [(LEFT + 5, TOP - 45)])
    road = lines(tmp_path / "road.gpkg", "roads", UTM, [[(LEFT, TOP - 45), (LEFT + 100, TOP - 45)]])
    write_polygons(tmp_path / "builtup.gpkg", "builtup", UTM, [box(0, 100, 100, 0)])
    write_polygons(tmp_path / "park.gpkg", "park", UTM, [box(0, 50, 10, 40)])
    return {"POPULATION": total, "POPULATION_BY_GROUP": groups, "URBAN": urban,
            "ZONES": zones, "ZONE_ID_FIELD": "code", "YEAR": 2020, "OUTPUT": "memory:",
            "RESULTS": str(tmp_path / "results.gpkg")}, stop, road


def box(xmin: float, ymax: float, xmax: float, ymin: float) -> str:
    """A rectangle from (LEFT + xmin, TOP - ymax) to (LEFT + xmax, TOP - ymin) as WKT."""
    x0, x1, y0, y1 = LEFT + xmin, LEFT + xmax, TOP - ymax, TOP - ymin
    return f"POLYGON(({x0} {y0},{x1} {y0},{x1} {y1},{x0} {y1},{x0} {y0}))"


def open_space(stop, road):
    """11.7.1's access series: built-up is the whole grid, the open space the stop's cell (4, 0), by the road."""
    folder = Path(stop.split("|")[0]).parent
    return {"BUILTUP": str(folder / "builtup.gpkg"), "OPEN_SPACE": str(folder / "park.gpkg"), "NETWORK": road,
            "WALK_DISTANCE": 41, "URBAN": None}


CASES = {
    "sdg:transit_access_11_2_1": lambda stop, road: {"STOPS": stop, "LOW_DISTANCE": 41},
    "sdg:facility_access": lambda stop, road: {"FACILITIES": stop, "DISTANCE": 41, "NETWORK": road},
    "sdg:rural_access_9_1_1": lambda stop, road: {"ROADS": road, "DISTANCE": 15},
    "sdg:open_space_11_7_1": open_space,
}
#: The series holding the access rows (11.7.1's main series is the open-space share) and whether URBAN is given.
SERIES = {"sdg:open_space_11_7_1": "population_within_walk"}
WITHOUT_LOCATION = {"sdg:rural_access_9_1_1", "sdg:open_space_11_7_1"}


@pytest.mark.parametrize("algorithm", list(CASES))
def test_group_rows_add_up_to_the_total_row(run_algorithm, county, algorithm):
    common, stop, road = county
    parameters = {key: value for key, value in {**common, **CASES[algorithm](stop, road)}.items()
                  if value is not None}
    run_algorithm(algorithm, parameters)
    rows = ResultsStore(common["RESULTS"]).read("sdg_results")
    rows = rows[rows["series"] == SERIES.get(algorithm, "")].set_index(["area_id", "disaggregation"])
    keys = set(rows.index.get_level_values(1))
    assert {"sex=female", "sex=male", *AGES} <= keys
    locations = algorithm not in WITHOUT_LOCATION
    assert ("age=65+;location=urban" in keys) == locations
    for area in ("total", "N", "S"):
        for column in ("numerator", "denominator"):
            whole = rows.loc[(area, ""), column]
            assert whole > 0
            for dimension in (["sex=female", "sex=male"], list(AGES)):
                assert sum(rows.loc[(area, g), column] for g in dimension) == pytest.approx(whole, rel=1e-12)
                if locations:
                    for where in ("urban", "rural"):
                        part = rows.loc[(area, f"location={where}"), column]
                        assert sum(rows.loc[(area, f"{g};location={where}"), column]
                                   for g in dimension) == pytest.approx(part, rel=1e-12)


def test_a_groups_served_people_by_hand(run_algorithm, county):
    common, stop, _ = county
    run_algorithm("sdg:transit_access_11_2_1", {**common, "STOPS": stop, "LOW_DISTANCE": 41})
    rows = ResultsStore(common["RESULTS"]).read("sdg_results").set_index(["area_id", "disaggregation"])
    assert rows.loc[("total", "age=65+"), "numerator"] == float(sum(OLD[r, c] for r, c in NEAR))
    assert rows.loc[("total", "age=65+"), "denominator"] == float(OLD.sum())
    urban = {(r, c) for r, c in NEAR if c < 3}
    assert rows.loc[("total", "age=0-14;location=urban"), "numerator"] == float(sum(YOUNG[r, c] for r, c in urban))
    # The store records the groups given, cell by cell.
    record = json.loads(rows.loc[("total", "age=65+"), "parameters"])
    assert record["POPULATION_BY_GROUP"] == ",".join(str(v) for v in common["POPULATION_BY_GROUP"])


@pytest.mark.parametrize("groups, message", [
    (["female", "{sex}", 1], "key=value"),
    (["sex=female", "{sex}", 3], "no band 3"),
    (["sex=female", "/nowhere.tif", 1], "no readable raster"),
    (["location=urban", "{sex}", 1], "URBAN"),
    (["sex=female", "{sex}", 1, "sex = female", "{sex}", 2], "twice"),
    (["sex=female", "{sex}"], "three values"),
    (["sex=female", "{sex}", "1.5"], "not a band number"),
    (["sex=female", "{sex}", "first"], "not a band number"),
])
def test_bad_groups_are_refused(run_algorithm, county, groups, message):
    common, stop, _ = county
    sex = common["POPULATION_BY_GROUP"][1]
    groups = [str(g).format(sex=sex) if isinstance(g, str) else g for g in groups]
    with pytest.raises(QgsProcessingException, match=message):
        run_algorithm("sdg:transit_access_11_2_1", {**common, "STOPS": stop, "POPULATION_BY_GROUP": groups})
