"""Writing a response as a person does: shortcuts, footnotes, phrases, status (issue 10 §2-§4)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItemModel, QTextCursor
from PySide6.QtWidgets import QApplication

from app.gui.rich_edit import FootnoteDialog, RichEdit
from tests.gui.conftest import settle
from tests.gui.test_workflow import _cite, _import_text, opened  # noqa: F401


@pytest.fixture
def editor(opened: Any, qtbot: Any, tmp_path: Path) -> Any:  # noqa: F811
    _import_text(opened, qtbot, tmp_path)
    _cite(opened, qtbot, "Capacity building")
    settle()
    response = opened.workspace.editor
    response.editor.setFocus()
    qtbot.waitUntil(response.editor.hasFocus, timeout=5_000)
    return response


@pytest.mark.parametrize(
    ("key", "tag"), [(Qt.Key.Key_B, "b"), (Qt.Key.Key_I, "i"), (Qt.Key.Key_U, "u")]
)
def test_ctrl_b_i_u_in_the_response_editor(editor: Any, qtbot: Any, key: Any, tag: str) -> None:
    qtbot.keyClicks(editor.editor, "We ")
    qtbot.keyClick(editor.editor, key, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(editor.editor, "agree")
    assert editor.editor_state().text == f"We <{tag}>agree</{tag}>"


def test_ctrl_b_in_a_small_rich_field(qtbot: Any) -> None:
    field = RichEdit()
    qtbot.addWidget(field)
    field.show()
    field.text.setFocus()
    qtbot.waitUntil(field.text.hasFocus, timeout=5_000)
    qtbot.keyClick(field.text, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(field.text, "strong")
    assert field.markup() == "<b>strong</b>"


def test_footnote_is_edited_in_its_own_dialog(
    editor: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    answers = iter(["See <i>annex</i> 2.", "See annex 3."])
    asked: list[str] = []

    def fake(cls: Any, parent: Any, text: str) -> str:
        asked.append(text)
        return next(answers)

    monkeypatch.setattr(FootnoteDialog, "get_text", classmethod(fake))
    qtbot.keyClicks(editor.editor, "We agree")
    editor.footnote.trigger()
    qtbot.keyClicks(editor.editor, ".")
    assert editor.editor_state().text == "We agree<fn>See <i>annex</i> 2.</fn>."
    cursor = editor.editor.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.Left)
    editor.editor.setTextCursor(cursor)  # the caret just after the mark: the button edits it
    editor.footnote.trigger()
    assert asked == ["", "See <i>annex</i> 2."]
    assert editor.editor_state().text == "We agree<fn>See annex 3.</fn>."


def test_footnote_dialog_keeps_formatting(qtbot: Any) -> None:
    dialog = FootnoteDialog(None, "A/RES/73/3, <b>para. 35</b>")
    qtbot.addWidget(dialog)
    assert dialog.markup() == "A/RES/73/3, <b>para. 35</b>"
    assert dialog.field.footnote is None  # no footnote inside a footnote


def test_phrase_returns_focus_to_the_text_and_sets_the_position(editor: Any, qtbot: Any) -> None:
    assert editor.position.currentData() == ""  # no position until one is chosen
    qtbot.keyClicks(editor.editor, "Indeed. ")
    menu = editor.phrases.menu()
    disagree = next(a for a in menu.actions() if a.text() == "We disagree.")
    editor.phrases.setFocus()  # where a click on the button would leave it
    disagree.trigger()
    qtbot.waitUntil(editor.editor.hasFocus, timeout=5_000)
    assert QApplication.focusWidget() is editor.editor
    qtbot.keyClicks(QApplication.focusWidget(), "Here is why.")
    assert editor.editor_state().text == "Indeed. We disagree. Here is why."
    assert editor.position.currentData() == "disagree"
    agree = next(a for a in menu.actions() if a.text() == "We agree.")
    agree.trigger()  # the position is no longer the default: a phrase does not change it
    assert editor.position.currentData() == "disagree"


def test_status_offers_only_allowed_moves(editor: Any, messages: Any) -> None:
    model = editor.status.model()
    assert isinstance(model, QStandardItemModel)

    def offered() -> list[str]:
        return [
            str(editor.status.itemData(i))
            for i in range(editor.status.count())
            if model.item(i).isEnabled()
        ]

    assert offered() == ["draft", "proposed"]
    editor.status.setCurrentIndex(editor.status.findData("proposed"))
    settle()
    assert offered() == ["draft", "proposed", "agreed"]
    assert not messages


def test_typing_in_a_burst_is_one_undo_step(editor: Any, qtbot: Any, opened: Any) -> None:  # noqa: F811
    """Saves happen as typing pauses; Ctrl+Z takes back the whole burst, as in Word."""
    ws = opened.workspace
    qtbot.keyClicks(editor.editor, "We")
    editor.commit()
    settle()
    qtbot.keyClicks(editor.editor, " agree")
    editor.commit()
    settle()
    qtbot.keyClicks(editor.editor, " with this.")
    editor.commit()
    settle()
    assert editor.editor_state().text == "We agree with this."
    assert ws.undo_action.text().endswith("Edit response")
    ws.undo_action.trigger()
    settle()
    assert editor.editor_state().text == ""
    ws.redo_action.trigger()
    settle()
    assert editor.editor_state().text == "We agree with this."


def test_leaving_the_text_saves_it_at_once(editor: Any, qtbot: Any, opened: Any) -> None:  # noqa: F811
    """Typed words are saved when the focus leaves the editor, without waiting for the pause."""
    from app.core.services import passages

    qtbot.keyClicks(editor.editor, "We support this.")
    assert editor.timer.isActive()  # saved after a pause in the typing, unless…
    editor.position.setFocus()  # …the user goes on to another field
    qtbot.waitUntil(lambda: not editor.editor.hasFocus(), timeout=5_000)
    assert not editor.timer.isActive()
    qtbot.waitUntil(
        lambda: (
            [p.response_text for p in passages.list_passages(opened.ctx.store)]
            == ["We support this."]
        ),
        timeout=5_000,
    )
