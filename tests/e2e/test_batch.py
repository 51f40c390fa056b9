"""`rejoinder batch FILE`: stdin commands on one open project; `line N: message` if bad."""

from __future__ import annotations

import io
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from app.cli import main
from tests.core.factories import populated
from tests.e2e.cli import rejoinder
from tests.helpers import ROOT


@pytest.fixture
def project(tmp_path: Path) -> tuple[Path, str, str]:
    path = tmp_path / "p.rejoinder"
    store, source_id, passage_id, _response = populated(path)
    store.close()
    return path, source_id, passage_id


def _batch(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], path: Path, text: str
) -> tuple[int, list[str], list[str]]:
    monkeypatch.setattr(sys, "stdin", io.StringIO(text))
    code = main(["batch", str(path)])
    out, err = capsys.readouterr()
    return code, out.splitlines(), err.splitlines()


def _headings(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return [row[0] for row in conn.execute("SELECT heading FROM section ORDER BY ordinal")]
    finally:
        conn.close()


def test_lines_run_in_the_command_lines_own_syntax(
    project: tuple[Path, str, str],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    path, source_id, _passage = project
    code, out, err = _batch(
        monkeypatch,
        capsys,
        path,
        "# a script of a delegation\n"
        "\n"
        "add-section --heading 'Preliminary remark'\n"
        f'cite --source {source_id[:8]} --quote "transparency, accountability"\n'
        "sources\n",
    )
    assert code == 0 and err == []
    section_id, passage_id, sources_row = out
    assert sources_row.startswith(source_id) and sources_row.split("\t")[4] == "2"
    code, out, err = _batch(
        monkeypatch,
        capsys,
        path,
        f"respond --passage {passage_id[:8]} --text 'We <b>agree</b>.' --position agree\n",
    )
    assert code == 0 and err == [] and len(out) == 1
    assert "Preliminary remark" in _headings(path)
    assert section_id


def test_a_bad_line_stops_the_batch_and_keeps_the_lines_before(
    project: tuple[Path, str, str],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    path, _source, _passage = project
    code, out, err = _batch(
        monkeypatch,
        capsys,
        path,
        "add-section --heading One\n"
        "add-section --heading Two\n"
        "respond --passage nothing-like-this --text x\n"
        "add-section --heading Three\n",
    )
    assert code == 2
    assert len(out) == 2
    assert err == ["line 3: There is no passage with the id “nothing-like-this”."]
    assert [h for h in _headings(path) if h] == ["One", "Two"]


def test_keep_going_runs_every_line_and_still_exits_2(
    project: tuple[Path, str, str],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    path, _source, _passage = project
    monkeypatch.setattr(
        sys,
        "stdin",
        io.StringIO(
            "add-section --heading One\n"
            "no-such-command\n"
            "add-section\n"
            "new other.rejoinder --title T --org O\n"
            "import -\n"
            "add-section --heading 'unclosed\n"
            "add-section --heading Two\n"
        ),
    )
    code = main(["batch", str(path), "--keep-going"])
    out, err = capsys.readouterr()
    assert code == 2
    lines = err.splitlines()
    assert [line.split(":")[0] for line in lines] == [
        "line 2",
        "line 3",
        "line 4",
        "line 5",
        "line 6",
    ]
    assert "invalid choice" in lines[0] and "--heading" in lines[1]
    assert "cannot be used in a batch" in lines[2]
    assert "Traceback" not in err
    assert [h for h in _headings(path) if h] == ["One", "Two"]
    assert not (path.parent / "other.rejoinder").exists()
    assert len(out.splitlines()) == 2


def test_the_project_is_held_open_and_locked_for_the_whole_run(
    project: tuple[Path, str, str],
) -> None:
    path, _source, _passage = project
    proc = subprocess.Popen(
        [sys.executable, "-m", "app", "batch", str(path)],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stdin is not None and proc.stdout is not None
    proc.stdin.write("add-section --heading 'While held'\n")
    proc.stdin.flush()
    assert proc.stdout.readline().strip()  # acknowledged: committed before the output
    other = rejoinder("sources", path)
    assert other.returncode == 2 and "open in another" in other.stderr
    assert "While held" in _headings(path)  # the file alone already holds the edit
    out, err = proc.communicate("sections\n", timeout=60)
    assert proc.returncode == 0, err
    assert "While held" in out
    assert sorted(p.name for p in path.parent.iterdir()) == [path.name]


def test_undo_after_a_batch_undoes_its_lines_one_at_a_time_newest_first(
    project: tuple[Path, str, str],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from app.core import dump
    from app.core.store import ProjectStore

    path, source_id, passage_id = project
    with ProjectStore.open(path) as store:
        before = dump.dumps(store)
    code, out, err = _batch(
        monkeypatch,
        capsys,
        path,
        f'cite --source {source_id} --quote "transparency, accountability"\n'
        f"respond --passage {passage_id} --text 'We <i>now</i> agree.' --position agree\n"
        "add-section --heading 'Closing remark'\n",
    )
    assert code == 0 and err == [] and len(out) == 3
    assert main(["log", str(path)]) == 0
    log = capsys.readouterr().out.splitlines()
    assert [line.split("\t")[2] for line in log[:3]] == [
        "Add section",
        "Edit response",
        "Cite passage",
    ]
    for label in ("Add section", "Edit response", "Cite passage"):
        assert main(["undo", str(path)]) == 0
        assert capsys.readouterr().out.strip() == f"Undone: {label}"
    with ProjectStore.open(path) as store:
        assert dump.dumps(store) == before
    assert main(["redo", str(path)]) == 0
    assert capsys.readouterr().out.strip() == "Redone: Cite passage"


def test_a_line_failing_after_it_wrote_leaves_nothing_of_itself(
    project: tuple[Path, str, str],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    path, _source, passage_id = project
    monkeypatch.setattr(
        sys,
        "stdin",
        io.StringIO(
            "add-section --heading One\n"
            # changes the text (keeping a revision), then refuses the status step
            f"respond --passage {passage_id} --text 'Changed' --status agreed\n"
            "add-section --heading Two\n"
        ),
    )
    code = main(["batch", str(path), "--keep-going"])
    out, err = capsys.readouterr()
    assert code == 2 and err.startswith("line 2: ") and len(out.splitlines()) == 2
    assert [h for h in _headings(path) if h] == ["One", "Two"]
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("SELECT text FROM response").fetchall() == [
            ("We <b>disagree</b>.<fn>See our paper.</fn>",)
        ]
        assert conn.execute("SELECT count(*) FROM revision").fetchone() == (0,)
    finally:
        conn.close()
