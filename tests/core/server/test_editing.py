"""Writes that are consistent only at commit (merge, undo, redo) work on the server too."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import func, select

from app.core import merge
from app.core.homes import open_home
from app.core.journal import replay
from app.core.models import Note, Passage
from app.core.server.transfer import publish
from app.core.services import notes
from tests.core.factories import populated


def _notes(store: object) -> int:
    with store.session() as session:  # type: ignore[attr-defined]
        return int(session.scalar(select(func.count(Note.id))) or 0)


def test_merge_of_threads_into_the_server_and_its_undo(tmp_path: Path, pg_url: str) -> None:
    store, _source, passage_id, _response = populated(tmp_path / "p.rejoinder")
    store.close()
    publish(tmp_path / "p.rejoinder", pg_url)
    plane = tmp_path / "plane.rejoinder"
    with open_home(pg_url) as server:
        server.save_copy(plane)
    with open_home(plane) as copy:
        for i in range(5):  # threads: their replies sort before the notes they answer
            first = notes.add_note(copy, passage_id, f"Point {i}.")
            second = notes.add_note(copy, "", "Agreed.", parent_ref=first)
            notes.add_note(copy, "", "Done.", parent_ref=second)
    with open_home(pg_url) as server:
        merge.merge(server, plane)
        assert _notes(server) == 15
        replay.undo(server)
        assert _notes(server) == 0
        replay.redo(server)
        assert _notes(server) == 15
        with server.session() as session:
            assert session.scalar(select(func.count(Passage.id))) == 1
