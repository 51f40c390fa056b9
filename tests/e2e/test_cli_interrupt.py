"""Ctrl+C during an import: one line, exit 2, nothing stored, no process left behind.

Ctrl+C reaches every process of the terminal's group, the PDF reader's
workers too; each printed its own traceback under the command's line.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.e2e.cli import rejoinder
from tests.helpers import ROOT
from tests.pdf_factory import build_document


def _children(pid: int) -> list[int]:
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        found += [int(c) for c in (task / "children").read_text().split()]
    return found


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="needs Linux's /proc")
def test_ctrl_c_while_the_workers_read_says_one_line(tmp_path: Path) -> None:
    pdf = tmp_path / "long.pdf"
    pdf.write_bytes(build_document(300))
    project = tmp_path / "p.rejoinder"
    assert rejoinder("new", project, "--title", "T", "--org", "O").returncode == 0
    proc = subprocess.Popen(
        [sys.executable, "-m", "app", "import", str(project), str(pdf)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own group, as a terminal's
    )
    began = time.monotonic()
    while not _children(proc.pid) and proc.poll() is None and time.monotonic() - began < 60:
        time.sleep(0.002)
    workers = _children(proc.pid)
    if not workers:
        proc.communicate()
        pytest.skip("the import finished before its workers could be seen")
    os.killpg(proc.pid, signal.SIGINT)  # what Ctrl+C in the terminal does
    out, err = proc.communicate(timeout=60)
    assert (proc.returncode, out) == (2, "")
    assert err.splitlines() == ["rejoinder: interrupted"], err
    assert rejoinder("sources", project).stdout == ""
    for pid in workers:
        assert not Path(f"/proc/{pid}").exists() or "Z" in Path(f"/proc/{pid}/stat").read_text()
