"""Re-anchoring: placing a passage on a new version of its source (Rev.1).

An anchor (:mod:`app.core.anchoring`) holds a passage's offsets and its
exact text with context. On a new version the offsets are tried first, then
the quote, then a fuzzy match with a score; what cannot be placed with
confidence becomes an orphan for review instead of a guess. The structure of
the new version (headings, contents lines, see :mod:`app.core.structure`)
keeps a fuzzy match off contents lines and the wrong twin of a repeated
heading. Split from the anchors themselves, which every citation needs,
while this runs only when a revised version is imported.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from app.core.anchoring import CONTEXT_CHARS, Anchor, Method, find_all
from app.core.structure import Place, Structure, agreement
from app.core.textnorm import (
    NormalizedText,
    normalize,
    normalize_with_map,
    quote_key,
    word_end,
    word_start,
)

logger = logging.getLogger(__name__)


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

    @property
    def kind(self) -> str:
        """What a person is shown: exact, moved, fuzzy or orphan."""
        return PLACEMENT_KINDS[self.method]


PLACEMENT_KINDS = {
    "selection": "exact",
    "offset": "exact",
    "quote": "moved",
    "fuzzy": "fuzzy",
    "orphan": "orphan",
}
"""How each anchor method is named to a person."""


_MASK = "\x01"
"""Stands in for text a fuzzy match must not land on (contents lines, the best candidate)."""

CONTEXT_AGREES = 0.55
"""Each side of a fuzzy placement's context must be at least this similar (0..1)."""

MARGIN = 0.06
"""A fuzzy placement must beat the second-best candidate by this much (0..1)."""

_MARKER_AT_START = re.compile(r"^\W*(?:\w{1,3}[.)]\s+)?")
_MARKER_AT_END = re.compile(r"(?:\s\w{1,3}[.)])?\W*$")

CONTEXT_WEIGHT = 0.15
"""How much the context beside a fuzzy match's ends weighs against the passage's own words."""

CLOSE_MATCH = 0.85
"""A fuzzy placement with only one side of context agreeing must be at least this similar."""

CANDIDATES = 4
"""How many separate fuzzy candidates are weighed against each other."""


def _mask(text: str, spans: Iterable[tuple[int, int]]) -> str:
    chars = list(text)
    for start, end in spans:
        chars[start:end] = _MASK * (end - start)
    return "".join(chars)


def _side(old: str, new: str, *, before: bool) -> float:
    """Similarity (0..1) of one side of the stored context and the text now beside a span."""
    size = min(24, len(old))
    if size == 0:
        return 1.0 if not new else 0.0
    old_part = old[-size:] if before else old[:size]
    new_part = new[-size:] if before else new[:size]
    return fuzz.ratio(old_part, new_part) / 100.0


@dataclass(frozen=True, slots=True)
class _Candidate:
    """A fuzzy candidate in the normalised text, with what speaks for it."""

    start: int
    end: int
    text: float
    before: float
    after: float
    place: float

    @property
    def context(self) -> float:
        return min(self.before, self.after)

    @property
    def total(self) -> float:
        return 0.6 * self.text + 0.25 * (self.before + self.after) / 2 + 0.15 * self.place


