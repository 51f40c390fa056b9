"""Typing and deleting at every caret position keeps the markup valid and the text in place.

Issue 10 §2: a footnote is one atomic mark (typing can neither enter nor split
it; Backspace removes it whole) and typing at a link's edge stays outside the
link. The editor is driven by key events, as a person types.
"""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from app.core import markup
from app.core.markup import Footnote, Run
from app.gui import richtext
from app.gui.rich_edit import MarkupTextEdit

HREF = "https://example.org/a"
Unit = tuple[str, str | None] | tuple[str, tuple[Run, ...]]

words = st.text(alphabet="ab .", min_size=1, max_size=4)
runs = st.builds(
    lambda text, style: Run(
        text,
        bold=style == "b",
        italic=style == "i",
        underline=style == "u",
        href=HREF if style == "a" else None,
    ),
    words,
    st.sampled_from(["", "b", "i", "u", "a"]),
)
notes = st.builds(lambda rs: Footnote(tuple(rs)), st.lists(runs, min_size=1, max_size=2))
paragraphs = st.lists(st.one_of(runs, runs, notes), min_size=1, max_size=5)


def units(text: str) -> list[Unit]:
    """What the reader sees, one unit per caret step: a character (and its link) or a footnote."""
    out: list[Unit] = []
    for item in markup.parse(text)[0]:
        if isinstance(item, Run):
            out.extend((char, item.href) for char in item.text)
        else:
            out.append(("FOOTNOTE", item.runs))
    return out


def _source(items: list[Run | Footnote]) -> str:
    return markup.serialize(markup.parse(markup.serialize((tuple(items),))))


def _at(edit: MarkupTextEdit, text: str, position: int) -> None:
    richtext.load(edit.document(), text)
    cursor = edit.textCursor()
    cursor.setPosition(position)
    edit.setTextCursor(cursor)


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(items=paragraphs)
def test_typing_and_deleting_everywhere(qtbot: Any, items: list[Run | Footnote]) -> None:
    text = _source(items)
    before = units(text)
    edit = MarkupTextEdit()
    qtbot.addWidget(edit)
    for position in range(len(before) + 1):
        _at(edit, text, position)
        qtbot.keyClicks(edit, "Z")
        after = units(richtext.dump(edit.document()))
        assert [u[0] for u in after] == [u[0] for u in before[:position]] + ["Z"] + [
            u[0] for u in before[position:]
        ], (text, position)
        typed = after[position]
        left = before[position - 1][1] if position else None
        right = before[position][1] if position < len(before) else None
        inside_link = left == right == HREF
        assert (typed[1] == HREF) == inside_link, (text, position)
        assert [u for u in after if u[0] == "FOOTNOTE"] == [u for u in before if u[0] == "FOOTNOTE"]
        if position:
            _at(edit, text, position)
            qtbot.keyClick(edit, Qt.Key.Key_Backspace)
            assert (
                units(richtext.dump(edit.document())) == before[: position - 1] + before[position:]
            ), (text, position)
        if position < len(before):
            _at(edit, text, position)
            qtbot.keyClick(edit, Qt.Key.Key_Delete)
            assert (
                units(richtext.dump(edit.document())) == before[:position] + before[position + 1 :]
            ), (text, position)


def test_end_then_period_after_a_footnote(qtbot: Any) -> None:
    """The report: End after a footnote, then "." — the period follows the footnote."""
    edit = MarkupTextEdit()
    qtbot.addWidget(edit)
    richtext.load(
        edit.document(), "See paragraphs 35 and 69<fn>A/RES/73/3, paragraphs 35 and 69</fn>"
    )
    edit.moveCursor(QTextCursor.MoveOperation.Start)
    qtbot.keyClick(edit, Qt.Key.Key_End)
    qtbot.keyClicks(edit, ".")
    assert richtext.dump(edit.document()) == (
        "See paragraphs 35 and 69<fn>A/RES/73/3, paragraphs 35 and 69</fn>."
    )


def test_a_footnote_is_one_character(qtbot: Any) -> None:
    edit = MarkupTextEdit()
    qtbot.addWidget(edit)
    richtext.load(edit.document(), "a<fn>note <i>here</i></fn>b")
    assert edit.document().characterCount() == 4  # a, the mark, b and the paragraph end
    assert richtext.footnote_at(edit.document(), 1) == "note <i>here</i>"


def test_typing_after_a_link_stays_outside(qtbot: Any) -> None:
    edit = MarkupTextEdit()
    qtbot.addWidget(edit)
    richtext.load(edit.document(), f'See <a href="{HREF}">the site</a>')
    edit.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(edit, " today")
    assert richtext.dump(edit.document()) == f'See <a href="{HREF}">the site</a> today'
