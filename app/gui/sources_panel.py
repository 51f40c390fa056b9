"""The Sources dock: the imported documents in output order, with progress.

An item model (:class:`~app.gui.rowmodel.RowListModel`): after an operation
the rows are brought up to date in place (no clear and refill); a drag asks
for the move, which the operation's changes then show.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QInputDialog,
    QVBoxLayout,
    QWidget,
)

from app.core.journal import Changes
from app.core.services import sources
from app.core.services.sources import SourceInfo
from app.gui import commands
from app.gui.context import SOURCES, ProjectContext
from app.gui.reading import BackgroundRead
from app.gui.rowmodel import ID_ROLE, RowListModel, RowListView, Shown

logger = logging.getLogger(__name__)


class SourcesPanel(QWidget):
    import_requested = Signal()

    def __init__(self, ctx: ProjectContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.model: RowListModel[SourceInfo] = RowListModel(
            lambda i: i.id, self._render, self, movable=True, numbered=False
        )
        store = ctx.store
        self.reading = BackgroundRead(self, lambda: sources.list_sources(store), self._show)
        self.list = RowListView()
        self.list.setModel(self.model)
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.list.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        layout.addWidget(self.list)
        self.rename_action = QAction(self.tr("&Rename…"), self)
        self.rename_action.setShortcut(QKeySequence("F2"))
        self.remove_action = QAction(self.tr("Re&move"), self)
        self.remove_action.setShortcut(QKeySequence.StandardKey.Delete)
        self.import_action = QAction(self.tr("&Import documents…"), self)
        for action in (self.import_action, self.rename_action, self.remove_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.list.addAction(action)
        self.rename_action.triggered.connect(self._rename_current)
        self.remove_action.triggered.connect(self._remove_current)
        self.import_action.triggered.connect(self.import_requested)
        self.list.selectionModel().currentChanged.connect(self._current_changed)
        self.model.move_requested.connect(self._move_requested)
        ctx.changed.connect(self._changed)
        ctx.applied.connect(self._applied)
        ctx.source_selected.connect(self._select)
        self.refresh()

    def _changed(self, kinds: frozenset[str]) -> None:
        """Rows changed without saying which (a reload): read the list again."""
        if not self.ctx.applying and kinds & {SOURCES}:
            self.refresh()

    def _applied(self, changes: Changes) -> None:
        """The list read again off the GUI thread when a source, or its counts, may have changed.

        The read is one aggregate over every passage (the answered / cited
        counts), 20 ms on 20,000 passages: the GUI thread only brings the rows
        to its result, redrawing those that differ.
        """
        if changes.touches("source", "source_version", "original_file", "passage", "response"):
            self.reading.request()

    def _render(self, info: SourceInfo, _row: int) -> Shown:
        kind = self.tr("submission") if info.kind == "submission" else self.tr("reference")
        pages = self.tr("%n page(s)", "", info.pages)
        detail = self.tr("{kind} · {pages} · {answered}/{cited} answered").format(
            kind=kind, pages=pages, answered=info.answered, cited=info.passages
        )
        return Shown(
            f"{info.label}\n{detail}", tooltip=f"{info.title or info.label}\n{info.filename}"
        )

    @property
    def infos(self) -> list[SourceInfo]:
        return self.model.rows

    def refresh(self) -> None:
        """Read the list now (opening the project, a reload)."""
        self._show(sources.list_sources(self.ctx.store), True)

    def _show(self, rows: list[SourceInfo], settled: bool) -> None:
        """Bring the list to ``rows``; a current source that is gone gives way to the first."""
        if self.ctx.store.closed:
            return  # read before the project closed
        self.model.sync(rows)
        if not settled:
            return  # older than an operation since: the next read decides what is gone
        if self.ctx.source_id not in set(self.model.ids()):
            self.ctx.source_id = None
            if self.infos:
                self.list.setCurrentIndex(self.model.index(0))
                return
        self._select(self.ctx.source_id or "")

    def label_of(self, source_id: str) -> str:
        """The label shown for ``source_id`` ("" when it is not listed)."""
        return next((i.label for i in self.infos if i.id == source_id), "")

    def _select(self, source_id: str) -> None:
        row = self.model.row_of(source_id)
        if row >= 0 and self.list.currentIndex().row() != row:
            self.list.selectionModel().blockSignals(True)
            self.list.setCurrentIndex(self.model.index(row))
            self.list.selectionModel().blockSignals(False)
            self.list.viewport().update()

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.ctx.select_source(str(current.data(ID_ROLE)))

    def _current(self) -> SourceInfo | None:
        index = self.list.currentIndex()
        return self.model.get(str(index.data(ID_ROLE))) if index.isValid() else None

    def _rename_current(self) -> None:
        info = self._current()
        if info is None:
            return
        label, ok = QInputDialog.getText(
            self, self.tr("Rename source"), self.tr("Party or author:"), text=info.label
        )
        if ok:
            self.rename(info.id, label)

    def rename(self, source_id: str, label: str) -> None:
        old = next(i.label for i in self.infos if i.id == source_id)
        if label.strip() and label.strip() != old:
            commands.push(self, self.ctx, commands.RenameSource(self.ctx, source_id, old, label))

    def _remove_current(self) -> None:
        info = self._current()
        if info is not None:
            text = self.tr("Remove “{label}”").format(label=info.label)
            commands.push(self, self.ctx, commands.RemoveSource(self.ctx, info.id, text))

    def move_source(self, source_id: str, new_index: int) -> None:
        old = next(n for n, i in enumerate(self.infos) if i.id == source_id)
        if old != new_index:
            commands.push(self, self.ctx, commands.MoveSource(self.ctx, source_id, old, new_index))

    def _move_requested(self, source_id: str, row: int) -> None:
        # Not from inside the drop: the view is still handling it.
        QTimer.singleShot(0, lambda: self.move_source(source_id, row))
