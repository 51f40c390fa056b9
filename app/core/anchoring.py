"""Anchors: where a cited passage sits in a source, and how to find it again.

A passage is anchored twice (see DESIGN.md): by offsets (code points, plus the
page and paragraph a reader would cite) and by its exact text with 32 code
points of context on each side, like the W3C TextQuoteSelector. Offsets are
exact and cheap; the quote survives a revised version of the source (Rev.1),
where offsets shift. :func:`reanchor` uses both, then falls back to a fuzzy
match with a score, and reports what it cannot place as an orphan instead of
guessing or failing: orphans are listed for review, never deleted.

Quotes pasted by users come from PDF viewers, so every comparison here goes
through :mod:`app.core.textnorm` (line breaks, hyphenation, quote marks…).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal, Protocol

from rapidfuzz import fuzz

from app.core.errors import AmbiguousQuoteError, QuoteNotFoundError
from app.core.textnorm import NormalizedText, normalize, normalize_with_map, quote_key

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


@dataclass(frozen=True, slots=True)
class Reanchoring:
    """Where an anchor lands in a new text; ``start``/``end`` are None for an orphan.

    ``score`` is 1.0 when the exact text was found (at its old offsets or
    elsewhere), else the similarity (0..1) of the passage and its new text.
    """

    start: int | None
    end: int | None
    score: float
    method: Method

    @property
    def is_orphan(self) -> bool:
        return self.method == "orphan"


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


def _find_all(haystack: str, needle: str) -> list[int]:
    """Every start of ``needle`` in ``haystack``, overlapping ones included."""
    hits: list[int] = []
    at = haystack.find(needle)
    while at >= 0:
        hits.append(at)
        at = haystack.find(needle, at + 1)
    return hits


def find_quote(
    text: str, quote: str, occurrence: int | None = None, label: str | None = None
) -> tuple[int, int]:
    """Find a quote pasted by a user; return its span ``(start, end)`` in ``text``.

    The match ignores differences that PDF copying introduces (see
    :mod:`app.core.textnorm`). ``occurrence`` (1-based) picks one of several
    matches; without it, several matches raise :class:`AmbiguousQuoteError`.
    ``label`` names the source (its party) in the error messages.
    """
    where = f"“{label}”" if label else "the source"
    key = quote_key(quote)
    if not key:
        raise QuoteNotFoundError("The quote is empty: paste the text you want to cite.")
    norm = normalize_with_map(text)
    hits = _find_all(norm.text, key)
    if not hits:
        raise QuoteNotFoundError(
            f"The quote was not found in {where}: check for typing differences."
        )
    if occurrence is None:
        if len(hits) > 1:
            raise AmbiguousQuoteError(
                f"The quote occurs {len(hits)} times in {where}: "
                f"choose one with --occurrence N (1 to {len(hits)})."
            )
        occurrence = 1
    if not 1 <= occurrence <= len(hits):
        times = "once" if len(hits) == 1 else f"only {len(hits)} times"
        raise QuoteNotFoundError(
            f"The quote occurs {times} in {where}: there is no occurrence {occurrence}."
        )
    at = hits[occurrence - 1]
    return norm.source_span(at, at + len(key))


class _Reanchorer:
    """Re-anchors onto one new text; normalises it once, and only if needed."""

    def __init__(self, text: str, threshold: float) -> None:
        self.text = text
        self.threshold = threshold
        self._norm: NormalizedText | None = None

    @property
    def norm(self) -> NormalizedText:
        if self._norm is None:
            self._norm = normalize_with_map(self.text)
        return self._norm

    def context_score(self, anchor: Anchor, start: int, end: int) -> float:
        """How well the text around ``start:end`` matches the anchor's context (0..100)."""
        before = self.text[max(0, start - len(anchor.prefix)) : start]
        after = self.text[end : end + len(anchor.suffix)]
        return float(fuzz.ratio(anchor.prefix, before) + fuzz.ratio(anchor.suffix, after))

    def best(self, anchor: Anchor, spans: list[tuple[int, int]]) -> tuple[int, int]:
        """The span with the best context; the one nearest the old offset breaks ties."""
        return max(
            spans,
            key=lambda s: (self.context_score(anchor, *s), -abs(s[0] - anchor.start)),
        )

    def reanchor(self, anchor: Anchor) -> Reanchoring:
        exact = anchor.exact
        if exact and self.text[anchor.start : anchor.end] == exact:
            return Reanchoring(anchor.start, anchor.end, 1.0, "offset")
        spans = [(at, at + len(exact)) for at in _find_all(self.text, exact)] if exact else []
        if not spans:
            # Same words, new layout (a re-extracted PDF reflows lines).
            key = quote_key(exact)
            if key:
                spans = [
                    self.norm.source_span(a, a + len(key)) for a in _find_all(self.norm.text, key)
                ]
        if spans:
            start, end = self.best(anchor, spans)
            return Reanchoring(start, end, 1.0, "quote")
        return self.fuzzy(anchor)

    def fuzzy(self, anchor: Anchor) -> Reanchoring:
        """Best approximate match: near the old position first, then anywhere."""
        needle = normalize(anchor.exact)
        hay = self.norm.text
        if not needle or not hay:
            return Reanchoring(None, None, 0.0, "orphan")
        # No reverse map exists; scale the old offset to the normalised text.
        guess = anchor.start * len(hay) // max(1, len(self.text))
        margin = 2 * len(needle) + 200
        lo, hi = max(0, guess - margin), min(len(hay), guess + len(needle) + margin)
        found = self.align(anchor, needle, lo, hi)
        if found[0] < 0.9:
            anywhere = self.align(anchor, needle, 0, len(hay))
            if anywhere[0] > found[0]:
                found = anywhere
        score, start, end = found
        if score < self.threshold:
            return Reanchoring(None, None, score, "orphan")
        source_start, source_end = self.norm.source_span(start, end)
        return Reanchoring(source_start, source_end, score, "fuzzy")

    def align(self, anchor: Anchor, needle: str, lo: int, hi: int) -> tuple[float, int, int]:
        """Best match of ``needle`` in ``hay[lo:hi]``: (score 0..1, start, end) in ``hay``.

        ``partial_ratio_alignment`` finds a window as long as the needle, but
        the edit may have made the passage longer or shorter. Each end is moved
        to where the anchor's context still stands next to it or, without
        context, to the word boundary that maximises the similarity of the whole
        passage (maximising alone would drop a reworded first or last word).
        The score is that whole-passage similarity.
        """
        hay = self.norm.text
        found = fuzz.partial_ratio_alignment(needle, hay[lo:hi])
        if found is None or found.dest_end <= found.dest_start:
            return 0.0, 0, 0
        start, end = lo + found.dest_start, lo + found.dest_end
        slack = max(16, len(needle) // 4)
        before = normalize(anchor.prefix)[-16:]
        at = hay.rfind(before, max(0, start - slack - len(before)), start + slack) if before else -1
        if at >= 0 and at + len(before) < end:
            start = at + len(before)
        else:
            starts = [i for i in range(max(0, start - slack), start + slack) if _word_start(hay, i)]
            start = max(
                starts or [start], key=lambda i: (fuzz.ratio(needle, hay[i:end]), -abs(i - start))
            )
        after = normalize(anchor.suffix)[:16]
        at = hay.find(after, max(start + 1, end - slack), end + slack + len(after)) if after else -1
        if at > start:
            end = at
        else:
            ends = [i for i in range(max(start + 1, end - slack), end + slack) if _word_end(hay, i)]
            end = max(
                ends or [end], key=lambda i: (fuzz.ratio(needle, hay[start:i]), -abs(i - end))
            )
        while start < end - 1 and hay[start] == " ":
            start += 1
        while end > start + 1 and hay[end - 1] == " ":
            end -= 1
        return fuzz.ratio(needle, hay[start:end]) / 100.0, start, end


def _word_start(text: str, i: int) -> bool:
    return 0 <= i < len(text) and text[i] != " " and (i == 0 or text[i - 1] == " ")


def _word_end(text: str, i: int) -> bool:
    return 0 < i <= len(text) and text[i - 1] != " " and (i == len(text) or text[i] == " ")


def reanchor(anchor: Anchor, new_text: str, threshold: float = 0.75) -> Reanchoring:
    """Place ``anchor`` on a new version of its source: offset, then quote, then fuzzy.

    Below ``threshold`` (0..1) the passage becomes an orphan for review; this
    never raises for text that cannot be found.
    """
    return _Reanchorer(new_text, threshold).reanchor(anchor)


def reanchor_all(
    anchors: Iterable[Anchor], new_text: str, threshold: float = 0.75
) -> list[Reanchoring]:
    """:func:`reanchor` each anchor, normalising the new text once for all of them."""
    reanchorer = _Reanchorer(new_text, threshold)
    return [reanchorer.reanchor(anchor) for anchor in anchors]
