"""A project on a team server, opened like a project file.

:class:`ServerStore` is a :class:`~app.core.store.ProjectStore` whose engine
talks to PostgreSQL: sessions, writes, the journal and every service work
unchanged. What only a file needs is left out: no lock file (the server
serialises writers), no disk guard against sync clients, no WAL or pragma,
no backup before an upgrade (the upgrade is one transaction there). "Save a
copy" becomes a checkout: a new project file holding the server's rows.

A write that fails because the connection broke raises
:class:`~app.core.errors.ConnectionLostError`; the server rolled the
transaction back, so nothing of it is saved, and the next operation
reconnects.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError, SQLAlchemyError
from sqlalchemy.orm import Session

from app.core import journal, migrate
from app.core.config import Identity, local_identity
from app.core.errors import NotAProjectError, ProjectError
from app.core.i18n import _
from app.core.journal import Changes
from app.core.journal.recorder import TRIM_EVERY, trim
from app.core.server import members, notify, quicksave, schema, team, transfer
from app.core.server.address import ServerAddress
from app.core.server.connect import make_engine, translate
from app.core.store import SUFFIX, ProjectStore

logger = logging.getLogger(__name__)


class ServerStore(ProjectStore):
    """An open project on a server. Use :meth:`open`; close with :meth:`close`."""

    def __init__(self, address: ServerAddress, engine: Engine, identity: Identity) -> None:
        self.address = address
        # Named after the database: backups and messages that name a project file use it.
        self.path = Path(address.database + SUFFIX)
        self.location = address.url()
        self._lock = None
        self.role: str | None = None  # reader, drafter or coordinator (app.core.server.team)
        self._attach(engine, identity, read_only=False)

    @classmethod
    def open(cls, url: Path | str, identity: Identity | None = None) -> ServerStore:
        address = ServerAddress.parse(str(url))
        engine = make_engine(address)
        try:
            with engine.begin() as connection:
                revision = schema.read_revision(connection)
                if revision is None:
                    raise NotAProjectError(
                        _(
                            "The database “{database}” on {where} holds no Rejoinder project; "
                            "publish one into it first (rejoinder publish FILE URL)."
                        ).format(database=address.database, where=f"{address.host}:{address.port}")
                    )
                schema.check_not_newer(revision, address)
                if revision != migrate.head_revision():
                    schema.upgrade(connection)
            store = cls(address, engine, identity or local_identity())
            store.role = members.adopt_login(store, address.url())
        except BaseException as exc:
            engine.dispose()
            failure = translate(exc, address) or members.refused_at_open(exc, address)
            if failure is not None:
                raise failure from exc
            raise
        try:
            store._ensure_member()
        except BaseException:
            store.close()
            raise
        logger.info("opened %s", address)
        return store

    def _write_began(self, session: Session) -> Callable[[], None]:
        return _nothing

    def _group_began(self, session: Session) -> Callable[[], None]:
        return _nothing

    def _ensure_member(self) -> None:
        """A login's member is the one a coordinator mapped it to, named as they named it."""
        if self.role is None:
            super()._ensure_member()

    def announce(self, session: Session, changes: Changes) -> None:
        notify.announce(session, changes, self.client_id, self.member_id)

    def save_response_text(
        self, passage_id: str, text: str, base_version: int | None, *, typing: bool = False
    ) -> tuple[str, int, str | None] | None:
        """:func:`app.core.server.quicksave.save_text`, outside any write or group of this thread.

        Each of its two statements is a transaction of its own (autocommit),
        so no BEGIN or COMMIT travels; the journal is trimmed afterwards, once
        every :data:`~app.core.journal.recorder.TRIM_EVERY` entries.
        """
        if getattr(self._local, "session", None) or getattr(self._local, "group", None):
            return None
        with self._write_lock:
            self.before_write()
            try:
                with self.engine.connect().execution_options(
                    isolation_level="AUTOCOMMIT"
                ) as connection:
                    saved = quicksave.save_text(
                        connection, self, passage_id, text, base_version, typing=typing
                    )
            except (SQLAlchemyError, OSError) as exc:
                failure = self._write_failure(exc)
                if failure is None:
                    raise
                raise failure from exc
            if saved is None:
                return None
            if not saved.joined and saved.seq % TRIM_EVERY == 0:
                self._trim()
        journal.published(saved.changes)
        return saved.response_id, saved.version, saved.conflict_id

    def _trim(self) -> None:
        """The journal's trim after a committed save: a failure here is not the save's."""
        try:
            with self.engine.begin() as connection:
                trim(connection)
        except SQLAlchemyError as exc:
            logger.warning("the journal was not trimmed this time: %s", exc)

    def _write_failure(self, exc: BaseException) -> Exception | None:
        return self._operation_failure(exc)

    def _operation_failure(self, exc: BaseException) -> Exception | None:
        return team.refusal(exc, self.role) or translate(exc, self.address)

    def changed_on_disk(self) -> str | None:
        return None

    def check_on_disk(self) -> None:
        return None

    def before_write(self) -> None:
        if self._closed:
            raise ProjectError(_("The project {address} is closed.").format(address=self.address))

    def save_copy(self, target: Path) -> None:
        """A new project file with the server's rows (a checkout), read in one snapshot."""
        try:
            with self._write_lock, self.engine.connect() as connection:
                snapshot = connection.execution_options(isolation_level="REPEATABLE READ")
                with snapshot.begin():
                    transfer.copy_to_file(snapshot, Path(target))
        except DBAPIError as exc:
            raise translate(exc, self.address) or exc from exc


def _nothing() -> None:
    return None
