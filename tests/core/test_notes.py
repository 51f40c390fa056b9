"""Notes: threads, authors, tombstones, and that the final export never prints them."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from app.core.errors import InvalidInputError, MarkupError, NotFoundError
from app.core.journal import replay
from app.core.services import notes
from app.exporters.export import export_project
from tests.core.factories import populated


def test_threaded_notes_with_author_and_depth(tmp_path: Path) -> None:
    store, _, passage_id, response_id = populated(tmp_path / "p.rejoinder")
    with store:
        first = notes.add_note(store, passage_id, "Ask the <i>capital</i> first.")
        reply = notes.add_note(store, "", "Done, they agree.", parent_ref=first)
        notes.add_note(store, passage_id, "Second thread.")
        notes.add_note(store, response_id[:8], "On the response.")
        listed = notes.list_notes(store, passage_id)
        assert [(n.text, n.depth) for n in listed] == [
            ("Ask the <i>capital</i> first.", 0),
            ("Done, they agree.", 1),
            ("Second thread.", 0),
        ]
        assert listed[1].parent_id == first and listed[1].id == reply
        assert all(n.author == store.identity.name or n.author for n in listed)
        assert listed[0].target_kind == "passage"
        assert [n.target_kind for n in notes.list_notes(store, response_id)] == ["response"]


def test_edit_delete_and_deleted_parent_kept_for_its_replies(tmp_path: Path) -> None:
    store, _, passage_id, _ = populated(tmp_path / "p.rejoinder")
    with store:
        first = notes.add_note(store, passage_id, "Old text")
        notes.add_note(store, passage_id, "Reply", parent_ref=first)
        lone = notes.add_note(store, passage_id, "Lone")
        notes.edit_note(store, first, "New text")
        assert notes.list_notes(store, passage_id)[0].text == "New text"
        notes.delete_note(store, lone)
        notes.delete_note(store, first)
        listed = notes.list_notes(store, passage_id)
        assert [(n.deleted, n.text, n.depth) for n in listed] == [
            (True, "", 0),
            (False, "Reply", 1),
        ]
        replay.undo(store)
        assert notes.list_notes(store, passage_id)[0].text == "New text"


def test_bad_input_is_refused(tmp_path: Path) -> None:
    store, _, passage_id, response_id = populated(tmp_path / "p.rejoinder")
    with store:
        with pytest.raises(InvalidInputError):
            notes.add_note(store, passage_id, "   ")
        with pytest.raises(MarkupError):
            notes.add_note(store, passage_id, "a <script> b")
        with pytest.raises(NotFoundError):
            notes.add_note(store, "ffffffff-nothing", "x")
        parent = notes.add_note(store, passage_id, "on the passage")
        with pytest.raises(InvalidInputError):
            notes.add_note(store, response_id, "elsewhere", parent_ref=parent)


def test_notes_only_in_the_review_copy(tmp_path: Path) -> None:
    store, _, passage_id, _ = populated(tmp_path / "p.rejoinder")
    with store:
        notes.add_note(store, passage_id, "Internal: ask the capital.")
        final, review = tmp_path / "final.docx", tmp_path / "review.docx"
        export_project(store, final, include_drafts=True)
        export_project(store, review, review_copy=True)
    assert not any("ask the capital" in c.text for c in docx.Document(str(final)).comments)
    assert "ask the capital" not in "\n".join(p.text for p in docx.Document(str(final)).paragraphs)
    assert any("ask the capital" in c.text for c in docx.Document(str(review)).comments)
