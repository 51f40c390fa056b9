"""The PDF reader's shortcuts give what the general ways they stand in for give.

Each shortcut (issue 14: less Python work per page) skips work in a common
case; these properties hold it to the general way on any input, the
uncommon cases included.
"""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from app.importers import reflow
from app.importers.pdf import chunk, layout, lines
from app.importers.pdf.layout import Block, split_footnotes
from app.importers.pdf.lines import Line

# Pieces of pdfium page text: its line breaks, its hyphen marks, and
# characters that str.strip() removes or keeps.
_ANY_PIECES = ["a", "b", "7", " ", "\t", "\x1c", "\u00a0", "\r\n", "\r", "\n", "\x02", "\ufffe"]
# Text the shortcut takes: every "\r" and "\n" in a "\r\n" pair, no "\x02".
_PAIRED_PIECES = ["a", "b", "7", " ", "\t", "\x1c", "\u00a0", "\r\n", "\ufffe"]


def _texts(pieces: list[str]) -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(pieces), max_size=40).map("".join)


@given(st.one_of(_texts(_ANY_PIECES), _texts(_PAIRED_PIECES)))
def test_line_spans_are_those_of_the_split_at_every_break(text: str) -> None:
    assert lines.line_spans(text) == lines._any_spans(text)


@given(_texts(_PAIRED_PIECES))
def test_line_spans_point_at_their_text(text: str) -> None:
    for start, stripped, _hyphen in lines.line_spans(text):
        assert text[start : start + len(stripped)] == stripped


_COORD = st.integers(min_value=0, max_value=60).map(float)


@st.composite
def _lines(draw: st.DrawFn, max_size: int = 12) -> list[Line]:
    out = []
    for _ in range(draw(st.integers(min_value=1, max_value=max_size))):
        x0, width = draw(_COORD), draw(_COORD)
        bottom, size = draw(_COORD), draw(st.sampled_from([6.0, 8.0, 10.0]))
        text = draw(st.sampled_from(["1 Note text here", "Body line text", "2 x", "*", "abc"]))
        sups = draw(st.sampled_from([(), ((0, 1),), ((2, 3),)]))
        out.append(Line(text, x0, x0 + width, bottom, bottom + size, size, sups=sups))
    return out


@given(st.lists(st.tuples(_COORD, _COORD), min_size=1, max_size=12))
def test_sorted_by_is_the_stable_sort_by_key(pairs: list[tuple[float, float]]) -> None:
    made = [Line(str(i), x, x + 1, y, y + 1, 1) for i, (x, y) in enumerate(pairs)]
    keys = [(-round(ln.bottom / 7), ln.x0) for ln in made]
    expected = sorted(made, key=lambda ln: (-round(ln.bottom / 7), ln.x0))
    assert layout._sorted_by(made, keys) == expected


@given(_lines(), st.sampled_from([6.0, 10.0]))
def test_bands_of_lines_without_a_gutter_have_none_either(made: list[Line], size: float) -> None:
    """What lets reading_order skip asking every band of a one-column page."""
    if layout._no_gutter(made, size):
        bands = layout._bands(made, size)
        assert all(not splittable for _, splittable in layout._merge_bands(bands, size))


_NOTE_START = re.compile(r"^([1-9]\d{0,2}|[*†‡§]{1,3})(?!\d)(?=\s*\S)")


