"""Where a span sits in a document's structure: its heading path, its paragraph, contents lines.

Re-anchoring a passage on a new version of a source (Rev.1) must not be fooled
by text that repeats the passage elsewhere: a table of contents repeats every
heading, often with the old number, and an index repeats terms. So besides the
words and their context, a placement weighs the passage's structural place —
the headings above it, how far into the document its paragraph is and how
often its words occur there — and contents or index lines never win over body
text.

Importers give paragraphs with a kind ("heading", "body", …) and a level; a
contents line is recognised by its shape (a title, then dot leaders, a tab or
a run of spaces, then a page number), which is how Word, LibreOffice and PDF
extractions all print one.
"""

from __future__ import annotations

import logging
import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from rapidfuzz import fuzz

from app.core.textnorm import normalize, quote_key

logger = logging.getLogger(__name__)

_CONTENTS_LINE = re.compile(
    r"^[^\n]{2,200}?(?:\.{2,}|…+|\t+| {2,}|(?:\. ){2,})[ \t.…]*"
    r"(?:[0-9]{1,4}|[ivxlcdm]{1,6})[ \t]*$",
    re.MULTILINE | re.IGNORECASE,
)
_INDEX_LINE = re.compile(r"^[^\n.;:]{2,60}?, \d{1,4}(?:(?:, |[–-])\d{1,4})*[ \t]*$", re.MULTILINE)
_PAGE_AT_END = re.compile(
    r"^([^\n]{2,200}?)[ \t]+(?:[0-9]{1,4}|[ivxlcdm]{1,6})[ \t]*$", re.MULTILINE
)
_NUMBER = re.compile(r"^\s*(?:[\divxlcdmIVXLCDM]+[.)]?)+(?:\s+|$)|^\s*[A-Za-z][.)]\s+")


class ParagraphShape(Protocol):
    """A paragraph as importers store it (``app.core.services.sources.ParagraphInfo``)."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def kind(self) -> str: ...
    @property
    def level(self) -> int: ...


@dataclass(frozen=True, slots=True)
class Place:
    """The structural place of a span: headings above it (numbers dropped) and position."""

    headings: tuple[str, ...]
    position: float  # 0..1, how far into the document's paragraphs
    in_contents: bool


def _heading_key(text: str) -> str:
    """A heading without its number, so that renumbering keeps it the same heading."""
    return normalize(_NUMBER.sub("", text, count=1)).casefold()


class Structure:
    """The paragraphs and contents lines of one text, indexed for look-ups by offset."""

    def __init__(self, text: str, paragraphs: Sequence[ParagraphShape] = ()) -> None:
        self.text = text
        self._norm: str | None = None
        ordered = sorted(paragraphs, key=lambda p: p.start)
        self._starts = [p.start for p in ordered]
        self._paragraphs = ordered
        self._headings: list[tuple[int, int, str]] = [
            (p.start, max(1, p.level), _heading_key(text[p.start : p.end]))
            for p in ordered
            if p.kind == "heading"
        ]
        self._heading_starts = [h[0] for h in self._headings]
        heading_spans = {(p.start, p.end) for p in ordered if p.kind == "heading"}
        titles = {key for _, _, key in self._headings if key}
        spans = [m.span() for m in _CONTENTS_LINE.finditer(text)]
        spans += [m.span() for m in _INDEX_LINE.finditer(text)]
        # A contents entry whose leader became one space: a heading's words, then a page number.
        for match in _PAGE_AT_END.finditer(text):
            line = match.group(1)
            if match.span() not in heading_spans and _heading_key(line) in titles:
                spans.append(match.span())
        self.contents = sorted(set(spans))
        self._contents_starts = [s for s, _ in self.contents]

    def in_contents(self, start: int, end: int) -> bool:
        """True when ``start:end`` lies on a contents or index line."""
        k = bisect_right(self._contents_starts, start) - 1
        return k >= 0 and self.contents[k][0] <= start and end <= self.contents[k][1] + 1

    def place(self, start: int, end: int) -> Place:
        k = bisect_right(self._heading_starts, start) - 1
        path: list[tuple[int, str]] = []
        for _, level, key in self._headings[: k + 1]:
            while path and path[-1][0] >= level:
                path.pop()
            path.append((level, key))
        if self._paragraphs:
            index = max(0, bisect_right(self._starts, start) - 1)
            position = index / max(1, len(self._paragraphs) - 1)
        else:
            position = start / max(1, len(self.text))
        return Place(tuple(key for _, key in path), position, self.in_contents(start, end))

    def copies(self, start: int, end: int) -> int:
        """How often the words of ``start:end`` occur in the text (typography aside)."""
        if self._norm is None:
            self._norm = normalize(self.text)
        key = quote_key(self.text[start:end])
        return self._norm.count(key) if key else 0


def agreement(old: Place, new: Place) -> float:
    """How well two structural places agree (0..1): same headings, similar position."""
    if old.headings or new.headings:
        headings = fuzz.ratio(" / ".join(old.headings), " / ".join(new.headings)) / 100.0
    else:
        headings = 1.0
    position = max(0.0, 1.0 - 4.0 * abs(old.position - new.position))
    return 0.7 * headings + 0.3 * position
