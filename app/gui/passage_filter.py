"""Filters of the Passages panel: whose responses, in which review status, and what to check.

A head of delegation looks for "everything Maria proposed"; an expert for
"my drafts"; before sending, "answered but no position chosen"; after
sending, "changed since we sent". The core answers with the matching
passages; the panel hides the others while a filter is set. The answer is
read off the GUI thread (:func:`read_allowed`): on a large project it scans
every response.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from app.core import sending
from app.core.services import responses, review
from app.core.store import ProjectStore
from app.gui.context import ProjectContext
from app.gui.workers import Operation

logger = logging.getLogger(__name__)

NO_POSITION = "no_position"
CHANGED = "changed"


@dataclass(frozen=True)
class Criteria:
    """What a filter asks for, taken from the widgets (the read runs elsewhere)."""

    author_id: str | None
    status: str | None
    which: str | None  # NO_POSITION, CHANGED or None

    @property
    def by_response(self) -> bool:
        return self.author_id is not None or self.status is not None


def read_allowed(store: ProjectStore, criteria: Criteria) -> set[str]:
    """Ids of the passages ``criteria`` lets through (any thread)."""
    allowed: set[str] | None = None
    if criteria.by_response:
        found = review.list_responses(store, author_id=criteria.author_id, status=criteria.status)
        allowed = {r.passage_id for r in found}
    if criteria.which is not None:
        if criteria.which == NO_POSITION:
            chosen = responses.unpositioned_passages(store)
        else:
            chosen = sending.changed_passages(store)
        allowed = chosen if allowed is None else allowed & chosen
    return allowed if allowed is not None else set()


class PassageFilter(QWidget):
    changed = Signal()

    def __init__(self, ctx: ProjectContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        rows = QVBoxLayout(self)
        rows.setContentsMargins(0, 0, 0, 0)
        layout = QHBoxLayout()
        rows.addLayout(layout)
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
        show_label = QLabel(self.tr("Sho&w:"))
        self.show_only = QComboBox()
        self.show_only.setObjectName("PassageShowFilter")
        show_label.setBuddy(self.show_only)
        self.show_only.addItem(self.tr("All passages"), None)
        self.show_only.addItem(self.tr("Answered, no position"), NO_POSITION)
        self.show_only.addItem(self.tr("Changed since sent"), CHANGED)
        for widget in (author_label, self.author, status_label, self.status):
            layout.addWidget(widget)
        layout.addStretch(1)
        # On its own row: the dock is narrow, and three choices side by side would not fit.
        second = QHBoxLayout()
        second.addWidget(show_label)
        second.addWidget(self.show_only)
        second.addStretch(1)
        rows.addLayout(second)
        self._reading = 0  # the newest read asked for (older results are dropped)
        self.fill_members()
        self.author.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self.status.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self.show_only.currentIndexChanged.connect(lambda _i: self.changed.emit())

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
        return self._by_response() or self.show_only.currentData() is not None

    def _by_response(self) -> bool:
        return self.author.currentData() is not None or self.status.currentData() is not None

    def show_only_these(self, which: str | None) -> None:
        """Show only ``NO_POSITION`` or ``CHANGED`` passages, or all (``None``)."""
        self.show_only.setCurrentIndex(max(0, self.show_only.findData(which)))

    def set_filter(self, author_id: str | None, status: str | None) -> None:
        self.author.setCurrentIndex(max(0, self.author.findData(author_id)))
        self.status.setCurrentIndex(max(0, self.status.findData(status)))

    def criteria(self) -> Criteria | None:
        """What the filter asks for, or None when it shows every passage."""
        if not self.active():
            return None
        return Criteria(
            self.author.currentData(), self.status.currentData(), self.show_only.currentData()
        )

    def allowed(self) -> set[str] | None:
        """Ids of the passages to show, or None for all (read here: the panel reads elsewhere)."""
        criteria = self.criteria()
        return None if criteria is None else read_allowed(self.ctx.store, criteria)

    def read(self, show: Callable[[set[str] | None], None]) -> None:
        """``show(allowed)`` once the passages to show are read off the GUI thread.

        Only the newest read is shown (until then the panel keeps the rows it
        hides: no flicker); a read older than an operation since is made again.
        """
        self._reading += 1
        criteria = self.criteria()
        if criteria is None:
            show(None)
            return
        token, generation, store = self._reading, self.ctx.generation, self.ctx.store

        def arrived(allowed: set[str]) -> None:
            if token != self._reading or store.closed:
                return
            if self.ctx.generation != generation:
                self.read(show)
                return
            show(allowed)

        Operation(self, lambda _progress: read_allowed(store, criteria), pool_name="files").success(
            arrived
        ).failure(
            lambda exc: logger.warning("the filter could not be read: %s", exc)
        ).run_in_background()
