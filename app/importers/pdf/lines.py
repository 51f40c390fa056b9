"""Text lines with their geometry, read from one pdfium text page.

Asking pdfium for every character's box costs about 1.8 µs a character
through ctypes: 150 ms for a 14-page paper, more than ``pdftotext`` needs
for the whole job. So the page text is fetched in one call, split where
pdfium itself broke lines (``\\r\\n``, or its line-end hyphen mark), and
each line costs two box calls (first and last character) and a font-weight
call. Only lines that look odd get more: first and last boxes that disagree
(two rows pdfium glued together) and lines holding a digit or note symbol,
whose text-object rectangles (computed in C) reveal a raised footnote
marker or a jump to another column. Those jumps are resolved character by
character.
"""

from __future__ import annotations

import ctypes
import logging
import re
import statistics
from bisect import bisect_left
from dataclasses import dataclass, field
from typing import Any

import pypdfium2.raw as pdfium_c

from app.importers.pdf.text import HYPHEN_MARKS, clean

logger = logging.getLogger(__name__)

_NEEDS_CLEAN = re.compile(
    "[\x00-\x09\x0b\x0c\x0e-\x1f\x7f\u00ad\u2010\u2011\ufb00-\ufb06\ud800-\udfff\uffff]"
)
_RULE = re.compile(r"^[_\-–—.·… ]{5,}$")
_RULE_START = "_-–—.·…"
_BREAK = re.compile("[\r\n\x02\ufffe]")
RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")
_MARKER_RE = re.compile("[0-9*†‡§¶]")
_MARKER_CHARS = set("0123456789*†‡§¶")


def _fast(func: Any, restype: Any = ctypes.c_int) -> Any:
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


_LOOSE_BOX = _fast(pdfium_c.FPDFText_GetLooseCharBox)
_FONT_WEIGHT = _fast(pdfium_c.FPDFText_GetFontWeight)
_COUNT_RECTS = _fast(pdfium_c.FPDFText_CountRects)
_GET_RECT = _fast(pdfium_c.FPDFText_GetRect)


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
    # (start, end) of raised small runs in ``text``: footnote markers.
    sups: list[tuple[int, int]] = field(default_factory=list)
    # Set sideways (a margin stamp): far narrower than its characters.
    vertical: bool = False
    # Index of the first character in pdfium's text page, when ``text`` maps
    # one to one onto the page's characters; otherwise -1.
    start: int = -1

    @property
    def mid(self) -> float:
        return (self.top + self.bottom) / 2


class _Boxes:
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
        _LOOSE_BOX(self.raw, index, self.rect_p)
        return r.left, r.right, r.bottom, r.top

    def rects(self, start: int, count: int) -> list[tuple[float, float, float, float]]:
        n = _COUNT_RECTS(self.raw, start, count)
        return self.computed(n) if n > 1 else []

    def computed(self, n: int) -> list[tuple[float, float, float, float]]:
        """(left, right, bottom, top) of the ``n`` rectangles the last CountRects made."""
        out = []
        d = self.d
        for k in range(n):
            _GET_RECT(self.raw, k, *self.dp)
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


