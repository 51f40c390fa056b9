"""Guidance and small things a new user meets in the first hour (issue 10 §8)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from app.core.config import load_settings
from app.core.services.project import ProjectProperties, project_properties
from app.gui.dialogs.identity import IdentityDialog, SettingsDialog
from tests.gui.conftest import make_project, settle
from tests.gui.test_workflow import _cite, _import_text, opened  # noqa: F401


def test_an_empty_project_says_what_to_do_next(opened: Any) -> None:  # noqa: F811
    view = opened.workspace.reader.view
    assert view.document().isEmpty()
    hint = view.placeholderText()
    assert "Import documents" in hint and "Ctrl+Shift+C" in hint


def test_legend_note_marker_and_add_note(opened: Any, qtbot: Any, tmp_path: Path) -> None:  # noqa: F811
    _import_text(opened, qtbot, tmp_path)
    passage_id = _cite(opened, qtbot, "Capacity building")
    settle()
    panel = opened.workspace.passages
    legend = panel.legend.text()
    assert all(word in legend for word in ("no response", "draft", "proposed", "agreed"))
    assert "background:" in legend
    assert panel.note_action in panel.list.actions()
    assert "✎" not in panel.list.currentIndex().data()
    panel.add_note(passage_id, "Check with the capital first.")
    settle()
    assert "✎ 1" in panel.list.currentIndex().data()
    tooltip = panel.list.currentIndex().data(Qt.ItemDataRole.ToolTipRole)
    assert tooltip == "1 note on this passage (Notes panel)"


def test_first_run_names_the_file_menu(qtbot: Any) -> None:
    from app.core.config import Identity

    dialog = IdentityDialog(None, Identity())
    qtbot.addWidget(dialog)
    texts = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert "File › Settings" in texts and "Edit › Settings" not in texts


def test_settings_labels_show_no_literal_ampersand(qtbot: Any) -> None:
    dialog = SettingsDialog(None, load_settings())
    qtbot.addWidget(dialog)
    for label in dialog.findChildren(QLabel):
        if "&" in label.text().replace("&&", ""):
            assert label.buddy() is not None, label.text()


def test_project_properties_after_creation(window: Any, tmp_path: Path) -> None:
    assert window.open_project(make_project(tmp_path))
    assert window.properties_action.isEnabled()
    new = ProjectProperties("Comments on WGEC-3", "Arcadia", "WGEC-3", "2027-01-20", "fr")
    window.set_properties(new)
    settle()
    assert project_properties(window.ctx.store) == new
    assert window.windowTitle().startswith("Comments on WGEC-3")
    window.ctx.undo_stack.undo()
    settle()
    assert project_properties(window.ctx.store).title == "Test project"
    assert window.windowTitle().startswith("Test project")


def test_recent_list_shows_titles(window: Any, tmp_path: Path) -> None:
    assert window.open_project(make_project(tmp_path))
    window.close_project()
    item = window.welcome.recent.item(0)
    assert item.text().startswith("Test project")
    assert any(a.text().startswith("Test project") for a in window.recent_menu.actions())
