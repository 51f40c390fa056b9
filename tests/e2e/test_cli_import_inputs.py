"""`rejoinder import` on inputs that are not ordinary files (issue 11 §5):
one line on stderr and exit 2, never a hang or a traceback, and the project
unchanged; a file name that is not UTF-8 imports and prints."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.e2e.cli import rejoinder
from tests.helpers import ROOT


@pytest.fixture
def project(tmp_path: Path) -> Path:
    path = tmp_path / "p.rejoinder"
    assert rejoinder("new", path, "--title", "Inputs", "--org", "APIG").returncode == 0
    return path


def _run(args: list[str | bytes], stdin: int | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "app", *args],
        cwd=ROOT,
        capture_output=True,
        stdin=stdin,
        timeout=120,
    )


def _refused(run: subprocess.CompletedProcess[bytes], project: Path) -> str:
    assert run.returncode == 2, run.stderr
    lines = run.stderr.decode("utf-8", "replace").strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in lines[0]
    assert rejoinder("sources", project).stdout == ""
    return lines[0]


def test_dev_zero_as_a_path(project: Path) -> None:
    line = _refused(_run(["import", str(project), "/dev/zero"]), project)
    assert "device, pipe or socket" in line


def test_dev_zero_on_standard_input(project: Path) -> None:
    with open("/dev/zero", "rb") as zero:
        line = _refused(_run(["import", str(project), "-"], stdin=zero.fileno()), project)
    assert "MB" in line


def test_fifo_does_not_hang(project: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "statement.txt"
    os.mkfifo(fifo)
    line = _refused(_run(["import", str(project), str(fifo)]), project)
    assert "statement.txt" in line


def test_file_name_that_is_not_utf8(project: Path, tmp_path: Path) -> None:
    name = os.fsencode(tmp_path) + b"/\xff\xfeJapan-comments.txt"
    with open(name, "wb") as handle:
        handle.write(b"We support the draft.\n")
    run = _run([b"import", os.fsencode(project), name])
    assert run.returncode == 0, run.stderr
    listed = rejoinder("sources", project)
    assert listed.returncode == 0, listed.stderr
    assert "Japan-comments" in listed.stdout.split("\t")[1]
