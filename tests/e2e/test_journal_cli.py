"""``rejoinder undo``, ``redo`` and ``log``: one line each, exit 2 when there is nothing to do."""

from __future__ import annotations

from pathlib import Path

from tests.e2e.cli import rejoinder

TEXT = "1. Enhanced cooperation should have the characteristics of transparency.\n"


def _ok(*args: str | Path) -> str:
    result = rejoinder(*args)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_undo_redo_and_log_over_the_journal(tmp_path: Path) -> None:
    project = tmp_path / "p.rejoinder"
    _ok("new", project, "--title", "T", "--org", "O")
    nothing = rejoinder("undo", project)
    assert nothing.returncode == 2
    assert nothing.stderr.strip() == "rejoinder: There is nothing to undo."
    source = tmp_path / "arcadia.txt"
    source.write_text(TEXT, encoding="utf-8")
    source_id = _ok("import", project, source, "--party", "Arcadia").strip()
    _ok("cite", project, "--source", source_id, "--quote", "transparency")
    dumped = tmp_path / "d.json"
    _ok("dump", project, "-o", dumped)
    after_cite = dumped.read_text(encoding="utf-8")

    assert _ok("undo", project) == "Undone: Cite passage\n"
    assert _ok("undo", project) == "Undone: Import source\n"
    assert _ok("sources", project) == ""
    assert _ok("redo", project) == "Redone: Import source\n"
    assert _ok("redo", project) == "Redone: Cite passage\n"
    _ok("dump", project, "-o", tmp_path / "again.json")
    assert (tmp_path / "again.json").read_text(encoding="utf-8") == after_cite
    nothing = rejoinder("redo", project)
    assert (nothing.returncode, nothing.stderr.count("\n")) == (2, 1)

    _ok("undo", project)
    lines = _ok("log", project).splitlines()
    assert [line.split("\t")[2] for line in lines] == ["Cite passage (undone)", "Import source"]
    when, member, _what = lines[1].split("\t")
    assert len(when) == 19 and when[10] == " "
    assert member
