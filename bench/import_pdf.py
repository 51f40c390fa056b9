"""Benchmark: import a PDF with Rejoinder and compare with poppler's pdftotext.

Usage: ``python bench/import_pdf.py [FILE.pdf] [-n RUNS]``. Without a file it
generates the 300-page document of :mod:`bench.make_pdf` first. Both tools
run alternately in the same process run, so that a busy machine slows both;
the budget is ≤ 1.5 s and ≤ 1.5 × pdftotext (DESIGN.md).

Besides the ratio of the medians it prints the median of the per-round
ratios (each import against the pdftotext run right after it, which is what
a shared machine's load drifts least between) and the ratio of CPU times
(this process against the pdftotext child), which load hardly moves.
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import pypdfium2 as pdfium  # noqa: E402
import pypdfium2.raw as pdfium_c  # noqa: E402

from app.importers.base import ImportOptions  # noqa: E402
from app.importers.pdf import import_bytes  # noqa: E402
from bench.make_pdf import build_document  # noqa: E402


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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("pdf", nargs="?", type=Path)
    parser.add_argument("-n", "--runs", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = args.pdf
        if path is None:
            path = Path(tmp) / "bench-300.pdf"
            path.write_bytes(build_document(300))
        data = path.read_bytes()
        pdftotext = shutil.which("pdftotext")
        ours: list[float] = []
        theirs: list[float] = []
        floor: list[float] = []
        ours_cpu: list[float] = []
        theirs_cpu: list[float] = []
        result = import_bytes(data, ImportOptions())  # warm-up: imports, page cache
        for _ in range(args.runs):
            cpu = time.process_time()
            start = time.perf_counter()
            result = import_bytes(data, ImportOptions())
            ours.append(time.perf_counter() - start)
            ours_cpu.append(time.process_time() - cpu)
            start = time.perf_counter()
            pdfium_floor(data)
            floor.append(time.perf_counter() - start)
            if pdftotext is not None:
                before = resource.getrusage(resource.RUSAGE_CHILDREN)
                start = time.perf_counter()
                subprocess.run(
                    [pdftotext, str(path), str(Path(tmp) / "out.txt")],
                    check=True,
                    capture_output=True,
                )
                theirs.append(time.perf_counter() - start)
                after = resource.getrusage(resource.RUSAGE_CHILDREN)
                theirs_cpu.append(
                    after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
                )
    ms = statistics.median(ours) * 1000
    print(f"machine: {os.cpu_count()} CPUs, {_cpu()}, Python {platform.python_version()}")
    print(f"file: {path.name}, {len(result.pages)} pages, {len(result.text):,} characters")
    print(f"rejoinder import: median {ms:.0f} ms over {args.runs} runs")
    bare = statistics.median(floor) * 1000
    print(f"pypdfium2 alone:  median {bare:.0f} ms (pages and text pages, no layout)")
    if theirs:
        ref = statistics.median(theirs) * 1000
        print(f"pdftotext:        median {ref:.0f} ms over {args.runs} runs")
        print(f"ratio: {ms / ref:.2f} x pdftotext (budget 1.5 x, and 1500 ms)")
        print(f"pypdfium2 alone: {bare / ref:.2f} x pdftotext")
        paired = statistics.median(a / b for a, b in zip(ours, theirs, strict=True))
        print(f"median of per-round ratios: {paired:.2f} x pdftotext")
        mine, poppler = statistics.median(ours_cpu), statistics.median(theirs_cpu)
        if poppler > 0:
            print(
                f"CPU time: {mine * 1000:.0f} ms against {poppler * 1000:.0f} ms, "
                f"{mine / poppler:.2f} x pdftotext"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
