"""The Similar passages dock: what other sources say like the current passage.

When a passage is selected and the dock is in view, the look-up runs off
the GUI thread (the first one may index sources imported since the last);
a hidden dock looks up only once it is shown, so it costs nothing unused and the spans of other
sources come back best first, with their score, where they are, and — when
we already cited one — our answer to it. From a span, "Cite" cites it,
"Same answer" cites it (if needed) and makes it share the current passage's
answer, "Refer to our answer" writes a cross-reference in its party's section
to the section where the current passage is answered. Each is one step of
the project's journal, so Ctrl+Z undoes it.

The matches are an item model (:class:`~app.gui.rowmodel.RowListModel`)
keyed by the span: looked up again after an edit, a match whose answer
changed redraws its own row, and the others stay as they are.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QModelIndex
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.core.services.matches import answer_match, cite_match, refer_match
from app.core.similar import Match, similar_to_passage
from app.gui import commands
from app.gui.context import PASSAGES, RESPONSES, SECTIONS, SOURCES, ProjectContext
from app.gui.rowmodel import RowListModel, Shown
from app.gui.workers import Operation, Progress

logger = logging.getLogger(__name__)

LIMIT = 20


def match_key(match: Match) -> str:
    return f"{match.version_id}:{match.start}:{match.end}"


class _Edit(commands.Command):
    """One core operation on a match; the journal makes it undoable."""

    def __init__(self, ctx: ProjectContext, text: str, do: Callable[[], object]) -> None:
        super().__init__(ctx, text, PASSAGES, RESPONSES, SECTIONS, SOURCES)
        self._do = do
        self.result: object = None

    def do(self) -> None:
        self.result = self._do()


class SimilarPanel(QWidget):
    def __init__(self, ctx: ProjectContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.passage_id: str | None = None
        self._generation = 0
        self._stale = False  # the passage changed while the dock was hidden
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.summary = QLabel(self.tr("Select a passage to see what other sources say alike."))
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        # One wrapped item per match (score, source and place, then the words and our
        # answer): the dock is narrow, and columns cut the text off.
        self.model: RowListModel[Match] = RowListModel(match_key, self._render, self)
        self.view = QListView()
        self.view.setModel(self.model)
        self.view.setWordWrap(True)
        self.view.setSpacing(2)
        self.view.setAlternatingRowColors(True)
        self.view.setUniformItemSizes(False)
        self.view.setResizeMode(QListView.ResizeMode.Adjust)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        layout.addWidget(self.view, 1)
        row = QHBoxLayout()
        self.cite_button = QPushButton(self.tr("Cite"))
        self.cite_button.setToolTip(self.tr("Cite this span of the other source"))
        self.same_button = QPushButton(self.tr("Same answer"))
        self.same_button.setToolTip(
            self.tr("Cite this span (if needed) and answer it with this passage's answer")
        )
        self.refer_button = QPushButton(self.tr("Refer to our answer"))
        self.refer_button.setToolTip(
            self.tr(
                "Write in the other party's section: we refer to our comments "
                "where this passage is answered"
            )
        )
        for button in (self.cite_button, self.same_button, self.refer_button):
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        self.cite_button.clicked.connect(self.cite_current)
        self.same_button.clicked.connect(self.answer_current)
        self.refer_button.clicked.connect(self.refer_current)
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())
        self.view.doubleClicked.connect(self._jump)
        ctx.passage_selected.connect(self.lookup)
        ctx.changed.connect(self._changed)
        self._update_buttons()

    # -- looking up ----------------------------------------------------------------

    def lookup(self, passage_id: str | None, *, shown: bool = False) -> None:
        """Look the passage's similar spans up off the GUI thread; late answers are dropped.

        ``shown``: the dock has just come into view (its region is not updated yet).
        """
        self.passage_id = passage_id
        self._generation += 1
        generation = self._generation
        if not passage_id:
            self._show([])
            return
        if not shown and not self.in_view():
            self._stale = True
            return
        self._stale = False
        store = self.ctx.store

        def work(_progress: Progress) -> list[Match]:
            if store.closed:
                return []
            return similar_to_passage(store, passage_id, LIMIT)

        self.summary.setText(self.tr("Looking for similar passages…"))
        Operation(self, work).success(
            lambda found: self._show(found) if generation == self._generation else None
        ).failure(lambda exc: self._failed(exc, generation)).run_in_background()

    def in_view(self) -> bool:
        """Shown and not behind another tab of its dock area."""
        return self.isVisible() and not self.visibleRegion().isEmpty()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.dock_visible(True)

    def dock_visible(self, visible: bool) -> None:
        """The dock came into view (its tab chosen): catch up with the current passage."""
        if visible and self._stale:
            self.lookup(self.passage_id, shown=True)

    def _failed(self, exc: BaseException, generation: int) -> None:
        if generation == self._generation:
            logger.info("similar passages not found: %s", exc)
            self._show([])

    def _changed(self, kinds: frozenset[str]) -> None:
        if self.passage_id and kinds & {PASSAGES, RESPONSES, SOURCES}:
            self.lookup(self.passage_id)

    @property
    def matches(self) -> list[Match]:
        return self.model.rows

    def _render(self, match: Match, _row: int) -> Shown:
        text = match.text
        if match.response_id is not None:
            text += "\n" + self.tr("Our answer ({status}): {text}").format(
                status=match.response_status, text=match.response_text or "…"
            )
        elif match.passage_id is not None:
            text += "\n" + self.tr("Cited, not answered yet")
        where = "" if match.locator == "-" else f" · {match.locator}"
        return Shown(f"{match.score:.2f} · {match.source_label}{where}\n{text}", tooltip=text)

    def row_text(self, row: int) -> str:
        return str(self.model.data(self.model.index(row)) or "")

    def _show(self, matches: list[Match]) -> None:
        self.model.sync(matches)
        if not self.passage_id:
            self.summary.setText(self.tr("Select a passage to see what other sources say alike."))
        elif matches:
            self.summary.setText(
                self.tr("%n similar passage(s) in other sources, best first.", "", len(matches))
            )
            if not self.view.currentIndex().isValid():
                self.view.setCurrentIndex(self.model.index(0, 0))
        else:
            self.summary.setText(self.tr("No other source says anything like this passage."))
        self._update_buttons()

    # -- acting on a match ---------------------------------------------------------

    def current(self) -> Match | None:
        row = self.view.currentIndex().row()
        return self.matches[row] if 0 <= row < len(self.matches) else None

    def _update_buttons(self) -> None:
        match = self.current()
        self.cite_button.setEnabled(match is not None and match.passage_id is None)
        self.same_button.setEnabled(match is not None and self.passage_id is not None)
        self.refer_button.setEnabled(match is not None and self.passage_id is not None)

    def _push(self, text: str, do: Callable[[], object]) -> _Edit:
        """Run ``do`` through the operation helper; its ``result`` is there once it is done."""
        command = _Edit(self.ctx, text, do)
        commands.push(self, self.ctx, command)
        return command

    def cite_current(self) -> _Edit | None:
        match = self.current()
        if match is None:
            return None
        store = self.ctx.store
        return self._push(self.tr("Cite passage"), lambda: cite_match(store, match))

    def answer_current(self) -> _Edit | None:
        match, passage_id = self.current(), self.passage_id
        if match is None or passage_id is None:
            return None
        store = self.ctx.store
        return self._push(self.tr("Same answer as"), lambda: answer_match(store, passage_id, match))

    def refer_current(self) -> _Edit | None:
        match, passage_id = self.current(), self.passage_id
        if match is None or passage_id is None:
            return None
        store = self.ctx.store
        return self._push(
            self.tr("Refer to our answer"), lambda: refer_match(store, passage_id, match)
        )

    def _jump(self, index: QModelIndex) -> None:
        if not 0 <= index.row() < len(self.matches):
            return
        match = self.matches[index.row()]
        self.ctx.jump_requested.emit(match.source_id, match.start, match.end)
