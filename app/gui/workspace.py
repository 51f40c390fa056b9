"""The workspace of an open project: the reader in the middle, panels in docks."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QWidget

from app.gui.context import ProjectContext

if TYPE_CHECKING:
    from app.gui.main_window import MainWindow


class Workspace:
    def __init__(self, window: MainWindow, ctx: ProjectContext) -> None:
        self.window = window
        self.ctx = ctx
        self.central: QWidget = QLabel(ctx.store.project().title)

    def import_files(self, files: list[Path]) -> None:
        """Import documents (the drop target and the Import… action share this)."""

    def flush(self) -> None:
        """Save what an editor holds before the window closes."""

    def dispose(self) -> None:
        self.central.deleteLater()
