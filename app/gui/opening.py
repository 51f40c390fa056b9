"""Opening a project off the GUI thread, with a busy indicator.

Opening checks the file and may back it up and migrate it, which takes
seconds on a large or old file; the GUI keeps painting meanwhile. The caller
still gets the store back directly (a local event loop waits, as a modal
dialog's ``exec`` does), and the modal busy dialog keeps the user from
starting anything else in between.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop
from PySide6.QtWidgets import QWidget

from app.core.homes import open_home
from app.core.server import is_server_url
from app.core.store import ProjectStore
from app.gui.errors import show_error
from app.gui.workers import Operation, Progress, busy_dialog

logger = logging.getLogger(__name__)

BUSY_AFTER_MS = 300


def _tr(text: str) -> str:
    return QCoreApplication.translate("opening", text)


def open_store(parent: QWidget | None, path: Path | str) -> ProjectStore | None:
    """The opened store (a file, or a team server's project), or None after showing why not."""
    name = str(path) if is_server_url(str(path)) else Path(path).name
    text = _tr("Opening “{name}”…").format(name=name)
    busy = busy_dialog(parent, text, _tr("Open a project"), after_ms=BUSY_AFTER_MS)
    busy.setValue(0)
    loop = QEventLoop()
    outcome: list[ProjectStore | BaseException] = []

    def work(_progress: Progress) -> ProjectStore:
        return open_home(path)

    def done() -> None:
        busy.reset()
        busy.close()
        busy.deleteLater()
        loop.quit()

    (
        Operation(parent, work)
        .success(outcome.append)
        .failure(outcome.append)
        .finally_(done)
        .run_in_background()
    )
    if not outcome:
        loop.exec()
    result = outcome[0]
    if isinstance(result, BaseException):
        show_error(parent, result)
        return None
    return result
