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

# A sentence ends where a match ends; its text, before the white space (group 1).
_STOP = re.compile(r"[.!?。！？][\"'”’»)\]]*(\s+)")
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
    head = text[next_start : next_start + 4].lstrip()
    if not head or not head[0].islower():  # most paragraphs: checked first
        return False
    tail = text[max(0, end - 4) : end].rstrip().rstrip(_CLOSERS)
    return bool(tail) and tail[-1] not in _ENDS


def blocks(text: str, paragraphs: Sequence[tuple[int, int]] = ()) -> list[tuple[int, int]]:
    """The (start, end) of the runs of text no sentence crosses: paragraphs, run-ons joined."""
    found: list[tuple[int, int]] = []
    current: tuple[int, int] | None = None
    for start, end in _raw_blocks(text, paragraphs):
        if current is not None and _continues(text, current[1], start):
            current = (current[0], end)
            continue
        if current is not None:
            found.append(current)
        current = (start, end)
    if current is not None:
        found.append(current)
    return found


def _pieces(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """``text[start:end]`` in pieces of at most :data:`MAX_CHARS`, cut at white space."""
    while end - start > MAX_CHARS:
        cut = text.rfind(" ", start + MAX_CHARS // 2, start + MAX_CHARS)
        if cut <= start:
            cut = start + MAX_CHARS
        yield start, cut
        start = cut
    yield start, end


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    piece = text[start:end]
    lead = start + len(piece) - len(piece.lstrip())
    return lead, lead + len(piece.strip())


def pieces(text: str, runs: Sequence[tuple[int, int]]) -> tuple[list[int], list[int]]:
    """The (starts, ends) of the would-be sentences of ``runs`` (:func:`blocks`), stripped.

    A piece ends at a stop (its trailing white space is the next piece's
    leading space, so left out) or at its block's end; one longer than
    :data:`MAX_CHARS` is cut further. Only the first and last piece of a
    block and a long one's parts are stripped here: the others start where
    a stop's white space ended and end with the stop. Pieces with too few
    words (or none) are still here: the caller counts the words.
    """
    los: list[int] = []
    his: list[int] = []
    find_stops = _STOP.finditer
    for block_start, block_end in runs:
        at = block_start
        clean = not text[at : at + 1].isspace()
        for m in find_stops(text, block_start, block_end):
            stop = m.end()
            if stop - at > MAX_CHARS or not clean:
                for s, e in _pieces(text, at, stop):
                    s, e = _strip(text, s, e)
                    los.append(s)
                    his.append(e)
            else:
                los.append(at)
                his.append(m.start(1))
            at = stop
            clean = True
        for s, e in _pieces(text, at, block_end):
            s, e = _strip(text, s, e)
            los.append(s)
            his.append(e)
    return los, his


class Cut(NamedTuple):
    """The sentences of a text as columns, in reading order."""

    starts: list[int]
    ends: list[int]
    texts: list[str]
    words: list[list[str]]


def cut(text: str, paragraphs: Sequence[tuple[int, int]] = ()) -> Cut:
    """The sentences of ``text`` worth indexing, stripped of surrounding white space, with words.

    A look-up's passage and the tests cut this way; an import cuts a whole
    version with ``prepare``, which finds the same sentences and words in
    one regular-expression pass.
    """
    los, his = pieces(text, blocks(text, paragraphs))
    return cut_pieces(text, los, his)


def cut_pieces(text: str, los: Sequence[int], his: Sequence[int]) -> Cut:
    """:func:`cut` of the pieces ``text[lo:hi]`` (:func:`pieces`)."""
    folded = text.casefold()
    in_place = len(folded) == len(text)  # else a letter folded into two ("ß"): fold pieces
    cut = Cut([], [], [], [])
    for s, e in zip(los, his, strict=True):
        seen = _WORD3.findall(folded[s:e] if in_place else text[s:e].casefold())
        if len(seen) >= MIN_WORDS:
            cut.starts.append(s)
            cut.ends.append(e)
            cut.texts.append(text[s:e])
            cut.words.append(seen)
    return cut


def split(text: str, paragraphs: Sequence[tuple[int, int]] = ()) -> list[Span]:
    """:func:`cut` as one :class:`Span` a sentence (a look-up's passage, tests)."""
    found = cut(text, paragraphs)
    return [Span(*row) for row in zip(*found, strict=True)]
