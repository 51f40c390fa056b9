"""Selecting and citing (issue 10 §5): whole words, no stray punctuation, Shift+click extends."""

from __future__ import annotations

import string
from pathlib import Path
from typing import Any

from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor

from app.core.config import load_settings
from app.core.services import passages
from app.gui.snap import LEADING_JUNK, TRAILING_JUNK, snap_to_words
from tests.gui.conftest import settle
from tests.gui.test_workflow import TEXT, _import_text, opened  # noqa: F401

SENTENCE = "We note that capacity building, as stated. Should be demand-driven."


def test_half_words_and_trailing_full_stop() -> None:
    start = SENTENCE.index("pacity")
    end = SENTENCE.index("stated") + len("stated. ")
    snapped = snap_to_words(SENTENCE, start, end)
    assert snapped is not None
    assert SENTENCE[snapped[0] : snapped[1]] == "capacity building, as stated"


def test_only_spaces_and_punctuation_is_nothing() -> None:
    assert snap_to_words(SENTENCE, SENTENCE.index(". "), SENTENCE.index(". ") + 2) is None


@given(
    text=st.text(alphabet=string.ascii_letters[:6] + " .,;-()“”😀", max_size=40),
    a=st.integers(0, 40),
    b=st.integers(0, 40),
)
def test_snapped_span_is_whole_words_and_trimmed(text: str, a: int, b: int) -> None:
    snapped = snap_to_words(text, a, b)
    if snapped is None:
        return
    start, end = snapped
    lo, hi = min(a, b, len(text)), min(max(a, b), len(text))
    assert 0 <= start < end <= len(text)
    assert text[start] not in LEADING_JUNK and text[end - 1] not in TRAILING_JUNK
    assert start == 0 or not (text[start - 1].isalnum() and text[start].isalnum())
    assert end == len(text) or not (text[end - 1].isalnum() and text[end].isalnum())
    # Nothing selected is lost but junk; the span grows only to finish words.
    assert all(not c.isalnum() for c in text[lo:start]) or start <= lo
    assert all(not c.isalnum() for c in text[end:hi]) or end >= hi


def test_cite_snaps_and_is_faithful(opened: Any, qtbot: Any, tmp_path: Path) -> None:  # noqa: F811
    _import_text(opened, qtbot, tmp_path)
    view = opened.workspace.reader.view
    phrase = "apacity building should be demand-driven."
    start = view.offsets.to_qt(TEXT.index(phrase))
    end = view.offsets.to_qt(TEXT.index(phrase) + len(phrase))
    cursor = view.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)
    assert opened.workspace.cite_selection()
    settle()
    passage_id = opened.ctx.passage_id
    (info,) = [p for p in passages.list_passages(opened.ctx.store) if p.id == passage_id]
    assert info.exact == "Capacity building should be demand-driven"
    assert "⚠" not in opened.workspace.passages.list.currentIndex().data()


def test_shift_click_extends_the_selection(opened: Any, qtbot: Any, tmp_path: Path) -> None:  # noqa: F811
    _import_text(opened, qtbot, tmp_path)
    view = opened.workspace.reader.view
    start = view.offsets.to_qt(TEXT.index("Capacity"))
    end = view.offsets.to_qt(TEXT.index("demand"))
    cursor = view.textCursor()
    cursor.setPosition(start)
    view.setTextCursor(cursor)
    target = QTextCursor(view.document())
    target.setPosition(end)
    point: QPoint = view.cursorRect(target).center()
    qtbot.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ShiftModifier, point
    )
    selected = view.textCursor()
    assert selected.hasSelection()
    assert (selected.selectionStart(), selected.selectionEnd()) == (start, end)


def _cite_mid_sentence(opened: Any, phrase: str) -> str:  # noqa: F811
    view = opened.workspace.reader.view
    cursor = view.textCursor()
    cursor.setPosition(view.offsets.to_qt(TEXT.index(phrase)))
    cursor.setPosition(
        view.offsets.to_qt(TEXT.index(phrase) + len(phrase)), QTextCursor.MoveMode.KeepAnchor
    )
    view.setTextCursor(cursor)
    assert opened.workspace.cite_selection()
    settle()
    passage_id = opened.ctx.passage_id
    assert passage_id is not None
    stored = passages.get_passage(opened.ctx.store, passage_id)
    assert stored is not None
    return str(stored.quote)


def test_mark_cut_sentences_is_an_option_of_cite_on_by_default_and_remembered(
    opened: Any,  # noqa: F811
    qtbot: Any,
    tmp_path: Path,
) -> None:
    _import_text(opened, qtbot, tmp_path)
    action = opened.workspace.mark_cuts_action
    assert action.isChecked()
    assert _cite_mid_sentence(opened, "building should be") == "… building should be …"
    action.setChecked(False)
    assert load_settings().mark_cuts is False
    assert _cite_mid_sentence(opened, "digital commons") == "digital commons"
    action.setChecked(True)
    assert load_settings().mark_cuts is True
