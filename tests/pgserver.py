"""A real PostgreSQL for the tests: Debian's binaries, a temporary cluster, a free port.

The team server (issue 15) is tested against the database it will meet, not
a mock. One cluster per test session (per xdist worker): ``initdb`` into a
temporary folder, started on a free loopback port with its unix socket in the
same folder, stopped when the session ends. PostgreSQL refuses to run as root,
so as root (CI) the cluster belongs to the ``postgres`` user (or ``nobody``)
and its commands run through ``setpriv``.

Each test gets a database of its own (``CREATE DATABASE``, dropped after),
which is quicker than a cluster per test. The superuser's password reaches
the application the way a member's does: through a ``PGPASSFILE`` libpq reads.

Where PostgreSQL is not installed the tests that need it are skipped with a
reason; on CI (``CI`` set) they fail instead, since CI must run them.
"""

from __future__ import annotations

import contextlib
import glob
import itertools
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

ADMIN = "rejoinder_admin"
ADMIN_PASSWORD = "admin-secret"


def find_bindir() -> Path | None:
    """Debian's newest PostgreSQL (``/usr/lib/postgresql/N/bin``), or ``REJOINDER_PG_BIN``."""
    override = os.environ.get("REJOINDER_PG_BIN")
    candidates = [override] if override else []
    candidates += sorted(
        glob.glob("/usr/lib/postgresql/*/bin"),
        key=lambda p: int(Path(p).parent.name) if Path(p).parent.name.isdigit() else 0,
        reverse=True,
    )
    for candidate in candidates:
        if candidate and (Path(candidate) / "pg_ctl").exists():
            return Path(candidate)
    on_path = shutil.which("pg_ctl")
    return Path(on_path).parent if on_path else None


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _owner() -> pwd.struct_passwd | None:
    """The unprivileged user the cluster runs as when we are root; None when we are not."""
    if os.geteuid() != 0:
        return None
    for name in ("postgres", "nobody"):
        with contextlib.suppress(KeyError):
            return pwd.getpwnam(name)
    raise RuntimeError("running as root, and there is no postgres or nobody user")


@dataclass
class PgServer:
    """One running cluster; :meth:`url` names a database on it for the application."""

    bindir: Path
    root: Path
    port: int = 0
    host: str = "127.0.0.1"
    owner: pwd.struct_passwd | None = None
    _names: Iterator[int] = field(default_factory=lambda: itertools.count(1))

    @property
    def data(self) -> Path:
        return self.root / "data"

    @property
    def passfile(self) -> Path:
        return self.root / "pgpass"

    def _run(self, *args: str) -> subprocess.CompletedProcess[str]:
        command = [str(self.bindir / args[0]), *args[1:]]
        if self.owner is not None:
            command = [
                "setpriv",
                f"--reuid={self.owner.pw_uid}",
                f"--regid={self.owner.pw_gid}",
                "--init-groups",
                *command,
            ]
        return subprocess.run(
            command, capture_output=True, text=True, check=False, cwd=self.root, timeout=120
        )

    def _check(self, result: subprocess.CompletedProcess[str]) -> None:
        if result.returncode != 0:
            log = self.root / "server.log"
            tail = log.read_text(errors="replace")[-2000:] if log.exists() else ""
            raise RuntimeError(f"{result.args}: {result.stdout}{result.stderr}\n{tail}")

    def init(self) -> None:
        pwfile = self.root / "pwfile"
        pwfile.write_text(ADMIN_PASSWORD + "\n")
        if self.owner is not None:
            for path in (self.root, pwfile):
                os.chown(path, self.owner.pw_uid, self.owner.pw_gid)
        self._check(
            self._run(
                "initdb",
                "-D",
                str(self.data),
                "-U",
                ADMIN,
                f"--pwfile={pwfile}",
                "--auth=scram-sha-256",
                "--encoding=UTF8",
                "--locale=C",
                "--no-sync",
            )
        )
        pwfile.unlink()

    def start(self) -> None:
        self.port = self.port or free_port()
        options = (
            f"-c listen_addresses={self.host} -c port={self.port} "
            f"-c unix_socket_directories={self.root} -c fsync=off "
            "-c synchronous_commit=off -c full_page_writes=off -c max_connections=200"
        )
        self._check(
            self._run(
                "pg_ctl", "-D", str(self.data), "-l", str(self.root / "server.log"), "-o",
                options, "-w", "-t", "60", "start",
            )
        )  # fmt: skip

    def stop(self, mode: str = "fast") -> None:
        self._run("pg_ctl", "-D", str(self.data), "-m", mode, "-w", "stop")

    def url(self, database: str, login: str = ADMIN) -> str:
        return f"postgresql://{login}@{self.host}:{self.port}/{database}"

    def connect(self, database: str = "postgres", **kwargs: Any) -> Any:
        """A psycopg connection as the superuser (autocommit), for setting tests up."""
        import psycopg

        return psycopg.connect(
            host=self.host,
            port=self.port,
            user=ADMIN,
            password=ADMIN_PASSWORD,
            dbname=database,
            autocommit=True,
            **kwargs,
        )

    def create_database(self, prefix: str = "t") -> str:
        name = f"{prefix}_{os.getpid()}_{next(self._names)}"
        with self.connect() as conn:
            conn.execute(f"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8'")
        return name

    def drop_database(self, name: str) -> None:
        with self.connect() as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def create_login(self, login: str, password: str, passfile: Path | None = None) -> None:
        """A new login; with ``passfile``, its password goes there for libpq to find."""
        with self.connect() as conn:
            conn.execute(f"CREATE ROLE \"{login}\" LOGIN PASSWORD '{password}'")
        if passfile is not None:
            with passfile.open("a") as fh:
                fh.write(f"{self.host}:{self.port}:*:{login}:{password}\n")


