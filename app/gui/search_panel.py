"""The Search dock (Ctrl+Shift+F): results as you type, a click jumps to the place.

The search, and the source labels its results name, are read off the GUI
thread; the results are an item model (:class:`~app.gui.rowmodel.RowListModel`)
that a new query brings to its new rows without a reset.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QModelIndex, QTimer
from PySide6.QtWidgets import QLabel, QLineEdit, QListView, QVBoxLayout, QWidget

from app.core.search import Hit, search
from app.core.services.sources import list_sources
from app.gui.context import ProjectContext
from app.gui.rowmodel import RowListModel, Shown
from app.gui.workers import Operation, Progress

logger = logging.getLogger(__name__)

TYPING_DELAY_MS = 150


def hit_key(hit: Hit) -> str:
    return f"{hit.kind}:{hit.id}:{hit.offset}"


class SearchPanel(QWidget):
    def __init__(self, ctx: ProjectContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.labels: dict[str, str] = {}
        self.model: RowListModel[Hit] = RowListModel(hit_key, self._render, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(self.tr("Search sources, quotes and responses"))
        self.edit.setClearButtonEnabled(True)
        layout.addWidget(self.edit)
        self.summary = QLabel()
        layout.addWidget(self.summary)
        self.results = QListView()
        self.results.setModel(self.model)
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
        self.results.activated.connect(self._jump)
        self.results.clicked.connect(self._jump)
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

        def work(_progress: Progress) -> tuple[list[Hit], dict[str, str]]:
            hits = search(store, query)
            return hits, {s.id: s.label for s in list_sources(store)} if hits else {}

        Operation(self, work, pool_name="files").success(
            lambda found: self._show(*found) if generation == self._generation else None
        ).run_in_background()

    @property
    def hits(self) -> list[Hit]:
        return self.model.rows

    def _render(self, hit: Hit, _row: int) -> Shown:
        kinds = {
            "source": self.tr("Text"),
            "passage": self.tr("Quote"),
            "response": self.tr("Response"),
        }
        title = f"{kinds.get(hit.kind, hit.kind)} · {self.labels.get(hit.source_id, '')}"
        return Shown(f"{title}\n{hit.snippet}")

    def _show(self, hits: list[Hit], labels: dict[str, str]) -> None:
        if labels != self.labels:
            self.labels = labels
            self.model.changed(0, len(self.model.rows) - 1)  # a source renamed since
        self.model.sync(hits)
        if self.edit.text().strip():
            count = len(hits)
            self.summary.setText(self.tr("%n result(s)", "", count))
        else:
            self.summary.clear()

    def _jump(self, index: QModelIndex) -> None:
        if not 0 <= index.row() < len(self.hits):
            return
        hit = self.hits[index.row()]
        if hit.kind == "source":
            end = hit.offset + max(1, len(self.edit.text().split()[0]) if self.edit.text() else 1)
            self.ctx.jump_requested.emit(hit.source_id, hit.offset, end)
        else:
            self.ctx.select_source(hit.source_id)
            self.ctx.select_passage(hit.id)
