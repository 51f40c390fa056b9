"""Row versions for optimistic concurrency: two members never overwrite each other silently.

On a team server several members edit the same rows. An editor remembers
the version of the row it showed; a save names that version, and when the
row has another version by then, someone else changed it in between: the
save does not overwrite it but keeps both values as a conflict
(:func:`record_conflicts`), shown and settled like a merge's.

The version is PostgreSQL's own row version, the system column ``xmin`` (the
transaction that wrote the row's current version): every write makes a new
one, whoever writes it and however (ORM, Core, an undo, a merge, psql), so a
client cannot forget to bump it and no schema change is needed. A save locks
the row (``SELECT … FOR UPDATE``) before comparing, so two saves racing in the
same instant are serialised and the second sees the first's version. A
project file has one writer at a time (it is locked), so there the version
is ``None`` and nothing is compared.
"""

from __future__ import annotations

import contextlib
import json
import logging
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from sqlalchemy import Select, inspect, literal_column, text
from sqlalchemy.orm import Session

from app.core import journal
from app.core.errors import EditConflictError
from app.core.i18n import N_, _
from app.core.journal import images
from app.core.models import Conflict, Member, Tracked, utcnow

if TYPE_CHECKING:
    from app.core.store import ProjectStore

logger = logging.getLogger(__name__)

ABSENT = 0  # the version an editor names for a row that did not exist when it looked
_TABLES = frozenset({"response", "passage", "section", "block", "note", "project"})


def tracked(session: Session) -> bool:
    """Whether rows of this session's database have versions (a team server)."""
    return session.get_bind().dialect.name == "postgresql"


def version(session: Session, table: str, row_id: str | None, *, lock: bool = False) -> int | None:
    """The row's current version (:data:`ABSENT` when there is no such row), or None on a file.

    ``lock`` holds the row until the transaction ends, so that the comparison
    and the write that follows it cannot be overtaken.
    """
    if not tracked(session):
        return None
    if table not in _TABLES:
        raise ValueError(f"no row versions for {table}")
    if row_id is None:
        return ABSENT
    suffix = " FOR UPDATE" if lock else ""
    value = session.execute(
        text(f"SELECT xmin::text::bigint FROM {table} WHERE id = :id{suffix}"), {"id": row_id}
    ).scalar()
    return ABSENT if value is None else int(value)


M = TypeVar("M", bound=Tracked)

_XACT = "rowversion_xact"  # session.info: this transaction's id, read with the first locked row
# xmin is the 32-bit id of the transaction that wrote the row; pg_current_xact_id() is the
# 64-bit one (epoch and id): its low 32 bits are what xmin will read once we write.
_XACT_COLUMN = "pg_current_xact_id()::text::bigint % 4294967296"


def fetch_locked(
    session: Session, statement: Select[M], params: Mapping[str, Any]
) -> tuple[M | None, int | None]:
    """The row an ORM ``statement`` selects, locked, and its version, in one round trip.

    On a team server the row is held (``FOR UPDATE``) until the transaction
    ends, its version comes with it (the newest, even when the lock had to
    wait for another save), and the journal is given its image
    (:func:`app.core.journal.known`) so that it need not read the row again
    before the write. Row-level security hides from a locking read the rows
    the login may not change: those come back as None, as an absent row
    does. On a file: the row, and None.
    """
    if not tracked(session):
        return session.scalars(statement, params).first(), None
    locking = _LOCKING.get(statement)
    if locking is None:
        model = statement.column_descriptions[0]["entity"]
        table = inspect(model).local_table.name
        locking = _LOCKING[statement] = (
            statement.add_columns(
                literal_column(f"{table}.xmin::text::bigint"), literal_column(_XACT_COLUMN)
            )
            .with_for_update(of=model)
            .execution_options(populate_existing=True)
        )
    found = session.execute(locking, params).first()
    if found is None:
        return None, ABSENT
    row, value, xact = found[0], int(found[1]), int(found[2])
    session.info[_XACT] = xact
    table, row_id, before = images.of_row(row)
    journal.known(session, table, {row_id: before})
    return row, value


_LOCKING: dict[Select[Any], Select[Any]] = {}  # statement → its locking form, built once


def written(session: Session, row: Tracked, before: int | None, stamp: str | None) -> int | None:
    """The version of ``row`` after this transaction, given its version and stamp when locked.

    A row this transaction updated carries the transaction's id as its
    version, known since :func:`fetch_locked`; one it left alone keeps
    ``before``. Inside a savepoint (a batch's group) the row gets the
    savepoint's own id, so the version is read.
    """
    if before is None:
        return None
    if row.updated_at == stamp:
        return before
    xact = session.info.get(_XACT)
    if xact is None or session.in_nested_transaction():
        return version(session, inspect(row).mapper.local_table.name, row.id)
    return int(xact)


def lock(session: Session, table: str, row_id: str) -> None:
    """Hold ``row_id`` until the transaction ends (a no-op on a file)."""
    version(session, table, row_id, lock=True)


