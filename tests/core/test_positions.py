"""A response answered without a position is found, by check and by the passage list."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from app.core import preflight
from app.core.journal import replay
from app.core.services import passages, responses
from app.core.services.source_list import UNPOSITIONED_SQL, unpositioned
from tests.core.factories import add_text_source, make_project


def test_a_new_response_has_no_position_until_one_is_chosen(tmp_path: Path) -> None:
    store = make_project(tmp_path / "p.rejoinder")
    source = add_text_source(store)
    passage = passages.cite_quote(store, source, "implemented to a substantial extent")
    responses.respond(store, passage, "We disagree.")
    assert passages.get_passage(store, passage).response_position == ""
    problems = [p for p in preflight.check(store) if p.kind == "no_position"]
    assert [p.message for p in problems] == [
        "The response to Arcadia: “implemented to a substantial extent” has no position "
        "(agree, disagree, …)."
    ]
    responses.respond(store, passage, position="disagree")
    assert [p for p in preflight.check(store) if p.kind == "no_position"] == []
    replay.undo(store)
    assert [p.kind for p in preflight.check(store)].count("no_position") == 1


def test_an_empty_response_or_a_chosen_note_is_not_flagged(tmp_path: Path) -> None:
    store = make_project(tmp_path / "p.rejoinder")
    source = add_text_source(store)
    empty = passages.cite_quote(store, source, "implemented to a substantial extent")
    responses.respond(store, empty, "")
    noted = passages.cite_quote(store, source, "transparency, accountability")
    responses.respond(store, noted, "Noted.", position="note")
    assert [p for p in preflight.check(store) if p.kind == "no_position"] == []


def test_the_passage_list_finds_them_without_the_orm(tmp_path: Path) -> None:
    store = make_project(tmp_path / "p.rejoinder")
    source = add_text_source(store)
    first = passages.cite_quote(store, source, "implemented to a substantial extent")
    responses.respond(store, first, "We disagree.")
    second = passages.cite_quote(store, source, "transparency, accountability")
    responses.respond(store, second, "We agree.", position="agree")
    deleted = passages.cite_quote(store, source, "multi-stakeholder model")
    responses.respond(store, deleted, "Hm.")
    passages.delete_passage(store, deleted)
    store.close()
    with sqlite3.connect(tmp_path / "p.rejoinder") as conn:
        rows = unpositioned(conn.execute(UNPOSITIONED_SQL))
    assert [(r.passage_id, r.source_id, r.label, r.status) for r in rows] == [
        (first, source, "Arcadia", "draft")
    ]
