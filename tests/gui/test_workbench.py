"""Status bar, icons, Save a copy, a new version of a source with orphans, the original file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QDesktopServices

from app.core.services import passages, sources
from app.core.store import ProjectStore
from tests.gui.conftest import FileDialogs, Messages, drain, make_project
from tests.gui.test_workflow import _cite, _import_text


@pytest.fixture
def opened(window: Any, tmp_path: Path) -> Any:
    assert window.open_project(make_project(tmp_path))
    return window


def test_status_bar_says_where_and_saved(opened: Any, qtbot: Any, tmp_path: Path) -> None:
    _import_text(opened, qtbot, tmp_path)
    _cite(opened, qtbot, "Capacity building")
    assert opened.statusBar().currentMessage() == "Saved"
    where = opened.workspace.status.where.text()
    assert "federation" in where.lower() and "Capacity building" in where
    assert not opened.workspace.cite_action.icon().isNull()
    assert not opened.windowIcon().isNull()


def test_save_a_copy(opened: Any, qtbot: Any, tmp_path: Path, file_dialogs: FileDialogs) -> None:
    _import_text(opened, qtbot, tmp_path)
    file_dialogs.save.append(str(tmp_path / "copy"))
    opened.workspace.source_actions.save_copy_action.trigger()
    drain(qtbot)
    with ProjectStore.open(tmp_path / "copy.rejoinder") as copy:
        assert [s.filename for s in sources.list_sources(copy)] == ["federation.txt"]


def test_new_version_reports_orphans(
    opened: Any, qtbot: Any, tmp_path: Path, messages: Messages, file_dialogs: FileDialogs
) -> None:
    _import_text(opened, qtbot, tmp_path)
    kept = _cite(opened, qtbot, "digital commons must stay open")
    lost = _cite(opened, qtbot, "Capacity building")
    revised = tmp_path / "federation-rev1.txt"
    revised.write_text(
        "Paper of the Federation, Rev.1\n1. The digital commons must stay open.\n", "utf-8"
    )
    file_dialogs.open.append(str(revised))
    opened.workspace.source_actions.version_action.trigger()
    drain(qtbot)
    report = opened.workspace.source_actions.last_report
    assert report is not None and report.orphans == (lost,)
    assert "not found in the new version: 1" in messages[-1]
    infos = {p.id: p for p in passages.list_passages(opened.ctx.store)}
    assert infos[lost].orphan and not infos[kept].orphan
    rows = [opened.workspace.passages.row_text(r) for r in range(2)]
    assert any("✗" in row for row in rows)
    assert opened.workspace.reader.view.source.text.startswith("Paper of the Federation, Rev.1")
    # The orphan waits for a decision in the placements dialog (tests/gui/test_placements.py).
    dialog = opened.workspace.source_actions.placements_dialog
    assert dialog is not None and [p.passage_id for p in dialog.items] == [lost]
    dialog.close()


def test_show_original_writes_the_file(
    opened: Any, qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _import_text(opened, qtbot, tmp_path)
    opened_urls: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened_urls.append(url))
    path = opened.workspace.source_actions.show_original()
    assert path is not None and path.name == "federation.txt"
    assert path.read_bytes() == (tmp_path / "federation.txt").read_bytes()
    assert len(opened_urls) == 1
