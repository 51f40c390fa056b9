"""Working on a team server's project: others' changes arrive, collisions become conflicts.

:class:`TeamFeature` joins the workspace when the project is on a server. Its
:class:`TeamWatcher` runs the core's :class:`~app.core.server.notify.Listener`
on a thread of its own; each announcement crosses to the GUI thread as a
queued signal and carries what the colleague's operation changed, a
:class:`~app.core.journal.Changes` naming tables and row ids. It goes down
the very path my own operations' changes take (:meth:`ProjectContext.apply
<app.gui.context.ProjectContext.apply>`, as :mod:`app.gui.writer` does), so
views update those rows and nothing else; only an announcement too large to
name its rows (a merge, an import) makes every view read afresh. The undo
actions are re-labelled too: a colleague's edit can make my last step
impossible to undo. When my save meets a colleague's newer one
(:class:`~app.core.errors.EditConflictError`), the message says so and
Edit › Conflicts opens on the two versions. The status bar says who I am
there, and says so when live updates stop (the window keeps working).
"""

from __future__ import annotations

import logging
import threading

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel

from app.core.errors import EditConflictError, RejoinderError
from app.core.server.notify import Announcement, Listener
from app.core.server.store import ServerStore
from app.gui.context import ProjectContext
from app.gui.errors import add_error_handler, remove_error_handler, show_message
from app.gui.shell import Shell

logger = logging.getLogger(__name__)


class TeamWatcher(QObject):
    """Listens while the project is open; :meth:`stop` before closing the store."""

    arrived = Signal(object)  # an Announcement, delivered on the GUI thread
    lost = Signal(str)

    def __init__(self, ctx: ProjectContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.received = 0
        self._listener = Listener(ctx.store.engine, ctx.store.client_id)
        self._listener.start()
        self.arrived.connect(self._apply)
        self._thread = threading.Thread(target=self._run, name="team-listener", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            self._listener.run(self.arrived.emit)
        except Exception as exc:
            self.lost.emit(str(exc))

    def _apply(self, announcement: Announcement) -> None:
        self.received += 1
        logger.debug("from the server: %s", announcement.changes.label)
        if announcement.everything:
            self.ctx.reload()
        else:
            self.ctx.apply(announcement.changes)

    def stop(self) -> None:
        self._listener.stop()
        self._thread.join(timeout=5)


class TeamFeature(QObject):
    """What a server project adds to the window; :meth:`join` gives None for a file."""

    def __init__(self, shell: Shell, ctx: ProjectContext, store: ServerStore) -> None:
        super().__init__(shell)
        self.shell = shell
        self.ctx = ctx
        role = store.role or self.tr("member")
        self.label = QLabel(
            self.tr("Team server {address} · {role}").format(address=store.location, role=role)
        )
        shell.window.statusBar().addPermanentWidget(self.label)
        self.watcher = TeamWatcher(ctx, self)
        self.watcher.lost.connect(self._lost)
        add_error_handler(self._handle_error)

    @classmethod
    def join(cls, shell: Shell, ctx: ProjectContext) -> TeamFeature | None:
        store = ctx.store
        return cls(shell, ctx, store) if isinstance(store, ServerStore) else None

    def _lost(self, reason: str) -> None:
        logger.warning("live updates stopped: %s", reason)
        self.label.setText(
            self.tr("Team server: no live updates (the connection was lost); reopen to resume")
        )

    def _handle_error(self, exc: RejoinderError) -> bool:
        if not isinstance(exc, EditConflictError):
            return False
        from app.gui.dialogs.conflicts import ConflictsDialog

        show_message(self.shell.window, str(exc))
        self.ctx.notify()
        ConflictsDialog(self.shell.window, self.ctx).exec()
        return True

    def dispose(self) -> None:
        remove_error_handler(self._handle_error)
        self.watcher.stop()
        self.shell.window.statusBar().removeWidget(self.label)
        self.label.deleteLater()
        self.deleteLater()
