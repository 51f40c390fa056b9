"""The Sources list counts a passage answered as ``check`` does, shared answers included."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from app.core import preflight
from app.core.journal import replay
from app.core.services import passages, responses, shared_answers, sources
from app.core.services.source_list import SOURCES_SQL, source_infos
from app.core.store import ProjectStore
from tests.core.factories import add_text_source, make_project

TEXT = (
    "1. Enhanced cooperation should be implemented to a substantial extent by every "
    "stakeholder. Transparency and accountability matter. The forum should meet yearly.\n"
)


def _counts(path: Path) -> dict[str, tuple[int, int]]:
    """(passages, answered) by label, as the command line reads them (plain sqlite3)."""
    with sqlite3.connect(path) as conn:
        return {i.label: (i.passages, i.answered) for i in source_infos(conn.execute(SOURCES_SQL))}


def _unanswered(store: ProjectStore) -> int:
    return [p.kind for p in preflight.check(store)].count("unanswered")


def test_a_passage_sharing_an_answer_is_answered_in_sources_and_check(tmp_path: Path) -> None:
    path = tmp_path / "p.rejoinder"
    store = make_project(path)
    arcadia = add_text_source(store, TEXT, "Arcadia")
    borealis = add_text_source(store, TEXT.replace("yearly", "every year"), "Borealis")
    first = passages.cite_quote(store, arcadia, "implemented to a substantial extent")
    responses.respond(store, first, "We agree.")
    second = passages.cite_quote(store, borealis, "implemented to a substantial extent")
    passages.cite_quote(store, borealis, "Transparency and accountability matter.")
    assert _counts(path) == {"Arcadia": (1, 1), "Borealis": (2, 0)}
    assert _unanswered(store) == 2

    shared_answers.share_answer(store, second, first)
    assert _counts(path) == {"Arcadia": (1, 1), "Borealis": (2, 1)}
    by_session = {i.label: (i.passages, i.answered) for i in sources.list_sources(store)}
    assert by_session == _counts(path)
    assert _unanswered(store) == 1  # the same passage is the one left, for both

    replay.undo(store)
    assert _counts(path) == {"Arcadia": (1, 1), "Borealis": (2, 0)}
    assert _unanswered(store) == 2


def test_a_highlight_is_answered_and_an_empty_draft_is_not(tmp_path: Path) -> None:
    path = tmp_path / "p.rejoinder"
    store = make_project(path)
    arcadia = add_text_source(store, TEXT, "Arcadia")
    draft = passages.cite_quote(store, arcadia, "implemented to a substantial extent")
    responses.respond(store, draft, "")
    highlight = passages.cite_quote(store, arcadia, "Transparency and accountability matter.")
    responses.respond(store, highlight, "", status="proposed")
    assert _counts(path) == {"Arcadia": (2, 1)}
    assert _unanswered(store) == 1
