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

import json
import logging
from collections.abc import Mapping
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from app.core.models import Conflict, Member, Tracked, utcnow

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


def lock(session: Session, table: str, row_id: str) -> None:
    """Hold ``row_id`` until the transaction ends (a no-op on a file)."""
    version(session, table, row_id, lock=True)


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
