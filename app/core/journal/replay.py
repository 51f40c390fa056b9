"""Undo and redo: put an entry's before-images (or after-images) back, exactly.

Undo and redo are operations of the core, the same for the GUI's Ctrl+Z and
the CLI's ``undo``: they rewrite the rows of one journal entry to the images
recorded there (same ids, same timestamps, same field stamps), so a dump after
an undo is byte-for-byte the dump before the operation. They refuse, and
change nothing, when a row has changed since (someone edited it after the
operation, or a merge brought a colleague's change): undoing then would
silently throw that later work away.

The journal is linear: entries are done, then (after undo) undone; a new
operation drops the undone ones, as every editor's undo stack does.
"""

from __future__ import annotations

import json
import logging
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Any, Protocol

from sqlalchemy import Connection, Engine, bindparam, delete, insert, select, update
from sqlalchemy.orm import Session

from app.core import dialect, labels
from app.core.errors import NothingToUndoError, UndoConflictError
from app.core.i18n import N_, _
from app.core.journal import images
from app.core.journal.changes import Changes
from app.core.live import including_deleted
from app.core.models import JournalBlob, JournalEntry, Member

logger = logging.getLogger(__name__)

_NAMES = {
    "project": N_("the project's details"),
    "member": N_("a member"),
    "original_file": N_("an original file"),
    "source": N_("a source"),
    "source_version": N_("a source's text"),
    "section": N_("a section"),
    "block": N_("a block"),
    "passage": N_("a passage"),
    "response": N_("a response"),
    "revision": N_("a revision"),
    "note": N_("a note"),
    "conflict": N_("a conflict"),
}
_META = {"updated_at", "changed_by", "field_history"}


class ProjectStore(Protocol):
    """What undo and redo need of a project (:class:`app.core.store.ProjectStore`).

    The store records every write in the journal, so it imports this package;
    naming only what is used here keeps the journal from importing the store back.
    """

    @property
    def member_id(self) -> str: ...

    @property
    def engine(self) -> Engine: ...

    def session(self) -> Session: ...

    def write(
        self, label: str = ..., *, record: bool = ..., typing: bool = ...
    ) -> AbstractContextManager[Session]: ...

    def announce(self, session: Session, changes: Changes) -> None: ...


@dataclass(frozen=True)
class LogLine:
    """One operation of the journal as ``rejoinder log`` shows it."""

    at: str
    member: str
    label: str
    undone: bool
    entry_id: str


def undo(store: ProjectStore) -> Changes:
    """Undo the newest operation not yet undone; its label says what was undone."""
    return _replay(store, undo=True)


def redo(store: ProjectStore) -> Changes:
    """Redo the operation undone last."""
    return _replay(store, undo=False)


def can_undo(store: ProjectStore) -> str | None:
    """The label of what :func:`undo` would undo, or ``None``."""
    with store.session() as session:
        query = _next(store, undo=True).with_only_columns(JournalEntry.label)
        label: str | None = session.scalar(query)
        return labels.shown(label) if label is not None else None


def can_redo(store: ProjectStore) -> str | None:
    with store.session() as session:
        query = _next(store, undo=False).with_only_columns(JournalEntry.label)
        label: str | None = session.scalar(query)
        return labels.shown(label) if label is not None else None


def is_done(store: ProjectStore, entry_id: str) -> bool:
    """True while the operation ``entry_id`` is in the journal and not undone."""
    with store.session() as session:
        undone = session.scalar(select(JournalEntry.undone).where(JournalEntry.id == entry_id))
        return undone == 0


def undo_through(store: ProjectStore, entry_id: str) -> list[Changes]:
    """Undo operations newest first until ``entry_id`` is undone (Edit › Undo merge).

    Stops at the first refusal (the error says why); what was undone stays undone.
    """
    done: list[Changes] = []
    while is_done(store, entry_id):
        done.append(undo(store))
    return done


