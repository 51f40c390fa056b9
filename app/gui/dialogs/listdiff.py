"""The shape shared by the dialogs that list items and show each one as a word diff.

A response's history, the conflicts of a merge and the proposals of a Word
review are the same dialog: an explanation with the colour legend, a list
on the left, the chosen item on the right (a diff coloured like Word's track
changes), buttons that decide, Close. :class:`ListDiffDialog` holds that
layout and the list's bookkeeping (keep the row after a decision, say when
nothing is left); each dialog says what it lists, how an item reads in the
list and how it is shown, and what its buttons do.

The list is an item model (:class:`~app.gui.rowmodel.RowListModel`) keyed by
each item's id. The items are read off the GUI thread, and after a decision
(or any operation, an undo) only the rows that came, went or changed are
told to the view: a decided proposal's row is removed, the others stay as
they are, with the selection.

Diplomats argue over single words ("should" against "must"), so the diff is
by word: what the newer text adds is green and underlined, what it removes
red and struck through.
"""

from __future__ import annotations

import html
import logging
from abc import abstractmethod
from collections.abc import Callable
from typing import Generic, TypeVar

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListView,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.core.history import Op, Segment
from app.core.journal import Changes
from app.gui.context import ProjectContext
from app.gui.rowmodel import RowListModel, Shown
from app.gui.workers import Operation
from app.gui.writer import ProjectOperation

logger = logging.getLogger(__name__)

INSERT_STYLE = "color:#1a7f37;text-decoration:underline;background:#e6ffec"
DELETE_STYLE = "color:#cf222e;text-decoration:line-through;background:#ffebe9"

ItemT = TypeVar("ItemT")


def diff_html(segments: list[Segment]) -> str:
    """Segments as HTML for a QTextBrowser; line breaks kept, everything else escaped."""
    parts = []
    for segment in segments:
        text = html.escape(segment.text).replace("\n", "<br>")
        if segment.op == Op.INSERT:
            parts.append(f'<span style="{INSERT_STYLE}">{text}</span>')
        elif segment.op == Op.DELETE:
            parts.append(f'<span style="{DELETE_STYLE}">{text}</span>')
        else:
            parts.append(text)
    return "".join(parts)


def legend() -> str:
    return (
        f'<span style="{INSERT_STYLE}">&nbsp;added&nbsp;</span> '
        f'<span style="{DELETE_STYLE}">&nbsp;removed&nbsp;</span>'
    )


class ListDiffDialog(QDialog, Generic[ItemT]):
    """A list of items on the left, the current one on the right, buttons that decide."""

    def __init__(
        self,
        parent: QWidget | None,
        ctx: ProjectContext,
        *,
        title: str,
        intro: str,
        size: tuple[int, int],
        list_width: int,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model: RowListModel[ItemT] = RowListModel(
            self.key, lambda item, _row: Shown(self.describe(item)), self
        )
        self._deciding = False
        self._reading = False
        self._again = False
        self._again_row: int | None = None
        self.setWindowTitle(title)
        self.resize(*size)
        layout = QVBoxLayout(self)
        self.intro = QLabel(intro.format(legend=legend()))
        self.intro.setWordWrap(True)
        self.intro.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.intro)
        splitter = QSplitter()
        self.list = QListView()
        self.list.setModel(self.model)
        self.list.setWordWrap(True)
        splitter.addWidget(self.list)
        splitter.addWidget(self.build_detail())
        splitter.setSizes([list_width, size[0] - list_width])
        layout.addWidget(splitter, 1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.list.selectionModel().currentChanged.connect(lambda *_a: self._show())
        ctx.applied.connect(self._applied)

    # -- what each dialog says ----------------------------------------------------

    @abstractmethod
    def build_detail(self) -> QWidget:
        """The right-hand side, where the current item is shown."""

    @abstractmethod
    def load(self) -> list[ItemT]:
        """The items to list, read from the project."""

    @abstractmethod
    def key(self, item: ItemT) -> str:
        """The id that names ``item`` from one reading to the next."""

    @abstractmethod
    def describe(self, item: ItemT) -> str:
        """How ``item`` reads in the list."""

    @abstractmethod
    def show_item(self, item: ItemT | None) -> None:
        """Show ``item`` on the right (``None``: nothing is left to show)."""

    def first_row(self, items: list[ItemT]) -> int:
        """The row chosen when the dialog opens."""
        return 0

    # -- shared ------------------------------------------------------------------------

    def action_button(self, text: str, slot: Callable[[], object]) -> QPushButton:
        """A button beside Close that acts on the current item."""
        button = QPushButton(text)
        self.buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        button.clicked.connect(slot)
        return button

    @property
    def items(self) -> list[ItemT]:
        return self.model.rows

    def start(self) -> None:
        """Read the list for the first time (the end of a dialog's ``__init__``)."""
        self._read(None)

    def refresh(self, row: int | None = None) -> None:
        """Read the items again; keep the row (the next item takes a decided one's place)."""
        self._read(row)

    def _applied(self, changes: Changes) -> None:
        """Any operation (another window's, an undo) may change what is listed: read again."""
        if changes and self.isVisible():
            self.refresh()

    def _read(self, row: int | None) -> None:
        """The items, read on the ``files`` pool; a request made meanwhile runs after it."""
        if self._reading:
            self._again = True
            self._again_row = row if self._again_row is None else self._again_row
            return
        self._reading = True
        first = not self.model.rows and row is None and self.current_row() < 0

        def read(_progress: object) -> list[ItemT]:
            return self.load()

        def done(items: list[ItemT]) -> None:
            keep = self.current_row() if row is None else row
            self._fill(items, self.first_row(items) if first else keep)

        def finished() -> None:
            self._reading = False
            if self._again:
                again, self._again, self._again_row = self._again_row, False, None
                self._read(again)

        Operation(self, read, pool_name="files").success(done).finally_(
            finished
        ).run_in_background()

    def _fill(self, items: list[ItemT], keep: int) -> None:
        """Only the rows that came, went or changed reach the view (no reset)."""
        self.model.sync(items)
        self.set_current_row(min(max(keep, 0), len(items) - 1))

    def count(self) -> int:
        return self.model.rowCount()

    def current_row(self) -> int:
        index = self.list.currentIndex()
        return index.row() if index.isValid() else -1

    def set_current_row(self, row: int) -> None:
        """Make ``row`` current (-1: none); the right-hand side follows."""
        self.list.setCurrentIndex(self.model.index(row) if row >= 0 else QModelIndex())
        self._show()

    def current(self) -> ItemT | None:
        row = self.current_row()
        return self.items[row] if 0 <= row < len(self.items) else None

    def decide(self, work: Callable[[], object], *kinds: str) -> bool:
        """Run one decision as an undoable step through the operation helper.

        The views and this list follow once it is saved (or refused, with the
        core's message). False while the previous decision is still on its way.
        """
        if self._deciding:
            return False
        self._deciding = True
        operation = ProjectOperation(self, self.ctx, lambda _progress: work(), *kinds)
        operation.finally_(self._decided)
        operation.run_in_background()
        return True

    def _decided(self) -> None:
        self._deciding = False
        self.refresh()

    def _show(self) -> None:
        self.show_item(self.current())
