"""What changed since sent, read from the rows: section settings count, as the export sees.

``changes_since`` no longer builds the contribution tree; these tests hold
its reading of "what prints, and how" to the export's own (``snapshot`` of
``build_contribution``), and show that a section setting that changes how an
answer prints (``--shared-as-reference``) is listed as a change.
"""

from __future__ import annotations

from pathlib import Path

from app.core import sending
from app.core.contribution import build_contribution, read_project
from app.core.sending import diff
from app.core.sending.revised import document_lines
from app.core.services import passages, responses, review, sections, shared_answers
from app.core.store import ProjectStore
from app.exporters.final import export_final
from tests.core.factories import add_text_source, make_project

EU = (
    "1. We refer to our comments above on the contribution from the European Union.\n"
    "2. Spectrum for satellites deserves a study of its own.\n"
)
JAPAN = (
    "1. We refer to our comments above on the contribution from Japan.\n"
    "2. The group should meet twice a year.\n"
)


def _agreed(store: ProjectStore, passage_id: str, text: str) -> None:
    response_id = responses.respond(store, passage_id, text, position="agree")
    for status in ("proposed", "agreed"):
        review.set_status(store, response_id, status)


def _shared(tmp_path: Path) -> tuple[ProjectStore, str, str, str]:
    store = make_project(tmp_path / "p.rejoinder")
    eu = add_text_source(store, EU, "European Union")
    japan = add_text_source(store, JAPAN, "Japan")
    first = passages.cite_quote(store, eu, "We refer to our comments above")
    second = passages.cite_quote(store, japan, "We refer to our comments above")
    _agreed(store, first, "We <b>agree</b>.")
    shared_answers.share_answer(store, second, first)
    japan_section = next(s.id for s in sections.list_sections(store) if s.source_id == japan)
    return store, first, second, japan_section


def test_printing_shared_answers_as_a_reference_is_a_change_since_sent(tmp_path: Path) -> None:
    store, first, second, japan_section = _shared(tmp_path)
    with store:
        export_final(store, tmp_path / "sent.docx")
        assert sending.changes_since(store) == []
        sections.update_section(store, japan_section, shared_as_reference=True)
        [change] = sending.changes_since(store)
        assert (change.kind, change.passage_id, change.before, change.after) == (
            sending.ChangeKind.FORM,
            second,
            "text",
            "reference",
        )
        assert change.printed_before and change.printed_now
        assert sending.changed_passages(store) == {second}  # the passages panel's mark
        assert document_lines([change]) == [
            "Japan: “We refer to our comments above”: our comment was revised."
        ]
        sections.update_section(store, japan_section, shared_as_reference=False)
        assert sending.changes_since(store) == []
        assert sending.changed_passages(store) == set()
        del first


def test_the_rows_say_what_prints_as_the_export_does(tmp_path: Path) -> None:
    """Drafts, highlights, a deleted section, shared answers and references."""
    store, first, second, japan_section = _shared(tmp_path)
    with store:
        eu = passages.list_passages(store)[0].source_id
        draft = passages.cite_quote(store, eu, "Spectrum for satellites")
        responses.respond(store, draft, "Still thinking.")
        highlight = passages.cite_quote(store, eu, "deserves a study")
        response_id = responses.respond(store, highlight, "", position="agree")
        review.set_status(store, response_id, "proposed")
        topic = sections.add_section(store, "Meetings")
        japan = passages.list_passages(store)[-1].source_id
        in_topic = passages.cite_quote(store, japan, "The group should meet twice a year")
        _agreed(store, in_topic, "Once is enough.")
        passages.place_passage(store, in_topic, topic)
        sections.update_section(store, japan_section, shared_as_reference=True)
        states: dict[str, object] = {}

        def compare() -> None:
            view = read_project(store)
            expected = {s.passage: s for s in sending.snapshot(view, build_contribution(view))}
            assert diff._now_states(store) == expected
            states.update(expected)

        compare()
        assert states[second].form == "reference"  # type: ignore[attr-defined]
        assert states[highlight].printed and not states[draft].printed  # type: ignore[attr-defined]
        assert states[in_topic].printed  # type: ignore[attr-defined]
        sections.delete_section(store, topic)
        compare()
        assert not states[in_topic].printed  # type: ignore[attr-defined]
        del first
