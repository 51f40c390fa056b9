"""Desktop conventions: Redo on Ctrl+Y, a steady toolbar, a Help menu (issue 10 §3)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog

from app import __version__
from app.core.config import paths
from app.gui import help as help_menu
from tests.gui.conftest import settle
from tests.gui.test_workflow import _cite, _import_text, opened  # noqa: F401


def test_redo_answers_ctrl_y_and_ctrl_shift_z(opened: Any) -> None:  # noqa: F811
    keys = opened.workspace.redo_action.shortcuts()
    assert QKeySequence("Ctrl+Y") in keys
    assert QKeySequence("Ctrl+Shift+Z") in keys


def test_toolbar_keeps_its_widths_when_undo_changes(
    opened: Any,  # noqa: F811
    qtbot: Any,
    tmp_path: Path,
) -> None:
    _import_text(opened, qtbot, tmp_path)
    toolbar = opened.workspace.toolbar

    def widths() -> list[int]:
        return [
            toolbar.widgetForAction(a).sizeHint().width()
            for a in toolbar.actions()
            if toolbar.widgetForAction(a) is not None
        ]

    before = widths()
    _cite(opened, qtbot, "Capacity building")
    settle()
    assert (
        "Undo" in opened.workspace.undo_action.text() and opened.workspace.toolbar_undo.isEnabled()
    )
    assert opened.workspace.undo_action.text() != "Undo"
    assert widths() == before
    opened.workspace.toolbar_undo.trigger()
    settle()
    assert opened.workspace.toolbar_redo.isEnabled()


def test_f1_lists_the_shortcuts(window: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[list[str]] = []

    def fake_exec(dialog: help_menu.ShortcutsDialog) -> int:
        table = dialog.table
        shown.append([table.item(r, 1).text() for r in range(table.rowCount())])
        return int(QDialog.DialogCode.Accepted.value)

    monkeypatch.setattr(help_menu.ShortcutsDialog, "exec", fake_exec)
    qtbot.keyClick(window, Qt.Key.Key_F1)
    assert shown and "Ctrl+B" in shown[0] and "F1" in shown[0] and "Ctrl+N" in shown[0]


def test_user_guide_ships_and_about_says_where_logs_are(qtbot: Any) -> None:
    dialog = help_menu.GuideDialog(None, "en_GB")
    qtbot.addWidget(dialog)
    text = dialog.browser.toPlainText()
    assert "Ctrl+Shift+C" in text and "Export" in text
    about = help_menu.about_text()
    assert __version__ in about and str(paths().log_dir) in about
    assert str(paths().backups_dir) in about and "General Public License" in about
