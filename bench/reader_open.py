"""Open a 500-page source with 500 highlights in the reader (budget ≤ 300 ms).

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m bench.reader_open

Times what the workspace does when a source is chosen: read the source's text
and passages from the project, typeset the document, apply the highlights, and
paint the visible page once (``repaint`` is synchronous, so the layout of what
the user sees is included). Median of 5 runs after one warm-up.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from app.core.services import passages, sources
from app.core.store import ProjectStore
from app.gui.reader import ReaderPanel
from bench.synth import Shape, build_project

PAGES = 500
HIGHLIGHTS = 500


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    folder = Path(tempfile.mkdtemp(prefix="rejoinder-bench-"))
    began = time.perf_counter()
    path = build_project(folder / "reader.rejoinder", Shape(1, PAGES, HIGHLIGHTS))
    print(f"project built in {time.perf_counter() - began:.1f} s")
    store = ProjectStore.open(path)
    source_id = sources.list_sources(store)[0].id
    panel = ReaderPanel()
    panel.resize(1000, 700)
    panel.show()
    app.processEvents()
    view = panel.view
    times = []
    for run in range(6):
        view.set_source(None)
        app.processEvents()
        start = time.perf_counter()
        text = sources.source_text(store, source_id)
        cited = passages.list_passages(store, source_id)
        read = time.perf_counter()
        view.set_source(text)
        view.set_passages(cited, cited[0].id)
        view.select_span(cited[250].start or 0, cited[250].end or 0)
        view.repaint()
        done = time.perf_counter()
        if run:
            times.append((done - start, read - start, done - read))
    total = statistics.median(t[0] for t in times)
    print(
        f"source: {len(text.text):,} characters, {len(text.pages)} pages, "
        f"{len(text.paragraphs)} paragraphs, {len(cited)} highlights, "
        f"{view.document().blockCount():,} blocks shown"
    )
    print(f"read from the project: {statistics.median(t[1] for t in times) * 1000:.0f} ms")
    print(f"typeset + highlights + paint: {statistics.median(t[2] for t in times) * 1000:.0f} ms")
    print(f"open in the reader (median of 5): {total * 1000:.0f} ms (budget 300 ms)")
    panel.close()
    store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
