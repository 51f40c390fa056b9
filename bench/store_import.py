"""Storing an imported 300-page PDF in a project (budget ≤ 150 ms), in its parts.

    .venv/bin/python -m bench.store_import [-n RUNS]

The benchmark document of :mod:`tests.pdf_factory` is imported once (not
timed); then, into a fresh project file each run (made beforehand, not
timed), it is stored the way ``rejoinder import`` stores it
(:func:`app.core.quickimport.add_source`: plain sqlite3, rows, journal entry,
the sentence index of similar passages, commit with fsync; and again with the
index's sentences and keys prepared beforehand, as the PDF reader prepares them
for the command with its idle worker, so that storing only writes them) and the way the
window and a batch store it (:func:`app.core.services.sources.add_source`,
through the ORM), each as a whole, wall and CPU time. Next to them, the parts:
the bulk insert of the pages and paragraphs alone (the command's path
without the sentence index: pages, paragraphs and footnotes are one JSON
column each of the version row, so "inserting them" is that JSON and one
row), of which the JSON; the sentence index alone; and the full-text
indexing of the new source (the in-memory FTS5 index of ``app.core.search``,
built at the first search after a change, not while storing). Medians.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import shutil
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from app.core import quickimport
from app.core.document import to_json
from app.core.search import index_for
from app.core.services import sources
from app.core.similar.build import index_new_version
from app.core.similar.prepare import prepare
from app.core.store import ProjectStore
from app.importers.base import ImportOptions
from app.importers.pdf import import_bytes
from tests.pdf_factory import build_document


def _timed(action: Callable[[], object]) -> tuple[float, float]:
    began, cpu = time.perf_counter(), time.process_time()
    action()
    return time.perf_counter() - began, time.process_time() - cpu


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("-n", "--runs", type=int, default=7)
    args = parser.parse_args()
    data = build_document(300)
    imported = import_bytes(data, ImportOptions())
    spans = [(p.start, p.end) for p in imported.paragraphs]
    print(
        f"document: {len(imported.pages)} pages, {len(imported.paragraphs):,} paragraphs, "
        f"{len(imported.footnotes)} footnotes, {len(imported.text):,} characters, "
        f"{len(data) // 1024} KiB of PDF; load {os.getloadavg()[0]:.2f}"
    )
    ready = dataclasses.replace(imported, prepared=prepare(imported.text, spans))
    names = (
        "command",
        "command_cpu",
        "prepared",
        "prepared_cpu",
        "rows",
        "rows_cpu",
        "json",
        "similar",
        "similar_cpu",
        "orm",
        "orm_cpu",
    )
    timings: dict[str, list[float]] = {name: [] for name in (*names, "fts")}
    folder = Path(tempfile.mkdtemp(prefix="rejoinder-bench-"))
    empty = folder / "empty.rejoinder"
    ProjectStore.create(empty, title="T", organisation="O").close()

    def fresh(name: str) -> Path:
        path = folder / name
        shutil.copyfile(empty, path)
        return path

    def similar_alone() -> None:
        conn = sqlite3.connect(fresh("similar.rejoinder"), isolation_level=None)
        conn.execute("BEGIN")
        index_new_version(conn, "v", imported.text, spans)
        conn.execute("COMMIT")
        conn.close()

    for run in range(args.runs + 1):
        path = fresh(f"quick{run}.rejoinder")
        wall, cpu = _timed(
            lambda path=path: quickimport.add_source(  # type: ignore[misc]
                path, imported, data, filename="b.pdf", label="B", indexer=index_new_version
            )
        )
        path = fresh(f"prepared{run}.rejoinder")
        prepared, prepared_cpu = _timed(
            lambda path=path: quickimport.add_source(  # type: ignore[misc]
                path, ready, data, filename="b.pdf", label="B", indexer=index_new_version
            )
        )
        path = fresh(f"rows{run}.rejoinder")
        rows, rows_cpu = _timed(
            lambda path=path: quickimport.add_source(  # type: ignore[misc]
                path, imported, data, filename="b.pdf", label="B"
            )
        )
        json_time, _ = _timed(
            lambda: [
                to_json(items)
                for items in (imported.pages, imported.paragraphs, imported.footnotes)
            ]
        )
        similar, similar_cpu = _timed(similar_alone)
        with ProjectStore.open(fresh(f"orm{run}.rejoinder")) as store:
            orm, orm_cpu = _timed(
                lambda store=store: sources.add_source(  # type: ignore[misc]
                    store, imported, data, filename="b.pdf", label="B"
                )
            )
            fts, _ = _timed(lambda store=store: index_for(store).refresh())  # type: ignore[misc]
        if run:  # the first run warms caches and imports
            for name, value in zip(
                (*names, "fts"),
                (
                    *(wall, cpu, prepared, prepared_cpu, rows, rows_cpu, json_time),
                    *(similar, similar_cpu, orm, orm_cpu, fts),
                ),
                strict=True,
            ):
                timings[name].append(value)
    for name, label in (
        ("command", "rejoinder import's store (sqlite3: rows, journal, similar index, commit)"),
        ("command_cpu", "  its CPU time"),
        ("prepared", "  the same, the index's sentences and keys prepared while reading"),
        ("prepared_cpu", "    its CPU time"),
        ("rows", "  bulk insert of pages and paragraphs (the same without the index)"),
        ("rows_cpu", "    its CPU time"),
        ("json", "    of which pages, paragraphs, footnotes to JSON"),
        ("similar", "  similar-passage index alone (sentences, bands, commit)"),
        ("similar_cpu", "    its CPU time"),
        ("orm", "the window's store (services.sources.add_source, ORM, with the index)"),
        ("orm_cpu", "  its CPU time"),
        ("fts", "full-text index of the new source (first search)"),
    ):
        print(f"{label:<76} median {statistics.median(timings[name]) * 1000:6.1f} ms")
    print(f"load after: {os.getloadavg()[0]:.2f}")
    shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
