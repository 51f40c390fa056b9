"""The project file: one SQLite database per project, opened safely.

Opening checks the file before writing anything to it (header, application
id, ``quick_check``, schema revision), so that a foreign file, a damaged file
or a file from a newer version is refused and left byte-for-byte untouched.
While open the database is in WAL mode with ``synchronous=FULL``: every
commit is durable the moment it returns, and a killed process leaves a file
SQLite recovers on the next open. Closing checkpoints the WAL and returns to
a rollback journal, so that the project is again one complete file that can
be mailed or copied.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.request import pathname2url

from sqlalchemy import Engine, create_engine, event, inspect, select
from sqlalchemy.orm import Session, sessionmaker

from app.core import migrate
from app.core.config import Identity, local_identity, paths
from app.core.errors import (
    CorruptProjectError,
    InvalidInputError,
    NotAProjectError,
    ProjectError,
)
from app.core.locking import ProjectLock
from app.core.models import APPLICATION_ID, Member, Project, Tracked, new_id, utcnow
from app.core.sharedfolder import FileWatch
from app.core.stamps import (
    dump_history,
    load_history,
    new_stamp,
    record_change,
    record_created,
)

SQLITE_HEADER = b"SQLite format 3\x00"
SUFFIX = ".rejoinder"


def _ro_uri(path: Path) -> str:
    return "file:" + pathname2url(str(path.resolve())) + "?mode=ro"


def read_header(path: Path) -> bytes:
    try:
        with open(path, "rb") as fh:
            return fh.read(100)
    except FileNotFoundError as exc:
        raise ProjectError(f"There is no project file at “{path}”.") from exc
    except OSError as exc:
        raise ProjectError(f"The project “{path.name}” cannot be read: {exc.strerror}.") from exc


def check_header(path: Path) -> None:
    """Refuse files that are not SQLite databases, or not Rejoinder projects."""
    header = read_header(path)
    if len(header) < 100 or not header.startswith(SQLITE_HEADER):
        raise NotAProjectError(f"“{path.name}” is not a Rejoinder project file.")
    app_id = int.from_bytes(header[68:72], "big")
    if app_id != APPLICATION_ID:
        raise NotAProjectError(
            f"“{path.name}” is a database, but not a Rejoinder project; it was not opened."
        )


def inspect_readonly(path: Path) -> str | None:
    """Run the read-only checks; return the file's schema revision."""
    try:
        conn = sqlite3.connect(_ro_uri(path), uri=True)
    except sqlite3.Error as exc:
        raise ProjectError(f"The project “{path.name}” cannot be opened: {exc}.") from exc
    try:
        conn.execute("PRAGMA trusted_schema=OFF")
        try:
            result = conn.execute("PRAGMA quick_check").fetchall()
        except sqlite3.DatabaseError as exc:
            raise CorruptProjectError(
                f"The project “{path.name}” is damaged ({exc}). Open a backup copy instead."
            ) from exc
        if result != [("ok",)]:
            raise CorruptProjectError(
                f"The project “{path.name}” is damaged and was not opened: {result[0][0]}. "
                "Open a backup copy instead."
            )
        revision = migrate.read_revision(conn)
        migrate.check_not_newer(revision)
        if revision is not None and revision != migrate.head_revision():
            migrate.backup_before_upgrade(conn, path, paths().backups_dir)
        return revision
    finally:
        conn.close()


def init_database(path: Path) -> Engine:
    """A new, empty project database at ``path``: our application id, the schema at head.

    Used for new projects and for ``load``; the caller fills it and disposes of
    the engine before renaming the file into place.
    """
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA application_id={APPLICATION_ID}")
    conn.commit()
    conn.close()
    engine = create_engine("sqlite://", creator=lambda: sqlite3.connect(str(path)))
    with engine.begin() as connection:
        migrate.upgrade(connection)
    return engine


