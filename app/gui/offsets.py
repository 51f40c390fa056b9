"""Converting between Qt's UTF-16 positions and the project's code-point offsets.

The project counts Python code points; ``QTextCursor`` counts UTF-16 code
units, so every character outside the Basic Multilingual Plane (emoji, rare
CJK ideographs) counts twice in Qt. Converting at the widget boundary keeps
every highlight and citation after such a character in place.
"""

from __future__ import annotations

import logging
from bisect import bisect_left, bisect_right

logger = logging.getLogger(__name__)


class OffsetMap:
    """Conversions for one text; O(log n) per call after an O(n) scan."""

    def __init__(self, text: str) -> None:
        self._astral = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF]
        # UTF-16 position at which each astral character starts.
        self._astral_u16 = [cp + k for k, cp in enumerate(self._astral)]

    def to_qt(self, offset: int) -> int:
        """Code-point offset → UTF-16 position."""
        return offset + bisect_left(self._astral, offset)

    def from_qt(self, position: int) -> int:
        """UTF-16 position → code-point offset (inside a surrogate pair: its character)."""
        before = bisect_left(self._astral_u16, position)
        # Astral characters that start before ``position`` each took two units.
        if before and self._astral_u16[before - 1] + 1 == position:
            return self._astral[before - 1]
        return position - before

    def count_before(self, offset: int) -> int:
        return bisect_right(self._astral, offset - 1)