class Reanchorer:
    """Re-anchors onto one new text; normalises it once, and only if needed."""

    def __init__(
        self, text: str, threshold: float = 0.75, structure: Structure | None = None
    ) -> None:
        self.text = text
        self.threshold = threshold
        self.structure = structure
        self._norm: NormalizedText | None = None
        self._masked: NormalizedText | None = None

    @property
    def norm(self) -> NormalizedText:
        if self._norm is None:
            self._norm = normalize_with_map(self.text)
        return self._norm

    @property
    def body(self) -> NormalizedText:
        """The normalised text with contents and index lines masked (same offsets as ``norm``)."""
        if self._masked is None:
            contents = self.structure.contents if self.structure else []
            self._masked = normalize_with_map(_mask(self.text, contents)) if contents else self.norm
        return self._masked

    def context_score(self, anchor: Anchor, start: int, end: int) -> float:
        """How well the text around ``start:end`` matches the anchor's context (0..100)."""
        before = self.text[max(0, start - len(anchor.prefix)) : start]
        after = self.text[end : end + len(anchor.suffix)]
        return float(fuzz.ratio(anchor.prefix, before) + fuzz.ratio(anchor.suffix, after))

    def sides(self, anchor: Anchor, start: int, end: int) -> tuple[float, float]:
        """Agreement of the normalised context on each side of the source span ``start:end``."""
        before = normalize(self.text[max(0, start - 3 * CONTEXT_CHARS) : start])
        after = normalize(self.text[end : end + 3 * CONTEXT_CHARS])
        return (
            _side(normalize(anchor.prefix), before, before=True),
            _side(normalize(anchor.suffix), after, before=False),
        )

    def place_score(self, place: Place | None, start: int, end: int) -> float:
        if place is None or self.structure is None:
            return 1.0
        return agreement(place, self.structure.place(start, end))

    def allowed(self, place: Place | None, span: tuple[int, int]) -> bool:
        """Contents and index lines are allowed only to a passage cited on one."""
        if self.structure is None or (place is not None and place.in_contents):
            return True
        return not self.structure.in_contents(*span)

    def best(
        self, anchor: Anchor, spans: list[tuple[int, int]], place: Place | None = None
    ) -> tuple[int, int]:
        """The span with the best context and place; the one nearest the old offset breaks ties."""
        return max(
            spans,
            key=lambda s: (
                self.context_score(anchor, *s) + 100 * self.place_score(place, *s),
                -abs(s[0] - anchor.start),
            ),
        )

    def deleted_here(self, anchor: Anchor) -> bool:
        """The passage's two sides of context now stand next to each other: it was deleted."""
        before = normalize(anchor.prefix)[-16:]
        after = normalize(anchor.suffix)[:16]
        hay = self.norm.text.strip()
        if not before and len(after) >= 8:  # it opened the document
            return hay.startswith(after)
        if not after and len(before) >= 8:  # it closed the document
            return hay.endswith(before)
        if len(before) < 8 or len(after) < 8:
            return False
        if f"{before} {after}" in hay or f"{before}{after}" in hay:
            return True
        # A list marker or number cited in the context may have gone with the passage;
        # unless the context repeats the passage's own first or last words (a list of
        # look-alike items), when standing together proves nothing.
        before = _MARKER_AT_END.sub("", normalize(anchor.prefix))[-16:]
        after = _MARKER_AT_START.sub("", normalize(anchor.suffix))[:16]
        key = normalize(anchor.exact)
        head, tail = _MARKER_AT_START.sub("", key), _MARKER_AT_END.sub("", key)
        if len(before) < 8 or len(after) < 8 or head.startswith(after) or tail.endswith(before):
            return False
        joined = re.escape(before) + r"\W{0,3}(?:\w{1,3}[.)]\s?)?" + re.escape(after)
        return re.search(joined, hay) is not None

    def context_agrees(self, anchor: Anchor, found: _Candidate, hay: str) -> bool:
        """Both sides of the context agree; or one side, when the other was only rewritten.

        A neighbour that was edited or deleted changes one side of a passage's
        context. That is accepted for a close match, unless the side that
        disagrees is found inside the candidate: then the candidate is the
        neighbour itself, standing where the deleted passage was.
        """
        if found.context >= CONTEXT_AGREES:
            return True
        if found.text < CLOSE_MATCH or max(found.before, found.after) < 0.8:
            return False
        inside = hay[found.start : found.end]
        if found.after < found.before:
            side = _MARKER_AT_START.sub("", normalize(anchor.suffix))[:12]
        else:
            side = _MARKER_AT_END.sub("", normalize(anchor.prefix))[-12:]
        return len(side) < 6 or side not in inside

    def reanchor(
        self, anchor: Anchor, place: Place | None = None, origin: Structure | None = None
    ) -> Reanchoring:
        """Place ``anchor``; ``origin`` is the structure of the version it was made on."""
        exact = anchor.exact
        span = (anchor.start, anchor.end)
        if exact and self.text[anchor.start : anchor.end] == exact and self.allowed(place, span):
            return Reanchoring(anchor.start, anchor.end, 1.0, "offset")
        spans = [(at, at + len(exact)) for at in find_all(self.text, exact)] if exact else []
        if not spans:
            # Same words, new layout (a re-extracted PDF reflows lines).
            key = quote_key(exact)
            if key:
                spans = [
                    self.norm.source_span(a, a + len(key)) for a in find_all(self.norm.text, key)
                ]
        spans = [s for s in spans if self.allowed(place, s)]
        if spans:
            start, end = self.best(anchor, spans, place)
            if min(self.sides(anchor, start, end)) >= CONTEXT_AGREES:
                return Reanchoring(start, end, 1.0, "quote")
            if origin is not None:
                # Every copy the cited version had is still there: the passage moved.
                # One went: unless its context says so, the copy left is its twin
                # (a contents list, a repeated line), not the passage.
                key = quote_key(exact)
                if self.norm.text.count(key) >= origin.copies(anchor.start, anchor.end):
                    return Reanchoring(start, end, 1.0, "quote")
            elif not self.deleted_here(anchor):
                return Reanchoring(start, end, 1.0, "quote")
            # A copy of deleted words elsewhere (a repeated line) is not the passage.
            if self.deleted_here(anchor):
                return Reanchoring(None, None, 0.0, "orphan")
            return self.fuzzy(anchor, place)
        if self.deleted_here(anchor):
            return Reanchoring(None, None, 0.0, "orphan")
        return self.fuzzy(anchor, place)

    def candidate(
        self, anchor: Anchor, place: Place | None, norm: NormalizedText, hay: str, needle: str
    ) -> _Candidate | None:
        found = self.align(anchor, needle, hay)
        if found is None:
            return None
        score, start, end = found
        source_start, source_end = norm.source_span(start, end)
        before, after = self.sides(anchor, source_start, source_end)
        return _Candidate(
            start, end, score, before, after, self.place_score(place, source_start, source_end)
        )

    def fuzzy(self, anchor: Anchor, place: Place | None = None) -> Reanchoring:
        """Best approximate match, if its context agrees and no other candidate comes close."""
        needle = normalize(anchor.exact)
        norm = self.norm if place is not None and place.in_contents else self.body
        hay = norm.text
        if not needle or not hay.strip(_MASK + " "):
            return Reanchoring(None, None, 0.0, "orphan")
        candidates: list[_Candidate] = []
        rest = hay
        for _round in range(CANDIDATES):
            found = self.candidate(anchor, place, norm, rest, needle)
            if found is None:
                break
            candidates.append(found)
            rest = _mask(rest, [(found.start, found.end)])
        if not candidates:
            return Reanchoring(None, None, 0.0, "orphan")
        candidates.sort(key=lambda c: c.total, reverse=True)
        first = candidates[0]
        if first.text < self.threshold or not self.context_agrees(anchor, first, hay):
            return Reanchoring(None, None, first.text, "orphan")
        if len(candidates) > 1 and first.total - candidates[1].total < MARGIN:
            return Reanchoring(None, None, first.text, "orphan")
        source_start, source_end = norm.source_span(first.start, first.end)
        return Reanchoring(source_start, source_end, first.text, "fuzzy")

    def align(self, anchor: Anchor, needle: str, hay: str) -> tuple[float, int, int] | None:
        """Best match of ``needle`` in ``hay``: (score 0..1, start, end) in ``hay``.

        ``partial_ratio_alignment`` finds a window as long as the needle, but
        the edit may have made the passage longer or shorter. Each end is moved
        to the word boundary where the whole passage is most similar and the
        anchor's context stands next to it; weighing both keeps a reworded
        first or last word inside the placement, and context words that also
        occur inside the passage cannot cut it short. The score is the
        whole-passage similarity.
        """
        found = fuzz.partial_ratio_alignment(needle, hay)
        if found is None or found.dest_end <= found.dest_start:
            return None
        start, end = found.dest_start, found.dest_end
        if _MASK in hay[start:end].strip(_MASK):
            return None
        slack = max(16, len(needle) // 4)
        before = normalize(anchor.prefix)[-24:]
        after = normalize(anchor.suffix)[:24]

        def fit(i: int, j: int) -> float:
            score = fuzz.ratio(needle, hay[i:j])
            if before:
                score += CONTEXT_WEIGHT * fuzz.ratio(
                    before, hay[max(0, i - len(before) - 1) : i].strip()[-len(before) :]
                )
            if after:
                score += CONTEXT_WEIGHT * fuzz.ratio(
                    after, hay[j : j + len(after) + 1].strip()[: len(after)]
                )
            return score

        for _round in range(2):
            starts = [
                i
                for i in range(max(0, start - slack), min(end, start + slack))
                if word_start(hay, i, _GAPS)
            ]
            start = max(starts or [start], key=lambda i: (fit(i, end), -abs(i - found.dest_start)))
            ends = [
                i
                for i in range(max(start + 1, end - slack), min(len(hay), end + slack) + 1)
                if word_end(hay, i, _GAPS)
            ]
            end = max(ends or [end], key=lambda i: (fit(start, i), -abs(i - found.dest_end)))
        while start < end - 1 and hay[start] in (" ", _MASK):
            start += 1
        while end > start + 1 and hay[end - 1] in (" ", _MASK):
            end -= 1
        if _MASK in hay[start:end]:
            return None
        return fuzz.ratio(needle, hay[start:end]) / 100.0, start, end


_GAPS = (" ", _MASK)


def reanchor(
    anchor: Anchor,
    new_text: str,
    threshold: float = 0.75,
    *,
    place: Place | None = None,
    structure: Structure | None = None,
    origin: Structure | None = None,
) -> Reanchoring:
    """Place ``anchor`` on a new version of its source: offset, then quote, then fuzzy.

    ``place`` is where the passage stood in the version it was cited in and
    ``structure`` the new version's paragraphs: with them, the heading path
    and position count, and contents lines never win over body text. A fuzzy
    placement needs a similarity of at least ``threshold`` (0..1), its context
    to agree on both sides and a clear margin over the second-best candidate;
    otherwise the passage becomes an orphan for review. ``origin``, the
    structure of the version the anchor was made on, tells how many copies of
    the words it had: an exact copy elsewhere is the passage moved only when
    none of them went. This never raises for text that cannot be found.
    """
    return Reanchorer(new_text, threshold, structure).reanchor(anchor, place, origin)


def reanchor_all(
    anchors: Iterable[Anchor],
    new_text: str,
    threshold: float = 0.75,
    *,
    places: Sequence[Place | None] = (),
    structure: Structure | None = None,
) -> list[Reanchoring]:
    """:func:`reanchor` each anchor, normalising the new text once for all of them."""
    reanchorer = Reanchorer(new_text, threshold, structure)
    anchors = list(anchors)
    known = list(places) + [None] * (len(anchors) - len(places))
    return [reanchorer.reanchor(a, p) for a, p in zip(anchors, known, strict=True)]
