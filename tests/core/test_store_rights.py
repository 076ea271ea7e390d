"""Rights in a shared store, enforced by PostgreSQL: readers, writers, departments and admins as real login
roles of the private server (trust authentication: no password anywhere)."""
from __future__ import annotations

import itertools

import pytest
from sdg_monitor.core.store import StoreError, open_store
from sdg_monitor.core.store_address import parse_postgres
from sdg_monitor.core.store_pg import PostgresStore
from sdg_monitor.core.store_pg_setup import department_assignments, department_role, setup_shared_store

_NAMES = itertools.count(1)


def _row(indicator: str, area_id: str = "A", value: float = 1.0) -> dict:
    return dict(indicator=indicator, area_id=area_id, year=2020, value=value)


@pytest.fixture()
def shared(pg_cluster):
    """A set-up store with an education and an environment department and a login role per kind of user."""
    n = next(_NAMES)
    schema = f"rights{n}"
    admin_store = PostgresStore(parse_postgres(pg_cluster.uri("sdg_test", schema)))
    setup_shared_store(admin_store, {"sdg_dept_education_bureau": ["4.1.1", "4.2.2"],
                                     "sdg_dept_ecology_and_environment_bureau": ["11.6.2"]})
    users = {}
    for kind, group in (("reader", "sdg_reader"), ("writer", "sdg_writer"), ("admin", "sdg_admin"),
                        ("edu", "sdg_dept_education_bureau"), ("env", "sdg_dept_ecology_and_environment_bureau")):
        login = f"{kind}_{n}"
        pg_cluster.sql(f"CREATE ROLE {login} LOGIN IN ROLE {group}")
        users[kind] = pg_cluster.uri("sdg_test", schema, user=login)
    users["schema"] = schema
    return users


def _count(pg_cluster, schema: str, table: str = "sdg_results") -> int:
    return pg_cluster.sql(f"SELECT count(*) FROM {schema}.{table}", dbname="sdg_test")[0][0]


def test_department_roles_from_data_sources():
    assert department_role("Education bureau (survey)") == "sdg_dept_education_bureau"
    assert department_role("People's Bank of China county branch") == "sdg_dept_people_s_bank_of_china_county_branch"
    assert department_role("县 教育局") == "sdg_dept_县_教育局"
    assert len(department_role("x" * 80).encode()) == 63
    assert department_assignments([("1.1.1", "县教育局、县卫健委(调查)")]) == {
        "sdg_dept_县卫健委": ["1.1.1"], "sdg_dept_县教育局": ["1.1.1"]}
    assert department_assignments([("3.1.1", "Health commission (maternal health records)"),
                                   ("3.8.2", "Finance bureau, health commission"), ("1.1.1", ""),
                                   ("4.1.1", "Health commission (facilities), census (population)"),
                                   ("11.4.1", "Culture, radio, television and tourism bureau")]) == {
        "sdg_dept_census": ["4.1.1"], "sdg_dept_culture_radio_television_and_tourism_bureau": ["11.4.1"],
        "sdg_dept_finance_bureau": ["3.8.2"], "sdg_dept_health_commission": ["3.1.1", "3.8.2", "4.1.1"]}


def test_reader_reads_but_cannot_write(pg_cluster, shared):
    open_store(shared["admin"]).upsert_results([_row("4.1.1")])
    reader = open_store(shared["reader"])
    assert list(reader.read_results()["indicator"]) == ["4.1.1"]
    with pytest.raises(StoreError, match=r"Role reader_\d+ may not write table sdg_results .*nothing was "
                                         r"written.*Ask the store's administrator to grant your role sdg_writer"):
        reader.upsert_results([_row("4.1.1", "B")])
    assert _count(pg_cluster, shared["schema"]) == 1


def test_a_department_writes_its_indicators_only(pg_cluster, shared):
    edu = open_store(shared["edu"])
    assert edu.upsert_results([_row("4.1.1"), _row("4.2.2")]) == 2
    with pytest.raises(StoreError) as info:
        edu.upsert_results([_row("4.1.1", "B"), _row("11.6.2")])
    message = str(info.value)
    assert "Role edu_" in message and "indicator 11.6.2" in message
    assert "assigned to sdg_dept_ecology_and_environment_bureau" in message
    assert "Ask the store's administrator to assign 11.6.2 to your department's role" in message
    assert "nothing was written" in message and "Traceback" not in message
    assert sorted(open_store(shared["reader"]).read_results()["area_id"]) == ["A", "A"]  # B was not written
    with pytest.raises(StoreError, match="indicator 1.1.1 .*assigned to no department"):
        edu.upsert_results([_row("1.1.1")])


