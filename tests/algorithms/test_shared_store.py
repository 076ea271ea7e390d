"""The shared store through Processing: RESULTS as a PostgreSQL address in an indicator algorithm (audit, refusal
by rights), sdg:setup_shared_store from the shipped profile, and sdg:copy_store both ways with conflicts."""
from __future__ import annotations

import hashlib
import itertools

import pytest
from qgis.core import QgsProcessingException
from sdg_monitor.core.store import open_store
from store_backends import gpkg_backend

_SCHEMAS = itertools.count(1)


def _run(algorithm_id: str, parameters: dict) -> dict:
    import processing

    return processing.run(algorithm_id, parameters)


@pytest.fixture()
def shared(pg_cluster, sdg_provider):
    """A store set up by sdg:setup_shared_store with the shipped profile's departments, and login roles."""
    n = next(_SCHEMAS)
    schema = f"alg{n}"
    result = _run("sdg:setup_shared_store", {"RESULTS": pg_cluster.uri("sdg_test", schema), "DEPARTMENTS": True})
    logins = {}
    for kind, group in (("reader", "sdg_reader"), ("edu", "sdg_dept_education_bureau")):
        pg_cluster.sql(f"CREATE ROLE {kind}_a{n} LOGIN IN ROLE {group}")
        logins[kind] = pg_cluster.uri("sdg_test", schema, user=f"{kind}_a{n}")
    return {"schema": schema, "admin": pg_cluster.uri("sdg_test", schema), "result": result, **logins}


@pytest.fixture()
def births_csv(tmp_path):
    path = tmp_path / "births.csv"
    path.write_text("area,year,deaths,births\nA,2020,2,250\nB,2020,5,500\n", encoding="utf-8")
    return path


#: The shipped profile's statistical data sources that name several departments, split by hand.
_SEVERAL = {"Education bureau, human resources bureau": ["Education bureau", "human resources bureau"],
            "Finance bureau, health commission": ["Finance bureau", "health commission"]}


def _profile_pairs() -> set[tuple[str, str]]:
    """(indicator, department) pairs of the shipped profile's statistical indicators: the source up to a bracket,
    or the departments listed by hand above."""
    from sdg_monitor.core.profile import load_profile

    pairs = set()
    for indicator in load_profile().statistical():
        for part in _SEVERAL.get(indicator.data_source, [indicator.data_source.split("(")[0]]):
            words = part.lower().replace("'", " ").replace("-", " ").replace(",", " ").split()
            pairs.add((indicator.code, "sdg_dept_" + "_".join(words)))
    return pairs


def test_setup_creates_roles_and_the_profile_assignments(pg_cluster, shared):
    assert shared["result"]["ASSIGNMENTS"] == len(_profile_pairs()) > 100
    rows = set(pg_cluster.sql(f"SELECT indicator, role_name FROM {shared['schema']}.sdg_assignment",
                              dbname="sdg_test"))
    assert rows == _profile_pairs()
    assert ("4.2.2", "sdg_dept_education_bureau") in rows
    assert not any(role in ("sdg_dept_dem", "sdg_dept_culture", "sdg_dept_radio") for _code, role in rows)
    roles = {r[0] for r in pg_cluster.sql("SELECT rolname FROM pg_roles WHERE rolname LIKE 'sdg%'")}
    assert {"sdg_reader", "sdg_writer", "sdg_admin", "sdg_dept_education_bureau", "sdg_dept_civil_affairs_bureau"} \
        <= roles


def test_setup_refuses_a_geopackage(sdg_provider, tmp_path):
    with pytest.raises(QgsProcessingException, match="is a GeoPackage: a shared store is a PostgreSQL database"):
        _run("sdg:setup_shared_store", {"RESULTS": str(tmp_path / "r.gpkg")})


def test_an_indicator_run_writes_rows_and_its_audit_row(pg_cluster, shared, births_csv):
    result = _run("sdg:table_indicator", {
        "INPUT": str(births_csv), "INDICATOR": "4.2.2", "NUMERATOR": "deaths", "DENOMINATOR": "births",
        "AREA_ID_FIELD": "area", "YEAR_FIELD": "year", "RESULTS": shared["edu"], "OUTPUT": "memory:"})
    assert result["VALUE"] == pytest.approx(7 / 750 * 100)
    store = open_store(shared["reader"])
    assert sorted(store.read_results()["area_id"]) == ["A", "B", "total"]
    audit = store.read_audit()
    assert list(audit["outcome"]) == ["success"] and audit["algorithm"][0] == "sdg:table_indicator"
    assert audit["db_user"][0].startswith("edu_a") and audit["rows_written"][0] == 3
    digest = hashlib.sha256(births_csv.read_bytes()).hexdigest()
    assert f'"{births_csv}": "{digest}"' in audit["inputs"][0]
    assert store.last_writers()["indicator"].tolist() == ["4.2.2"]


def test_a_refused_run_names_role_indicator_and_whom_to_ask(pg_cluster, shared, births_csv):
    parameters = {"INPUT": str(births_csv), "INDICATOR": "11.6.2", "NUMERATOR": "deaths",
                  "DENOMINATOR": "births", "AREA_ID_FIELD": "area", "YEAR_FIELD": "year", "OUTPUT": "memory:"}
    with pytest.raises(QgsProcessingException) as info:
        _run("sdg:table_indicator", dict(parameters, RESULTS=shared["edu"]))
    message = str(info.value)
    assert "Role edu_a" in message and "indicator 11.6.2" in message and "Ask the store's administrator" in message
    assert "Traceback" not in message
    with pytest.raises(QgsProcessingException, match=r"Role reader_a\d+ may not write table sdg_results"):
        _run("sdg:table_indicator", dict(parameters, RESULTS=shared["reader"]))
    assert open_store(shared["admin"]).read_results().empty