def read_lines(raw: Any) -> list[Line]:
    """All non-empty lines of a page (``raw``: a pdfium text page), in pdfium's (stored) order.

    This is the hot loop of a PDF import (tens of thousands of lines for a
    long document), hence the local names and the inlined common case.
    """
    count = pdfium_c.FPDFText_CountChars(raw)
    if count <= 0:
        return []
    text = page_text(raw, count)
    if len(text) != count:
        text = "".join(chr(pdfium_c.FPDFText_GetUnicode(raw, i) or 0x20) for i in range(count))
    needs_clean = _NEEDS_CLEAN.search(text) is not None
    boxes = _Boxes(raw)
    rect, rect_p = boxes.rect, boxes.rect_p
    loose = _LOOSE_BOX
    count_rects = _COUNT_RECTS
    weight = _FONT_WEIGHT
    # Where the page holds marker characters, found in one pass over its text.
    marker_at = [m.start() for m in _MARKER_RE.finditer(text)]
    n_markers = len(marker_at)
    rule = _RULE.match
    rule_starts = _RULE_START
    marks = HYPHEN_MARKS
    lines: list[Line] = []
    append = lines.append
    # Every break is one character ("\r\n" leaves an empty line between):
    # one split of the page text costs less than a match object per line.
    length = len(text)
    pos = 0
    for content in _BREAK.split(text):
        line_start = pos
        pos += len(content) + 1
        stripped = content.strip()
        if not stripped or (stripped[0] in rule_starts and rule(stripped)):
            continue
        s = line_start + len(content) - len(content.lstrip())
        e = s + len(stripped)
        hyphen = pos <= length and text[pos - 1] in marks
        loose(raw, s, rect_p)
        x0, bottom, top = rect.left, rect.bottom, rect.top
        loose(raw, e - 1, rect_p)
        x1, b1, t1 = rect.right, rect.bottom, rect.top
        size = top - bottom
        if abs(size - (t1 - b1)) > 0.1 * size or abs(bottom - b1) > 0.3 * size or size <= 0:
            lines.extend(_line(boxes, text, s, e, hyphen))
            continue
        sups: list[tuple[int, int]] = []
        # Rectangles cost a call and pdfium's work per line: only a line that can
        # hold a footnote marker needs them (a line broken across columns or
        # rows shows as disagreeing first and last boxes, handled above).
        i = bisect_left(marker_at, s)
        if i < n_markers and marker_at[i] < e:
            n_rects = count_rects(raw, s, e - s)
            if n_rects > 1:
                raised = _irregular(boxes.computed(n_rects), bottom, size, RTL.search(stripped))
                if raised is None:
                    lines.extend(_scan(boxes, text, s, e, hyphen))
                    continue
                if raised:
                    sups = _markers(boxes, text, s, e, raised, bottom, size)
        first_weight = weight(raw, s)
        if first_weight > 0:
            bold = first_weight >= 600 and weight(raw, e - 1) >= 600
        else:
            bold = _bold_by_name(raw, s) and _bold_by_name(raw, e - 1)
        left = rect.left
        append(
            Line(
                clean(stripped) if needs_clean else stripped,
                x0 if x0 < left else left,
                x1,
                bottom,
                top,
                size,
                bold,
                hyphen,
                sups,
                False,
                -1 if needs_clean else s,
            )
        )
    return _merge_same_baseline(_place_stray_markers(raw, lines))


_BOLD_NAMES = (b"bold", b"black", b"heavy", b"semibold", b"demi")
# One buffer for font names; calls into pdfium are serialised by the importer's lock.
_NAME = ctypes.create_string_buffer(96)
_NAME_P = ctypes.cast(_NAME, ctypes.c_void_p)
_FLAGS = ctypes.c_int()
_FLAGS_P = ctypes.byref(_FLAGS)


def _bold_by_name(raw: Any, index: int) -> bool:
    """Bold for fonts without a descriptor (the standard 14): read the font's name."""
    pdfium_c.FPDFText_GetFontInfo(raw, index, _NAME_P, 96, _FLAGS_P)
    name = _NAME.value.lower()
    return any(word in name for word in _BOLD_NAMES)


def _bold(raw: Any, index: int) -> bool:
    weight = _FONT_WEIGHT(raw, index)
    return weight >= 600 if weight > 0 else _bold_by_name(raw, index)


def _is_marker(line: Line, other: Line) -> bool:
    """A short raised run of marker characters next to ``other``'s text."""
    return (
        len(line.text) <= 3
        and all(c in _MARKER_CHARS for c in line.text)
        and line.size < 0.9 * other.size
        and line.bottom > other.bottom + 0.1 * other.size
    )


def _place_stray_markers(raw: Any, lines: list[Line]) -> list[Line]:
    """Put back footnote markers that pdfium stored as lines of their own.

    Some writers (Acrobat PDFWriter) emit the raised marker after the whole
    line; pdfium then gives it its own line. The character just left of the
    marker, looked up by position, says where it belongs.
    """
    out = lines
    markers = [ln for ln in lines if len(ln.text) <= 3 and ln.text.isdigit()]
    if not markers:
        return out
    # A marker sits inside a body line's height: one at or below every line's
    # bottom (a page number in the footer) has no line to join.
    lowest = min(ln.bottom for ln in lines)
    for marker in markers:
        if marker.bottom <= lowest:
            continue
        for body in lines:
            if (
                body is marker
                or body.start < 0
                or not body.x0 < marker.x0 < body.x1
                or not body.bottom < marker.bottom < body.top
                or not _is_marker(marker, body)
            ):
                continue
            y = (body.bottom + body.top) / 2
            index = pdfium_c.FPDFText_GetCharIndexAtPos(raw, marker.x0 - 0.5, y, 3.0, 2.0)
            offset = index - body.start + 1
            if 0 < offset <= len(body.text):
                shift = len(marker.text)
                body.text = body.text[:offset] + marker.text + body.text[offset:]
                body.sups = sorted(
                    [(a + shift, b + shift) if a >= offset else (a, b) for a, b in body.sups]
                    + [(offset, offset + shift)]
                )
                body.start = -1  # offsets no longer match the page's characters
                out = [ln for ln in out if ln is not marker]
            break
    return out


