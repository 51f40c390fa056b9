"""One answer for several passages ("Same answer as…").

A passage that shares another's answer points to it (``passage.same_as_id``)
and has no response of its own: there is one response row, so one text,
edited once, with one status and one history. Sharing is kept flat — every
passage of a group points to the passage that owns the response — so a
look-up is one step. Each operation is one journal step; undoing
"Same answer as" gives the passage back its own response, as it was.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from rapidfuzz import fuzz
from rapidfuzz.utils import default_process
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.errors import InvalidInputError
from app.core.i18n import _
from app.core.models import Passage, Position, Response, Status, utcnow
from app.core.services.common import resolve, tombstone
from app.core.store import ProjectStore

logger = logging.getLogger(__name__)

# Passages sharing an answer "now differ a lot" when their quotes are less alike than this
# and have drifted apart since they were cited (a revised version re-anchored one of them):
# sharing one answer between different points on purpose is not a problem. A re-anchoring
# only follows words at least 0.75 alike (anchoring's fuzzy threshold), so a passage that
# drifted from a copy of the other is at least that alike to it: 0.6 could never fire.
DIFFER_BELOW = 0.85
DRIFT = 0.1


def answer_owner(passage: Passage) -> str:
    """The passage whose response answers ``passage`` (itself unless it shares one)."""
    return passage.same_as_id or passage.id


def live_response(session: Session, owner_id: str) -> Response | None:
    return session.scalars(select(Response).where(Response.passage_id == owner_id)).first()


def share_answer(store: ProjectStore, passage_ref: str, other_ref: str) -> str:
    """Make a passage share another passage's answer; returns the shared response's id.

    The passage's own response (if any) is set aside (tombstoned, so undo and
    a merge both see it); passages that shared the passage's answer now
    share the other's too. If the other passage has no answer yet, an empty
    draft is created for both to share.
    """
    with store.write("Same answer as") as session:
        passage = resolve(session, Passage, passage_ref)
        other = resolve(session, Passage, other_ref)
        owner_id = answer_owner(other)
        if owner_id == passage.id or other.id == passage.id:
            raise InvalidInputError(_("A passage cannot share its own answer."))
        owner = session.get(Passage, owner_id)
        if owner is None or owner.deleted_at is not None:
            raise InvalidInputError(_("The passage whose answer was to be shared is gone."))
        stamp = utcnow()
        own = live_response(session, passage.id)
        if own is not None:
            tombstone(own, stamp)
        for follower in session.scalars(select(Passage).where(Passage.same_as_id == passage.id)):
            follower.same_as_id = owner_id
        passage.same_as_id = owner_id
        response = live_response(session, owner_id)
        if response is None:
            response = Response(
                passage_id=owner_id,
                text="",
                position=Position.NOTE,
                status=Status.DRAFT,
                author_id=store.member_id,
            )
            session.add(response)
            session.flush()
        logger.info("passage %s shares the answer of %s", passage.id, owner_id)
        return response.id


def hand_over(session: Session, passage: Passage, stamp: str) -> None:
    """Before ``passage`` is deleted: the first passage sharing its answer takes the response."""
    followers = list(
        session.scalars(
            select(Passage)
            .where(Passage.same_as_id == passage.id)
            .order_by(Passage.created_at, Passage.id)
        )
    )
    if not followers:
        return
    heir = followers[0]
    heir.same_as_id = None
    for follower in followers[1:]:
        follower.same_as_id = heir.id
    response = live_response(session, passage.id)
    if response is not None:
        response.passage_id = heir.id


@dataclass(frozen=True)
class SharedGroup:
    owner_id: str
    response_id: str | None
    passage_ids: tuple[str, ...]  # the owner first
    similarity: float  # of the least alike quote to the owner's, 0..1
    drifted: bool  # some pair is less alike now than when first cited, by DRIFT or more


def shared_groups(store: ProjectStore) -> list[SharedGroup]:
    """Every answer shared by several live passages, with how alike their quotes still are."""
    with store.session() as session:
        rows = session.scalars(select(Passage).order_by(Passage.created_at)).all()
        by_id = {p.id: p for p in rows}
        groups: dict[str, list[Passage]] = {}
        for p in rows:
            if p.same_as_id is not None and p.same_as_id in by_id:
                groups.setdefault(p.same_as_id, []).append(p)
        found = []
        for owner_id, followers in groups.items():
            owner = by_id[owner_id]
            response = live_response(session, owner_id)
            now = [_alike(owner.exact, f.exact) for f in followers]
            then = [
                _alike(owner.orig_exact or owner.exact, f.orig_exact or f.exact) for f in followers
            ]
            found.append(
                SharedGroup(
                    owner_id,
                    response.id if response is not None else None,
                    (owner_id, *(f.id for f in followers)),
                    round(min(now), 3),
                    any(n <= t - DRIFT for n, t in zip(now, then, strict=True)),
                )
            )
        return found


def differing_groups(store: ProjectStore) -> list[SharedGroup]:
    """Shared answers whose passages now differ a lot (e.g. after a revised version)."""
    return [g for g in shared_groups(store) if g.similarity < DIFFER_BELOW and g.drifted]


def _alike(a: str, b: str) -> float:
    return fuzz.ratio(a, b, processor=default_process) / 100.0
