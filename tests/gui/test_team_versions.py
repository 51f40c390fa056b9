"""On a team server, an edit over a colleague's newer save is a conflict, never an overwrite.

Each editor of the window names the version of the row it started showing
(issue 15 §2): the Notes dock, the Outline's opening, the Passages panel's
printed quote and the response's status. A colleague saves the same row in
between, through their own connection; our save then keeps their value,
puts ours beside it as a conflict and opens Edit › Conflicts, as a merge's
conflicts are shown.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from app.core import markup
from app.core.homes import open_home
from app.core.merge import list_conflicts
from app.core.services import notes, passages, review, sections
from app.core.store import ProjectStore
from app.gui.dialogs.conflicts import ConflictsDialog
from tests.gui.conftest import Messages, settle
from tests.gui.test_team_server import team_url  # noqa: F401  (fixture)
from tests.pgserver import ADMIN_PASSWORD


@pytest.fixture
def opened(
    window: Any,
    team_url: tuple[str, str, str],  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> tuple[Any, str, str, list[ConflictsDialog]]:
    """The published project open in the window; the dialogs Edit › Conflicts opened."""
    admin, _url, passage = team_url
    monkeypatch.setenv("PGPASSWORD", ADMIN_PASSWORD)
    shown: list[ConflictsDialog] = []
    monkeypatch.setattr(ConflictsDialog, "exec", lambda self: shown.append(self))
    assert window.open_project(admin)
    window.ctx.select_passage(passage)
    settle()
    return window, admin, passage, shown


def _colleague(admin: str, write: Callable[[ProjectStore], object]) -> None:
    """A colleague's save, through their own connection, while our editor shows the row."""
    with open_home(admin) as colleague:
        write(colleague)


def _conflict_shown(
    window: Any, messages: Messages, shown: list[ConflictsDialog], table: str
) -> None:
    settle()
    assert [dialog.count() for dialog in shown] == [1]
    assert any("Edit › Conflicts" in m for m in messages)
    (conflict,) = list_conflicts(window.ctx.store)
    assert conflict.table_name == table


def test_a_note_edited_by_a_colleague_meanwhile(
    opened: tuple[Any, str, str, list[ConflictsDialog]], messages: Messages
) -> None:
    window, admin, passage, shown = opened
    note = notes.add_note(window.ctx.store, passage, markup.escape("Ask the capital."))
    window.ctx.notify()
    settle()
    panel = window.workspace.collab.notes
    panel.select_note(note)
    panel.edit_button.click()  # the note's text comes into the field: its version is read
    _colleague(admin, lambda s: notes.edit_note(s, note, "Asked: they agree."))
    panel.text.setPlainText("Ask the mission.")
    panel.edit_button.click()
    _conflict_shown(window, messages, shown, "note")
    (kept,) = notes.list_notes(window.ctx.store, passage)
    assert kept.text == "Asked: they agree."


def test_a_section_opening_edited_by_a_colleague_meanwhile(
    opened: tuple[Any, str, str, list[ConflictsDialog]], messages: Messages
) -> None:
    window, admin, _passage, shown = opened
    outline = window.workspace.outline
    outline.select_row(0)
    settle()
    section = outline.current()
    assert section is not None
    _colleague(admin, lambda s: sections.update_section(s, section.id, opening="Their opening."))
    outline.opening.set_markup("Our opening.")
    outline.flush()
    _conflict_shown(window, messages, shown, "section")
    (kept,) = [s for s in sections.list_sections(window.ctx.store) if s.id == section.id]
    assert kept.opening == "Their opening."


def test_a_printed_quote_edited_by_a_colleague_meanwhile(
    opened: tuple[Any, str, str, list[ConflictsDialog]], messages: Messages
) -> None:
    window, admin, passage, shown = opened
    panel = window.workspace.passages
    assert panel.quote.toPlainText() == "implemented to a substantial extent"
    _colleague(admin, lambda s: passages.set_quote(s, passage, "implemented […] extent"))
    panel.quote.setPlainText("implemented to a […] extent")
    panel.apply.click()
    _conflict_shown(window, messages, shown, "passage")
    info = passages.get_passage(window.ctx.store, passage)
    assert info is not None and info.quote == "implemented […] extent"


def test_a_status_moved_by_a_colleague_meanwhile(
    opened: tuple[Any, str, str, list[ConflictsDialog]], messages: Messages
) -> None:
    window, admin, passage, shown = opened
    editor = window.workspace.editor
    info = passages.get_passage(window.ctx.store, passage)
    assert info is not None and info.response_id is not None
    response_id = info.response_id

    def forth_and_back(colleague: ProjectStore) -> None:
        review.set_status(colleague, response_id, "proposed")
        review.set_status(colleague, response_id, "draft", "The capital objects.")

    _colleague(admin, forth_and_back)
    editor.status.setCurrentIndex(editor.status.findData("proposed"))
    _conflict_shown(window, messages, shown, "response")
    assert review.status_history(window.ctx.store, response_id).status == "draft"


def test_our_own_saves_one_after_another_are_no_conflict(
    opened: tuple[Any, str, str, list[ConflictsDialog]], messages: Messages
) -> None:
    """Our save moves the version on: the next one names the version it left."""
    window, _admin, passage, shown = opened
    panel = window.workspace.passages
    for quote in ("implemented to a […] extent", "implemented […] extent"):
        panel.quote.setPlainText(quote)
        panel.apply.click()
    outline = window.workspace.outline
    outline.select_row(0)
    settle()
    for opening in ("We thank the Chair.", "We warmly thank the Chair."):
        outline.opening.set_markup(opening)
        outline.flush()
        settle()
    editor = window.workspace.editor
    editor.status.setCurrentIndex(editor.status.findData("proposed"))
    editor.editor.setFocus()
    editor.editor.insertPlainText("Indeed. ")
    editor.commit()
    settle()
    assert shown == [] and messages == [] and list_conflicts(window.ctx.store) == []
    info = passages.get_passage(window.ctx.store, passage)
    assert info is not None and info.quote == "implemented […] extent"
    assert info.response_status == "proposed" and "Indeed." in info.response_text
