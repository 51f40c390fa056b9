"""Re-flow ordered lines into paragraphs and lay them out as one text.

A printed line is not a paragraph: lines of one paragraph are joined with a
space (or across a line-end hyphen), and a new paragraph starts where the
typesetting shows one — a vertical gap, a first-line indent, a previous line
that stops short of the column edge although the next word would have fit,
a change of type size or weight, or a numbered or bulleted item.
"""

from __future__ import annotations

import logging
import statistics
from dataclasses import dataclass, field
from itertools import pairwise

from app.importers.base import Footnote, Page, Paragraph, ParagraphKind
from app.importers.pdf.layout import Block, note_marker
from app.importers.pdf.lines import RTL, Line
from app.importers.pdf.text import (
    ITEM_BULLETS,
    collapse_spaces,
    join_lines,
    paragraph_number,
    starts_item,
)

logger = logging.getLogger(__name__)


@dataclass(slots=True)
class Para:
    text: str
    size: float
    bold: bool
    lines: int = 1
    x0: float = 0.0
    cont_x0: float | None = None
    # (marker, offset just after it in ``text``) for raised markers in the body
    refs: list[tuple[str, int]] = field(default_factory=list)


def _refs(line: Line, shift: int) -> list[tuple[str, int]]:
    return [(line.text[a:b], shift + b) for a, b in line.sups]


def _line_pitch(blocks: list[Block]) -> float:
    """Typical baseline distance in units of type size (1.2 single, 1.8 double spacing)."""
    ratios = []
    flow = [ln for block in blocks for ln in block.lines]
    for a, b in pairwise(flow):
        step = a.bottom - b.bottom
        if 0.8 * a.size < step < 3 * a.size:
            ratios.append(step / a.size)
    return statistics.median(ratios) if ratios else 1.2


def _new_paragraph(
    para: Para,
    prev: Line,
    prev_block: Block,
    cur: Line,
    cur_block: Block,
    floor: float,
    pitch: float,
) -> bool:
    """Whether ``cur`` starts a paragraph after ``prev``, the last line of ``para``.

    Asked of every line but a page's first: the attributes read more than
    once are read once into local names.
    """
    prev_size, cur_size = prev.size, cur.size
    size = cur_size if cur_size > prev_size else prev_size  # max(), without the call
    if abs(prev_size - cur_size) > 0.15 * size or prev.bold != cur.bold:
        return True
    prev_bottom = prev.bottom
    below = cur.top <= prev_bottom + 0.3 * size
    if below:
        if prev_bottom - cur.bottom > (pitch + 0.4) * size:
            return True
    elif prev_bottom > floor + 1.5 * size:
        return True  # the previous column stopped short of the bottom: its paragraph ended
    text, prev_text = cur.text, prev.text
    if starts_item(text) and (
        prev_text[-1:] in ".:;"
        or text[0] in ITEM_BULLETS
        or (starts_item(para.text) and abs(cur.x0 - para.x0) < 0.5 * size)
    ):
        return True  # the next item of a list
    rtl = not prev_text.isascii() and RTL.search(prev_text) is not None
    if (prev_block is cur_block or below) and not rtl:
        cont_x0 = para.cont_x0
        if cont_x0 is None:
            # second line: a first-line indent or a hanging list label is normal
            if cur.x0 > prev.x0 + 0.8 * size and not starts_item(para.text):
                return True
        elif abs(cur.x0 - cont_x0) > 0.8 * size:
            return True
    if prev.hyphen:
        return False
    # Right-to-left lines are flush right and stop short on the left.
    room = prev.x0 - prev_block.left if rtl else prev_block.right - prev.x1
    if room <= 1.5 * cur_size and cur_size >= 0:
        return False  # no first word fits, whatever its length: no need to split the line
    words = text.split(maxsplit=1)
    return bool(words) and room > (len(words[0]) * 0.5 + 1.0) * cur_size


def paragraphs(blocks: list[Block], words: set[str]) -> list[Para]:
    """Paragraphs of a page body in reading order."""
    out: list[Para] = []
    prev: Line | None = None
    prev_block: Block | None = None
    floor = min((b.lines[-1].bottom for b in blocks if b.lines), default=0.0)
    pitch = _line_pitch(blocks)
    for block in blocks:
        for line in block.lines:
            if (
                prev is None
                or prev_block is None
                or _new_paragraph(out[-1], prev, prev_block, line, block, floor, pitch)
            ):
                if prev is not None and prev.hyphen:
                    out[-1].text += "-"  # the word goes on elsewhere: keep what was printed
                refs = _refs(line, 0) if line.sups else []
                out.append(Para(line.text, line.size, line.bold, 1, line.x0, None, refs))
            else:
                para = out[-1]
                text = para.text
                # join_lines' common case (a space between), decided here as it
                # would decide it: this runs for most lines of a document.
                if prev.hyphen or not text or text[-1] in "-/\u2014":
                    joined = join_lines(text, line.text, prev.hyphen, words)
                else:
                    joined = text + " " + line.text
                if line.sups:
                    para.refs.extend(_refs(line, len(joined) - len(line.text)))
                para.text = joined
                para.lines += 1
                if para.cont_x0 is None or block is not prev_block:
                    para.cont_x0 = line.x0
            prev, prev_block = line, block
    if prev is not None and prev.hyphen:
        out[-1].text += "-"
    return out


