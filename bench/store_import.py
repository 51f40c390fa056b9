"""Storing an imported 300-page PDF in a project (budget ≤ 150 ms), in its parts.

    .venv/bin/python -m bench.store_import [-n RUNS]

The benchmark document of :mod:`tests.pdf_factory` is imported once (not
timed); then, into a fresh project each run, ``add_source`` is timed as a
whole (what ``rejoinder import`` and the GUI pay after the importer), and
next to it its parts: turning pages, paragraphs and footnotes into the JSON
the source version row holds (the bulk of "inserting pages and paragraphs":
they are one row, not a row each), the transaction that writes the row, the
original file and the party section, and the full-text indexing of the new
source (the in-memory FTS5 index of ``app.core.search``, built at the first
search after a change, not while storing). Medians.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from pathlib import Path

from app.core.search import index_for
from app.core.services import sources
from app.core.store import ProjectStore
from app.importers.base import ImportOptions
from app.importers.pdf import import_bytes
from tests.pdf_factory import build_document


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("-n", "--runs", type=int, default=7)
    args = parser.parse_args()
    data = build_document(300)
    imported = import_bytes(data, ImportOptions())
    print(
        f"document: {len(imported.pages)} pages, {len(imported.paragraphs):,} paragraphs, "
        f"{len(imported.footnotes)} footnotes, {len(imported.text):,} characters, "
        f"{len(data) // 1024} KiB of PDF; load {os.getloadavg()[0]:.2f}"
    )
    timings: dict[str, list[float]] = {"add_source": [], "cpu": [], "json": [], "index": []}
    folder = Path(tempfile.mkdtemp(prefix="rejoinder-bench-"))
    for run in range(args.runs + 1):
        with ProjectStore.create(folder / f"p{run}.rejoinder", title="T", organisation="O") as s:
            began = time.perf_counter()
            for items in (imported.pages, imported.paragraphs, imported.footnotes):
                sources._as_dicts(items)
            json_time = time.perf_counter() - began
            began, cpu = time.perf_counter(), time.process_time()
            sources.add_source(s, imported, data, filename="bench.pdf", label="Bench")
            add_time = time.perf_counter() - began
            add_cpu = time.process_time() - cpu
            began = time.perf_counter()
            index_for(s).refresh()
            index_time = time.perf_counter() - began
        if run:  # the first run warms caches and imports
            timings["add_source"].append(add_time)
            timings["cpu"].append(add_cpu)
            timings["json"].append(json_time)
            timings["index"].append(index_time)
    for name, label in (
        ("add_source", "add_source (whole: JSON, row, original, section, commit)"),
        ("cpu", "  its CPU time"),
        ("json", "  of which pages, paragraphs, footnotes to JSON"),
        ("index", "full-text index of the new source (first search)"),
    ):
        print(f"{label:<60} median {statistics.median(timings[name]) * 1000:6.1f} ms")
    print(f"load after: {os.getloadavg()[0]:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
