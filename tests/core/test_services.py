"""The services the CLI and the GUI share."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.core import preflight
from app.core.errors import (
    AmbiguousQuoteError,
    DuplicateSourceError,
    InvalidInputError,
    NotFoundError,
    QuoteNotFoundError,
)
from app.core.journal import replay
from app.core.services import passages, responses, review, sections, sources
from app.core.store import ProjectStore
from app.importers.text import import_text
from tests.core.factories import SUBMISSION, add_text_source, make_project, populated


@pytest.fixture
def store(tmp_path: Path) -> ProjectStore:
    store = make_project(tmp_path / "p.rejoinder")
    yield store
    store.close()


def test_import_creates_a_party_section_named_after_the_source(store: ProjectStore) -> None:
    source = add_text_source(store)
    (section,) = sections.list_sections(store)
    assert section.kind == "party"
    assert section.source_id == source
    assert section.source_label == "Arcadia"
    assert section.heading == ""


def test_reference_sources_get_no_section(store: ProjectStore) -> None:
    text = "The Delhi Declaration says many things."
    sources.add_source(
        store, import_text(text), text.encode(), filename="d.txt", label="JNC", kind="reference"
    )
    assert sections.list_sections(store) == []


def test_the_same_bytes_are_refused_twice(store: ProjectStore) -> None:
    add_text_source(store)
    with pytest.raises(DuplicateSourceError, match="already imported as “Arcadia”"):
        add_text_source(store, label="Again")


def test_cite_span_keeps_code_point_offsets_after_emoji(store: ProjectStore) -> None:
    source = add_text_source(store)
    text = sources.source_text(store, source).text
    start = text.index("多方利益")
    passage_id = passages.cite_span(store, source, start, start + 4)
    (info,) = passages.list_passages(store)
    assert info.id == passage_id
    assert info.exact == "多方利益"
    assert info.paragraph_number == "3."


def test_cite_quote_errors(store: ProjectStore) -> None:
    source = add_text_source(store)
    with pytest.raises(QuoteNotFoundError):
        passages.cite_quote(store, source, "words that are not there")
    with pytest.raises(AmbiguousQuoteError):
        passages.cite_quote(store, source, "cooperation")
    with pytest.raises(NotFoundError):
        passages.cite_quote(store, "ffff", "cooperation")


def test_passages_join_the_party_section_in_order_and_can_be_reordered(
    store: ProjectStore,
) -> None:
    source = add_text_source(store)
    first = passages.cite_quote(store, source, "implemented to a substantial extent")
    second = passages.cite_quote(store, source, "transparency")
    third = passages.cite_quote(store, source, "serves everyone")
    assert [p.id for p in passages.list_passages(store)] == [first, second, third]
    passages.move_passage(store, third, 0)
    assert [p.id for p in passages.list_passages(store)] == [third, first, second]


def test_respond_keeps_revisions_and_checks_choices(store: ProjectStore) -> None:
    source = add_text_source(store)
    passage = passages.cite_quote(store, source, "transparency")
    response = responses.respond(store, passage, "We agree.")
    assert responses.respond(store, passage, "We <b>strongly</b> agree.") == response
    (revision,) = responses.revisions(store, response)
    assert revision.text == "We agree."
    with pytest.raises(InvalidInputError, match="not a position"):
        responses.respond(store, passage, position="maybe")
    with pytest.raises(InvalidInputError, match="one step at a time"):
        responses.respond(store, passage, position="Strongly disagree", status="agreed")
    responses.respond(store, passage, position="Strongly disagree", status="proposed")
    responses.respond(store, passage, status="agreed")
    (info,) = passages.list_passages(store)
    assert info.response_position == "strongly_disagree"
    assert info.response_status == "agreed"
    history = review.status_history(store, response)
    assert [(c.from_status, c.to_status) for c in history.changes] == [
        ("draft", "proposed"),
        ("proposed", "agreed"),
    ]
    with pytest.raises(InvalidInputError, match="Say why"):
        responses.respond(store, passage, status="draft")


def test_delete_and_restore_a_passage_with_its_response(store: ProjectStore) -> None:
    source = add_text_source(store)
    passage = passages.cite_quote(store, source, "transparency")
    responses.respond(store, passage, "We agree.")
    passages.delete_passage(store, passage)
    assert passages.list_passages(store) == []
    replay.undo(store)
    (info,) = passages.list_passages(store)
    assert info.response_text == "We agree."


def test_remove_and_restore_a_source(store: ProjectStore) -> None:
    source = add_text_source(store)
    passages.cite_quote(store, source, "transparency")
    sources.remove_source(store, source)
    assert sources.list_sources(store) == []
    assert sections.list_sections(store) == []
    replay.undo(store)
    assert [s.passages for s in sources.list_sources(store)] == [1]
    assert len(sections.list_sections(store)) == 1


def test_move_source_reorders_party_sections(store: ProjectStore) -> None:
    a = add_text_source(store, "First paper text.", label="A")
    b = add_text_source(store, "Second paper text.", label="B")
    topic = sections.add_section(store, "Preliminary remark")
    assert sections.list_sections(store)[0].id == topic
    sources.move_source(store, b, 0)
    assert [s.label for s in sources.list_sources(store)] == ["B", "A"]
    assert [s.source_id for s in sections.list_sections(store)] == [None, b, a]


def test_new_version_reanchors_and_lists_orphans(store: ProjectStore) -> None:
    source = add_text_source(store)
    kept = passages.cite_quote(store, source, "transparency, accountability")
    lost = passages.cite_quote(store, source, "multi-stakeholder model serves everyone")
    revised = "Revision 1\n" + SUBMISSION.replace("3. The multi-stakeholder model", "3. Nothing")
    report = sources.add_version(
        store, source, import_text(revised), revised.encode(), filename="rev1.txt"
    )
    assert report.orphans == (lost,)
    by_id = {p.id: p for p in passages.list_passages(store)}
    assert by_id[kept].exact == "transparency, accountability"
    assert by_id[kept].anchor_method == "quote"
    assert by_id[lost].orphan
    assert sources.list_sources(store)[0].version_no == 2


def test_preflight_finds_each_kind_of_problem(tmp_path: Path) -> None:
    store, source, passage, _response = populated(tmp_path / "p.rejoinder")
    unanswered = passages.cite_quote(store, source, "transparency")
    passages.set_quote(store, unanswered, "transparency and secrecy")
    target = sections.add_section(store, "Privacy")
    own = sections.add_section(store, "Security")
    sections.add_block(store, own, "cross_reference", "See ", target_section_ref=target)
    sections.delete_section(store, target)
    kinds = {p.kind for p in preflight.check(store)}
    # "Security" holds only the broken cross-reference: it prints nothing.
    assert kinds == {"unanswered", "fidelity", "draft", "cross_reference", "empty_section"}
    responses.respond(store, passage, status="proposed")
    responses.respond(store, passage, status="agreed")
    store.close()


def test_sections_and_blocks_validate_input(store: ProjectStore) -> None:
    with pytest.raises(InvalidInputError):
        sections.add_section(store, "  ")
    section = sections.add_section(store, "Privacy")
    with pytest.raises(InvalidInputError, match="refers to"):
        sections.add_block(store, section, "cross_reference", "See")
    with pytest.raises(InvalidInputError, match="itself"):
        sections.add_block(store, section, "cross_reference", "See", target_section_ref=section)
    block = sections.add_block(store, section, "list", "One\nTwo <u>three</u>")
    sections.update_block(store, block, numbered=False)
    sections.update_section(store, section, opening="We support <i>this</i>.")
    assert sections.list_sections(store)[0].opening == "We support <i>this</i>."


def test_blocks_are_listed_moved_deleted_and_restored(store: ProjectStore) -> None:
    section = sections.add_section(store, "Privacy")
    first = sections.add_block(store, section, "paragraph", "One.")
    second = sections.add_block(store, section, "list", "a\nb", numbered=False)
    assert [(b.id, b.kind, b.numbered) for b in sections.list_blocks(store, section)] == [
        (first, "paragraph", True),
        (second, "list", False),
    ]
    sections.move_block(store, second, 0)
    assert [b.id for b in sections.list_blocks(store)] == [second, first]
    sections.delete_block(store, first)
    assert [b.id for b in sections.list_blocks(store)] == [second]
    replay.undo(store)
    assert len(sections.list_blocks(store)) == 2


def test_citation_blocks_count_their_live_passages(store: ProjectStore) -> None:
    source = add_text_source(store)
    kept = passages.cite_quote(store, source, "transparency")
    gone = passages.cite_quote(store, source, "serves everyone")
    passages.delete_passage(store, gone)
    (block,) = sections.list_blocks(store)
    assert block.kind == "citations" and block.passages == 1
    assert passages.get_passage(store, kept) is not None


def test_place_passage_in_another_section_and_back(store: ProjectStore) -> None:
    source = add_text_source(store)
    passage = passages.cite_quote(store, source, "transparency")
    responses.respond(store, passage, "We agree.", proposed_change="Add <u>openness</u>.")
    (info,) = passages.list_passages(store)
    assert info.proposed_change == "Add <u>openness</u>."
    party_section = info.section_id
    topic = sections.add_section(store, "Transparency")
    passages.place_passage(store, passage, topic)
    assert passages.list_passages(store)[0].section_id == topic
    replay.undo(store)
    assert passages.list_passages(store)[0].section_id == party_section


def test_get_passage_and_passage_for_response(store: ProjectStore) -> None:
    source = add_text_source(store)
    passage = passages.cite_quote(store, source, "transparency")
    response = responses.respond(store, passage, "We agree.")
    info = passages.get_passage(store, passage)
    assert info is not None and info.response_id == response
    found = passages.passage_for_response(store, response)
    assert found is not None and found.id == passage
    passages.delete_passage(store, passage)
    assert passages.get_passage(store, passage) is None
