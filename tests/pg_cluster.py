"""A private PostgreSQL cluster for tests and benchmarks: initdb as the ``postgres`` user into a temporary folder,
listening only on a unix socket in that folder, stopped and deleted at the end. Never touches a system cluster."""
from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path


def _bin(name: str) -> str:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    if not found:
        raise RuntimeError(f"PostgreSQL's {name} is missing: run make setup (it installs postgresql).")
    return found[-1]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class PrivateCluster:
    """``with PrivateCluster() as cluster:`` a running server; ``cluster.uri(db, schema, user)`` addresses it."""

    def __init__(self) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="sdg-pg-"))
        self.port = _free_port()
        self._as = [] if os.geteuid() != 0 else ["runuser", "-u", "postgres", "--"]

    def __enter__(self) -> PrivateCluster:
        self.folder.chmod(0o755)
        if self._as:
            postgres = pwd.getpwnam("postgres")
            os.chown(self.folder, postgres.pw_uid, postgres.pw_gid)
        try:
            self._run(_bin("initdb"), "-D", str(self.folder / "data"), "--auth=trust", "-U", "postgres",
                      "-E", "UTF8", "--locale=C.UTF-8")
            options = f"-k {self.folder} -c listen_addresses='' -p {self.port} -c max_connections=60 -c fsync=off"
            options += " -c log_lock_waits=on -c deadlock_timeout=100ms"  # a wait over 100 ms leaves a log line
            self._run(_bin("pg_ctl"), "-D", str(self.folder / "data"), "-w", "-l", str(self.folder / "log"),
                      "-o", options, "start")
        except BaseException:
            shutil.rmtree(self.folder, ignore_errors=True)
            raise
        return self

    def __exit__(self, *_exc) -> None:
        try:
            self._run(_bin("pg_ctl"), "-D", str(self.folder / "data"), "-w", "-m", "immediate", "stop")
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)

    def _run(self, *command: str) -> None:
        done = subprocess.run([*self._as, *command], capture_output=True, text=True, check=False)
        if done.returncode:
            raise RuntimeError(f"{' '.join(command)} failed: {done.stderr or done.stdout}")

    def log(self) -> str:
        """The server's log so far."""
        return (self.folder / "log").read_text(encoding="utf-8", errors="replace")

    def keywords(self, dbname: str = "postgres", user: str = "postgres") -> dict:
        """libpq keywords for psycopg2.connect."""
        return {"host": str(self.folder), "port": str(self.port), "dbname": dbname, "user": user}

    def uri(self, dbname: str, schema: str = "sdg", user: str = "postgres") -> str:
        """The store address as users write it (the socket folder as an encoded host)."""
        host = str(self.folder).replace("/", "%2F")
        return f"postgresql://{user}@{host}:{self.port}/{dbname}?schema={schema}"

    def sql(self, statement: str, params: tuple = (), dbname: str = "postgres", user: str = "postgres") -> list:
        """Run one statement in autocommit as ``user``; the rows when it returns any."""
        import psycopg2

        conn = psycopg2.connect(**self.keywords(dbname, user))
        conn.autocommit = True
        try:
            with conn.cursor() as cur:
                cur.execute(statement, params or None)
                return cur.fetchall() if cur.description else []
        finally:
            conn.close()
