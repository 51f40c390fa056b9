"""The project file as SQLite sees it: the checks before opening, and a new file.

Importing SQLAlchemy and mapping the models costs about 0.4 s on the
development machine, more than the whole budget of ``rejoinder new`` (0.3 s)
or ``rejoinder sources`` (0.25 s). What happens before a session exists is
therefore done here with :mod:`sqlite3` alone: checking a file before it is
opened (header, application id, ``quick_check``, schema revision), and
creating a new project.

A new project is not built by running every Alembic revision (Alembic alone
takes 0.15–0.25 s to import) but from ``db_migrations/head_schema.sql``: the
schema those revisions produce, written by ``tests.core.make_fixture_projects``
and compared with a migrated file by a test. Should the script ever lag behind
the revisions, the file it makes carries the older revision and is upgraded by
Alembic when opened, so a new project is never wrong, only slower to open.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from pathlib import Path
from typing import Any

from app.core import migrate, writefailures
from app.core.config import Identity, local_identity, paths
from app.core.errors import (
    CorruptProjectError,
    InvalidInputError,
    NotAProjectError,
    ProjectError,
    ReadOnlyProjectError,
)
from app.core.i18n import N_, _
from app.core.ids import APPLICATION_ID, new_id, utcnow
from app.core.locking import ProjectLock
from app.core.stamps import dump_history, new_stamp, record_created

logger = logging.getLogger(__name__)

SQLITE_HEADER = b"SQLite format 3\x00"


def ro_uri(path: Path) -> str:
    """The URI that opens ``path`` read-only (``Path.as_uri`` escapes what URIs need)."""
    return path.resolve().as_uri() + "?mode=ro"


def read_header(path: Path) -> bytes:
    try:
        with open(path, "rb") as fh:
            return fh.read(100)
    except FileNotFoundError as exc:
        raise ProjectError(_("There is no project file at “{path}”.").format(path=path)) from exc
    except OSError as exc:
        raise ProjectError(
            _("The project “{name}” cannot be read: {reason}.").format(
                name=path.name, reason=exc.strerror
            )
        ) from exc


def check_header(path: Path) -> None:
    """Refuse files that are not SQLite databases, or not Rejoinder projects."""
    header = read_header(path)
    if len(header) < 100 or not header.startswith(SQLITE_HEADER):
        raise NotAProjectError(
            _("“{name}” is not a Rejoinder project file.").format(name=path.name)
        )
    app_id = int.from_bytes(header[68:72], "big")
    if app_id != APPLICATION_ID:
        raise NotAProjectError(
            _("“{name}” is a database, but not a Rejoinder project; it was not opened.").format(
                name=path.name
            )
        )


def _first_problem(result: list[Any]) -> str:
    """One line from ``quick_check``'s answer (up to a hundred rows of several lines)."""
    lines = [
        line
        for row in result
        for line in str(row[0]).splitlines()
        if line.strip() and not line.startswith("***")  # "*** in database main ***"
    ]
    first = lines[0] if lines else "unknown damage"
    if len(first) > 160:
        first = first[:157] + "…"
    return first + (f" (and {len(lines) - 1} more problems)" if len(lines) > 1 else "")


def is_read_only(path: Path) -> bool:
    """The file, or its folder (where the journal goes), cannot or should not be written.

    A file without any write permission bit is read-only by the user's choice,
    also for root, who could write it anyway.
    """
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False
    if not mode & 0o222:
        return True
    return not (os.access(path, os.W_OK) and os.access(path.parent, os.W_OK))


def inspect_readonly(path: Path, *, read_only: bool = False) -> str:
    """Run the read-only checks; return the file's schema revision.

    An older file is backed up before its upgrade; a read-only older file, a
    file from a newer version and a file with no schema at all are refused.
    """
    try:
        conn = sqlite3.connect(ro_uri(path), uri=True)
    except sqlite3.Error as exc:
        raise ProjectError(
            _("The project “{name}” cannot be opened: {exc}.").format(name=path.name, exc=exc)
        ) from exc
    try:
        conn.execute("PRAGMA trusted_schema=OFF")
        try:
            result = conn.execute("PRAGMA quick_check").fetchall()
            revision = migrate.read_revision(conn) if result == [("ok",)] else None
        except sqlite3.DatabaseError as exc:
            raise CorruptProjectError(
                _("The project “{name}” is damaged ({reason}). Open a backup copy instead.").format(
                    name=path.name, reason=exc
                )
            ) from exc
        if result != [("ok",)]:
            raise CorruptProjectError(
                _(
                    "The project “{name}” is damaged and was not opened: {problem}. "
                    "Open a backup copy instead."
                ).format(name=path.name, problem=_first_problem(result))
            )
        if revision is None:
            raise NotAProjectError(
                _(
                    "“{name}” is marked as a Rejoinder project but holds none (it has no "
                    "schema); it was not opened and was left unchanged."
                ).format(name=path.name)
            )
        migrate.check_not_newer(revision)
        if revision != migrate.head_revision():
            if read_only:
                raise ReadOnlyProjectError(
                    _(
                        "“{name}” was saved by an older version of Rejoinder and must be "
                        "upgraded, but it is read-only. Make it writable, or open a copy."
                    ).format(name=path.name)
                )
            migrate.backup_before_upgrade(conn, path, paths().backups_dir)
        return revision
    finally:
        conn.close()


