"""A Word review import and accepting its proposal are undone exactly, like any operation."""

from __future__ import annotations

from pathlib import Path

from app.core import dump
from app.core.journal import replay
from app.core.services import proposals, review_import
from app.core.store import ProjectStore
from app.importers.docx.review import read_review
from tests.e2e.test_review_roundtrip import project  # noqa: F401  (the fixture)


def test_review_import_and_accepting_a_proposal_undo_and_redo(
    project: tuple[ProjectStore, str, str, Path],  # noqa: F811
) -> None:
    store, _passage_id, _response_id, reviewed = project
    with store:
        before = dump.dumps(store)
        report = review_import.import_review(store, read_review(reviewed.read_bytes()))
        imported = dump.dumps(store)
        (proposal,) = report.proposals
        proposals.accept_proposal(store, proposal.note_id)
        accepted = dump.dumps(store)
        assert replay.undo(store).label == "Accept proposal"
        assert dump.dumps(store) == imported
        assert replay.undo(store).label == "Import Word review"
        assert dump.dumps(store) == before
        replay.redo(store)
        replay.redo(store)
        assert dump.dumps(store) == accepted
