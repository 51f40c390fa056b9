"""A reader's selection becomes a citable span: whole words, no stray space or full stop.

A mouse selection starts and ends where the pointer happened to be: half a
word, the space before, the ". " after. A delegate means the words, so the
span grows to whole words and sheds spaces and sentence punctuation at either
end (an opening quote or bracket stays: it is part of what is quoted). Pure
text logic, so it is tested without Qt; offsets are code points.
"""

from __future__ import annotations

import logging
import unicodedata

logger = logging.getLogger(__name__)

LEADING_JUNK = ".,;:!?)]}»”’-–— \t\r\n\u00a0\u2028\u2029"
TRAILING_JUNK = ".,;:!?([{«“‘-–— \t\r\n\u00a0\u2028\u2029"


def _in_word(char: str) -> bool:
    """A letter of a space-separated word (CJK text has no spaces: each sign stands alone)."""
    if unicodedata.east_asian_width(char) in ("W", "F"):
        return False
    return char.isalnum() or char in "_\u00ad"


def snap_to_words(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The span of whole words that ``text[start:end]`` touches, trimmed; None when empty."""
    start, end = max(0, min(start, end)), min(len(text), max(start, end))
    while 0 < start < len(text) and _in_word(text[start - 1]) and _in_word(text[start]):
        start -= 1
    while 0 < end < len(text) and _in_word(text[end - 1]) and _in_word(text[end]):
        end += 1
    while start < end and text[start] in LEADING_JUNK:
        start += 1
    while end > start and text[end - 1] in TRAILING_JUNK:
        end -= 1
    return (start, end) if end > start else None