def test_a_password_in_results_is_refused_and_not_shown(sdg_provider, births_csv):
    with pytest.raises(QgsProcessingException, match="contains a password") as info:
        _run("sdg:table_indicator", {"INPUT": str(births_csv), "INDICATOR": "4.2.2", "NUMERATOR": "deaths",
                                     "DENOMINATOR": "births", "RESULTS": "postgresql://me:Secret99@db/sdg",
                                     "OUTPUT": "memory:"})
    assert "Secret99" not in str(info.value)


def _row(area_id: str, value: float, computed_at: str) -> dict:
    return dict(indicator="4.2.2", area_id=area_id, year=2020, value=value, computed_at=computed_at)


@pytest.mark.parametrize("direction", ["gpkg_to_shared", "shared_to_gpkg"])
def test_copy_store_both_ways_with_a_conflict(pg_cluster, shared, tmp_path, direction):
    field_gpkg = gpkg_backend(tmp_path, "field.gpkg").address
    laptop = [_row("A", 1.0, "2026-03-01T00:00:00.000Z"), _row("B", 2.0, "2026-03-01T00:00:00.000Z"),
              _row("C", 3.0, "2026-01-01T00:00:00.000Z")]
    office = [_row("A", 1.0, "2026-03-01T00:00:00.000Z"), _row("B", 9.0, "2026-02-01T00:00:00.000Z"),
              _row("C", 8.0, "2026-02-01T00:00:00.000Z")]
    source, target = (field_gpkg, shared["admin"]) if direction == "gpkg_to_shared" else (shared["admin"], field_gpkg)
    open_store(source).upsert_results(laptop)
    open_store(target).upsert_results(office)
    open_store(source).upsert_targets([{"indicator": "4.2.2", "direction": "increase", "target": 95}])

    first = _run("sdg:copy_store", {"INPUT": source, "RESULTS": target, "OUTPUT": "memory:"})
    assert (first["COPIED"], first["UNCHANGED"], first["CONFLICTS"]) == (1, 1, 2)  # the target row + A; B, C
    conflicts = {f["key"]: f for f in first["OUTPUT"].getFeatures()}
    b_key = "indicator=4.2.2; series=; area_id=B; year=2020; disaggregation="
    assert conflicts[b_key]["column"] == "value" and conflicts[b_key]["resolution"] == "kept target"
    assert (conflicts[b_key]["source_value"], conflicts[b_key]["target_value"]) == ("value=2.0", "value=9.0")
    values = open_store(target).read_results().set_index("area_id")["value"].to_dict()
    assert values == {"A": 1.0, "B": 9.0, "C": 8.0}
    assert len(open_store(target).read_targets()) == 1

    second = _run("sdg:copy_store", {"INPUT": source, "RESULTS": target, "NEWER_WINS": True, "OUTPUT": "memory:"})
    assert (second["COPIED"], second["CONFLICTS"]) == (1, 2)  # B is newer in the source; C is older
    resolutions = {f["key"]: f["resolution"] for f in second["OUTPUT"].getFeatures()}
    assert resolutions[b_key] == "replaced by newer source" and resolutions[b_key.replace("B", "C")] == "kept target"
    values = open_store(target).read_results().set_index("area_id")["value"].to_dict()
    assert values == {"A": 1.0, "B": 2.0, "C": 8.0}


def test_copy_store_refuses_rows_the_role_may_not_write(pg_cluster, shared, tmp_path):
    field_gpkg = gpkg_backend(tmp_path, "field.gpkg").address
    open_store(field_gpkg).upsert_results([_row("A", 1.0, "2026-03-01T00:00:00.000Z"),
                                           dict(_row("A", 1.0, "2026-03-01T00:00:00.000Z"), indicator="11.6.2")])
    with pytest.raises(QgsProcessingException, match="indicator 11.6.2"):
        _run("sdg:copy_store", {"INPUT": field_gpkg, "RESULTS": shared["edu"]})
    assert open_store(shared["admin"]).read_results().empty


def test_a_saved_qgis_connection_as_results(pg_cluster, sdg_provider, births_csv):
    from qgis.core import QgsProviderRegistry
    from sdg_monitor.processing.store_access import is_shared, qgis_connection

    metadata = QgsProviderRegistry.instance().providerMetadata("postgres")
    uri = f"dbname='sdg_test' host={pg_cluster.folder} port={pg_cluster.port} user='postgres'"
    metadata.saveConnection(metadata.createConnection(uri, {"saveUsername": True}), "County SDG")
    try:
        assert is_shared("County SDG") and not is_shared("County SDG.gpkg")
        address = qgis_connection("County SDG")
        assert address.schema == "sdg" and address.label == 'QGIS connection "County SDG"'
        _run("sdg:table_indicator", {"INPUT": str(births_csv), "INDICATOR": "4.2.2", "NUMERATOR": "deaths",
                                     "DENOMINATOR": "births", "AREA_ID_FIELD": "area", "YEAR_FIELD": "year",
                                     "RESULTS": "County SDG", "OUTPUT": "memory:"})
        rows = pg_cluster.sql("SELECT area_id FROM sdg.sdg_results ORDER BY 1", dbname="sdg_test")
        assert rows == [("A",), ("B",), ("total",)]
    finally:
        metadata.deleteConnection("County SDG")
        pg_cluster.sql("DROP SCHEMA sdg CASCADE", dbname="sdg_test")
