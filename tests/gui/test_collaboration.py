"""Working as a delegation through the window: notes, status, history, merge, Word review."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QDialog, QLabel

from app.core import merge
from app.core.config import Identity, load_settings, save_settings
from app.core.services import notes, passages, responses, review, sections
from app.core.store import ProjectStore
from app.exporters.docx.review import bookmark_name
from app.exporters.export import export_project
from app.gui.dialogs import identity as identity_dialogs
from app.gui.dialogs.conflicts import ConflictsDialog
from app.gui.dialogs.history import HistoryDialog
from app.gui.dialogs.listdiff import DELETE_STYLE, INSERT_STYLE
from app.gui.dialogs.reason import ReasonDialog
from app.gui.review import ui as review_ui
from app.gui.review.ui import ProposalsDialog
from tests.core.factories import populated
from tests.gui.conftest import FileDialogs, Messages, drain, settle
from tests.importers.word_review import WordEditor


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Modal dialogs opened by the commands, by class name, without a modal loop."""
    opened: list[str] = []

    def fake_exec(dialog: QDialog) -> int:
        opened.append(type(dialog).__name__)
        return 0

    for cls in (ConflictsDialog, ProposalsDialog, HistoryDialog):
        monkeypatch.setattr(cls, "exec", fake_exec)
    return opened


def _open(window: Any, tmp_path: Path) -> tuple[str, str]:
    """A project with one source, one passage and our response, open in the window."""
    store, _source, passage_id, response_id = populated(tmp_path / "p.rejoinder")
    store.close()
    assert window.open_project(tmp_path / "p.rejoinder")
    settle()  # the source's text and passages are read off the GUI thread
    window.ctx.select_passage(passage_id)
    settle()  # the editor reads the passage off the GUI thread
    return passage_id, response_id


def test_notes_add_reply_delete_and_undo(window: Any, tmp_path: Path) -> None:
    passage_id, _ = _open(window, tmp_path)
    panel = window.workspace.collab.notes
    panel.add_note("Ask the capital & the mission first.")
    settle()
    (first,) = notes.list_notes(window.ctx.store, passage_id)
    assert first.text == "Ask the capital &amp; the mission first."
    assert panel.row_text(0) == "Ask the capital & the mission first."
    assert panel.row_text(0, 1) == first.author
    panel.select_note(first.id)
    panel.reply("Done, they agree.")
    settle()
    thread = notes.list_notes(window.ctx.store, passage_id)
    assert [(n.text, n.depth) for n in thread] == [(first.text, 0), ("Done, they agree.", 1)]
    assert panel.row_text(1) == "↳ Done, they agree."  # the reply, under the note
    panel.select_note(thread[1].id)
    panel.delete_current()
    settle()
    assert len(notes.list_notes(window.ctx.store, passage_id)) == 1
    window.ctx.undo_stack.undo()
    settle()
    assert [n.id for n in notes.list_notes(window.ctx.store, passage_id)] == [n.id for n in thread]
    window.ctx.undo_stack.undo()
    settle()
    window.ctx.undo_stack.undo()
    settle()
    assert notes.list_notes(window.ctx.store, passage_id) == []
    window.ctx.undo_stack.redo()
    settle()
    assert [n.id for n in notes.list_notes(window.ctx.store, passage_id)] == [first.id]


