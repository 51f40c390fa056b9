"""Lines that need a closer look than two character boxes.

Most lines of a page are read from their first and last characters
(:func:`.lines.read_lines`). A line whose first and last boxes disagree
(two rows pdfium glued together, a raised marker at its end), or whose
text-object rectangles jump (another column) or rise (a footnote marker),
is read here: from a few more boxes, or character by character.
"""

from __future__ import annotations

import ctypes
import logging
import statistics

import pypdfium2.raw as pdfium_c

from app.importers.pdf.glyphs import (
    CHAR_BOX,
    MARKER_CHARS,
    MARKER_RE,
    RTL,
    Boxes,
    Line,
    is_bold,
)
from app.importers.pdf.text import clean

logger = logging.getLogger(__name__)


def odd_line(boxes: Boxes, text: str, s: int, e: int, hyphen: bool) -> list[Line]:
    first = boxes.loose(s)
    last = boxes.loose(e - 1)
    mid = boxes.loose((s + e) // 2)
    sizes = sorted(((b[3] - b[2]), b) for b in (first, mid, last) if b[3] > b[2])
    if not sizes:
        return []
    size, ref = sizes[len(sizes) // 2]
    rects = boxes.rects(s, e - s)
    sups: tuple[tuple[int, int], ...] = ()
    if rects:
        raised = irregular(rects, ref[2], size, RTL.search(text, s, e))
        if raised is None:
            return scan_chars(boxes, text, s, e, hyphen)
        sups = raised_markers(boxes, text, s, e, raised, ref[2], size)
    raw = boxes.raw
    bold = is_bold(raw, s) and is_bold(raw, e - 1)
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


def _char_at(boxes: Boxes, text: str, s: int, e: int, x: float, y: float) -> int:
    """The character at (x, y), as pdfium's FPDFText_GetCharIndexAtPos finds it.

    pdfium looks through every character of the page for the first whose
    box holds the point (70 µs on a page of 4,000, a fifth of reading the
    lines of a page with a footnote marker). Here the marker characters of
    the line at hand, where a raised rectangle's middle lies, are asked
    first, by their boxes as pdfium compares them (in single precision),
    and the two characters before the one found, whose boxes may overlap
    it (the root sign of "√3"). Only when no marker holds the point is
    pdfium asked.
    """
    fx, fy = ctypes.c_float(x).value, ctypes.c_float(y).value
    for match in MARKER_RE.finditer(text, s, e):
        found = match.start()
        if _holds(boxes, found, fx, fy):
            for before in range(max(s, found - 2), found):
                if _holds(boxes, before, fx, fy):
                    return before
            return found
    index: int = pdfium_c.FPDFText_GetCharIndexAtPos(boxes.raw, x, y, 1.0, 1.0)
    return index


def _holds(boxes: Boxes, index: int, x: float, y: float) -> bool:
    if not CHAR_BOX(boxes.raw, index, *boxes.dp):
        return False
    d = boxes.d
    left, right, bottom, top = d[0].value, d[1].value, d[2].value, d[3].value
    return min(left, right) <= x <= max(left, right) and min(bottom, top) <= y <= max(bottom, top)


def raised_markers(
    boxes: Boxes,
    text: str,
    s: int,
    e: int,
    raised: list[tuple[float, float, float, float]],
    bottom: float,
    size: float,
) -> tuple[tuple[int, int], ...]:
    """Offsets in the cleaned line of raised marker runs (footnote references)."""
    out: list[tuple[int, int]] = []
    for rect in raised:
        x = (rect[0] + rect[1]) / 2
        y = (rect[2] + rect[3]) / 2
        index = _char_at(boxes, text, s, e, x, y)
        if not s <= index < e or text[index] not in MARKER_CHARS:
            continue
        lo = hi = index
        while lo > s and text[lo - 1] in MARKER_CHARS and boxes.loose(lo - 1)[2] > bottom:
            lo -= 1
        while hi + 1 < e and text[hi + 1] in MARKER_CHARS and boxes.loose(hi + 1)[2] > bottom:
            hi += 1
        start = len(clean(text[s:lo]))
        span = (start, start + len(clean(text[lo : hi + 1])))
        if span not in out:
            out.append(span)
    return tuple(sorted(out))


def irregular(
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


def scan_chars(boxes: Boxes, text: str, s: int, e: int, hyphen: bool) -> list[Line]:
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
                    is_bold(boxes.raw, s),
                    hyphen and last,
                    tuple(
                        (a - lead, b - lead)
                        for a, b in sups
                        if a - lead >= 0 and b - lead <= len(trimmed)
                    ),
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
        if raised and ch in MARKER_CHARS and piece:
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
