"""Other members' changes, announced by the server the moment they are committed.

Every write on a team server ends with ``pg_notify`` in its own transaction,
so PostgreSQL delivers the announcement exactly when (and only if) the write
commits. It carries what the write changed (the journal's
:class:`~app.core.journal.Changes`: per table the ids), so an open window
updates the rows named and nothing else. An announcement too large for
PostgreSQL's 8000-byte payload (a merge, an import) says only "much changed"
and the window refreshes every view once.

A :class:`Listener` holds one connection of the project's engine in
``LISTEN`` and hands each announcement to a callback; the GUI runs it on a
thread of its own (:mod:`app.gui.team`). Announcements of the listener's own
client (same ``client_id``) are left out: that window already knows.
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from app.core.journal import Changes

logger = logging.getLogger(__name__)

CHANNEL = "rejoinder_changes"
MAX_PAYLOAD = 7000  # bytes; PostgreSQL refuses more than 8000
_EVERYTHING = "*"


@dataclass(frozen=True)
class Announcement:
    """A change another client committed: who, and what (``everything`` when too much to name)."""

    client_id: str
    member_id: str | None
    changes: Changes
    everything: bool = False


def payload(changes: Changes, client_id: str, member_id: str | None) -> str:
    body: dict[str, Any] = {
        "c": client_id,
        "m": member_id,
        "l": changes.label,
        "e": changes.entry_id,
        "ids": {table: sorted(ids) for table, ids in changes.ids.items() if ids},
    }
    encoded = json.dumps(body, separators=(",", ":"), ensure_ascii=False)
    if len(encoded.encode("utf-8")) <= MAX_PAYLOAD:
        return encoded
    body["ids"] = {table: [_EVERYTHING] for table in body["ids"]}
    return json.dumps(body, separators=(",", ":"), ensure_ascii=False)


def decode(raw: str) -> Announcement | None:
    try:
        body = json.loads(raw)
        ids = {str(t): frozenset(str(i) for i in v) for t, v in dict(body["ids"]).items()}
        everything = any(_EVERYTHING in v for v in ids.values())
        changes = Changes(str(body.get("l") or ""), body.get("e"), ids)
        return Announcement(str(body["c"]), body.get("m"), changes, everything)
    except (ValueError, KeyError, TypeError, AttributeError):
        logger.warning("an announcement that is not ours: %.200s", raw)
        return None


def announce(session: Session, changes: Changes, client_id: str, member_id: str | None) -> None:
    """Announce ``changes`` when the session's transaction commits (nothing on a file).

    The ``NOTIFY`` waits on the connection and goes to the server with the
    ``COMMIT`` itself, in one round trip (:func:`commit_with_notifies`): a
    member's save pays for no statement of its own to tell the others.
    """
    if not changes or session.get_bind().dialect.name != "postgresql":
        return
    pending = session.connection().connection.info.setdefault(_PENDING, [])
    pending.append(payload(changes, client_id, member_id))


_PENDING = "rejoinder_notifies"  # on a pooled connection: payloads waiting for the commit


def commit_with_notifies(engine: Engine) -> None:
    """Make ``engine`` send a transaction's pending announcements with its ``COMMIT``.

    PostgreSQL runs ``NOTIFY …; COMMIT`` sent as one simple query in order:
    the announcements are delivered exactly when the commit succeeds. A
    rollback drops them. (psycopg skips its own ``COMMIT`` afterwards, the
    transaction being over.)
    """
    dialect = engine.dialect
    plain_commit, plain_rollback = dialect.do_commit, dialect.do_rollback

    def do_commit(dbapi_connection: Any) -> None:
        pending = _info(dbapi_connection).pop(_PENDING, None)
        if not pending:
            plain_commit(dbapi_connection)
            return
        from psycopg import sql

        raw = dbapi_connection.driver_connection
        statements = [
            sql.SQL("NOTIFY {}, {}").format(sql.Identifier(CHANNEL), sql.Literal(body))
            for body in pending
        ]
        raw.execute(sql.SQL("; ").join([*statements, sql.SQL("COMMIT")]), prepare=False)
        plain_commit(dbapi_connection)  # nothing left to commit: psycopg sends nothing

    def do_rollback(dbapi_connection: Any) -> None:
        _info(dbapi_connection).pop(_PENDING, None)
        plain_rollback(dbapi_connection)

    setattr(dialect, "do_commit", do_commit)  # noqa: B010  (this engine's dialect only)
    setattr(dialect, "do_rollback", do_rollback)  # noqa: B010


def _info(dbapi_connection: Any) -> dict[str, Any]:
    """A pooled connection's own dict (the first connection's check-up has none)."""
    try:
        info: dict[str, Any] = dbapi_connection.info
    except (AttributeError, NotImplementedError):
        return {}
    return info


class Listener:
    """Waits for announcements on a connection of its own until :meth:`stop`."""

    def __init__(self, engine: Engine, client_id: str) -> None:
        self.client_id = client_id
        self._engine = engine
        self._stopped = threading.Event()
        self._raw: Any = None

    def start(self) -> None:
        """LISTEN now: every commit after this returns is announced."""
        self._raw = self._engine.raw_connection()
        conn = self._raw.driver_connection
        conn.autocommit = True
        conn.execute(f"LISTEN {CHANNEL}")

    def run(self, deliver: Callable[[Announcement], None], wait: float = 0.5) -> None:
        """Deliver the others' announcements until :meth:`stop` (checked every ``wait`` s)."""
        conn = self._raw.driver_connection
        try:
            while not self._stopped.is_set():
                for note in conn.notifies(timeout=wait):
                    found = decode(note.payload)
                    if found is not None and found.client_id != self.client_id:
                        deliver(found)
                    if self._stopped.is_set():
                        break
        except Exception as exc:  # the connection went away: the window says so, keeps working
            if not self._stopped.is_set():
                logger.warning("no more changes from the server: %s", exc)
                raise
        finally:
            self.close()

    def stop(self) -> None:
        self._stopped.set()

    def close(self) -> None:
        raw, self._raw = self._raw, None
        if raw is not None:
            try:
                raw.invalidate()  # a connection in LISTEN never goes back to the pool
            except Exception as exc:
                logger.debug("closing the listener: %s", exc)
