"""Rights in a shared PostgreSQL results store: roles, grants and row-level security (run by an administrator).

Roles (group roles, NOLOGIN; people get LOGIN roles that are members of them):
- ``sdg_reader`` reads every table; ``sdg_writer`` (a reader) writes results, targets and progress and adds audit
  rows; ``sdg_admin`` (a writer) owns the tables, edits ``sdg_assignment`` and may write every indicator.
- ``sdg_department`` (a writer) groups the department roles ``sdg_dept_<name>``: a member of a department may write
  only the indicators ``sdg_assignment`` assigns to its department (row-level security on every table; tables
  without an indicator column only admins and plain writers may write). ``sdg_may_write(indicator)`` is the one
  rule; policies and the store's own check before writing both call it.

Everything is idempotent: running the set-up again adds what is missing and keeps the administrator's edits of
``sdg_assignment``. Identifiers are quoted by psycopg2.sql; values are parameters.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Mapping

from .store import TABLES, StoreError
from .store_pg import AUDIT_TABLE, PostgresStore

READER, WRITER, ADMIN, DEPARTMENT = "sdg_reader", "sdg_writer", "sdg_admin", "sdg_department"
ASSIGNMENT_TABLE = "sdg_assignment"
DEPARTMENT_PREFIX = "sdg_dept_"
_NAME_BYTES = 63  # PostgreSQL's identifier length


def department_role(source: str) -> str:
    """The role of a department named in the profile's data_source (``Education bureau (survey)`` ->
    ``sdg_dept_education_bureau``); letters of any script are kept, other characters become ``_``."""
    name = re.sub(r"\([^)]*\)", "", source).strip().lower()
    slug = re.sub(r"[\W_]+", "_", name).strip("_")
    role = DEPARTMENT_PREFIX + slug
    while len(role.encode("utf-8")) > _NAME_BYTES:
        role = role[:-1]
    return role


def department_assignments(indicators: Iterable[tuple[str, str]]) -> dict[str, list[str]]:
    """Department role -> indicator codes, from (code, data_source) pairs; a source listing several
    departments (``Finance bureau, health commission``, ``县教育局、县卫健委``) assigns the indicator to each, while
    single English words before a comma belong to the next name (``Culture, radio, television and tourism
    bureau`` is one department)."""
    roles: dict[str, set[str]] = {}
    for code, source in indicators:
        pending = ""
        for part in re.split(r"[,;，；、]", re.sub(r"\([^)]*\)", "", source or "")):
            joined = f"{pending} {part.strip()}".strip()
            word = part.strip()
            pending = joined if word.isascii() and word and " " not in word else ""  # Chinese names have no spaces
            if joined and not pending:
                roles.setdefault(department_role(joined), set()).add(code)
        if pending:
            roles.setdefault(department_role(pending), set()).add(code)
    return {role: sorted(codes) for role, codes in sorted(roles.items())}


@dataclass
class SetupReport:
    """What the set-up did."""

    roles: list[str]
    assignments_added: int


def setup_shared_store(store: PostgresStore, departments: Mapping[str, Iterable[str]] | None = None) -> SetupReport:
    """Create roles, grants, the assignment table, ``sdg_may_write`` and the policies in ``store``'s schema, in
    one transaction; with ``departments`` (role -> indicators) also the department roles and assignments."""
    from psycopg2 import sql

    departments = {role: list(codes) for role, codes in (departments or {}).items()}
    for role in departments:
        if not role.startswith(DEPARTMENT_PREFIX):
            raise StoreError(f"A department role must start with {DEPARTMENT_PREFIX}: {role}.")
    schema = sql.Identifier(store.schema)

    def table(name: str) -> sql.Composed:
        return sql.SQL("{}.{}").format(schema, sql.Identifier(name))

    with store.session("set up") as cur:
        roles = [READER, WRITER, ADMIN, DEPARTMENT, *departments]
        for role in roles:
            cur.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (role,))
            if cur.fetchone() is None:
                cur.execute(sql.SQL("CREATE ROLE {} NOLOGIN").format(sql.Identifier(role)))
        for member, group in [(WRITER, READER), (ADMIN, WRITER), (DEPARTMENT, WRITER),
                              *((role, DEPARTMENT) for role in departments)]:
            cur.execute(sql.SQL("GRANT {} TO {}").format(sql.Identifier(group), sql.Identifier(member)))
        cur.execute(sql.SQL("CREATE TABLE IF NOT EXISTS {} (indicator text NOT NULL, role_name text NOT NULL, "
                            "PRIMARY KEY (indicator, role_name))").format(table(ASSIGNMENT_TABLE)))
        cur.execute(sql.SQL("COMMENT ON TABLE {} IS %s").format(table(ASSIGNMENT_TABLE)),
                    ("Which department role may write which indicator (edited by sdg_admin)",))
        cur.execute(sql.SQL("""CREATE OR REPLACE FUNCTION {}.sdg_may_write(code text) RETURNS boolean
            LANGUAGE sql STABLE AS $$
            SELECT pg_has_role(current_user, 'sdg_admin', 'MEMBER')
                OR NOT pg_has_role(current_user, 'sdg_department', 'MEMBER')
                OR EXISTS (SELECT 1 FROM {} a JOIN pg_roles r ON r.rolname = a.role_name
                           WHERE a.indicator = code AND pg_has_role(current_user, r.oid, 'MEMBER'))
            $$""").format(schema, table(ASSIGNMENT_TABLE)))
        _grant(cur, sql, schema, table)
        for name in TABLES:
            _policies(cur, sql, table(name), schema, "indicator" in TABLES[name].names)
        cur.execute(sql.SQL("ALTER TABLE {} ENABLE ROW LEVEL SECURITY").format(table(AUDIT_TABLE)))
        _policy(cur, sql, table(AUDIT_TABLE), "sdg_read", "SELECT", "USING (true)")
        _policy(cur, sql, table(AUDIT_TABLE), "sdg_own_rows", "INSERT", "WITH CHECK (db_user = current_user)")
        added = 0
        for role, codes in departments.items():
            for code in codes:
                cur.execute(sql.SQL("INSERT INTO {} (indicator, role_name) VALUES (%s, %s) ON CONFLICT DO NOTHING")
                            .format(table(ASSIGNMENT_TABLE)), (code, role))
                added += cur.rowcount
    return SetupReport(roles, added)


def _grant(cur, sql, schema, table) -> None:
    """Schema and table rights of the three roles; the tables and function belong to sdg_admin."""
    reader, writer, admin = (sql.Identifier(role) for role in (READER, WRITER, ADMIN))
    cur.execute(sql.SQL("GRANT USAGE ON SCHEMA {} TO {}").format(schema, reader))
    cur.execute(sql.SQL("GRANT CREATE ON SCHEMA {} TO {}").format(schema, admin))
    cur.execute(sql.SQL("GRANT SELECT ON ALL TABLES IN SCHEMA {} TO {}").format(schema, reader))
    for name in TABLES:
        cur.execute(sql.SQL("GRANT INSERT, UPDATE, DELETE ON {} TO {}").format(table(name), writer))
    cur.execute(sql.SQL("GRANT INSERT ON {} TO {}").format(table(AUDIT_TABLE), writer))
    cur.execute(sql.SQL("GRANT INSERT, UPDATE, DELETE ON {}, {} TO {}").format(
        table(ASSIGNMENT_TABLE), table("sdg_meta"), admin))
    cur.execute(sql.SQL("GRANT USAGE ON ALL SEQUENCES IN SCHEMA {} TO {}").format(schema, writer))
    for name in (*TABLES, AUDIT_TABLE, ASSIGNMENT_TABLE, "sdg_meta"):
        cur.execute(sql.SQL("ALTER TABLE {} OWNER TO {}").format(table(name), admin))
    cur.execute(sql.SQL("ALTER FUNCTION {}.sdg_may_write(text) OWNER TO {}").format(schema, admin))


def _policies(cur, sql, target, schema, has_indicator: bool) -> None:
    """Everyone with SELECT reads every row; writes pass ``sdg_may_write`` (for the row's indicator)."""
    check = sql.SQL("{}.sdg_may_write({})").format(schema, sql.SQL("indicator" if has_indicator else "NULL"))
    cur.execute(sql.SQL("ALTER TABLE {} ENABLE ROW LEVEL SECURITY").format(target))
    _policy(cur, sql, target, "sdg_read", "SELECT", "USING (true)")
    _policy(cur, sql, target, "sdg_insert", "INSERT", sql.SQL("WITH CHECK ({})").format(check))
    _policy(cur, sql, target, "sdg_update", "UPDATE", sql.SQL("USING ({0}) WITH CHECK ({0})").format(check))
    _policy(cur, sql, target, "sdg_delete", "DELETE", sql.SQL("USING ({})").format(check))


def _policy(cur, sql, target, name: str, command: str, rule) -> None:
    rule = sql.SQL(rule) if isinstance(rule, str) else rule
    cur.execute(sql.SQL("DROP POLICY IF EXISTS {} ON {}").format(sql.Identifier(name), target))
    cur.execute(sql.SQL("CREATE POLICY {} ON {} FOR {} ").format(sql.Identifier(name), target, sql.SQL(command))
                + rule)
