"""The contribution tree laid out as a flat sequence of things to print.

The three renderers (DOCX, HTML preview, plain text) must agree on what
follows what in each layout — where the lead-ins go, which numbers the
comments get, what a cross-reference reads — or the preview would lie about
the export. So the layout decisions are taken here, once, and each renderer
only maps :class:`Heading`, :class:`Para`, :class:`ListGroup` and
:class:`Table` to its own format.

All text leaving this module has been through :func:`clean_text`. ``Para.text``
is markup unless ``Para.plain`` (quotes are plain text as printed).
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from enum import StrEnum

from app.core.contribution.model import (
    Citation,
    CitationsBlock,
    Comment,
    Contribution,
    CrossReferenceBlock,
    ListBlock,
    ParagraphBlock,
    Quote,
    SectionNode,
)
from app.core.errors import MarkupError
from app.core.markup import Inline, Run, parse
from app.exporters.cleaning import clean_text
from app.exporters.layout import Layout

logger = logging.getLogger(__name__)


class Role(StrEnum):
    """What a paragraph is; each renderer maps a role to a style."""

    BODY = "body"
    LEAD_IN = "lead-in"
    QUOTE = "quote"
    COMMENT = "comment"
    LIST_ITEM = "list-item"


@dataclass(frozen=True, slots=True)
class Heading:
    text: str
    section_id: str
    level: int = 1


@dataclass(frozen=True, slots=True)
class Para:
    """One paragraph of the output (several if its markup has line breaks).

    ``number`` is the printed list number; ``None`` inside a list means a
    continuation (an interleaved comment under its quote, or an unnumbered
    quote). ``quote``/``comment`` are kept for the review copy's Word comments
    and bookmarks.
    """

    role: Role
    text: str
    section_id: str
    plain: bool = False
    number: int | None = None
    draft: bool = False
    quote: Quote | None = None
    comment: Comment | None = None


@dataclass(frozen=True, slots=True)
class ListGroup:
    """Paragraphs numbered together; numbering restarts with every group."""

    block_id: str
    role: Role
    numbered: bool
    items: tuple[Para, ...]


@dataclass(frozen=True, slots=True)
class Table:
    """The ISO/IEC commenting template's shape: one row per citation."""

    block_id: str
    section_id: str
    rows: tuple[Citation, ...]


Item = Heading | Para | ListGroup | Table


def _comment_text(comment: Comment) -> str:
    return clean_text(comment.markup)


def _quote_para(quote: Quote, section_id: str, number: int | None) -> Para:
    return Para(
        Role.QUOTE,
        clean_text(quote.text),
        section_id,
        plain=True,
        number=number,
        quote=quote,
    )


def _comment_para(comment: Comment, section_id: str, number: int | None) -> Para:
    return Para(
        Role.COMMENT,
        _comment_text(comment),
        section_id,
        number=number,
        draft=comment.draft,
        comment=comment,
    )


def visible_comment(citation: Citation, include_drafts: bool) -> Comment | None:
    """The comment to print; a draft is dropped unless drafts were asked for.

    The tree builder already decides this; checking again costs nothing and
    keeps a draft from leaking into a final export by a builder mistake.
    """
    comment = citation.comment
    if comment is None or (comment.draft and not include_drafts):
        return None
    return comment


def _citations(
    block: CitationsBlock, section_id: str, layout: Layout, include_drafts: bool
) -> Iterator[Item]:
    numbered = block.numbered
    if block.lead_in:
        yield Para(Role.LEAD_IN, clean_text(block.lead_in), section_id)
    if layout is Layout.TABLE:
        yield Table(block.block_id, section_id, block.citations)
        return
    if layout is Layout.INTERLEAVED:
        items: list[Para] = []
        for index, citation in enumerate(block.citations, start=1):
            items.append(_quote_para(citation.quote, section_id, index if numbered else None))
            comment = visible_comment(citation, include_drafts)
            if comment is not None:
                items.append(_comment_para(comment, section_id, None))
        yield ListGroup(block.block_id, Role.QUOTE, numbered, tuple(items))
        return
    quotes = tuple(
        _quote_para(c.quote, section_id, i if numbered else None)
        for i, c in enumerate(block.citations, start=1)
    )
    yield ListGroup(block.block_id, Role.QUOTE, numbered, quotes)
    comments: list[Para] = []
    for index, citation in enumerate(block.citations, start=1):
        comment = visible_comment(citation, include_drafts)
        if comment is not None:
            comments.append(_comment_para(comment, section_id, index if numbered else None))
    if not comments:
        return
    if block.comments_lead_in:
        yield Para(Role.LEAD_IN, clean_text(block.comments_lead_in), section_id)
    yield ListGroup(block.block_id + ":comments", Role.COMMENT, numbered, tuple(comments))


