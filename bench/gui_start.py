"""Start to a usable main window with a 50-source project (budget ≤ 1.0 s).

    .venv/bin/python -m bench.gui_start

A fresh ``python -m app PROJECT`` is started for each run, the way the
``rejoinder`` command starts (offscreen platform, settings in a temporary
folder). The clock starts just before the process is spawned and stops at
the event loop's first turn with the main window shown and the project open
(its sources list is filled while the project opens): with
``REJOINDER_BENCH_READY=1`` the app prints that moment (``time.time()``) and
quits. Median of 5 runs.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.synth import Shape, build_project


def run_once(project: Path, home: Path, command: list[str] | None = None) -> float:
    return ready_line(project, home, command)[0]


def ready_line(
    project: Path, home: Path, command: list[str] | None = None
) -> tuple[float, float, float]:
    """(wall, GUI-thread CPU, process CPU) seconds from the spawn to the usable window."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", REJOINDER_BENCH_READY="1")
    for name in ("CONFIG", "DATA", "LOG"):
        env[f"REJOINDER_{name}_DIR"] = str(home / name.lower())
    began = time.time()
    out = subprocess.run(
        [*(command or [sys.executable, "-m", "app"]), str(project)],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    fields = next(line for line in out.splitlines() if line.startswith("READY")).split()
    assert fields[2] == "1"
    thread_cpu, process_cpu = (float(f) for f in fields[3:5]) if len(fields) >= 5 else (0, 0)
    return float(fields[1]) - began, thread_cpu, process_cpu


def main() -> int:
    folder = Path(tempfile.mkdtemp(prefix="rejoinder-bench-"))
    shape = Shape(sources=50, pages=60, passages_per_source=20)
    project = build_project(folder / "start.rejoinder", shape)
    size = project.stat().st_size / 2**20
    print(f"project: {shape.sources} sources, {shape.sources * shape.pages} pages, {size:.0f} MiB")
    run_once(project, folder)  # warm the file cache, as a second start would
    times = [run_once(project, folder) for _ in range(5)]
    print("runs: " + ", ".join(f"{t:.3f} s" for t in times))
    print(
        f"start to usable main window (median of 5): {statistics.median(times):.3f} s"
        " (budget 1.0 s)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
