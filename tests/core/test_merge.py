"""Merging a colleague's copy: one-sided edits, conflicts, tombstones, safety checks."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from app.core import merge as merging
from app.core.config import paths
from app.core.errors import MergeError, NewerSchemaError, NotAProjectError
from app.core.journal import replay
from app.core.services import passages, responses, review, sections, sources
from app.core.store import ProjectStore
from tests.core.factories import SUBMISSION, add_text_source, populated
from tests.core.merge_helpers import (
    ALICE,
    BOB,
    both_ways,
    dumped,
    edit,
    fork,
    merge_into,
    rows,
)

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "projects"


@pytest.fixture
def pair(tmp_path: Path) -> tuple[Path, Path, str, str]:
    """Alice's and Bob's copies of a project with one passage and its response."""
    store, _source, passage, response = populated(tmp_path / "base.rejoinder")
    with store:
        a, b = fork(store, tmp_path)
    return a, b, passage, response


def test_one_sided_edits_are_taken_both_ways(pair: tuple[Path, Path, str, str]) -> None:
    a, b, passage, response = pair
    edit(a, ALICE, lambda s: responses.respond(s, passage, "Alice's text."))
    edit(b, BOB, lambda s: responses.respond(s, passage, status="proposed"))

    to_a, to_b = both_ways(a, b)

    assert to_a.conflicts == to_b.conflicts == 0
    for path in (a, b):
        row = rows(path, "response")[response]
        assert (row["text"], row["status"]) == ("Alice's text.", "proposed")
        texts = [r["text"] for r in rows(path, "revision").values()]
        assert texts == ["We <b>disagree</b>.<fn>See our paper.</fn>"]
    assert dumped(a) == dumped(b)


def test_a_field_changed_on_both_sides_becomes_a_conflict(
    pair: tuple[Path, Path, str, str],
) -> None:
    a, b, passage, response = pair
    edit(a, ALICE, lambda s: responses.respond(s, passage, "Alice's text."))
    edit(b, BOB, lambda s: responses.respond(s, passage, "Bob's text."))

    to_a, to_b = both_ways(a, b)

    assert to_a.conflicts == to_b.conflicts == 1
    assert dumped(a) == dumped(b)
    with ProjectStore.open(a, ALICE) as store:
        (conflict,) = merging.list_conflicts(store)
        assert (conflict.table_name, conflict.row_id, conflict.field) == (
            "response",
            response,
            "text",
        )
        assert {conflict.ours_author, conflict.theirs_author} == {"Alice Arden", "Bob Brandt"}
        assert {conflict.ours_value, conflict.theirs_value} == {"Alice's text.", "Bob's text."}
        assert conflict.current_value == conflict.ours_value
        assert conflict.ours_time >= conflict.theirs_time
        merging.resolve_conflict(store, conflict.id, "Both texts, edited.")
        assert merging.list_conflicts(store) == []
        (info,) = passages.list_passages(store)
        assert info.response_text == "Both texts, edited."
    # The resolution is newer than both changes: merging Bob's copy again keeps it.
    merge_into(a, ALICE, b)
    with ProjectStore.open(a, ALICE) as store:
        assert merging.list_conflicts(store) == []
        assert passages.list_passages(store)[0].response_text == "Both texts, edited."


def test_choosing_the_kept_value_still_settles_the_conflict(
    pair: tuple[Path, Path, str, str],
) -> None:
    a, b, passage, _response = pair
    edit(a, ALICE, lambda s: responses.respond(s, passage, position="agree"))
    edit(b, BOB, lambda s: responses.respond(s, passage, position="partly agree"))
    both_ways(a, b)
    with ProjectStore.open(b, BOB) as store:
        (conflict,) = merging.list_conflicts(store)
        merging.resolve_conflict(store, conflict.id, conflict.current_value)
    merge_into(a, ALICE, b)
    with ProjectStore.open(a, ALICE) as store:
        assert merging.list_conflicts(store) == []
        assert passages.list_passages(store)[0].response_position == conflict.current_value


def test_deletions_travel_as_tombstones(pair: tuple[Path, Path, str, str]) -> None:
    a, b, passage, response = pair
    edit(a, ALICE, lambda s: passages.delete_passage(s, passage))

    both_ways(a, b)

    for path in (a, b):
        assert rows(path, "passage")[passage]["deleted_at"] is not None
        assert rows(path, "response")[response]["deleted_at"] is not None
        with ProjectStore.open(path, ALICE) as store:
            assert passages.list_passages(store) == []
    assert dumped(a) == dumped(b)


def test_an_edit_of_a_row_the_other_side_deleted_stays_visible(
    pair: tuple[Path, Path, str, str],
) -> None:
    a, b, passage, _response = pair
    edit(a, ALICE, lambda s: passages.delete_passage(s, passage))
    edit(b, BOB, lambda s: responses.respond(s, passage, "Bob kept working on this."))

    both_ways(a, b)

    assert dumped(a) == dumped(b)
    with ProjectStore.open(a, ALICE) as store:
        (info,) = passages.list_passages(store)
        assert info.response_text == "Bob kept working on this."
        fields = {(c.table_name, c.field) for c in merging.list_conflicts(store)}
        assert fields == {("passage", "deleted_at"), ("response", "deleted_at")}
    # Merging Alice's copy again does not delete it a second time.
    merge_into(b, BOB, a)
    with ProjectStore.open(b, BOB) as store:
        assert len(passages.list_passages(store)) == 1


def test_the_same_file_imported_on_both_sides_is_one_source(tmp_path: Path) -> None:
    with ProjectStore.create(tmp_path / "base.rejoinder", title="T", organisation="O") as base:
        a, b = fork(base, tmp_path)
    edit(a, ALICE, lambda s: passages.cite_quote(s, add_text_source(s), "substantial extent"))
    edit(b, BOB, lambda s: passages.cite_quote(s, add_text_source(s), "all stakeholders"))

    both_ways(a, b)

    assert dumped(a) == dumped(b)
    with ProjectStore.open(a, ALICE) as store:
        (source,) = sources.list_sources(store)
        assert source.passages == 2
        assert {p.source_id for p in passages.list_passages(store)} == {source.id}
        assert [s.kind for s in sections.list_sections(store)] == ["party"]
    assert len(rows(a, "original_file")) == 1
    versions = set(rows(a, "source_version"))
    assert {p["orig_version_id"] for p in rows(a, "passage").values()} <= versions
    # The ids kept may come from different copies (smaller id wins per row): still stable.
    again = merge_into(a, ALICE, b.with_name("bob-before.rejoinder"))
    assert (again.inserted, again.updated, again.conflicts) == (0, 0, 0)


def test_a_backup_is_made_and_the_merge_can_be_undone(
    pair: tuple[Path, Path, str, str],
) -> None:
    a, b, passage, _response = pair
    edit(b, BOB, lambda s: responses.respond(s, passage, "Bob's text."))
    before = dumped(a)

    steps: list[tuple[int, int]] = []
    with ProjectStore.open(a, ALICE) as store:
        report = merging.merge(store, b, progress=lambda done, total: steps.append((done, total)))

    assert steps[0] == (0, 4) and steps[-1] == (4, 4)
    assert report.backup.parent == paths().backups_dir
    assert report.backup.name.startswith("alice-before-merge-")
    assert dumped(a) != before
    with ProjectStore.open(a, ALICE) as store:
        assert replay.undo(store).label == "Merge “bob.rejoinder”"
    assert dumped(a) == before


def test_merging_twice_changes_nothing_the_second_time(
    pair: tuple[Path, Path, str, str],
) -> None:
    a, b, passage, _response = pair
    edit(a, ALICE, lambda s: responses.respond(s, passage, "Alice's text.", status="proposed"))
    edit(b, BOB, lambda s: responses.respond(s, passage, "Bob's text.", position="agree"))
    edit(b, BOB, lambda s: sections.add_section(s, "Preliminary remark"))
    merge_into(a, ALICE, b)
    first = dumped(a)

    again = merge_into(a, ALICE, b)

    assert (again.inserted, again.updated, again.conflicts) == (0, 0, 0)
    assert dumped(a) == first


def test_a_newer_schema_is_refused_and_left_untouched(
    pair: tuple[Path, Path, str, str],
) -> None:
    a, b, _passage, _response = pair
    conn = sqlite3.connect(b)
    conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    conn.commit()
    conn.close()
    before, ours = b.read_bytes(), dumped(a)
    with ProjectStore.open(a, ALICE) as store, pytest.raises(NewerSchemaError):
        merging.merge(store, b)
    assert b.read_bytes() == before
    assert dumped(a) == ours


def test_files_that_are_not_projects_are_refused(
    pair: tuple[Path, Path, str, str], tmp_path: Path
) -> None:
    a, _b, _passage, _response = pair
    text = tmp_path / "notes.rejoinder"
    text.write_text(SUBMISSION, encoding="utf-8")
    other_db = tmp_path / "other.rejoinder"
    sqlite3.connect(other_db).execute("CREATE TABLE t (x)").connection.commit()
    with ProjectStore.open(a, ALICE) as store:
        for path in (text, other_db):
            with pytest.raises(NotAProjectError):
                merging.merge(store, path)
        with pytest.raises(MergeError):
            merging.merge(store, a)


def test_another_project_is_refused(pair: tuple[Path, Path, str, str], tmp_path: Path) -> None:
    a, _b, _passage, _response = pair
    ProjectStore.create(tmp_path / "x.rejoinder", title="Other", organisation="O").close()
    with ProjectStore.open(a, ALICE) as store, pytest.raises(MergeError, match="different"):
        merging.merge(store, tmp_path / "x.rejoinder")


def test_an_older_copy_is_upgraded_on_a_temporary_copy(tmp_path: Path) -> None:
    old = tmp_path / "old.rejoinder"
    shutil.copy(FIXTURES / "0001_initial.rejoinder", old)
    mine = tmp_path / "mine.rejoinder"
    shutil.copy(old, mine)
    before = old.read_bytes()
    with ProjectStore.open(mine, ALICE) as store:
        response = passages.list_passages(store)[0].response_id
        assert response is not None
        review.set_status(store, response, "proposed", "Reopened after the capital's call.")
    merge_into(mine, ALICE, old)
    assert old.read_bytes() == before
    with ProjectStore.open(mine, ALICE) as store:
        (info,) = passages.list_passages(store)
        assert (info.response_status, info.response_text) == ("proposed", "We <u>agree</u>.")
