"""Finding a row by the id a user typed: whole, or a unique prefix (the CLI accepts both).

Below the services and the similar-passages index alike, so that both can
resolve what they are given without importing each other (an import cycle
import-linter forbids).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.errors import NotFoundError
from app.core.i18n import N_, _
from app.core.models import Base

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
