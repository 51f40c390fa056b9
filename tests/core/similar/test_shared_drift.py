"""`check` reports a shared answer whose passages a revised version moved apart (issue 16 §2).

Built the way a delegate meets it: two parties say the same sentence, one
answer is shared, then one party issues a Rev.1 that rewords its sentence.
The passage is re-attached to the new words by a fuzzy match (which only
accepts words at least 0.75 alike), so the check has to fire on a drift of
that size: with the earlier threshold (0.6) it never could.
"""

from __future__ import annotations

from pathlib import Path

from app.core.preflight import check
from app.core.services import passages, responses, shared_answers, sources
from app.core.store import ProjectStore
from app.importers.text import import_text
from tests.core.factories import add_text_source, make_project

QUOTE = (
    "We refer to our comments above on the contribution from the European Union "
    "on enhanced cooperation"
)
REWORDED = (
    "We no longer refer to those comments on the contribution from the European Union, "
    "on spectrum instead"
)
JAPAN = (
    "Contribution from Japan\n\n1. Japan welcomes the work of the group.\n\n"
    f"2. {QUOTE}.\n\n3. The group should report next year.\n"
)
CANADA = (
    "Contribution from Canada\n\n1. Canada thanks the chair for the questionnaire.\n\n"
    f"2. {QUOTE}.\n\n3. Canada looks forward to the report.\n"
)


def _shared_problems(store: ProjectStore) -> list[str]:
    return [p.message for p in check(store) if p.kind == "shared_answer"]


def test_a_revised_version_that_rewords_a_shared_passage_is_reported(tmp_path: Path) -> None:
    with make_project(tmp_path / "p.rejoinder") as store:
        japan = add_text_source(store, JAPAN, "Japan")
        canada = add_text_source(store, CANADA, "Canada")
        first = passages.cite_quote(store, japan, QUOTE)
        second = passages.cite_quote(store, canada, QUOTE)
        responses.respond(store, first, "We agree.", position="agree")
        shared_answers.share_answer(store, second, first)
        assert _shared_problems(store) == []

        # Canada's Rev.1 says something else in that place; an unrelated edit elsewhere
        # in Japan's Rev.1 moves nothing.
        revised = CANADA.replace(QUOTE, REWORDED)
        report = sources.add_version(
            store, canada, import_text(revised), revised.encode(), filename="canada-rev1.txt"
        )
        [placement] = report.placements
        assert (placement.passage_id, placement.kind) == (second, "fuzzy")
        other = JAPAN.replace("welcomes", "warmly welcomes")
        sources.add_version(store, japan, import_text(other), other.encode(), filename="j1.txt")

        [message] = _shared_problems(store)
        assert message.startswith("2 passages share one answer")


def test_passages_sharing_an_answer_on_purpose_are_not_reported(tmp_path: Path) -> None:
    """Different points answered alike from the start have not drifted: nothing to check."""
    with make_project(tmp_path / "p.rejoinder") as store:
        japan = add_text_source(store, JAPAN, "Japan")
        canada = add_text_source(store, CANADA, "Canada")
        first = passages.cite_quote(store, japan, "Japan welcomes the work of the group")
        second = passages.cite_quote(store, canada, "Canada looks forward to the report")
        responses.respond(store, first, "Noted.", position="note")
        shared_answers.share_answer(store, second, first)
        revised = CANADA.replace("Canada thanks", "Canada warmly thanks")
        sources.add_version(
            store, canada, import_text(revised), revised.encode(), filename="canada-rev1.txt"
        )
        assert _shared_problems(store) == []
