"""A colleague's copy is untrusted input: bad rows refuse the merge, and merging twice adds nothing.

Each hostile copy is made by code from a good one, with SQLite, as a damaged
disk or a forged file would leave it; the refusal must name the first bad row
and leave our project as it was (its dump compared before and after).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from app.core.config import paths
from app.core.errors import MergeError
from app.core.services import passages, responses
from tests.core.factories import add_text_source, make_project, populated
from tests.core.merge_helpers import ALICE, BOB, dumped, edit, fork, merge_into, rows
from tests.e2e.cli import rejoinder

Damage = Callable[[sqlite3.Connection], None]


def _flip_a_byte(conn: sqlite3.Connection) -> None:
    ident, data = conn.execute("SELECT id, data FROM original_file").fetchone()
    damaged = bytearray(data)
    damaged[len(damaged) // 2] ^= 0x01
    conn.execute("UPDATE original_file SET data = ? WHERE id = ?", (bytes(damaged), ident))


def _text_as_blob(conn: sqlite3.Connection) -> None:
    conn.execute("UPDATE response SET text = CAST(text AS BLOB)")


def _script_markup(conn: sqlite3.Connection) -> None:
    conn.execute("UPDATE response SET text = '<script>alert(1)</script>We agree.'")


def _invalid_position(conn: sqlite3.Connection) -> None:
    conn.execute("UPDATE response SET position = 'enthusiastic'")


def _malformed_history(conn: sqlite3.Connection) -> None:
    conn.execute("""UPDATE response SET field_history = '{"text": [["2026", "x"'""")


def _history_of_wrong_shape(conn: sqlite3.Connection) -> None:
    conn.execute("""UPDATE passage SET field_history = '{"quote": [1, 2, 3]}'""")


def _bad_page_map(conn: sqlite3.Connection) -> None:
    conn.execute("""UPDATE source_version SET pages = '[{"index": "one"}]'""")


def _conflict_row(**fields: object) -> Damage:
    def damage(conn: sqlite3.Connection) -> None:
        row: dict[str, object] = {
            "id": "c0ffee00-0000-4000-8000-000000000001",
            "created_at": "2026-01-01T00:00:00.000000Z",
            "updated_at": "2026-01-01T00:00:00.000000Z",
            "changed_by": None,
            "deleted_at": None,
            "field_history": "{}",
            "table_name": "response",
            "row_id": "nothing",
            "field": "text",
            "ours_value": '"a"',
            "theirs_value": '"b"',
            "ours_stamp": "",
            "theirs_stamp": "",
            "ours_author": "",
            "theirs_author": "",
            "ours_time": "",
            "theirs_time": "",
            "resolved_at": None,
        }
        row.update(fields)
        names = ", ".join(row)
        marks = ", ".join("?" for _ in row)
        conn.execute(f"INSERT INTO conflict ({names}) VALUES ({marks})", tuple(row.values()))

    return damage


HOSTILE: dict[str, tuple[Damage, str]] = {
    "a flipped byte in a stored file": (_flip_a_byte, r"original_file row .*field data: .*sha256"),
    "a response text stored as a BLOB": (_text_as_blob, r"response row .*field text: is binary"),
    "<script> in a response": (_script_markup, r"response row .*field text: is not valid rich"),
    "an invalid position": (_invalid_position, r"field position: “enthusiastic” is not one of"),
    "malformed field history": (_malformed_history, r"field field_history: is not valid JSON"),
    "field history of the wrong shape": (_history_of_wrong_shape, r"malformed stamp list"),
    "a page map that is not one": (_bad_page_map, r"source_version row .*field pages"),
    "a conflict whose value is not JSON": (
        _conflict_row(ours_value="deadbeef"),
        r"conflict row c0ffee00.*field ours_value: is not valid JSON",
    ),
    "a conflict on a table that does not exist": (
        _conflict_row(table_name="sqlite_master"),
        r"field table_name: “sqlite_master” is not a table",
    ),
}


@pytest.fixture
def copies(tmp_path: Path) -> tuple[Path, Path, str]:
    store, _source, passage, _response = populated(tmp_path / "base.rejoinder")
    with store:
        a, b = fork(store, tmp_path)
    edit(b, BOB, lambda s: responses.respond(s, passage, "Bob's text.", status="proposed"))
    return a, b, passage


def _damage(path: Path, damage: Damage) -> None:
    conn = sqlite3.connect(path)
    try:
        damage(conn)
        conn.commit()
    finally:
        conn.close()


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_a_bad_copy_is_refused_naming_its_first_bad_row(
    copies: tuple[Path, Path, str], case: str
) -> None:
    a, b, _passage = copies
    damage, message = HOSTILE[case]
    _damage(b, damage)
    before = dumped(a)
    backups = set(paths().backups_dir.glob("*")) if paths().backups_dir.exists() else set()

    with pytest.raises(MergeError, match=message) as refused:
        merge_into(a, ALICE, b)

    assert "\n" not in str(refused.value)
    assert str(refused.value).startswith("“bob.rejoinder” was not merged: ")
    assert dumped(a) == before
    after = set(paths().backups_dir.glob("*")) if paths().backups_dir.exists() else set()
    assert after == backups


def test_the_command_line_refuses_a_bad_copy_in_one_line(copies: tuple[Path, Path, str]) -> None:
    a, b, _passage = copies
    _damage(b, _text_as_blob)
    before = dumped(a)
    done = rejoinder("merge", a, b)
    assert done.returncode == 2
    assert len(done.stderr.splitlines()) == 1 and "field text: is binary" in done.stderr
    assert dumped(a) == before


def test_a_malformed_conflict_row_we_hold_does_not_break_later_merges(
    copies: tuple[Path, Path, str],
) -> None:
    """A conflict stored before values were checked (bytes as hex) stays readable."""
    a, b, _passage = copies
    _damage(a, _conflict_row(field="data", table_name="original_file", ours_value="deadbeef"))

    report = merge_into(a, ALICE, b)
    again = merge_into(a, ALICE, b)

    assert report.updated == 1 and (again.inserted, again.updated) == (0, 0)
    done = rejoinder("merge", a, b)
    assert done.returncode == 0, done.stderr
    assert "deadbeef" in done.stdout


def test_rows_we_already_hold_are_not_held_against_the_copy(
    copies: tuple[Path, Path, str],
) -> None:
    a, b, _passage = copies
    bad = _conflict_row(ours_value="deadbeef")
    _damage(a, bad)
    _damage(b, bad)
    report = merge_into(a, ALICE, b)
    assert report.updated == 1


def _many_revisions(folder: Path, passages_count: int, edits: int) -> tuple[Path, Path]:
    text = "Contribution\n" + "".join(
        f"{i}. Point number {i} about enhanced cooperation.\n" for i in range(passages_count)
    )
    store = make_project(folder / "base.rejoinder")
    source = add_text_source(store, text)
    cited = [
        passages.cite_quote(store, source, f"Point number {i} about") for i in range(passages_count)
    ]
    for p in cited:
        responses.respond(store, p, "First text.")
    with store:
        a, b = fork(store, folder)

    def alice(s: object) -> None:
        for k in range(edits):
            for p in cited[::2]:
                responses.respond(s, p, f"Alice, draft {k}.")  # type: ignore[arg-type]

    def bob(s: object) -> None:
        for k in range(edits):
            for p in cited[: passages_count * 3 // 4]:
                responses.respond(s, p, f"Bob, draft {k}.")  # type: ignore[arg-type]

    # Bob first, then Alice: where both edited, Alice's later text wins the conflict.
    edit(b, BOB, bob)
    edit(a, ALICE, alice)
    return a, b


@pytest.mark.parametrize("edits", [4, 25])  # fewer and more than the stamps a field keeps
def test_merging_the_same_copy_twice_adds_nothing(tmp_path: Path, edits: int) -> None:
    a, b = _many_revisions(tmp_path, passages_count=24, edits=edits)
    first = merge_into(a, ALICE, b)
    after_first = dumped(a)
    revisions = len(after_first["tables"]["revision"])
    assert first.conflicts == 9  # passages 0, 2, … 16: edited on both sides

    second = merge_into(a, ALICE, b)

    assert (second.inserted, second.updated, second.conflicts) == (0, 0, 0)
    assert dumped(a) == after_first
    assert len(rows(a, "revision")) == revisions
    # The text each conflict set aside is kept once, as a revision, by the first merge.
    kept = {(r["response_id"], r["text"]) for r in after_first["tables"]["revision"]}
    for conflict in after_first["tables"]["conflict"]:
        assert (conflict["row_id"], json.loads(conflict["theirs_value"])) in kept
