"""The command line says what the contribution prints: headings, what was left out, pipes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from app.core.models import Section
from app.core.store import ProjectStore
from tests.e2e.cli import rejoinder
from tests.helpers import ROOT

TEXT = "Enhanced cooperation needs transparency.\nIt also needs accountability.\n"


def _project(tmp_path: Path, language: str = "fr") -> tuple[Path, str]:
    project = tmp_path / "p.rejoinder"
    source = tmp_path / "japon.txt"
    source.write_text(TEXT, encoding="utf-8")
    assert rejoinder("new", project, "--title", "T", "--org", "O", "--language", language)
    done = rejoinder("import", project, source, "--party", "le Japon")
    assert done.returncode == 0, done.stderr
    return project, done.stdout.split()[0]


def test_sections_prints_the_localised_heading(tmp_path: Path) -> None:
    project, _source = _project(tmp_path)
    out = rejoinder("sections", project)
    assert out.returncode == 0, out.stderr
    assert out.stdout.rstrip().endswith("\tparty\tContribution du Japon")


def test_export_says_how_many_passages_were_left_out_and_why(tmp_path: Path) -> None:
    project, source = _project(tmp_path, "en")
    draft = rejoinder("cite", project, "--source", source, "--quote", "transparency")
    rejoinder("respond", project, "--passage", draft.stdout.strip(), "--text", "Maybe.")
    kept = rejoinder("cite", project, "--source", source, "--quote", "accountability")
    for status in ("proposed", "agreed"):  # one step at a time
        rejoinder(
            "respond",
            project,
            "--passage",
            kept.stdout.strip(),
            "--text",
            "Yes.",
            "--status",
            status,
        )
    out = rejoinder("export", project, "-o", tmp_path / "out.docx")
    assert out.returncode == 0, out.stderr
    assert "1 passage left out because its response is still a draft." in out.stderr


def test_a_closed_pipe_ends_quietly(tmp_path: Path) -> None:
    project, _source = _project(tmp_path)
    # More than a pipe's buffer of output, so that the writer meets the closed pipe.
    with ProjectStore.open(project) as store, store.write() as session:
        session.add_all(Section(heading=f"Topic {i}", ordinal=i + 1) for i in range(3000))
    for _ in range(3):
        # A shell pipe into `head -1`: the reader goes away after one line.
        done = subprocess.run(
            f'"{sys.executable}" -m app sections "{project}" | head -1',
            shell=True,
            cwd=ROOT,
            capture_output=True,
            text=True,
            env=os.environ.copy(),
            timeout=120,
        )
        assert done.stdout.count("\n") == 1
        assert "Traceback" not in done.stderr and "BrokenPipe" not in done.stderr, done.stderr
