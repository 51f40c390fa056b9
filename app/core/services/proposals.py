"""Proposed texts from a Word review: listed, accepted (merged when they can be) or declined.

:mod:`app.core.services.review_import` turns a reviewer's tracked edits into
a *proposal*: a note on the response that starts "Proposed text from NAME:"
and holds the edited text. Nothing is applied silently: a person accepts it
(the response changes through ``responses.respond``, so the replaced text
is kept as a revision) or declines it, and either answer is a reply on the
note, which is what takes it off the pending list. A proposal made on an
older text is merged with the current one when they changed different words.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core import markup
from app.core.errors import InvalidInputError
from app.core.i18n import _
from app.core.models import Note, NoteTarget, Response
from app.core.services import responses
from app.core.services.common import resolve
from app.core.services.notes import add_note_in
from app.core.store import ProjectStore
from app.core.textmerge import merge3

logger = logging.getLogger(__name__)

PROPOSAL_PREFIX = "Proposed text from "
ACCEPTED = "Proposal accepted."
DECLINED = "Proposal declined"


@dataclass(frozen=True)
class ProposalInfo:
    """A pending proposal as the review windows show it: who proposed what, on which response."""

    note_id: str
    response_id: str
    passage_id: str
    author: str
    markup: str
    current: str
    created_at: str


def _proposal(session: Session, note: Note) -> tuple[Response, str, str]:
    """The response, proposer's name and proposed markup of a proposal note."""
    head, _newline, body = note.text.partition("\n")
    if note.target_kind != NoteTarget.RESPONSE or not head.startswith(PROPOSAL_PREFIX):
        raise InvalidInputError(_("This note is not a proposed text."))
    response = session.get(Response, note.target_id)
    if response is None or response.deleted_at is not None:
        raise InvalidInputError(_("The response this text was proposed for no longer exists."))
    name = markup.plain_text(head[len(PROPOSAL_PREFIX) : -1])
    return response, name, body


def _decided(session: Session, note_id: str) -> bool:
    replies = session.scalars(select(Note.text).where(Note.parent_id == note_id))
    return any(t == ACCEPTED or t.startswith(DECLINED) for t in replies)


class StaleProposalError(InvalidInputError):
    """A proposal built on an older text that cannot be merged with the current one."""

    def __init__(self, exported: str, current: str, proposed: str) -> None:
        super().__init__(
            _(
                "This proposal was made on an older text of the response, and the response was "
                "rewritten since in the same places. Compare the three texts and choose:\n"
                "Sent for review: {exported}\nCurrent: {current}\nProposed: {proposed}"
            ).format(
                exported=markup.plain_text(exported),
                current=markup.plain_text(current),
                proposed=markup.plain_text(proposed),
            )
        )
        self.exported, self.current, self.proposed = exported, current, proposed


def three_texts(store: ProjectStore, note_id: str) -> tuple[str, str, str]:
    """``(exported, current, proposed)`` of a proposal; exported is "" when unknown."""
    with store.session() as session:
        note = resolve(session, Note, note_id)
        response, _name, body = _proposal(session, note)
        return note.proposal_base, response.text, body


def accept_proposal(store: ProjectStore, note_id: str, text: str | None = None) -> str:
    """Make a proposed text the response's text (the old one is kept); returns the response id.

    A proposal built on an older text is merged with the current one when
    the two changed different words; otherwise :class:`StaleProposalError`
    shows the three texts, and the caller passes the ``text`` a person chose.
    Nothing newer is ever replaced silently.
    """
    with store.write("Accept proposal") as session:
        note = resolve(session, Note, note_id)
        response, _name, body = _proposal(session, note)
        if _decided(session, note.id):
            raise InvalidInputError(_("This proposal was already accepted or declined."))
        if text is not None:
            body = markup.validate(text)
        elif note.proposal_base and note.proposal_base != response.text:
            merged = merge3(note.proposal_base, response.text, body)
            if merged is None:
                raise StaleProposalError(note.proposal_base, response.text, body)
            body = merged
        passage_id, note_id = response.passage_id, note.id
        response_id = responses.respond(store, passage_id, body)  # joins this write
        add_note_in(
            session, NoteTarget.RESPONSE, response_id, ACCEPTED, store.member_id, parent_id=note_id
        )
    return response_id


def decline_proposal(store: ProjectStore, note_id: str, reason: str = "") -> None:
    """Record that a proposal was not taken (a reply on it), so it is no longer pending."""
    with store.write("Decline proposal") as session:
        note = resolve(session, Note, note_id)
        response, _name, _body = _proposal(session, note)
        if _decided(session, note.id):
            raise InvalidInputError(_("This proposal was already accepted or declined."))
        reason = " ".join(reason.split())
        text = f"{DECLINED}: {markup.escape(reason)}" if reason else f"{DECLINED}."
        add_note_in(
            session, NoteTarget.RESPONSE, response.id, text, store.member_id, parent_id=note.id
        )


def pending_proposals(store: ProjectStore, response_id: str | None = None) -> list[ProposalInfo]:
    """Proposed texts nobody has accepted or declined yet, oldest first."""
    with store.session() as session:
        query = (
            select(Note)
            .where(
                Note.target_kind == NoteTarget.RESPONSE,
                Note.text.startswith(PROPOSAL_PREFIX),
            )
            .order_by(Note.created_at)
        )
        if response_id is not None:
            query = query.where(Note.target_id == response_id)
        out: list[ProposalInfo] = []
        for note in session.scalars(query).all():
            try:
                response, name, body = _proposal(session, note)
            except InvalidInputError:
                continue
            if _decided(session, note.id):
                continue
            out.append(
                ProposalInfo(
                    note.id,
                    response.id,
                    response.passage_id,
                    name,
                    body,
                    response.text,
                    note.created_at,
                )
            )
        return out
