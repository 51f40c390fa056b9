"""Every action of the window that changes the project is undone exactly by Ctrl+Z.

Each step is made through the window's own widgets; Edit › Undo must then
give back the JSON dump of the project as it was, byte for byte, and Edit ›
Redo the dump as it was after. Undo is the core's journal, so the same holds
for steps written in the background (merge, Word review import) and for
dialogs that never had an undo before (conflicts, proposals).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from app.core import merge
from app.core.services import notes, passages, responses, sections, sources
from app.core.store import ProjectStore
from app.exporters.docx.review import bookmark_name
from app.exporters.export import export_project
from app.gui.dialogs.conflicts import ConflictsDialog
from app.gui.dialogs.history import HistoryDialog
from app.gui.dialogs.reason import ReasonDialog
from app.gui.review import ui as review_ui
from app.gui.review.ui import ProposalsDialog
from tests.core.factories import populated
from tests.gui.conftest import FileDialogs, drain, make_project, settle, undo_redo_exact
from tests.gui.test_workflow import TEXT, _cite, _drop
from tests.importers.word_review import WordEditor


@pytest.fixture(autouse=True)
def no_modal_dialogs(monkeypatch: pytest.MonkeyPatch) -> None:
    for cls in (ConflictsDialog, ProposalsDialog, HistoryDialog):
        monkeypatch.setattr(cls, "exec", lambda _dialog: 0)
    monkeypatch.setattr(
        ReasonDialog, "get_data", staticmethod(lambda *_a, **_k: ("The capital objects.", True))
    )


def test_every_action_is_undone_exactly(
    window: Any, tmp_path: Path, qtbot: Any, file_dialogs: FileDialogs
) -> None:
    store, source_id, passage_id, response_id = populated(tmp_path / "p.rejoinder")
    export_project(store, tmp_path / "review.docx", review_copy=True)
    store.save_copy(tmp_path / "theirs.rejoinder")
    store.close()
    editor = WordEditor(tmp_path / "review.docx")
    answer = editor.bookmark_paragraphs(bookmark_name("r", response_id))
    editor.replace(answer, "disagree", "partly agree", "Maria Gomez")
    editor.save(tmp_path / "reviewed.docx")
    with ProjectStore.open(tmp_path / "theirs.rejoinder") as theirs:
        responses.respond(theirs, passage_id, "Their text.")
    assert window.open_project(tmp_path / "p.rejoinder")
    window.ctx.select_passage(passage_id)
    ws = window.workspace
    ctx = window.ctx

    def edit_response() -> None:
        ws.editor.editor.setFocus()
        ws.editor.editor.insertPlainText("Indeed. ")
        ws.editor.commit()
        settle()

    def new_topic() -> str:
        return sections.add_section(ctx.store, "Privacy")

    steps: list[Callable[[], object]] = [
        lambda: ws.collab.notes.add_note("Ask the capital."),
        edit_response,
        lambda: ws.editor.status.setCurrentIndex(ws.editor.status.findData("proposed")),
        lambda: ws.outline.add_section("Preliminary remark"),
        lambda: ws.sources.rename(source_id, "Federation of Arcadia"),
    ]
    for step in steps:
        undo_redo_exact(window, step)

    topic = new_topic()
    ctx.notify()
    undo_redo_exact(window, lambda: ws.passages.place_in_section(passage_id, topic))
    party = next(s for s in sections.list_sections(ctx.store) if s.id != topic)
    undo_redo_exact(window, lambda: ws.outline.add_cross_reference(topic, party.id))
    note = notes.add_note(ctx.store, passage_id, "To delete")
    ctx.notify()
    settle()  # the Notes dock reads the thread off the GUI thread
    ws.collab.notes.select_note(note)
    undo_redo_exact(window, ws.collab.notes.delete_current)

    def import_review() -> None:
        review_ui.import_review_file(window, ctx, tmp_path / "reviewed.docx")

    undo_redo_exact(window, import_review)

    def accept() -> None:
        dialog = ProposalsDialog(window, ctx)
        settle()
        assert dialog.accept_current()
        settle()
        dialog.close()

    undo_redo_exact(window, accept)

    def merge_theirs() -> None:
        file_dialogs.open.append(str(tmp_path / "theirs.rejoinder"))
        ws.collab.merge_action.trigger()

    undo_redo_exact(window, merge_theirs)

    def resolve() -> None:
        dialog = ConflictsDialog(window, ctx)
        settle()
        assert dialog.choose("theirs")
        settle()
        dialog.close()

    assert merge.list_conflicts(ctx.store)
    undo_redo_exact(window, resolve)


def test_importing_citing_and_the_blocks_panel_are_undone_exactly(
    window: Any, tmp_path: Path, qtbot: Any, messages: Any
) -> None:
    """The window's own import (a drop), Cite selection (Ctrl+Shift+C), and every Blocks action."""
    assert window.open_project(make_project(tmp_path))
    paper = tmp_path / "federation.txt"
    paper.write_text(TEXT, encoding="utf-8")
    undo_redo_exact(window, lambda: _drop(window, [paper]))
    ctx, ws = window.ctx, window.workspace
    (source,) = sources.list_sources(ctx.store)
    ctx.select_source(source.id)
    undo_redo_exact(window, lambda: _cite(window, qtbot, "Capacity building"))
    assert passages.list_passages(ctx.store, source.id)
    topic = sections.add_section(ctx.store, "Preliminary remark")
    ctx.notify()
    panel = ws.collab.blocks
    panel.set_section(topic)
    settle()
    undo_redo_exact(window, panel.add_paragraph.click)
    panel.add_list.click()
    settle()
    panel.set_section(topic)
    settle()

    def edit_block() -> None:
        panel.text.set_markup("We thank the <i>Chair</i>.")
        panel.save_current()
        settle()

    undo_redo_exact(window, edit_block)
    undo_redo_exact(window, lambda: panel.step(-1))
    undo_redo_exact(window, panel.delete_current)


