"""A Word review in the window: a file too big or not a file is refused; stale proposals.

A proposal built on an older text whose words were rewritten since cannot be
merged by itself: the window shows the three texts (sent for review, current,
proposed) and lets the user take one or write the merge, as one undoable step.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from app.core.services import review_import
from app.gui.review import ui as review_ui
from app.importers.base import DEFAULT_MAX_BYTES
from tests.core.factories import populated
from tests.gui.conftest import Messages, drain


def test_an_enormous_or_unreadable_review_file_is_refused_cleanly(
    window: Any, tmp_path: Path, qtbot: Any, messages: Messages
) -> None:
    store, _source, _passage, _response = populated(tmp_path / "p.rejoinder")
    store.close()
    assert window.open_project(tmp_path / "p.rejoinder")
    huge = tmp_path / "huge.docx"
    with huge.open("wb") as out:
        out.truncate(DEFAULT_MAX_BYTES + 1)  # sparse: reading it whole would take 100 MB
    review_ui.import_review_file(window, window.ctx, huge)
    drain(qtbot)
    assert any("files up to 100 MB" in m for m in messages), messages
    pipe = tmp_path / "pipe.docx"
    os.mkfifo(pipe)
    review_ui.import_review_file(window, window.ctx, pipe)
    drain(qtbot)
    assert any("not a document" in m for m in messages), messages
    assert review_import.pending_proposals(window.ctx.store) == []
