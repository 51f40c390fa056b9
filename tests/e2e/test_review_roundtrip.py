"""The Word review round trip: export a review copy, annotate it like Word, import it back."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.core import journal
from app.core.errors import InvalidInputError
from app.core.history import versions
from app.core.journal import replay
from app.core.services import notes, passages, proposals, responses, review_import
from app.core.services.review import list_members
from app.core.store import ProjectStore
from app.exporters.docx.review import bookmark_name
from app.exporters.export import export_project
from app.importers.docx.review import read_review
from tests.core.factories import populated
from tests.e2e.cli import rejoinder
from tests.importers.word_review import WordEditor


def _annotate(copy: Path, out: Path, passage_id: str, response_id: str) -> None:
    """What a senior colleague does in Word: comments, a reply, an edit with track changes."""
    editor = WordEditor(copy)
    quote = editor.bookmark_paragraphs(bookmark_name("p", passage_id))
    question = editor.comment(quote, "Is this the right quote?", "Maria Gomez")
    editor.comment(quote, "Yes, paragraph 1.", "Jon Smith", reply_to=question, with_range=False)
    answer = editor.bookmark_paragraphs(bookmark_name("r", response_id))
    editor.comment(answer, "Too blunt & too short.", "Maria Gomez", date="2026-03-02T11:00:00Z")
    editor.replace(answer, "disagree", "partly agree", "Maria Gomez")
    editor.comment([editor.paragraph_with("We comment on")], "Nice lead-in", "Maria Gomez")
    editor.replace([editor.paragraph_with("Contribution from")], "from", "by", "Maria Gomez")
    editor.save(out)


@pytest.fixture
def project(tmp_path: Path) -> tuple[ProjectStore, str, str, Path]:
    store, _, passage_id, response_id = populated(tmp_path / "p.rejoinder")
    notes.add_note(store, passage_id, "Our own note before the review.")
    copy = tmp_path / "review.docx"
    export_project(store, copy, review_copy=True)
    _annotate(copy, tmp_path / "reviewed.docx", passage_id, response_id)
    return store, passage_id, response_id, tmp_path / "reviewed.docx"


def test_round_trip_notes_proposal_unmapped_and_idempotent(
    project: tuple[ProjectStore, str, str, Path],
) -> None:
    store, passage_id, response_id, reviewed = project
    with store:
        original = responses.revisions(store, response_id), versions(store, response_id)[0].text
        parsed = read_review(reviewed.read_bytes())
        report = review_import.import_review(store, parsed)

        on_passage = notes.list_notes(store, passage_id)
        assert [(n.author, n.text, n.depth) for n in on_passage] == [
            ("Maria Gomez", "Is this the right quote?", 0),
            ("Jon Smith", "Yes, paragraph 1.", 1),
            (store.identity.name or "Me", "Our own note before the review.", 0),
        ]
        assert on_passage[0].created_at == "2026-03-02T10:15:00.000000Z"
        on_response = notes.list_notes(store, response_id)
        texts = [(n.author, n.text) for n in on_response]
        assert ("Maria Gomez", "Too blunt &amp; too short.") in texts
        proposal_note = next(n for n in on_response if n.text.startswith("Proposed text from"))
        assert proposal_note.author == "Maria Gomez"
        assert proposal_note.text == (
            "Proposed text from Maria Gomez:\nWe <b>partly agree</b>.<fn>See our paper.</fn>"
        )
        assert report.from_export == 2  # the status comment and our own note
        assert sorted(report.members_added) == ["Jon Smith", "Maria Gomez"]
        assert {m.name for m in list_members(store)} >= {"Jon Smith", "Maria Gomez"}

        # never applied silently
        assert versions(store, response_id)[0].text == original[1]
        (proposal,) = report.proposals
        assert proposal.response_id == response_id and proposal.author == "Maria Gomez"
        assert proposals.pending_proposals(store) == [proposal]

        unmapped = sorted((u.kind, u.text) for u in report.unmapped)
        assert unmapped == [
            ("change", "by"),
            ("change", "from"),
            ("comment", "Nice lead-in"),
        ]

        again = review_import.import_review(store, read_review(reviewed.read_bytes()))
        assert again.nothing_new and again.already_imported == 4
        assert len(again.unmapped) == 3
        assert len(notes.list_notes(store, passage_id)) == 3

        assert proposals.accept_proposal(store, proposal.note_id) == response_id
        history = versions(store, response_id)
        assert history[0].text == "We <b>partly agree</b>.<fn>See our paper.</fn>"
        assert history[1].text == original[1]
        assert proposals.pending_proposals(store) == []
        with pytest.raises(InvalidInputError, match="already"):
            proposals.accept_proposal(store, proposal.note_id)
        third = review_import.import_review(store, read_review(reviewed.read_bytes()))
        assert third.nothing_new


def test_a_new_export_after_the_import_does_not_bring_the_notes_twice(
    project: tuple[ProjectStore, str, str, Path], tmp_path: Path
) -> None:
    store, passage_id, _, reviewed = project
    with store:
        review_import.import_review(store, read_review(reviewed.read_bytes()))
        second = tmp_path / "second.docx"
        export_project(store, second, review_copy=True)
        report = review_import.import_review(store, read_review(second.read_bytes()))
        assert report.nothing_new and report.from_export == 2
        assert len(notes.list_notes(store, passage_id)) == 3


def test_decline_and_deleted_targets(project: tuple[ProjectStore, str, str, Path]) -> None:
    store, passage_id, _, reviewed = project
    with store:
        parsed = read_review(reviewed.read_bytes())
        with journal.collect() as deleted:
            passages.delete_passage(store, passage_id)
        report = review_import.import_review(store, parsed)
        assert report.proposals == ()
        reasons = {u.text: u.reason for u in report.unmapped}
        assert "no longer in the project" in reasons["Is this the right quote?"]
        assert "no longer in the project" in reasons["Too blunt & too short."]
        assert deleted.changes.entry_id is not None
        replay.undo_through(store, deleted.changes.entry_id)
        report = review_import.import_review(store, parsed)
        (proposal,) = report.proposals
        proposals.decline_proposal(store, proposal.note_id, "Keep our wording.")
        assert proposals.pending_proposals(store) == []
        with pytest.raises(InvalidInputError):
            proposals.accept_proposal(store, report.notes_added[0])


def test_cli_import_review(project: tuple[ProjectStore, str, str, Path], tmp_path: Path) -> None:
    store, _, response_id, reviewed = project
    store.close()
    result = rejoinder("import-review", store.path, reviewed)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(
        "3 comments added as notes, 1 proposed text waiting for acceptance, 0 already imported"
    )
    assert f"\t{response_id}\tMaria Gomez" in result.stdout
    assert "unmapped comment\tMaria Gomez" in result.stdout and "Nice lead-in" in result.stdout
    again = rejoinder("import-review", store.path, reviewed)
    assert again.stdout.startswith(
        "0 comments added as notes, 0 proposed texts waiting for acceptance, 4 already imported"
    )
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"garbage")
    failed = rejoinder("import-review", store.path, bad)
    assert failed.returncode == 2 and failed.stdout == ""
    assert len(failed.stderr.strip().splitlines()) == 1
    missing = rejoinder("import-review", store.path, tmp_path / "missing.docx")
    assert missing.returncode == 2
