"""Character boxes and font facts from a pdfium text page, and the line they make.

The ctypes side of reading lines (:mod:`.lines`): pdfium's getters called
without pypdfium2's argument checks, reusable buffers, and the
:class:`Line` every later step works on. Shared by the common case
(:mod:`.lines`) and the lines that need a closer look (:mod:`.oddlines`).
"""

from __future__ import annotations

import ctypes
import logging
import re
from dataclasses import dataclass
from typing import Any

import pypdfium2.raw as pdfium_c

logger = logging.getLogger(__name__)

RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")
MARKER_RE = re.compile("[0-9*†‡§¶]")
MARKER_CHARS = set("0123456789*†‡§¶")


def fast_call(func: Any, restype: Any = ctypes.c_int) -> Any:
    """``func`` (a pypdfium2 raw function) without argument conversion, keeping the GIL.

    For the getters called once or twice per line: pypdfium2's argtypes
    checks and the GIL release cost more than pdfium's own work (0.52 µs a
    call against 0.15 µs here). Callers pass exact C types: ints, the raw
    text page, ``byref`` pointers. Same calling convention as pypdfium2 (cdecl).
    """
    address = ctypes.cast(func, ctypes.c_void_p).value
    if not address:
        raise ImportError(f"pdfium lacks {func!r}")
    return ctypes.PYFUNCTYPE(restype)(address)


LOOSE_BOX = fast_call(pdfium_c.FPDFText_GetLooseCharBox)
FONT_WEIGHT = fast_call(pdfium_c.FPDFText_GetFontWeight)
COUNT_RECTS = fast_call(pdfium_c.FPDFText_CountRects)
GET_RECT = fast_call(pdfium_c.FPDFText_GetRect)
CHAR_BOX = fast_call(pdfium_c.FPDFText_GetCharBox)


@dataclass(slots=True)
class Line:
    """One printed line: cleaned text and its box in PDF points (y grows upwards)."""

    text: str
    x0: float
    x1: float
    bottom: float
    top: float
    size: float
    bold: bool = False
    hyphen: bool = False
    # (start, end) of raised small runs in ``text``: footnote markers. A tuple,
    # so that the many lines without any share the one empty tuple instead
    # of holding an empty list each (an object more per line to make and free).
    sups: tuple[tuple[int, int], ...] = ()
    # Set sideways (a margin stamp): far narrower than its characters.
    vertical: bool = False
    # Index of the first character in pdfium's text page, when ``text`` maps
    # one to one onto the page's characters; otherwise -1.
    start: int = -1

    @property
    def mid(self) -> float:
        return (self.top + self.bottom) / 2

    def __reduce__(self) -> tuple[type[Line], tuple[Any, ...]]:
        """Pickled as its fields in order: a worker's summary sends thousands of
        edge lines, and the default (a dictionary of slots each) took twice as long."""
        return Line, (
            self.text,
            self.x0,
            self.x1,
            self.bottom,
            self.top,
            self.size,
            self.bold,
            self.hyphen,
            self.sups,
            self.vertical,
            self.start,
        )


class Boxes:
    """Reusable ctypes buffers, so that a page costs no allocation per call."""

    def __init__(self, raw: Any) -> None:
        self.raw = raw
        self.rect = pdfium_c.FS_RECTF()
        self.rect_p = ctypes.byref(self.rect)
        self.d = [ctypes.c_double() for _ in range(4)]
        self.dp = [ctypes.byref(d) for d in self.d]

    def loose(self, index: int) -> tuple[float, float, float, float]:
        """(left, right, bottom, top) of a character, from its font's ascent/descent."""
        r = self.rect
        LOOSE_BOX(self.raw, index, self.rect_p)
        return r.left, r.right, r.bottom, r.top

    def rects(self, start: int, count: int) -> list[tuple[float, float, float, float]]:
        n = COUNT_RECTS(self.raw, start, count)
        return self.computed(n) if n > 1 else []

    def computed(self, n: int) -> list[tuple[float, float, float, float]]:
        """(left, right, bottom, top) of the ``n`` rectangles the last CountRects made."""
        out = []
        d = self.d
        for k in range(n):
            GET_RECT(self.raw, k, *self.dp)
            out.append((d[0].value, d[2].value, d[3].value, d[1].value))
        return out


def page_text(raw: Any, count: int) -> str:
    """The text of a page's first ``count`` characters in one call.

    Characters pdfium leaves out of its text at either end are skipped
    first, as pypdfium2's ``get_text_range`` does (crbug.com/pdfium/2079),
    without the cost of its wrapper objects.
    """
    text_index = pdfium_c.FPDFText_GetTextIndexFromCharIndex
    lo, hi = 0, count - 1
    while lo <= hi and text_index(raw, lo) == -1:
        lo += 1
    while hi >= lo and text_index(raw, hi) == -1:
        hi -= 1
    if lo > hi:
        return ""
    size = text_index(raw, hi) + 2 - text_index(raw, lo)
    buffer = (ctypes.c_ushort * size)()
    written = pdfium_c.FPDFText_GetText(raw, lo, hi - lo + 1, buffer)
    if written <= 1:
        return ""
    return ctypes.string_at(buffer, 2 * (written - 1)).decode("utf-16-le", errors="ignore")


_BOLD_NAMES = (b"bold", b"black", b"heavy", b"semibold", b"demi")
# One buffer for font names; calls into pdfium are serialised by the importer's lock.
_NAME = ctypes.create_string_buffer(96)
_NAME_P = ctypes.cast(_NAME, ctypes.c_void_p)
_FLAGS = ctypes.c_int()
_FLAGS_P = ctypes.byref(_FLAGS)


def bold_by_name(raw: Any, index: int) -> bool:
    """Bold for fonts without a descriptor (the standard 14): read the font's name."""
    pdfium_c.FPDFText_GetFontInfo(raw, index, _NAME_P, 96, _FLAGS_P)
    name = _NAME.value.lower()
    return any(word in name for word in _BOLD_NAMES)


def is_bold(raw: Any, index: int) -> bool:
    weight = FONT_WEIGHT(raw, index)
    return weight >= 600 if weight > 0 else bold_by_name(raw, index)