def test_undo_and_redo_actions_name_the_step(window: Any, tmp_path: Path) -> None:
    store, _source, passage_id, _response = populated(tmp_path / "p.rejoinder")
    store.close()
    assert window.open_project(tmp_path / "p.rejoinder")
    window.ctx.select_passage(passage_id)
    window.workspace.collab.notes.add_note("Ask the capital.")
    settle()
    assert window.workspace.undo_action.text().endswith("Add note")
    window.workspace.undo_action.trigger()
    settle()
    assert window.workspace.redo_action.text().endswith("Add note")
    assert window.workspace.redo_action.isEnabled()
    keys = [k.toString() for k in window.workspace.redo_action.shortcuts()]
    assert "Ctrl+Shift+Z" in keys and "Ctrl+Y" in keys


def test_a_failing_background_operation_leaves_a_crash_report(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, messages: Any
) -> None:
    from app.gui import errors
    from app.gui.workers import Operation

    monkeypatch.setenv("REJOINDER_LOG_DIR", str(tmp_path / "logs"))
    monkeypatch.setattr(errors.CrashDialog, "exec", lambda _dialog: 0)
    failed: list[BaseException] = []

    def work(_progress: Any) -> None:
        raise ZeroDivisionError("a bug")

    Operation(None, work).failure(failed.append).run_in_background()
    drain(qtbot)
    qtbot.waitUntil(lambda: bool(failed))
    (report,) = (tmp_path / "logs").glob("crash-*.txt")
    assert "ZeroDivisionError: a bug" in report.read_text(encoding="utf-8")


def test_a_french_interface_gets_french_errors_from_core(qapp: Any, tmp_path: Path) -> None:
    from app.core.errors import NothingToUndoError
    from app.core.journal import replay
    from app.gui import i18n

    store, _source, _passage, _response = populated(tmp_path / "p.rejoinder")
    with store:
        try:
            i18n.install(qapp, "fr")
            replay.undo(store)  # the populated project's own steps
            replay.undo(store)
            replay.undo(store)
            with pytest.raises(NothingToUndoError, match="rien à annuler"):
                replay.undo(store)
        finally:
            i18n.install(qapp, "en")
        with pytest.raises(NothingToUndoError, match="nothing to undo"):
            replay.undo(store)
