"""Page layout: reading order, running headers and footers, footnotes, page numbers.

pdfium returns text in the order the file stores it, which is not the order
a person reads (footnotes before the body, columns interleaved). The order is
rebuilt from line boxes by recursive cuts: a page is split into columns at
vertical gutters that no line crosses, otherwise into bands at horizontal
gaps, and bands that share one gutter are cut together so that a column
keeps reading down across its own paragraph gaps.
"""

from __future__ import annotations

import logging
import re
import statistics
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import chain
from typing import Any

from app.importers.pdf.lines import Line

logger = logging.getLogger(__name__)


@dataclass(slots=True)
class Block:
    """Lines read top to bottom, inside a column whose edges are ``left``/``right``."""

    lines: list[Line]
    left: float
    right: float


def median_size(lines: Sequence[Line]) -> float:
    sizes = [ln.size for ln in lines if ln.size > 0]
    return statistics.median(sizes) if sizes else 10.0


def reading_order(lines: list[Line]) -> list[Block]:
    """Blocks of a page in reading order.

    A block's ``left``/``right`` are those of the column it sits in, not its
    own: a one-line band must still know where the column's lines end.
    """
    if not lines:
        return []
    out: list[Block] = []
    upright = [ln for ln in lines if not ln.vertical]
    size = median_size(upright or lines)
    if upright:
        _order(upright, size, out, 0, _margins(upright))
    # Sideways text (a stamp in the margin) would block every column cut; it
    # is read after the page's own text.
    out.extend(Block([ln], ln.x0, ln.x1) for ln in lines if ln.vertical)
    return out


