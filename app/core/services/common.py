"""Helpers the service modules share: id look-up by prefix (from ``app.core.refs``), ordering."""

from __future__ import annotations

import logging
from typing import Protocol, TypeVar

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.core.models import Base, Tracked, utcnow
from app.core.refs import ID_LENGTH as ID_LENGTH  # the services' own name for them
from app.core.refs import resolve as resolve

logger = logging.getLogger(__name__)


def next_ordinal(session: Session, model: type[Base], *where: object) -> int:
    column = model.ordinal  # type: ignore[attr-defined]
    value = session.scalar(select(func.max(column)).where(*where))  # type: ignore[arg-type]
    return 0 if value is None else int(value) + 1


class _Ordered(Protocol):
    ordinal: int


RowT = TypeVar("RowT", bound=_Ordered)


def place_at(rows: list[RowT], row: RowT, index: int) -> None:
    """Put ``row`` at ``index`` among ``rows`` (in order) and renumber; untouched rows stay clean.

    Only rows whose ordinal really changes are written, so a reorder touches
    (and stamps for merging) as few rows as possible.
    """
    if row in rows:
        rows.remove(row)
    rows.insert(max(0, min(index, len(rows))), row)
    for i, item in enumerate(rows):
        if item.ordinal != i:
            item.ordinal = i


def tombstone(row: Tracked, stamp: str | None = None) -> None:
    """Mark a row deleted; rows are never removed, so that merges carry deletions.

    Rows deleted by one action share one ``stamp`` so that undo restores exactly them.
    """
    row.deleted_at = stamp or utcnow()
