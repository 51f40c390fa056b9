"""Cutting a source text into sentences, and a sentence into the words its MinHash sees.

The index compares sentences, not pages or paragraphs: parties repeat each
other a sentence at a time ("We refer to our comments above on …"), and a
sentence is short enough for one MinHash to describe it. Sentences never
cross a paragraph; a run-on "sentence" (PDF text without stops, a table) is
cut into pieces of about :data:`MAX_CHARS`, so that no span is too long to
score. Text extracted from a PDF breaks a sentence into lines that look like
paragraphs: a paragraph that ends without a stop and is followed by one that
starts in lower case is read as one with it. Offsets are code points into the
version's text, like every anchor; a sentence's text is the version's, line
breaks and all (a look-up collapses the white space of what it scores and shows).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator, Sequence
from typing import NamedTuple

logger = logging.getLogger(__name__)

MAX_CHARS = 600
MIN_WORDS = 4  # words of 3+ letters, repeats counted: fewer ("1.", "Yes.") say too little

_STOP = re.compile(r"[.!?。！？][\"'”’»)\]]*\s+")  # a sentence ends where a match ends
_BREAK = re.compile(r"\n\s*\n")
# Runs of three word characters or more are the words of three letters or more: a
# longer word matches whole from its first letter, a shorter one has no run that long.
_WORD3 = re.compile(r"\w{3,}")
_ENDS = ".!?:;。！？"
_CLOSERS = "\"'”’»)]"


class Span(NamedTuple):
    """A sentence; a tuple, as building 9,000 frozen dataclasses cost an import 3 % more."""

    start: int
    end: int
    text: str
    words: Sequence[str] = ()


def words(text: str) -> list[str]:
    """The casefolded words of three letters or more, in reading order, repeats kept.

    Two-letter words ("of", "to", "la", "de") are in nearly every sentence of
    every language and would make unrelated sentences look alike. A MinHash
    sees the set of them, so repeats change nothing (and removing them cost
    an import more than the MinHash saves).
    """
    return _WORD3.findall(text.casefold())


def _raw_blocks(text: str, paragraphs: Sequence[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    if paragraphs:
        yield from ((max(0, s), min(len(text), e)) for s, e in paragraphs if e > s)
        return
    start = 0
    for gap in _BREAK.finditer(text):
        yield start, gap.start()
        start = gap.end()
    yield start, len(text)


def _continues(text: str, end: int, next_start: int) -> bool:
    """Does the paragraph ending at ``end`` run on into the one at ``next_start``?"""
    tail = text[max(0, end - 4) : end].rstrip().rstrip(_CLOSERS)
    head = text[next_start : next_start + 4].lstrip()
    return bool(tail) and tail[-1] not in _ENDS and bool(head) and head[0].islower()


def _blocks(text: str, paragraphs: Sequence[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    current: tuple[int, int] | None = None
    for start, end in _raw_blocks(text, paragraphs):
        if current is not None and _continues(text, current[1], start):
            current = (current[0], end)
            continue
        if current is not None:
            yield current
        current = (start, end)
    if current is not None:
        yield current


def _pieces(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """``text[start:end]`` in pieces of at most :data:`MAX_CHARS`, cut at white space."""
    while end - start > MAX_CHARS:
        cut = text.rfind(" ", start + MAX_CHARS // 2, start + MAX_CHARS)
        if cut <= start:
            cut = start + MAX_CHARS
        yield start, cut
        start = cut
    yield start, end


class Cut(NamedTuple):
    """The sentences of a text as columns (what the index stores), in reading order."""

    starts: list[int]
    ends: list[int]
    texts: list[str]
    words: list[list[str]]


def cut(text: str, paragraphs: Sequence[tuple[int, int]] = ()) -> Cut:
    """The sentences of ``text`` worth indexing, stripped of surrounding white space.

    Every import runs this over the whole text (9,000 sentences for 300
    pages), so the loop does the least it can per sentence: the text is
    casefolded once (not sentence by sentence), and a kept sentence's text is
    only stripped: its inner line breaks stay (a look-up collapses them for
    the few sentences it scores and shows).
    """
    starts: list[int] = []
    ends: list[int] = []
    texts: list[str] = []
    found_words: list[list[str]] = []
    folded = text.casefold()
    in_place = len(folded) == len(text)  # else a letter folded into two ("ß"): fold pieces
    find_words = _WORD3.findall
    find_stops = _STOP.finditer
    for block_start, block_end in _blocks(text, paragraphs):
        at = block_start
        stops = [m.end() for m in find_stops(text, block_start, block_end)]
        stops.append(block_end)
        for stop in stops:
            for s, e in _pieces(text, at, stop) if stop - at > MAX_CHARS else ((at, stop),):
                seen = find_words(folded[s:e] if in_place else text[s:e].casefold())
                if len(seen) < MIN_WORDS:
                    continue
                piece = text[s:e]
                stripped = piece.strip()
                lead = s + len(piece) - len(piece.lstrip())
                starts.append(lead)
                ends.append(lead + len(stripped))
                texts.append(stripped)
                found_words.append(seen)
            at = stop
    return Cut(starts, ends, texts, found_words)


def split(text: str, paragraphs: Sequence[tuple[int, int]] = ()) -> list[Span]:
    """:func:`cut` as one :class:`Span` a sentence (a look-up's passage, tests)."""
    found = cut(text, paragraphs)
    return [Span(*row) for row in zip(*found, strict=True)]