def _merge_same_baseline(lines: list[Line]) -> list[Line]:
    """Re-join pieces pdfium broke off a line, typically at a raised footnote marker."""
    out: list[Line] = []
    for ln in lines:
        prev = out[-1] if out else None
        if (
            prev is None
            or prev.hyphen
            or not (-0.5 * prev.size < ln.x0 - prev.x1 < 1.5 * max(prev.size, ln.size))
        ):
            out.append(ln)
            continue
        same = abs(prev.bottom - ln.bottom) < 0.3 * prev.size and (
            abs(prev.size - ln.size) < 0.15 * prev.size
        )
        prev_marker = not same and _is_marker(prev, ln)
        ln_marker = not same and not prev_marker and _is_marker(ln, prev)
        if not (same or prev_marker or ln_marker):
            out.append(ln)
            continue
        glue = " " if ln.x0 - prev.x1 > 0.15 * prev.size and not prev.text.endswith(" ") else ""
        shift = len(prev.text) + len(glue)
        if prev_marker:
            ln.sups.insert(0, (-shift, -shift + len(prev.text)))
            ln.sups[:] = [(a + shift, b + shift) for a, b in ln.sups]
            ln.text = prev.text + glue + ln.text
            ln.x0 = prev.x0
            out[-1] = ln
            continue
        if ln_marker:
            prev.sups.append((shift, shift + len(ln.text)))
        else:
            prev.sups.extend((a + shift, b + shift) for a, b in ln.sups)
        prev.text = prev.text + glue + ln.text
        prev.x1 = max(prev.x1, ln.x1)
        if not ln_marker:
            prev.top = max(prev.top, ln.top)
        prev.hyphen = ln.hyphen
    for ln in out:
        n = len(ln.text)
        if n > 5 and ln.x1 - ln.x0 < 0.15 * ln.size * n:
            ln.vertical = True
    return out