def _section(section: SectionNode, layout: Layout, include_drafts: bool) -> Iterator[Item]:
    sid = section.section_id
    yield Heading(clean_text(section.heading), sid)
    if section.opening:
        yield Para(Role.BODY, clean_text(section.opening), sid)
    for block in section.blocks:
        if isinstance(block, ParagraphBlock):
            yield Para(Role.BODY, clean_text(block.markup), sid)
        elif isinstance(block, CitationsBlock):
            yield from _citations(block, sid, layout, include_drafts)
        elif isinstance(block, CrossReferenceBlock):
            yield Para(Role.BODY, clean_text(block.markup), sid)
        elif isinstance(block, ListBlock):
            items = tuple(
                Para(
                    Role.LIST_ITEM,
                    clean_text(item),
                    sid,
                    number=i if block.numbered else None,
                )
                for i, item in enumerate(block.items, start=1)
            )
            yield ListGroup(block.block_id, Role.LIST_ITEM, block.numbered, items)
    if section.closing:
        yield Para(Role.BODY, clean_text(section.closing), sid)


def layout_items(contribution: Contribution, layout: Layout) -> Iterator[Item]:
    """Everything below the title, in reading order, for ``layout``."""
    for section in contribution.sections:
        yield from _section(section, layout, contribution.include_drafts)


def cover_lines(contribution: Contribution) -> list[str]:
    """The lines under the title, each on its own as on a UN or ITU cover.

    Organisation, meeting and date (already written out in the language), as
    far as known.
    """
    parts = (contribution.organisation, contribution.meeting, contribution.date)
    return [clean_text(p) for p in parts if p.strip()]


def inline_paragraphs(para: Para) -> list[tuple[Inline, ...]]:
    """The paragraphs of ``para`` as runs; invalid markup is printed as plain text.

    Stored markup is validated on input, so a parse error here means a bug
    elsewhere; printing the raw text is better than failing the whole export.
    """
    if para.plain:
        lines: Sequence[tuple[Inline, ...]] = [
            (Run(t),) if t else () for t in para.text.split("\n")
        ]
    else:
        try:
            lines = parse(para.text)
        except MarkupError:
            lines = [(Run(t),) if t else () for t in para.text.split("\n")]
    kept = [_single_spaced(line) for line in lines if line]
    return kept or [()]


def _single_spaced(line: Sequence[Inline]) -> tuple[Inline, ...]:
    """Drop the spaces a run starts with when the text before it already ends with one.

    "We <u> strongly</u>" (a selection that began with a space) would print
    two spaces: the underline leaves its leading space out, but it stays.
    """
    out: list[Inline] = []
    spaced = False
    for item in line:
        if isinstance(item, Run):
            text = item.text.lstrip(" ") if spaced else item.text
            if not text:
                continue
            out.append(item if text == item.text else dataclasses.replace(item, text=text))
            spaced = text[-1:] in (" ", "\u00a0")
        else:
            out.append(item)
            spaced = False
    return tuple(out)


def location(quote: Quote, page: str, paragraph: str) -> str:
    """ "p. 3, para. 12" in the phrasebook's abbreviations."""
    parts = []
    if quote.page_label:
        parts.append(f"{page} {quote.page_label}")
    if quote.paragraph_number:
        parts.append(f"{paragraph} {quote.paragraph_number}")
    return clean_text(", ".join(parts))
