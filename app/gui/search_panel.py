"""The Search dock (Ctrl+Shift+F): results as you type, a click jumps to the place."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from app.core.search import Hit, search
from app.core.services.sources import list_sources
from app.gui.context import ProjectContext
from app.gui.workers import Operation, Progress

logger = logging.getLogger(__name__)

HIT_ROLE = Qt.ItemDataRole.UserRole
TYPING_DELAY_MS = 150


class SearchPanel(QWidget):
    def __init__(self, ctx: ProjectContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.hits: list[Hit] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(self.tr("Search sources, quotes and responses"))
        self.edit.setClearButtonEnabled(True)
        layout.addWidget(self.edit)
        self.summary = QLabel()
        layout.addWidget(self.summary)
        self.results = QListWidget()
        self.results.setWordWrap(True)
        self.results.setSpacing(3)
        self.results.setAlternatingRowColors(True)
        layout.addWidget(self.results)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(TYPING_DELAY_MS)
        self.timer.timeout.connect(self.run)
        self.edit.textChanged.connect(lambda _t: self.timer.start())
        self.edit.returnPressed.connect(self.run)
        self.results.itemActivated.connect(self._jump)
        self.results.itemClicked.connect(self._jump)
        self._generation = 0

    def focus(self) -> None:
        self.edit.setFocus()
        self.edit.selectAll()

    def run(self) -> None:
        """Search off the GUI thread (the first search builds the index)."""
        self.timer.stop()
        query = self.edit.text()
        self._generation += 1
        generation = self._generation
        store = self.ctx.store

        def work(_progress: Progress) -> list[Hit]:
            return search(store, query)

        Operation(self, work, pool_name="files").success(
            lambda hits: self._show(hits) if generation == self._generation else None
        ).run_in_background()

    def _show(self, hits: list[Hit]) -> None:
        self.hits = hits
        labels = {s.id: s.label for s in list_sources(self.ctx.store)}
        kinds = {
            "source": self.tr("Text"),
            "passage": self.tr("Quote"),
            "response": self.tr("Response"),
        }
        self.results.clear()
        for number, hit in enumerate(hits):
            title = f"{kinds.get(hit.kind, hit.kind)} · {labels.get(hit.source_id, '')}"
            item = QListWidgetItem(f"{title}\n{hit.snippet}")
            item.setData(HIT_ROLE, number)
            self.results.addItem(item)
        if self.edit.text().strip():
            count = len(hits)
            self.summary.setText(
                self.tr("1 result") if count == 1 else self.tr("{n} results").format(n=count)
            )
        else:
            self.summary.clear()

    def _jump(self, item: QListWidgetItem) -> None:
        hit = self.hits[int(item.data(HIT_ROLE))]
        if hit.kind == "source":
            end = hit.offset + max(1, len(self.edit.text().split()[0]) if self.edit.text() else 1)
            self.ctx.jump_requested.emit(hit.source_id, hit.offset, end)
        else:
            self.ctx.select_source(hit.source_id)
            self.ctx.select_passage(hit.id)