def _on_connect(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA trusted_schema=OFF")
    cur.execute("PRAGMA busy_timeout=5000")
    cur.execute("PRAGMA synchronous=FULL")
    cur.close()


_UNSTAMPED = frozenset({"id", "created_at", "updated_at", "changed_by", "field_history"})


def _stamp_changes(session: Session, _ctx: Any, _instances: Any) -> None:
    """Every new or changed row records when and by whom, and stamps each changed field.

    The per-field stamps are what ``app.core.merge`` compares to tell a change
    made in one copy from changes made in both (see ``app.core.stamps``).
    """
    member_id = session.info.get("member_id")
    now = utcnow()
    for obj in session.new:
        if isinstance(obj, Tracked):
            obj.created_at = obj.created_at or now
            obj.updated_at = now
            obj.changed_by = obj.changed_by or member_id
            history = load_history(obj.field_history)
            record_created(history, new_stamp(now, obj.changed_by))
            obj.field_history = dump_history(history)
    for obj in session.dirty:
        if isinstance(obj, Tracked) and session.is_modified(obj):
            state = inspect(obj)
            changed = [
                attr.key
                for attr in state.mapper.column_attrs
                if attr.key not in _UNSTAMPED and state.attrs[attr.key].history.has_changes()
            ]
            if changed:
                history = load_history(obj.field_history)
                record_change(history, changed, new_stamp(now, member_id))
                obj.field_history = dump_history(history)
            obj.updated_at = now
            obj.changed_by = member_id


class ProjectStore:
    """An open project. Use :meth:`create` or :meth:`open`; close with :meth:`close`."""

    def __init__(self, path: Path, lock: ProjectLock, identity: Identity) -> None:
        self.path = path
        self._lock = lock
        self.identity = identity
        self.member_id = identity.member_id
        self.engine: Engine = create_engine(
            "sqlite://",
            creator=lambda: sqlite3.connect(str(path), check_same_thread=False),
        )
        event.listen(self.engine, "connect", _on_connect)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        self._write_lock = threading.RLock()
        self._closed = False
        self._watch: FileWatch | None = None

    # -- opening and closing -------------------------------------------------

    @classmethod
    def create(
        cls,
        path: Path,
        *,
        title: str,
        organisation: str,
        meeting: str = "",
        date: str = "",
        language: str = "en",
        identity: Identity | None = None,
    ) -> ProjectStore:
        path = Path(path)
        if not title.strip():
            raise InvalidInputError("A project needs a title.")
        if path.exists():
            raise ProjectError(f"“{path}” already exists; choose another name.")
        if not path.parent.is_dir():
            raise ProjectError(f"The folder “{path.parent}” does not exist.")
        identity = identity or local_identity()
        lock = ProjectLock(path)
        lock.acquire()
        tmp = path.with_name(f".{path.name}.{new_id()[:8]}.creating")
        try:
            engine = init_database(tmp)
            with Session(engine) as session, session.begin():
                member = _member_row(identity)
                session.add(member)
                session.add(
                    Project(
                        title=title.strip(),
                        organisation=organisation.strip(),
                        meeting=meeting,
                        date=date,
                        language=language,
                        changed_by=identity.member_id,
                    )
                )
            engine.dispose()
            os.replace(tmp, path)
        except OSError as exc:
            lock.release()
            tmp.unlink(missing_ok=True)
            raise ProjectError(f"The project could not be created: {exc.strerror or exc}.") from exc
        except BaseException:
            lock.release()
            tmp.unlink(missing_ok=True)
            raise
        store = cls(path, lock, identity)
        store._start()
        return store

    @classmethod
    def open(cls, path: Path, identity: Identity | None = None) -> ProjectStore:
        path = Path(path)
        check_header(path)
        lock = ProjectLock(path)
        lock.acquire()
        try:
            revision = inspect_readonly(path)
            store = cls(path, lock, identity or local_identity())
            if revision != migrate.head_revision():
                with store.engine.begin() as connection:
                    migrate.upgrade(connection)
            store._start()
            store._ensure_member()
        except BaseException:
            lock.release()
            raise
        return store

    def _start(self) -> None:
        with self.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA journal_mode=WAL")
        self._watch = FileWatch(self.path)

    def changed_on_disk(self) -> str | None:
        """A warning when another program changed the project file while it was open.

        A sync client or a colleague on a shared folder writing the same file
        is how SQLite projects lose work; the GUI asks this when it regains
        focus and points the user to merging copies instead.
        """
        return self._watch.warning() if self._watch is not None else None

    def _ensure_member(self) -> None:
        """Make sure I am a member of this project, under the name I now go by."""
        with self.write() as session:
            member = session.get(Member, self.member_id)
            if member is None:
                session.add(_member_row(self.identity))
                return
            wanted = _member_row(self.identity)
            for field in ("name", "initials", "organisation"):
                if getattr(wanted, field) and getattr(member, field) != getattr(wanted, field):
                    setattr(member, field, getattr(wanted, field))

    def close(self) -> None:
        """Checkpoint, leave WAL mode (one complete file again) and release the lock."""
        if self._closed:
            return
        self._closed = True
        try:
            self.engine.dispose()
            conn = sqlite3.connect(str(self.path))
            try:
                conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                conn.execute("PRAGMA journal_mode=DELETE")
            finally:
                conn.close()
        except sqlite3.Error:
            pass
        finally:
            self._lock.release()

    def __enter__(self) -> ProjectStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- sessions ---------------------------------------------------------------

    def session(self) -> Session:
        """A short read session; the caller closes it (``with store.session() as s``)."""
        session = self._sessions()
        session.info["member_id"] = self.member_id
        return session

    @contextlib.contextmanager
    def write(self) -> Iterator[Session]:
        """One transaction, committed on success: every user edit is saved at once."""
        with self._write_lock, self.session() as session:
            event.listen(session, "before_flush", _stamp_changes)
            with session.begin():
                yield session
            if self._watch is not None:  # our own commit (and checkpoint) is not "behind our back"
                self._watch.remember()

    def project(self) -> Project:
        with self.session() as session:
            project = session.scalars(select(Project)).one()
            session.expunge(project)
            return project

    def save_copy(self, target: Path) -> None:
        """A consistent copy of the open project (SQLite's backup API), through ``outputs``."""
        from app.core import outputs

        with outputs.atomic_path(target, outputs.PROJECT, protect=(self.path,)) as tmp:
            try:
                src = sqlite3.connect(str(self.path))
                dst = sqlite3.connect(str(tmp))
                try:
                    src.backup(dst)
                    dst.execute("PRAGMA journal_mode=DELETE")
                finally:
                    dst.close()
                    src.close()
            except sqlite3.Error as exc:
                raise ProjectError(f"The copy could not be saved to “{target}”: {exc}.") from exc


def _member_row(identity: Identity) -> Member:
    return Member(
        id=identity.member_id,
        name=identity.name or "Me",
        initials=identity.initials,
        organisation=identity.organisation,
        changed_by=identity.member_id,
    )
