"""A command's process: no teardown of Python at its end, yet all an exit owes; fewer collections.

Tearing the interpreter down after an import of a long PDF took 40 ms of
the command's time (freeing its objects one by one). A command now ends
with :func:`app.cli.leave`: output flushed, exit handlers run, then the
process ends. These run the real entry point in a subprocess.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

from app.core.models import Section
from app.core.store import ProjectStore
from tests.helpers import ROOT

TEXT = "Enhanced cooperation needs transparency.\nIt also needs accountability.\n"


def _entry(tmp_path: Path, argv: list[str], before: str = "") -> subprocess.CompletedProcess[str]:
    """``rejoinder ARGV`` through ``app.__main__.main``, after the Python lines ``before``."""
    script = textwrap.dedent(
        """
        import atexit, sys, threading, time
        from pathlib import Path
        HERE = Path(sys.argv[1])
        {before}
        from app.__main__ import main
        sys.argv = ["rejoinder", *sys.argv[2:]]
        main()
        """
    ).format(before=textwrap.indent(textwrap.dedent(before), "").strip())
    return subprocess.run(
        [sys.executable, "-c", script, str(tmp_path), *argv],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={
            **os.environ,
            "REJOINDER_DATA_DIR": str(tmp_path),
            "REJOINDER_CONFIG_DIR": str(tmp_path),
        },
        timeout=120,
    )


def _project(tmp_path: Path) -> Path:
    project = tmp_path / "p.rejoinder"
    made = _entry(tmp_path, ["new", str(project), "--title", "T", "--org", "O"])
    assert made.returncode == 0, made.stderr
    return project


def test_a_command_skips_the_teardown_but_runs_exit_handlers_and_flushes(tmp_path: Path) -> None:
    project = _project(tmp_path)
    (tmp_path / "s.txt").write_text(TEXT, encoding="utf-8")
    before = """
        atexit.register(lambda: (HERE / "handler-ran").write_text("yes"))
        class Torn:
            def __del__(self):
                print("torn down", file=sys.stderr)
        KEPT = Torn()
    """
    done = _entry(tmp_path, ["import", str(project), str(tmp_path / "s.txt")], before)
    assert done.returncode == 0, done.stderr
    assert len(done.stdout.split()) == 1  # the new source's id
    assert (tmp_path / "handler-ran").read_text() == "yes"
    # Python's teardown would have freed KEPT; the command's exit does not tear down.
    assert "torn down" not in done.stderr
    listed = _entry(tmp_path, ["sources", str(project)])
    assert listed.returncode == 0 and done.stdout.split()[0] in listed.stdout


def test_a_refused_command_keeps_its_exit_code_and_its_one_line(tmp_path: Path) -> None:
    project = _project(tmp_path)
    done = _entry(tmp_path, ["import", str(project), str(tmp_path / "missing.pdf")])
    assert done.returncode == 2
    assert done.stdout == ""
    assert len(done.stderr.strip().splitlines()) == 1


def test_a_thread_still_running_is_waited_for(tmp_path: Path) -> None:
    project = _project(tmp_path)
    before = """
        def late():
            time.sleep(0.3)
            (HERE / "thread-done").write_text("yes")
        threading.Thread(target=late).start()
    """
    done = _entry(tmp_path, ["sources", str(project)], before)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "thread-done").read_text() == "yes"


def test_output_larger_than_a_pipe_buffer_arrives_whole(tmp_path: Path) -> None:
    project = _project(tmp_path)
    with ProjectStore.open(project) as store, store.write() as session:
        session.add_all(Section(heading=f"Topic {i}", ordinal=i + 1) for i in range(3000))
    listed = _entry(tmp_path, ["sections", str(project)])
    assert listed.returncode == 0, listed.stderr
    assert sum("Topic" in line for line in listed.stdout.splitlines()) == 3000


def test_a_command_collects_cycles_less_often(tmp_path: Path) -> None:
    # Every 700 allocations, the collector's passes took 20 ms of a 300-page import command.
    project = _project(tmp_path)
    before = """
        import gc
        atexit.register(lambda: (HERE / "threshold").write_text(str(gc.get_threshold()[0])))
    """
    done = _entry(tmp_path, ["sources", str(project)], before)
    assert done.returncode == 0, done.stderr
    assert int((tmp_path / "threshold").read_text()) >= 50_000
