"""Writes grouped in one transaction (``rejoinder batch``): one commit, still one operation each."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from app.core import dump
from app.core.errors import InvalidInputError
from app.core.journal import replay
from app.core.services import passages, responses, sections
from app.core.store import ProjectStore
from tests.core.factories import add_text_source, make_project


def _on_disk(path: Path, sql: str) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


@pytest.fixture
def store(tmp_path: Path) -> ProjectStore:
    store = make_project(tmp_path / "p.rejoinder")
    yield store
    store.close()


def test_a_group_commits_once_and_journals_each_write_as_its_own_operation(
    store: ProjectStore,
) -> None:
    source = add_text_source(store)
    before = dump.dumps(store)
    with store.group():
        first = passages.cite_quote(store, source, "implemented to a substantial extent")
        responses.respond(store, first, "We <b>agree</b>.", position="agree")
        second = passages.cite_quote(store, source, "transparency, accountability")
        # Reads inside the group see its writes, and leave the group's transaction alone.
        assert {p.id for p in passages.list_passages(store)} == {first, second}
        assert _on_disk(store.path, "SELECT count(*) FROM passage") == [(0,)]
    assert _on_disk(store.path, "SELECT count(*) FROM passage") == [(2,)]
    labels = [line.label for line in replay.history(store)]
    assert labels[:3] == ["Cite passage", "Edit response", "Cite passage"]
    for _ in range(3):
        replay.undo(store)
    assert dump.dumps(store) == before


def test_a_write_failing_half_way_in_a_group_is_rolled_back_alone(store: ProjectStore) -> None:
    source = add_text_source(store)
    passage = passages.cite_quote(store, source, "implemented to a substantial extent")
    responses.respond(store, passage, "We agree.", position="agree")
    entries = len(replay.history(store, limit=100))
    with store.group():
        sections.add_section(store, "One")
        with pytest.raises(InvalidInputError):
            # The text is changed (and a revision kept) before the status step is refused.
            responses.respond(store, passage, "We now disagree.", status="agreed")
        sections.add_section(store, "Two")
    headings = [h for (h,) in _on_disk(store.path, "SELECT heading FROM section") if h]
    assert sorted(headings) == ["One", "Two"]
    assert _on_disk(store.path, "SELECT text FROM response") == [("We agree.",)]
    assert _on_disk(store.path, "SELECT count(*) FROM revision") == [(0,)]
    history = replay.history(store, limit=100)
    assert len(history) == entries + 2
    assert [line.label for line in history[:2]] == ["Add section", "Add section"]


def test_the_first_write_of_a_group_ends_what_could_be_redone(store: ProjectStore) -> None:
    sections.add_section(store, "Kept")
    sections.add_section(store, "Undone")
    replay.undo(store)
    assert replay.can_redo(store) == "Add section"
    with store.group():
        sections.add_section(store, "New")
        sections.add_section(store, "Newer")
    assert replay.can_redo(store) is None
    assert [line.label for line in replay.history(store)][:3] == ["Add section"] * 3


def _placed(path: Path) -> list[tuple[object, ...]]:
    return _on_disk(
        path, "SELECT exact, block_id, ordinal, deleted_at IS NULL FROM passage ORDER BY ordinal"
    )


def test_citations_of_a_group_number_on_as_if_each_ran_alone(
    store: ProjectStore, tmp_path: Path
) -> None:
    """Kept look-ups (version, section, block, next ordinal) never outlive what they saw."""
    source = add_text_source(store)
    with store.group():
        passages.cite_quote(store, source, "implemented to a substantial extent")
        with pytest.raises(RuntimeError), store.write("Cite passage"):
            # A citation rolled back with its savepoint leaves no ordinal taken.
            passages.cite_quote(store, source, "transparency")
            raise RuntimeError("the line fails after citing")
        second = passages.cite_quote(store, source, "multistakeholder")
        passages.delete_passage(store, second)
        passages.cite_quote(store, source, "transparency")
        # A section of its own for the source's next passages: a new block there.
        own = sections.add_section(store, "Own")
        passages.cite_quote(store, source, "multistakeholder", section_ref=own)
    rows = _placed(store.path)
    assert sorted((str(e)[:5], o, live) for e, _b, o, live in rows) == [
        ("imple", 0, 1),
        ("multi", 0, 1),  # the new section's block
        ("multi", 1, 0),  # 1: the rolled-back citation took no number
        ("trans", 1, 1),  # 1 again: the deleted passage's number is free
    ]
    assert len({block for _e, block, _o, _l in rows}) == 2
    # The same lines, each alone, give the same numbering.
    alone = make_project(tmp_path / "alone.rejoinder")
    try:
        other = add_text_source(alone)
        passages.cite_quote(alone, other, "implemented to a substantial extent")
        gone = passages.cite_quote(alone, other, "multistakeholder")
        passages.delete_passage(alone, gone)
        passages.cite_quote(alone, other, "transparency")
        mine = sections.add_section(alone, "Own")
        passages.cite_quote(alone, other, "multistakeholder", section_ref=mine)
        expected = sorted((e, o, live) for e, _b, o, live in _placed(alone.path))
    finally:
        alone.close()
    assert sorted((e, o, live) for e, _b, o, live in rows) == expected
