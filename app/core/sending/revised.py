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
from app.core.sending.diff import Change, ChangeKind
from app.core.sending.record import SentInfo

logger = logging.getLogger(__name__)

CHANGES_SECTION_ID = "changes-since-sent"
_POSITIONS = {
    "": "no position",
    "agree": "agree",
    "partly_agree": "partly agree",
    "disagree": "disagree",
    "strongly_disagree": "strongly disagree",
    "note": "note",
}


def _short(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def describe(change: Change) -> str | None:
    """One line for the document's list of changes, or None when readers cannot see it."""
    quoted = f"“{_short(change.quote)}”"
    where = f"{change.party}: {quoted}" if change.party else quoted
    if change.printed_before and not change.printed_now:
        return f"{where}: quote and comment withdrawn."
    if change.printed_now and not change.printed_before:
        return f"{where}: quote and comment added."
    if not change.in_document:
        return None
    if change.kind is ChangeKind.QUOTE:
        return f"{where}: the quote was corrected."
    if change.kind is ChangeKind.EDITED:
        return f"{where}: our comment was revised."
    if change.kind is ChangeKind.POSITION:
        before = _POSITIONS.get(change.before, change.before)
        after = _POSITIONS.get(change.after, change.after)
        return f"{where}: our position changed from {before} to {after}."
    return None


def document_lines(changes: list[Change]) -> list[str]:
    """The lines of the list of changes, each passage's lines once, in order."""
    lines: list[str] = []
    for change in changes:
        line = describe(change)
        if line is not None and line not in lines:
            lines.append(line)
    return lines


def _date(sent_at: str) -> str:
    return sent_at[:10]


def revised(
    contribution: Contribution, revision_no: int, previous: SentInfo, changes: list[Change]
) -> Contribution:
    """``contribution`` as "Rev.``revision_no``", opening with what changed since ``previous``."""
    lines = document_lines(changes) or ["No change to the quotes or comments."]
    heading = f"Changes since the version sent on {_date(previous.sent_at)}"
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
    return replace(
        contribution,
        title=f"{contribution.title} (Rev.{revision_no})",
        sections=(section, *contribution.sections),
    )
