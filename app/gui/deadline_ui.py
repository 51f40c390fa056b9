"""The deadline in the window: time left in the status bar, a warning a day and an hour before.

The label is refreshed every half minute from an injected clock (tests give a
fixed one and step it), and whenever the project changes (the deadline may
be set, undone or merged in). Each warning is shown once per opened project
when its threshold is crossed, as a message that does not block the work.
"""

from __future__ import annotations

import logging
from datetime import datetime

from PySide6.QtCore import QCoreApplication, QObject, QTimer
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QWidget

from app.core import deadline
from app.core.deadline import Clock, DeadlineState, Urgency
from app.gui import commands
from app.gui.context import ProjectContext
from app.gui.dialogs.deadline import DeadlineDialog

logger = logging.getLogger(__name__)

TICK_MS = 30_000
_STYLES = {
    Urgency.NONE: "",
    Urgency.AHEAD: "",
    Urgency.DAY: "color: #9a6700; font-weight: bold;",
    Urgency.HOUR: "color: white; background: #c62828; font-weight: bold; padding: 0 4px;",
    Urgency.PASSED: "color: white; background: #6a1b1b; font-weight: bold; padding: 0 4px;",
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("deadline", text)


class SetDeadline(commands.Command):
    def __init__(self, ctx: ProjectContext, when: datetime | None) -> None:
        text = _tr("Set deadline") if when else _tr("Clear deadline")
        super().__init__(ctx, text)
        self.when = when

    def do(self) -> None:
        deadline.set_deadline(self.ctx.store, self.when)


class DeadlineController(QObject):
    """The status bar's deadline label and its warnings."""

    def __init__(
        self, window: QMainWindow, ctx: ProjectContext, clock: Clock = deadline.system_clock
    ) -> None:
        super().__init__(window)
        self.window = window
        self.ctx = ctx
        self.clock = clock
        self.warned: set[Urgency] = set()
        self.warning: QMessageBox | None = None
        self.label = QLabel()
        self.label.setObjectName("DeadlineLabel")
        window.statusBar().addPermanentWidget(self.label)
        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self.refresh)
        self.timer.start()
        ctx.changed.connect(lambda _kinds: None if ctx.applying else self.refresh())
        ctx.applied.connect(lambda changes: self.refresh() if changes.touches("project") else None)
        self.current = DeadlineState(None, None, Urgency.NONE)
        self.refresh()

    def refresh(self) -> None:
        self.current = deadline.state(deadline.get_deadline(self.ctx.store), self.clock())
        current = self.current
        self.label.setVisible(current.urgency is not Urgency.NONE)
        self.label.setStyleSheet(_STYLES[current.urgency])
        if current.left is None or current.deadline is None:
            self.label.clear()
            return
        left = deadline.describe(current.left)
        if current.urgency is Urgency.PASSED:
            text = self.tr("Deadline passed {left} ago").format(left=left)
        else:
            text = self.tr("Deadline in {left}").format(left=left)
        self.label.setText(text)
        local = current.deadline.astimezone().strftime("%Y-%m-%d %H:%M")
        self.label.setToolTip(self.tr("Submission deadline: {when}").format(when=local))
        self._warn(current)

    def _warn(self, current: DeadlineState) -> None:
        """Once per threshold: a day before, an hour before (a passed deadline counts as both)."""
        due = {
            Urgency.DAY: (Urgency.DAY,),
            Urgency.HOUR: (Urgency.DAY, Urgency.HOUR),
            Urgency.PASSED: (Urgency.DAY, Urgency.HOUR),
        }.get(current.urgency, ())
        if not due or set(due) <= self.warned:
            return
        self.warned.update(due)
        assert current.left is not None
        left = deadline.describe(current.left)
        if current.urgency is Urgency.PASSED:
            text = self.tr("The submission deadline passed {left} ago.").format(left=left)
        else:
            text = self.tr("Only {left} left before the submission deadline.").format(left=left)
        logger.info("deadline warning: %s", current.urgency)
        self.show_warning(text)

    def show_warning(self, text: str) -> None:
        """A message that stays until read but never blocks the editing (not modal)."""
        if self.warning is not None:
            self.warning.close()
        box = QMessageBox(self.window)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Deadline"))
        box.setText(text)
        box.setModal(False)
        box.show()
        self.warning = box

    def ask(self, parent: QWidget | None = None) -> None:
        """File › Submission deadline…: set, change or clear it (one undoable step)."""
        old = deadline.get_deadline(self.ctx.store)
        when, accepted = DeadlineDialog.get_data(parent or self.window, old, self.clock())
        if accepted and when != old:
            self.set(when)

    def set(self, when: datetime | None) -> None:
        """Set the deadline through the operation helper; the label follows once it is saved."""
        commands.push(self.window, self.ctx, SetDeadline(self.ctx, when), lambda _c: self._set())

    def _set(self) -> None:
        self.warned.clear()
        self.refresh()

    def dispose(self) -> None:
        self.timer.stop()
        if self.warning is not None:
            self.warning.close()
        self.window.statusBar().removeWidget(self.label)
        self.label.deleteLater()
        self.deleteLater()
