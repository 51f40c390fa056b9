"""Filters of the Passages panel: whose responses, and in which review status.

A head of delegation looks for "everything Maria proposed"; an expert for
"my drafts". The core answers with the matching responses; the panel hides
the other passages (and those not yet answered) while a filter is set.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from app.core.services import review
from app.gui.context import ProjectContext


class PassageFilter(QWidget):
    changed = Signal()

    def __init__(self, ctx: ProjectContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        author_label = QLabel(self.tr("A&uthor:"))
        self.author = QComboBox()
        author_label.setBuddy(self.author)
        status_label = QLabel(self.tr("S&tatus:"))
        self.status = QComboBox()
        status_label.setBuddy(self.status)
        self.status.addItem(self.tr("All"), None)
        for value, name in (
            ("draft", self.tr("Draft")),
            ("proposed", self.tr("Proposed")),
            ("agreed", self.tr("Agreed")),
        ):
            self.status.addItem(name, value)
        for widget in (author_label, self.author, status_label, self.status):
            layout.addWidget(widget)
        layout.addStretch(1)
        self.fill_members()
        self.author.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self.status.currentIndexChanged.connect(lambda _i: self.changed.emit())

    def fill_members(self) -> None:
        """The members may change (a merge, a Word review brings new names)."""
        chosen = self.author.currentData()
        self.author.blockSignals(True)
        self.author.clear()
        self.author.addItem(self.tr("Everyone"), None)
        for member in review.list_members(self.ctx.store):
            self.author.addItem(member.name, member.id)
        self.author.setCurrentIndex(max(0, self.author.findData(chosen)))
        self.author.blockSignals(False)

    def active(self) -> bool:
        return self.author.currentData() is not None or self.status.currentData() is not None

    def set_filter(self, author_id: str | None, status: str | None) -> None:
        self.author.setCurrentIndex(max(0, self.author.findData(author_id)))
        self.status.setCurrentIndex(max(0, self.status.findData(status)))

    def allowed(self) -> set[str] | None:
        """Ids of the passages to show, or None for all."""
        if not self.active():
            return None
        found = review.list_responses(
            self.ctx.store, author_id=self.author.currentData(), status=self.status.currentData()
        )
        return {r.passage_id for r in found}
