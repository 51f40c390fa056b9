"""Final exports are recorded; what changed since is found by comparing states; Rev.N lists it."""

from __future__ import annotations

import datetime
import hashlib
import json
from dataclasses import replace
from pathlib import Path

import pytest

from app.core import dump, merge, sending
from app.core.contribution import build_contribution, read_project
from app.core.contribution.model import ListBlock
from app.core.errors import (
    DumpFormatError,
    InvalidInputError,
    NothingSentError,
    NothingToSendError,
)
from app.core.journal import replay
from app.core.sending.revised import document_lines
from app.core.services import passages, responses, review
from app.core.services.project import project_properties, update_project
from app.core.services.shared_answers import share_answer
from app.core.store import ProjectStore
from app.exporters.final import export_final, next_revision
from tests.core.factories import populated


def _agreed(store: ProjectStore, passage_id: str) -> None:
    response_id = responses.respond(store, passage_id, position="disagree")
    for status in ("proposed", "agreed"):
        review.set_status(store, response_id, status)


def test_a_final_export_records_time_member_sha256_and_every_response(tmp_path: Path) -> None:
    store, _source, passage_id, response_id = populated(tmp_path / "p.rejoinder")
    _agreed(store, passage_id)
    out = tmp_path / "sent.docx"
    result = export_final(store, out)
    sent = result.sent
    assert sent.sha256 == hashlib.sha256(out.read_bytes()).hexdigest()
    assert (sent.revision_no, sent.name, sent.filename) == (0, "original", "sent.docx")
    assert sent.member == review.list_members(store)[0].name
    assert sending.list_sent(store) == [sent]
    states = sending.record.sent_states(store, sent.id)
    state = states[passage_id]
    assert (state.response, state.position, state.status, state.printed) == (
        response_id,
        "disagree",
        "agreed",
        True,
    )
    assert "We <b>disagree</b>" in state.text
    assert result.changes.of("sent_export") == {sent.id}
    assert sending.changes_since(store) == []
    assert sending.changed_passages(store) == set()


def test_a_final_export_that_would_print_no_section_is_refused(tmp_path: Path) -> None:
    # It wrote a document with no section and recorded every draft as sent.
    store, *_ = populated(tmp_path / "p.rejoinder")  # its one response is a draft
    before = replay.can_undo(store)
    out = tmp_path / "sent.docx"
    with pytest.raises(NothingToSendError, match="still a draft"):
        export_final(store, out)
    assert not out.exists()
    assert sending.list_sent(store) == []
    assert replay.can_undo(store) == before


def test_nothing_sent_yet_is_said(tmp_path: Path) -> None:
    store, *_ = populated(tmp_path / "p.rejoinder")
    with pytest.raises(NothingSentError, match="Nothing has been sent"):
        sending.changes_since(store)
    assert sending.changed_passages(store) == set()
    assert next_revision(store) == 0


def test_edits_additions_removals_and_status_moves_are_listed(tmp_path: Path) -> None:
    store, source_id, passage_id, _response = populated(tmp_path / "p.rejoinder")
    _agreed(store, passage_id)
    second = passages.cite_quote(store, source_id, "transparency, accountability")
    responses.respond(store, second, "We agree.", position="agree")  # a draft: not printed
    export_final(store, tmp_path / "sent.docx")
    responses.respond(
        store, passage_id, "We <b>strongly</b> disagree.", position="strongly_disagree"
    )
    review.set_status(store, responses.respond(store, second), "proposed")
    third = passages.cite_quote(store, source_id, "multi-stakeholder model")
    passages.delete_passage(store, second)
    found = {(c.kind.value, c.passage_id) for c in sending.changes_since(store)}
    assert found == {
        ("edited", passage_id),
        ("position", passage_id),
        ("added", third),
        ("removed", second),
    }
    edited = next(c for c in sending.changes_since(store) if c.kind == "edited")
    assert (edited.before, edited.after) == ("We disagree.", "We strongly disagree.")
    assert sending.changed_passages(store) == {passage_id, third}
    assert sending.changed_passages(store, "nothing") == set()