def note_paragraphs(notes: list[list[Line]], words: set[str]) -> list[tuple[str, str]]:
    """(marker, full paragraph text starting with the marker) per footnote."""
    out = []
    for lines in notes:
        marker, first = note_marker(lines[0])
        text = first
        hyphen = lines[0].hyphen
        for line in lines[1:]:
            text = join_lines(text, line.text, hyphen, words)
            hyphen = line.hyphen
        if hyphen:
            text += "-"
        out.append((marker, collapse_spaces(f"{marker} {text}")))
    return out


# A body paragraph ready to join the text: (text, kind, number, heading level,
# raised markers as (marker, offset just after it in text)).
Placed = tuple[str, ParagraphKind, str | None, int, list[tuple[str, int]]]
# One page ready to join the text: its body paragraphs, and its footnotes as
# (marker, text from the marker on, text after the marker).
Laid = tuple[list[Placed], list[tuple[str, str, str]]]


def place(body: list[Para], notes: list[tuple[str, str]], body_size: float) -> Laid:
    """A page's paragraphs as the text will hold them: spaces collapsed, kinds decided.

    Done with the layout, page by page (in the worker processes too), so
    that joining the pages in order (:class:`Assembler`) is only counting offsets.
    """
    placed: list[Placed] = []
    for para in body:
        shift = len(para.text) - len(para.text.lstrip())
        text = collapse_spaces(para.text)
        if not text:
            continue
        kind, level = _kind(para, text, body_size)
        refs = (
            [
                (marker, end - shift)
                for marker, end in para.refs
                if text[max(0, end - shift - len(marker)) : end - shift] == marker
            ]
            if para.refs
            else []  # most paragraphs: no comprehension to set up
        )
        placed.append((text, kind, paragraph_number(text), level, refs))
    return placed, [(marker, text, text[len(marker) :].lstrip()) for marker, text in notes]


def _kind(para: Para, text: str, body_size: float) -> tuple[ParagraphKind, int]:
    if text[0] in ITEM_BULLETS:
        return ParagraphKind.LIST_ITEM, 1
    short = len(text) < 200 and para.lines <= 3 and not text.endswith((".", ",", ";"))
    if short and para.size >= 1.5 * body_size:
        return ParagraphKind.HEADING, 1
    if short and para.size >= 1.15 * body_size:
        return ParagraphKind.HEADING, 2
    if short and para.bold and len(text) < 150:
        return ParagraphKind.HEADING, 3
    return ParagraphKind.BODY, 0


@dataclass(slots=True)
class Assembler:
    """Joins placed pages into the text layout :mod:`app.importers.base` prescribes.

    The text is the paragraphs joined by newlines: each paragraph starts one
    past the end of the one before. This runs in the importing process
    alone, after the others have finished (a few thousand paragraphs), so
    the offsets are counted in local names, not in attributes per paragraph.
    """

    parts: list[str] = field(default_factory=list)  # the paragraphs' texts, in order
    offset: int = 0  # where the last paragraph ends
    firsts: list[tuple[int, str, int | None]] = field(default_factory=list)
    paragraphs: list[Paragraph] = field(default_factory=list)
    footnotes: list[Footnote] = field(default_factory=list)

    def add_page(self, index: int, label: str, page: Laid) -> None:
        body, notes = page
        parts, paragraphs = self.parts, self.paragraphs
        start = self.offset + 1 if parts else 0
        begin = start if body or notes else None
        pending: dict[str, int] = {}
        for text, kind, number, level, refs in body:
            end = start + len(text)
            paragraphs.append(Paragraph(start, end, kind, number, level))
            parts.append(text)
            for marker, after in refs:
                pending.setdefault(marker, start + after)
            start = end + 1
        for marker, text, body_text in notes:
            end = start + len(text)
            paragraphs.append(Paragraph(start, end, ParagraphKind.FOOTNOTE, None, 0))
            self.footnotes.append(
                Footnote(marker, body_text, start, end, pending.pop(marker, None))
            )
            parts.append(text)
            start = end + 1
        if begin is not None:
            self.offset = start - 1
        self.firsts.append((index, label, begin))

    def text(self) -> str:
        return "\n".join(self.parts)

    def pages(self) -> list[Page]:
        """Pages covering the text without gaps; a page owns the newline after it."""
        end = self.offset
        out: list[Page] = []
        for index, label, start in reversed(self.firsts):
            begin = end if start is None else start
            out.append(Page(index, begin, end, label))
            end = begin
        out.reverse()
        if out:
            out[0] = Page(out[0].index, 0, out[0].end, out[0].label)
        return out