def _margins(lines: list[Line]) -> tuple[float, float]:
    """Where most lines start and end; a stray wide line (a barcode, a wide
    table row) must not make every full line look short."""
    starts = [ln.x0 for ln in lines]
    starts.sort()
    ends = [ln.x1 for ln in lines]
    ends.sort()
    return starts[(len(starts) - 1) // 10], ends[(len(ends) - 1) * 8 // 10]


def _order(
    lines: list[Line], size: float, out: list[Block], depth: int, edges: tuple[float, float]
) -> None:
    if len(lines) > 1 and depth < 40:
        gutter = not _no_gutter(lines, size)
        columns = _columns(lines, size) if gutter else None
        if columns:
            for column in columns:
                _order(column, size, out, depth + 1, _margins(column))
            return
        bands = _bands(lines, size)
        if len(bands) > 1:
            # Bands are subsets of the lines: where these have no room for a
            # gutter, neither has any band (most pages, one column), and
            # asking each band again would cost a pass over every line.
            for band, splittable in (
                _merge_bands(bands, size) if gutter else [(band, False) for band in bands]
            ):
                if splittable:
                    _order(band, size, out, depth + 1, edges)
                else:
                    _leaf(band, size, out, edges)
            return
    _leaf(lines, size, out, edges)


def _sorted_by(lines: list[Line], keys: list[Any]) -> list[Line]:
    """``lines`` in the (stable) order of their ``keys``.

    As ``sorted(lines, key=...)`` gives, without a Python key function called
    per line: the keys are made in one comprehension, and lines already in
    order (the common case) are kept as they are.
    """
    if keys == sorted(keys):
        return lines
    return [lines[i] for i in sorted(range(len(lines)), key=keys.__getitem__)]


def _leaf(lines: list[Line], size: float, out: list[Block], edges: tuple[float, float]) -> None:
    if len(lines) > 1:
        step = 0.5 * size
        lines = _sorted_by(
            lines, [(-round((ln.top + ln.bottom) / 2 / step), ln.x0) for ln in lines]
        )
    out.append(Block(lines, edges[0], edges[1]))


def _no_gutter(lines: list[Line], size: float) -> bool:
    """Whether no gutter can run between the lines, which holds for any subset of them too.

    A gutter needs a line starting right of every line before it has ended:
    when the rightmost start is left of the leftmost end, there is none.
    """
    return max([ln.x0 for ln in lines]) <= min([ln.x1 for ln in lines]) + 0.5 * size


def _columns(lines: list[Line], size: float) -> list[list[Line]] | None:
    """Split at vertical gutters no line crosses; columns narrower than 15 % are not columns."""
    if _no_gutter(lines, size):
        return None
    spans = sorted((ln.x0, ln.x1) for ln in lines)
    left, right = spans[0][0], max(x1 for _, x1 in spans)
    width = right - left
    cuts: list[float] = []
    reach = spans[0][1]
    last = left
    for x0, x1 in spans[1:]:
        if x0 > reach + 0.5 * size:
            cut = (reach + x0) / 2
            if reach - last >= 0.15 * width and right - x0 >= 0.15 * width:
                cuts.append(cut)
                last = x0
        reach = max(reach, x1)
    if not cuts:
        return None
    groups: list[list[Line]] = [[] for _ in range(len(cuts) + 1)]
    for ln in lines:
        k = 0
        while k < len(cuts) and ln.x0 > cuts[k]:
            k += 1
        groups[k].append(ln)
    return [g for g in groups if g]


def _bands(lines: list[Line], size: float) -> list[list[Line]]:
    """Split at horizontal gaps taller than a line spacing's slack."""
    ordered = _sorted_by(lines, [-ln.top for ln in lines])
    bands: list[list[Line]] = [[ordered[0]]]
    floor = ordered[0].bottom
    slack = 0.4 * size
    for ln in ordered[1:]:
        if ln.top < floor - slack:
            bands.append([ln])
        else:
            bands[-1].append(ln)
        if ln.bottom < floor:
            floor = ln.bottom
    return bands


def _merge_bands(bands: list[list[Line]], size: float) -> list[tuple[list[Line], bool]]:
    """Re-join neighbouring bands split by the same gutter; flag bands that have columns.

    A band without a gutter has no inner gap either (it was cut at every
    gap), so it needs no further cutting.
    """
    merged: list[tuple[list[Line], bool]] = []
    for band in bands:
        splittable = len(band) > 1 and _columns(band, size) is not None
        if merged and splittable and merged[-1][1]:
            combined = merged[-1][0] + band
            if _columns(combined, size) is not None:
                merged[-1] = (combined, True)
                continue
        merged.append((band, splittable))
    return merged


# --- running headers and footers -------------------------------------------------

_DIGITS = re.compile(r"\d+")
_PAGE_NUMBER = re.compile(
    r"^[\s\-–—]*(?:page\s+|p\.\s*|seite\s+)?(\d{1,4}|[ivxlcdm]{1,7})"
    r"(?:\s*(?:of|/|de|von|sur)\s*\d{1,4})?[\s\-–—]*$",
    re.IGNORECASE,
)
# A number of up to five digits standing alone at the start of a line or at its end.
_LEADING_NUMBER = re.compile(r"(\d{1,5})(?:\s|$)")
_TRAILING_NUMBER = re.compile(r"(?:^|\s)(\d{1,5})\s*$")


def _key(line: Line) -> str:
    """Text without digits, type size and height on the page: furniture stays in
    place and keeps its size, while a title that repeats the running header
    ("THE DMCA" on page 1, "The DMCA" atop the others) is set larger."""
    text = " ".join(_DIGITS.sub("#", line.text.lower()).split())
    mid = (line.top + line.bottom) / 2  # line.mid, without a property call
    return f"{round(mid / 24)}|{round(line.size)}|{text}"


def _roman(text: str) -> int | None:
    values = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}
    total = 0
    prev = 0
    for ch in reversed(text.lower()):
        value = values.get(ch)
        if value is None:
            return None
        total = total - value if value < prev else total + value
        prev = max(prev, value)
    return total


