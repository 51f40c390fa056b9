"""A guard against a reference-counting bug of the PySide6 build the project uses.

With PySide6-Essentials 6.12.0 on Python 3.11, every call of a C++ method
that returns ``void`` gives back ``None`` without taking a reference to it,
so each call lowers ``None``'s reference count by one; when it reaches zero
Python aborts ("deallocating None"). Python 3.12 made ``None`` immortal, so
the bug is harmless there. Code that makes thousands of such calls (the
reader's highlights) reports how many it made, and the references lost are
put back. The bug is measured once at import, so a fixed build costs nothing.
"""

from __future__ import annotations

import sys

from PySide6.QtGui import QTextCharFormat

_kept: list[None] = []


def _measure() -> int:
    """References to ``None`` lost per void call (0 when the build is sound)."""
    fmt = QTextCharFormat()
    before = sys.getrefcount(None)
    for _ in range(100):
        fmt.setFontItalic(False)
    lost = before - sys.getrefcount(None)
    _kept.extend([None] * max(0, lost))
    return 1 if lost >= 90 else 0


LOST_PER_CALL = _measure()


def void_calls(count: int) -> None:
    """Put back the references ``count`` void calls took from ``None``."""
    if LOST_PER_CALL and count > 0:
        _kept.extend([None] * (count * LOST_PER_CALL))
