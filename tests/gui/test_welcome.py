"""Welcome page: new project, opening, refusals with a message."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from app.core.config import load_settings
from app.core.store import ProjectStore
from app.gui.dialogs.new_project import NewProjectData, NewProjectDialog
from tests.gui.conftest import FileDialogs, Messages, make_project


def test_new_project_from_welcome(
    window: Any, tmp_path: Path, file_dialogs: FileDialogs, monkeypatch: Any
) -> None:
    data = NewProjectData("Comments on WG papers", "Arcadia", "WG-3", "2026-01-02", "fr")
    monkeypatch.setattr(NewProjectDialog, "get_data", classmethod(lambda cls, *a: (data, True)))
    file_dialogs.save.append(str(tmp_path / "comments"))
    window.welcome.new_button.click()
    assert window.ctx is not None
    project = window.ctx.store.project()
    assert (project.title, project.language) == ("Comments on WG papers", "fr")
    assert window.ctx.store.path == tmp_path / "comments.rejoinder"
    assert str((tmp_path / "comments.rejoinder").resolve()) in load_settings().recent_files


def test_new_project_dialog_get_data(qtbot: Any, monkeypatch: Any) -> None:
    from PySide6.QtWidgets import QDialog

    def fake_exec(dialog: NewProjectDialog) -> int:
        dialog.title.setText("  My title ")
        dialog.language.setCurrentIndex(2)
        return int(QDialog.DialogCode.Accepted.value)

    monkeypatch.setattr(NewProjectDialog, "exec", fake_exec)
    data, accepted = NewProjectDialog.get_data(None, "Org")
    assert accepted
    assert (data.title, data.organisation, data.language) == ("My title", "Org", "es")


def test_locked_project_is_refused(window: Any, tmp_path: Path, messages: Messages) -> None:
    path = make_project(tmp_path)
    other = ProjectStore.open(path)
    try:
        assert not window.open_project(path)
    finally:
        other.close()
    assert window.ctx is None
    assert any("open in another Rejoinder window" in m for m in messages)


def test_not_a_project_is_refused(window: Any, tmp_path: Path, messages: Messages) -> None:
    bogus = tmp_path / "notes.rejoinder"
    bogus.write_text("hello", encoding="utf-8")
    assert not window.open_project(bogus)
    assert messages and "not a Rejoinder project" in messages[-1]


def test_open_and_close_returns_to_welcome(window: Any, tmp_path: Path) -> None:
    assert window.open_project(make_project(tmp_path))
    window.close_project()
    assert window.ctx is None
    assert window.stack.currentWidget() is window.welcome


def test_excepthook_writes_report_and_shows_it(
    qapp: Any, tmp_path: Path, messages: Messages, monkeypatch: Any
) -> None:
    import sys

    from app.gui.errors import install_excepthook

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    install_excepthook(tmp_path)
    try:
        raise ValueError("boom")
    except ValueError as exc:
        sys.excepthook(type(exc), exc, exc.__traceback__)
    assert list(tmp_path.glob("crash-*.txt"))
    assert messages and messages[-1].startswith("CRASH: ") and "ValueError: boom" in messages[-1]


def test_demo_opens_without_joining_recent_files(window: Any) -> None:
    window.open_demo()
    assert window.ctx is not None
    assert window.workspace.sources.model.rowCount() == 4
    assert load_settings().recent_files == []


def test_phrasebook_placeholders_are_visible_gaps() -> None:
    from app.gui.phrasebook import phrasebook_snippets

    snippets = phrasebook_snippets("fr")
    assert snippets and not any("{" in s for s in snippets)


def test_own_sentences_from_settings_join_the_phrasebook(qtbot: Any) -> None:
    from app.core.config import save_settings
    from app.gui.dialogs.identity import SettingsDialog
    from app.gui.phrasebook import phrasebook_snippets

    dialog = SettingsDialog(None, load_settings())
    qtbot.addWidget(dialog)
    dialog.snippets.setPlainText("We refer to our earlier contribution.\n\n  Noted.  ")
    data = dialog.data()
    assert data.snippets == ["We refer to our earlier contribution.", "Noted."]
    settings = load_settings()
    settings.snippets = data.snippets
    save_settings(settings)
    snippets = phrasebook_snippets("es")
    assert snippets[-2:] == ["We refer to our earlier contribution.", "Noted."]
    assert snippets[0] != "We agree."  # the Spanish phrasebook comes first


def test_phrasebook_shortcut_inserts_a_sentence(window: Any, qtbot: Any, tmp_path: Any) -> None:
    from PySide6.QtCore import Qt

    from tests.gui.conftest import make_project
    from tests.gui.test_workflow import _cite, _import_text

    assert window.open_project(make_project(tmp_path))
    _import_text(window, qtbot, tmp_path)
    _cite(window, qtbot, "Capacity building")
    editor = window.workspace.editor
    editor.editor.setFocus()
    qtbot.keyClick(
        editor.editor,
        Qt.Key.Key_P,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    menu = editor.phrases.menu()
    qtbot.waitUntil(menu.isVisible, timeout=5_000)
    menu.actions()[0].trigger()
    menu.hide()
    assert editor.editor.toPlainText().startswith("We agree.")


def test_settings_are_reachable_without_a_project(window: Any, monkeypatch: Any) -> None:
    from app.gui import main_window

    calls: list[object] = []
    monkeypatch.setattr(main_window, "edit_settings", lambda parent: calls.append(parent))
    assert window.ctx is None
    assert window.settings_action.isEnabled()
    window.settings_action.trigger()
    assert calls == [window]
