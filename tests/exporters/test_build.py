"""The contribution tree built from a project: defaults, renames, drafts, notes."""

from __future__ import annotations

from pathlib import Path

from app.core.contribution import contribution as build_contribution
from app.core.contribution.model import CitationsBlock, CrossReferenceBlock
from app.core.models import Note
from app.core.services import passages, responses, sections, sources
from app.core.store import ProjectStore
from app.exporters.export import plain_text, preview_html
from tests.core.factories import add_text_source


def _project(tmp_path: Path, language: str = "en") -> ProjectStore:
    return ProjectStore.create(
        tmp_path / "p.rejoinder", title="Comments", organisation="Borealis", language=language
    )


def test_party_heading_and_lead_ins_follow_the_project_language(tmp_path: Path) -> None:
    with _project(tmp_path, "fr") as store:
        source = add_text_source(store)
        passage = passages.cite_quote(store, source, "transparency")
        responses.respond(store, passage, "Nous sommes d'accord.", status="proposed")
        responses.respond(store, passage, status="agreed")
        tree = build_contribution(store)
    (section,) = tree.sections
    assert section.heading.startswith("Contribution") and "Arcadia" in section.heading
    (block,) = section.blocks
    assert isinstance(block, CitationsBlock)
    assert block.lead_in != "We cite the following portions of this paper:"
    assert tree.language == "fr"


def test_renaming_a_source_renames_its_section_and_cross_references(tmp_path: Path) -> None:
    with _project(tmp_path) as store:
        source = add_text_source(store)
        passage = passages.cite_quote(store, source, "transparency")
        responses.respond(store, passage, "We agree.", status="proposed")
        responses.respond(store, passage, status="agreed")
        topic = sections.add_section(store, "Preliminary remark")
        party = next(s.id for s in sections.list_sections(store) if s.kind == "party")
        sections.add_block(
            store,
            topic,
            "cross_reference",
            "See our comments on the paper of ",
            target_section_ref=party,
            after_text=".",
        )
        sources.rename_source(store, source, "Republic of Arcadia")
        tree = build_contribution(store)
    own, theirs = tree.sections
    assert theirs.heading == "Contribution from Republic of Arcadia"
    (xref,) = own.blocks
    assert isinstance(xref, CrossReferenceBlock)
    assert xref.markup == "See our comments on the paper of Republic of Arcadia."


def test_drafts_are_flagged_and_notes_only_reach_the_review_copy(tmp_path: Path) -> None:
    with _project(tmp_path) as store:
        source = add_text_source(store)
        passage = passages.cite_quote(store, source, "transparency")
        responses.respond(store, passage, "We might agree.")
        with store.write() as session:
            session.add(Note(target_kind="passage", target_id=passage, text="Check with capital."))
        final = build_contribution(store)
        review = build_contribution(store, review_copy=True, include_drafts=True)
        assert "We might agree." not in plain_text(store)
        assert "We might agree." in preview_html(store)
    # The excluded draft takes its quote along; the section has nothing left to print.
    assert final.sections == ()
    assert [(x.passage_id, x.reason) for x in final.left_out] == [(passage, "draft")]
    assert [heading for _id, heading in final.empty_sections] == ["Contribution from Arcadia"]
    (review_block,) = review.sections[0].blocks
    assert isinstance(review_block, CitationsBlock)
    citation = review_block.citations[0]
    assert citation.comment is not None and citation.comment.draft
    assert [n.text for n in citation.quote.notes] == ["Check with capital."]


def test_a_preview_past_its_limit_shows_only_the_section_in_focus(tmp_path: Path) -> None:
    with _project(tmp_path) as store:
        first = sections.add_section(store, "Preliminary remark")
        second = sections.add_section(store, "Closing remark")
        sections.update_section(store, first, opening="We thank the Chair.")
        sections.update_section(store, second, opening="We look forward to the work.")
        whole = preview_html(store)
        assert "We thank the Chair." in whole and "We look forward" in whole
        focused = preview_html(store, focus=second, limit=1)
        assert "We look forward" in focused and "We thank the Chair." not in focused
        first_only = preview_html(store, focus=None, limit=1)
        assert "We thank the Chair." in first_only and "We look forward" not in first_only
        assert preview_html(store, focus=second, limit=2) == whole
