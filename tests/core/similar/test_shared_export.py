"""A shared answer prints under each of its passages, or as a cross-reference (issue 16 §2)."""

from __future__ import annotations

from pathlib import Path

from app.core.contribution import build_contribution, read_project
from app.core.contribution.model import CitationsBlock
from app.core.services import passages, responses, sections, shared_answers, sources
from tests.core.factories import add_text_source, make_project

EU = "1. We refer to our comments above on the contribution from the European Union.\n"
JAPAN = "1. We refer to our comments above on the contribution from Japan.\n"


def _comments(store: object) -> dict[str, str]:
    """Passage id → the comment markup the export prints for it."""
    tree = build_contribution(read_project(store))  # type: ignore[arg-type]
    found: dict[str, str] = {}
    for section in tree.sections:
        for block in section.blocks:
            if isinstance(block, CitationsBlock):
                for citation in block.citations:
                    if citation.comment is not None:
                        found[citation.quote.passage_id] = citation.comment.markup
    return found


def test_each_shared_passage_prints_the_text_or_the_phrasebooks_reference(tmp_path: Path) -> None:
    store = make_project(tmp_path / "p.rejoinder")
    eu = add_text_source(store, EU, "European Union")
    japan = add_text_source(store, JAPAN, "Japan")
    first = passages.cite_quote(store, eu, "We refer to our comments above")
    second = passages.cite_quote(store, japan, "We refer to our comments above")
    responses.respond(store, first, "We <b>agree</b>.", status="proposed")
    responses.respond(store, first, status="agreed")
    shared_answers.share_answer(store, second, first)
    assert _comments(store) == {first: "We <b>agree</b>.", second: "We <b>agree</b>."}
    japan_section = next(s.id for s in sections.list_sections(store) if s.source_id == japan)
    sections.update_section(store, japan_section, shared_as_reference=True)
    printed = _comments(store)
    assert printed[first] == "We <b>agree</b>."
    assert "European Union" in printed[second] and "agree" not in printed[second]
    assert printed[second].startswith("We refer to our comments")
    assert {s.label for s in sources.list_sources(store)} == {"European Union", "Japan"}
