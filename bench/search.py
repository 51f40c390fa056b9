"""Full-text search over 5,000 pages (budget ≤ 30 ms per query, after the index is built).

    .venv/bin/python -m bench.search

50 sources × 100 pages (synthetic UN-style paragraphs, 20 cited passages with
responses each). The first search builds the in-memory FTS5 index (reported
separately); then each query runs 20 times and its median is reported, as
the Search panel runs it (``app.core.search.search``, 50 hits at most).
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

from app.core.search import search
from app.core.store import ProjectStore
from bench.synth import Shape, build_project

QUERIES = ("governance", "civil society", "multilateral framework", "transp", "zzzz nothing")


def main() -> int:
    folder = Path(tempfile.mkdtemp(prefix="rejoinder-bench-"))
    shape = Shape(sources=50, pages=100, passages_per_source=20)
    began = time.perf_counter()
    path = build_project(folder / "search.rejoinder", shape)
    print(
        f"project: {shape.sources * shape.pages} pages,"
        f" built in {time.perf_counter() - began:.1f} s"
    )
    with ProjectStore.open(path) as store:
        began = time.perf_counter()
        search(store, "cooperation")
        print(f"index build (first search): {(time.perf_counter() - began) * 1000:.0f} ms")
        worst = 0.0
        for query in QUERIES:
            times = []
            for _ in range(20):
                began = time.perf_counter()
                hits = search(store, query)
                times.append(time.perf_counter() - began)
            median = statistics.median(times)
            worst = max(worst, median)
            print(f"{query!r}: {median * 1000:.1f} ms median, {len(hits)} hits")
        print(f"slowest query median: {worst * 1000:.1f} ms (budget 30 ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
