"""The rest of the window's actions that change the project, each undone and redone exactly.

:mod:`tests.gui.test_undo_everything` covers the heavy operations (merge,
Word review import, accepting a proposal, resolving a conflict, importing,
citing, the Blocks panel). Here every other action of the window: each runs
through the window's own widgets and the one operation helper; Edit › Undo
must give back the JSON dump as it was, byte for byte, and Edit › Redo the
dump as it was after, which also means the same rows with the same ids (a
cross-reference redone is the very block it was).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from app.core import markup, sending
from app.core.services import notes, passages, responses, sections
from app.core.services.project import project_properties
from app.gui import exporting
from app.gui.dialogs.export import ExportData
from app.gui.dialogs.history import HistoryDialog
from app.gui.dialogs.reason import ReasonDialog
from app.gui.review.ui import ProposalsDialog
from tests.core.factories import populated
from tests.gui.conftest import Messages, settle, undo_redo_exact


@pytest.fixture(autouse=True)
def no_modal_dialogs(monkeypatch: pytest.MonkeyPatch) -> None:
    for cls in (ProposalsDialog, HistoryDialog):
        monkeypatch.setattr(cls, "exec", lambda _dialog: 0)
    monkeypatch.setattr(
        ReasonDialog, "get_data", staticmethod(lambda *_a, **_k: ("The capital objects.", True))
    )


def test_every_other_action_is_undone_exactly(
    window: Any, tmp_path: Path, messages: Messages
) -> None:
    store, _source_id, passage_id, response_id = populated(tmp_path / "p.rejoinder")
    second = passages.cite_quote(store, _source_id, "transparency, accountability")
    responses.respond(store, passage_id, "We <b>strongly</b> disagree.")
    store.close()
    assert window.open_project(tmp_path / "p.rejoinder")
    ctx, ws = window.ctx, window.workspace
    ctx.select_passage(passage_id)
    settle()
    panel = ws.passages

    def edit_quote() -> None:
        panel.quote.setPlainText("implemented to a […] extent")
        panel.apply.click()

    def position() -> None:
        ws.editor.position.setCurrentIndex(ws.editor.position.findData("partly_agree"))

    def status(value: str) -> Callable[[], None]:
        return lambda: ws.editor.status.setCurrentIndex(ws.editor.status.findData(value))

    def proposed_change() -> None:
        ws.editor.proposed.set_markup("Replace “should” by <b>must</b>.")
        ws.editor.commit()

    def restore() -> None:
        dialog = HistoryDialog(window, ctx, passage_id, response_id)
        settle()
        dialog.set_current_row(dialog.count() - 1)
        dialog.restore_selected()
        settle()
        dialog.close()

    def reply() -> None:
        ws.collab.notes.select_note(thread_start)
        ws.collab.notes.reply("They agree.")

    def edit_note() -> None:
        ws.collab.notes.select_note(thread_start)
        ws.collab.notes.edit_current("Ask the capital first.")

    def opening() -> None:
        outline = ws.outline
        outline.select_row(0)
        settle()
        outline.opening.set_markup("We thank the <i>Chair</i>.")
        outline.flush()

    def move_section_down() -> None:
        ws.outline.select_row(0)
        settle()
        ws.outline._step(1)

    def deadline() -> None:
        ws.sending.deadline.set(datetime(2027, 1, 20, 12, 0, tzinfo=UTC))

    def properties() -> None:
        new = project_properties(ctx.store)
        window.set_properties(type(new)(**{**vars(new), "meeting": "WGEC-3"}))

    steps: list[Callable[[], object]] = [
        edit_quote,
        position,
        status("proposed"),
        status("draft"),  # back a step: asks why, and the reason is kept
        proposed_change,
        restore,
        lambda: panel.move_passage(second, 0),
        lambda: panel.add_note(passage_id, "Ask the capital."),
        lambda: panel.share_answer(second, passage_id),
        deadline,
        properties,
    ]
    for step in steps:
        undo_redo_exact(window, step)

    thread_start = notes.add_note(ctx.store, passage_id, markup.escape("Ask the capital."))
    ctx.notify()
    settle()
    undo_redo_exact(window, reply)
    undo_redo_exact(window, edit_note)
    topic = sections.add_section(ctx.store, "Privacy")
    ctx.notify()
    settle()
    undo_redo_exact(window, opening)
    undo_redo_exact(window, move_section_down)

    # a cross-reference redone is the same block, with the same id
    party = next(s for s in sections.list_sections(ctx.store) if s.id != topic)
    after = undo_redo_exact(window, lambda: ws.outline.add_cross_reference(topic, party.id))
    (xref,) = [b for b in sections.list_blocks(ctx.store, topic) if b.kind == "cross_reference"]
    assert xref.id in after

    def send() -> None:
        data = ExportData(tmp_path / "sent.docx", "grouped", None, False, False, final=True)
        exporting.export(window, ctx, data)

    undo_redo_exact(window, send)
    assert sending.list_sent(ctx.store)

    undo_redo_exact(window, lambda: panel.place_in_section(second, topic))
    ctx.select_passage(second)
    settle()
    undo_redo_exact(window, panel.delete_action.trigger)
    ws.sources.list.setCurrentIndex(ws.sources.model.index(0))
    undo_redo_exact(window, ws.sources.remove_action.trigger)
