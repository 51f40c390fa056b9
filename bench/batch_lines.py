"""Scripting a contribution: 1,000 ``cite`` and 1,000 ``respond`` lines through ``rejoinder batch``.

    .venv/bin/python -m bench.batch_lines [-n RUNS] [--lines N]

Budget (DESIGN.md): 1,000 cite + respond lines ≤ 5 s. A project holds one
source of 1,000 numbered paragraphs, each with a distinct sentence. Per run,
in a fresh copy of that project, one ``rejoinder batch`` process cites a
sentence of every paragraph (1,000 lines) and a second one answers each new
passage (1,000 lines; the passage ids come from the first batch's output, as
a script would take them). Wall and CPU time of each whole process, start-up
included; medians. For scale, 20 of the cite lines also run as separate
``rejoinder cite`` commands. ``--lines 500`` reads the budget as 1,000 lines
in all (500 of each).
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
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
LINES = 1000


def _run(args: list[str], stdin: str, env: dict[str, str]) -> tuple[float, float, str]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "app", *args],
        input=stdin,
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
        env=env,
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return wall, cpu, done.stdout


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("-n", "--runs", type=int, default=3)
    parser.add_argument("--lines", type=int, default=LINES, help="cite lines (and as many respond)")
    args = parser.parse_args()
    byte_compile()  # as an installed copy: bench/installed.py
    lines = args.lines
    folder = Path(tempfile.mkdtemp(prefix="rejoinder-bench-"))
    env = {**os.environ, "REJOINDER_CONFIG_DIR": str(folder), "REJOINDER_DATA_DIR": str(folder)}
    os.environ.update(env)
    template = folder / "template.rejoinder"
    text = "\n".join(
        f"{k}. The delegation number {k} supports enhanced cooperation in forum {k * 7}."
        for k in range(1, LINES + 1)
    )
    with ProjectStore.create(template, title="Bench", organisation="O") as store:
        source = add_source(
            store, import_text(text), text.encode(), filename="s.txt", label="Arcadia"
        )
    quotes = [f"delegation number {k} supports" for k in range(1, lines + 1)]
    cites = "".join(f'cite --source {source} --quote "{quote}"\n' for quote in quotes)
    timings: dict[str, list[tuple[float, float]]] = {"cite": [], "respond": []}
    for run in range(args.runs):
        project = folder / f"p{run}.rejoinder"
        shutil.copy(template, project)
        wall, cpu, out = _run(["batch", str(project)], cites, env)
        timings["cite"].append((wall, cpu))
        passages = out.split()
        if len(passages) != lines:
            raise SystemExit(f"the cite batch printed {len(passages)} ids, not {lines}")
        responds = "".join(
            f"respond --passage {p} --text 'We <b>agree</b> with point {k}.' --position agree\n"
            for k, p in enumerate(passages, 1)
        )
        wall, cpu, _ = _run(["batch", str(project)], responds, env)
        timings["respond"].append((wall, cpu))
    alone = folder / "alone.rejoinder"
    shutil.copy(template, alone)
    single = [
        _run(["cite", str(alone), "--source", source, "--quote", quote], "", env)
        for quote in quotes[:20]
    ]
    print(f"load {os.getloadavg()[0]:.2f}; {args.runs} runs; medians of whole processes")
    for name, runs in timings.items():
        wall = statistics.median(w for w, _ in runs)
        cpu = statistics.median(c for _, c in runs)
        print(f"batch of {lines} {name} lines: wall {wall:6.2f} s   CPU {cpu:6.2f} s")
    total = sum(statistics.median(w for w, _ in runs) for runs in timings.values())
    cpu_total = sum(statistics.median(c for _, c in runs) for runs in timings.values())
    print(f"together: {2 * lines} lines, wall {total:.2f} s, CPU {cpu_total:.2f} s (budget 5 s)")
    wall = statistics.median(w for w, _, _ in single)
    cpu = statistics.median(c for _, c, _ in single)
    print(f"one `rejoinder cite` command alone: wall {wall:.2f} s, CPU {cpu:.2f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
