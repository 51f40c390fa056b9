"""Every kind a member edits, not only responses: the second writer gets a conflict.

Two connections to one real PostgreSQL, two members' windows: both read an
item's version, the first saves, the second's save names the version it
read and meets the first's. Nothing is overwritten: the first's value stays,
the second's is a conflict as a merge keeps one, and choosing it settles it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from app.core import rowversion
from app.core.errors import EditConflictError
from app.core.homes import open_home
from app.core.merge import list_conflicts, resolve_conflict
from app.core.server.transfer import publish
from app.core.services import notes, passages, review, sections
from app.core.store import ProjectStore
from tests.core.factories import populated


@pytest.fixture
def team(
    tmp_path: Path, pg_url: str
) -> Iterator[tuple[ProjectStore, ProjectStore, dict[str, str]]]:
    store, _source, passage, response = populated(tmp_path / "p.rejoinder")
    with store:
        note = notes.add_note(store, passage, "A first note.")
        section = sections.list_sections(store)[0].id
        topic = sections.add_section(store, "Privacy")
        block = sections.add_block(store, section, "paragraph", text="An opening paragraph.")
        sections.add_block(store, section, "paragraph", text="A second paragraph.")
    publish(tmp_path / "p.rejoinder", pg_url)
    ids = {"passage": passage, "response": response, "note": note, "section": section}
    ids.update(topic=topic, block=block)
    with open_home(pg_url) as alice, open_home(pg_url) as bob:
        yield alice, bob, ids


Edit = Callable[[ProjectStore, object, int | None], None]

CASES: dict[str, tuple[str, str, Edit, Edit]] = {
    "note text": (
        "note",
        "note",
        lambda s, i, v: notes.edit_note(s, str(i), "Alice's note.", base_version=v),
        lambda s, i, v: notes.edit_note(s, str(i), "Bob's note.", base_version=v),
    ),
    "section heading": (
        "section",
        "topic",
        lambda s, i, v: sections.update_section(s, str(i), heading="Alice's", base_version=v),
        lambda s, i, v: sections.update_section(s, str(i), heading="Bob's", base_version=v),
    ),
    "section order": (
        "section",
        "topic",
        lambda s, i, v: sections.move_section(s, str(i), 2, base_version=v),
        lambda s, i, v: sections.move_section(s, str(i), 0, base_version=v),
    ),
    "block text": (
        "block",
        "block",
        lambda s, i, v: sections.update_block(s, str(i), text="Alice's.", base_version=v),
        lambda s, i, v: sections.update_block(s, str(i), text="Bob's.", base_version=v),
    ),
    "block order": (
        "block",
        "block",
        lambda s, i, v: sections.move_block(s, str(i), 2, base_version=v),
        lambda s, i, v: sections.move_block(s, str(i), 1, base_version=v),
    ),
    "passage quote": (
        "passage",
        "passage",
        lambda s, i, v: passages.set_quote(s, str(i), "implemented […]", base_version=v),
        lambda s, i, v: passages.set_quote(s, str(i), "[…] substantial extent", base_version=v),
    ),
    "status": (
        "response",
        "response",
        lambda s, i, v: review.set_status(s, str(i), "proposed", base_version=v),
        lambda s, i, v: review.set_status(s, str(i), "proposed", base_version=v) and None,
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_the_second_writer_of_any_kind_gets_a_conflict_and_nothing_is_overwritten(
    team: tuple[ProjectStore, ProjectStore, dict[str, str]], case: str
) -> None:
    alice, bob, ids = team
    table, key, first, second = CASES[case]
    row_id = ids[key]
    seen_by_alice = rowversion.current(alice, table, row_id)
    seen_by_bob = rowversion.current(bob, table, row_id)
    assert seen_by_alice is not None and seen_by_alice == seen_by_bob
    first(alice, row_id, seen_by_alice)
    assert rowversion.current(alice, table, row_id) != seen_by_alice
    if case == "status":  # both want the same status: the same value is no conflict
        second(bob, row_id, seen_by_bob)
        assert not list_conflicts(bob)
        return
    after_alice = _row_values(alice, table, row_id)
    with pytest.raises(EditConflictError, match="Edit › Conflicts") as raised:
        second(bob, row_id, seen_by_bob)
    assert _row_values(bob, table, row_id) == after_alice, "Alice's values stay"
    conflicts = list_conflicts(bob)
    assert [c.id for c in conflicts] == list(raised.value.conflict_ids)
    [conflict] = conflicts
    assert (conflict.table_name, conflict.row_id) == (table, row_id)
    resolve_conflict(bob, conflict.id, conflict.theirs_value)  # Bob's value, chosen
    assert _row_values(alice, table, row_id)[conflict.field] == conflict.theirs_value
    # a save on the version just read goes through without a conflict
    fresh = rowversion.current(alice, table, row_id)
    first(alice, row_id, fresh)
    assert not list_conflicts(alice)
    assert len(list_conflicts(alice, include_resolved=True)) == 1


def test_a_status_moved_by_another_member_meanwhile_is_a_conflict(
    team: tuple[ProjectStore, ProjectStore, dict[str, str]],
) -> None:
    alice, bob, ids = team
    seen = rowversion.current(bob, "response", ids["response"])
    review.set_status(alice, ids["response"], "proposed", base_version=seen)
    review.set_status(alice, ids["response"], "agreed")
    with pytest.raises(EditConflictError):
        review.set_status(bob, ids["response"], "proposed", base_version=seen)
    [conflict] = list_conflicts(bob)
    assert (conflict.field, conflict.ours_value, conflict.theirs_value) == (
        "status",
        "agreed",
        "proposed",
    )


def test_without_a_version_or_on_a_file_nothing_is_compared(
    team: tuple[ProjectStore, ProjectStore, dict[str, str]], tmp_path: Path
) -> None:
    alice, bob, ids = team
    notes.edit_note(alice, ids["note"], "Alice's note.")
    notes.edit_note(bob, ids["note"], "Bob's note.")  # no version named: the last one wins
    assert not list_conflicts(bob)
    store, _source, passage, _response = populated(tmp_path / "file.rejoinder")
    with store:
        note = notes.add_note(store, passage, "On a file.")
        assert rowversion.current(store, "note", note) is None
        notes.edit_note(store, note, "Edited on a file.", base_version=None)


def _row_values(store: ProjectStore, table: str, row_id: str) -> dict[str, object]:
    from sqlalchemy import text

    with store.session() as session:
        row = session.execute(text(f"SELECT * FROM {table} WHERE id = :id"), {"id": row_id})
        values = dict(row.mappings().one())
    for meta in ("updated_at", "changed_by", "field_history"):
        values.pop(meta, None)
    return values
