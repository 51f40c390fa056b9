"""Responses: our comment on a passage, its position and status, and its history."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from sqlalchemy import bindparam, func, select
from sqlalchemy import text as sql
from sqlalchemy.orm import Session

from app.core import journal, markup, rowversion
from app.core.errors import EditConflictError, InvalidInputError
from app.core.i18n import _
from app.core.models import CommentType, Passage, Position, Response, Revision, Status
from app.core.services import workflow
from app.core.services.common import ID_LENGTH, resolve
from app.core.store import ProjectStore

logger = logging.getLogger(__name__)

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
        raise InvalidInputError(
            _("“{value}” is not a {what}; choose one of: {choices}.").format(
                value=value, what=what, choices=choices
            )
        )
    return normalised


# Built once: a batch answers thousands of passages.
_LIVE_RESPONSE = select(Response).where(Response.passage_id == bindparam("passage_id"))


@dataclass(frozen=True)
class Saved:
    """A response as one save left it: its id, and its version for the next save."""

    response_id: str
    version: int | None


def respond(
    store: ProjectStore,
    passage_ref: str,
    text: str | None = None,
    *,
    position: str | None = None,
    status: str | None = None,
    proposed_change: str | None = None,
    comment_type: str | None = None,
    typing: bool = False,
) -> str:
    """Write or change the response to a passage; an earlier text is kept as a revision.

    ``comment_type`` is the ISO/IEC table's kind: general, technical or editorial.

    A ``status`` goes through the workflow's one door
    (:func:`~app.core.services.workflow.change_status_in`): one step forward
    at a time, recorded as a note; going back needs :func:`review.set_status`'s reason.
    ``typing`` marks a save of the editor while the user types: consecutive
    ones are one undo step, as in a word processor (a status change never joins).
    """
    return save_response(
        store,
        passage_ref,
        text,
        position=position,
        status=status,
        proposed_change=proposed_change,
        comment_type=comment_type,
        typing=typing,
    ).response_id


def response_version(store: ProjectStore, passage_id: str) -> int | None:
    """The version of the passage's response an editor shows (see :mod:`app.core.rowversion`)."""
    if store.engine.dialect.name != "postgresql":
        return None
    # one statement, outside a transaction: no BEGIN and ROLLBACK around it
    with store.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        value = connection.scalar(_VERSION_OF_RESPONSE, {"passage_id": passage_id})
    return rowversion.ABSENT if value is None else int(value)


# One round trip: a shared answer's response is its owner's.
_VERSION_OF_RESPONSE = sql(
    "SELECT r.xmin::text::bigint FROM response r WHERE r.deleted_at IS NULL AND r.passage_id = "
    "coalesce((SELECT p.same_as_id FROM passage p WHERE p.id = :passage_id), :passage_id)"
)
# A whole passage id reaches its response (or its owner's) without reading the passage first;
# a deleted passage's response is deleted with it, so the live-rows filter finds none.
_RESPONSE_OF_PASSAGE = select(Response).where(
    Response.passage_id
    == select(func.coalesce(Passage.same_as_id, Passage.id))
    .where(Passage.id == bindparam("passage_id"))
    .scalar_subquery()
)


def save_response(
    store: ProjectStore,
    passage_ref: str,
    text: str | None = None,
    *,
    position: str | None = None,
    status: str | None = None,
    proposed_change: str | None = None,
    comment_type: str | None = None,
    base_version: int | None = None,
    typing: bool = False,
) -> Saved:
    """:func:`respond`, refused as a conflict when the response is no longer ``base_version``.

    ``base_version`` is the version the editor showed (:func:`response_version`).
    When another member saved the response since, nothing of this edit is
    written over theirs: the fields given are kept as conflicts beside it and
    :class:`~app.core.errors.EditConflictError` says so (after they are saved).
    """
    if text is not None:
        markup.validate(text)
    if proposed_change is not None:
        markup.validate(proposed_change)
    # "" (or blanks) takes the position back to none chosen; None leaves it as it is
    pos: str | None = None
    if position is not None:
        pos = (
            _check_choice(position, POSITIONS, _("position"))
            if position.strip()
            else Position.UNSET
        )
    kind = (
        _check_choice(comment_type, COMMENT_TYPES, _("type of comment")) if comment_type else None
    )
    if status:
        workflow.normalise_status(status)
    ref = passage_ref.strip().lower()
    only_text = text is not None and (pos, proposed_change, kind) == (None, None, None)
    if only_text and not status and len(ref) == ID_LENGTH:
        quick = store.save_response_text(ref, text or "", base_version, typing=typing)
        if quick is not None:  # a team server's two statements did it all
            response_id, version, conflict_id = quick
            failure = rowversion.conflict_error("response", [conflict_id] if conflict_id else [])
            if failure is not None:
                raise failure
            return Saved(response_id, version)
    conflicts: list[str] = []
    fields = _Fields(text, pos, status, proposed_change, kind)
    with store.write("Edit response", typing=typing and not status) as session:
        response, now = _locked_response(session, passage_ref)
        if base_version is not None and now is not None and now != base_version:
            if response is not None:
                mine = {"text": text, "position": pos, "status": status}
                mine["proposed_change"] = proposed_change
                mine["comment_type"] = kind
                given = {k: v for k, v in mine.items() if v is not None}
                conflicts = rowversion.record_conflicts(
                    session, response, "response", given, store.member_id
                )
            saved = Saved(response.id if response else "", now)
        else:
            saved = _write(session, store, passage_ref, response, now, fields)
    if base_version is not None and saved.version != base_version and not saved.response_id:
        raise EditConflictError(
            _("Another member removed this response while you were editing it."), ()
        )
    failure = rowversion.conflict_error("response", conflicts)
    if failure is not None:
        raise failure
    return saved


