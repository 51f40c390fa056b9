"""The export dialog names a .docx itself, and refused targets come back as a message."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path
from typing import Any

from tests.gui.conftest import Messages, drain, make_project


def _content(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        return hashlib.sha256("\n".join(conn.iterdump()).encode()).hexdigest()
    finally:
        conn.close()


def test_a_name_without_extension_becomes_a_docx(qtbot: Any, tmp_path: Path) -> None:
    from app.gui.dialogs.export import ExportDialog

    dialog = ExportDialog(None, tmp_path / "suggested.docx")
    qtbot.addWidget(dialog)
    dialog.output.setText(str(tmp_path / "contribution"))
    assert dialog.data().path == tmp_path / "contribution.docx"
    dialog.output.setText(str(tmp_path / "contribution.docx"))
    assert dialog.data().path == tmp_path / "contribution.docx"
    dialog.output.setText(str(tmp_path / "contribution.pdf"))
    assert dialog.data().path == tmp_path / "contribution.pdf"


def test_exporting_onto_the_open_project_is_refused_in_a_message(
    window: Any, qtbot: Any, tmp_path: Path, messages: Messages
) -> None:
    from app.gui import exporting
    from app.gui.dialogs.export import ExportData

    project = make_project(tmp_path)
    assert window.open_project(project)
    before = _content(project)
    for target, expected in (
        (project, "open project"),
        (tmp_path / "contribution.pdf", "does not end in .docx"),
    ):
        data = ExportData(target, "grouped", None, include_drafts=True, review_copy=False)
        exporting.export(window, window.ctx, data)
        drain(qtbot)
        assert expected in messages[-1]
        assert not messages[-1].startswith("CRASH")
    assert not (tmp_path / "contribution.pdf").exists()
    assert _content(project) == before
    assert window.ctx.store.project().title == "Test project"