def test_a_status_move_alone_is_listed_but_not_printed_in_the_revision(tmp_path: Path) -> None:
    store, source_id, passage_id, _response = populated(tmp_path / "p.rejoinder")
    _agreed(store, passage_id)
    second = passages.cite_quote(store, source_id, "transparency, accountability")
    draft = responses.respond(store, second, "We agree.", position="agree")
    export_final(store, tmp_path / "sent.docx")
    review.set_status(store, draft, "proposed")  # now it prints
    changes = sending.changes_since(store)
    assert [(c.kind.value, c.printed_before, c.printed_now) for c in changes] == [
        ("status", False, True)
    ]
    assert document_lines(changes) == [
        "Arcadia: “transparency, accountability”: quote and comment added."
    ]


def test_undoing_an_edit_takes_it_off_the_list(tmp_path: Path) -> None:
    store, _source, passage_id, _response = populated(tmp_path / "p.rejoinder")
    _agreed(store, passage_id)
    export_final(store, tmp_path / "sent.docx")
    responses.respond(store, passage_id, "Changed.")
    assert sending.changed_passages(store) == {passage_id}
    replay.undo(store)
    assert sending.changes_since(store) == []
    assert sending.changed_passages(store) == set()


def test_recording_a_final_export_is_undoable(tmp_path: Path) -> None:
    store, _source, passage_id, _response = populated(tmp_path / "p.rejoinder")
    _agreed(store, passage_id)
    export_final(store, tmp_path / "sent.docx")
    assert replay.can_undo(store) == "Record final export"
    replay.undo(store)
    assert sending.list_sent(store) == []


def test_exporting_again_writes_rev_1_with_the_list_of_changes(tmp_path: Path) -> None:
    store, _source, passage_id, _response = populated(tmp_path / "p.rejoinder")
    _agreed(store, passage_id)
    first = export_final(store, tmp_path / "sent.docx").sent
    responses.respond(store, passage_id, "We disagree, with reasons.")
    assert next_revision(store) == 1
    result = export_final(store, tmp_path / "rev1.docx", revised=True)
    assert result.sent.revision_no == 1 and result.sent.name == "Rev.1"
    tree = result.contribution
    assert tree.title == "Comments on WGDC-3 (Rev.1)"
    head = tree.sections[0]
    day = datetime.date.fromisoformat(first.sent_at[:10])
    assert head.heading == f"Changes since the version sent on {day.day} {day:%B} {day.year}"
    block = head.blocks[0]
    assert isinstance(block, ListBlock)
    assert block.items == (
        "Arcadia: “implemented to a substantial extent”: our comment was revised.",
    )
    assert [c.kind.value for c in result.listed] == ["edited"]
    assert sending.changes_since(store) == []  # compared with Rev.1 now


def test_a_corrected_resend_is_recorded_without_the_revision_mark(tmp_path: Path) -> None:
    store, _source, passage_id, _response = populated(tmp_path / "p.rejoinder")
    _agreed(store, passage_id)
    export_final(store, tmp_path / "sent.docx")
    result = export_final(store, tmp_path / "again.docx", revised=False)
    assert result.sent.revision_no == 1
    assert result.contribution.title == "Comments on WGDC-3"


def test_a_final_export_that_fails_records_nothing(tmp_path: Path) -> None:
    store, *_ = populated(tmp_path / "p.rejoinder")
    with pytest.raises(InvalidInputError):
        export_final(store, tmp_path / "sent.docx", layout="sideways")
    assert sending.list_sent(store) == []


def test_the_record_travels_in_dump_and_merge(tmp_path: Path) -> None:
    store, _source, passage_id, _response = populated(tmp_path / "p.rejoinder")
    _agreed(store, passage_id)
    copy = tmp_path / "copy.rejoinder"
    store.save_copy(copy)
    export_final(store, tmp_path / "sent.docx")
    data = json.loads(dump.dumps(store))
    assert len(data["tables"]["sent_export"]) == 1
    store.close()
    dump.load(json.dumps(data), tmp_path / "loaded.rejoinder")
    with ProjectStore.open(tmp_path / "loaded.rejoinder") as loaded:
        assert [s.sha256 for s in sending.list_sent(loaded)] == [
            data["tables"]["sent_export"][0]["sha256"]
        ]
    with ProjectStore.open(copy) as colleague:
        responses.respond(colleague, passage_id, "A colleague's text.")
        merge.merge(colleague, tmp_path / "p.rejoinder")
        assert len(sending.list_sent(colleague)) == 1
        assert [c.kind.value for c in sending.changes_since(colleague)] == ["edited"]


