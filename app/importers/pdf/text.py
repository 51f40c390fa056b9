"""Character clean-up and word-level decisions for PDF text.

PDF text comes out of pdfium with artefacts that must not reach the project:
ligature code points, soft and non-breaking hyphens, the ``\\x02`` pdfium
puts where it removed a line-end hyphen, ``\\x03``/``\\x04`` for symbol-font
bullets and other control characters that XML (and so the Word export)
refuses. This module cleans characters and decides how two lines join; it
knows nothing about geometry.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from app.core.textnorm import LIGATURES

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
    """Map ligatures and hyphens, drop characters XML forbids."""
    return _SURROGATES.sub("", text.translate(_TABLE))


def collapse_spaces(text: str) -> str:
    """Runs of spaces come from pdfium's generated spaces next to real ones."""
    text = text.strip()
    return _SPACES.sub(" ", text) if "  " in text or "\u00a0" in text else text


_PUNCT = "\"'()[]{}.,;:!?«»“”‘’„*/\\<>|…–—·•"


def vocabulary(texts: Iterable[str]) -> set[str]:
    """Lower-cased words and hyphenated compounds seen in the document.

    Used to decide whether a hyphen at a line end is typographic ("Inter-net")
    or part of a compound ("multi-stakeholder"): the document itself is the
    best dictionary of its own vocabulary. Splitting on whitespace and
    stripping punctuation from the few thousand distinct tokens is ten times
    faster than a Unicode word regex over a long document.
    """
    words: set[str] = set()
    for token in set("\n".join(texts).lower().split()):
        word = token.strip(_PUNCT)
        if not word:
            continue
        words.add(word)
        if "-" in word:
            words.update(word.split("-"))
    return words


def _tail(text: str) -> str:
    end = len(text)
    i = end
    while i > 0 and text[i - 1].isalpha():
        i -= 1
    return text[i:end]


def _head(text: str) -> str:
    i = 0
    while i < len(text) and text[i].isalpha():
        i += 1
    return text[:i]


def join_hyphenated(left: str, right: str, words: set[str]) -> str:
    """Join ``left`` (whose line ended in a hyphen, removed) with ``right``.

    The hyphen is kept when the document spells the compound with a hyphen
    elsewhere, or when both halves are words of the document and the joined
    form never occurs; otherwise the word was split by typesetting.
    """
    tail, head = _tail(left), _head(right)
    if not tail or not head:
        return left + "-" + right
    a, b = tail.lower(), head.lower()
    joined, compound = a + b, a + "-" + b
    if compound in words and joined not in words:
        return left + "-" + right
    if joined in words:
        return left + right
    if b[0] != head[0]:  # "Inter-Parliamentary": a capital after the hyphen
        return left + "-" + right
    if len(a) > 2 and len(b) > 2 and a in words and b in words:
        return left + "-" + right
    return left + right


def join_lines(left: str, right: str, hyphen: bool, words: set[str]) -> str:
    """Re-flow two lines of one paragraph into one string."""
    if not hyphen and left and left[-1] not in "-/\u2014":
        return left + " " + right  # the common case, decided without the checks below
    if hyphen:
        return join_hyphenated(left, right, words)
    if left.endswith("-") and len(left) > 1 and left[-2].isalpha() and right[:1].islower():
        return join_hyphenated(left[:-1], right, words)
    if left.endswith(("/", "\u2014")) or not left:
        return left + right
    return left + " " + right


NUMBER = re.compile(
    r"^(?:"
    r"\d{1,3}(?:\.\d{1,3})+\.?|\d{1,3}\."  # 12.  1.2  1.2.3.
    r"|\(\d{1,3}\)|\d{1,3}\)"  # (12) 12)
    r"|\([a-z]{1,2}\)|[a-z]\)"  # (a) (aa) a)
    r"|\([ivxlc]{1,6}\)|[ivxlc]{1,6}\)"  # (iii) iii)
    r"|\([A-Z]\)|[A-Z]\)"  # (A) A)  — not "A.": initials ("M. Dupont")
    r"|[IVXLC]{1,6}\."  # IV.
    r")(?=\s)"
)

BULLETS = "•▪◦‣∙·–-*○■□➢➤✓"


def paragraph_number(text: str) -> str | None:
    """The number a reader cites a paragraph by ("12.", "(a)"), if it has one."""
    head = text[:8]
    if "." not in head and ")" not in head:
        return None  # every form of NUMBER has its "." or ")" within 8 characters
    match = NUMBER.match(text)
    if match is None:
        return None
    return match.group()


def starts_item(text: str) -> bool:
    """Whether a line opens a numbered or bulleted item."""
    return bool(text) and (text[0] in BULLETS[:10] or paragraph_number(text) is not None)


_GARBLE = re.compile("[\ue000-\uf8ff\ufffd\x00-\x08]")
_CASE_FLIP = re.compile(r"\S*?[a-zà-ÿ][A-ZÀ-Þ]{2}\S*")


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
    bad += int(visible * len(_CASE_FLIP.findall(text)) / tokens)
    return min(1.0, bad / visible)
