"""The contribution tree: what the exporters render, and nothing else.

The tree is built once from the project by the read model
(``app.core.contribution.read``) and handed to the renderers (DOCX, HTML,
plain text), which never query the database. Every rule about what prints
(headings, party names, empty responses, drafts, highlights) has already been
applied: a renderer prints what it is given.
All rich text is in the project's markup (``app.core.markup``); quotes are
plain text as printed (with "…" elisions and "[bracketed]" insertions).
The layout (grouped, interleaved, table) is a renderer option: the tree is the
same for all three.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from enum import StrEnum

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class NoteItem:
    """An internal note; only the review copy prints it (as a Word comment)."""

    note_id: str
    author: str
    created: str
    text: str


@dataclass(frozen=True, slots=True)
class Quote:
    """A printed quote. ``party`` is the bare name (no article), for the table's column.

    ``page_label`` is set only for a source with real pages; ``paragraph_number``
    is the printed number ("12.") or, without pages, the paragraph's position.
    ``language`` is the source's ("" unknown: the document's language applies).
    """

    passage_id: str
    text: str
    party: str
    page_label: str | None = None
    paragraph_number: str | None = None
    notes: tuple[NoteItem, ...] = ()
    language: str = ""


@dataclass(frozen=True, slots=True)
class Comment:
    response_id: str
    markup: str
    position: str
    status: str
    author: str
    proposed_change: str = ""
    draft: bool = False
    notes: tuple[NoteItem, ...] = ()
    comment_type: str = "general"


@dataclass(frozen=True, slots=True)
class Citation:
    quote: Quote
    comment: Comment | None = None


@dataclass(frozen=True, slots=True)
class ParagraphBlock:
    block_id: str
    markup: str


@dataclass(frozen=True, slots=True)
class CitationsBlock:
    """Quotes and the comments on them.

    Grouped layout: ``lead_in``, the numbered quotes, ``comments_lead_in``, the
    numbered comments in the same order. ``numbered`` is false for the sample's
    unnumbered single quotes ("We highlight this part of the paper:").
    """

    block_id: str
    lead_in: str
    comments_lead_in: str
    citations: tuple[Citation, ...]
    numbered: bool = True


@dataclass(frozen=True, slots=True)
class CrossReferenceBlock:
    """The whole sentence (markup) naming another section, as it prints."""

    block_id: str
    markup: str
    target_section_id: str


@dataclass(frozen=True, slots=True)
class ListBlock:
    block_id: str
    items: tuple[str, ...]
    numbered: bool = True


Block = ParagraphBlock | CitationsBlock | CrossReferenceBlock | ListBlock


class SectionKind(StrEnum):
    TOPIC = "topic"
    PARTY = "party"


@dataclass(frozen=True, slots=True)
class SectionNode:
    section_id: str
    heading: str
    kind: SectionKind
    blocks: tuple[Block, ...]
    party: str | None = None
    opening: str = ""
    closing: str = ""


class LeftOutReason(StrEnum):
    DRAFT = "draft"
    UNANSWERED = "unanswered"
    UNPLACED = "unplaced"


@dataclass(frozen=True, slots=True)
class LeftOut:
    """A passage that does not print, and why (said by the CLI and the export dialog)."""

    passage_id: str
    reason: LeftOutReason


@dataclass(frozen=True, slots=True)
class Contribution:
    """The whole document. ``date`` is written out in the language ("2 December 2026").

    ``empty_sections`` are (id, heading) of sections left out because they
    hold nothing to print.
    """

    title: str
    organisation: str
    sections: tuple[SectionNode, ...]
    meeting: str = ""
    date: str = ""
    language: str = "en"
    include_drafts: bool = False
    review_copy: bool = False
    left_out: tuple[LeftOut, ...] = field(default=())
    empty_sections: tuple[tuple[str, str], ...] = field(default=())
