"""Suggest the party label of a newly imported source.

The label becomes the heading "Contribution from <label>", so a wrong guess
that the user accepts with Enter ends up in the delegation's document. The
file's author metadata is never used: it names whoever last saved the file
("Michelle … Romero", a company employee) or holds an internal code
("W:CAR:MP:FP"), almost never the party. The document speaks for itself
instead, in this order:

1. the party named in its title or first lines ("Submission by the European
   Union on …" gives "European Union");
2. its symbol (a UN document symbol such as ``A/RES/73/3``);
3. its title, when the title reads like one (words, not a code or a file name);
4. the file name, cleaned of separators, versions and copy marks.

The GUI's import dialog and the command line both call :func:`guess_label`;
:func:`suggest_label` takes the pieces directly for callers without an
:class:`ImportedText`.
"""

from __future__ import annotations

import logging
import re
from pathlib import PurePath

from app.importers.base import ImportedText
from app.importers.reading import display_name

logger = logging.getLogger(__name__)

MAX_LABEL = 80
FALLBACK = "Unknown party"
# How much of the text is searched for a party or a symbol: the cover page.
_HEAD = 3000

_BY_WORDS = (
    r"submission|contribution|comments?|statement|input|proposal|position(?:\s+paper)?"
    r"|views|response|reply|observations|remarks|note|letter|paper"
)
_OF_WORDS = r"submission|contribution|comments|statement|views|position|observations|proposals?"
# "Comments by Japan", "Statement of the Delegation of India at …"; the party starts
# with a capital and runs to a word that ends it ("on", "to", "for the" …), a
# parenthesised acronym included ("Centre for Internet and Society (CIS)").
_PARTY = re.compile(
    rf"(?i:\b(?:(?:{_BY_WORDS})s?\s+(?:submitted\s+)?(?:by|from)|(?:{_OF_WORDS})\s+of)\s+"
    r"(?:the\s+)?(?:(?:delegation|government|permanent\s+mission)\s+of\s+(?:the\s+)?)?)"
    r"(?P<party>[A-Z][^\n:;,.()\[\]“”\"]{0,78}?(?:\s\([A-Z][A-Za-z]{1,11}\))?)"
    r"(?=\s+(?i:on|to|regarding|concerning|about|at|towards|following)\b"
    r"|\s+(?i:for|in|with|and)\s+(?:the\s|a\s|[a-z])"
    r"|\s*[\n:;,.()\[\]–—]|\s+-\s|\s*$)",
)
# A document symbol: an organ code and at least two parts, one of them with a digit
# ("A/RES/73/3", "S/2022/123", "E/CN.6/2020/1", "A/L.632", "A/HRC/WG.6/40/L.1").
_SYMBOL = re.compile(r"(?<![\w/])(?P<symbol>[A-Z]{1,8}(?:/[A-Z0-9][A-Za-z0-9.\-]*){1,6})(?![\w/])")
_OFFICE_PREFIX = re.compile(r"^(?:microsoft\s+(?:word|powerpoint)\s*-\s*)", re.IGNORECASE)
_SUFFIX = re.compile(r"\.(?:docx?|odt|pdf|rtf|txt|html?|md)$", re.IGNORECASE)
_GENERIC_TITLES = {
    "untitled",
    "title",
    "document",
    "document1",
    "doc1",
    "slide 1",
    "powerpoint presentation",
    "microsoft word document",
    "no title",
}
# Version and copy marks that file names collect on their way through mailboxes.
_FILE_NOISE = re.compile(
    r"(?:[\s_-]+(?:v\d+(?:\.\d+)*|final|draft|clean|rev\d*|copy|\(\d+\)|\d{8}|\d{4}-\d{2}-\d{2}))+$",
    re.IGNORECASE,
)
_LEADING_ARTICLE = re.compile(r"^the\s+", re.IGNORECASE)


def guess_label(imported: ImportedText, filename: str) -> str:
    """A first guess at the party label of ``imported``, read from ``filename``.

    A title that repeats the author field is metadata too (some programs fill
    one from the other) and is not used.
    """
    title = imported.title
    author = " ".join((imported.author or "").split()).casefold()
    if title and author and " ".join(title.split()).casefold() == author:
        title = None
    return suggest_label(imported.text[:_HEAD], title, filename)


def suggest_label(head: str, title: str | None, filename: str) -> str:
    """The party named in ``title`` or ``head``, else a symbol, the title or the file name."""
    title = _clean(title or "")
    for text in (title, head[:_HEAD]):
        party = _party(text)
        if party:
            return party
    for text in (title, head[:_HEAD], _stem(filename)):
        symbol = _symbol(text)
        if symbol:
            return symbol
    if _reads_like_a_title(title):
        return _shorten(title)
    return _shorten(_file_label(filename)) or FALLBACK


def _party(text: str) -> str | None:
    match = _PARTY.search(text)
    if match is None:
        return None
    party = _LEADING_ARTICLE.sub("", " ".join(match.group("party").split())).strip(" -–—")
    if len(party) < 2 or not any(c.isalpha() for c in party):
        return None
    return party


def _symbol(text: str) -> str | None:
    for match in _SYMBOL.finditer(text):
        symbol = match.group("symbol").rstrip(".-")
        if any(c.isdigit() for c in symbol):
            return symbol
    return None


def _reads_like_a_title(title: str) -> bool:
    """Words, not a code ("W:CAR:MP:FP"), a file name or a placeholder."""
    if len(title) < 3 or title.lower() in _GENERIC_TITLES:
        return False
    words = title.split()
    if len(words) < 2 and not title.isalpha():
        return False
    letters = sum(c.isalpha() for c in title)
    return letters >= len(title) * 0.6 and not _SUFFIX.search(title)


def _clean(text: str) -> str:
    text = display_name(text)
    text = _OFFICE_PREFIX.sub("", " ".join(text.split()))
    return _SUFFIX.sub("", text).strip(" -–—_")


def _stem(filename: str) -> str:
    return display_name(PurePath(filename).stem)


def _file_label(filename: str) -> str:
    stem = _stem(filename)
    stem = _FILE_NOISE.sub("", stem)
    label = re.sub(r"[_\s]+", " ", stem).strip(" -.")
    return label


def _shorten(text: str) -> str:
    if len(text) <= MAX_LABEL:
        return text
    cut = text[:MAX_LABEL].rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:-–—") + "…"
