"""Positions not forgotten, what we sent and what changed, the deadline: through the widgets."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from app.core import deadline, sending
from app.core.services import passages, responses
from app.gui import exporting
from app.gui.deadline_ui import DeadlineController
from app.gui.dialogs.deadline import DeadlineDialog
from app.gui.dialogs.export import ExportData, ExportDialog
from app.gui.passage_filter import CHANGED, NO_POSITION
from tests.gui.conftest import Messages, drain, settle
from tests.gui.test_workflow import _cite, _import_text, opened  # noqa: F401

DUE = datetime(2026, 12, 3, 12, 0, tzinfo=UTC)


def _type_answer(window: Any, qtbot: Any, text: str) -> Any:
    editor = window.workspace.editor
    editor.editor.setFocus()
    editor.editor.insertPlainText(text)
    editor.commit()
    settle()
    return editor


def _rows(window: Any) -> list[str]:
    panel = window.workspace.passages
    return [
        panel.row_text(r) for r in range(panel.model.rowCount()) if not panel.list.isRowHidden(r)
    ]


def test_a_response_without_position_gets_a_quiet_marker_and_a_filter(
    opened: Any,  # noqa: F811
    qtbot: Any,
    tmp_path: Path,
    messages: Messages,
) -> None:
    _import_text(opened, qtbot, tmp_path)
    first = _cite(opened, qtbot, "Capacity building")
    settle()
    editor = _type_answer(opened, qtbot, "We agree with this.")
    assert editor.position.currentData() == ""
    assert editor.position_hint.isVisibleTo(opened)
    assert messages == []  # quiet: no dialog
    second = _cite(opened, qtbot, "digital commons")
    settle()
    _type_answer(opened, qtbot, "We disagree.")
    editor.position.setCurrentIndex(editor.position.findData("disagree"))
    settle()
    assert not editor.position_hint.isVisibleTo(opened)
    panel = opened.workspace.passages
    rows = {r.split("\n")[0].split(")  ")[1]: r for r in _rows(opened)}
    # The window's Cite marks the cut sentence: "Capacity building …".
    assert "• no position" in rows["Capacity building …"]
    assert "• no position" not in rows["… digital commons …"]
    panel.filter.show_only_these(NO_POSITION)
    settle()  # the filter reads off the GUI thread
    assert panel.filter.allowed() == {first}
    assert [r.split("\n")[0] for r in _rows(opened)] == ["1)  Capacity building …"]
    panel.filter.show_only_these(None)
    settle()  # the filter reads off the GUI thread
    assert len(_rows(opened)) == 2
    stored = passages.get_passage(opened.ctx.store, second)
    assert stored is not None and stored.response_position == "disagree"
    opened.ctx.select_passage(first)
    settle()  # the editor reads the passage off the GUI thread
    assert editor.position_hint.isVisibleTo(opened)


def test_export_final_then_edit_marks_and_lists_the_change_and_offers_rev_1(
    opened: Any,  # noqa: F811
    qtbot: Any,
    tmp_path: Path,
    messages: Messages,
) -> None:
    _import_text(opened, qtbot, tmp_path)
    passage = _cite(opened, qtbot, "Capacity building")
    settle()
    editor = _type_answer(opened, qtbot, "We agree.")
    editor.position.setCurrentIndex(editor.position.findData("agree"))
    settle()
    editor.status.setCurrentIndex(editor.status.findData("proposed"))
    settle()
    ctx = opened.ctx
    assert exporting.sent_before(ctx) is None
    out = tmp_path / "sent.docx"
    data = ExportData(out, "grouped", None, False, False, final=True)
    exporting.export(opened, ctx, data)
    drain(qtbot)
    assert out.exists()
    assert any("recorded as sent (original, sha256" in m for m in messages)
    (sent,) = sending.list_sent(ctx.store)
    assert opened.workspace.undo_action.text().endswith("Record final export")
    assert "changed since sent" not in "".join(_rows(opened))

    ctx.select_passage(passage)
    editor.editor.setFocus()
    editor.editor.insertPlainText(" And more.")
    editor.commit()
    settle()
    assert any("↻ changed since sent" in r for r in _rows(opened))
    opened.workspace.passages.filter.show_only_these(CHANGED)
    settle()  # the filter reads off the GUI thread
    assert len(_rows(opened)) == 1

    dialog = opened.workspace.sending.show_changes()
    settle()  # read off the GUI thread
    assert dialog.isVisible()
    assert dialog.model.rowCount() == 1
    assert dialog.row_texts()[0] == [
        "Response edited",
        "federation",
        "Capacity building …",
        "We agree.",
        "We agree. And more.",
    ]
    assert "The original was sent on" in dialog.header.text()
    assert sent.sha256[:12] in dialog.header.text()
    responses.respond(ctx.store, passage, "We agree. And more, again.")
    ctx.notify("responses")
    settle()
    assert dialog.model.text(0, 4) == "We agree. And more, again."

    offer = exporting.sent_before(ctx)
    assert offer is not None and (offer.name, offer.revision_no, offer.changes) == (
        "original",
        0,
        1,
    )
    export_dialog = ExportDialog(opened, tmp_path / "rev.docx", "", offer)
    qtbot.addWidget(export_dialog)
    assert export_dialog.revised.text() == "Revised document (Rev.1) with the list of changes"
    assert "1 change since" in export_dialog.sent_note.text()
    assert not export_dialog.data().final  # the offer applies once "Final version" is ticked
    export_dialog.drafts.setChecked(True)
    export_dialog.final.setChecked(True)
    chosen = export_dialog.data()
    assert (chosen.final, chosen.revised, chosen.include_drafts) == (True, True, False)
    exporting.export(opened, ctx, chosen)
    drain(qtbot)
    assert [s.name for s in sending.list_sent(ctx.store)] == ["original", "Rev.1"]
    assert not any("changed since sent" in r for r in _rows(opened))
    dialog.close()


class FakeClock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def test_a_final_export_of_drafts_only_says_why_and_records_nothing(
    opened: Any,  # noqa: F811
    qtbot: Any,
    tmp_path: Path,
    messages: Messages,
) -> None:
    # It wrote a document with no section and recorded the draft as sent.
    _import_text(opened, qtbot, tmp_path)
    _cite(opened, qtbot, "Capacity building")
    settle()
    _type_answer(opened, qtbot, "We agree.")  # a draft
    ctx = opened.ctx
    before = opened.workspace.undo_action.text()
    out = tmp_path / "sent.docx"
    exporting.export(opened, ctx, ExportData(out, "grouped", None, False, False, final=True))
    drain(qtbot)
    assert any(m.startswith("Nothing would be sent") and "draft" in m for m in messages)
    assert not any(m.startswith("CRASH") for m in messages)
    assert not out.exists()
    assert sending.list_sent(ctx.store) == []
    assert opened.workspace.undo_action.text() == before


def test_deadline_shows_time_left_and_warns_a_day_and_an_hour_before(
    opened: Any,  # noqa: F811
    qtbot: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    clock = FakeClock(DUE - timedelta(days=2, hours=3))
    controller = DeadlineController(opened, opened.ctx, clock)
    assert not controller.label.isVisibleTo(opened)
    monkeypatch.setattr(
        DeadlineDialog, "get_data", classmethod(lambda cls, parent, current, now: (DUE, True))
    )
    controller.ask()
    settle()
    assert deadline.get_deadline(opened.ctx.store) == DUE
    assert controller.label.isVisibleTo(opened)
    assert controller.label.text() == "Deadline in 2 days 3 hours"
    assert controller.warning is None

    clock.now = DUE - timedelta(hours=23, minutes=30)
    controller.refresh()
    assert controller.label.text() == "Deadline in 23 hours 30 minutes"
    assert controller.warning is not None and controller.warning.isVisible()
    assert not controller.warning.isModal()
    assert controller.warning.text() == (
        "Only 23 hours 30 minutes left before the submission deadline."
    )
    first = controller.warning
    controller.refresh()  # once per threshold
    assert controller.warning is first

    clock.now = DUE - timedelta(minutes=40)
    controller.refresh()
    assert controller.warning is not first
    assert controller.warning.text() == "Only 40 minutes left before the submission deadline."
    assert "c62828" in controller.label.styleSheet()

    clock.now = DUE + timedelta(minutes=5)
    controller.refresh()
    assert controller.label.text() == "Deadline passed 5 minutes ago"

    opened.ctx.undo_stack.undo(opened)  # the deadline was one undoable step
    settle()
    assert deadline.get_deadline(opened.ctx.store) is None
    assert not controller.label.isVisibleTo(opened)
    controller.dispose()
    QApplication.processEvents()
    for box in QApplication.topLevelWidgets():
        if isinstance(box, QMessageBox):
            box.close()


def test_the_window_has_its_own_deadline_label(
    opened: Any,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("REJOINDER_NOW", "2026-11-02T12:00Z")
    deadline.set_deadline(opened.ctx.store, DUE)
    opened.ctx.notify()
    label = opened.workspace.sending.deadline.label
    assert label.isVisibleTo(opened)
    assert label.text() == "Deadline in 31 days"
    assert opened.workspace.sending.deadline.warning is None


def test_the_deadline_dialog_reads_local_time_as_utc(qtbot: Any) -> None:
    dialog = DeadlineDialog(None, DUE, DUE)
    qtbot.addWidget(dialog)
    assert dialog.data() == DUE
    dialog.enabled.setChecked(False)
    assert dialog.data() is None
