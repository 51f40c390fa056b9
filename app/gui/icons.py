"""Icons for the menus and the toolbar: the platform's standard icons, and the app's own.

Standard icons follow the desktop theme (and its dark mode) without shipping
images; the application icon is resources/icons/rejoinder.svg.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QStyle

from app.core.config import RESOURCES

if TYPE_CHECKING:
    from app.gui.workspace import Workspace

SP = QStyle.StandardPixmap


def app_icon() -> QIcon:
    return QIcon(str(RESOURCES / "icons" / "rejoinder.svg"))


def standard(kind: QStyle.StandardPixmap) -> QIcon:
    return QApplication.style().standardIcon(kind)


def decorate(workspace: Workspace) -> None:
    """Give the workspace's actions (and the window's File actions) their icons."""
    window = workspace.window
    for action, kind in (
        (window.import_action, SP.SP_DialogOpenButton),
        (window.export_action, SP.SP_DialogSaveButton),
        (workspace.undo_action, SP.SP_ArrowBack),
        (workspace.redo_action, SP.SP_ArrowForward),
        (workspace.search_action, SP.SP_FileDialogContentsView),
        (workspace.check_action, SP.SP_DialogApplyButton),
        (workspace.find_action, SP.SP_FileDialogDetailedView),
    ):
        action.setIcon(standard(kind))
    workspace.cite_action.setIcon(QIcon(str(RESOURCES / "icons" / "cite.svg")))
