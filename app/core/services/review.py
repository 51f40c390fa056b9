"""The review workflow: draft → proposed → agreed, and back with a reason.

A head of delegation approves what the experts propose; when an agreed text
is reopened, the others must learn why. Every status change is therefore
recorded as a note on the response ("Status changed from agreed to proposed:
the capital objects."): the note carries who and when, travels with merges
like any other row, and appears in the review copy. No schema change is
needed, and the history is rebuilt from those notes.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from sqlalchemy import select

from app.core import markup, rowversion
from app.core.live import including_deleted
from app.core.models import Member, Note, Passage, Response, Source
from app.core.services.common import resolve
from app.core.services.workflow import (
    PREFIX,
    change_status_in,
    normalise_status,
)
from app.core.store import ProjectStore

logger = logging.getLogger(__name__)

_CHANGE = re.compile(r"Status changed from (\w+) to (\w+)(?:: (.*)|\.)\Z", re.S)


@dataclass(frozen=True)
class StatusChange:
    from_status: str
    to_status: str
    reason: str
    author_id: str | None
    author: str
    at: str
    note_id: str


@dataclass(frozen=True)
class StatusHistory:
    """The changes, oldest first, and the state now (``since``: when it was reached)."""

    response_id: str
    status: str
    since: str
    changed_by: str
    changes: tuple[StatusChange, ...]


@dataclass(frozen=True)
class ResponseSummary:
    """One row of the workbench's response list."""

    id: str
    passage_id: str
    source_label: str
    quote: str
    text: str
    position: str
    status: str
    author_id: str | None
    author: str
    changed_by: str | None
    changed_by_name: str
    updated_at: str


@dataclass(frozen=True)
class MemberInfo:
    id: str
    name: str
    initials: str
    organisation: str


def set_status(
    store: ProjectStore,
    response_ref: str,
    status: str,
    reason: str = "",
    *,
    base_version: int | None = None,
) -> bool:
    """Move a response one step forward, or back with a reason; False when nothing changed.

    The rule and its record live in :func:`app.core.services.workflow.change_status_in`.
    ``base_version``: the response's version the window showed; when another
    member changed the response since, the status asked for is kept as a conflict.
    """
    wanted = normalise_status(status)
    with rowversion.checked(store, "Change status") as (session, guard):
        response = resolve(session, Response, response_ref)
        if guard.kept(response, base_version, {"status": wanted}):
            return False
        return change_status_in(session, response, status, store.member_id, reason)


def status_history(store: ProjectStore, response_ref: str) -> StatusHistory:
    """Who moved the response to which status, when and why, rebuilt from its notes."""
    with store.session() as session:
        response = resolve(session, Response, response_ref)
        names = {m.id: m.name for m in session.scalars(including_deleted(select(Member)))}
        notes = session.scalars(
            select(Note)
            .where(
                Note.target_id == response.id,
                Note.text.startswith(PREFIX),
            )
            .order_by(Note.created_at, Note.id)
        )
        changes: list[StatusChange] = []
        for note in notes:
            match = _CHANGE.match(note.text)
            if match is None:
                continue
            reason = markup.plain_text(match.group(3)) if match.group(3) else ""
            changes.append(
                StatusChange(
                    from_status=match.group(1),
                    to_status=match.group(2),
                    reason=reason,
                    author_id=note.author_id,
                    author=names.get(note.author_id or "", ""),
                    at=note.created_at,
                    note_id=note.id,
                )
            )
        last = changes[-1] if changes and changes[-1].to_status == response.status else None
        return StatusHistory(
            response_id=response.id,
            status=response.status,
            since=last.at if last else response.created_at,
            changed_by=last.author if last else names.get(response.author_id or "", ""),
            changes=tuple(changes),
        )


def list_responses(
    store: ProjectStore, author_id: str | None = None, status: str | None = None
) -> list[ResponseSummary]:
    """Live responses in source and passage order, filtered by author and/or status."""
    with store.session() as session:
        names = {m.id: m.name for m in session.scalars(including_deleted(select(Member)))}
        query = (
            select(Response, Passage, Source.label)
            .join(Passage, Passage.id == Response.passage_id)
            .join(Source, Source.id == Passage.source_id)
            .order_by(Source.ordinal, Passage.start, Passage.created_at)
        )
        if author_id is not None:
            query = query.where(Response.author_id == author_id)
        if status is not None:
            query = query.where(Response.status == normalise_status(status))
        return [
            ResponseSummary(
                id=response.id,
                passage_id=passage.id,
                source_label=label,
                quote=passage.quote,
                text=response.text,
                position=response.position,
                status=response.status,
                author_id=response.author_id,
                author=names.get(response.author_id or "", ""),
                changed_by=response.changed_by,
                changed_by_name=names.get(response.changed_by or "", ""),
                updated_at=response.updated_at,
            )
            for response, passage, label in session.execute(query).all()
        ]


def list_members(store: ProjectStore) -> list[MemberInfo]:
    """The delegation's members, for the author filter."""
    with store.session() as session:
        rows = session.scalars(select(Member).order_by(Member.name))
        return [MemberInfo(m.id, m.name, m.initials, m.organisation) for m in rows]
