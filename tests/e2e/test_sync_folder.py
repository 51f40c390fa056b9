"""A sync client at work on a project a batch holds open (issue 11 §1).

The client copies the main file alone, at any moment, and brings in a
colleague's version by renaming it over the open file. After each
acknowledged edit the main file copied alone holds that edit; the colleague's
file renamed over ours is detected, and both versions survive, edit for edit.
"""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

from app.core.services.sections import add_section
from app.core.store import ProjectStore
from tests.core.factories import populated
from tests.e2e.cli import rejoinder
from tests.helpers import ROOT

EDITS = 12
THEIRS = 150


def _rows(path: Path, sql: str) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        assert conn.execute("PRAGMA quick_check").fetchone() == ("ok",)
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def _headings(path: Path) -> list[str]:
    return [str(row[0]) for row in _rows(path, "SELECT heading FROM section WHERE heading != ''")]


def test_copies_of_the_main_file_are_complete_and_a_replacement_is_never_overwritten(
    tmp_path: Path,
) -> None:
    sync = tmp_path / "OneDrive - Delegation"
    sync.mkdir()
    path = sync / "wgec.rejoinder"
    store, _source, passage_id, _response = populated(path)
    store.close()
    proc = subprocess.Popen(
        [sys.executable, "-m", "app", "batch", str(path)],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stdin is not None and proc.stdout is not None

    def send(line: str) -> str:
        assert proc.stdin is not None and proc.stdout is not None
        proc.stdin.write(line + "\n")
        proc.stdin.flush()
        return proc.stdout.readline().strip()

    uploads = tmp_path / "uploads"
    uploads.mkdir()
    for n in range(EDITS):
        assert send(f"add-section --heading 'Topic {n}'")
        assert send(f"respond --passage {passage_id} --text 'Answer {n}.'")
        upload = uploads / f"{n}.rejoinder"
        shutil.copyfile(path, upload)  # the main file alone, as a sync client uploads it
        assert _headings(upload)[-1] == f"Topic {n}"
        assert _rows(upload, "SELECT text FROM response") == [(f"Answer {n}.",)]

    # A colleague worked on the copy uploaded half-way; the client brings it back in.
    colleague = tmp_path / "colleague.rejoinder"
    shutil.copyfile(uploads / f"{EDITS // 2}.rejoinder", colleague)
    with ProjectStore.open(colleague) as theirs:
        for i in range(THEIRS):
            add_section(theirs, f"Colleague's topic {i}")
    colleague.replace(path)
    theirs_bytes = path.read_bytes()

    proc.stdin.write("add-section --heading 'After the replacement'\n")
    proc.stdin.write("add-section --heading 'Never written'\n")
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 2
    (message,) = err.splitlines()
    assert message.startswith("line 25: The project file “wgec.rejoinder” was replaced")
    assert "both files exist" in message and "rejoinder merge" in message
    assert out == ""

    assert path.read_bytes() == theirs_bytes  # not a byte of ours over their file
    (mine,) = sync.glob("wgec (my copy, *).rejoinder")
    assert sorted(p.name for p in sync.iterdir()) == sorted([path.name, mine.name])
    theirs_headings = _headings(path)
    mine_headings = _headings(mine)
    assert len([h for h in theirs_headings if h.startswith("Colleague's")]) == THEIRS
    assert [h for h in theirs_headings if h.startswith("Topic")] == [
        f"Topic {n}" for n in range(EDITS // 2 + 1)
    ]
    assert [h for h in mine_headings if h.startswith("Topic")] == [
        f"Topic {n}" for n in range(EDITS)
    ]
    assert _rows(mine, "SELECT text FROM response") == [(f"Answer {EDITS - 1}.",)]
    assert "After the replacement" not in theirs_headings + mine_headings

    merged = rejoinder("merge", path, mine)
    assert merged.returncode == 0, merged.stderr
    headings = _headings(path)
    assert len([h for h in headings if h.startswith("Colleague's")]) == THEIRS
    assert sorted(h for h in headings if h.startswith("Topic")) == sorted(
        f"Topic {n}" for n in range(EDITS)
    )  # every edit of both, once (the order of sections added on both sides is the merge's)
    assert _rows(path, "SELECT text FROM response") == [(f"Answer {EDITS - 1}.",)]


def test_reading_commands_leave_the_file_byte_identical(tmp_path: Path) -> None:
    """A sync client uploads a file whose bytes changed: reading must not change them."""
    path = tmp_path / "p.rejoinder"
    store, *_ = populated(path)
    store.close()
    before = (path.read_bytes(), path.stat().st_mtime_ns)
    for command in ("sources", "sections", "check"):
        assert rejoinder(command, path).returncode in (0, 1)
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before


def test_kill_9_during_a_batch_loses_no_acknowledged_line(tmp_path: Path) -> None:
    import signal

    path = tmp_path / "p.rejoinder"
    store, *_ = populated(path)
    store.close()
    acknowledged = 0
    for trial in range(3):
        proc = subprocess.Popen(
            [sys.executable, "-m", "app", "batch", str(path)],
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert proc.stdin is not None and proc.stdout is not None
        proc.stdin.write("".join(f"add-section --heading 'T{trial}-{n}'\n" for n in range(400)))
        proc.stdin.flush()
        done = 0
        for _line in proc.stdout:
            done += 1
            if done == 15 + 10 * trial:
                break
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        acknowledged += done
        ProjectStore.open(path).close()  # rolls back a write the kill interrupted, if any
        got = [h for h in _headings(path) if h.startswith(f"T{trial}-")]  # quick_check inside
        assert got[:done] == [f"T{trial}-{n}" for n in range(done)]
        assert sorted(p.name for p in tmp_path.iterdir()) == ["p.rejoinder"]
    assert len([h for h in _headings(path) if h.startswith("T")]) >= acknowledged
