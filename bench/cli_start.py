"""Start-up of the light commands: ``--version`` ≤ 0.1 s, ``sources`` ≤ 0.25 s, ``new`` ≤ 0.3 s.

    .venv/bin/python -m bench.cli_start [-n RUNS]

Each command runs as a fresh ``python -m app`` process, as a user starts it,
alternating with a bare ``python -c pass`` (the interpreter's own start, the
floor no command can go under), so a shared machine's load hits all alike.
Per command: the median wall time and the median CPU time (user + system of
the finished process, from getrusage), which load moves least. ``sources``
lists a project of 5 sources; ``new`` creates a fresh file each run.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from app.core.services.sources import add_source
from app.core.store import ProjectStore
from app.importers.text import import_text
from bench.installed import byte_compile

ROOT = Path(__file__).resolve().parents[1]


def _run(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, cwd=ROOT, env=env)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return wall, cpu


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("-n", "--runs", type=int, default=11)
    args = parser.parse_args()
    byte_compile()  # as an installed copy: bench/installed.py
    folder = Path(tempfile.mkdtemp(prefix="rejoinder-bench-"))
    env = {**os.environ, "REJOINDER_CONFIG_DIR": str(folder), "REJOINDER_DATA_DIR": str(folder)}
    os.environ.update(env)
    project = folder / "five.rejoinder"
    with ProjectStore.create(project, title="Bench", organisation="O") as store:
        for k in range(5):
            text = f"Submission {k}. " + "Enhanced cooperation is a process. " * 400
            add_source(store, import_text(text), text.encode(), filename=f"{k}.txt", label=f"P{k}")
    app = [sys.executable, "-m", "app"]
    commands: dict[str, list[str] | None] = {
        "python -c pass": [sys.executable, "-c", "pass"],
        "rejoinder --version": [*app, "--version"],
        "rejoinder sources": [*app, "sources", str(project)],
        "rejoinder new": None,  # a fresh file each run
    }
    results: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
    for run in range(args.runs + 1):
        for name, command in commands.items():
            if command is None:
                target = folder / f"new{run}.rejoinder"
                command = [*app, "new", str(target), "--title", "T", "--org", "O"]
            timing = _run(command, env)
            if run:  # the first round warms the caches
                results[name].append(timing)
    print(f"load {os.getloadavg()[0]:.2f}; {args.runs} runs each, alternating; medians")
    for name, timings in results.items():
        wall = statistics.median(w for w, _ in timings) * 1000
        cpu = statistics.median(c for _, c in timings) * 1000
        print(f"{name:<22} wall {wall:6.0f} ms   CPU {cpu:6.0f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
