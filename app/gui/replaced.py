"""The open project file was replaced on disk: keep both versions, then offer to merge them.

A sync client renames a colleague's copy over the open project, or a
colleague writes it on a share. The store notices before its next write,
writes nothing over that file, keeps our version beside it ("NAME (my copy,
…)") and raises :class:`~app.core.errors.ProjectReplacedError`. Here the user
is told that both files exist and offered the merge: the file now on disk is
opened and our copy is merged into it, with the usual backup and conflicts.
Saying no leaves both files as they are, for a merge later.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from app.core.errors import ProjectReplacedError
from app.gui.errors import ask, show_message

logger = logging.getLogger(__name__)


def _tr(text: str) -> str:
    return QCoreApplication.translate("replaced", text)


def ask_to_merge(parent: QWidget | None, error: ProjectReplacedError) -> tuple[Path, Path] | None:
    """Tell the user; (the file on disk, our copy) when they want the two merged now."""
    text = str(error)
    path = Path(error.path)
    if error.my_copy is None or not path.is_file():
        show_message(parent, text)
        return None
    question = (
        text
        + "\n\n"
        + _tr(
            "Merge the two now? The file on disk is opened and your copy is merged into it; "
            "your copy stays where it is."
        )
    )
    if not ask(parent, question):
        return None
    logger.info("merging our copy %s into the replaced %s", error.my_copy, path)
    return path, Path(error.my_copy)
