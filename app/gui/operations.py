"""Undo and redo in the window are the core's, over the project's journal.

:class:`JournalStack` stands where a ``QUndoStack`` stood: Ctrl+Z and
Ctrl+Shift+Z (Ctrl+Y) run :func:`app.core.journal.replay.undo` / ``redo`` as
operations through the one helper (:class:`app.gui.writer.ProjectOperation`),
so every write — merge, review import, accepted proposals, resolved
conflicts, a background import — is undone the same way, off the GUI thread,
and undo survives a restart. The views are refreshed from the
:class:`~app.core.journal.Changes` undo returns
(:meth:`ProjectContext.apply <app.gui.context.ProjectContext.apply>`).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from app.core import journal as core_journal
from app.core.journal import Changes, replay
from app.core.store import ProjectStore
from app.gui.errors import show_error
from app.gui.workers import Progress
from app.gui.writer import ProjectOperation

logger = logging.getLogger(__name__)

# which views each table's rows feed (see app.gui.context's kinds)
_KINDS = {
    "source": ("sources", "sections", "passages"),
    "source_version": ("sources", "passages"),
    "original_file": ("sources",),
    "passage": ("passages", "sources", "sections"),
    "response": ("responses", "passages"),
    "revision": ("responses",),
    "section": ("sections",),
    "block": ("sections", "passages"),
    "note": ("notes", "responses"),
}


def kinds_of(changes: Changes) -> tuple[str, ...] | None:
    """The views to refresh after ``changes``; ``None`` (every view) for a table not listed here."""
    kinds: set[str] = set()
    for table, ids in changes.ids.items():
        if not ids:
            continue
        if table not in _KINDS:
            return None
        kinds.update(_KINDS[table])
    return tuple(sorted(kinds))


class Project(Protocol):
    """What the stack needs of the open project (``ProjectContext``; no import of it: no cycle)."""

    store: ProjectStore

    def apply(
        self, changes: Changes, *kinds: str, steps: tuple[str | None, str | None] | None = None
    ) -> None: ...


class JournalStack(QObject):
    """The window's undo and redo: the project's journal, with actions that name the step."""

    indexChanged = Signal(int)

    def __init__(self, ctx: Project, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._count = 0
        self._actions: list[tuple[QAction, bool, str]] = []
        # saves what an editor holds first, so that undo takes back the newest typing
        self.before_replay: Callable[[], None] | None = None

    def count(self) -> int:
        """Steps pushed, undone or redone since the project was opened."""
        return self._count

    def clear(self) -> None:
        """Nothing to forget: the journal is in the file. Refresh the actions' texts."""
        self.refresh()

    def refresh(self, steps: tuple[str | None, str | None] | None = None) -> None:
        """After a step: ``steps`` are the Undo and Redo labels when the operation read them."""
        self._count += 1
        self._update_actions(steps)
        self.indexChanged.emit(self._count)

    def undo(self, parent: QWidget | None = None) -> ProjectOperation[Changes]:
        return self._replay(parent, undo=True)

    def redo(self, parent: QWidget | None = None) -> ProjectOperation[Changes]:
        return self._replay(parent, undo=False)

    def _replay(self, parent: QWidget | None, *, undo: bool) -> ProjectOperation[Changes]:
        """Undo or redo on the project writer, after any edit still on its way there."""
        store = self.ctx.store
        if self.before_replay is not None:
            self.before_replay()

        def work(_progress: Progress) -> Changes:
            changes = replay.undo(store) if undo else replay.redo(store)
            core_journal.published(changes)  # the helper refreshes the views from them
            return changes

        def refused(exc: BaseException) -> None:
            logger.info("%s refused: %s", "undo" if undo else "redo", exc)
            self._update_actions()
            show_error(parent, exc)

        operation = ProjectOperation(parent, self.ctx, work)
        operation.failure(refused)
        operation.run_in_background()
        return operation

    def undo_label(self) -> str | None:
        return replay.can_undo(self.ctx.store)

    def redo_label(self) -> str | None:
        return replay.can_redo(self.ctx.store)

    def createUndoAction(self, parent: QObject, prefix: str) -> QAction:
        """The Undo action: ``prefix`` is its translated name, the step's label follows."""
        return self._action(parent, prefix, undo=True)

    def createRedoAction(self, parent: QObject, prefix: str) -> QAction:
        return self._action(parent, prefix, undo=False)

    def _action(self, parent: QObject, prefix: str, *, undo: bool) -> QAction:
        action = QAction(prefix, parent)
        widget = parent if isinstance(parent, QWidget) else None
        action.triggered.connect(lambda: self._replay(widget, undo=undo))
        self._actions.append((action, undo, prefix))
        self._update_actions()
        return action

    def _update_actions(self, steps: tuple[str | None, str | None] | None = None) -> None:
        if not self._actions or self.ctx.store is None:
            return
        undo_step, redo_step = steps or (self.undo_label(), self.redo_label())
        labels = {True: undo_step, False: redo_step}
        for action, undo, prefix in self._actions:
            label = labels[undo]
            action.setEnabled(label is not None)
            action.setText(f"{prefix} {label}" if label else prefix)


def standard_shortcuts(undo: QAction, redo: QAction) -> None:
    """Ctrl+Z; Ctrl+Shift+Z and Ctrl+Y (both, as Word and LibreOffice users expect)."""
    undo.setShortcut(QKeySequence.StandardKey.Undo)
    keys = QKeySequence.keyBindings(QKeySequence.StandardKey.Redo)
    for extra in (QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")):
        if extra not in keys:
            keys.append(extra)
    redo.setShortcuts(keys)
