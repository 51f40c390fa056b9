"""A delegate's whole day through the widgets, on a PDF submission.

Drop a PDF on the window, cite three passages by selection and Ctrl+Shift+C,
answer them with an underline and a footnote, reorder, undo and redo, export:
the Word file holds all of it, in the final order.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication

from app.core.services import passages, sources
from app.gui import exporting
from app.gui.dialogs.export import ExportData
from tests.gui.conftest import Messages, drain, make_project, settle
from tests.gui.test_workflow import _cite, _drop
from tests.pdf_factory import Column, build_pdf

PARAGRAPHS = [
    "1. Arcadia believes that enhanced cooperation is already fully implemented.",
    "2. A new intergovernmental council on digital matters should be created.",
    "3. Capacity building must remain voluntary and demand-driven.",
]


def _submission(folder: Path) -> Path:
    column = Column(72, 720, 70)
    column.heading("Submission of the Republic of Arcadia")
    for text in PARAGRAPHS:
        column.paragraph(text)
    path = folder / "arcadia.pdf"
    path.write_bytes(build_pdf([column.lines], info={"Title": "Submission of Arcadia"}))
    return path


def _answer(window: Any, qtbot: Any, text: str, underlined: str, note: str) -> None:
    """Type, underline, add a footnote and type after it, pick a phrase and type on, propose."""
    editor = window.workspace.editor
    editor.editor.setFocus()
    editor.editor.insertPlainText(text)
    cursor = editor.editor.textCursor()
    cursor.movePosition(
        QTextCursor.MoveOperation.Left, QTextCursor.MoveMode.KeepAnchor, len(underlined)
    )
    editor.editor.setTextCursor(cursor)
    editor.underline.trigger()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    editor.editor.setTextCursor(cursor)
    editor.insert_footnote(note)
    qtbot.keyClicks(editor.editor, ".")
    phrase = next(a for a in editor.phrases.menu().actions() if a.text() == "We disagree.")
    phrase.trigger()
    qtbot.keyClicks(QApplication.focusWidget(), "Details follow.")
    editor.status.setCurrentIndex(editor.status.findData("proposed"))
    settle()
    editor.commit()
    settle()


def test_drop_pdf_cite_answer_reorder_undo_export(
    window: Any, qtbot: Any, tmp_path: Path, messages: Messages
) -> None:
    assert window.open_project(make_project(tmp_path))
    _drop(window, [_submission(tmp_path)])
    drain(qtbot)
    (source,) = sources.list_sources(window.ctx.store)
    assert source.filename == "arcadia.pdf"
    window.ctx.select_source(source.id)
    drain(qtbot)

    phrases = ["fully implemented", "intergovernmental council", "demand-driven"]
    cited = [_cite(window, qtbot, phrase) for phrase in phrases]
    settle()
    for number, passage_id in enumerate(cited, 1):
        window.ctx.select_passage(passage_id)
        settle()  # the editor reads the passage off the GUI thread
        _answer(
            window, qtbot, f"Answer {number}: we disagree with point", "point", f"Note {number}."
        )
    stored = {p.id: p for p in passages.list_passages(window.ctx.store)}
    assert stored[cited[0]].response_text == (
        "Answer 1: we disagree with <u>point</u><fn>Note 1.</fn>. We disagree. Details follow."
    )
    assert stored[cited[0]].response_position == "disagree"
    assert stored[cited[0]].response_status == "proposed"

    window.workspace.passages.move_passage(cited[2], 0)
    settle()
    stack = window.ctx.undo_stack
    stack.undo()
    settle()
    assert [p.id for p in passages.list_passages(window.ctx.store)] == cited
    stack.redo()
    settle()
    order = [p.id for p in passages.list_passages(window.ctx.store)]
    assert order == [cited[2], cited[0], cited[1]]

    target = tmp_path / "contribution.docx"
    exporting.export(window, window.ctx, ExportData(target, "grouped", None, False, False))
    drain(qtbot)
    qtbot.waitUntil(target.exists, timeout=10_000)
    with zipfile.ZipFile(target) as docx:
        document = docx.read("word/document.xml").decode()
        footnotes = docx.read("word/footnotes.xml").decode()
    positions = [document.index(phrase) for phrase in ("demand-driven", "fully implemented")]
    assert positions == sorted(positions)  # the reordered quote comes first
    assert "intergovernmental council" in document
    assert "Answer 3: we disagree with" in document
    assert "<w:u " in document
    assert all(f"Note {n}." in footnotes for n in (1, 2, 3))
