"""Where the CPU of a PDF import goes, phase by phase (issue 14 §2).

    .venv/bin/python -m bench.pdf_phases [FILE.pdf] [-n RUNS]

Without a file, the 300-page document of :mod:`tests.pdf_factory`. Two
tables of CPU milliseconds (this process's, ``time.process_time``, which the
machine's load moves far less than wall time), medians of RUNS imports:

- the import in this process alone (``workers=0``): reading (of which
  pdfium's page and text-page loading, ``read_lines`` and each page's summary
  facts), the summary, the plan, the layout and the assembly;
- this process's share of the automatic import (itself and one worker on 2
  cores): what it reads, and the serial steps only it takes (the plan, the
  gathering of the worker's messages, the assembly with its own layout), which
  are the critical path once the reading is balanced; once with the worker
  kept between imports, as the window keeps it, and once with a worker forked
  for each import (whose memory both sides copy as they write to it).

The phases are timed by wrapping the importer's functions, which costs a
little: the totals are a few percent above ``bench.import_pdf``'s.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from app.importers import pdf  # noqa: E402
from app.importers.base import ImportOptions  # noqa: E402
from app.importers.pdf import chunk, workers  # noqa: E402
from tests.pdf_factory import build_document  # noqa: E402

_spent: dict[str, float] = {}
_HOME = os.getpid()


def _timed(name: str, func: Callable[..., Any]) -> Callable[..., Any]:
    """``func``, adding its CPU time to ``name`` when it runs in this process (not a worker)."""

    def timed(*args: Any, **kwargs: Any) -> Any:
        start = time.process_time()
        try:
            return func(*args, **kwargs)
        finally:
            if os.getpid() == _HOME:
                _spent[name] = _spent.get(name, 0.0) + time.process_time() - start

    return timed


# (owner, attribute, label) of each timed phase, in the order printed; indented
# labels are parts of the one above.
_PHASES: list[tuple[Any, str, str]] = [
    (workers.PagePool, "__init__", "pool start (a fork, or a kept worker's job)"),
    (chunk.Chunk, "read", "read"),
    (chunk, "_load_page", "  pdfium page loading"),
    (chunk, "read_lines", "  read_lines"),
    (chunk, "_facts", "  page facts"),
    (chunk.Chunk, "summary", "summary"),
    (workers.PagePool, "_gather", "gathering the workers' messages"),
    (pdf, "plan_document", "plan"),
    (pdf, "_assemble", "assembly"),
    (chunk.Chunk, "layout", "layout of its own pages (in the assembly when pooled)"),
    (workers.PagePool, "close", "pool close"),
]


def _instrument() -> None:
    for owner, attribute, label in _PHASES:
        func = getattr(owner, attribute)
        if isinstance(owner, type) and isinstance(owner.__dict__[attribute], classmethod):
            setattr(owner, attribute, classmethod(_timed(label, func.__func__)))
        else:
            setattr(owner, attribute, _timed(label, func))


def _table(
    title: str, data: bytes, workers_count: int | None, runs: int, options: ImportOptions
) -> None:
    pdf.import_bytes(data, options, workers=workers_count)  # warm-up
    samples: dict[str, list[float]] = {}
    for _ in range(runs):
        _spent.clear()
        start = time.process_time()
        pdf.import_bytes(data, options, workers=workers_count)
        _spent["total"] = time.process_time() - start
        for name, seconds in _spent.items():
            samples.setdefault(name, []).append(seconds * 1000)
    print(title)
    for name in ["total", *(label for _, _, label in _PHASES)]:
        if name in samples:
            print(f"  {name:<54} {statistics.median(samples[name]):7.1f} ms")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("pdf", nargs="?", type=Path)
    parser.add_argument("-n", "--runs", type=int, default=9)
    args = parser.parse_args()
    data = args.pdf.read_bytes() if args.pdf else build_document(300)
    print(f"load {os.getloadavg()[0]:.2f}; CPU ms of this process, medians of {args.runs}")
    _instrument()
    _table("In this process alone (workers=0):", data, 0, args.runs, ImportOptions())
    _table(
        "This process's share of the automatic import (workers kept, as in the window):",
        data,
        None,
        args.runs,
        ImportOptions(keep_readers=600.0),
    )
    _table(
        "This process's share of the automatic import (workers started for it):",
        data,
        None,
        args.runs,
        ImportOptions(),
    )
    print(f"load after: {os.getloadavg()[0]:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
