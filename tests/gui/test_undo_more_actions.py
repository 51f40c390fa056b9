"""The window's remaining writes, each undone and redone exactly (issue 13, "Done when").

:mod:`tests.gui.test_undo_everything` and :mod:`tests.gui.test_undo_every_action`
cover the rest. Here: declining a Word review proposal, every decision of
the placements dialog, the Similar passages dock's three actions, clearing
the deadline, reordering sources, a section's shared-answers setting and a
source's new version. Each runs through the window's own widgets and the
one operation helper; Edit › Undo must give back the JSON dump byte for
byte, and Edit › Redo the dump as it was after.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from app.core.services import proposals, sources
from app.exporters.docx.review import bookmark_name
from app.exporters.export import export_project
from app.gui.dialogs.placements import ReattachDialog
from app.gui.dialogs.reason import ReasonDialog
from app.gui.review import ui as review_ui
from app.gui.review.ui import ProposalsDialog
from tests.core.factories import populated
from tests.gui.conftest import FileDialogs, settle, undo_redo_exact
from tests.gui.test_placements import REV1, revised  # noqa: F401
from tests.gui.test_similar_panel import _select, project  # noqa: F401
from tests.importers.word_review import WordEditor


@pytest.fixture(autouse=True)
def no_modal_dialogs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ProposalsDialog, "exec", lambda _dialog: 0)
    monkeypatch.setattr(
        ReasonDialog, "get_data", staticmethod(lambda *_a, **_k: ("Too weak.", True))
    )


def test_declining_a_proposal_is_undone_exactly(window: Any, tmp_path: Path) -> None:
    store, _source, _passage, response_id = populated(tmp_path / "p.rejoinder")
    export_project(store, tmp_path / "review.docx", review_copy=True)
    store.close()
    editor = WordEditor(tmp_path / "review.docx")
    answer = editor.bookmark_paragraphs(bookmark_name("r", response_id))
    editor.replace(answer, "disagree", "partly agree", "Maria Gomez")
    editor.save(tmp_path / "reviewed.docx")
    assert window.open_project(tmp_path / "p.rejoinder")
    review_ui.import_review_file(window, window.ctx, tmp_path / "reviewed.docx")
    settle()
    assert proposals.pending_proposals(window.ctx.store)
    dialog = ProposalsDialog(window, window.ctx)
    settle()

    def decline() -> None:
        dialog._ask_decline()  # the Decline… button: asks why, keeps the reason as a note
        settle()

    undo_redo_exact(window, decline)
    assert not proposals.pending_proposals(window.ctx.store)
    dialog.close()


def test_every_placements_decision_is_undone_exactly(
    revised: tuple[Any, str, str, str],  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window, source, fuzzy, lost = revised
    dialog = window.workspace.source_actions.check_placements(source)
    settle()
    assert [p.passage_id for p in dialog.items] == [fuzzy, lost]

    undo_redo_exact(window, dialog.confirm_button.click)
    settle()
    assert dialog.current() is not None and dialog.current().passage_id == fuzzy
    undo_redo_exact(window, dialog.quote_button.click)

    settle()
    dialog.set_row(dialog.model.row_of(lost))
    picked = REV1.index("These measures enter into force")
    monkeypatch.setattr(
        ReattachDialog, "get_data", classmethod(lambda cls, *a: ((picked, picked + 31), True))
    )
    undo_redo_exact(window, dialog.reattach_button.click)
    settle()
    dialog.set_row(dialog.model.row_of(lost))
    undo_redo_exact(window, dialog.orphan_button.click)
    dialog.close()


def test_the_similar_passages_actions_are_undone_exactly(
    project: tuple[Any, str, str, str],  # noqa: F811
    qtbot: Any,
) -> None:
    window, ours, _eu, _japan = project
    panel = _select(window, qtbot, ours)
    undo_redo_exact(window, panel.cite_current)
    for act in (panel.answer_current, panel.refer_current):
        panel = _select(window, qtbot, ours)
        undo_redo_exact(window, act)


def test_clearing_the_deadline_reordering_sources_and_section_settings_are_undone_exactly(
    window: Any, tmp_path: Path, file_dialogs: FileDialogs
) -> None:
    store, source_id, _passage, _response = populated(tmp_path / "p.rejoinder")
    sources.add_source(store, *_paper("Japan"), filename="japan.txt", label="Japan")
    store.close()
    assert window.open_project(tmp_path / "p.rejoinder")
    ws = window.workspace
    ws.sending.deadline.set(datetime(2027, 1, 20, 12, 0, tzinfo=UTC))
    settle()
    undo_redo_exact(window, lambda: ws.sending.deadline.set(None))
    undo_redo_exact(window, lambda: ws.sources.move_source(source_id, 1))

    ws.outline.select_row(0)
    settle()
    undo_redo_exact(window, ws.outline.shared_box.click)

    revision = tmp_path / "rev1.txt"
    revision.write_text(_paper("Rev.1")[1].decode(), encoding="utf-8")
    window.ctx.select_source(source_id)
    settle()
    undo_redo_exact(window, lambda: ws.source_actions.import_version(source_id, revision))
    if ws.source_actions.placements_dialog is not None:  # what the new version left to check
        ws.source_actions.placements_dialog.close()


def _paper(name: str) -> tuple[Any, bytes]:
    from app.importers.text import import_text

    text = f"Paper of {name}\n1. Enhanced cooperation should enable all governments.\n"
    return import_text(text), text.encode()
