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

import logging
import re
from typing import Any

import pypdfium2.raw as pdfium_c

from app.importers.pdf.glyphs import (
    COUNT_RECTS,
    FONT_WEIGHT,
    LOOSE_BOX,
    MARKER_CHARS,
    MARKER_RE,
    RTL,
    Boxes,
    Line,
    bold_by_name,
    page_text,
)
from app.importers.pdf.oddlines import irregular, odd_line, raised_markers, scan_chars
from app.importers.pdf.text import HYPHEN_MARKS, clean

logger = logging.getLogger(__name__)

__all__ = ["RTL", "Line", "page_text", "read_lines"]

_NEEDS_CLEAN = re.compile(
    "[\x00-\x09\x0b\x0c\x0e-\x1f\x7f\u00ad\u2010\u2011\ufb00-\ufb06\ud800-\udfff\uffff]"
)
_RULE = re.compile(r"^[_\-–—.·… ]{5,}$")
_RULE_START = "_-–—.·…"
_BREAK = re.compile("[\r\n\x02\ufffe]")
_PLAIN = bytes(range(0x20, 0x7F)) + b"\r\n"


def _needs_clean(text: str) -> bool:
    """Whether a page's text holds a character :data:`_NEEDS_CLEAN` finds.

    Most pages are printable ASCII but for pdfium's line breaks and its
    line-end hyphen mark U+FFFE, none of which is one: that is told by an
    encoding, a count and a byte translation at C speed, half the regex's
    12 µs a page.
    """
    plain = text.encode("ascii", "ignore")
    if len(plain) + text.count("\ufffe") == len(text) and not plain.translate(None, _PLAIN):
        return False
    return _NEEDS_CLEAN.search(text) is not None


def line_spans(text: str) -> list[tuple[int, str, bool]]:
    """(start, stripped text, hyphen) of each non-blank line of a page's text, in order.

    pdfium breaks a line with ``\r\n``, or with its line-end hyphen mark
    (U+FFFE or ``\x02``) that glues the next line on directly; ``start`` is
    the index of the stripped text's first character in ``text``, and
    ``hyphen`` says the line ended at such a mark. Where every ``\r`` and
    ``\n`` stands in a ``\r\n`` pair and there is no ``\x02`` (nearly every
    page), a plain split at ``\r\n`` gives the lines: half the pieces of
    the general split (:func:`_any_spans`), which leaves an empty one inside
    each pair, at C string speed instead of the regex's.
    """
    if "\x02" in text or not text.count("\r") == text.count("\n") == text.count("\r\n"):
        return _any_spans(text)
    out: list[tuple[int, str, bool]] = []
    append = out.append
    pos = 0
    for piece in text.split("\r\n"):
        if "\ufffe" in piece:
            *parts, piece = piece.split("\ufffe")
            for part in parts:
                stripped = part.strip()
                if stripped:
                    append((pos + len(part) - len(part.lstrip()), stripped, True))
                pos += len(part) + 1
        stripped = piece.strip()
        if stripped is piece:  # nothing stripped: no need to measure the lead
            if piece:
                append((pos, piece, False))
        elif stripped:
            append((pos + len(piece) - len(piece.lstrip()), stripped, False))
        pos += len(piece) + 2
    return out


