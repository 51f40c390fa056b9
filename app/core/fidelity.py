"""Quote fidelity: does the printed quote still say what the source says?

A delegation edits the printed quote ("… enhanced cooperation", "[No]
recommendations") while the passage's anchor stays exact. The printed quote
must equal the source text modulo whitespace, line-end hyphenation,
quote-mark styles, marked elisions ("…" or "...", also "[…]" and "(…)") and
bracketed insertions; anything else is reported, in words a delegate
understands, by :func:`check_fidelity`.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from typing import Literal

from app.core.i18n import _
from app.core.textnorm import NormalizedText, normalize, normalize_with_map

logger = logging.getLogger(__name__)

_ELISION = r"(?:…|\.\s?\.\s?\.)"
_MARKER = re.compile(rf"\[\s*{_ELISION}\s*\]|\(\s*{_ELISION}\s*\)|{_ELISION}|\[[^\[\]]*\]")
_EDGE_PUNCTUATION = ".,;:!?"
_PRINTED_EDGES = re.compile(r"^[\s,;:!?]*(?:\.(?!\.)\s*)?|\s*(?<![.…])\.?[\s,;:!?]*$")
BRACKET_EXTRA_WORDS = 6
"""A bracketed insertion may stand for its own word count plus this many source words."""


@dataclass(frozen=True, slots=True)
class _Segment:
    """Printed text between two markers, and the marker in front of it."""

    key: str
    after: Literal["start", "elision", "bracket"]
    glued: bool  # the marker touches the text: it may stand for part of a word
    bracket_words: int = 0
    raw: str = ""  # the printed text itself, to quote it as the user wrote it


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
            segments.append(_Segment(key, after, glued, words, text))
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
        segments.append(_Segment(key, after, glued, words, text))
        after, words = "start", 0
    return segments, _Segment("", after, False, words)


def _reach(source: str, seg: _Segment, pos: int) -> int:
    """The furthest start of ``seg`` that its marker allows when it follows ``pos``."""
    if seg.after != "bracket":
        return len(source)
    limit = pos
    for _word in range(seg.bracket_words + BRACKET_EXTRA_WORDS):
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


class _Shown:
    """A normalised text and the way back to its original wording, for messages.

    Normalising joins a word split at a line end and drops the hyphen of a
    compound, so a message quoting the normalised text would read "fiveyear";
    messages quote the original words instead, with line ends undone.
    """

    def __init__(self, raw: str) -> None:
        self.raw = raw
        self.norm: NormalizedText = normalize_with_map(raw)
        self.lead = len(self.norm.text) - len(self.norm.text.lstrip())

    def words(self, text: str, at: int, back: int = 12) -> str:
        """A few words of the normalised ``text`` around ``at``, in the original wording."""
        start = text.rfind(" ", 0, max(0, at - back)) + 1 if back else at
        end = text.find(" ", at + 28)
        end = len(text) if end < 0 else end
        while start < end and text[start] == " ":
            start += 1
        while end > start and text[end - 1] == " ":
            end -= 1
        if start >= end:
            return ""
        lo, hi = self.norm.source_span(self.lead + start, self.lead + end)
        return display_text(self.raw[lo:hi])


def display_text(raw: str) -> str:
    """Text as a message shows it: line-end hyphens kept, soft hyphens and line ends gone."""
    raw = re.sub(r"\u00ad\s*", "", raw)
    raw = re.sub(r"(?<=\w)([-\u2010\u2011])[ \t]*\r?\n\s*(?=\w)", r"\1", raw)
    return " ".join(raw.split())


def _difference(source: str, seg: _Segment, pos: int, shown: _Shown) -> str:
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
    printed = _Shown(seg.raw).words(seg.key, k)
    found = shown.words(source, where + k)
    if where + k >= len(source):
        return _("The quote goes on after the end of the cited passage: “{printed}”.").format(
            printed=printed
        )
    return _(
        "The quote differs from the source near “{printed}”: the source reads “{found}”."
    ).format(printed=printed, found=found)


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
    if normalize(printed) == normalize(exact):
        return []
    shown = _Shown(exact)
    # Spaces and sentence punctuation at either end are the selection's, not the quote's;
    # the end is cut and the start skipped, so offsets still map back to the source.
    whole = shown.norm.text.strip()
    source = whole.rstrip(" " + _EDGE_PUNCTUATION)
    segments, tail = _segments(_PRINTED_EDGES.sub("", printed))
    if not segments:
        if normalize(printed) == source:  # the cited passage is itself only an elision
            return []
        return [_("The printed quote holds no text from the source.")]
    problems: list[str] = []
    pos = len(source) - len(source.lstrip(" " + _EDGE_PUNCTUATION))
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
            problems.append(_difference(source, seg, pos, shown))
            # Carry on after the next exact occurrence, if any, to report more.
            at = source.find(seg.key, pos)
            if at < 0:
                continue
        pos = at + len(seg.key)
    rest = source[pos:].strip()
    if tail.after == "bracket" and len(rest.split()) <= tail.bracket_words + BRACKET_EXTRA_WORDS:
        rest = ""
    if rest and tail.after != "elision" and not problems:
        rest_at = pos + len(source[pos:]) - len(source[pos:].lstrip())
        problems.append(
            _(
                "The quote stops before the end of the cited passage, which goes on with "
                "“{rest}”: mark the omission with “…”."
            ).format(rest=shown.words(whole, rest_at, back=0))
        )
    return problems
