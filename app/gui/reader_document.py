"""The reader's typeset document: a source's text with headings, numbers and page breaks.

The source text is never changed, but the reader shows more than the text: an
empty separator line at each page start (painted as a rule with the page
label) and a thin spacer line between paragraphs. Those display-only line
breaks shift every Qt position after them, so :class:`DisplayMap` converts
between code-point offsets in the source and UTF-16 positions in the
document, counting both the inserted breaks and the characters outside the
Basic Multilingual Plane (which Qt counts twice).

The document is built off-screen, in one edit block, and only then given to
the view: formatting a laid-out document paragraph by paragraph would make
Qt re-lay it out thousands of times.
"""

from __future__ import annotations

import logging
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from html import escape

from PySide6.QtGui import QColor, QFont, QTextDocument
from PySide6.QtWidgets import QPlainTextDocumentLayout

from app.core.services.sources import SourceText
from app.gui.offsets import OffsetMap

logger = logging.getLogger(__name__)

HEADING_SCALE = 1.3
FOOTNOTE_SCALE = 0.85
SPACER_SCALE = 0.45
NUMBER_COLOUR = QColor("#1a5fb4")
FOOTNOTE_COLOUR = QColor("#555555")


class DisplayMap:
    """Code-point offsets ↔ UTF-16 positions in a document with inserted line breaks.

    ``inserts`` are ``(offset, length)`` pairs, sorted by offset: ``length``
    UTF-16 units shown before the source character at ``offset``.
    """

    def __init__(self, text: str, inserts: list[tuple[int, int]] | None = None) -> None:
        self._astral = OffsetMap(text)
        self._offsets = [o for o, _n in inserts or []]
        self._before: list[int] = []  # units inserted before insert k
        self._starts: list[int] = []  # display position where insert k begins
        self._lengths = [n for _o, n in inserts or []]
        total = 0
        for offset, length in inserts or []:
            self._before.append(total)
            self._starts.append(self._astral.to_qt(offset) + total)
            total += length

    def to_qt(self, offset: int, *, after_breaks: bool = True) -> int:
        """Code-point offset → UTF-16 position.

        At an offset where breaks were inserted, the position after them (where
        the character is) by default; ``after_breaks=False`` gives the position
        before them, which is where a span ending at that offset should stop.
        """
        if after_breaks:
            k = bisect_right(self._offsets, offset)
        else:
            k = bisect_left(self._offsets, offset)
        inserted = self._before[k - 1] + self._lengths[k - 1] if k else 0
        return self._astral.to_qt(offset) + inserted

    def from_qt(self, position: int) -> int:
        """UTF-16 position → code-point offset; inside inserted breaks, the offset after them."""
        k = bisect_right(self._starts, position)
        if k:
            start, length = self._starts[k - 1], self._lengths[k - 1]
            if position < start + length:
                return self._offsets[k - 1]
            position -= self._before[k - 1] + length
        return self._astral.from_qt(position)


@dataclass
class Typeset:
    """The built document and what the view needs to paint and convert."""

    document: QTextDocument
    offsets: DisplayMap
    separators: dict[int, str]  # block number of a page-break line → the page's label
    page_blocks: dict[int, str]  # block number where a page's text begins → its label


def _inserts(source: SourceText) -> tuple[list[tuple[int, int]], dict[int, str], set[int]]:
    """Where line breaks go: (offset, units) pairs, page-break offsets → label, spacer offsets."""
    text = source.text
    breaks: dict[int, str] = {}
    for page in source.pages:
        if 0 < page.start < len(text):
            breaks.setdefault(page.start, page.label)
    spacers = {
        p.start
        for p in source.paragraphs
        if 0 < p.start < len(text) and p.start not in breaks and text[p.start - 1] == "\n"
    }
    inserts = []
    for offset in sorted(breaks.keys() | spacers):
        at_line_start = text[offset - 1] == "\n"
        inserts.append((offset, 1 if at_line_start else 2))
    return inserts, breaks, spacers


