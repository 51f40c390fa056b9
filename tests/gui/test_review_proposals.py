"""A Word review in the window: a file too big or not a file is refused; stale proposals.

A proposal built on an older text whose words were rewritten since cannot be
merged by itself: the window shows the three texts (sent for review, current,
proposed) and lets the user take one or write the merge, as one undoable step.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QDialog

from app.core.services import passages, proposals, responses, review_import
from app.exporters.docx.review import bookmark_name
from app.exporters.export import export_project
from app.gui.review import ui as review_ui
from app.gui.review.stale import StaleProposalDialog
from app.gui.review.ui import ProposalsDialog
from app.importers.base import DEFAULT_MAX_BYTES
from app.importers.docx.review import read_review
from tests.core.factories import populated
from tests.gui.conftest import Messages, drain, settle
from tests.importers.word_review import WordEditor

SENT = "We agree with this list of characteristics."
OURS = "We disagree with this list of characteristics."
THEIRS = "We fully agree with this list of characteristics."


def test_an_enormous_or_unreadable_review_file_is_refused_cleanly(
    window: Any, tmp_path: Path, qtbot: Any, messages: Messages
) -> None:
    store, _source, _passage, _response = populated(tmp_path / "p.rejoinder")
    store.close()
    assert window.open_project(tmp_path / "p.rejoinder")
    huge = tmp_path / "huge.docx"
    with huge.open("wb") as out:
        out.truncate(DEFAULT_MAX_BYTES + 1)  # sparse: reading it whole would take 100 MB
    review_ui.import_review_file(window, window.ctx, huge)
    drain(qtbot)
    assert any("files up to 100 MB" in m for m in messages), messages
    pipe = tmp_path / "pipe.docx"
    os.mkfifo(pipe)
    review_ui.import_review_file(window, window.ctx, pipe)
    drain(qtbot)
    assert any("not a document" in m for m in messages), messages
    assert proposals.pending_proposals(window.ctx.store) == []
    pipe.unlink()


def _stale_proposal(tmp_path: Path) -> tuple[str, str]:
    """A project whose response was rewritten after its review copy went out, and the
    reviewer's proposal on the old text imported: ``(passage id, proposal note id)``."""
    store, source, _passage, _response = populated(tmp_path / "p.rejoinder")
    passage_id = passages.cite_quote(store, source, "transparency, accountability")
    response_id = responses.respond(store, passage_id, SENT)
    export_project(store, tmp_path / "review.docx", review_copy=True)
    editor = WordEditor(tmp_path / "review.docx")
    answer = editor.bookmark_paragraphs(bookmark_name("r", response_id))
    editor.replace(answer, "agree", "fully agree", "Maria Gomez")
    editor.save(tmp_path / "reviewed.docx")
    responses.respond(store, passage_id, OURS)  # rewritten here since
    parsed = read_review((tmp_path / "reviewed.docx").read_bytes())
    (proposal,) = review_import.import_review(store, parsed).proposals
    store.close()
    return passage_id, proposal.note_id


def _text(window: Any, passage_id: str) -> str:
    return next(
        p.response_text for p in passages.list_passages(window.ctx.store) if p.id == passage_id
    )


class StaleDialogs:
    """The three-text dialogs shown, and what the test does in each (queued in order)."""

    def __init__(self) -> None:
        self.shown: list[StaleProposalDialog] = []
        self.actions: list[Callable[[StaleProposalDialog], QDialog.DialogCode]] = []


@pytest.fixture
def stale_dialogs(monkeypatch: pytest.MonkeyPatch) -> StaleDialogs:
    dialogs = StaleDialogs()

    def fake_exec(dialog: StaleProposalDialog) -> int:
        dialogs.shown.append(dialog)
        return int(dialogs.actions.pop(0)(dialog).value)

    monkeypatch.setattr(StaleProposalDialog, "exec", fake_exec)
    return dialogs


def test_a_stale_proposal_shows_the_three_texts_and_the_merge_is_one_undoable_step(
    window: Any,
    tmp_path: Path,
    messages: Messages,
    stale_dialogs: StaleDialogs,
) -> None:
    passage_id, note_id = _stale_proposal(tmp_path)
    assert window.open_project(tmp_path / "p.rejoinder")
    dialog = ProposalsDialog(window, window.ctx)
    settle()
    dialog.show()
    assert dialog.count() == 1

    def merge(stale: StaleProposalDialog) -> QDialog.DialogCode:
        panes = {key: pane.toPlainText() for key, pane in stale.panes.items()}
        assert panes["exported"] == SENT
        assert "disagree" in panes["current"] and "fully" in panes["proposed"]
        assert stale.chosen() == OURS  # the newer text is what the editor starts from
        stale.use("proposed")
        assert stale.chosen() == THEIRS
        stale.show()
        stale.grab().save(str(tmp_path / "stale-proposal.png"))
        stale.hide()
        stale.editor.set_markup("We <b>partly</b> agree with this list of characteristics.")
        return QDialog.DialogCode.Accepted

    stale_dialogs.actions.append(merge)
    assert dialog.accept_current()
    settle()
    assert len(stale_dialogs.shown) == 1 and messages == []  # no error dialog
    assert (tmp_path / "stale-proposal.png").stat().st_size > 10_000
    merged = "We <b>partly</b> agree with this list of characteristics."
    assert _text(window, passage_id) == merged
    assert dialog.count() == 0
    assert window.ctx.undo_stack.undo_label() == "Accept proposal"
    window.ctx.undo_stack.undo(window)
    settle()
    assert _text(window, passage_id) == OURS
    assert [p.note_id for p in proposals.pending_proposals(window.ctx.store)] == [note_id]
    window.ctx.undo_stack.redo(window)
    settle()
    assert _text(window, passage_id) == merged
    dialog.close()


def test_keeping_the_current_text_declines_a_stale_proposal_and_cancel_changes_nothing(
    window: Any,
    tmp_path: Path,
    messages: Messages,
    stale_dialogs: StaleDialogs,
) -> None:
    passage_id, _note_id = _stale_proposal(tmp_path)
    assert window.open_project(tmp_path / "p.rejoinder")
    dialog = ProposalsDialog(window, window.ctx)
    settle()
    stale_dialogs.actions.append(lambda _d: QDialog.DialogCode.Rejected)
    assert dialog.accept_current()  # refused: the texts are shown, then cancelled
    settle()
    assert _text(window, passage_id) == OURS and dialog.count() == 1

    def keep_current(stale: StaleProposalDialog) -> QDialog.DialogCode:
        stale.use("proposed")
        stale.use("current")
        return QDialog.DialogCode.Accepted

    stale_dialogs.actions.append(keep_current)
    assert dialog.accept_current()
    settle()
    assert _text(window, passage_id) == OURS
    assert proposals.pending_proposals(window.ctx.store) == []
    assert messages == []
    dialog.close()