def edge_positions(lines: list[Line]) -> list[int]:
    """Where the lines that may be page furniture stand in the page, in order.

    The top and bottom rows (three at each edge; on a short page all of it
    may be furniture) and sideways stamps.
    """
    depth = 3
    if len(lines) <= 2 * depth:
        return list(range(len(lines)))
    keys = [-(ln.top + ln.bottom) for ln in lines]
    ordered = sorted(range(len(lines)), key=keys.__getitem__)
    chosen = ordered[:depth] + ordered[-depth:]
    chosen += [i for i in ordered[depth:-depth] if lines[i].vertical]
    return sorted(chosen)


# What find_running needs of a line that may be furniture: its position in
# the page, its key (_key), the page number it reads as (_page_number), the
# number it ends with, and whether it is short enough to be furniture.
Edge = tuple[int, str, tuple[str, int] | None, int | None, bool]


def edges(lines: list[Line]) -> list[Edge]:
    """One page's :data:`Edge` facts, in the page's own order (which decides ties later).

    Everything :func:`find_running` reads of a line's text is read here, as
    the page is read (in the worker that read it), so that the decision over
    the whole document, made in one process while the others wait, only counts.
    """
    out: list[Edge] = []
    for i in edge_positions(lines):
        ln = lines[i]
        text = ln.text
        number = _page_number(text)
        short = len(text) <= 150
        tail = None
        # The number needs a digit at one end: most lines have none.
        if number is None and short and (text[:1].isdecimal() or text.rstrip()[-1:].isdecimal()):
            tail = _end_number(text)
        out.append((i, _key(ln), number, tail, short))
    return out


def _end_number(text: str) -> int | None:
    """The number a line starts with, else the one it ends with (see the patterns).

    The one it starts with comes first, as in one search for either (the
    leftmost). One it ends with has its space at most six characters before
    the end of the text without trailing whitespace: the search starts there
    instead of trying every position of the line (a microsecond and a half).
    """
    found = _LEADING_NUMBER.match(text)
    if found is None:
        found = _TRAILING_NUMBER.search(text, max(0, len(text.rstrip()) - 6))
    return None if found is None else int(found.group(1))


def find_running(page_edges: list[list[Edge]]) -> tuple[list[str | None], list[set[int]]]:
    """Printed page numbers, and per page the positions of the lines that are furniture.

    A line at a page edge whose text, digits ignored, recurs at the same
    place on many pages is furniture, not content. A lone number at an edge
    is a page number only when such numbers count up with the pages; it is
    then the page's printed label, and so is a number in a running header.
    Only each page's :func:`edges` are needed, so that pages read in other
    processes send just those.
    """
    total = len(page_edges)
    # On how many pages each key stands.
    seen = Counter(chain.from_iterable({edge[1] for edge in page} for page in page_edges))
    threshold = max(2, round(0.3 * total))
    # candidates[kind] = (page index, number read, the lone number's position or None)
    candidates: dict[str, list[tuple[int, int, int | None]]] = {}
    furniture: list[set[int]] = [set() for _ in range(total)]
    for index, page in enumerate(page_edges):
        for position, key, number, tail, short in page:
            if number is not None:
                candidates.setdefault(number[0], []).append((index, number[1], position))
                continue  # furniture only if the numbers count up (below)
            if total >= 2 and short and seen[key] >= threshold:
                if tail is not None:
                    candidates.setdefault(key, []).append((index, tail, None))
                furniture[index].add(position)
    return _labels(candidates, furniture), furniture


def _page_number(text: str) -> tuple[str, int] | None:
    """("#", 12) for "12" or "Page 12 of 40", ("roman", 4) for "iv"; None otherwise."""
    match = _PAGE_NUMBER.match(text)
    if match is None:
        return None
    raw = match.group(1)
    if raw.isdigit():
        return "#", int(raw)
    value = _roman(raw)
    if value is None or _to_roman(value) != raw.lower():
        return None  # "mild", "civil": words made of roman letters
    return "roman", value