def test_a_forged_record_is_refused_by_load(tmp_path: Path) -> None:
    store, _source, passage_id, _response = populated(tmp_path / "p.rejoinder")
    _agreed(store, passage_id)
    export_final(store, tmp_path / "sent.docx")
    data = json.loads(dump.dumps(store))
    data["tables"]["sent_export"][0]["printed"] = json.dumps([{"passage": 1}])
    store.close()
    with pytest.raises(DumpFormatError, match="printed"):
        dump.load(json.dumps(data), tmp_path / "forged.rejoinder")


def test_snapshot_flags_what_printed(tmp_path: Path) -> None:
    store, source_id, passage_id, _response = populated(tmp_path / "p.rejoinder")
    _agreed(store, passage_id)
    unanswered = passages.cite_quote(store, source_id, "transparency, accountability")
    view = read_project(store)
    states = {s.passage: s for s in sending.snapshot(view, build_contribution(view))}
    assert states[passage_id].printed and not states[unanswered].printed
    assert states[unanswered].response is None


def test_a_passage_answered_since_is_one_change_not_three(tmp_path: Path) -> None:
    store, source_id, passage_id, _response = populated(tmp_path / "p.rejoinder")
    _agreed(store, passage_id)
    waiting = passages.cite_quote(store, source_id, "transparency, accountability")
    export_final(store, tmp_path / "sent.docx")
    responses.respond(store, waiting, "We agree.")
    assert [(c.kind.value, c.before, c.after) for c in sending.changes_since(store)] == [
        ("edited", "", "We agree.")
    ]
    responses.respond(store, waiting, position="agree")
    assert [(c.kind.value, c.after) for c in sending.changes_since(store)] == [
        ("edited", "We agree."),
        ("position", "agree"),
    ]


def test_the_revision_speaks_the_contributions_language(tmp_path: Path) -> None:
    store, _source, passage_id, _response = populated(tmp_path / "p.rejoinder")
    update_project(store, replace(project_properties(store), language="fr"))
    _agreed(store, passage_id)
    export_final(store, tmp_path / "sent.docx")
    responses.respond(store, passage_id, position="partly_agree")
    tree = export_final(store, tmp_path / "rev1.docx", revised=True).contribution
    assert tree.title == "Comments on WGDC-3 (Rev.1)"
    assert tree.sections[0].heading.startswith("Modifications depuis la version envoyée le ")
    block = tree.sections[0].blocks[0]
    assert isinstance(block, ListBlock)
    assert block.items == (
        "Arcadia\u00a0: “implemented to a substantial extent”\u00a0: notre position est passée "
        "de «\u00a0pas d’accord\u00a0» à «\u00a0partiellement d’accord\u00a0».",
    )


def test_passages_sharing_one_answer_both_change_and_neither_lacks_a_position(
    tmp_path: Path,
) -> None:
    store, source_id, owner, _response = populated(tmp_path / "p.rejoinder")
    _agreed(store, owner)
    other = passages.cite_quote(store, source_id, "transparency, accountability")
    share_answer(store, other, owner)
    export_final(store, tmp_path / "sent.docx")
    assert sending.changes_since(store) == []
    assert sending.changed_passages(store) == set()
    responses.respond(store, owner, "We disagree, for both.")
    assert {(c.kind.value, c.passage_id) for c in sending.changes_since(store)} == {
        ("edited", owner),
        ("edited", other),
    }
    assert sending.changed_passages(store) == {owner, other}
    assert responses.unpositioned_passages(store) == set()
    responses.respond(store, owner, position="")
    assert responses.unpositioned_passages(store) == {owner, other}
