"""A full disk and a read-only project give one line and exit 2, never a traceback (issue 11 §5).

The full disk is a small tmpfs mounted for the test (root only, as on the
CI machine; skipped where mounting is not allowed). Rejoinder's data folder,
where the project lock lives, is on the same full disk.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.core.factories import SUBMISSION, populated
from tests.e2e.cli import rejoinder


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _fill(folder: Path) -> None:
    """Take every free block of the file system ``folder`` is on."""
    with open(folder / "filler", "wb", buffering=0) as fh:
        try:
            while True:
                fh.write(b"\0" * 4096)
        except OSError:
            pass


@pytest.fixture
def full_disk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    if sys.platform != "linux" or os.geteuid() != 0:
        pytest.skip("mounting a small file system needs root on Linux")
    disk = tmp_path / "disk"
    disk.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(disk)], capture_output=True
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr!r}")
    monkeypatch.setenv("REJOINDER_DATA_DIR", str(disk / "data"))
    try:
        yield disk
    finally:
        subprocess.run(["umount", "-l", str(disk)], check=False)


def _one_clean_line(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 2, (result.stdout, result.stderr)
    (line,) = result.stderr.splitlines()
    assert "Traceback" not in line and "OperationalError" not in line and "Errno" not in line
    return line


def test_a_full_disk_refuses_each_edit_in_one_line(full_disk: Path, tmp_path: Path) -> None:
    path = full_disk / "p.rejoinder"
    store, source_id, passage_id, _response = populated(path)
    store.close()
    submission = tmp_path / "other.txt"
    submission.write_text(SUBMISSION.replace("Arcadia", "Utopia") * 50, encoding="utf-8")
    _fill(full_disk)
    before = _sha(path)

    line = _one_clean_line(
        rejoinder("respond", path, "--passage", passage_id, "--text", "A new answer " * 200)
    )
    assert "full" in line and "p.rejoinder" in line
    _one_clean_line(rejoinder("cite", path, "--source", source_id, "--quote", "transparency"))
    _one_clean_line(rejoinder("import", path, submission, "--party", "Utopia"))
    new = rejoinder("new", full_disk / "q.rejoinder", "--title", "T", "--org", "O")
    assert "the project was not created" in _one_clean_line(new)
    assert "q.rejoinder" not in os.listdir(full_disk)

    assert _sha(path) == before
    assert sorted(os.listdir(full_disk)) == ["data", "filler", "p.rejoinder"]
    locks = full_disk / "data" / "locks"
    assert not locks.exists() or os.listdir(locks) == []  # no empty .lock left behind
    (full_disk / "filler").unlink()
    again = rejoinder("respond", path, "--passage", passage_id, "--text", "Now it fits.")
    assert again.returncode == 0, again.stderr
    listed = rejoinder("sources", path)
    assert listed.returncode == 0 and listed.stdout.count("\n") == 1


@pytest.fixture
def read_only(tmp_path: Path) -> Iterator[tuple[Path, str, str]]:
    path = tmp_path / "p.rejoinder"
    store, source_id, passage_id, _response = populated(path)
    store.close()
    path.chmod(0o444)
    yield path, source_id, passage_id
    path.chmod(0o644)


def test_a_read_only_project_reads_and_refuses_writes_clearly(
    read_only: tuple[Path, str, str], tmp_path: Path
) -> None:
    path, source_id, passage_id = read_only
    before = _sha(path)
    assert rejoinder("sources", path).stdout.startswith(source_id)
    assert rejoinder("sections", path).returncode == 0
    assert rejoinder("check", path).returncode in (0, 1)
    assert rejoinder("export", path, "-o", tmp_path / "out.docx").returncode == 0
    assert rejoinder("dump", path, "-o", tmp_path / "out.json").returncode == 0
    line = _one_clean_line(rejoinder("respond", path, "--passage", passage_id, "--text", "No."))
    assert "read-only" in line and "Nothing was changed" in line
    _one_clean_line(rejoinder("add-section", path, "--heading", "No"))
    assert _sha(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.docx", "out.json", "p.rejoinder"]