def _any_spans(text: str) -> list[tuple[int, str, bool]]:
    """:func:`line_spans` of any text: split at every break character, one at a time."""
    out: list[tuple[int, str, bool]] = []
    length = len(text)
    pos = 0
    for content in _BREAK.split(text):
        line_start = pos
        pos += len(content) + 1
        stripped = content.strip()
        if stripped:
            start = line_start + len(content) - len(content.lstrip())
            out.append((start, stripped, pos <= length and text[pos - 1] in HYPHEN_MARKS))
    return out


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
    needs_clean = _needs_clean(text)
    boxes = Boxes(raw)
    rect, rect_p = boxes.rect, boxes.rect_p
    loose = LOOSE_BOX
    count_rects = COUNT_RECTS
    weight = FONT_WEIGHT
    # Whether a line holds a marker character, asked of its text: a match
    # object for every digit of the page and a bisection per line cost more.
    has_marker = MARKER_RE.search
    rule = _RULE.match
    rule_starts = _RULE_START
    lines: list[Line] = []
    append = lines.append
    for s, stripped, hyphen in line_spans(text):
        if stripped[0] in rule_starts and rule(stripped):
            continue
        e = s + len(stripped)
        loose(raw, s, rect_p)
        x0, bottom, top = rect.left, rect.bottom, rect.top
        loose(raw, e - 1, rect_p)
        x1, b1, t1 = rect.right, rect.bottom, rect.top
        size = top - bottom
        if abs(size - (t1 - b1)) > 0.1 * size or abs(bottom - b1) > 0.3 * size or size <= 0:
            lines.extend(odd_line(boxes, text, s, e, hyphen))
            continue
        sups: tuple[tuple[int, int], ...] = ()
        # Rectangles cost a call and pdfium's work per line: only a line that can
        # hold a footnote marker needs them (a line broken across columns or
        # rows shows as disagreeing first and last boxes, handled above).
        if has_marker(stripped) is not None:
            n_rects = count_rects(raw, s, e - s)
            if n_rects > 1:
                raised = irregular(boxes.computed(n_rects), bottom, size, RTL.search(stripped))
                if raised is None:
                    lines.extend(scan_chars(boxes, text, s, e, hyphen))
                    continue
                if raised:
                    sups = raised_markers(boxes, text, s, e, raised, bottom, size)
        first_weight = weight(raw, s)
        if first_weight > 0:
            bold = first_weight >= 600 and weight(raw, e - 1) >= 600
        else:
            bold = bold_by_name(raw, s) and bold_by_name(raw, e - 1)
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


def _is_marker(line: Line, other: Line) -> bool:
    """A short raised run of marker characters next to ``other``'s text."""
    return (
        len(line.text) <= 3
        and all(c in MARKER_CHARS for c in line.text)
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
    lowest = min([ln.bottom for ln in lines])
    for marker in markers:
        bottom, x0 = marker.bottom, marker.x0
        if bottom <= lowest:
            continue
        for body in lines:
            # The height first: it rules out all lines but those of the marker's row.
            if (
                not body.bottom < bottom < body.top
                or body is marker
                or body.start < 0
                or not body.x0 < x0 < body.x1
                or not _is_marker(marker, body)
            ):
                continue
            y = (body.bottom + body.top) / 2
            index = pdfium_c.FPDFText_GetCharIndexAtPos(raw, x0 - 0.5, y, 3.0, 2.0)
            offset = index - body.start + 1
            if 0 < offset <= len(body.text):
                shift = len(marker.text)
                body.text = body.text[:offset] + marker.text + body.text[offset:]
                body.sups = tuple(
                    sorted(
                        [(a + shift, b + shift) if a >= offset else (a, b) for a, b in body.sups]
                        + [(offset, offset + shift)]
                    )
                )
                body.start = -1  # offsets no longer match the page's characters
                out = [ln for ln in out if ln is not marker]
            break
    return out


def _merge_same_baseline(lines: list[Line]) -> list[Line]:
    """Re-join pieces pdfium broke off a line, typically at a raised footnote marker.

    ``prev`` is always the last line of ``out``, kept in a local name: most
    lines start left of where the one before ended and are passed on at once.
    """
    out: list[Line] = []
    prev: Line | None = None
    for ln in lines:
        if (
            prev is None
            or prev.hyphen
            or not (-0.5 * prev.size < ln.x0 - prev.x1 < 1.5 * max(prev.size, ln.size))
        ):
            out.append(ln)
            prev = ln
            continue
        same = abs(prev.bottom - ln.bottom) < 0.3 * prev.size and (
            abs(prev.size - ln.size) < 0.15 * prev.size
        )
        prev_marker = not same and _is_marker(prev, ln)
        ln_marker = not same and not prev_marker and _is_marker(ln, prev)
        if not (same or prev_marker or ln_marker):
            out.append(ln)
            prev = ln
            continue
        glue = " " if ln.x0 - prev.x1 > 0.15 * prev.size and not prev.text.endswith(" ") else ""
        shift = len(prev.text) + len(glue)
        if prev_marker:
            ln.sups = tuple(
                (a + shift, b + shift) for a, b in ((-shift, -shift + len(prev.text)), *ln.sups)
            )
            ln.text = prev.text + glue + ln.text
            ln.x0 = prev.x0
            out[-1] = ln
            prev = ln
            continue
        if ln_marker:
            prev.sups = (*prev.sups, (shift, shift + len(ln.text)))
        else:
            prev.sups = (*prev.sups, *((a + shift, b + shift) for a, b in ln.sups))
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
