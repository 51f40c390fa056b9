"""Benchmark: import a PDF with Rejoinder and compare with poppler's pdftotext.

Usage: ``python bench/import_pdf.py [FILE.pdf] [-n RUNS] [--command]``.
Without a file it generates the 300-page document of :mod:`tests.pdf_factory`.
Budgets (DESIGN.md, 2 cores): in-process ≤ 1.0 × pdftotext, the whole
``rejoinder import`` command ≤ 2.0 × pdftotext.

In-process, each round imports the file in this process alone, with this
process and 1 worker (2 processes reading pages) and with 4 processes (on
fewer cores than that, to show what oversubscribing them costs), with the
workers the importer chooses, kept between imports as the window keeps them
(``ImportOptions.keep_readers``: the figure the budget is about, since the
window is the process that imports in-process), the same on a thread of its
own as the window does (forking is then unsafe: the workers start through the
fork server, and are kept as well), and started afresh for each
import, as a process importing once would (forked, their memory shared with
this process until either side writes to it), then runs
``pdftotext FILE out.txt`` as a subprocess (how a user would time it) and
the bare pypdfium2 work (load every page and its text page, fetch the text:
the floor pdfium sets on one core). The variants alternate within each round,
so a shared machine's drifting load hits them alike. Printed per variant:
the median wall time, its CPU time over its wall time (above 1 only when
processes really read pages at the same time), the median of the per-round
ratios to pdftotext, and the ratio of CPU times (this process and its
workers against the pdftotext child), which load moves least; with
workers, also this process's CPU time and theirs: with one worker on idle
cores the wall time is about the larger of the two, the figure to read when
other sessions load the machine.

With ``--command`` it times the whole command instead, start-up included:
``python -m app import PROJECT FILE`` into a fresh project (made beforehand,
not timed) against pdftotext, alternating.
"""

from __future__ import annotations

import argparse
import gc
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import pypdfium2 as pdfium  # noqa: E402
import pypdfium2.raw as pdfium_c  # noqa: E402

from app.importers.base import ImportOptions  # noqa: E402
from app.importers.pdf import import_bytes  # noqa: E402
from app.importers.pdf.workers import available_cores  # noqa: E402
from bench.installed import byte_compile  # noqa: E402
from bench.kept import kept_cpu, kept_cpu_since  # noqa: E402
from tests.pdf_factory import build_document  # noqa: E402


def _cpu() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def pdfium_floor(data: bytes) -> None:
    """What pypdfium2 alone needs: load every page and its text page, fetch the text."""
    doc = pdfium.PdfDocument(data)
    for index in range(len(doc)):
        page = doc[index]
        textpage = page.get_textpage()
        textpage.get_text_range(0, pdfium_c.FPDFText_CountChars(textpage.raw))
        textpage.close()
        page.close()
    doc.close()


def _timed(action: Callable[[], object]) -> tuple[float, float, float]:
    """Wall and CPU seconds of ``action`` (its workers included), and this process's CPU.

    Workers that ended are reaped children; kept ones are alive, and their
    time is read from /proc in clock ticks (10 ms): their share of a single
    import is coarse, the mean over the runs is not.
    """
    me = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    kept = kept_cpu()
    start = time.perf_counter()
    action()
    wall = time.perf_counter() - start
    me2 = resource.getrusage(resource.RUSAGE_SELF)
    kids2 = resource.getrusage(resource.RUSAGE_CHILDREN)
    own = sum(getattr(me2, f) - getattr(me, f) for f in ("ru_utime", "ru_stime"))
    cpu = own + sum(getattr(kids2, f) - getattr(kids, f) for f in ("ru_utime", "ru_stime"))
    cpu += kept_cpu_since(kept)
    return wall, cpu, own


def _report(
    name: str,
    runs: list[tuple[float, float, float]],
    ref: list[tuple[float, float, float]],
    split: bool = False,
) -> None:
    wall = statistics.median(r[0] for r in runs) * 1000
    # CPU over wall: above 1 only when processes really ran at the same time.
    # Means, not medians: a kept worker's time comes in 10 ms ticks.
    overlap = statistics.mean(r[1] for r in runs) / statistics.mean(r[0] for r in runs)
    line = f"{name:<22} median {wall:6.0f} ms  CPU/wall {overlap:4.2f}"
    if ref:
        paired = statistics.median(a[0] / b[0] for a, b in zip(runs, ref, strict=True))
        cpu = statistics.mean(r[1] for r in runs) / statistics.mean(r[1] for r in ref)
        line += f"   per-round ratio {paired:4.2f} x   CPU-time ratio {cpu:4.2f} x"
        # With workers: this process's CPU and theirs. On idle cores the
        # wall time is about the larger of the two when there is one worker.
        own = statistics.median(r[2] for r in runs) * 1000
        total = statistics.mean(r[1] for r in runs) * 1000
        if split and total - own > 1:
            line += f"   CPU here {own:4.0f} ms, workers {total - own:4.0f} ms"
    print(line)