def _labels(
    candidates: dict[str, list[tuple[int, int, int | None]]], furniture: list[set[int]]
) -> list[str | None]:
    """Labels per page; lone page-number lines that proved to be ones join ``furniture``."""
    total = len(furniture)
    labels: list[str | None] = [None] * total
    for kind, hits in sorted(candidates.items(), key=lambda kv: -len(kv[1])):
        offsets = Counter(value - index for index, value, _ in hits)
        offset, agree = offsets.most_common(1)[0]
        if agree < max(2, len(hits) // 2) and not (total == 1 and agree == 1):
            continue
        for index, value, position in hits:
            if value - index != offset:
                continue
            if position is not None:
                furniture[index].add(position)
            if labels[index] is None:
                labels[index] = _to_roman(value) if kind == "roman" else str(value)
    return labels


def _to_roman(value: int) -> str:
    numerals = [
        (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
        (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
    ]  # fmt: skip
    out = []
    for number, letters in numerals:
        while value >= number:
            out.append(letters)
            value -= number
    return "".join(out)


# --- footnotes -------------------------------------------------------------------

_NOTE_START = re.compile(r"^([1-9]\d{0,2}|[*†‡§]{1,3})(?!\d)(?=\s*\S)")


def split_footnotes(blocks: list[Block], body_size: float) -> tuple[list[Block], list[list[Line]]]:
    """Take footnote lines out of the reading flow.

    A footnote line is set smaller than the body and has no body-size line
    below it in its own column; the first of them must start with a marker,
    otherwise small print at the bottom (a caption, a source line) stays in
    the body.
    """
    small_limit = 0.9 * body_size
    small = [
        (k, ln) for k, block in enumerate(blocks) for ln in block.lines if ln.size < small_limit
    ]
    if not small:
        return blocks, []
    # (top, x0, x1) of the body-size lines a footnote cannot stand above.
    body = [
        (b.top, b.x0, b.x1)
        for blk in blocks
        for b in blk.lines
        if b.size >= small_limit and len(b.text) > 3
    ]
    is_note: set[int] = set()
    with_notes: set[int] = set()  # the blocks holding note lines
    for k, ln in small:
        bottom, x0, x1 = ln.bottom, ln.x0, ln.x1
        if not any(top < bottom and left < x1 and right > x0 for top, left, right in body):
            is_note.add(id(ln))
            with_notes.add(k)
    if not is_note:
        return blocks, []
    notes: list[list[Line]] = []
    kept: list[Block] = []
    referenced: set[str] | None = None
    expected: int | None = None
    for k, block in enumerate(blocks):
        if k not in with_notes:
            # As it was: each block stays one object, which paragraphs compares by identity.
            kept.append(block)
            continue
        rest = []
        for ln in block.lines:
            if id(ln) not in is_note:
                rest.append(ln)
                continue
            match = _NOTE_START.match(ln.text)
            starts = False
            if match is not None:
                if ln.sups and ln.sups[0][0] == 0:
                    starts = True
                elif expected is None:
                    if referenced is None:
                        referenced = _referenced(blocks, is_note)
                    starts = match.group(1) in referenced or (
                        bool(notes) and not match.group(1).isdigit()
                    )
                else:
                    starts = match.group(1) == str(expected) or (
                        bool(notes) and not match.group(1).isdigit()
                    )
            if match is not None and starts:
                notes.append([ln])
                expected = int(match.group(1)) + 1 if match.group(1).isdigit() else None
            elif notes:
                notes[-1].append(ln)
            else:
                rest.append(ln)
        if rest:
            kept.append(Block(rest, block.left, block.right))
    return kept, notes


def _referenced(blocks: list[Block], is_note: set[int]) -> set[str]:
    """Markers raised in the body (outside the note lines ``is_note``, by id).

    A first note whose own marker is not raised must be referenced there, or
    it is the tail of a list set small. Gathered only when such a note
    comes: it reads every line of the page.
    """
    return {
        ln.text[a:b]
        for blk in blocks
        for ln in blk.lines
        if id(ln) not in is_note
        for a, b in ln.sups
    }


def note_marker(first: Line) -> tuple[str, str]:
    """(marker, text after it) for a footnote's first line."""
    match = _NOTE_START.match(first.text)
    if match is None:
        return "", first.text
    return match.group(1), first.text[match.end() :].lstrip()