def _line(boxes: _Boxes, text: str, s: int, e: int, hyphen: bool) -> list[Line]:
    first = boxes.loose(s)
    last = boxes.loose(e - 1)
    mid = boxes.loose((s + e) // 2)
    sizes = sorted(((b[3] - b[2]), b) for b in (first, mid, last) if b[3] > b[2])
    if not sizes:
        return []
    size, ref = sizes[len(sizes) // 2]
    rects = boxes.rects(s, e - s)
    sups: list[tuple[int, int]] = []
    if rects:
        raised = _irregular(rects, ref[2], size, RTL.search(text, s, e))
        if raised is None:
            return _scan(boxes, text, s, e, hyphen)
        sups = _markers(boxes, text, s, e, raised, ref[2], size)
    raw = boxes.raw
    bold = _bold(raw, s) and _bold(raw, e - 1)
    return [
        Line(
            clean(text[s:e]),
            min(first[0], last[0]),
            max(first[1], last[1]),
            ref[2],
            ref[3],
            size,
            bold,
            hyphen,
            sups,
            start=s if text[s:e] == clean(text[s:e]) else -1,
        )
    ]


def _markers(
    boxes: _Boxes,
    text: str,
    s: int,
    e: int,
    raised: list[tuple[float, float, float, float]],
    bottom: float,
    size: float,
) -> list[tuple[int, int]]:
    """Offsets in the cleaned line of raised marker runs (footnote references)."""
    out: list[tuple[int, int]] = []
    for rect in raised:
        x = (rect[0] + rect[1]) / 2
        y = (rect[2] + rect[3]) / 2
        index = pdfium_c.FPDFText_GetCharIndexAtPos(boxes.raw, x, y, 1.0, 1.0)
        if not s <= index < e or text[index] not in _MARKER_CHARS:
            continue
        lo = hi = index
        while lo > s and text[lo - 1] in _MARKER_CHARS and boxes.loose(lo - 1)[2] > bottom:
            lo -= 1
        while hi + 1 < e and text[hi + 1] in _MARKER_CHARS and boxes.loose(hi + 1)[2] > bottom:
            hi += 1
        start = len(clean(text[s:lo]))
        span = (start, start + len(clean(text[lo : hi + 1])))
        if span not in out:
            out.append(span)
    return sorted(out)


def _irregular(
    rects: list[tuple[float, float, float, float]], bottom: float, size: float, rtl: object
) -> list[tuple[float, float, float, float]] | None:
    """Raised small rectangles (footnote markers), or None when the line breaks.

    A break is a jump between text objects: a column gap on the same baseline
    or a second line pdfium glued to the first. Right-to-left text runs
    backwards by nature, so only vertical jumps count there.
    """
    raised = []
    prev = rects[0]
    for rect in rects:
        height = rect[3] - rect[2]
        if rect[2] > bottom + 0.45 * size and height < 0.8 * size:
            raised.append(rect)
            continue
        if rect is not prev:
            if not rtl and (rect[0] - prev[1] > 1.5 * size or rect[0] < prev[0] - size):
                return None
            if abs((rect[2] + rect[3]) - (prev[2] + prev[3])) > 1.2 * size and height > 0.5 * size:
                return None
        prev = rect
    return raised


def _scan(boxes: _Boxes, text: str, s: int, e: int, hyphen: bool) -> list[Line]:
    """Read a line character by character and split it where it really breaks."""
    rtl = RTL.search(text, s, e) is not None
    chars: list[tuple[str, tuple[float, float, float, float] | None]] = []
    for i in range(s, e):
        ch = text[i]
        if ch.isspace():
            chars.append((ch, None))
        else:
            chars.append((ch, boxes.loose(i)))
    sized = [b[3] - b[2] for _, b in chars if b is not None and b[3] > b[2]]
    if not sized:
        return []
    size = statistics.median(sized)
    out: list[Line] = []
    parts: list[str] = []
    sups: list[tuple[int, int]] = []
    cur: list[tuple[float, float, float, float]] = []
    base = None
    prev_box = None
    length = 0

    def flush(last: bool) -> None:
        nonlocal parts, sups, cur, length
        body = [b for b in cur if b[3] - b[2] >= 0.8 * size] or cur
        if cur and "".join(parts).strip():
            raw = "".join(parts)
            lead = len(raw) - len(raw.lstrip())
            trimmed = raw.strip()
            out.append(
                Line(
                    trimmed,
                    min(b[0] for b in cur),
                    max(b[1] for b in cur),
                    statistics.median(b[2] for b in body),
                    statistics.median(b[3] for b in body),
                    statistics.median(b[3] - b[2] for b in body),
                    _bold(boxes.raw, s),
                    hyphen and last,
                    [
                        (a - lead, b - lead)
                        for a, b in sups
                        if a - lead >= 0 and b - lead <= len(trimmed)
                    ],
                )
            )
        parts, sups, cur, length = [], [], [], 0

    for ch, box in chars:
        if box is None:
            parts.append(" ")
            length += 1
            continue
        height = box[3] - box[2]
        small = height < 0.8 * size
        if base is not None and prev_box is not None:
            jump_y = abs(box[2] - base) > 0.9 * size and not small
            jump_x = not rtl and (
                box[0] - prev_box[1] > 2.0 * size or box[0] < prev_box[0] - 2 * size
            )
            if jump_y or jump_x:
                flush(False)
                base = None
        if base is None and not small:
            base = box[2]
        piece = clean(ch)
        raised = small and base is not None and box[2] > base + 0.2 * size
        raised = raised or (small and base is None)
        if raised and ch in _MARKER_CHARS and piece:
            if sups and sups[-1][1] == length:
                sups[-1] = (sups[-1][0], length + len(piece))
            else:
                sups.append((length, length + len(piece)))
        parts.append(piece)
        length += len(piece)
        cur.append(box)
        prev_box = box
    flush(True)
    return out
