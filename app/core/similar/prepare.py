"""The sentences of a whole version and their band keys, computed before they are stored.

What an import adds for the index is mostly this: cutting 1.2 million
characters into sentences and words (a regular expression over all of it)
and their MinHash. So it is done in as few passes as the result allows: the
would-be sentences are joined by a separator no word contains and the words
of all of them found with one ``findall``; the words become ids into the
version's vocabulary, and NumPy counts each sentence's words, drops those
with too few and computes the keys of the rest (:mod:`~app.core.similar.sketch`).
It finds exactly the sentences and words of ``sentences.cut`` (tested).

Blocks are independent, so a version can be prepared in parts
(:func:`prepare_part`) by different processes: the PDF reader's idle worker
prepares the second half while the importing process prepares the first
(:func:`prepare`). Only NumPy and the standard library are imported, so a
worker can run this without the ORM.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Sequence
from itertools import compress
from typing import Any, NamedTuple

import numpy as np

from app.core.similar import sentences, sketch
from app.core.similar.scheme import BANDS

logger = logging.getLogger(__name__)

_MARK = "\x00"  # between two pieces: not a word character, so no word spans two pieces
_WORDS_AND_MARKS = re.compile(r"\w{3,}|\x00")
# For an ASCII text: its word characters (\w: letters, digits, "_") and the mark kept,
# every other byte made a space.
_ASCII_WORDS = bytes(
    c if c < 128 and (chr(c).isalnum() or chr(c) in "_\x00") else ord(" ") for c in range(256)
)
# A version shorter than this is prepared in one process: sending half of it costs more.
MIN_SPLIT = 200_000
# The share of a version's blocks that :func:`prepare_later` has prepared beside the
# caller: the caller stores the rest of the version meanwhile (about as long as
# preparing half of the index), then prepares the remainder.
SHARE_BESIDE = 0.7

Run = tuple[int, int]
# Runs ``(function, arguments)`` in another process while the caller does ``own()``;
# returns the function's result and ``own()``'s (the PDF reader's pool, when it has one).
Offload = Callable[[Callable[..., Any], tuple[Any, ...], Callable[[], Any]], tuple[Any, Any]]
# Starts ``function(*arguments)`` beside the caller; what it returns waits for the
# result (:func:`app.core.beside.beside`).
Beside = Callable[[Callable[..., Any], tuple[Any, ...]], Callable[[], Any]]


class Prepared(NamedTuple):
    """The sentences of a text (code point offsets, stripped) and a row of band keys each."""

    starts: list[int]
    ends: list[int]
    keys: np.ndarray  # (sentences, BANDS) int64, signed 32-bit keys
    length: int  # of the text prepared

    def shifted(self, by: int) -> Prepared:
        starts, ends = [s + by for s in self.starts], [e + by for e in self.ends]
        return Prepared(starts, ends, self.keys, self.length + by)

    def fits(self, text: str) -> bool:
        """Is this of a text as long as ``text`` (what an import stores is what it read)?"""
        return self.length == len(text)


def _empty(text: str) -> Prepared:
    return Prepared([], [], np.zeros((0, BANDS), dtype=np.int64), len(text))


def prepare_part(text: str, runs: Sequence[Run]) -> Prepared:
    """The sentences of the blocks ``runs`` of ``text`` (offsets into ``text``) and their keys."""
    los, his = sentences.pieces(text, runs)
    if not los:
        return _empty(text)
    folded = text.casefold()
    if len(folded) != len(text) or _MARK in text:
        # A letter folded into two ("ß") moves the offsets, a NUL would read as a separator:
        # cut piece by piece.
        found = sentences.cut_pieces(text, los, his)
        return Prepared(found.starts, found.ends, sketch.key_array(found.words), len(text))
    marked = _MARK.join(map(folded.__getitem__, map(slice, los, his))) + _MARK
    tokens: Sequence[str | bytes] = _tokens(marked)
    vocabulary: dict[str | bytes, int] = {w: i for i, w in enumerate(dict.fromkeys(tokens))}
    ids = np.fromiter(map(vocabulary.__getitem__, tokens), dtype=np.int64, count=len(tokens))
    is_mark = ids == vocabulary[tokens[-1]]  # the text ends with a mark
    lengths = np.diff(np.flatnonzero(is_mark), prepend=-1) - 1  # words of each piece
    keep = lengths >= sentences.MIN_WORDS
    piece_of = np.cumsum(is_mark) - is_mark
    words = ids[keep[piece_of] & ~is_mark]
    kept = keep.tolist()
    starts, ends = list(compress(los, kept)), list(compress(his, kept))
    if not starts:
        return _empty(text)
    as_text = [w.decode("ascii") if isinstance(w, bytes) else w for w in vocabulary]
    keys = sketch.mix(sketch.signatures_of(as_text, words, lengths[keep]))
    return Prepared(starts, ends, keys, len(text))


def _tokens(marked: str) -> list[str] | list[bytes]:
    """The words of three characters or more and the marks of ``marked``, in order.

    What ``_WORDS_AND_MARKS`` finds. An ASCII text (most English reports) is
    cut at C speed instead, as bytes: non-word bytes made spaces, then split
    (9 ms instead of 21 for a 300-page report, a third of preparing its index).
    """
    if not marked.isascii():
        return _WORDS_AND_MARKS.findall(marked)
    spaced = marked.encode("ascii").replace(b"\x00", b" \x00 ").translate(_ASCII_WORDS)
    return [w for w in spaced.split() if len(w) >= 3 or w == b"\x00"]


def _prepare_slice(text: str, start: int, runs: Sequence[Run]) -> Prepared:
    """:func:`prepare_part` of ``runs`` given with offsets into a text that starts at ``start``."""
    return prepare_part(text, [(a - start, b - start) for a, b in runs]).shifted(start)


def _split(text: str, runs: Sequence[Run], share: float) -> int:
    """Where the blocks ``runs`` are cut so that about ``share`` of ``text`` comes after;
    0 when the version is not worth two processes (too short, one block, or the cut
    would leave a side empty)."""
    if len(text) < MIN_SPLIT or len(runs) < 2:
        return 0
    cut = int(len(text) * (1 - share))
    split = next((k for k, (start, _end) in enumerate(runs) if start >= cut), len(runs))
    return 0 if split == len(runs) else split


def _joined(text: str, ours: Prepared, theirs: Prepared) -> Prepared:
    """The two parts of a version, ours the first, as one."""
    keys = np.vstack((ours.keys, theirs.keys))
    return Prepared(ours.starts + theirs.starts, ours.ends + theirs.ends, keys, len(text))


def prepare(text: str, paragraphs: Sequence[Run] = (), offload: Offload | None = None) -> Prepared:
    """The sentences of a version's ``text`` and their band keys, in reading order.

    With ``offload`` (and a text long enough) the second half of the blocks is
    prepared in another process while this one prepares the first.
    """
    runs = sentences.blocks(text, paragraphs)
    split = _split(text, runs, 0.5) if offload is not None else 0
    if offload is None or not split:
        return prepare_part(text, runs)
    at = runs[split][0]
    theirs, ours = offload(
        _prepare_slice, (text[at:], at, runs[split:]), lambda: prepare_part(text, runs[:split])
    )
    return _joined(text, ours, theirs)


def prepare_later(text: str, paragraphs: Sequence[Run], beside: Beside) -> Callable[[], Prepared]:
    """:func:`prepare`, most of it started now beside the caller, the rest when it is asked for.

    The command line stores the version's text, pages and journal entry
    while another process prepares :data:`SHARE_BESIDE` of the blocks; what
    is returned prepares the rest here and joins the two, so that storing
    and preparing overlap instead of following each other.
    """
    runs = sentences.blocks(text, paragraphs)
    split = _split(text, runs, SHARE_BESIDE)
    if not split:
        return lambda: prepare_part(text, runs)
    at = runs[split][0]
    theirs_later = beside(_prepare_slice, (text[at:], at, runs[split:]))
    return lambda: _joined(text, prepare_part(text, runs[:split]), theirs_later())
