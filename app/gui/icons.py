"""Icons for the menus and the toolbar: the platform's standard icons, and the app's own.

Standard icons follow the desktop theme (and its dark mode) without shipping
images; the application icon is resources/icons/rejoinder.svg.
"""

from __future__ import annotations

import logging

from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import QApplication, QStyle

from app.core.config import RESOURCES

logger = logging.getLogger(__name__)

SP = QStyle.StandardPixmap


def app_icon() -> QIcon:
    return QIcon(str(RESOURCES / "icons" / "rejoinder.svg"))


def standard(kind: QStyle.StandardPixmap) -> QIcon:
    return QApplication.style().standardIcon(kind)


def resource(name: str) -> str:
    """The path of one of the app's own icons (resources/icons/NAME)."""
    return str(RESOURCES / "icons" / name)


def decorate(*pairs: tuple[QAction, QStyle.StandardPixmap]) -> None:
    """Give each action the platform's standard icon of its kind."""
    for action, kind in pairs:
        action.setIcon(standard(kind))
