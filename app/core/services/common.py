"""Helpers the service modules share: id look-up by prefix, live rows, ordering."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Protocol, TypeVar

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.core.errors import NotFoundError
from app.core.i18n import N_, _
from app.core.models import Base, Tracked, utcnow

logger = logging.getLogger(__name__)

T = TypeVar("T", bound=Base)
ID_LENGTH = 36  # a whole id: str(uuid4()) (app.core.ids.new_id)


_NAMES = {
    "source": N_("source"),
    "passage": N_("passage"),
    "response": N_("response"),
    "section": N_("section"),
    "block": N_("block"),
    "note": N_("note"),
    "member": N_("member"),
    "source_version": N_("source version"),
}


def resolve(session: Session, model: type[T], ident: str) -> T:
    """The live row whose id is ``ident`` or starts with it (the CLI accepts unique prefixes)."""
    name = _(_NAMES.get(getattr(model, "__tablename__", ""), N_("item")))
    ident = ident.strip().lower()
    if not ident:
        raise NotFoundError(_("No {name} id was given.").format(name=name))
    column = model.id  # type: ignore[attr-defined]
    rows: Sequence[T]
    if len(ident) == ID_LENGTH:
        # A whole id: by the primary key, from the session's own rows when it has
        # the row already (a batch resolves the same source for every line); a
        # row the session holds is not filtered again, so its tombstone is read.
        row = session.get(model, ident)
        rows = [row] if row is not None and row.deleted_at is None else []  # type: ignore[attr-defined]
    else:  # a prefix (LIKE uses no index)
        rows = session.scalars(select(model).where(column.startswith(ident)).limit(2)).all()
    if not rows:
        raise NotFoundError(
            _("There is no {name} with the id “{ident}”.").format(name=name, ident=ident)
        )
    if len(rows) > 1:
        raise NotFoundError(
            _("Several items start with “{ident}”; give more characters.").format(ident=ident)
        )
    return rows[0]


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
