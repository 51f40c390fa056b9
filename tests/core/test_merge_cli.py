"""``rejoinder merge FILE OTHER``: a summary and the conflicts; a bad OTHER exits 2."""

from __future__ import annotations

from pathlib import Path

from app.core.services import responses
from tests.core.factories import populated
from tests.core.merge_helpers import ALICE, BOB, edit, fork
from tests.e2e.cli import rejoinder


def test_merge_prints_a_summary_and_the_conflicts(tmp_path: Path) -> None:
    store, _source, passage, response = populated(tmp_path / "base.rejoinder")
    with store:
        a, b = fork(store, tmp_path)
    edit(a, ALICE, lambda s: responses.respond(s, passage, "Alice's text."))
    edit(b, BOB, lambda s: responses.respond(s, passage, "Bob's text."))

    done = rejoinder("merge", a, b)

    assert done.returncode == 0, done.stderr
    summary, conflict = done.stdout.splitlines()
    # Added: Bob's member row, the revision his edit kept of the earlier text, and
    # Alice's text, set aside by the conflict, as a revision (not on a second merge).
    assert summary.startswith("Merged: 3 added, 1 changed, 1 conflict. Backup: ")
    assert conflict.startswith("conflict\t")
    assert f"response.text\t{response}" in conflict
    assert "Alice Arden" in conflict and "Bob Brandt" in conflict
    again = rejoinder("merge", a, b)
    assert again.returncode == 0, again.stderr
    assert again.stdout.startswith("Merged: 0 added, 0 changed, 0 conflicts.")


def test_a_bad_other_file_exits_2_with_one_line(tmp_path: Path) -> None:
    store, *_ = populated(tmp_path / "p.rejoinder")
    store.close()
    junk = tmp_path / "junk.rejoinder"
    junk.write_bytes(b"not a project")

    done = rejoinder("merge", tmp_path / "p.rejoinder", junk)

    assert done.returncode == 2
    assert done.stdout == ""
    assert len(done.stderr.splitlines()) == 1
    assert "junk.rejoinder" in done.stderr
