"""The one door through which a response's status changes: draft → proposed → agreed.

Forward means one step at a time, so that an expert's draft is never agreed
without having been proposed; any move back needs a reason. Every change is
recorded as a note on the response ("Status changed from agreed to proposed:
the capital objects."), which carries who and when and travels with merges.
``respond --status``, the review panel and the response editor all come
through :func:`change_status_in`, so none of them can skip the rule or its
record.
"""

from __future__ import annotations

import logging

from sqlalchemy.orm import Session

from app.core import markup
from app.core.errors import InvalidInputError
from app.core.i18n import N_, _
from app.core.kinds import STATUS_NOTE_PREFIX
from app.core.models import NoteTarget, Response, Status
from app.core.services.notes import add_note_in

logger = logging.getLogger(__name__)

# The statuses' words in the catalogue: messages look them up with _(status).
STATUS_WORDS = (N_("draft"), N_("proposed"), N_("agreed"))

ORDER: tuple[str, ...] = (Status.DRAFT, Status.PROPOSED, Status.AGREED)
PREFIX = STATUS_NOTE_PREFIX


def normalise_status(value: str) -> str:
    status = value.strip().lower()
    if status not in ORDER:
        raise InvalidInputError(
            _("“{value}” is not a status; choose draft, proposed or agreed.").format(value=value)
        )
    return status


def steps_to(status: str) -> list[str]:
    """The statuses a new (draft) response passes through to reach ``status``, one at a time."""
    return list(ORDER[1 : ORDER.index(normalise_status(status)) + 1])


def change_note_text(old: str, new: str, reason: str) -> str:
    reason = " ".join(reason.split())
    if reason:
        return f"{PREFIX}{old} to {new}: {markup.escape(reason)}"
    return f"{PREFIX}{old} to {new}."


def change_status_in(
    session: Session, response: Response, status: str, member_id: str | None, reason: str = ""
) -> bool:
    """Move ``response`` to ``status`` inside a write, by the rule; False when already there."""
    new = normalise_status(status)
    old = response.status if response.status in ORDER else Status.DRAFT
    if new == old:
        return False
    step = ORDER.index(new) - ORDER.index(old)
    if step > 1:
        raise InvalidInputError(
            _(
                "A {old} response must be proposed before it can be {new}; "
                "change its status one step at a time."
            ).format(old=_(old), new=_(new))
        )
    if step < 0 and not reason.strip():
        raise InvalidInputError(
            _(
                "Say why the response goes back from {old} to {new}: "
                "the reason is kept for the others."
            ).format(old=_(old), new=_(new))
        )
    response.status = new
    session.flush()  # a new response needs its id before the note points at it
    add_note_in(
        session, NoteTarget.RESPONSE, response.id, change_note_text(old, new, reason), member_id
    )
    return True
