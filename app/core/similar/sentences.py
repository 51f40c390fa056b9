"""Cutting a source text into sentences, and a sentence into the words its MinHash sees.

The index compares sentences, not pages or paragraphs: parties repeat each
other a sentence at a time ("We refer to our comments above on …"), and a
sentence is short enough for one MinHash to describe it. Sentences never
cross a paragraph; a run-on "sentence" (PDF text without stops, a table) is
cut into pieces of about :data:`MAX_CHARS`, so that no span is too long to
score. Offsets are code points into the version's text, like every anchor.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

MAX_CHARS = 600
MIN_WORDS = 4  # shorter pieces (headings, "1.", "Yes.") say too little to compare

_STOP = re.compile(r"(?<=[.!?。！？])[\"'”’»)\]]*\s+")
_BREAK = re.compile(r"\n\s*\n")
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    text: str


def words(text: str) -> list[str]:
    """The distinct casefolded words of three letters or more, in first-seen order.

    Two-letter words ("of", "to", "la", "de") are in nearly every sentence of
    every language and would make unrelated sentences look alike.
    """
    seen: dict[str, None] = {}
    for word in _WORD.findall(text.casefold()):
        if len(word) >= 3:
            seen.setdefault(word, None)
    return list(seen)


def _blocks(text: str, paragraphs: Sequence[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    if paragraphs:
        yield from ((max(0, s), min(len(text), e)) for s, e in paragraphs if e > s)
        return
    start = 0
    for gap in _BREAK.finditer(text):
        yield start, gap.start()
        start = gap.end()
    yield start, len(text)


def _pieces(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """``text[start:end]`` in pieces of at most :data:`MAX_CHARS`, cut at white space."""
    while end - start > MAX_CHARS:
        cut = text.rfind(" ", start + MAX_CHARS // 2, start + MAX_CHARS)
        if cut <= start:
            cut = start + MAX_CHARS
        yield start, cut
        start = cut
    yield start, end


def split(text: str, paragraphs: Sequence[tuple[int, int]] = ()) -> list[Span]:
    """The sentences of ``text`` worth indexing, in reading order, stripped of white space."""
    spans: list[Span] = []
    for block_start, block_end in _blocks(text, paragraphs):
        at = block_start
        stops = [m.end() for m in _STOP.finditer(text, block_start, block_end)]
        for stop in [*stops, block_end]:
            for s, e in _pieces(text, at, stop):
                piece = text[s:e]
                stripped = piece.strip()
                if len(words(stripped)) < MIN_WORDS:
                    continue
                lead = len(piece) - len(piece.lstrip())
                spans.append(Span(s + lead, s + lead + len(stripped), stripped))
            at = stop
    return spans
