"""Capturing what one write transaction changes, without the services' help.

A :class:`Recorder` rides on the session of :meth:`ProjectStore.write`:
ORM flush events give it the rows the ORM is about to update or delete (it
reads their old image through the session's connection *before* the flush)
and the rows it inserted; statements written with Core (``insert()`` /
``update()`` in merge) announce their rows first with :func:`snapshot`. At the
end of the transaction the recorder reads the after-images, drops rows whose
before equals after, and writes one journal entry in the same transaction, so
that the entry and the change are committed together or not at all.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import (
    Connection,
    Integer,
    bindparam,
    delete,
    event,
    insert,
    select,
    text,
    update,
)
from sqlalchemy.orm import Session

from app.core.journal import images
from app.core.journal.changes import Changes
from app.core.models import JournalBlob, JournalEntry, new_id, utcnow
from app.core.retention import CUT, KEEP, KEEP_BYTES, KEEP_DAYS, STAMP

logger = logging.getLogger(__name__)

BURST_SECONDS = 30  # saves of one text closer together than this are one step (typing)
_INFO_KEY = "journal_recorder"

Key = tuple[str, str]


class Recorder:
    """Collects before-images during one transaction and writes the entry at its end."""

    def __init__(
        self, session: Session, label: str, member_id: str | None, *, typing: bool = False
    ) -> None:
        self.session = session
        self.label = label
        self.member_id = member_id
        self.typing = typing
        self.before: dict[Key, images.Image | None] = {}
        self.after: dict[Key, images.Image] = {}
        session.info[_INFO_KEY] = self
        event.listen(session, "before_flush", self._before_flush)
        event.listen(session, "after_flush", self._after_flush)

    def detach(self) -> None:
        """Stop listening to the session (again: a no-op)."""
        if self.session.info.get(_INFO_KEY) is not self:
            return
        event.remove(self.session, "before_flush", self._before_flush)
        event.remove(self.session, "after_flush", self._after_flush)
        self.session.info.pop(_INFO_KEY, None)

    # -- capture -----------------------------------------------------------------

    def snapshot(self, name: str, ids: Iterable[str]) -> None:
        """Remember the current image of rows about to change (``None`` for new rows)."""
        todo = [i for i in ids if (name, i) not in self.before]
        if not todo:
            return
        found = images.read(self.session.connection(), name, todo)
        for row_id in todo:
            self.before[(name, row_id)] = found.get(row_id)

    def known(self, name: str, rows: dict[str, images.Image | None]) -> None:
        """Like :meth:`snapshot` when the caller has just read the rows itself."""
        blobs = images.blob_columns(name)
        for row_id, row in rows.items():
            if (name, row_id) not in self.before:
                image = None if row is None else {k: v for k, v in row.items() if k not in blobs}
                self.before[(name, row_id)] = image

    def settled(self, rows: Iterable[object]) -> None:
        """ORM rows this operation has flushed and will not change again: their images now.

        The entry then takes their after-images from them instead of reading
        the rows back (a team server's round trip). A row written again later
        in the transaction must not be named here.
        """
        for row in rows:
            name, row_id, image = images.of_row(row)
            self.after[(name, row_id)] = image

    def _before_flush(self, session: Session, _ctx: Any, _instances: Any) -> None:
        wanted: dict[str, list[str]] = {}
        for obj in list(session.dirty) + list(session.deleted):
            name = getattr(obj, "__tablename__", None)
            row_id = getattr(obj, "id", None)
            if name in images.JOURNALED and isinstance(row_id, str):
                wanted.setdefault(name, []).append(row_id)
        for name, ids in wanted.items():
            self.snapshot(name, ids)

    def _after_flush(self, session: Session, _ctx: Any) -> None:
        for obj in session.new:
            name = getattr(obj, "__tablename__", None)
            row_id = getattr(obj, "id", None)
            if name in images.JOURNALED and isinstance(row_id, str):
                self.before.setdefault((name, row_id), None)

    # -- the entry -------------------------------------------------------------------

    def finish(self, *, tidy: bool = True) -> Changes:
        """Write the journal entry of this transaction (nothing when nothing changed).

        A new entry drops the undone ones (no redo after a new operation) and
        the oldest beyond :data:`KEEP`; ``tidy=False`` leaves both to the caller.
        """
        self.session.flush()
        return write_entries(self.session.connection(), [self.capture()], tidy=tidy)[0]

    def capture(self) -> Pending:
        """Stop recording; what :func:`write_entries` needs to write this operation's entry.

        The after-images are read when the entry is written: an operation in a
        group (:meth:`ProjectStore.group`) is written with the group's others,
        at its end, in one read and one insert.
        """
        self.session.flush()
        self.detach()
        return Pending(self.label, self.member_id, utcnow(), self.before, self.typing, self.after)


@dataclass(frozen=True, slots=True)
class Pending:
    """One operation's entry before its after-images are read."""

    label: str
    member_id: str | None
    at: str
    before: dict[Key, images.Image | None]
    typing: bool = False  # a save while the user types: may fold into the newest entry
    after: dict[Key, images.Image] = field(default_factory=dict)  # images known (settled)


def write_entries(
    connection: Connection, pending: list[Pending], *, tidy: bool = True
) -> list[Changes]:
    """Write the entries of operations done one after the other in this transaction.

    A row's image after operation k is its image before the next operation that
    changed it (recorded then), or, when none did, its image now. Operations
    whose rows all ended as they began get no entry. The first entry drops the
    undone ones; with ``tidy`` the journal is trimmed to :data:`KEEP` after.
    """
    final: dict[Key, images.Image | None] = {}
    later: list[dict[Key, images.Image | None]] = []
    for op in reversed(pending):
        later.append({key: final.get(key, _NOW) for key in op.before})
        final.update(op.before)
    later.reverse()
    now: dict[Key, images.Image | None] = {}
    for op in pending:  # the last operation to touch a row says whether its image is known
        for key in op.before:
            if key in op.after:
                now[key] = op.after[key]
            else:
                now.pop(key, None)
    wanted: dict[str, list[str]] = {}
    for nxt in later:
        for (name, row_id), image in nxt.items():
            if image is _NOW and (name, row_id) not in now:
                wanted.setdefault(name, []).append(row_id)
    for name, ids in wanted.items():
        found = images.read(connection, name, ids)
        for row_id in ids:
            now[(name, row_id)] = found.get(row_id)
    out: list[Changes] = []
    params: list[dict[str, Any]] = []
    for op, nxt in zip(pending, later, strict=True):
        by_table: dict[str, list[str]] = {}
        for name, row_id in op.before:
            by_table.setdefault(name, []).append(row_id)
        rows: list[list[Any]] = []
        for name in images.JOURNALED:  # dependency order, as the dump
            for row_id in by_table.get(name, ()):
                key = (name, row_id)
                old, new = op.before[key], nxt[key]
                if new is _NOW:
                    new = now[key]
                if old != new:
                    rows.append([name, row_id, *images.elide(name, old, new)])
        if not rows:
            out.append(Changes(op.label))
            continue
        if op.typing and not params:
            joined = _join_burst(connection, op, rows)
            if joined is not None:
                out.append(joined)
                continue
        entry_id = new_id()
        encoded = json.dumps(rows, ensure_ascii=False, separators=(",", ":"))
        params.append(
            {
                "id": entry_id,
                "at": op.at,
                "member_id": op.member_id,
                "label": op.label,
                "rows": encoded,
                "size": len(encoded),
            }
        )
        logger.debug("journal: %s, %d rows", op.label, len(rows))
        out.append(Changes.from_rows(op.label, entry_id, ((r[0], r[1]) for r in rows)))
    if params and _shared(connection):
        _insert_shared(connection, params, tidy=tidy)
    elif params:
        drop_undone(connection)
        connection.execute(_INSERT, params)
        if tidy:
            trim(connection)
    return out


TRIM_EVERY = 64  # on a team server the journal is trimmed once every so many entries


def _insert_shared(connection: Connection, params: list[dict[str, Any]], *, tidy: bool) -> None:
    """A team server's entries, in as few round trips as a member's save can afford.

    A new operation ends only my own redo, not the others': my undone entries
    go in the statement that inserts the first entry (their blobs follow by
    the foreign key's cascade). Trimming to :data:`KEEP` runs when the
    sequence passes a multiple of :data:`TRIM_EVERY`, not at every save.
    """
    first = connection.execute(_INSERT_DROPPING_UNDONE, params[0]).scalar_one()
    if len(params) > 1:
        connection.execute(_INSERT, params[1:])
    if tidy and (len(params) > 1 or int(first) % TRIM_EVERY == 0):
        trim(connection)


def _join_burst(connection: Connection, op: Pending, rows: list[list[Any]]) -> Changes | None:
    """Fold this write into the newest entry when both are one burst of typing.

    That entry must be this member's, under the same label, not undone, at
    most :data:`BURST_SECONDS` old, and have touched every row this write
    changes that existed before it (the same response; a write that only
    creates rows starts a step); rows this write creates (a revision) join
    it. Its before-images stay, so one undo takes back the whole burst.
    """
    newest = connection.execute(
        select(JournalEntry).order_by(JournalEntry.seq.desc()).limit(1)
    ).first()
    if (
        newest is None
        or newest.undone
        or newest.label != op.label
        or newest.member_id != op.member_id
        or _age(newest.at) > BURST_SECONDS
    ):
        return None
    kept = fold_into_burst(json.loads(newest.rows), rows)
    if kept is None:
        return None
    encoded = json.dumps(kept, ensure_ascii=False, separators=(",", ":"))
    connection.execute(
        update(JournalEntry)
        .where(JournalEntry.seq == newest.seq)
        .values(at=op.at, rows=encoded, size=len(encoded))
    )
    logger.debug("journal: %s joined the burst of entry %s", op.label, newest.id)
    return Changes.from_rows(op.label, newest.id, ((r[0], r[1]) for r in rows))


def fold_into_burst(kept: list[list[Any]], rows: list[list[Any]]) -> list[list[Any]] | None:
    """A burst entry's rows with this write's folded in, or None when it is not the burst's.

    ``kept`` and ``rows`` are ``[table, id, before, after]`` images. The burst
    must have touched every row this write changes that existed before it
    (and there must be one: a write that only creates rows starts a step);
    a row it touched takes this write's after-image and keeps its own
    before-image, a row this write creates joins it, and a row back to its
    before-image leaves it. The team server's lean save folds the same way.
    """
    index = {(r[0], r[1]): r for r in kept}
    existing = [(r[0], r[1]) for r in rows if r[2] is not None]
    if not existing or any(key not in index for key in existing):
        return None
    for name, row_id, before, after in rows:
        if (name, row_id) in index:
            index[(name, row_id)][3] = after
        else:
            kept.append([name, row_id, before, after])
    return [r for r in kept if r[2] != r[3]]


def _age(stamp: str) -> float:
    """Seconds since ``stamp`` (an :func:`utcnow` string)."""
    return (datetime.now(UTC) - datetime.fromisoformat(stamp)).total_seconds()


_NOW: Any = object()  # stands for "the row's image at the end", read once for all


# Built once: an operation's entry is written with these, and a batch writes thousands.
_INSERT = insert(JournalEntry).values(
    id=bindparam("id"),
    at=bindparam("at"),
    member_id=bindparam("member_id"),
    label=bindparam("label"),
    undone=0,
    rows=bindparam("rows"),
    size=bindparam("size"),
)
_INSERT_DROPPING_UNDONE = text(
    "WITH dropped AS (DELETE FROM journal_entry WHERE undone = 1 AND member_id = :member_id) "
    "INSERT INTO journal_entry (id, at, member_id, label, undone, rows, size) "
    "VALUES (:id, :at, :member_id, :label, 0, :rows, :size) RETURNING seq"
)
_UNDONE = select(JournalEntry.seq).where(JournalEntry.undone == 1)
_DROP_UNDONE_BLOBS = delete(JournalBlob).where(JournalBlob.entry_seq.in_(_UNDONE))
_DROP_UNDONE = delete(JournalEntry).where(JournalEntry.undone == 1)
# Is there anything beyond the newest KEEP? (reads KEEP index entries, nothing else)
_BEYOND = (
    select(JournalEntry.seq)
    .order_by(JournalEntry.seq.desc())
    .limit(1)
    .offset(bindparam("keep", type_=Integer))
)
_CUT = text(CUT)  # what the journal keeps: app.core.retention
_TRIM_BLOBS = delete(JournalBlob).where(JournalBlob.entry_seq <= bindparam("cut"))
_TRIM = delete(JournalEntry).where(JournalEntry.seq <= bindparam("cut"))


def _shared(connection: Connection) -> bool:
    """A team server's journal holds every member's operations."""
    return connection.dialect.name == "postgresql"


def drop_undone(connection: Connection, member_id: str | None = None) -> None:
    """Forget the undone entries: a new operation ends what could be redone.

    With ``member_id`` (a team server) only that member's: a colleague's new
    operation does not take my redo away.
    """
    if member_id is None:
        connection.execute(_DROP_UNDONE_BLOBS)
        connection.execute(_DROP_UNDONE)
        return
    mine = _UNDONE.where(JournalEntry.member_id == member_id)
    connection.execute(delete(JournalBlob).where(JournalBlob.entry_seq.in_(mine)))
    connection.execute(delete(JournalEntry).where(JournalEntry.seq.in_(mine)))


def trim(connection: Connection, now: datetime | None = None) -> None:
    """Drop what the journal no longer keeps (:data:`KEEP`, :data:`KEEP_DAYS`, :data:`KEEP_BYTES`).

    An operation is dropped once it is not among the newest :data:`KEEP` and
    it is older than :data:`KEEP_DAYS` or it and the newer entries hold more
    than :data:`KEEP_BYTES`; every older entry goes with it (the journal is
    linear, so what is kept is always the newest run of operations).
    """
    if connection.scalar(_BEYOND, {"keep": KEEP}) is None:
        return
    since = ((now or datetime.now(UTC)) - timedelta(days=KEEP_DAYS)).strftime(STAMP)
    cut = connection.scalar(_CUT, {"keep": KEEP, "since": since, "bytes": KEEP_BYTES})
    if cut is None:
        return
    connection.execute(_TRIM_BLOBS, {"cut": cut})
    connection.execute(_TRIM, {"cut": cut})


def known(session: Session, name: str, rows: dict[str, images.Image | None]) -> None:
    """:func:`snapshot` with the current rows given (id → every column, ``None`` if absent)."""
    recorder = session.info.get(_INFO_KEY)
    if isinstance(recorder, Recorder):
        recorder.known(name, rows)


def settled(session: Session, rows: Iterable[object]) -> None:
    """:meth:`Recorder.settled` for the session's recorder (none: nothing to do)."""
    recorder = session.info.get(_INFO_KEY)
    if isinstance(recorder, Recorder):
        recorder.settled(rows)


def snapshot(session: Session, name: str, ids: Iterable[str]) -> None:
    """Core statements call this before they insert or update rows of table ``name``.

    ORM writes are seen by flush events; ``insert()``/``update()`` are not, so
    they name their rows here first. A session written without a journal
    (undo itself, loading a dump) ignores the call.
    """
    recorder = session.info.get(_INFO_KEY)
    if isinstance(recorder, Recorder):
        recorder.snapshot(name, ids)
