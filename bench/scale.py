"""The scale budget of issue 13: 200 sources and 20,000 passages with responses.

    .venv/bin/python -m bench.scale [--runs 5] [--project KEPT.rejoinder] [--skip open,edit,undo]

Three figures, each the median of ``--runs``:

- *open*: a fresh ``python -m app PROJECT`` until the event loop's first turn
  with the window shown and the project open (as ``bench.gui_start``; budget
  1.5 s), with the CPU time of its GUI thread and of the whole process at
  that moment beside the wall time. The app's modules
  are compiled once first (``PYTHONDONTWRITEBYTECODE`` is dropped for the
  child), as an installed copy's are;
- *edit*: the GUI-thread time of one edit until every view has taken it —
  a response's text, its status (one step back with a reason, or forward),
  a note on a passage, a source's label, a new citation, a section's
  opening text (the Outline's editor; sections have no rename in the
  window) — and, for scale, choosing another source (its text and
  passages) — measured in-process
  on the open window as the GUI thread's CPU time (``time.thread_time``) from
  the call that makes the edit until background work has finished, its
  results have reached the views, and the views' delayed refreshes (Preview,
  600 ms) have run too: the clock runs through one more second of event loop
  and a second settling. Waiting costs no CPU, so the figure is the GUI
  thread's own work; the wall time up to the first turn is printed beside it
  (budget 50 ms);
- *undo*: ``app.core.journal.replay.undo`` of a merge that brought a
  colleague's 2,000 edits (``bench.undo_merge``'s edits: 1,500 responses
  changed, 500 passages moved) into this project, on a fresh copy each run;
  the dump after the undo is checked against the dump before the merge
  (budget 2 s), wall time and this thread's CPU time (the undo runs here).

The project is ``bench.synth``'s shape with 200 sources of 10 pages and 100
passages each, every passage answered.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bench.gui_start import ready_line, run_once
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
    """(wall to the first turn, GUI-thread CPU until every view has taken it) of one edit."""
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    _settle()
    wall, cpu = time.perf_counter(), time.thread_time()
    edit()
    QApplication.processEvents()
    wall = time.perf_counter() - wall
    _settle()
    loop = QEventLoop()
    QTimer.singleShot(1000, loop.quit)  # delayed refreshes (the Preview's 600 ms) fire
    loop.exec()
    _settle()
    return wall, time.thread_time() - cpu


def edit_times(project: Path, runs: int) -> dict[str, tuple[float, float]]:
    """Median (wall to the first turn, GUI-thread CPU) seconds of each kind of edit."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from app.core.services import sources
    from app.core.services.passages import PassageInfo
    from app.gui import commands
    from app.gui.main_window import MainWindow
    from app.gui.review.commands import SetStatus

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
    ws.outline.select_row(len(ws.outline.infos) // 2)
    _settle()
    times: dict[str, list[tuple[float, float]]] = {
        "response text": [],
        "response status": [],
        "note": [],
        "source label": [],
        "citation": [],
        "section opening": [],
    }
    for run in range(runs):

        def type_and_save(n: int = run) -> None:
            ws.editor.editor.insertPlainText(f" More {n}.")
            ws.editor.commit()

        times["response text"].append(_timed(type_and_save))
        # a status moves one step: back from agreed (with a reason), then forward again
        shown = ws.passages.items[len(ws.passages.items) // 2 + run]
        ctx.select_passage(shown.id)
        _settle()

        def set_status(info: PassageInfo = shown) -> None:
            old = info.response_status or "draft"
            new = "proposed" if old == "agreed" else "agreed"
            command = SetStatus(ctx, info.response_id, info.id, old, new, "bench")
            commands.push(window, ctx, command)

        times["response status"].append(_timed(set_status))

        def add_note(n: int = run, passage_id: str = shown.id) -> None:
            ws.passages.add_note(passage_id, f"Bench note {n}")

        times["note"].append(_timed(add_note))
        source = ctx.source_id
        assert source is not None

        def rename(n: int = run, source_id: str = source) -> None:
            ws.sources.rename(source_id, f"Renamed party {n} {time.monotonic_ns()}")

        times["source label"].append(_timed(rename))
        start = 40 + 300 * run
        ws.reader.view.select_span(start, start + 30)
        times["citation"].append(_timed(ws.cite_selection))

        def edit_opening(n: int = run) -> None:
            ws.outline.opening.set_markup(f"We thank the parties ({n}, {time.monotonic_ns()}).")
            ws.outline.flush()

        times["section opening"].append(_timed(edit_opening))
    # not an edit: choosing another source, until its text and passages are shown
    switches = []
    for run in range(runs):
        other = infos[(len(infos) // 2 + 1 + run) % len(infos)].id

        def choose(source_id: str = other) -> None:
            ctx.select_source(source_id)

        switches.append(_timed(choose))
        assert ctx.source_id == other and ws.passages.source_id == other
    times["(choosing another source)"] = switches
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


def _open_once(project: Path, folder: Path) -> tuple[float, float, float]:
    """(wall, GUI-thread CPU, process CPU) seconds of one start until the window is usable."""
    return ready_line(project, folder)


def undo_times(project: Path, folder: Path, runs: int) -> list[tuple[float, float]]:
    """(wall, CPU) seconds of each undo of a merge that brought 2,000 edits into ``project``."""
    from app.core import dump
    from app.core.journal import replay
    from app.core.merge import merge
    from app.core.store import ProjectStore
    from bench.merge import ALICE
    from bench.undo_merge import colleague_edits

    theirs = folder / "colleague.rejoinder"
    shutil.copy(project, theirs)
    colleague_edits(theirs)
    times = []
    for run in range(runs):
        ours = folder / f"ours{run}.rejoinder"
        shutil.copy(project, ours)
        with ProjectStore.open(ours, ALICE) as store:
            before = dump.dumps(store)
            merge(store, theirs)
            began, cpu = time.perf_counter(), time.thread_time()
            replay.undo(store)
            times.append((time.perf_counter() - began, time.thread_time() - cpu))
            assert dump.dumps(store) == before, "the undo did not restore the project"
        ours.unlink()
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument(
        "--project", type=Path, help="a project built earlier by this bench (built if absent)"
    )
    parser.add_argument("--skip", default="", help="figures not to measure: open,edit,undo")
    args = parser.parse_args()
    skip = set(args.skip.split(","))
    folder = Path(tempfile.mkdtemp(prefix="rejoinder-scale-"))
    for name in ("CONFIG", "DATA", "LOG"):
        os.environ.setdefault(f"REJOINDER_{name}_DIR", str(folder / name.lower()))
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)  # the child compiles once, then reuses
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
    if "open" not in skip:
        run_once(project, folder)  # warm the file cache and compile, as a second start would
        opens = [_open_once(project, folder) for _ in range(args.runs)]
        print(
            "open runs (wall / GUI-thread CPU / process CPU): "
            + ", ".join(f"{w:.3f}/{t:.3f}/{c:.3f} s" for w, t, c in opens)
        )
        print(
            f"open (median of {args.runs}): {statistics.median(o[0] for o in opens):.3f} s wall, "
            f"{statistics.median(o[1] for o in opens):.3f} s CPU of the GUI thread, "
            f"{statistics.median(o[2] for o in opens):.3f} s CPU of the process (budget 1.5 s)"
        )
    if "edit" not in skip:
        for kind, (wall, cpu) in edit_times(project, args.runs).items():
            what = "edit, " + kind if not kind.startswith("(") else kind[1:-1] + ", no budget"
            print(
                f"{what} (median of {args.runs}): GUI thread {cpu * 1000:.1f} ms CPU "
                f"until every view has it, {wall * 1000:.1f} ms wall to the first turn"
                + (" (budget 50 ms)" if what.startswith("edit") else "")
            )
    if "undo" not in skip:
        undos = undo_times(project, folder, args.runs)
        print(
            "undo of a 2,000-edit merge runs (wall/CPU): "
            + ", ".join(f"{w:.3f}/{c:.3f} s" for w, c in undos)
        )
        print(
            f"undo (median of {args.runs}): {statistics.median(w for w, _c in undos):.3f} s wall, "
            f"{statistics.median(c for _w, c in undos):.3f} s CPU (budget 2 s)"
        )
    shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