def head_schema() -> str:
    """The SQL that creates every table and index at the head revision, and stamps it."""
    return migrate.head_schema_file().read_text(encoding="utf-8")


def create_database(path: Path, first_rows: dict[str, dict[str, object]] | None = None) -> None:
    """A new project database at ``path``: our application id, the schema at head, the rows.

    One transaction: each statement in a transaction of its own would wait
    for the disk once per table (0.25 s here).
    """
    conn = sqlite3.connect(path)
    try:
        conn.execute(f"PRAGMA application_id={APPLICATION_ID}")
        conn.executescript(f"BEGIN;\n{head_schema()}")
        for table, row in (first_rows or {}).items():
            names = ", ".join(row)
            marks = ", ".join("?" for _ in row)
            conn.execute(f"INSERT INTO {table} ({names}) VALUES ({marks})", tuple(row.values()))
        conn.commit()
    finally:
        conn.close()


def _first_rows(identity: Identity, project: dict[str, str]) -> dict[str, dict[str, object]]:
    """Me as the first member and the project row, stamped as the store stamps new rows."""
    now = utcnow()
    rows: dict[str, dict[str, object]] = {
        "member": {
            "id": identity.member_id,
            "name": identity.name or "Me",
            "initials": identity.initials,
            "organisation": identity.organisation,
        },
        "project": {"id": new_id(), **project},
    }
    for row in rows.values():
        history: dict[str, list[tuple[str, str, str]]] = {}
        record_created(history, new_stamp(now, identity.member_id))
        row.update(
            created_at=now,
            updated_at=now,
            changed_by=identity.member_id,
            field_history=dump_history(history),
        )
    return rows


def create_project(
    path: Path,
    *,
    title: str,
    organisation: str,
    meeting: str = "",
    date: str = "",
    language: str = "en",
    identity: Identity | None = None,
) -> ProjectLock:
    """Write a new project file at ``path`` and return the lock on it, held.

    The file is built under a temporary name and renamed into place, so that
    ``path`` never holds half a project.
    """
    path = Path(path)
    if not title.strip():
        raise InvalidInputError(_("A project needs a title."))
    if os.path.lexists(path):
        raise ProjectError(_("“{path}” already exists; choose another name.").format(path=path))
    if not path.parent.is_dir():
        raise ProjectError(_("The folder “{path}” does not exist.").format(path=path.parent))
    identity = identity or local_identity()
    tmp = path.with_name(f".{path.name}.{new_id()[:8]}.creating")
    lock: ProjectLock | None = None
    try:
        project = {
            "title": title.strip(),
            "organisation": organisation.strip(),
            "meeting": meeting,
            "date": date,
            "language": language,
        }
        create_database(tmp, _first_rows(identity, project))
        lock = ProjectLock(tmp)  # keyed on the file, which keeps its identity when renamed
        lock.acquire()
        os.replace(tmp, path)
        lock.project = path
    except BaseException as exc:
        if lock is not None:
            lock.release()
        for leftover in (tmp, tmp.with_name(tmp.name + "-journal")):
            leftover.unlink(missing_ok=True)
        failure = writefailures.translate(exc, path, N_("the project was not created"))
        if failure is not None:
            raise failure from exc
        if isinstance(exc, OSError):
            raise ProjectError(
                _("The project could not be created: {reason}.").format(reason=exc.strerror or exc)
            ) from exc
        if isinstance(exc, sqlite3.Error):
            raise ProjectError(
                _("The project could not be created: {reason}.").format(reason=exc)
            ) from exc
        raise
    logger.info("created project %s", path)
    return lock