@dataclass(frozen=True)
class _Fields:
    text: str | None
    position: str | None
    status: str | None
    proposed_change: str | None
    comment_type: str | None


def _locked_response(session: Session, passage_ref: str) -> tuple[Response | None, int | None]:
    """The passage's response (its owner's for a shared answer), held, and its version.

    On a team server the response row stays locked until the save commits, so
    two saves of it are serialised and the second compares against the first's
    version. The passage is locked too when the response is not found at
    once: two first saves must not both insert one.
    """
    ref = passage_ref.strip().lower()
    if len(ref) == ID_LENGTH:
        found, now = rowversion.fetch_locked(session, _RESPONSE_OF_PASSAGE, {"passage_id": ref})
        if found is not None:
            return found, now
    passage = resolve(session, Passage, passage_ref)
    owner_id = passage.same_as_id or passage.id  # a shared answer is edited once, for all
    rowversion.lock(session, "passage", owner_id)
    found, now = rowversion.fetch_locked(session, _LIVE_RESPONSE, {"passage_id": owner_id})
    if found is None and now is not None:
        # Another member's response, which this login may read but not change: the
        # write goes ahead as usual and the server refuses it, changing nothing.
        found = session.scalars(_LIVE_RESPONSE, {"passage_id": owner_id}).first()
        if found is not None:
            now = rowversion.version(session, "response", found.id)
    return found, now


def _write(
    session: Session,
    store: ProjectStore,
    passage_ref: str,
    response: Response | None,
    before: int | None,
    f: _Fields,
) -> Saved:
    if response is None:
        passage = resolve(session, Passage, passage_ref)
        response = Response(
            passage_id=passage.same_as_id or passage.id,
            text=f.text or "",
            position=f.position or Position.UNSET,
            status=Status.DRAFT,
            proposed_change=f.proposed_change or "",
            comment_type=f.comment_type or CommentType.GENERAL,
            author_id=store.member_id,
        )
        session.add(response)
        session.flush()
        if f.status:
            workflow.change_status_in(session, response, f.status, store.member_id)
        return Saved(response.id, rowversion.version(session, "response", response.id))
    stamp = response.updated_at
    written: list[object] = [response]
    if f.text is not None and f.text != response.text:
        if response.text:
            revision = Revision(
                response_id=response.id,
                text=response.text,
                author_id=response.changed_by or response.author_id,
            )
            session.add(revision)
            written.append(revision)
        response.text = f.text
    if f.position is not None:
        response.position = f.position
    if f.status:
        workflow.change_status_in(session, response, f.status, store.member_id)
    if f.proposed_change is not None:
        response.proposed_change = f.proposed_change
    if f.comment_type is not None:
        response.comment_type = f.comment_type
    if before is None:
        return Saved(response.id, None)
    session.flush()  # the row's new version exists once the UPDATE has run
    journal.settled(session, written)  # the journal need not read them back
    return Saved(response.id, rowversion.written(session, response, before, stamp))


def revisions(store: ProjectStore, response_ref: str) -> list[RevisionInfo]:
    with store.session() as session:
        response = resolve(session, Response, response_ref)
        rows = session.scalars(
            select(Revision)
            .where(Revision.response_id == response.id)
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
