"""Normalised text for comparing quotes with sources, with a map back to offsets.

Text extracted from a PDF differs from what a user pastes or types in ways that
do not change what the text *says*: line breaks and runs of spaces, words split
at a line end ("Inter-\\nnet"), soft hyphens, typographic hyphens and quote
marks, ligatures ("ﬁ"), decomposed accents. Every comparison in anchoring goes
through one normalisation so that the quote finder, re-anchoring and the
fidelity check agree on what "the same text" means:

* every run of white space (line breaks, NBSP, thin spaces…) becomes one space;
  zero-width characters vanish;
* a hyphen between two letters is dropped, also when a line break follows it
  ("hu-\\nman" → "human", and "geo-economic" → "geoeconomic", so that a word
  hyphenated at a line end in one text and whole in the other still matches);
  soft hyphens (U+00AD) vanish, U+2010/U+2011 elsewhere become "-";
* curly and low quote marks, primes and guillemets become ``'`` or ``"``;
* the Latin ligatures U+FB00–FB06 are spelled out;
* a letter followed by combining accents is composed (NFC). Only the combining
  diacritical blocks are handled; Hangul jamo are left as they are.

Case is kept: a changed capital is a real difference in a quotation.

The normalisation of a whole source is done once, in linear time, by a single
regular expression: text between two matches is copied unchanged, so a 5 MB
text costs as many Python steps as it has line breaks and odd characters, not
characters. :class:`NormalizedText` keeps one record per replacement, enough to
map any normalised offset back to source code-point offsets with a bisection.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

logger = logging.getLogger(__name__)

_LETTER = r"[^\W\d_]"
_HYPHENS = "\\-\u2010\u2011"
_COMBINING = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
_SINGLE_QUOTES = "\u2018\u2019\u201a\u201b\u2032"
_DOUBLE_QUOTES = "\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb"
LIGATURES = {  # typographic ligatures PDFs leave in, and the letters they stand for
    "\ufb00": "ff",
    "\ufb01": "fi",
    "\ufb02": "fl",
    "\ufb03": "ffi",
    "\ufb04": "ffl",
    "\ufb05": "st",
    "\ufb06": "st",
}
_LINE_BREAK = r"(?:[ \t]*\r?\n\s*)"

# The leading look-ahead lists every character a match can start with: without
# it the engine tries all branches at every position (3x slower on 5 MB). For
# the same reason the "letter before the hyphen" test is a look-behind placed
# after the hyphen.
_STARTS = (
    rf"[\s{_HYPHENS}\u00ad\u200b\u200c\u200d\u2060\ufeff"
    rf"{_SINGLE_QUOTES}{_DOUBLE_QUOTES}\ufb00-\ufb06{_COMBINING}]"
)
_PATTERN = re.compile(
    rf"(?={_STARTS})"
    rf"(?:(?P<join>[{_HYPHENS}](?<={_LETTER}[{_HYPHENS}]){_LINE_BREAK}?(?={_LETTER})"
    rf"|\u00ad{_LINE_BREAK}?)"
    r"|(?P<gone>[\u200b\u200c\u200d\u2060\ufeff]+)"
    r"|(?P<space>\s{2,}|[^\S ])"
    r"|(?P<hyphen>[\u2010\u2011])"
    rf"|(?P<single>[{_SINGLE_QUOTES}])"
    rf"|(?P<double>[{_DOUBLE_QUOTES}])"
    r"|(?P<ligature>[\ufb00-\ufb06])"
    rf"|(?P<combining>[{_COMBINING}]+))"
)
_EDGE_HYPHENS = re.compile(rf"\A-\s*(?={_LETTER})|(?<={_LETTER})-\Z")


@dataclass(frozen=True, slots=True)
class NormalizedText:
    """A normalised copy of a source and the way back to the source's offsets.

    Record ``k`` says that ``text[nstarts[k]:nstarts[k] + nlens[k]]`` replaced
    ``source[ostarts[k]:oends[k]]``; everything between records was copied
    unchanged. Records are in text order.
    """

    text: str
    nstarts: list[int]
    nlens: list[int]
    ostarts: list[int]
    oends: list[int]

    def _start(self, i: int) -> int:
        """Source offset of the first code point behind normalised index ``i``."""
        k = bisect_right(self.nstarts, i) - 1
        if k < 0:
            return i
        inside = i - self.nstarts[k]
        if inside < self.nlens[k]:
            return self.ostarts[k]
        return self.oends[k] + inside - self.nlens[k]

    def _end(self, i: int) -> int:
        """Source offset just after the code points behind normalised index ``i``."""
        k = bisect_right(self.nstarts, i) - 1
        if k < 0:
            return i + 1
        inside = i - self.nstarts[k]
        if inside < self.nlens[k]:
            return self.oends[k]
        return self.oends[k] + inside - self.nlens[k] + 1

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """Map the non-empty normalised span ``[start, end)`` to a source span."""
        if not 0 <= start < end <= len(self.text):
            raise ValueError(f"bad normalised span {start}:{end}")
        return self._start(start), self._end(end - 1)


def normalize_with_map(source: str) -> NormalizedText:
    """Normalise ``source`` (see the module docstring) and keep the offset map."""
    pieces: list[str] = []
    nstarts: list[int] = []
    nlens: list[int] = []
    ostarts: list[int] = []
    oends: list[int] = []
    copied = 0  # source offset up to which ``pieces`` covers the source
    length = 0  # length of the normalised text in ``pieces``
    for match in _PATTERN.finditer(source):
        start, end = match.span()
        kind = match.lastgroup
        if kind == "combining":
            # Compose with the base letter, which is the code point before.
            start = max(start - 1, copied)
            replacement = unicodedata.normalize("NFC", source[start:end])
            if replacement == source[start:end]:
                continue  # nothing composes (B + U+0301): keep the marks as they are
            rest = len(replacement) - 1
            if rest and source[start:end].endswith(replacement[1:]):
                # Only the first marks composed ("A" + acute + acute gives "Á" +
                # acute): the record covers just those, so a quote that stops
                # after the composed letter maps back without the marks after it.
                end -= rest
                replacement = replacement[0]
        elif kind == "space":
            replacement = " "
        elif kind == "hyphen":
            replacement = "-"
        elif kind == "single":
            replacement = "'"
        elif kind == "double":
            replacement = '"'
        elif kind == "ligature":
            replacement = LIGATURES[match.group()]
        else:  # join, gone
            replacement = ""
        if start > copied:
            pieces.append(source[copied:start])
            length += start - copied
        pieces.append(replacement)
        nstarts.append(length)
        nlens.append(len(replacement))
        ostarts.append(start)
        oends.append(end)
        length += len(replacement)
        copied = end
    pieces.append(source[copied:])
    return NormalizedText("".join(pieces), nstarts, nlens, ostarts, oends)


def normalize(text: str) -> str:
    """The comparison key of ``text``: normalised, without outer white space."""
    return normalize_with_map(text).text.strip()


def quote_key(quote: str) -> str:
    """The comparison key of a pasted quote.

    Like :func:`normalize`, and also without a hyphen dangling at either end: a
    selection that stops inside a word hyphenated at a line end ("Inter-") must
    still be found in a source where the word is joined ("Internet").
    """
    return _EDGE_HYPHENS.sub("", normalize(quote)).strip()


def _punctuation(char: str) -> bool:
    return unicodedata.category(char).startswith("P")


def word_start(text: str, i: int, gaps: Sequence[str] = (" ",)) -> bool:
    """A word starts at ``i``: after a gap, or after punctuation that opens it ("(", "“")."""
    if not 0 <= i < len(text) or text[i] in gaps:
        return False
    return i == 0 or text[i - 1] in gaps or (text[i].isalnum() and _punctuation(text[i - 1]))


def word_end(text: str, i: int, gaps: Sequence[str] = (" ",)) -> bool:
    """A word ends at ``i``: before a gap, or before punctuation that follows it (",", "”").

    A quote cut before a comma must not take the comma along when it is re-anchored.
    """
    if not 0 < i <= len(text) or text[i - 1] in gaps:
        return False
    return i == len(text) or text[i] in gaps or (text[i - 1].isalnum() and _punctuation(text[i]))
