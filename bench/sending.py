"""What changed since we sent, on 20,000 passages: the passages panel's marker and ``changes``.

    .venv/bin/python -m bench.sending [--sources 200] [--passages 100] [--runs 7]

Issue 16 §4: after a final export, the passages panel marks each passage
"changed since sent" (:func:`app.core.sending.changed_passages`, asked at
every refresh of the panel, for the source shown) and ``rejoinder changes``
lists the changes (:func:`app.core.sending.changes_since`). The project:
:mod:`bench.synth` with ``--sources`` × ``--passages`` passages (20,000 by
default), each answered; a final export is recorded, then 1 % of the
responses are edited and 1 % of the passages deleted.

The reference, timed in the same run, is what the panel does anyway at each
refresh: listing the source's passages (:func:`passages.list_passages`); for
the whole project, reading it as the export does (``read_project``). Each
figure is the median of ``--runs``; the first call of a process (which parses
the sent record's JSON, cached after) is reported apart.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from app.core import sending
from app.core.contribution import build_contribution, read_project
from app.core.sending import record
from app.core.services import passages, responses, sources
from app.core.store import ProjectStore
from bench.installed import byte_compile
from bench.synth import Shape, build_project


def _median(action: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        action()
        times.append(time.perf_counter() - began)
    return statistics.median(times)


def _median_cpu(action: Callable[[], object], runs: int) -> float:
    """The median CPU time of this thread (what load moves least)."""
    times = []
    for _ in range(runs):
        began = time.thread_time()
        action()
        times.append(time.thread_time() - began)
    return statistics.median(times)


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:8.1f} ms"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sources", type=int, default=200)
    parser.add_argument("--passages", type=int, default=100, help="passages a source")
    parser.add_argument("--pages", type=int, default=5, help="pages a source")
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    byte_compile()  # as an installed copy: bench/installed.py
    print(f"load before: {os.getloadavg()}")
    rng = random.Random(4)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "sent.rejoinder"
        began = time.perf_counter()
        build_project(path, Shape(args.sources, args.pages, args.passages))
        took = time.perf_counter() - began
        print(f"built {args.sources * args.passages:,} passages in {took:.0f} s")
        with ProjectStore.open(path) as store:
            view = read_project(store)
            states = record.snapshot(view, build_contribution(view))
            document = Path(tmp) / "sent.docx"
            document.write_bytes(b"stands for the exported document")
            record.record_final(store, document, states, revision_no=0, layout="grouped")
            ids = [p.id for p in view.passages]
            edited = rng.sample(ids, len(ids) // 100)
            for passage_id in edited:
                responses.respond(store, passage_id, "We now <b>disagree</b>.")
            removed = rng.sample(sorted(set(ids) - set(edited)), len(ids) // 100)
            for passage_id in removed:
                passages.delete_passage(store, passage_id)
            source_id = sources.list_sources(store)[0].id

            record._parsed.clear()
            began = time.perf_counter()
            changed = sending.changed_passages(store, source_id)
            first = time.perf_counter() - began
            one = _median(lambda: sending.changed_passages(store, source_id), args.runs)
            listing = _median(lambda: passages.list_passages(store, source_id), args.runs)
            every = _median(lambda: sending.changed_passages(store), args.runs)
            whole = _median(lambda: read_project(store), args.runs)
            found = _median(lambda: sending.changes_since(store), args.runs)
            found_cpu = _median_cpu(lambda: sending.changes_since(store), args.runs)
            whole_cpu = _median_cpu(lambda: read_project(store), args.runs)
            listed = len(sending.changes_since(store))
            assert len(sending.changed_passages(store)) == len(edited)
            print(
                f"{len(ids):,} passages, {len(edited)} responses edited and {len(removed)} "
                f"passages deleted since the final export; median of {args.runs}:"
            )
            print(
                f"  changed_passages, one source (the panel)  {_ms(one)}  ({len(changed)} marked)"
            )
            print(f"    reference: list_passages of that source {_ms(listing)}")
            print(f"    first call of a process (parses the record) {_ms(first)}")
            print(f"  changed_passages, whole project           {_ms(every)}")
            print(
                f"  changes_since, whole project              {_ms(found)}"
                f"  (CPU {_ms(found_cpu).strip()}; {listed} changes)"
            )
            print(
                f"    reference: read_project                 {_ms(whole)}"
                f"  (CPU {_ms(whole_cpu).strip()})"
            )
        command = [sys.executable, "-m", "app", "changes", str(path), "--since-sent"]
        times = []
        for _ in range(3):
            began = time.perf_counter()
            subprocess.run(command, check=True, capture_output=True)
            times.append(time.perf_counter() - began)
        print(f"  rejoinder changes --since-sent (whole command) {_ms(statistics.median(times))}")
    print(f"load after: {os.getloadavg()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
