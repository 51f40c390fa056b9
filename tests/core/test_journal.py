"""The journal of operations: undo and redo restore the project exactly, and survive a restart."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import update

from app.core import dump, journal
from app.core.errors import NothingToUndoError, UndoConflictError
from app.core.journal import replay
from app.core.models import JournalBlob, JournalEntry, OriginalFile, Response
from app.core.services import passages, responses, sections
from app.core.store import ProjectStore
from tests.core.factories import add_text_source, make_project, populated


@pytest.fixture
def store(tmp_path: Path) -> ProjectStore:
    store = make_project(tmp_path / "p.rejoinder")
    yield store
    store.close()


def test_undo_restores_the_dump_byte_for_byte_and_redo_the_final_one(store: ProjectStore) -> None:
    source = add_text_source(store)
    start = dump.dumps(store)
    passage = passages.cite_quote(store, source, "implemented to a substantial extent")
    responses.respond(store, passage, "We <b>agree</b>.", position="agree")
    end = dump.dumps(store)
    assert replay.undo(store).label == "Edit response"
    undone = replay.undo(store)
    assert undone.label.startswith("Cite")
    assert passage in undone.of("passage")
    assert dump.dumps(store) == start
    replay.redo(store)
    replay.redo(store)
    assert dump.dumps(store) == end


def test_undo_of_an_import_moves_the_blob_out_and_redo_moves_it_back(
    store: ProjectStore,
) -> None:
    empty = dump.dumps(store)
    add_text_source(store)
    full = dump.dumps(store)
    replay.undo(store)
    assert dump.dumps(store) == empty
    with store.session() as session:
        assert session.query(OriginalFile).count() == 0
        parked = {(b.table_name, b.column_name) for b in session.query(JournalBlob)}
        assert ("original_file", "data") in parked
        assert ("source_version", "text") in parked  # the text's only copy while undone
    replay.redo(store)
    assert dump.dumps(store) == full
    with store.session() as session:
        assert session.query(JournalBlob).count() == 0


def test_undo_and_redo_survive_a_restart(tmp_path: Path) -> None:
    store, _source, _passage, response = populated(tmp_path / "p.rejoinder")
    before = dump.dumps(store)
    responses.respond(store, _passage, "We changed our mind.")
    store.close()
    with ProjectStore.open(tmp_path / "p.rejoinder") as again:
        replay.undo(again)
        assert dump.dumps(again) == before
    with ProjectStore.open(tmp_path / "p.rejoinder") as again:
        assert replay.can_redo(again) is not None
        replay.redo(again)
        with again.session() as session:
            assert session.get(Response, response).text == "We changed our mind."  # type: ignore[union-attr]


def test_nothing_to_undo_is_a_typed_error(store: ProjectStore) -> None:
    with pytest.raises(NothingToUndoError, match="nothing to undo"):
        replay.undo(store)
    with pytest.raises(NothingToUndoError, match="nothing to redo"):
        replay.redo(store)


def test_a_row_changed_since_is_refused_by_name_and_nothing_changes(store: ProjectStore) -> None:
    source = add_text_source(store)
    passage = passages.cite_quote(store, source, "implemented to a substantial extent")
    response = responses.respond(store, passage, "First.")
    with store.write(record=False) as session:  # a change the journal did not see
        row = session.get(Response, response)
        assert row is not None
        row.text = "Written behind the journal's back."
    state = dump.dumps(store)
    with pytest.raises(UndoConflictError, match=r"a response changed since \(text\)"):
        replay.undo(store)
    assert dump.dumps(store) == state


def test_a_new_operation_drops_what_was_undone(store: ProjectStore) -> None:
    add_text_source(store)
    sections.add_section(store, "Preliminary remark")
    replay.undo(store)
    sections.add_section(store, "Privacy")
    with pytest.raises(NothingToUndoError):
        replay.redo(store)
    assert [line.label for line in replay.history(store)][:1] == ["Add section"]


def test_changes_name_the_rows_an_operation_touched(store: ProjectStore) -> None:
    source = add_text_source(store)
    with journal.collect() as got:
        passage = passages.cite_quote(store, source, "implemented to a substantial extent")
    assert got.changes.of("passage") == {passage}
    assert got.changes.touches("block")  # the passage went into the party section's block
    assert not got.changes.touches("source")


def test_past_its_size_the_journal_keeps_its_last_entries_only(
    store: ProjectStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("app.core.journal.recorder.KEEP", 3)
    monkeypatch.setattr("app.core.journal.recorder.KEEP_BYTES", 0)
    for i in range(6):
        sections.add_section(store, f"Topic {i}")
    with store.session() as session:
        assert session.query(JournalEntry).count() == 3
    for _ in range(3):
        replay.undo(store)
    with pytest.raises(NothingToUndoError):
        replay.undo(store)
    assert [s.heading for s in sections.list_sections(store)] == ["Topic 0", "Topic 1", "Topic 2"]


def test_search_follows_undo_even_behind_a_later_clock(store: ProjectStore) -> None:
    from app.core import search

    source = add_text_source(store)
    first = passages.cite_quote(store, source, "implemented to a substantial extent")
    second = passages.cite_quote(store, source, "transparency, accountability")
    responses.respond(store, first, "Noted.")
    responses.respond(store, second, "Noted too.")
    with store.write(record=False) as session:  # a colleague's row, stamped by a clock ahead
        session.execute(
            update(Response)
            .where(Response.passage_id == first)
            .values(updated_at="2999-01-01T00:00:00.000000Z")
        )
    assert search.search(store, "zanzibar") == []
    responses.respond(store, second, "We recall the Zanzibar principles.")
    assert [h.id for h in search.search(store, "zanzibar")] == [second]
    replay.undo(store)
    assert search.search(store, "zanzibar") == []
    replay.redo(store)
    assert [h.id for h in search.search(store, "zanzibar")] == [second]
