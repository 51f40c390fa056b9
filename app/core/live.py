"""Deleted rows are invisible by default: one filter instead of one per query.

Rows are never removed (a deletion is a ``deleted_at`` tombstone that a merge
carries to a colleague's copy), so every reader of sources, passages,
responses, sections and the rest wants only the live ones. Writing
``deleted_at IS NULL`` into every query let a reader forget it; here a
session event adds SQLAlchemy's ``with_loader_criteria`` to every ORM select,
relationship and ``Session.get`` included, for every :class:`~app.core.models.Tracked` model.

The few readers that must see tombstones — a merge, the conflicts it keeps,
resolving an id that was deleted to say so — ask for them explicitly, with
:func:`including_deleted` on a statement or :func:`with_deleted` on a session.
Core table selects (the dump, the journal's row images) are not ORM
statements and always see every row.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator
from typing import TypeVar

from sqlalchemy import event
from sqlalchemy.orm import ORMExecuteState, Session, with_loader_criteria
from sqlalchemy.sql import Executable

from app.core.models import Tracked

logger = logging.getLogger(__name__)

OPTION = "include_deleted"
S = TypeVar("S", bound=Executable)


def including_deleted(statement: S) -> S:
    """``statement`` as it would read without the default filter: tombstones too."""
    return statement.execution_options(**{OPTION: True})


@contextlib.contextmanager
def with_deleted(session: Session) -> Iterator[Session]:
    """Inside the block, every read of ``session`` sees deleted rows as well."""
    before = session.info.get(OPTION, False)
    session.info[OPTION] = True
    try:
        yield session
    finally:
        session.info[OPTION] = before


M = TypeVar("M")


def get_any(session: Session, model: type[M], ident: str) -> M | None:
    """``session.get`` that also finds a deleted row (a conflict's row, an old version)."""
    return session.get(model, ident, execution_options={OPTION: True})


@event.listens_for(Session, "do_orm_execute")
def _only_live_rows(state: ORMExecuteState) -> None:
    # a relationship load inherits the criteria of the statement that loaded its parent
    if not state.is_select or state.is_column_load or state.is_relationship_load:
        return
    if state.execution_options.get(OPTION) or state.session.info.get(OPTION):
        return
    state.statement = state.statement.options(
        # a lambda: SQLAlchemy caches the criterion with the statement's compiled form
        with_loader_criteria(Tracked, lambda cls: cls.deleted_at.is_(None), include_aliases=True)
    )
