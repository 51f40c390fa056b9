"""The project file: one SQLite database per project, opened safely.

Opening checks the file before writing anything to it (header, application
id, ``quick_check``, schema revision: see :mod:`app.core.projectfile`), so
that a foreign file, a damaged file or a file from a newer version is refused
and left byte-for-byte untouched.

Projects live in synced folders (OneDrive, Dropbox, SMB), which copy the
main file alone. So the database uses a rollback journal
(``journal_mode=DELETE``), never WAL: after every commit the project file by
itself is complete and consistent, and the journal exists only during a
write (the cost is measured in ``bench/journal_modes.py``). With
``synchronous=FULL`` every commit is durable the moment it returns, and a
killed process leaves a hot journal SQLite rolls back on the next open.

Before every write :class:`~app.core.diskguard.DiskGuard` checks that the
file at the project's path is still the one we opened, as our last commit
left it; when a sync client or a colleague replaced or changed it, nothing is
written over it: our version is kept beside it and
:class:`~app.core.errors.ProjectReplacedError` tells the user to merge.
A read-only file opens for reading; writes to it are refused.
"""

from __future__ import annotations

import contextlib
import logging
import sqlite3
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, cast

from sqlalchemy import Engine, create_engine, event, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import QueuePool

from app.core import journal, migrate, writefailures
from app.core.config import Identity, local_identity
from app.core.diskguard import DiskGuard, keep_my_copy, replaced_message
from app.core.errors import (
    ProjectError,
    ProjectReplacedError,
)
from app.core.i18n import _
from app.core.live import get_any  # its session event hides deleted rows from every read
from app.core.locking import ProjectLock
from app.core.models import Member, Project, new_id
from app.core.projectfile import check_header as check_header
from app.core.projectfile import (
    create_database,
    create_project,
    inspect_readonly,
    is_read_only,
    ro_uri,
)
from app.core.rowstamps import stamp_changes
from app.core.sharedfolder import MERGE_ADVICE
from app.core.writegroup import WriteGroup

logger = logging.getLogger(__name__)

SUFFIX = ".rejoinder"


def init_database(path: Path) -> Engine:
    """A new, empty project database at ``path``: our application id, the schema at head.

    Used for new projects and for ``load``; the caller fills it and disposes of
    the engine before renaming the file into place.
    """
    create_database(path)
    return create_engine("sqlite://", creator=lambda: sqlite3.connect(str(path)))


