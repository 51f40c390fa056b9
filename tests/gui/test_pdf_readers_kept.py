"""The window keeps a long PDF's worker for its next import, a new version's included.

A window imports one document after another: the worker that read the first
one's pages reads the next one's, instead of a process started (through the
fork server, since the window has threads) for each import.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from app.core.services import sources
from app.gui.importing import KEEP_READERS
from app.importers.pdf import standing
from tests.gui.conftest import drain, make_project
from tests.pdf_factory import build_document


@pytest.fixture
def opened(window: Any, tmp_path: Path) -> Iterator[Any]:
    assert window.open_project(make_project(tmp_path))
    yield window
    standing.keep_readers(0)  # no worker outlives the test


def test_the_second_import_and_a_new_version_reuse_the_first_imports_worker(
    opened: Any, qtbot: Any, tmp_path: Path
) -> None:
    assert KEEP_READERS > 0
    first, second, revision = (tmp_path / f"{name}.pdf" for name in ("a", "b", "a-rev1"))
    first.write_bytes(build_document(45))
    second.write_bytes(build_document(50))
    revision.write_bytes(build_document(46))
    opened.workspace.import_files([first])
    drain(qtbot)
    kept = standing.pids()
    assert len(kept) == 1  # the 45-page document had a worker, kept for the next import
    assert standing.keeping() == KEEP_READERS
    opened.workspace.import_files([second])
    drain(qtbot)
    assert standing.pids() == kept
    source_id = sources.list_sources(opened.ctx.store)[0].id
    opened.workspace.source_actions.import_version(source_id, revision)
    drain(qtbot)
    if opened.workspace.source_actions.placements_dialog is not None:
        opened.workspace.source_actions.placements_dialog.close()
    assert standing.pids() == kept
    assert len(sources.list_sources(opened.ctx.store)) == 2
