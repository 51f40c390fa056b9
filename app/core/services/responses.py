"""Responses: our comment on a passage, its position and status, and its history."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import bindparam, select

from app.core import markup
from app.core.errors import InvalidInputError
from app.core.models import CommentType, Passage, Position, Response, Revision, Status
from app.core.services import workflow
from app.core.services.common import resolve
from app.core.store import ProjectStore

POSITIONS = tuple(p.value for p in Position if p is not Position.UNSET)
STATUSES = tuple(s.value for s in Status)
COMMENT_TYPES = tuple(t.value for t in CommentType)


@dataclass(frozen=True)
class RevisionInfo:
    id: str
    text: str
    author_id: str | None
    created_at: str


def _check_choice(value: str, allowed: tuple[str, ...], what: str) -> str:
    normalised = value.strip().lower().replace(" ", "_").replace("-", "_")
    if normalised not in allowed:
        choices = ", ".join(a.replace("_", " ") for a in allowed)
        raise InvalidInputError(f"“{value}” is not a {what}; choose one of: {choices}.")
    return normalised


# Built once: a batch answers thousands of passages.
_LIVE_RESPONSE = select(Response).where(
    Response.passage_id == bindparam("passage_id"), Response.deleted_at.is_(None)
)


def respond(
    store: ProjectStore,
    passage_ref: str,
    text: str | None = None,
    *,
    position: str | None = None,
    status: str | None = None,
    proposed_change: str | None = None,
    comment_type: str | None = None,
) -> str:
    """Write or change the response to a passage; an earlier text is kept as a revision.

    ``comment_type`` is the ISO/IEC table's kind: general, technical or editorial.

    A ``status`` goes through the workflow's one door
    (:func:`~app.core.services.workflow.change_status_in`): one step forward
    at a time, recorded as a note; going back needs :func:`review.set_status`'s reason.
    """
    if text is not None:
        markup.validate(text)
    if proposed_change is not None:
        markup.validate(proposed_change)
    # "" (or blanks) takes the position back to none chosen; None leaves it as it is
    pos: str | None = None
    if position is not None:
        pos = _check_choice(position, POSITIONS, "position") if position.strip() else Position.UNSET
    kind = _check_choice(comment_type, COMMENT_TYPES, "type of comment") if comment_type else None
    if status:
        workflow.normalise_status(status)
    with store.write("Edit response") as session:
        passage = resolve(session, Passage, passage_ref)
        owner_id = passage.same_as_id or passage.id  # a shared answer is edited once, for all
        response = session.scalars(_LIVE_RESPONSE, {"passage_id": owner_id}).first()
        if response is None:
            response = Response(
                passage_id=owner_id,
                text=text or "",
                position=pos or Position.UNSET,
                status=Status.DRAFT,
                proposed_change=proposed_change or "",
                comment_type=kind or CommentType.GENERAL,
                author_id=store.member_id,
            )
            session.add(response)
            session.flush()
            if status:
                workflow.change_status_in(session, response, status, store.member_id)
            return response.id
        if text is not None and text != response.text:
            if response.text:
                session.add(
                    Revision(
                        response_id=response.id,
                        text=response.text,
                        author_id=response.changed_by or response.author_id,
                    )
                )
            response.text = text
        if pos is not None:
            response.position = pos
        if status:
            workflow.change_status_in(session, response, status, store.member_id)
        if proposed_change is not None:
            response.proposed_change = proposed_change
        if kind is not None:
            response.comment_type = kind
        return response.id


def revisions(store: ProjectStore, response_ref: str) -> list[RevisionInfo]:
    with store.session() as session:
        response = resolve(session, Response, response_ref)
        rows = session.scalars(
            select(Revision)
            .where(Revision.response_id == response.id, Revision.deleted_at.is_(None))
            .order_by(Revision.created_at)
        )
        return [RevisionInfo(r.id, r.text, r.author_id, r.created_at) for r in rows]


def unpositioned_passages(store: ProjectStore) -> set[str]:
    """Passages whose response has text but no position (the Passages panel's filter).

    The same statement as ``rejoinder sources --no-position``, through the session.
    """
    from sqlalchemy import text as sql

    from app.core.services.source_list import UNPOSITIONED_SQL

    with store.session() as session:
        return {row[0] for row in session.execute(sql(UNPOSITIONED_SQL))}