def _on_connect(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA trusted_schema=OFF")
    cur.execute("PRAGMA busy_timeout=5000")
    cur.execute("PRAGMA synchronous=FULL")
    cur.close()


class ProjectStore:
    """An open project. Use :meth:`create` or :meth:`open`; close with :meth:`close`."""

    def __init__(
        self, path: Path, lock: ProjectLock, identity: Identity, *, read_only: bool = False
    ) -> None:
        self.path = path
        self.location = str(path)
        self._lock: ProjectLock | None = lock
        if read_only:
            uri = ro_uri(path)
            creator = lambda: sqlite3.connect(uri, uri=True, check_same_thread=False)  # noqa: E731
        else:
            creator = lambda: sqlite3.connect(str(path), check_same_thread=False)  # noqa: E731
        # QueuePool, not the SingletonThreadPool that SQLAlchemy picks for a "sqlite://"
        # URL: that one keeps a connection per thread state, and a Qt pool thread gets a
        # new thread state for every task, so its sixth connection made it close another
        # thread's connection while it was in use (a crash under background work).
        engine = create_engine("sqlite://", creator=creator, poolclass=QueuePool)
        event.listen(engine, "connect", _on_connect)
        self._attach(engine, identity, read_only=read_only)

    def _attach(self, engine: Engine, identity: Identity, *, read_only: bool) -> None:
        """What every home shares: the engine, its sessions, who I am, the write lock."""
        self.identity = identity
        self.member_id = identity.member_id
        self.read_only = read_only
        self.engine: Engine = engine
        self.client_id = new_id()  # this open project, among a team server's announcements
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        self._write_lock = threading.RLock()
        self._local = threading.local()
        self._closed = False
        self._guard: DiskGuard | None = None
        self._my_copy: Path | None = None

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
        lock = create_project(
            path,
            title=title,
            organisation=organisation,
            meeting=meeting,
            date=date,
            language=language,
            identity=identity,
        )
        store = cls(path, lock, identity or local_identity())
        store._start()
        return store

    @classmethod
    def open(cls, path: Path, identity: Identity | None = None) -> ProjectStore:
        path = Path(path)
        check_header(path)
        lock = ProjectLock(path)
        lock.acquire()
        try:
            read_only = is_read_only(path)
            revision = inspect_readonly(path, read_only=read_only)
            store = cls(path, lock, identity or local_identity(), read_only=read_only)
        except BaseException:
            lock.release()
            raise
        try:
            if revision != migrate.head_revision():
                with store.engine.begin() as connection:
                    migrate.upgrade(connection)
            store._start()
            if not read_only:
                store._ensure_member()
        except BaseException as exc:
            store.close()
            failure = writefailures.translate(exc, path)
            if failure is not None:
                raise failure from exc
            raise
        return store

    def _start(self) -> None:
        if not self.read_only:
            # A file last written in WAL mode (older versions, a crash) becomes one file again.
            with self.engine.connect() as conn:
                conn.exec_driver_sql("PRAGMA journal_mode=DELETE")
            self._remove_stale_journal()
        self._guard = DiskGuard(self.path)

    def _remove_stale_journal(self) -> None:
        """A journal a killed writer left before it was complete (not "hot") would stay.

        Taking the exclusive lock makes SQLite roll back a hot journal first;
        while we hold it no one else is writing, so whatever journal is left
        is stale and goes: nothing but the project file outlives a close.
        """
        journal = self.path.with_name(self.path.name + "-journal")
        if not journal.exists():
            return
        with self.engine.connect() as conn:
            raw = cast(sqlite3.Connection, conn.connection.dbapi_connection)
            raw.execute("BEGIN EXCLUSIVE")
            try:
                with contextlib.suppress(OSError):
                    journal.unlink()
            finally:
                raw.execute("COMMIT")

    def changed_on_disk(self) -> str | None:
        """A warning when another program changed the project file while it was open.

        Read-only: nothing is saved; the next write (or :meth:`check_on_disk`)
        keeps our version beside the file and raises.
        """
        reason = self._guard.changed() if self._guard is not None else None
        if reason is None:
            return None
        return _(
            "The project file “{name}” was {reason} (by a sync service or a colleague) "
            "while it was open. {advice}"
        ).format(name=self.path.name, reason=_(reason), advice=_(MERGE_ADVICE))

    def check_on_disk(self) -> None:
        """Raise :class:`ProjectReplacedError` when the file is no longer the one we left.

        Our version is then kept beside it, once, from our still-open
        connection (which reads the file we opened, whatever now has its name).
        """
        reason = self._guard.changed() if self._guard is not None else None
        if reason is None:
            return
        failure = ""
        if self._my_copy is None:
            try:
                with self.engine.connect() as conn:
                    raw = cast(sqlite3.Connection, conn.connection.dbapi_connection)
                    self._my_copy = keep_my_copy(raw, self.path)
            except (OSError, sqlite3.Error) as exc:
                failure = str(writefailures.translate(exc, self.path) or exc)
        raise ProjectReplacedError(
            replaced_message(self.path, reason, self._my_copy, failure),
            str(self.path),
            str(self._my_copy) if self._my_copy is not None else None,
        )

    def _ensure_member(self) -> None:
        """Make sure I am a member of this project, under the name I now go by."""
        with self.write(record=False) as session:
            member = get_any(session, Member, self.member_id)
            if member is None:
                session.add(_member_row(self.identity))
                return
            wanted = _member_row(self.identity)
            for field in ("name", "initials", "organisation"):
                if getattr(wanted, field) and getattr(member, field) != getattr(wanted, field):
                    setattr(member, field, getattr(wanted, field))

    def close(self) -> None:
        """Close the connections and release the lock: the file alone is the project."""
        if self._closed:
            return
        self._closed = True
        try:
            self.engine.dispose()
        finally:
            if self._guard is not None:
                self._guard.close()
            if self._lock is not None:
                self._lock.release()

    @property
    def closed(self) -> bool:
        """True once :meth:`close` ran (background work checks it before it starts)."""
        return self._closed

    def __enter__(self) -> ProjectStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- sessions ---------------------------------------------------------------

    def session(self) -> Session:
        """A short read session; the caller closes it (``with store.session() as s``)."""
        grouped: WriteGroup | None = getattr(self._local, "group", None)
        if grouped is not None:
            # Inside a group a session of its own would share this thread's one
            # connection and roll the group back when closed; it reads the
            # group's transaction instead, and leaves it alone.
            session = Session(bind=grouped.session.connection(), expire_on_commit=False)
        else:
            session = self._sessions()
        session.info["member_id"] = self.member_id
        return session

    def before_write(self) -> None:
        """Refuse a write to a read-only, closed, replaced or changed project file.

        Called at the start of :meth:`write` and before any other write path.
        """
        if self._closed:
            raise ProjectError(_("The project “{name}” is closed.").format(name=self.path.name))
        if self.read_only:
            raise writefailures.read_only_error(self.path)
        self.check_on_disk()

    @contextlib.contextmanager
    def write(
        self, label: str = "Edit", *, record: bool = True, typing: bool = False
    ) -> Iterator[Session]:
        """One transaction, committed on success: every user edit is saved at once.

        ``label`` names the operation in the journal (``app.core.journal``),
        which records what the transaction changed so that it can be undone;
        ``record=False`` is for undo and redo themselves; ``typing=True`` lets
        consecutive saves of one text be one step (see
        :func:`~app.core.journal.recorder.write_entries`). A write opened inside
        another on the same thread joins the outer transaction.
        """
        outer: Session | None = getattr(self._local, "session", None)
        if outer is not None:  # a write inside a write joins it: one operation, one entry
            yield outer
            return
        grouped: WriteGroup | None = getattr(self._local, "group", None)
        if grouped is not None:
            with grouped.write(label, record=record, typing=typing) as session:
                yield session
            return
        with self._write_lock, self.session() as session:
            self.before_write()
            event.listen(session, "before_flush", stamp_changes)
            recorder = (
                journal.Recorder(session, label, self.member_id, typing=typing) if record else None
            )
            self._local.session = session
            try:
                with session.begin():
                    committed = self._write_began(session)
                    yield session
                    op_changes = recorder.finish() if recorder is not None else None
                    if op_changes is not None:
                        self.announce(session, op_changes)
            except (SQLAlchemyError, sqlite3.Error, OSError) as exc:
                failure = self._write_failure(exc)
                if failure is None:
                    raise
                raise failure from exc
            finally:
                self._local.session = None
            committed()
            if op_changes is not None:
                journal.published(op_changes)

    @contextlib.contextmanager
    def group(self) -> Iterator[None]:
        """The writes made inside share one transaction, committed when the block ends.

        ``rejoinder batch`` runs its lines in groups this way: one commit (and
        its fsyncs) for many operations instead of one each. Each write inside
        is still one operation with its own journal entry, exactly as if it had
        run alone, and a write that fails is rolled back alone (a savepoint):
        the writes before it stay, and are committed with the group. Nothing
        of the group is on disk before the block ends, so the caller tells its
        user an edit is saved only after that. Reads through :meth:`session`
        do not see the group's writes until then.
        """
        if getattr(self._local, "group", None) is not None or getattr(self._local, "session", None):
            yield
            return
        with self._write_lock, self.session() as session:
            self.before_write()
            event.listen(session, "before_flush", stamp_changes)
            grouped = WriteGroup(
                session, self.member_id, self._local, self._operation_failure, self.announce
            )
            self._local.group = grouped
            try:
                with session.begin():
                    committed = self._group_began(session)
                    yield
                    grouped.write_entries()
            except (SQLAlchemyError, sqlite3.Error, OSError) as exc:
                failure = self._write_failure(exc)
                if failure is None:
                    raise
                raise failure from exc
            finally:
                self._local.group = None
            committed()
            for op_changes in grouped.done:
                journal.published(op_changes)
            # Replaced while the group ran: what it committed went to the file we
            # opened, which is kept beside the new one now, not when the next write
            # comes (there may be none).
            self.check_on_disk()

    def _write_began(self, session: Session) -> Callable[[], None]:
        """Called as a write begins; what it returns is called once the write is committed.

        For a file: tell the disk guard whether our commit changed the file.
        """
        raw = cast(sqlite3.Connection, session.connection().connection.dbapi_connection)
        changes = raw.total_changes

        def committed() -> None:
            if self._guard is not None:
                self._guard.committed(raw.total_changes != changes)

        return committed

    def announce(self, session: Session, changes: journal.Changes) -> None:
        """Tell the others what this write changed, when it commits: a file has no others."""

    def save_response_text(
        self, passage_id: str, text: str, base_version: int | None, *, typing: bool = False
    ) -> tuple[str, int, str | None] | None:
        """A lean save of a response's text where the home has one; None: use :meth:`write`.

        A team server saves a text in two statements instead of an ORM
        transaction (:mod:`app.core.server.quicksave`); it returns the
        response's id, its version, and the id of the conflict it kept
        instead of writing when ``base_version`` was no longer the row's
        (``typing`` as for :meth:`write`). A file has no such path: its
        writes are local and not contended.
        """
        return None

    def _write_failure(self, exc: BaseException) -> Exception | None:
        """The typed error a user should see for a failed write, or None for a bug."""
        if writefailures.is_moved(exc):
            self.check_on_disk()
        return self._operation_failure(exc)

    def _operation_failure(self, exc: BaseException) -> Exception | None:
        """:meth:`_write_failure` for one operation of a group, which goes on after it."""
        return writefailures.translate(exc, self.path)

    def _group_began(self, session: Session) -> Callable[[], None]:
        """:meth:`_write_began` for a group, whose savepoints need a transaction begun.

        The sqlite3 module starts a transaction only at the first INSERT; a
        SAVEPOINT before it would start (and its RELEASE commit) one of its own.
        """
        raw = cast(sqlite3.Connection, session.connection().connection.dbapi_connection)
        if not raw.in_transaction:
            raw.execute("BEGIN")
        return self._write_began(session)

    def project(self) -> Project:
        with self.session() as session:
            project = session.scalars(select(Project)).one()
            session.expunge(project)
            return project

    def save_copy(self, target: Path) -> None:
        """A consistent copy of the open project (SQLite's backup API), through ``outputs``.

        The copy is read through our own connection: after a sync client
        replaced the file, that is still our version, not the file now at our path.
        """
        from app.core import outputs

        with outputs.atomic_path(target, outputs.PROJECT, protect=(self.path,)) as tmp:
            try:
                with self._write_lock, self.engine.connect() as conn:
                    src = cast(sqlite3.Connection, conn.connection.dbapi_connection)
                    dst = sqlite3.connect(str(tmp))
                    try:
                        src.backup(dst)
                        dst.execute("PRAGMA journal_mode=DELETE")
                    finally:
                        dst.close()
            except sqlite3.Error as exc:
                failure = writefailures.translate(exc, Path(target))
                raise ProjectError(
                    _("The copy could not be saved to “{target}”: {reason}").format(
                        target=target, reason=failure or exc
                    )
                ) from exc


def _member_row(identity: Identity) -> Member:
    return Member(
        id=identity.member_id,
        name=identity.name or "Me",
        initials=identity.initials,
        organisation=identity.organisation,
        changed_by=identity.member_id,
    )