def test_status_back_asks_a_reason_and_records_it(
    window: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, response_id = _open(window, tmp_path)
    editor = window.workspace.editor
    asked: list[str] = []

    def answer(_parent: Any, _title: str, prompt: str, required: bool = True) -> tuple[str, bool]:
        asked.append(prompt)
        return "The capital objects.", True

    monkeypatch.setattr(ReasonDialog, "get_data", staticmethod(answer))
    editor.status.setCurrentIndex(editor.status.findData("proposed"))
    settle()
    assert not asked and review.status_history(window.ctx.store, response_id).status == "proposed"
    editor.status.setCurrentIndex(editor.status.findData("draft"))
    settle()
    assert asked and "proposed" in asked[0]
    state = review.status_history(window.ctx.store, response_id)
    assert state.status == "draft"
    assert [(c.to_status, c.reason) for c in state.changes] == [
        ("proposed", ""),
        ("draft", "The capital objects."),
    ]
    assert "The capital objects." in editor.status.toolTip()
    assert "The capital objects." in window.workspace.collab.notes.status_label.text()
    window.ctx.undo_stack.undo()
    settle()
    assert review.status_history(window.ctx.store, response_id).status == "proposed"
    assert editor.status.currentData() == "proposed"
    assert len(review.status_history(window.ctx.store, response_id).changes) == 1


def test_history_diff_and_restore(window: Any, tmp_path: Path) -> None:
    passage_id, response_id = _open(window, tmp_path)
    responses.respond(window.ctx.store, passage_id, "We strongly disagree.")
    dialog = HistoryDialog(window, window.ctx, passage_id, response_id)
    settle()
    assert dialog.count() == 2 and dialog.current_row() == 1
    shown_html = dialog.diff.toHtml()
    assert "strongly" in shown_html and "[1]" in shown_html
    assert "underline" in shown_html and "line-through" in shown_html
    assert INSERT_STYLE and DELETE_STYLE
    dialog.restore_selected()
    settle()
    assert responses.revisions(window.ctx.store, response_id)[-1].text == "We strongly disagree."
    current = next(p for p in passages.list_passages(window.ctx.store) if p.id == passage_id)
    assert current.response_text == "We <b>disagree</b>.<fn>See our paper.</fn>"
    assert dialog.count() == 3
    window.ctx.undo_stack.undo()
    settle()
    current = next(p for p in passages.list_passages(window.ctx.store) if p.id == passage_id)
    assert current.response_text == "We strongly disagree."
    dialog.close()


def test_merge_conflict_resolved_then_merge_undone(
    window: Any,
    tmp_path: Path,
    qtbot: Any,
    file_dialogs: FileDialogs,
    messages: Messages,
    shown: list[str],
) -> None:
    store, _source, passage_id, response_id = populated(tmp_path / "ours.rejoinder")
    store.save_copy(tmp_path / "theirs.rejoinder")
    responses.respond(store, passage_id, "Our text.")
    store.close()
    with ProjectStore.open(tmp_path / "theirs.rejoinder") as theirs:
        responses.respond(theirs, passage_id, "Their text.")
    assert window.open_project(tmp_path / "ours.rejoinder")
    collab = window.workspace.collab
    file_dialogs.open.append(str(tmp_path / "theirs.rejoinder"))
    collab.merge_action.trigger()
    drain(qtbot)
    assert any(m.startswith("Merged:") and "1 conflict" in m for m in messages)
    assert shown == ["ConflictsDialog"]
    assert collab.undo_merge_action.isEnabled()
    dialog = ConflictsDialog(window, window.ctx)
    settle()
    assert dialog.count() == 1
    # the later change (theirs, written last) is kept until the user decides
    assert dialog.ours.toPlainText() == "Their text."
    assert "Our" in dialog.theirs.toPlainText() and "Their" in dialog.theirs.toPlainText()
    assert dialog.choose("theirs")
    settle()
    assert merge.list_conflicts(window.ctx.store) == []
    assert responses.revisions(window.ctx.store, response_id)[-1].text == "Their text."
    current = next(p for p in passages.list_passages(window.ctx.store) if p.id == passage_id)
    assert current.response_text == "Our text."
    dialog.close()

    collab.undo_merge_action.trigger()
    settle()  # through the operation helper, off the GUI thread
    assert window.ctx is not None and window.ctx.store is not None
    current = next(p for p in passages.list_passages(window.ctx.store) if p.id == passage_id)
    assert current.response_text == "Our text."
    assert merge.list_conflicts(window.ctx.store, include_resolved=True) == []
    assert "The merge was undone." in messages


def test_import_word_review_and_accept_a_proposal(
    window: Any, tmp_path: Path, qtbot: Any, messages: Messages, shown: list[str]
) -> None:
    store, _source, passage_id, response_id = populated(tmp_path / "p.rejoinder")
    export_project(store, tmp_path / "review.docx", review_copy=True)
    store.close()
    editor = WordEditor(tmp_path / "review.docx")
    answer = editor.bookmark_paragraphs(bookmark_name("r", response_id))
    editor.comment(answer, "Too blunt.", "Maria Gomez")
    editor.replace(answer, "disagree", "partly agree", "Maria Gomez")
    editor.save(tmp_path / "reviewed.docx")
    assert window.open_project(tmp_path / "p.rejoinder")
    review_ui.import_review_file(window, window.ctx, tmp_path / "reviewed.docx")
    drain(qtbot)
    assert any("Proposed texts: 1" in m for m in messages)
    assert shown == ["ProposalsDialog"]
    dialog = ProposalsDialog(window, window.ctx)
    settle()
    assert dialog.count() == 1 and "partly" in dialog.proposed_text.toPlainText()
    assert dialog.accept_current()
    settle()
    current = next(p for p in passages.list_passages(window.ctx.store) if p.id == passage_id)
    assert "partly agree" in current.response_text
    assert dialog.count() == 0
    dialog.close()


def test_proposed_change_is_saved(window: Any, tmp_path: Path) -> None:
    passage_id, _ = _open(window, tmp_path)
    editor = window.workspace.editor
    editor.proposed.set_markup("Replace “should” by <b>must</b>.")
    editor.commit()
    settle()
    current = next(p for p in passages.list_passages(window.ctx.store) if p.id == passage_id)
    assert current.proposed_change == "Replace “should” by <b>must</b>."
    assert current.response_text == "We <b>disagree</b>.<fn>See our paper.</fn>"


def test_passage_moved_to_another_section_and_back(window: Any, tmp_path: Path) -> None:
    passage_id, _ = _open(window, tmp_path)
    topic = sections.add_section(window.ctx.store, "Privacy")
    window.ctx.notify()
    before = next(p for p in passages.list_passages(window.ctx.store) if p.id == passage_id)
    window.workspace.passages.place_in_section(passage_id, topic)
    settle()
    moved = next(p for p in passages.list_passages(window.ctx.store) if p.id == passage_id)
    assert moved.section_id == topic
    window.ctx.undo_stack.undo()
    settle()
    back = next(p for p in passages.list_passages(window.ctx.store) if p.id == passage_id)
    assert (back.section_id, back.block_id) == (before.section_id, before.block_id)


def test_paragraph_block_added_edited_and_undone(window: Any, tmp_path: Path) -> None:
    _open(window, tmp_path)
    topic = sections.add_section(window.ctx.store, "Preliminary remark")
    window.ctx.notify()
    panel = window.workspace.collab.blocks
    panel.set_section(topic)
    settle()
    panel.add_paragraph.click()
    settle()
    (block,) = sections.list_blocks(window.ctx.store, topic)
    assert block.kind == "paragraph" and panel.current() == block
    panel.text.set_markup("We thank the <i>Chair</i>.")
    panel.save_current()
    settle()
    assert sections.list_blocks(window.ctx.store, topic)[0].text == "We thank the <i>Chair</i>."
    window.ctx.undo_stack.undo()
    settle()
    assert sections.list_blocks(window.ctx.store, topic)[0].text == block.text
    window.ctx.undo_stack.undo()
    settle()
    assert sections.list_blocks(window.ctx.store, topic) == []


def test_filter_by_author_and_status(window: Any, tmp_path: Path) -> None:
    passage_id, _ = _open(window, tmp_path)
    panel = window.workspace.passages
    me = review.list_members(window.ctx.store)[0].id
    panel.filter.set_filter(me, "draft")
    settle()  # the filter reads off the GUI thread
    assert not panel.list.isRowHidden(0)
    panel.filter.set_filter(None, "agreed")
    settle()  # the filter reads off the GUI thread
    assert panel.list.isRowHidden(0)
    panel.filter.set_filter(None, None)
    settle()  # the filter reads off the GUI thread
    assert not panel.list.isRowHidden(0)
    assert passage_id


def test_identity_asked_once_then_kept(monkeypatch: pytest.MonkeyPatch, qtbot: Any) -> None:
    settings = load_settings()
    settings.identity = Identity(member_id="m1", name="")
    save_settings(settings)
    asked: list[str] = []

    def answer(_parent: Any, identity: Identity) -> tuple[identity_dialogs.IdentityData, bool]:
        asked.append(identity.member_id)
        return identity_dialogs.IdentityData("Maria Gomez", "MG", "Borealis"), True

    monkeypatch.setattr(identity_dialogs.IdentityDialog, "get_data", staticmethod(answer))
    identity_dialogs.ask_identity_once(None)
    identity_dialogs.ask_identity_once(None)
    assert asked == ["m1"]
    kept = load_settings().identity
    assert (kept.member_id, kept.name, kept.initials, kept.organisation) == (
        "m1",
        "Maria Gomez",
        "MG",
        "Borealis",
    )


def test_shared_folder_banner_on_opening(
    window: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    warning = "The project is in a Dropbox folder. Use merge to combine work."
    monkeypatch.setattr("app.gui.collab.detect_risks", lambda _path: [warning])
    _open(window, tmp_path)
    banner = window.workspace.collab.banner
    assert banner is not None and banner.isVisible()
    assert any(warning in label.text() for label in banner.findChildren(QLabel))
    banner.actions()[-1].trigger()  # Dismiss
    assert window.workspace.collab.banner is None and not banner.isVisible()


def test_export_review_copy(
    window: Any, tmp_path: Path, qtbot: Any, file_dialogs: FileDialogs, messages: Messages
) -> None:
    _open(window, tmp_path)
    file_dialogs.save.append(str(tmp_path / "for Maria"))
    window.workspace.collab.export_review_action.trigger()
    drain(qtbot)
    assert (tmp_path / "for Maria.docx").stat().st_size > 0
    assert any("for Maria.docx" in m for m in messages)


def test_citations_block_lead_ins_and_numbering(window: Any, tmp_path: Path) -> None:
    _open(window, tmp_path)
    party = next(s for s in sections.list_sections(window.ctx.store) if s.source_id)
    block = next(
        b for b in sections.list_blocks(window.ctx.store, party.id) if b.kind == "citations"
    )
    panel = window.workspace.collab.blocks
    panel.set_section(party.id)
    settle()
    panel.set_current_row(panel.blocks.index(block))
    assert panel.lead_in.text.placeholderText() == "We cite the following portions of this paper:"
    panel.lead_in.set_markup("We highlight these parts:")
    panel.numbered.setChecked(False)
    panel.save_current()
    settle()
    saved = next(b for b in sections.list_blocks(window.ctx.store) if b.id == block.id)
    assert (saved.lead_in, saved.comments_lead_in, saved.numbered) == (
        "We highlight these parts:",
        "",
        False,
    )
    window.ctx.undo_stack.undo()
    settle()
    saved = next(b for b in sections.list_blocks(window.ctx.store) if b.id == block.id)
    assert (saved.lead_in, saved.numbered) == ("", True)
