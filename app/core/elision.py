"""Where a cited span cuts a sentence, the printed quote says so with "…".

The sample contribution prints "… enhanced cooperation should have the
characteristics of …": a reader must see that the quote begins or ends in
the middle of the party's sentence. The cite step marks those ends (an
option, on by default); the anchor stays the exact source text, and the
quote fidelity check accepts the marks as elisions.
"""

from __future__ import annotations

import logging

logger = logging.getLogger(__name__)

ELLIPSIS = "…"
_SENTENCE_END = ".!?…"
_CLOSING = "\"'”’»)]"


def _stops(char: str) -> bool:
    return char in _SENTENCE_END or char in "\n\r\f\u2029"


def starts_inside_sentence(text: str, start: int) -> bool:
    """True when words of the same sentence stand before ``start``."""
    at = start - 1
    while at >= 0:
        char = text[at]
        if _stops(char):
            return False
        if char.isalnum():
            return True
        at -= 1
    return False


def ends_inside_sentence(text: str, end: int) -> bool:
    """True when the span stops before the end of its sentence (words follow in it)."""
    cut = text[:end].rstrip().rstrip(_CLOSING)
    if cut[-1:] and cut[-1] in _SENTENCE_END:
        return False
    for char in text[end:]:
        if _stops(char):
            return False
        if char.isalnum():
            return True
    return False


def mark_cuts(quote: str, text: str, start: int, end: int) -> str:
    """``quote`` with "…" where the span ``text[start:end]`` starts or ends mid-sentence."""
    if starts_inside_sentence(text, start) and not quote.startswith(ELLIPSIS):
        quote = f"{ELLIPSIS} {quote}"
    if ends_inside_sentence(text, end) and not quote.endswith(ELLIPSIS):
        # "transparency, …" reads as a stammer: the cut takes the comma along.
        quote = f"{quote.rstrip(',;: ')} {ELLIPSIS}"
    return quote