def _split_footnotes_before(
    blocks: list[Block], body_size: float
) -> tuple[list[Block], list[list[Line]]]:
    """split_footnotes as it was before its shortcuts: every block rebuilt, every marker read."""
    small_limit = 0.9 * body_size
    body = [
        (b.top, b.x0, b.x1)
        for blk in blocks
        for b in blk.lines
        if b.size >= small_limit and len(b.text) > 3
    ]
    is_note: set[int] = set()
    for block in blocks:
        for ln in block.lines:
            if ln.size >= small_limit:
                continue
            if not any(t < ln.bottom and le < ln.x1 and r > ln.x0 for t, le, r in body):
                is_note.add(id(ln))
    if not is_note:
        return blocks, []
    notes: list[list[Line]] = []
    kept: list[Block] = []
    referenced = {
        ln.text[a:b]
        for blk in blocks
        for ln in blk.lines
        if id(ln) not in is_note
        for a, b in ln.sups
    }
    expected: int | None = None
    for block in blocks:
        rest = []
        for ln in block.lines:
            if id(ln) not in is_note:
                rest.append(ln)
                continue
            match = _NOTE_START.match(ln.text)
            starts = match is not None and (
                bool(ln.sups and ln.sups[0][0] == 0)
                or (expected is None and match.group(1) in referenced)
                or (expected is not None and match.group(1) == str(expected))
                or (bool(notes) and not match.group(1).isdigit())
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


def _shape(
    result: tuple[list[Block], list[list[Line]]],
) -> tuple[list[tuple[list[int], float, float]], list[list[int]]]:
    kept, notes = result
    return (
        [([id(ln) for ln in b.lines], b.left, b.right) for b in kept],
        [[id(ln) for ln in note] for note in notes],
    )


@given(st.lists(_lines(max_size=5), min_size=1, max_size=5), st.sampled_from([8.0, 10.0]))
def test_split_footnotes_is_what_it_was(groups: list[list[Line]], body_size: float) -> None:
    blocks = [Block(group, 0.0, 100.0) for group in groups]
    new = split_footnotes(blocks, body_size)
    assert _shape(new) == _shape(_split_footnotes_before(blocks, body_size))
    # Each block of the page stays one block: paragraphs compares them by identity.
    assert len({id(b) for b in new[0]}) == len(new[0])


# Letters whose lower case is special (final sigma, dotted capital I, ß),
# punctuation vocabulary() strips, hyphens and whitespace.
_WORDISH = st.text(alphabet=st.sampled_from("aBΣσςİiß-.,'() \n\t\u00a0"), max_size=30)


@given(st.lists(_WORDISH, max_size=6))
def test_words_of_a_pages_tokens_are_the_vocabulary_of_its_text(texts: list[str]) -> None:
    """The summary makes the vocabulary from the pages' token sets without re-splitting them."""
    tokens = set("\n".join(texts).lower().split())
    assert reflow.words_of(tokens) == reflow.vocabulary(tokens) == reflow.vocabulary(texts)


_LETTERY = st.text(alphabet=st.sampled_from("ab É ß-\t1²½\u00a0.ǅ"), max_size=20)


@given(_LETTERY)
def test_head_and_tail_are_the_letters_at_either_end(text: str) -> None:
    assert reflow._head(text) == reflow._letters_forth(text)
    assert reflow._tail(text) == reflow._letters_back(text)


@given(st.text(alphabet=st.sampled_from("a \t\n\x1c\x7f\x00~é\u00a0\u2003"), max_size=30))
def test_visible_counts_the_characters_that_are_not_whitespace(text: str) -> None:
    assert chunk._visible(text) == sum(not c.isspace() for c in text)


@given(st.integers(min_value=0, max_value=12), st.sets(st.integers(min_value=-2, max_value=14)))
def test_without_drops_the_lines_at_the_positions_given(count: int, dropped: set[int]) -> None:
    made = [Line(str(i), 0, 1, 0, 1, 1) for i in range(count)]
    expected = [ln for i, ln in enumerate(made) if i not in dropped]
    assert chunk._without(made, dropped) == expected


_ONE_SEARCH = re.compile(r"(?:^|\s)(\d{1,5})\s*$|^(\d{1,5})(?:\s|$)")


@given(st.text(alphabet=st.sampled_from("1234567 ab\t\n\u00a0\u0663."), max_size=24))
def test_end_number_is_what_one_search_for_either_end_finds(text: str) -> None:
    found = _ONE_SEARCH.search(text)
    assert layout._end_number(text) == (
        None if found is None else int(found.group(1) or found.group(2))
    )
