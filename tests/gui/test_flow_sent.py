"""Issue 16's flow in the window: cite, see a match, answer both at once, export final, edit,
see what changed.

Every step goes through what a delegate uses: Ctrl+Shift+C on a selection,
the Similar passages dock and its "Same answer" button, typing in the
response editor, File › Export contribution… with "Final version" ticked,
typing again, the Passages panel's marks and File › What changed since
sent…. The window is grabbed after the steps that show something (into
``FLOW_SHOTS`` when set, to look at them).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QDialog, QDockWidget, QScrollArea, QWidget

from app.core import sending
from app.core.services import passages, sources
from app.gui.dialogs.export import ExportDialog
from app.importers.text import import_text
from tests.gui.conftest import Messages, drain, make_project, settle
from tests.gui.test_workflow import _cite

EU = (
    "Contribution from the European Union\n\n"
    "1. We believe that enhanced cooperation should enable governments, on an equal footing, "
    "to carry out their roles and responsibilities in international public policy issues.\n\n"
    "2. Capacity building should remain voluntary and demand-driven.\n"
)
JAPAN = (
    "Contribution from Japan\n\n"
    "1. In our view enhanced cooperation should enable all governments, on an equal footing, "
    "to carry out their roles and responsibilities in international public policy issues.\n\n"
    "2. Spectrum allocation for satellites in orbit was discussed at length.\n"
)


def _shot(widget: QWidget, folder: Path, name: str) -> Path:
    path = folder / f"{name}.png"
    assert widget.grab().save(str(path))
    return path


@pytest.fixture
def shots(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("FLOW_SHOTS") or tmp_path / "shots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def test_cite_answer_export_final_edit_and_see_what_changed(
    window: Any,
    qtbot: Any,
    tmp_path: Path,
    messages: Messages,
    monkeypatch: pytest.MonkeyPatch,
    shots: Path,
) -> None:
    window.resize(1366, 768)
    assert window.open_project(make_project(tmp_path))
    ctx = window.ctx
    eu = sources.add_source(
        ctx.store, import_text(EU), EU.encode(), filename="eu.txt", label="European Union"
    )
    japan = sources.add_source(
        ctx.store, import_text(JAPAN), JAPAN.encode(), filename="japan.txt", label="Japan"
    )
    ctx.notify()
    ctx.select_source(eu)
    drain(qtbot)

    # cite by selection and Ctrl+Shift+C
    cited = _cite(window, qtbot, "enhanced cooperation should enable governments")
    settle()

    # see a match: the Similar passages dock lists Japan's paraphrase
    similar = window.workspace.similar
    window.findChild(QDockWidget, "SimilarDock").raise_()
    drain(qtbot)
    qtbot.waitUntil(lambda: bool(similar.matches), timeout=20_000)
    match = similar.matches[0]
    assert match.source_id == japan
    assert match.text.startswith("In our view enhanced cooperation")
    _shot(window, shots, "0-similar")

    # answer both at once: "Same answer" cites the match and shares this passage's answer
    command = similar.answer_current()
    assert command is not None
    drain(qtbot)
    theirs = str(command.result)
    ctx.select_passage(cited)

    # answer: type, choose the position, propose
    editor = window.workspace.editor
    editor.editor.setFocus()
    qtbot.keyClicks(editor.editor, "We agree.")
    editor.commit()
    settle()
    assert editor.position_hint.isVisibleTo(window)  # the quiet marker, no dialog
    assert messages == []
    scroll = editor.parentWidget().parentWidget()
    assert isinstance(scroll, QScrollArea)
    scroll.ensureWidgetVisible(editor.position_hint)
    _shot(window, shots, "1-no-position")
    editor.position.setCurrentIndex(editor.position.findData("agree"))
    settle()
    editor.status.setCurrentIndex(editor.status.findData("proposed"))
    settle()
    assert not editor.position_hint.isVisibleTo(window)

    # export the final version through File › Export contribution…
    out = tmp_path / "Comments.docx"

    def tick_final(dialog: ExportDialog) -> int:
        dialog.output.setText(str(out))
        assert dialog.sent is None and not dialog.revised.isVisibleTo(dialog)
        dialog.final.setChecked(True)
        return int(QDialog.DialogCode.Accepted.value)

    monkeypatch.setattr(ExportDialog, "exec", tick_final)
    window.export_action.trigger()
    drain(qtbot)
    qtbot.waitUntil(lambda: bool(sending.list_sent(ctx.store)), timeout=20_000)
    assert out.exists()
    (sent,) = sending.list_sent(ctx.store)
    assert sent.filename == "Comments.docx" and sent.name == "original"
    assert any("It is recorded as sent (original" in m for m in messages)
    shared = {p.id: p for p in passages.list_passages(ctx.store)}
    assert shared[theirs].same_as_id == cited
    assert shared[theirs].response_text == shared[cited].response_text == "We agree."

    # edit after sending
    ctx.select_passage(cited)
    editor.editor.setFocus()
    editor.editor.moveCursor(editor.editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(editor.editor, " It needs all stakeholders.")
    editor.commit()
    settle()

    # see what changed: the Passages panel's mark and File › What changed since sent…
    panel = window.workspace.passages
    rows = [panel.row_text(r) for r in range(panel.model.rowCount())]
    assert any("↻ changed since sent" in r for r in rows)
    assert sending.changed_passages(ctx.store) == {cited, theirs}
    changes_action = window.workspace.sending.changes_action
    assert changes_action in window.file_menu.actions()
    changes_action.trigger()
    dialog = window.workspace.sending.changes_dialog
    settle()
    assert dialog is not None and dialog.isVisible()
    listed = [[row[c] for c in (0, 1, 3, 4)] for row in dialog.row_texts()]
    assert sorted(listed) == [  # one answer, edited once, changed for both passages
        ["Response edited", "European Union", "We agree.", "We agree. It needs all stakeholders."],
        ["Response edited", "Japan", "We agree.", "We agree. It needs all stakeholders."],
    ]
    _shot(window, shots, "2-changed-mark")
    _shot(dialog, shots, "3-changes-list")

    # exporting again offers Rev.1 with the list of changes
    offered: list[str] = []

    def accept_revision(dialog: ExportDialog) -> int:
        offered.append(dialog.sent_note.text())
        offered.append(dialog.revised.text())
        dialog.output.setText(str(tmp_path / "Comments Rev.1.docx"))
        dialog.final.setChecked(True)
        return int(QDialog.DialogCode.Accepted.value)

    monkeypatch.setattr(ExportDialog, "exec", accept_revision)
    window.export_action.trigger()
    drain(qtbot)
    qtbot.waitUntil(lambda: len(sending.list_sent(ctx.store)) == 2, timeout=20_000)
    assert "2 changes since" in offered[0]
    assert offered[1] == "Revised document (Rev.1) with the list of changes"
    from docx import Document

    text = [p.text for p in Document(str(tmp_path / "Comments Rev.1.docx")).paragraphs]
    assert text[0] == "Test project (Rev.1)"
    assert (
        "European Union: “… enhanced cooperation should enable governments …”: "
        "our comment was revised." in text
    )
    qtbot.waitUntil(lambda: dialog.header.text().startswith("The Rev.1 was sent"), timeout=5_000)
    settle()
    assert dialog.model.rowCount() == 0
    dialog.close()