def _styles(source: SourceText, font: QFont) -> list[tuple[int, int, str]]:
    """Non-overlapping, sorted (start, end, css) runs: headings, footnotes, numbers."""
    size = font.pointSizeF() if font.pointSizeF() > 0 else 10.0
    kinds = {
        "heading": f"font-weight:700; font-size:{size * HEADING_SCALE:.1f}pt",
        "footnote": f"font-size:{size * FOOTNOTE_SCALE:.1f}pt; color:{FOOTNOTE_COLOUR.name()}",
    }
    number_css = f"font-weight:700; color:{NUMBER_COLOUR.name()}"
    runs: list[tuple[int, int, str]] = []
    last = 0
    for para in sorted(source.paragraphs, key=lambda p: p.start):
        if para.start < last or para.end <= para.start:
            continue  # overlapping or empty rows would break the run order
        css = kinds.get(para.kind, "")
        body = para.start
        if para.number and source.text.startswith(para.number, para.start):
            body = para.start + len(para.number)
            runs.append((para.start, body, f"{css}; {number_css}" if css else number_css))
        if css and body < para.end:
            runs.append((body, para.end, css))
        last = para.end
    return runs


def _blocks(text: str, inserts: list[tuple[int, int]]) -> list[tuple[int, int, bool]]:
    """The document's lines as (start, end, inserted): a source span, or an inserted line."""
    blocks: list[tuple[int, int, bool]] = []
    pending = iter(inserts)
    upcoming = next(pending, None)
    line_start = 0
    for line in text.split("\n"):
        line_end = line_start + len(line)
        segment = line_start
        while upcoming is not None and upcoming[0] <= line_end:
            offset = upcoming[0]
            if offset > segment or upcoming[1] == 2:
                blocks.append((segment, offset, False))
            blocks.append((offset, offset, True))
            segment = offset
            upcoming = next(pending, None)
        blocks.append((segment, line_end, False))
        line_start = line_end + 1
    return blocks


def _html(
    text: str,
    blocks: list[tuple[int, int, bool]],
    runs: list[tuple[int, int, str]],
    breaks: dict[int, str],
    spacer_css: str,
) -> str:
    starts = [r[0] for r in runs]
    out = ['<body style="white-space:pre-wrap">']
    for start, end, inserted in blocks:
        if inserted:
            css = "" if start in breaks else spacer_css
            out.append(f'<p style="-qt-paragraph-type:empty; {css}"><br /></p>')
            continue
        out.append("<p>")
        position = start
        k = max(0, bisect_right(starts, start) - 1)
        while position < end:
            run = runs[k] if k < len(runs) else None
            if run is None or run[0] >= end:
                out.append(escape(text[position:end], quote=False))
                break
            if run[1] <= position:
                k += 1
                continue
            if run[0] > position:
                out.append(escape(text[position : run[0]], quote=False))
                position = run[0]
            stop = min(run[1], end)
            out.append(f'<span style="{run[2]}">{escape(text[position:stop], quote=False)}</span>')
            position = stop
            k += 1
        out.append("</p>")
    out.append("</body>")
    return "".join(out)


def typeset(source: SourceText, font: QFont) -> Typeset:
    """Build the reader's document for ``source`` in the view's ``font``.

    The formatting goes in as one HTML string: this PySide build drops a
    reference to ``None`` on every call of a C++ method returning void, so
    formatting thousands of paragraphs through ``QTextCursor`` calls would
    end in a crash (and is slower). If Qt's HTML import changed the length
    of the text (control characters), the plain text is shown instead, so
    offsets stay exact either way.
    """
    text = source.text
    inserts, breaks, _spacers = _inserts(source)
    offsets = DisplayMap(text, inserts)
    blocks = _blocks(text, inserts)
    size = font.pointSizeF() if font.pointSizeF() > 0 else 10.0
    document = QTextDocument()
    document.setUndoRedoEnabled(False)  # read-only: no undo history of a 1 MB insertion
    document.setDocumentLayout(QPlainTextDocumentLayout(document))
    document.setDefaultFont(font)
    document.setDocumentMargin(12)
    spacer_css = f"font-size:{max(3.0, size * SPACER_SCALE):.1f}pt"
    document.setHtml(_html(text, blocks, _styles(source, font), breaks, spacer_css))
    expected = offsets.to_qt(len(text)) + 1
    if document.characterCount() != expected:
        document.setPlainText("\n".join("" if ins else text[s:e] for s, e, ins in blocks))
    separators: dict[int, str] = {}
    page_blocks: dict[int, str] = {}
    for number, (start, _end, inserted) in enumerate(blocks):
        if inserted and start in breaks:
            separators[number] = breaks[start]
            page_blocks[number + 1] = breaks[start]
    if source.pages and source.pages[0].start == 0:
        page_blocks.setdefault(0, source.pages[0].label)
    document.setModified(False)
    return Typeset(document, offsets, separators, page_blocks)
