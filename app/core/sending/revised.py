"""The revised document ("Rev.N"): the same tree, its title marked, the changes listed first.

A secretariat that already circulated our contribution needs to see at once
that this one replaces it, and what differs. Only changes a reader of either
document can see are listed (a status moved between draft and proposed
behind the scenes is not news for the secretariat); a change that makes a
passage print or stop printing is. The tree stays a plain contribution, so
every renderer (Word, HTML preview, plain text) prints the revision the
same way.
"""

from __future__ import annotations

import logging
from dataclasses import replace

from app.core import markup
from app.core.contribution.model import Contribution, ListBlock, SectionKind, SectionNode
from app.core.contribution.names import long_date
from app.core.phrasebook import Phrasebook, load_phrasebook
from app.core.sending.diff import Change, ChangeKind
from app.core.sending.record import SentInfo

logger = logging.getLogger(__name__)

CHANGES_SECTION_ID = "changes-since-sent"


def _short(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _position(value: str, phrases: Phrasebook) -> str:
    key = f"position_{value}" if value else "position_none"
    return phrases.text(key) if key in phrases else value.replace("_", " ")


def describe(change: Change, phrases: Phrasebook | None = None) -> str | None:
    """One line for the document's list of changes, or None when readers cannot see it."""
    phrases = phrases or load_phrasebook("en")
    quoted = f"“{_short(change.quote)}”"
    where = f"{change.party}{phrases.text('colon')}{quoted}" if change.party else quoted
    if change.printed_before and not change.printed_now:
        return phrases.text("change_withdrawn", where=where)
    if change.printed_now and not change.printed_before:
        return phrases.text("change_added", where=where)
    if not change.in_document:
        return None
    if change.kind is ChangeKind.QUOTE:
        return phrases.text("change_quote", where=where)
    if change.kind in (ChangeKind.EDITED, ChangeKind.FORM):  # FORM: text ⇄ cross-reference
        return phrases.text("change_comment", where=where)
    if change.kind is ChangeKind.POSITION:
        return phrases.text(
            "change_position",
            where=where,
            before=_position(change.before, phrases),
            after=_position(change.after, phrases),
        )
    return None


def document_lines(changes: list[Change], phrases: Phrasebook | None = None) -> list[str]:
    """The lines of the list of changes, each passage's lines once, in order."""
    lines: list[str] = []
    for change in changes:
        line = describe(change, phrases)
        if line is not None and line not in lines:
            lines.append(line)
    return lines


def revised(
    contribution: Contribution, revision_no: int, previous: SentInfo, changes: list[Change]
) -> Contribution:
    """``contribution`` as "Rev.``revision_no``", opening with what changed since ``previous``.

    In the contribution's language (the phrasebook's ``change_*`` sentences).
    """
    phrases = load_phrasebook(contribution.language)
    lines = document_lines(changes, phrases) or [phrases.text("no_changes")]
    heading = phrases.text("changes_heading", date=long_date(previous.sent_at[:10], phrases))
    section = SectionNode(
        section_id=CHANGES_SECTION_ID,
        heading=heading,
        kind=SectionKind.TOPIC,
        blocks=(
            ListBlock(
                block_id=CHANGES_SECTION_ID,
                items=tuple(markup.escape(line) for line in lines),
                numbered=False,
            ),
        ),
    )
    logger.info("revised document Rev.%d with %d change lines", revision_no, len(lines))
    title = phrases.text("revision_title", title=contribution.title, number=str(revision_no))
    return replace(contribution, title=title, sections=(section, *contribution.sections))
