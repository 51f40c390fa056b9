"""Undo covers every operation that writes: merge, conflicts, removing a source, review import."""

from __future__ import annotations

import json
from pathlib import Path

from app.core import dump
from app.core import merge as merging
from app.core.journal import replay
from app.core.services import responses, sources
from app.core.store import ProjectStore
from tests.core.factories import populated
from tests.core.merge_helpers import ALICE, BOB, edit, fork


def _dump(store: ProjectStore) -> str:
    return dump.dumps(store)


def test_a_merge_with_a_conflict_and_its_resolution_undo_and_redo(tmp_path: Path) -> None:
    store, _source, passage, _response = populated(tmp_path / "base.rejoinder")
    with store:
        a, b = fork(store, tmp_path)
    edit(a, ALICE, lambda s: responses.respond(s, passage, "Alice's text."))
    edit(b, BOB, lambda s: responses.respond(s, passage, "Bob's text.", position="agree"))
    with ProjectStore.open(a, ALICE) as store:
        before = _dump(store)
        report = merging.merge(store, b)
        assert report.conflicts == 1
        merged = _dump(store)
        (conflict,) = merging.list_conflicts(store)
        merging.resolve_conflict(store, conflict.id, "Both texts, edited.")
        resolved = _dump(store)
        assert replay.undo(store).label == "Resolve conflict"
        assert _dump(store) == merged
        assert replay.undo(store).label == "Merge “bob.rejoinder”"
        assert _dump(store) == before
        replay.redo(store)
        assert _dump(store) == merged
        replay.redo(store)
        assert _dump(store) == resolved


def test_removing_a_source_is_undone_with_its_passages_and_section(tmp_path: Path) -> None:
    store, source, _passage, _response = populated(tmp_path / "p.rejoinder")
    with store:
        before = _dump(store)
        sources.remove_source(store, source)
        removed = _dump(store)
        changes = replay.undo(store)
        assert changes.label == "Remove source" and changes.touches("source", "passage")
        assert _dump(store) == before
        replay.redo(store)
        assert _dump(store) == removed
        assert json.loads(removed)["tables"]["source"][0]["deleted_at"] is not None