def history(store: ProjectStore, limit: int = 50) -> list[LogLine]:
    """Recent operations, newest first."""
    with store.session() as session:
        query = including_deleted(  # a member since removed still made the step
            select(JournalEntry, Member.name)
            .outerjoin(Member, Member.id == JournalEntry.member_id)
            .order_by(JournalEntry.seq.desc())
            .limit(limit)
        )
        return [
            LogLine(e.at, name or "", e.label, bool(e.undone), e.id)
            for e, name in session.execute(query)
        ]


def shared(store: ProjectStore) -> bool:
    """A project on a team server, whose journal holds every member's operations."""
    return store.engine.dialect.name == "postgresql"


def _next(store: ProjectStore, *, undo: bool) -> Any:
    """The entry undo (or redo) takes next; on a team server, only among my own operations.

    Undoing a colleague's work from my window would be a silent overwrite; my
    own operation is undone only while no one changed its rows since (:func:`_check`).
    """
    query = select(JournalEntry)
    if shared(store):
        query = query.where(JournalEntry.member_id == store.member_id)
    if undo:
        return query.where(JournalEntry.undone == 0).order_by(JournalEntry.seq.desc()).limit(1)
    return query.where(JournalEntry.undone == 1).order_by(JournalEntry.seq).limit(1)


def _replay(store: ProjectStore, *, undo: bool) -> Changes:
    with store.write(record=False) as session:
        entry = session.scalars(_next(store, undo=undo)).first()
        if entry is None:
            raise NothingToUndoError(
                _("There is nothing to undo.") if undo else _("There is nothing to redo.")
            )
        rows: list[list[Any]] = json.loads(entry.rows)
        connection = session.connection()
        _check(connection, rows, undo=undo, label=entry.label)
        # the first write opens the transaction, so that deferring foreign keys holds in it
        connection.execute(
            update(JournalEntry)
            .where(JournalEntry.seq == entry.seq)
            .values(undone=1 if undo else 0)
        )
        dialect.defer_foreign_keys(connection)
        _apply(connection, entry.seq, rows, undo=undo)
        logger.info("%s: %s (%d rows)", "undo" if undo else "redo", entry.label, len(rows))
        changes = Changes.from_rows(entry.label, entry.id, ((r[0], r[1]) for r in rows))
        store.announce(session, changes)  # the others' windows learn of it (a team server)
        return changes


def _check(connection: Connection, rows: list[list[Any]], *, undo: bool, label: str) -> None:
    """Refuse when a row is no longer as the entry left it; name the first few."""
    by_table: dict[str, list[list[Any]]] = {}
    for row in rows:
        by_table.setdefault(row[0], []).append(row)
    problems: list[str] = []
    for name, group in by_table.items():
        current = images.read(connection, name, (r[1] for r in group))
        for _name, row_id, before, after in group:
            expected = after if undo else before
            now = current.get(row_id)
            if images.same(now, expected):
                continue
            what = _(_NAMES[name]) if name in _NAMES else name
            if now is None or expected is None:
                problems.append(
                    (
                        _("{what} was removed since")
                        if now is None
                        else _("{what} was added since")
                    ).format(what=what)
                )
            else:
                fields = [k for k in images.differing(now, expected) if k not in _META]
                problems.append(
                    _("{what} changed since ({fields})").format(
                        what=what, fields=", ".join(fields) or _("its stamps")
                    )
                )
    if problems:
        shown = "; ".join(problems[:3])
        if len(problems) > 3:
            shown += _("; and {n} more").format(n=len(problems) - 3)
        message = (
            _("“{label}” cannot be undone: {problems}. Nothing was changed.")
            if undo
            else _("“{label}” cannot be redone: {problems}. Nothing was changed.")
        )
        raise UndoConflictError(message.format(label=labels.shown(label), problems=shown))


