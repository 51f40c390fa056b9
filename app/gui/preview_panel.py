"""The Preview dock: the contribution as it will read, refreshed shortly after edits.

The HTML is built off the GUI thread (a large project takes a while), and
only when the dock is on screen (not behind another tab); a burst of edits
gives one rebuild. A project of many sections shows the Outline's current
section only: laying out twenty thousand passages would hold the GUI thread
for minutes.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QTextBrowser, QVBoxLayout, QWidget

from app.gui.context import ProjectContext
from app.gui.workers import Operation, Progress

logger = logging.getLogger(__name__)

REFRESH_DELAY_MS = 600
MAX_SECTIONS = 40  # more, and the preview shows the Outline's current section
LAYOUTS = ("grouped", "interleaved", "table")


class PreviewPanel(QWidget):
    def __init__(self, ctx: ProjectContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Layout:")))
        self.layout_combo = QComboBox()
        for value, name in zip(
            LAYOUTS, [self.tr("Grouped"), self.tr("Interleaved"), self.tr("Table")], strict=True
        ):
            self.layout_combo.addItem(name, value)
        row.addWidget(self.layout_combo)
        row.addStretch(1)
        layout.addLayout(row)
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(True)
        self.browser.zoomOut(2)  # a dock is narrower than a page: smaller type reads better
        layout.addWidget(self.browser)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(REFRESH_DELAY_MS)
        self.timer.timeout.connect(self.refresh)
        self._busy = False
        self._again = False
        self._stale = False  # changed while the dock was behind another tab
        ctx.changed.connect(lambda _kinds: self.timer.start())
        ctx.section_selected.connect(lambda _id: self.timer.start())
        self.layout_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.timer.start()

    def shown(self) -> bool:
        """On screen: a dock behind another tab still says isVisible()."""
        return self.isVisible() and not self.visibleRegion().isEmpty()

    def dock_visible(self, visible: bool) -> None:
        """The dock came to the front: show what changed while it was behind."""
        if visible and self._stale:
            self._stale = False
            self.timer.start(0)

    def refresh(self) -> None:
        if not self.shown():
            self._stale = True
            return
        if self._busy:
            self._again = True
            return
        store = self.ctx.store
        layout = str(self.layout_combo.currentData())
        focus = self.ctx.section_id

        def work(_progress: Progress) -> str:
            # imported here, off the GUI thread: the Word writer takes a second to load
            from app.exporters.export import preview_html

            return preview_html(store, layout=layout, focus=focus, limit=MAX_SECTIONS)

        self._busy = True
        Operation(self, work, pool_name="files").success(self._show).failure(
            lambda exc: self.browser.setPlainText(str(exc))
        ).finally_(self._done).run_in_background()

    def _show(self, html: str) -> None:
        bar = self.browser.verticalScrollBar()
        position = bar.value()
        self.browser.setHtml(html)
        bar.setValue(position)

    def _done(self) -> None:
        self._busy = False
        if self._again:
            self._again = False
            self.timer.start()
