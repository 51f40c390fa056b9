"""The status bar: where the reader is (source, page, passage) and "Saved" after each edit.

It reads nothing from the project: the panels hold the labels and quotes it shows.

Every edit is committed at once (there is no Save), so a short "Saved" after
each step is the reassurance a user of word processors looks for.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLabel, QMainWindow

from app.core.services.passages import PassageInfo
from app.gui.context import ProjectContext

logger = logging.getLogger(__name__)

SAVED_MS = 2500


class StatusController(QObject):
    def __init__(
        self,
        window: QMainWindow,
        ctx: ProjectContext,
        source_label: Callable[[str], str],
        passage_of: Callable[[str], PassageInfo | None],
    ) -> None:
        super().__init__(window)
        self.window = window
        self.ctx = ctx
        # the Sources and Passages panels hold the labels and quotes: no query
        self.source_label = source_label
        self.passage_of = passage_of
        self.where = QLabel()
        window.statusBar().addPermanentWidget(self.where)
        ctx.source_selected.connect(lambda _id: self.refresh())
        ctx.passage_selected.connect(lambda _id: self.refresh())
        ctx.undo_stack.indexChanged.connect(lambda _i: self.saved())
        self.refresh()

    def refresh(self) -> None:
        parts = []
        if self.ctx.source_id:
            parts.append(self.source_label(self.ctx.source_id))
        if self.ctx.passage_id:
            # another source's passage shows once its source's rows are read
            found = self.passage_of(self.ctx.passage_id)
            if found is not None:
                quote = " ".join(found.quote.split())
                page = (
                    self.tr(", p. {label}").format(label=found.page_label)
                    if found.page_label
                    else ""
                )
                short = quote if len(quote) <= 50 else quote[:49] + "…"
                parts.append(self.tr("passage “{quote}”{page}").format(quote=short, page=page))
        self.where.setText(" · ".join(parts))

    def saved(self) -> None:
        self.window.statusBar().showMessage(self.tr("Saved"), SAVED_MS)

    def dispose(self) -> None:
        self.window.statusBar().removeWidget(self.where)
        self.where.deleteLater()
        self.window.statusBar().clearMessage()
        self.deleteLater()
