"""Character clean-up and word-level decisions for PDF text.

PDF text comes out of pdfium with artefacts that must not reach the project:
ligature code points, soft and non-breaking hyphens, the ``\\x02`` pdfium
puts where it removed a line-end hyphen, ``\\x03``/``\\x04`` for symbol-font
bullets and other control characters that XML (and so the Word export)
refuses. This module cleans characters; how two lines join is decided in
:mod:`app.importers.reflow`, shared with plain text. It knows nothing about
geometry.
"""

from __future__ import annotations

import logging
import re

from app.core.textnorm import LIGATURES
from app.importers.reflow import (
    BULLETS,
    ITEM_BULLETS,
    NUMBER,
    join_hyphenated,
    join_lines,
    paragraph_number,
    starts_item,
    vocabulary,
    words_of,
)

logger = logging.getLogger(__name__)

__all__ = [
    "BULLETS",
    "HYPHEN_MARKS",
    "ITEM_BULLETS",
    "NUMBER",
    "clean",
    "collapse_spaces",
    "garbled_share",
    "join_hyphenated",
    "join_lines",
    "paragraph_number",
    "starts_item",
    "vocabulary",
    "words_of",
]

# pdfium marks a line-end hyphen it removed with one of these.
HYPHEN_MARKS = "\x02\ufffe"


def _translation() -> dict[int, str | None]:
    table: dict[int, str | None] = {c: None for c in range(0x20)}
    table[0x09] = " "
    table[0x03] = "•"
    table[0x04] = "•"
    table[0x7F] = None
    table[0xAD] = None  # soft hyphen: invisible unless at a line end
    table[0x2010] = "-"
    table[0x2011] = "-"
    table[0xFFFE] = None
    table[0xFFFF] = None
    for lig, letters in LIGATURES.items():
        table[ord(lig)] = letters
    return table


_TABLE = _translation()
_SURROGATES = re.compile("[\ud800-\udfff]")
_SPACES = re.compile(r"[ \u00a0\u2000-\u200a\u202f\u3000]{2,}")


def clean(text: str) -> str:
    """Map ligatures and hyphens, drop characters XML forbids.

    Printable ASCII, which most text is, holds none of those: it is told in
    two scans at C speed, a tenth of the translation and the regex (lines
    read character by character clean each one).
    """
    if text.isascii() and text.isprintable():
        return text
    return _SURROGATES.sub("", text.translate(_TABLE))


def collapse_spaces(text: str) -> str:
    """Runs of spaces come from pdfium's generated spaces next to real ones."""
    text = text.strip()
    return _SPACES.sub(" ", text) if "  " in text or "\u00a0" in text else text


_GARBLE = re.compile("[\ue000-\uf8ff\ufffd\x00-\x08]")
_CASE_FLIP = re.compile(r"[a-zà-ÿ][A-ZÀ-Þ]{2}")


def _flipped_words(text: str) -> int:
    """How many words (runs of non-spaces) hold a lower-case letter before two capitals.

    Found from the flips themselves, which ordinary text hardly has: a
    pattern for the whole word made the regex engine retry every word from
    each of its letters, 7 ms of a document's plan.
    """
    starts = set()
    for match in _CASE_FLIP.finditer(text):
        start = match.start()
        while start > 0 and not text[start - 1].isspace():
            start -= 1
        starts.add(start)
    return len(starts)


def garbled_share(text: str) -> float:
    """How much of ``text`` looks like undecodable glyph codes (0 … 1).

    Counts private-use and replacement characters, plus Latin "words" that
    flip case mid-word the way fonts without a ToUnicode map come out
    ("3HQČåQtSURVWĜ"), which no real language writes.
    """
    tokens = len(text.split())
    visible = len(text) - text.count(" ") - text.count("\n")
    if not tokens or visible <= 0:
        return 0.0
    bad = len(_GARBLE.findall(text))
    bad += int(visible * _flipped_words(text) / tokens)
    return min(1.0, bad / visible)
