"""`export -o`, `dump -o`, `load -o` on paths that must not be written: exit 2, one line."""

from __future__ import annotations

import os
import re
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.e2e.cli import rejoinder

Case = Callable[[Path, Path], list[str]]  # (folder, project) -> command line


def _export_onto_project(_folder: Path, project: Path) -> list[str]:
    return ["export", str(project), "-o", str(project)]


def _dump_onto_project(_folder: Path, project: Path) -> list[str]:
    return ["dump", str(project), "-o", str(project)]


def _export_to_dev_null(_folder: Path, project: Path) -> list[str]:
    return ["export", str(project), "-o", "/dev/null"]


def _dump_onto_hard_link(folder: Path, project: Path) -> list[str]:
    link = folder / "notes.json"
    os.link(project, link)
    return ["dump", str(project), "-o", str(link)]


def _export_through_symlink(folder: Path, project: Path) -> list[str]:
    link = folder / "contribution.docx"
    link.symlink_to(project)
    return ["export", str(project), "-o", str(link)]


def _export_as_pdf(folder: Path, project: Path) -> list[str]:
    return ["export", str(project), "-o", str(folder / "contribution.pdf")]


def _export_over_open_word_document(folder: Path, project: Path) -> list[str]:
    (folder / "contribution.docx").write_bytes(b"the version a colleague has open")
    (folder / "~$ntribution.docx").write_bytes(b"owner")
    return ["export", str(project), "-o", str(folder / "contribution.docx")]


def _load_deep_json(folder: Path, _project: Path) -> list[str]:
    deep = folder / "deep.json"
    deep.write_text("[" * 100_000 + "]" * 100_000)
    return ["load", str(deep), "-o", str(folder / "deep.rejoinder")]


def _load_to_json(folder: Path, project: Path) -> list[str]:
    dumped = folder / "good.json"
    assert rejoinder("dump", project, "-o", dumped).returncode == 0
    return ["load", str(dumped), "-o", str(folder / "copy.json")]


def _dump_into_fifo(folder: Path, project: Path) -> list[str]:
    os.mkfifo(folder / "pipe.json")
    return ["dump", str(project), "-o", str(folder / "pipe.json")]


def _contents(folder: Path) -> dict[str, str | bytes]:
    """Each file's bytes; a project's SQL content (opening one rewrites its header's counter)."""
    out: dict[str, str | bytes] = {}
    for path in sorted(folder.iterdir()):
        if path.is_file() and path.read_bytes()[:16] == b"SQLite format 3\x00":
            conn = sqlite3.connect(path)
            out[path.name] = "\n".join(conn.iterdump())
            conn.close()
        elif path.is_file():
            out[path.name] = path.read_bytes()
    return out


CASES: dict[str, tuple[Case, str]] = {
    "export onto the project": (_export_onto_project, "open project"),
    "dump onto the project": (_dump_onto_project, "open project"),
    "export to /dev/null": (_export_to_dev_null, "not an ordinary file"),
    "dump onto a hard link": (_dump_onto_hard_link, "open project"),
    "export through a symlink": (_export_through_symlink, "link to another file"),
    "export as .pdf": (_export_as_pdf, r"does not end in \.docx"),
    "export over a document Word has open": (_export_over_open_word_document, "Microsoft Word"),
    "load JSON nested 100,000 deep": (_load_deep_json, "nested too deeply"),
    "load into a .json": (_load_to_json, r"does not end in \.rejoinder"),
    "dump into a FIFO": (_dump_into_fifo, "not an ordinary file"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_refused_in_one_line_with_exit_2_and_nothing_written(tmp_path: Path, case: str) -> None:
    make, message = CASES[case]
    project = tmp_path / "wgec.rejoinder"
    assert rejoinder("new", project, "--title", "WGEC", "--org", "APIG").returncode == 0
    argv = make(tmp_path, project)
    before = _contents(tmp_path)

    result = rejoinder(*argv)

    assert result.returncode == 2
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("rejoinder: "), result.stderr
    assert re.search(message, lines[0]), lines[0]
    assert _contents(tmp_path) == before
    assert rejoinder("sources", project).returncode == 0
