"""``rejoinder --self-test``: prove that an installed bundle works, without a display.

It runs the whole chain a delegate relies on — create a project, import a
document, cite, respond with a footnote, preflight, export a .docx and read it
back — in a temporary folder, and reports each step on one line. Packagers
run it on the built bundle (``QT_QPA_PLATFORM=offscreen``); it never touches
the user's settings or projects.
"""

from __future__ import annotations

import logging
import os
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

from app.core.config import RESOURCES

logger = logging.getLogger(__name__)

SAMPLE = RESOURCES / "selftest" / "submission.txt"


class SelfTestFailed(Exception):
    pass


def _check(condition: bool, what: str) -> None:
    if not condition:
        raise SelfTestFailed(what)


def run_self_test(say: Callable[[str], None] = print) -> int:
    began = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="rejoinder-selftest-") as folder:
        home = Path(folder)
        for name in ("CONFIG", "DATA", "LOG"):
            os.environ[f"REJOINDER_{name}_DIR"] = str(home / name.lower())
        try:
            _chain(home, say)
        except Exception as exc:  # the report must name any failure, whatever it is
            say(f"FAILED: {type(exc).__name__}: {exc}")
            return 1
    say(f"self-test passed in {time.perf_counter() - began:.1f} s")
    return 0


def _chain(home: Path, say: Callable[[str], None]) -> None:
    from docx import Document

    from app.core.preflight import check
    from app.core.services import passages, responses, sources
    from app.core.store import ProjectStore
    from app.exporters.export import export_project
    from app.importers.detect import import_file

    data = SAMPLE.read_bytes()
    imported = import_file(data, SAMPLE.name)
    _check("digital cooperation" in imported.text, "the sample was not read")
    say("import: ok")
    path = home / "selftest.rejoinder"
    with ProjectStore.create(path, title="Self-test", organisation="Rejoinder") as store:
        source = sources.add_source(store, imported, data, filename=SAMPLE.name, label="Borealis")
        passage = passages.cite_quote(store, source, "no new mechanism is required")
        responses.respond(
            store,
            passage,
            'We <u>disagree</u>.<fn>See <a href="https://example.org">our paper</a>.</fn>',
            position="disagree",
            status="proposed",
        )
        responses.respond(store, passage, status="agreed")
        problems = check(store)
        _check(not problems, "preflight: " + "; ".join(p.message for p in problems))
        say("project, citation, response, preflight: ok")
        out = home / "selftest.docx"
        export_project(store, out)
    document = Document(str(out))
    text = "\n".join(p.text for p in document.paragraphs)
    _check("no new mechanism is required" in text, "the quote is missing from the export")
    _check("Contribution from Borealis" in text, "the party heading is missing")
    with zipfile.ZipFile(out) as docx:
        _check("our paper" in docx.read("word/footnotes.xml").decode(), "the footnote is missing")
    say("export and read-back: ok")


def main() -> None:
    sys.exit(run_self_test())