def _in_a_thread(action: Callable[[], object]) -> None:
    """``action`` on a thread of its own, as the window imports: forking is then unsafe,
    and the workers start through the fork server (:func:`app.core.beside.can_fork`).

    Automatic collection is off meanwhile, as while the window runs (its GUI
    thread collects on a timer: app.gui.collector).
    """
    errors: list[BaseException] = []
    was = gc.isenabled()
    gc.disable()

    def run() -> None:
        try:
            action()
        except BaseException as exc:  # raised again on this thread
            errors.append(exc)

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    if was:
        gc.enable()
    if errors:
        raise errors[0]


def _alternate(
    variants: dict[str, Callable[[], object]], runs: int
) -> dict[str, list[tuple[float, float, float]]]:
    """Each variant once (the warm-up: imports, page cache), then ``runs`` rounds of all in turn."""
    for action in variants.values():
        action()
    results: dict[str, list[tuple[float, float, float]]] = {name: [] for name in variants}
    for _ in range(runs):
        for name, action in variants.items():
            results[name].append(_timed(action))
    return results


def in_process(path: Path, data: bytes, runs: int, tmp: Path) -> None:
    pdftotext = shutil.which("pdftotext")
    reference: dict[str, Callable[[], object]] = {}
    if pdftotext is not None:
        out = str(tmp / "out.txt")
        reference["pdftotext"] = lambda: subprocess.run(
            [pdftotext, str(path), out], check=True, capture_output=True
        )
    # Processes reading pages: this one alone, or this one and n - 1 workers
    # (4 also on fewer cores, to show what oversubscribing them costs), kept
    # between imports as in the window.
    kept = ImportOptions(keep_readers=600.0)
    variants: dict[str, Callable[[], object]] = {
        f"{n} processes" if n > 1 else "1 process": (
            lambda n=n: import_bytes(data, kept, workers=n - 1)  # type: ignore[misc]
        )
        for n in (1, 2, 4)
    }
    variants["automatic, kept"] = lambda: import_bytes(data, kept)
    variants["as the window, kept"] = lambda: _in_a_thread(lambda: import_bytes(data, kept))
    variants["pypdfium2 alone"] = lambda: pdfium_floor(data)
    results = _alternate({**variants, **reference}, runs)
    # Then workers started for each import (an import that keeps none ends the
    # kept ones first, outside the timing): a separate series, since it would
    # end the kept workers of the one above every round.
    import_bytes(data, ImportOptions(), workers=0)
    fresh = _alternate(
        {"automatic, fresh": lambda: import_bytes(data, ImportOptions()), **reference}, runs
    )
    result = import_bytes(data, ImportOptions())
    print(f"file: {path.name}, {len(result.pages)} pages, {len(result.text):,} characters")
    for series in (results, fresh):
        ref = series.get("pdftotext", [])
        for name, timings in series.items():
            _report(name, timings, ref if name != "pdftotext" else [], split=True)


def whole_command(path: Path, runs: int, tmp: Path) -> None:
    pdftotext = shutil.which("pdftotext")
    if pdftotext is None:
        raise SystemExit("pdftotext is needed for --command")
    env = {**os.environ, "REJOINDER_CONFIG_DIR": str(tmp), "REJOINDER_DATA_DIR": str(tmp)}
    ours: list[tuple[float, float, float]] = []
    theirs: list[tuple[float, float, float]] = []
    for k in range(runs + 1):
        project = tmp / f"p{k}.rejoinder"
        subprocess.run(
            [sys.executable, "-m", "app", "new", str(project), "--title", "T", "--org", "O"],
            check=True,
            cwd=ROOT,
            env=env,
        )
        command = [sys.executable, "-m", "app", "import", str(project), str(path)]
        timing = _timed(
            lambda command=command: subprocess.run(  # type: ignore[misc]
                command, check=True, capture_output=True, cwd=ROOT, env=env
            )
        )
        reference = _timed(
            lambda: subprocess.run(
                [pdftotext, str(path), str(tmp / "out.txt")], check=True, capture_output=True
            )
        )
        if k:  # the first round warms the page cache
            ours.append(timing)
            theirs.append(reference)
    _report("rejoinder import", ours, theirs)
    _report("pdftotext", theirs, [])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("pdf", nargs="?", type=Path)
    parser.add_argument("-n", "--runs", type=int, default=7)
    parser.add_argument("--command", action="store_true", help="time the whole command")
    args = parser.parse_args()
    byte_compile()  # as an installed copy: bench/installed.py
    print(
        f"machine: {os.cpu_count()} CPUs ({available_cores()} usable), {_cpu()}, "
        f"Python {platform.python_version()}; load {os.getloadavg()[0]:.2f}"
    )
    with tempfile.TemporaryDirectory() as tmp:
        path = args.pdf
        if path is None:
            path = Path(tmp) / "bench-300.pdf"
            path.write_bytes(build_document(300))
        if args.command:
            whole_command(path, args.runs, Path(tmp))
        else:
            in_process(path, path.read_bytes(), args.runs, Path(tmp))
    print(f"load after: {os.getloadavg()[0]:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
