"""The import command's sentence index, mostly prepared by a process forked beside its store.

The command stores the source while a forked process prepares most of the
index (``app.core.beside``); what it stores must be what preparing the whole
text in one process gives.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from app.core.similar import build, prepare
from tests.e2e.cli import rejoinder
from tests.pdf_factory import build_document


def test_the_stored_index_is_the_one_prepared_in_one_process(tmp_path: Path) -> None:
    pdf = tmp_path / "long.pdf"
    pdf.write_bytes(build_document(60))  # long enough to be split
    project = tmp_path / "p.rejoinder"
    assert rejoinder("new", project, "--title", "T", "--org", "O").returncode == 0
    done = rejoinder("import", project, pdf)
    assert done.returncode == 0, done.stderr
    with sqlite3.connect(project) as conn:
        text, paragraphs, version_id = conn.execute(
            "SELECT text, paragraphs, id FROM source_version"
        ).fetchone()
        first, count = conn.execute(
            "SELECT first_id, sentences FROM sentence_index WHERE version_id = ?", (version_id,)
        ).fetchone()
        stored = conn.execute(
            'SELECT start, "end" FROM sentence WHERE id BETWEEN ? AND ? ORDER BY id',
            (first, first + count - 1),
        ).fetchall()
        blobs = sorted(conn.execute("SELECT id, keys FROM sentence_keys").fetchall())
    assert len(text) > prepare.MIN_SPLIT
    spans = [(p["start"], p["end"]) for p in json.loads(paragraphs)]
    expected = prepare.prepare(text, spans)
    assert stored == list(zip(expected.starts, expected.ends, strict=True))
    assert blobs == sorted(build.key_rows(first, expected.keys))
