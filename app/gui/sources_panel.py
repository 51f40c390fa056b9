"""The Sources dock: the imported documents in output order, with progress."""

from __future__ import annotations

import logging

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QInputDialog,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.services import sources
from app.core.services.sources import SourceInfo
from app.gui import commands
from app.gui.context import SOURCES, ProjectContext

logger = logging.getLogger(__name__)

ID_ROLE = Qt.ItemDataRole.UserRole


class SourcesPanel(QWidget):
    import_requested = Signal()

    def __init__(self, ctx: ProjectContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.infos: list[SourceInfo] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.list = QListWidget()
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
        self.list.currentItemChanged.connect(self._current_changed)
        self.list.model().rowsMoved.connect(self._rows_moved)
        ctx.changed.connect(self._changed)
        ctx.source_selected.connect(self._select)
        self.refresh()

    def _changed(self, kinds: frozenset[str]) -> None:
        if kinds & {SOURCES}:
            self.refresh()

    def refresh(self) -> None:
        self.infos = sources.list_sources(self.ctx.store)
        self.list.blockSignals(True)
        self.list.clear()
        for info in self.infos:
            kind = self.tr("submission") if info.kind == "submission" else self.tr("reference")
            pages = (
                self.tr("1 page") if info.pages == 1 else self.tr("{n} pages").format(n=info.pages)
            )
            detail = self.tr("{kind} · {pages} · {answered}/{cited} answered").format(
                kind=kind, pages=pages, answered=info.answered, cited=info.passages
            )
            item = QListWidgetItem(f"{info.label}\n{detail}")
            item.setData(ID_ROLE, info.id)
            item.setToolTip(f"{info.title or info.label}\n{info.filename}")
            self.list.addItem(item)
            if info.id == self.ctx.source_id:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)
        if self.ctx.source_id not in {i.id for i in self.infos}:
            self.ctx.source_id = None
            if self.infos:
                self.list.setCurrentRow(0)

    def label_of(self, source_id: str) -> str:
        """The label shown for ``source_id`` ("" when it is not listed)."""
        return next((i.label for i in self.infos if i.id == source_id), "")

    def _select(self, source_id: str) -> None:
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.data(ID_ROLE) == source_id and self.list.currentItem() is not item:
                self.list.setCurrentItem(item)

    def _current_changed(self, item: QListWidgetItem | None, _previous: object) -> None:
        if item is not None:
            self.ctx.select_source(str(item.data(ID_ROLE)))

    def _current(self) -> SourceInfo | None:
        item = self.list.currentItem()
        if item is None:
            return None
        return next((i for i in self.infos if i.id == item.data(ID_ROLE)), None)

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

    def _rows_moved(
        self,
        _parent: QModelIndex | QPersistentModelIndex,
        start: int,
        _end: int,
        _dest: QModelIndex | QPersistentModelIndex,
        row: int,
    ) -> None:
        order = [str(self.list.item(r).data(ID_ROLE)) for r in range(self.list.count())]
        moved = self.infos[start].id
        new_index = order.index(moved)
        # Not from inside the drop: the command refreshes (clears) the list being dropped on.
        QTimer.singleShot(0, lambda: self.move_source(moved, new_index))