class Requests:
    """The requests an engine's connections send the server, read from libpq's own trace.

    A request is a message the client then waits on: a simple ``Query``, or
    the ``Sync`` closing an extended query (Parse/Bind/Execute). Outside
    pipeline mode each is one round trip, BEGIN and COMMIT included, however
    SQLAlchemy or psycopg phrase them. Connections the engine opens after
    :func:`traced` are traced from their first message.
    """

    def __init__(self) -> None:
        self._traced: list[tuple[Any, Any]] = []

    def add(self, dbapi_connection: Any) -> None:
        handle = tempfile.TemporaryFile("w+")  # noqa: SIM115  (closed by close())
        pgconn = dbapi_connection.pgconn
        self._trace(pgconn, handle)
        self._traced.append((pgconn, handle))

    @staticmethod
    def _trace(pgconn: Any, handle: Any) -> None:
        from psycopg import pq

        pgconn.trace(handle.fileno())
        pgconn.set_trace_flags(pq.Trace.SUPPRESS_TIMESTAMPS | pq.Trace.REGRESS_MODE)

    def sent(self) -> list[str]:
        """Every request so far, as its first trace line (``Query "BEGIN"``, ``Sync``)."""
        found: list[str] = []
        for pgconn, handle in self._traced:
            if pgconn.status == 0:  # CONNECTION_OK: flush libpq's buffer, go on tracing
                pgconn.untrace()
                self._trace(pgconn, handle)
            handle.seek(0)
            for line in handle.read().splitlines():
                parts = line.split("\t")
                if len(parts) > 2 and parts[0] == "F" and parts[2] in _REQUESTS:
                    found.append(" ".join(part.strip() for part in parts[2:]))
            handle.seek(0, os.SEEK_END)
        return found

    def close(self) -> None:
        for pgconn, handle in self._traced:
            with contextlib.suppress(Exception):  # a connection already closed traces nothing
                pgconn.untrace()
            handle.close()


_REQUESTS = {"Query", "Sync"}


@contextlib.contextmanager
def traced(engine: Any) -> Iterator[Requests]:
    """Trace the requests of ``engine``'s connections (its pool is emptied first)."""
    from sqlalchemy import event

    requests = Requests()

    def connected(dbapi_connection: Any, _record: Any) -> None:
        requests.add(dbapi_connection)

    engine.dispose()
    event.listen(engine, "connect", connected)
    try:
        yield requests
    finally:
        event.remove(engine, "connect", connected)
        requests.close()
        engine.dispose()


def start_server() -> PgServer:
    bindir = find_bindir()
    if bindir is None:
        reason = "PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/pg_ctl)"
        if os.environ.get("CI"):
            pytest.fail(f"{reason}; CI must run the team-server tests (.ci/run installs it)")
        pytest.skip(reason)
    root = Path(tempfile.mkdtemp(prefix="rejoinder-pg-"))
    server = PgServer(bindir=bindir, root=root, owner=_owner())
    try:
        server.init()
        server.start()
    except BaseException:
        shutil.rmtree(root, ignore_errors=True)
        raise
    return server


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    """The session's PostgreSQL cluster (skipped where PostgreSQL is absent, failed on CI)."""
    server = start_server()
    try:
        yield server
    finally:
        server.stop("immediate")
        shutil.rmtree(server.root, ignore_errors=True)


@pytest.fixture
def pg_database(pg_server: PgServer) -> Iterator[str]:
    """The name of a new, empty database, dropped after the test."""
    name = pg_server.create_database()
    try:
        yield name
    finally:
        pg_server.drop_database(name)


@pytest.fixture
def pg_passfile(pg_server: PgServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The ``PGPASSFILE`` libpq reads, holding the superuser's password; append other logins'."""
    passfile = tmp_path / "pgpass"
    passfile.write_text(f"{pg_server.host}:{pg_server.port}:*:{ADMIN}:{ADMIN_PASSWORD}\n")
    passfile.chmod(0o600)
    monkeypatch.setenv("PGPASSFILE", str(passfile))
    monkeypatch.delenv("PGPASSWORD", raising=False)
    return passfile


@pytest.fixture
def pg_url(pg_server: PgServer, pg_database: str, pg_passfile: Path) -> str:
    """``postgresql://LOGIN@HOST:PORT/DB`` of an empty database; the password in a pgpass."""
    return pg_server.url(pg_database)
