"""The open project replaced on disk: told once, both versions kept, the merge offered and run."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from app.core.errors import ProjectReplacedError
from app.core.services.sections import add_section, list_sections
from app.core.store import ProjectStore
from app.gui.dialogs.conflicts import ConflictsDialog
from app.gui.errors import show_error
from tests.core.factories import populated
from tests.gui.conftest import Messages, drain


def _replace_with_colleagues_copy(window: Any, tmp_path: Path) -> Path:
    """Our project open with one edit of ours; a colleague's copy (3 topics) renamed over it."""
    path = tmp_path / "p.rejoinder"
    store, *_ = populated(path)
    store.close()
    assert window.open_project(path)
    colleague = tmp_path / "colleague.rejoinder"
    window.ctx.store.save_copy(colleague)
    add_section(window.ctx.store, "Ours, after the copy")
    with ProjectStore.open(colleague) as theirs:
        for i in range(3):
            add_section(theirs, f"Colleague's topic {i}")
    os.replace(colleague, path)
    return path


def _headings(path: Path) -> set[str]:
    with ProjectStore.open(path) as store:
        return {info.heading for info in list_sections(store)}


def test_told_once_and_both_files_kept_when_the_user_declines(
    window: Any, tmp_path: Path, messages: Messages, qtbot: Any
) -> None:
    path = _replace_with_colleagues_copy(window, tmp_path)
    messages.answer = QMessageBox.StandardButton.No
    collab = window.workspace.collab
    collab._application_state(Qt.ApplicationState.ApplicationActive)
    collab._application_state(Qt.ApplicationState.ApplicationActive)
    try:
        add_section(window.ctx.store, "Refused")
    except ProjectReplacedError as exc:
        show_error(window, exc)  # what a failed operation does: still one dialog in all
    qtbot.wait(50)
    drain(qtbot)
    told = [m for m in messages if "both files exist" in m]
    assert len(told) == 1 and "Merge the two now?" in told[0]
    (mine,) = tmp_path.glob("p (my copy, *).rejoinder")
    window.close_project()
    assert "Ours, after the copy" in _headings(mine)
    assert "Ours, after the copy" not in _headings(path)
    assert {f"Colleague's topic {i}" for i in range(3)} <= _headings(path)


def test_yes_opens_the_file_on_disk_and_merges_our_copy_into_it(
    window: Any, tmp_path: Path, messages: Messages, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ConflictsDialog, "exec", lambda _dialog: 0)  # no modal loop
    path = _replace_with_colleagues_copy(window, tmp_path)
    messages.answer = QMessageBox.StandardButton.Yes
    assert window.workspace.collab.check_disk() is not None
    qtbot.wait(50)
    drain(qtbot)
    qtbot.waitUntil(lambda: any(m.startswith("Merged:") for m in messages), timeout=10_000)
    assert window.ctx is not None and window.ctx.store.path == path
    headings = {info.heading for info in list_sections(window.ctx.store)}
    assert "Ours, after the copy" in headings
    assert {f"Colleague's topic {i}" for i in range(3)} <= headings
    assert len(list(tmp_path.glob("p (my copy, *).rejoinder"))) == 1  # our copy stays