def current(store: ProjectStore, table: str, row_id: str) -> int | None:
    """The version of a row an editor is about to show (None on a file), in one statement."""
    if store.engine.dialect.name != "postgresql":
        return None
    if table not in _TABLES:
        raise ValueError(f"no row versions for {table}")
    with store.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        value = connection.scalar(
            text(f"SELECT xmin::text::bigint FROM {table} WHERE id = :id"), {"id": row_id}
        )
    return ABSENT if value is None else int(value)


def guard(
    session: Session,
    row: Tracked,
    base_version: int | None,
    mine: Mapping[str, Any],
    member_id: str | None,
) -> list[str]:
    """Before writing ``mine`` over ``row``, which an editor showed at ``base_version``.

    The row is locked; when it has another version by now, someone changed it
    in between: ``mine`` is kept beside their values as conflicts and their
    ids are returned, and the caller writes nothing (then raises
    :func:`conflict_error` once the conflicts are saved). An empty list: go
    ahead. A row this login may not change (row-level security hides it from
    the lock) is left to the write, which the server refuses.
    """
    if base_version is None or not tracked(session):
        return []
    table = inspect(row).mapper.local_table.name
    now = version(session, table, row.id, lock=True)
    if now in (base_version, ABSENT):
        return []
    session.refresh(row)  # read before the lock: the values the other member saved
    return record_conflicts(session, row, table, mine, member_id)


_CHANGED_MESSAGES = {
    "note": N_(
        "Another member changed this note while you were editing it. Nothing was "
        "overwritten: their version is kept, and yours is beside it in Edit › Conflicts."
    ),
    "section": N_(
        "Another member changed this section while you were editing it. Nothing was "
        "overwritten: their version is kept, and yours is beside it in Edit › Conflicts."
    ),
    "block": N_(
        "Another member changed this block while you were editing it. Nothing was "
        "overwritten: their version is kept, and yours is beside it in Edit › Conflicts."
    ),
    "passage": N_(
        "Another member changed this passage while you were editing it. Nothing was "
        "overwritten: their version is kept, and yours is beside it in Edit › Conflicts."
    ),
    "response": N_(
        "Another member saved this response while you were editing it. Nothing was "
        "overwritten: their version is kept, and yours is beside it in Edit › Conflicts."
    ),
}


class Guard:
    """What :func:`checked` hands a service: ``kept(row, base_version, mine)`` before writing."""

    def __init__(self, session: Session, member_id: str | None) -> None:
        self.session = session
        self.member_id = member_id
        self.table = ""
        self.conflicts: list[str] = []

    def kept(self, row: Tracked, base_version: int | None, mine: Mapping[str, Any]) -> bool:
        """True when ``mine`` was kept as conflicts instead: write nothing of it."""
        found = guard(self.session, row, base_version, mine, self.member_id)
        if found:
            self.table = inspect(row).mapper.local_table.name
            self.conflicts.extend(found)
        return bool(found)


@contextlib.contextmanager
def checked(store: ProjectStore, label: str) -> Iterator[tuple[Session, Guard]]:
    """``store.write(label)`` with a :class:`Guard`; its conflicts raise once they are saved.

    A service returns early when :meth:`Guard.kept` says so; the transaction
    still commits (the conflicts are the record of the other value), then
    :class:`~app.core.errors.EditConflictError` tells the editor.
    """
    with store.write(label) as session:
        checks = Guard(session, store.member_id)
        yield session, checks
    failure = conflict_error(checks.table, checks.conflicts)
    if failure is not None:
        raise failure


def conflict_error(table: str, conflict_ids: list[str]) -> EditConflictError | None:
    """The error to raise after :func:`guard` kept conflicts (None when it kept none)."""
    if not conflict_ids:
        return None
    return EditConflictError(_(_CHANGED_MESSAGES[table]), tuple(conflict_ids))


def _name(session: Session, member_id: str | None) -> str:
    member = session.get(Member, member_id) if member_id else None
    return member.name if member is not None else ""


def record_conflicts(
    session: Session, row: Tracked, table: str, mine: Mapping[str, Any], member_id: str | None
) -> list[str]:
    """Keep ``mine`` (field → value) beside the row's newer values as conflicts; their ids.

    The row keeps the value the other member saved ("kept for now"); ours is
    the other version, with our name and time, until someone chooses. Fields
    where both agree make no conflict.
    """
    now = utcnow()
    ids: list[str] = []
    for field, value in mine.items():
        current = getattr(row, field)
        if value == current:
            continue
        conflict = Conflict(
            table_name=table,
            row_id=row.id,
            field=field,
            ours_value=json.dumps(current, ensure_ascii=False),
            theirs_value=json.dumps(value, ensure_ascii=False),
            ours_author=_name(session, row.changed_by),
            theirs_author=_name(session, member_id),
            ours_time=row.updated_at,
            theirs_time=now,
        )
        session.add(conflict)
        session.flush()
        ids.append(conflict.id)
    logger.info("edit of %s %s met a newer version: %d conflicts", table, row.id, len(ids))
    return ids
