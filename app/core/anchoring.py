"""Anchors: where a cited passage sits in a source, and how to find it again.

A passage is anchored twice (see DESIGN.md): by offsets (code points, plus the
page and paragraph a reader would cite) and by its exact text with 32 code
points of context on each side, like the W3C TextQuoteSelector. Offsets are
exact and cheap; the quote survives a revised version of the source (Rev.1),
where offsets shift. :func:`app.core.reanchoring.reanchor` uses both, then falls back to a fuzzy
match with a score, and reports what it cannot place as an orphan instead of
guessing or failing: orphans are listed for review, never deleted.

Quotes pasted by users come from PDF viewers, so every comparison here goes
through :mod:`app.core.textnorm` (line breaks, hyphenation, quote marks…).
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal, Protocol

from app.core.errors import AmbiguousQuoteError, QuoteNotFoundError
from app.core.i18n import _
from app.core.textnorm import (
    NormalizedText,
    normalize_with_map,
    quote_key,
)

logger = logging.getLogger(__name__)

CONTEXT_CHARS = 32
"""Code points of context kept before and after a passage."""

Method = Literal["offset", "quote", "fuzzy", "orphan"]


class PageLike(Protocol):
    """A page of a source: ``text[start:end]``, printed with ``label``."""

    @property
    def index(self) -> int: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def label(self) -> str: ...


class ParagraphLike(Protocol):
    """A paragraph of a source: ``text[start:end]``, maybe numbered ("12.")."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def number(self) -> str | None: ...


@dataclass(frozen=True, slots=True)
class Anchor:
    """Where a passage is: ``exact == text[start:end]``, with context and citation data."""

    start: int
    end: int
    exact: str
    prefix: str
    suffix: str
    page_index: int | None = None
    page_label: str | None = None
    paragraph_number: str | None = None


def make_anchor(
    text: str,
    start: int,
    end: int,
    pages: Sequence[PageLike] = (),
    paragraphs: Sequence[ParagraphLike] = (),
) -> Anchor:
    """Anchor ``text[start:end]``; page and paragraph are those holding ``start``.

    Raises ValueError for an empty or out-of-range span: callers convert user
    selections before they get here, so a bad span is a bug, not a user error.
    """
    if not 0 <= start < end <= len(text):
        raise ValueError(f"span {start}:{end} is not a non-empty span of a {len(text)}-char text")
    page = next((p for p in pages if p.start <= start < p.end), None)
    paragraph = next((p for p in paragraphs if p.start <= start < p.end), None)
    return Anchor(
        start=start,
        end=end,
        exact=text[start:end],
        prefix=text[max(0, start - CONTEXT_CHARS) : start],
        suffix=text[end : end + CONTEXT_CHARS],
        page_index=page.index if page else None,
        page_label=page.label if page else None,
        paragraph_number=paragraph.number if paragraph else None,
    )


def find_all(haystack: str, needle: str) -> list[int]:
    """Every start of ``needle`` in ``haystack``, overlapping ones included."""
    hits: list[int] = []
    at = haystack.find(needle)
    while at >= 0:
        hits.append(at)
        at = haystack.find(needle, at + 1)
    return hits


@functools.lru_cache(maxsize=4)
def normalized_source(text: str) -> NormalizedText:
    """A source's normalised text, kept for the next quote cited in it.

    A script cites many quotes of one source in a row (``rejoinder batch``),
    and normalising a long source costs milliseconds; the cache is keyed by
    the text itself, so a changed text is normalised anew.
    """
    return normalize_with_map(text)


def find_quote(
    text: str, quote: str, occurrence: int | None = None, label: str | None = None
) -> tuple[int, int]:
    """Find a quote pasted by a user; return its span ``(start, end)`` in ``text``.

    The match ignores differences that PDF copying introduces (see
    :mod:`app.core.textnorm`). ``occurrence`` (1-based) picks one of several
    matches; without it, several matches raise :class:`AmbiguousQuoteError`.
    ``label`` names the source (its party) in the error messages.
    """
    where = _("“{label}”").format(label=label) if label else _("the source")
    key = quote_key(quote)
    if not key:
        raise QuoteNotFoundError(_("The quote is empty: paste the text you want to cite."))
    norm = normalized_source(text)
    hits = find_all(norm.text, key)
    if not hits:
        raise QuoteNotFoundError(
            _("The quote was not found in {where}: check for typing differences.").format(
                where=where
            )
        )
    if occurrence is None:
        if len(hits) > 1:
            raise AmbiguousQuoteError(
                _(
                    "The quote occurs {count} times in {where}: choose one with --occurrence "
                    "N (1 to {count})."
                ).format(count=len(hits), where=where)
            )
        occurrence = 1
    if not 1 <= occurrence <= len(hits):
        times = _("once") if len(hits) == 1 else _("only {count} times").format(count=len(hits))
        raise QuoteNotFoundError(
            _("The quote occurs {times} in {where}: there is no occurrence {occurrence}.").format(
                times=times, where=where, occurrence=occurrence
            )
        )
    at = hits[occurrence - 1]
    return norm.source_span(at, at + len(key))
