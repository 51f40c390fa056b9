"""The list of changes since sent, worded for a person in the user's language.

``rejoinder changes`` prints it; its words come from core's gettext
catalogue (as core's errors do), so a delegate whose system speaks French
or Spanish reads "modifiée" or "editada" rather than "edited". Columns stay
tab-separated and in the same order in every language; the ids, times,
hashes and file names are never translated.
"""

from __future__ import annotations

import logging

from app.core.i18n import _
from app.core.sending.diff import Change, ChangeKind
from app.core.sending.record import SentInfo

logger = logging.getLogger(__name__)


def kind_label(kind: ChangeKind) -> str:
    """The first column of a change: what changed (in English, the kind itself)."""
    labels = {
        ChangeKind.ADDED: _("added"),
        ChangeKind.REMOVED: _("removed"),
        ChangeKind.QUOTE: _("quote"),
        ChangeKind.EDITED: _("edited"),
        ChangeKind.POSITION: _("position"),
        ChangeKind.STATUS: _("status"),
        ChangeKind.FORM: _("printed as"),
    }
    return labels[kind]


def version_label(info: SentInfo) -> str:
    """The sent document's name: "original" in the user's language, or Rev.N."""
    return _("original") if info.revision_no == 0 else info.name


def short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def sent_line(info: SentInfo) -> str:
    """One final export: sent, its name, when, by whom, its sha256 and file name."""
    return "\t".join(
        (_("sent"), version_label(info), info.sent_at, info.member, info.sha256, info.filename)
    )


def change_line(change: Change) -> str:
    """One change: what, the passage, the party, its quote, and the text before → after."""
    quote = _("“{quote}”").format(quote=short(change.quote))
    arrow = f"{short(change.before) or '-'} → {short(change.after) or '-'}"
    return "\t".join((kind_label(change.kind), change.passage_id, change.party, quote, arrow))


def nothing_sent() -> str:
    return _("Nothing has been sent yet.")


def no_change() -> str:
    return _("No change since it was sent.")
