"""The open transaction of :meth:`ProjectStore.group <app.core.store.ProjectStore.group>`.

``rejoinder batch`` runs many operations in one transaction (one commit and
its fsyncs instead of one each). Each operation inside still gets its own
savepoint and its own journal entry, exactly as if it had run alone; this
class keeps them until the group commits. It knows the store only through
what it is handed, so that the store's module stays about opening and
writing one project.
"""

from __future__ import annotations

import contextlib
import logging
import sqlite3
import threading
from collections.abc import Callable, Iterator

from sqlalchemy import event
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from app.core import journal

logger = logging.getLogger(__name__)


class WriteGroup:
    """A group's session, the operations done in it, and their journal entries."""

    def __init__(
        self,
        session: Session,
        member_id: str,
        local: threading.local,
        failure: Callable[[BaseException], Exception | None],
        announce: Callable[[Session, journal.Changes], None],
    ) -> None:
        """``local.session`` is set while an operation runs (a write inside it joins);
        ``failure`` turns a failed operation's error into the one its user sees (None: a
        bug); ``announce`` tells the others what an operation changed."""
        self.session = session
        self.done: list[journal.Changes] = []
        self._member_id = member_id
        self._local = local
        self._failure = failure
        self._announce = announce
        self._pending: list[journal.Pending] = []
        # The session forgets a row nobody refers to; the group's lines read the
        # same source, version and section again and again, so it keeps them.
        self._rows: list[object] = []
        event.listen(session, "loaded_as_persistent", self._keep)
        event.listen(session, "pending_to_persistent", self._keep)

    def _keep(self, _session: Session, instance: object) -> None:
        self._rows.append(instance)

    @contextlib.contextmanager
    def write(self, label: str, *, record: bool, typing: bool = False) -> Iterator[Session]:
        """One operation inside the group: a savepoint and, when recorded, a journal entry."""
        session = self.session
        recorder = (
            journal.Recorder(session, label, self._member_id, typing=typing) if record else None
        )
        self._local.session = session
        try:
            with session.begin_nested():
                yield session
                pending = recorder.capture() if recorder is not None else None
        except (SQLAlchemyError, sqlite3.Error, OSError) as exc:
            if recorder is not None:
                recorder.detach()
            failure = self._failure(exc)
            if failure is None:
                raise
            raise failure from exc
        except BaseException:
            if recorder is not None:
                recorder.detach()
            raise
        finally:
            self._local.session = None
        if pending is not None:
            self._pending.append(pending)

    def write_entries(self) -> None:
        """The journal entries of the group's operations, before it commits."""
        if self._pending:
            self.done = journal.write_entries(self.session.connection(), self._pending)
            for changes in self.done:
                self._announce(self.session, changes)
