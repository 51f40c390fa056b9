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

import re
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


# --- Quote fidelity ---------------------------------------------------------

_ELISION = r"(?:…|\.\s?\.\s?\.)"
_MARKER = re.compile(rf"\[\s*{_ELISION}\s*\]|\(\s*{_ELISION}\s*\)|{_ELISION}|\[[^\[\]]*\]")
BRACKET_EXTRA_WORDS = 6
"""A bracketed insertion may stand for its own word count plus this many source words."""


@dataclass(frozen=True, slots=True)
class _Segment:
    """Printed text between two markers, and the marker in front of it."""

    key: str
    after: Literal["start", "elision", "bracket"]
    glued: bool  # the marker touches the text: it may stand for part of a word
    bracket_words: int = 0


def _segments(printed: str) -> tuple[list[_Segment], _Segment]:
    """Split the printed quote at markers; the last item describes the marker at the end."""
    segments: list[_Segment] = []
    after: Literal["start", "elision", "bracket"] = "start"
    words = 0
    at = 0
    for match in _MARKER.finditer(printed):
        text = printed[at : match.start()]
        if key := normalize(text):
            glued = after != "start" and not text[0].isspace()
            segments.append(_Segment(key, after, glued, words))
            after, words = "start", 0
        is_bracket = match.group().startswith("[") and not re.search(_ELISION, match.group())
        if is_bracket and after != "elision":
            after = "bracket"
            words += len(match.group().split())
        else:
            after = "elision"
        at = match.end()
    text = printed[at:]
    if key := normalize(text):
        glued = after != "start" and not text[0].isspace()
        segments.append(_Segment(key, after, glued, words))
        after, words = "start", 0
    return segments, _Segment("", after, False, words)


def _reach(source: str, seg: _Segment, pos: int) -> int:
    """The furthest start of ``seg`` that its marker allows when it follows ``pos``."""
    if seg.after != "bracket":
        return len(source)
    limit = pos
    for _ in range(seg.bracket_words + BRACKET_EXTRA_WORDS):
        nxt = source.find(" ", limit + 1)
        limit = len(source) if nxt < 0 else nxt + 1
    return limit


def _locate(source: str, seg: _Segment, pos: int) -> int | None:
    """Start of ``seg`` in ``source`` at or after ``pos``, as its marker allows."""
    if seg.after == "start":
        return pos if source.startswith(seg.key, pos) else None
    limit = _reach(source, seg, pos)
    # After a marker the first letter may change case: "[No] recommendations".
    variants = {seg.key, seg.key[0].swapcase() + seg.key[1:]}
    best: int | None = None
    for variant in variants:
        at = source.find(variant, pos)
        while 0 <= at <= limit:
            boundary = at == 0 or not source[at - 1].isalnum() or not variant[0].isalnum()
            if seg.glued or boundary:
                best = at if best is None else min(best, at)
                break
            at = source.find(variant, at + 1)
    return best


def _snippet(text: str, at: int) -> str:
    """A few words of ``text`` around ``at``, not cut inside a word."""
    start = text.rfind(" ", 0, max(0, at - 12)) + 1
    end = text.find(" ", at + 28)
    return text[start : len(text) if end < 0 else end].strip()


def _difference(source: str, seg: _Segment, pos: int) -> str:
    """Describe where ``seg`` stops matching the source after ``pos``."""
    if seg.after == "start":
        k = 0
        while k < len(seg.key) and source.startswith(seg.key[: k + 1], pos):
            k += 1
        where = pos
    else:  # the longest beginning of the segment found anywhere further on
        lo, hi = 0, len(seg.key)
        while lo < hi:
            mid = (lo + hi + 1) // 2
            lo, hi = (mid, hi) if source.find(seg.key[:mid], pos) >= 0 else (lo, mid - 1)
        k = lo
        where = source.find(seg.key[:k], pos) if k else pos
    printed = _snippet(seg.key, k)
    found = _snippet(source, where + k)
    if where + k >= len(source):
        return f"The quote goes on after the end of the cited passage: “{printed}”."
    return f"The quote differs from the source near “{printed}”: the source reads “{found}”."


def check_fidelity(printed: str, exact: str) -> list[str]:
    """Problems with a printed quote against the exact source text ([] = faithful).

    Allowed differences: anything :mod:`app.core.textnorm` ignores; elisions
    ("…", "...", "[…]") that stand for any omitted text, also at either end;
    bracketed insertions ("[No]", "[the Commission]") that stand for nothing
    or for a few source words (their own word count plus
    :data:`BRACKET_EXTRA_WORDS`) or part of a word ("[r]ecommendations"); and
    the case of the first letter after a marker. Each printed segment between
    markers is matched in order, leftmost first, without backtracking.
    """
    source = normalize(exact)
    segments, tail = _segments(printed)
    if not segments:
        if normalize(printed) == source:  # the cited passage is itself only an elision
            return []
        return ["The printed quote holds no text from the source."]
    problems: list[str] = []
    pos = 0
    for number, seg in enumerate(segments, 1):
        while pos < len(source) and source[pos] == " ":
            pos += 1
        at = _locate(source, seg, pos)
        last = len(source) - len(seg.key)
        # The last segment closes the quote: prefer its occurrence at the end.
        closing = number == len(segments) and tail.after == "start" and seg.after != "start"
        if (
            closing
            and pos < last <= _reach(source, seg, pos)
            and _locate(source, seg, last) == last
        ):
            at = last
        if at is None:
            problems.append(_difference(source, seg, pos))
            # Carry on after the next exact occurrence, if any, to report more.
            at = source.find(seg.key, pos)
            if at < 0:
                continue
        pos = at + len(seg.key)
    rest = source[pos:].strip()
    if tail.after == "bracket" and len(rest.split()) <= tail.bracket_words + BRACKET_EXTRA_WORDS:
        rest = ""
    if rest and tail.after != "elision" and not problems:
        problems.append(
            "The quote stops before the end of the cited passage, which goes on with "
            f"“{_snippet(rest, 0)}”: mark the omission with “…”."
        )
    return problems