def _apply(connection: Connection, seq: int, rows: list[list[Any]], *, undo: bool) -> None:
    inserts: dict[str, list[dict[str, Any]]] = {}
    updates: dict[str, list[dict[str, Any]]] = {}
    deletes: dict[str, list[tuple[str, dict[str, Any] | None]]] = {}
    for name, row_id, before, after in rows:
        old, new = (after, before) if undo else (before, after)
        if new is None:
            deletes.setdefault(name, []).append((row_id, old))
        elif old is None:
            inserts.setdefault(name, []).append(new)
        else:
            updates.setdefault(name, []).append(new)
    for name in images.JOURNALED:  # parents first
        if name in inserts:
            new_rows = [dict(r) for r in inserts[name]]
            _unpark(connection, seq, name, new_rows)
            connection.execute(insert(images.table(name)), new_rows)
    for name, new_rows in updates.items():
        _update(connection, name, new_rows)
    for name in reversed(images.JOURNALED):  # children first
        if name in deletes:
            _park(connection, seq, name, deletes[name])
            t = images.table(name)
            ids = [row_id for row_id, _old in deletes[name]]
            for part in images.chunks(ids):
                connection.execute(delete(t).where(t.c.id.in_(part)))


def _update(connection: Connection, name: str, new_rows: list[dict[str, Any]]) -> None:
    """Rewrite rows to their images; a column an image names by digest was not changed."""
    t = images.table(name)
    by_columns: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    for row in new_rows:
        cols = tuple(
            c for c in images.image_columns(name) if c != "id" and not images.is_mark(row[c])
        )
        by_columns.setdefault(cols, []).append(row)
    for cols, group in by_columns.items():
        statement = (
            update(t)
            .where(t.c.id == bindparam("b__id"))
            .values({c: bindparam(f"b_{c}") for c in cols})
        )
        connection.execute(
            statement, [{"b__id": r["id"], **{f"b_{c}": r[c] for c in cols}} for r in group]
        )


def _park(
    connection: Connection, seq: int, name: str, removed: list[tuple[str, dict[str, Any] | None]]
) -> None:
    """Move what the journal does not copy out of rows about to be removed (moved, not copied).

    That is their blobs, and the large values the image names by digest
    (:func:`app.core.journal.images.elide`): the row was their only copy.
    """
    blobs = images.blob_columns(name)
    marked = {
        row_id: [c for c, v in (old or {}).items() if images.is_mark(v)] for row_id, old in removed
    }
    wanted = sorted({*blobs, *(c for cols in marked.values() for c in cols)})
    if not wanted:
        return
    t = images.table(name)
    ids = [row_id for row_id, _old in removed]
    for part in images.chunks(ids):
        for row in connection.execute(
            select(t.c.id, *[t.c[c] for c in wanted]).where(t.c.id.in_(part))
        ):
            for column in [*blobs, *marked.get(row.id, [])]:
                value = row._mapping[column]
                connection.execute(
                    insert(JournalBlob).values(
                        entry_seq=seq,
                        table_name=name,
                        row_id=row.id,
                        column_name=column,
                        data=value.encode("utf-8") if isinstance(value, str) else value,
                    )
                )


def _unpark(connection: Connection, seq: int, name: str, rows: list[dict[str, Any]]) -> None:
    """Give rows about to be put back what was parked in the journal when they were removed."""
    blobs = images.blob_columns(name)
    if not blobs and not any(images.is_mark(v) for r in rows for v in r.values()):
        return
    parked = connection.execute(
        select(JournalBlob.row_id, JournalBlob.column_name, JournalBlob.data).where(
            JournalBlob.entry_seq == seq, JournalBlob.table_name == name
        )
    )
    by_id = {r["id"]: r for r in rows}
    for row_id, column, data in parked:
        if row_id in by_id:
            by_id[row_id][column] = data if column in blobs or data is None else data.decode()
    for row in rows:
        missing = [c for c, v in row.items() if images.is_mark(v)]
        if missing:  # a journal written by a bug, not by a user: say so, change nothing
            raise RuntimeError(f"the journal lost {name} {row['id']}'s {', '.join(missing)}")
    connection.execute(
        delete(JournalBlob).where(JournalBlob.entry_seq == seq, JournalBlob.table_name == name)
    )
