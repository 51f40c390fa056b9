"""The sending feature of the window: the deadline, and what changed since we sent.

It joins the workspace through the :class:`~app.gui.shell.Shell` like the
other features: two File menu items (What changed since sent…, Submission
deadline…), the deadline in the status bar (:mod:`app.gui.deadline_ui`) and
the list of changes (:mod:`app.gui.sent_ui`); the shell takes the menu items
back when the project closes.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction

from app.core.deadline import Clock, system_clock
from app.gui.context import ProjectContext
from app.gui.deadline_ui import DeadlineController
from app.gui.sent_ui import ChangesDialog, show_changes
from app.gui.shell import Shell, Workbench

logger = logging.getLogger(__name__)


class Sending(QObject):
    def __init__(
        self,
        shell: Shell,
        ctx: ProjectContext,
        workbench: Workbench,
        clock: Clock = system_clock,
    ) -> None:
        super().__init__(shell.window)
        self.shell = shell
        self.ctx = ctx
        self.workbench = workbench
        self.deadline = DeadlineController(shell.window, ctx, clock)
        self.changes_dialog: ChangesDialog | None = None
        menus = shell.menus
        self.changes_action = QAction(self.tr("What &changed since sent…"), self)
        self.deadline_action = QAction(self.tr("Submission &deadline…"), self)
        shell.add_action(menus.file, self.changes_action, before=menus.close_action)
        shell.add_action(menus.file, self.deadline_action, before=menus.close_action)
        self.changes_action.triggered.connect(self.show_changes)
        self.deadline_action.triggered.connect(lambda: self.deadline.ask(shell.window))

    def show_changes(self) -> ChangesDialog:
        """File › What changed since sent…: the list beside the work (not modal)."""
        self.workbench.flush()
        self.changes_dialog = show_changes(self.shell.window, self.ctx, self.changes_dialog)
        return self.changes_dialog

    def dispose(self) -> None:
        self.deadline.dispose()
        if self.changes_dialog is not None:
            self.changes_dialog.close()
            self.changes_dialog.deleteLater()
        self.deleteLater()
