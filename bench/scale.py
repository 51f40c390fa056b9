"""The scale budget of issue 13: 200 sources and 20,000 passages with responses.

    .venv/bin/python -m bench.scale [--runs 5] [--project KEPT.rejoinder]

Two figures, each the median of ``--runs``:

- *open*: a fresh ``python -m app PROJECT`` until the event loop's first turn
  with the window shown and the project open (as ``bench.gui_start``; budget
  1.5 s);
- *edit*: the GUI-thread time of one edit until every view has taken it —
  a response's text, a source's label, a new citation — measured in-process
  on the open window, from the call that makes the edit until the events it
  queued have been processed, as the GUI thread's CPU time and as wall time
  (budget 50 ms each).

The project is ``bench.synth``'s shape with 200 sources of 10 pages and 100
passages each, every passage answered.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bench.gui_start import run_once
from bench.synth import Shape, build_project

SHAPE = Shape(sources=200, pages=10, passages_per_source=100)


def _settle() -> None:
    """Let background work finish and its results reach the GUI thread (not timed)."""
    from PySide6.QtWidgets import QApplication

    from app.gui import workers

    for _ in range(3):
        workers.wait_for_all(600_000)
        QApplication.processEvents()


def _timed(edit: Callable[[], object]) -> tuple[float, float]:
    """(wall, CPU) seconds of the GUI thread from the edit until its queued events are handled.

    The CPU time of this thread alone (``time.thread_time``) is what the user
    waits for on an idle machine; the wall time adds whatever else the
    machine was running.
    """
    from PySide6.QtWidgets import QApplication

    _settle()
    wall, cpu = time.perf_counter(), time.thread_time()
    edit()
    QApplication.processEvents()
    return time.perf_counter() - wall, time.thread_time() - cpu


def edit_times(project: Path, runs: int) -> dict[str, tuple[float, float]]:
    """Median GUI-thread (wall, CPU) seconds of each kind of edit on the open window."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from app.core.services import sources
    from app.gui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    window = MainWindow()
    window.show()
    assert window.open_project(project)
    _settle()
    ws, ctx = window.workspace, window.ctx
    assert ws is not None and ctx is not None
    infos = sources.list_sources(ctx.store)
    ctx.select_source(infos[len(infos) // 2].id)
    _settle()
    passage = ws.passages.items[len(ws.passages.items) // 2].id
    ctx.select_passage(passage)
    _settle()
    times: dict[str, list[tuple[float, float]]] = {
        "response text": [],
        "source label": [],
        "citation": [],
    }
    for run in range(runs):

        def type_and_save(n: int = run) -> None:
            ws.editor.editor.insertPlainText(f" More {n}.")
            ws.editor.commit()

        times["response text"].append(_timed(type_and_save))
        source = ctx.source_id
        assert source is not None

        def rename(n: int = run, source_id: str = source) -> None:
            ws.sources.rename(source_id, f"Renamed party {n}")

        times["source label"].append(_timed(rename))
        start = 40 + 300 * run
        ws.reader.view.select_span(start, start + 30)
        times["citation"].append(_timed(ws.cite_selection))
    window.close_project()
    window.close()
    app.processEvents()
    return {
        kind: (
            statistics.median(wall for wall, _cpu in values),
            statistics.median(cpu for _wall, cpu in values),
        )
        for kind, values in times.items()
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument(
        "--project", type=Path, help="a project built earlier by this bench (built if absent)"
    )
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="rejoinder-scale-"))
    began = time.perf_counter()
    project = args.project or folder / "scale.rejoinder"
    if not project.exists():
        build_project(project, SHAPE)
    passages = SHAPE.sources * SHAPE.passages_per_source
    size = project.stat().st_size / 2**20
    print(
        f"project: {SHAPE.sources} sources, {passages} passages with responses, "
        f"{size:.0f} MiB (built in {time.perf_counter() - began:.0f} s)"
    )
    run_once(project, folder)  # warm the file cache, as a second start would
    opens = [run_once(project, folder) for _ in range(args.runs)]
    print("open runs: " + ", ".join(f"{t:.3f} s" for t in opens))
    print(f"open (median of {args.runs}): {statistics.median(opens):.3f} s (budget 1.5 s)")
    for kind, (wall, cpu) in edit_times(project, args.runs).items():
        print(
            f"edit, {kind} (median of {args.runs}): GUI thread {cpu * 1000:.1f} ms CPU, "
            f"{wall * 1000:.1f} ms wall (budget 50 ms)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