def test_the_database_refuses_a_department_even_past_the_plugin(pg_cluster, shared):
    """Row-level security holds for any client, not only for the plugin's own check."""
    import psycopg2

    login = shared["env"].split("://")[1].split("@")[0]
    conn = psycopg2.connect(**pg_cluster.keywords("sdg_test", user=login))
    try:
        with conn.cursor() as cur, pytest.raises(psycopg2.errors.InsufficientPrivilege, match="row-level"):
            cur.execute(f"INSERT INTO {shared['schema']}.sdg_results (indicator, area_id, year) "
                        "VALUES ('4.1.1', 'X', 2020)")
    finally:
        conn.close()
    open_store(shared["edu"]).upsert_results([_row("4.1.1")])
    conn = psycopg2.connect(**pg_cluster.keywords("sdg_test", user=login))
    try:
        with conn.cursor() as cur:  # an update of another department's row touches nothing
            cur.execute(f"UPDATE {shared['schema']}.sdg_results SET value = -1")
            assert cur.rowcount == 0
        conn.commit()
    finally:
        conn.close()
    assert list(open_store(shared["reader"]).read_results()["value"]) == [1.0]


def test_admin_and_plain_writers_write_everything_and_the_admin_reassigns(pg_cluster, shared):
    assert open_store(shared["admin"]).upsert_results([_row("11.6.2"), _row("4.1.1")]) == 2
    assert open_store(shared["writer"]).upsert_results([_row("1.1.1")]) == 1
    admin_sql = shared["admin"]
    store = open_store(admin_sql)
    login = admin_sql.split("://")[1].split("@")[0]
    pg_cluster.sql(f"INSERT INTO {shared['schema']}.sdg_assignment VALUES ('11.6.2', 'sdg_dept_education_bureau')",
                   dbname="sdg_test", user=login)
    assert open_store(shared["edu"]).upsert_results([_row("11.6.2", value=7.0)]) == 1
    assert store.read_results(indicator="11.6.2")["value"].tolist() == [7.0]


def test_audit_names_each_user_and_refusals(pg_cluster, shared):
    from datetime import datetime, timezone

    from sdg_monitor.core.store import RunRecord

    run = RunRecord("sdg:table_indicator", {}, {}, datetime.now(timezone.utc))
    open_store(shared["edu"]).upsert_results([_row("4.1.1")], audit=run)
    with pytest.raises(StoreError):
        open_store(shared["edu"]).upsert_results([_row("11.6.2")], audit=run)
    open_store(shared["env"]).upsert_results([_row("11.6.2")], audit=run)
    with pytest.raises(StoreError):
        open_store(shared["reader"]).upsert_results([_row("11.6.2")], audit=run)
    audit = open_store(shared["admin"]).read_audit()
    users = [user.split("_")[0] for user in audit["db_user"]]
    assert list(zip(users, audit["outcome"], audit["indicators"])) == [
        ("edu", "success", "4.1.1"), ("edu", "refused", "11.6.2"), ("env", "success", "11.6.2")]
    writers = open_store(shared["reader"]).last_writers()
    assert [(i, u.split("_")[0]) for i, u in zip(writers["indicator"], writers["db_user"])] == [
        ("11.6.2", "env"), ("4.1.1", "edu")]
    import psycopg2

    login = shared["edu"].split("://")[1].split("@")[0]
    conn = psycopg2.connect(**pg_cluster.keywords("sdg_test", user=login))
    try:
        with conn.cursor() as cur, pytest.raises(psycopg2.Error):
            cur.execute(f"INSERT INTO {shared['schema']}.sdg_audit (db_user, outcome) VALUES ('env_1', 'success')")
    finally:
        conn.close()


def test_setup_twice_keeps_the_administrators_edits(pg_cluster, shared):
    login = shared["admin"].split("://")[1].split("@")[0]
    pg_cluster.sql(f"DELETE FROM {shared['schema']}.sdg_assignment WHERE indicator = '4.2.2'", dbname="sdg_test",
                   user=login)
    store = PostgresStore(parse_postgres(pg_cluster.uri("sdg_test", shared["schema"])))
    report = setup_shared_store(store, {"sdg_dept_education_bureau": ["4.1.1"]})
    assert report.assignments_added == 0
    rows = pg_cluster.sql(f"SELECT indicator FROM {shared['schema']}.sdg_assignment ORDER BY 1", dbname="sdg_test")
    assert rows == [("11.6.2",), ("4.1.1",)]
