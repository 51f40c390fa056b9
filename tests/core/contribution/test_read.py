"""The read model: what prints, under which lead-in, and what is left out and why."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.core import preflight
from app.core.contribution import (
    LeftOutReason,
    build_contribution,
    contribution,
    read_project,
    section_headings,
)
from app.core.contribution.model import CitationsBlock, CrossReferenceBlock
from app.core.services import passages, responses, sections
from app.core.store import ProjectStore
from tests.core.factories import SUBMISSION, add_text_source


def _project(tmp_path: Path, language: str = "en") -> ProjectStore:
    return ProjectStore.create(
        tmp_path / "p.rejoinder",
        title="Comments",
        organisation="Borealis",
        language=language,
        date="2026-12-02",
    )


def _cite(store: ProjectStore, source: str, quote: str, text: str, status: str) -> str:
    passage = passages.cite_quote(store, source, quote)
    responses.respond(store, passage, text or None)
    # The workflow moves one step at a time: draft → proposed → agreed.
    for step in ("proposed", "agreed"):
        if status == "draft" or (step == "agreed" and status == "proposed"):
            break
        responses.respond(store, passage, status=step)
    return passage


def test_passages_without_comment_print_as_highlights_under_their_own_lead_in(
    tmp_path: Path,
) -> None:
    with _project(tmp_path) as store:
        source = add_text_source(store)
        commented = _cite(store, source, "transparency", "We agree.", "agreed")
        one = _cite(store, source, "accountability", "", "agreed")
        tree = contribution(store)
        (section,) = tree.sections
        cited, highlighted = section.blocks
        assert isinstance(cited, CitationsBlock) and isinstance(highlighted, CitationsBlock)
        assert cited.lead_in == "We cite the following portions of this paper:"
        assert [c.quote.passage_id for c in cited.citations] == [commented]
        assert highlighted.lead_in == "We highlight this part of the paper:"
        assert [c.quote.passage_id for c in highlighted.citations] == [one]
        assert not highlighted.numbered
        two = _cite(store, source, "multi-stakeholder", "", "proposed")
        (section,) = contribution(store).sections
        highlighted = section.blocks[1]
        assert isinstance(highlighted, CitationsBlock)
        assert highlighted.lead_in == "We highlight the following parts of the paper:"
        assert [c.quote.passage_id for c in highlighted.citations] == [one, two]
        assert highlighted.numbered


def test_markup_without_letters_is_an_empty_response_everywhere(tmp_path: Path) -> None:
    with _project(tmp_path) as store:
        source = add_text_source(store)
        passage = _cite(store, source, "transparency", "<b> </b>", "agreed")
        (section,) = contribution(store).sections
        (block,) = section.blocks
        assert isinstance(block, CitationsBlock) and block.citations[0].comment is None
        assert block.lead_in == "We highlight this part of the paper:"
        assert not [p for p in preflight.check(store) if p.target_id == passage]


def test_a_lead_in_can_be_removed_and_given_back(tmp_path: Path) -> None:
    with _project(tmp_path) as store:
        source = add_text_source(store)
        _cite(store, source, "transparency", "We agree.", "agreed")
        (block_id,) = [b.id for b in sections.list_blocks(store) if b.kind == "citations"]
        sections.update_block(store, block_id, lead_in="", lead_in_shown=False)
        (block,) = contribution(store).sections[0].blocks
        assert isinstance(block, CitationsBlock) and block.lead_in == ""
        assert block.comments_lead_in == "We comment on these statements as follows:"
        sections.update_block(store, block_id, lead_in_shown=True)
        (block,) = contribution(store).sections[0].blocks
        assert isinstance(block, CitationsBlock)
        assert block.lead_in == "We cite the following portions of this paper:"


def test_drafts_take_their_quote_along_and_empty_sections_are_left_out(tmp_path: Path) -> None:
    with _project(tmp_path) as store:
        first = add_text_source(store, label="Arcadia")
        second = add_text_source(store, SUBMISSION + "Borealis.", label="Borealis")
        draft = _cite(store, first, "transparency", "We might agree.", "draft")
        kept = _cite(store, first, "accountability", "We agree.", "agreed")
        nothing = passages.cite_quote(store, second, "transparency")
        tree = contribution(store)
        assert [s.heading for s in tree.sections] == ["Contribution from Arcadia"]
        (block,) = tree.sections[0].blocks
        assert isinstance(block, CitationsBlock)
        assert [c.quote.passage_id for c in block.citations] == [kept]
        assert {(x.passage_id, x.reason) for x in tree.left_out} == {
            (draft, LeftOutReason.DRAFT),
            (nothing, LeftOutReason.UNANSWERED),
        }
        assert [h for _id, h in tree.empty_sections] == ["Contribution from Borealis"]
        kinds = {p.kind for p in preflight.check(store)}
        assert "empty_section" in kinds
        with_drafts = contribution(store, include_drafts=True)
        (block,) = with_drafts.sections[0].blocks
        assert isinstance(block, CitationsBlock) and len(block.citations) == 2


@pytest.mark.parametrize(
    ("language", "label", "expected"),
    [
        ("en", "the EU", "We refer to our comments above on the contribution from the EU."),
        (
            "fr",
            "les États-Unis",
            "Nous renvoyons à nos observations ci-dessus sur la contribution des États-Unis.",
        ),
        (
            "es",
            "el Japón",
            "Nos remitimos a nuestras observaciones anteriores sobre la contribución del Japón.",
        ),
    ],
)
def test_a_cross_reference_prints_the_phrasebook_sentence_with_the_party_name(
    tmp_path: Path, language: str, label: str, expected: str
) -> None:
    with _project(tmp_path, language) as store:
        target_source = add_text_source(store, label=label)
        other = add_text_source(store, SUBMISSION + "Arcadia.", label="Arcadia")
        _cite(store, target_source, "transparency", "Yes.", "agreed")
        _cite(store, other, "transparency", "Yes.", "agreed")
        target, referring = [s.id for s in sections.list_sections(store)]
        # A custom heading is never what a cross-reference names.
        sections.update_section(store, target, heading="Their paper")
        block = sections.add_block(store, referring, "cross_reference", target_section_ref=target)
        tree = contribution(store)
        xref = next(b for b in tree.sections[1].blocks if isinstance(b, CrossReferenceBlock))
        assert xref.markup == expected
        sections.update_block(store, block, text="Voir {party}, déjà commenté.")
        tree = contribution(store)
        xref = next(b for b in tree.sections[1].blocks if isinstance(b, CrossReferenceBlock))
        assert xref.markup.startswith("Voir ") and label.split()[-1] in xref.markup


def test_check_flags_a_cross_reference_to_a_section_that_prints_nothing(tmp_path: Path) -> None:
    with _project(tmp_path) as store:
        empty_source = add_text_source(store, label="Borealis")
        topic = sections.add_section(store, "Preliminary remark")
        sections.add_block(store, topic, "paragraph", "We open.")
        party = next(s.id for s in sections.list_sections(store) if s.source_id == empty_source)
        block = sections.add_block(store, topic, "cross_reference", target_section_ref=party)
        found = [p for p in preflight.check(store) if p.kind == "cross_reference"]
        assert [(p.target_id, "prints nothing" in p.message) for p in found] == [(block, True)]
        assert not any(
            isinstance(b, CrossReferenceBlock) for b in contribution(store).sections[0].blocks
        )


def test_headings_are_localised_for_every_reader(tmp_path: Path) -> None:
    with _project(tmp_path, "fr") as store:
        add_text_source(store, label="le Japon")
        assert list(section_headings(store).values()) == ["Contribution du Japon"]
        assert read_project(store).sections[0].heading == "Contribution du Japon"


def test_a_text_source_has_no_page_but_a_paragraph_number(tmp_path: Path) -> None:
    with _project(tmp_path) as store:
        source = add_text_source(store)
        _cite(store, source, "transparency", "Yes.", "agreed")
        (block,) = contribution(store).sections[0].blocks
        assert isinstance(block, CitationsBlock)
        quote = block.citations[0].quote
        assert quote.page_label is None
        assert quote.paragraph_number


def test_the_date_is_written_in_the_project_language(tmp_path: Path) -> None:
    with _project(tmp_path, "es") as store:
        assert contribution(store).date == "2 de diciembre de 2026"


def test_a_chain_of_cross_references_to_nothing_prints_nothing(tmp_path: Path) -> None:
    """Settling which sections print takes two rounds: C refers to B, B only to empty A."""
    with _project(tmp_path) as store:
        empty_source = add_text_source(store, label="Borealis")
        a = next(s.id for s in sections.list_sections(store) if s.source_id == empty_source)
        b = sections.add_section(store, "Second")
        sections.add_block(store, b, "cross_reference", target_section_ref=a)
        c = sections.add_section(store, "Third")
        sections.add_block(store, c, "cross_reference", target_section_ref=b)
        d = sections.add_section(store, "Fourth")
        sections.add_block(store, d, "paragraph", "We close.")
        tree = contribution(store)
    assert [s.section_id for s in tree.sections] == [d]
    assert {section_id for section_id, _ in tree.empty_sections} == {a, b, c}


def test_the_same_view_and_choices_give_the_same_tree_once_built(tmp_path: Path) -> None:
    with _project(tmp_path) as store:
        source = add_text_source(store)
        _cite(store, source, "transparency", "Yes.", "draft")
        view = read_project(store)
    final = build_contribution(view)
    assert build_contribution(view) is final
    with_drafts = build_contribution(view, include_drafts=True)
    assert with_drafts is not final and with_drafts.include_drafts
    assert build_contribution(view) is final
