"""The Passages dock: the current source's citations in output order.

Numbered as they will print, draggable to reorder, with a mark for quotes
whose printed text no longer matches the source (elisions and bracketed
insertions are allowed, see :func:`app.core.fidelity.check_fidelity`) and for
orphans a new version of the source lost; answered passages without a
position, and passages changed since the last final export, are marked too.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, Qt, QTimer
from PySide6.QtGui import QAction, QColor, QIcon, QKeySequence, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.core import markup, sending
from app.core.contribution import is_empty_markup, section_headings
from app.core.fidelity import check_fidelity
from app.core.services import notes, passages, sections
from app.core.services.passages import PassageInfo
from app.gui import commands
from app.gui.context import NOTES, PASSAGES, RESPONSES, SOURCES, ProjectContext
from app.gui.passage_filter import PassageFilter
from app.gui.reader import status_colour
from app.gui.review import commands as review_commands

logger = logging.getLogger(__name__)

ID_ROLE = Qt.ItemDataRole.UserRole


def _swatch(colour: QColor) -> QIcon:
    pixmap = QPixmap(12, 12)
    pixmap.fill(colour)
    return QIcon(pixmap)


def legend_html() -> str:
    """The highlight colours and what they mean, as a line of coloured squares."""
    names = [
        (None, QCoreApplication.translate("PassagesPanel", "no response")),
        ("draft", QCoreApplication.translate("PassagesPanel", "draft")),
        ("proposed", QCoreApplication.translate("PassagesPanel", "proposed")),
        ("agreed", QCoreApplication.translate("PassagesPanel", "agreed")),
    ]
    parts = [
        f'<span style="background:{status_colour(status, status is not None).name()}">'
        f"&nbsp;&nbsp;&nbsp;</span>&nbsp;{name}"
        for status, name in names
    ]
    return "&nbsp;&nbsp; ".join(parts)


def _short(text: str, limit: int = 140) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


class PassagesPanel(QWidget):
    def __init__(self, ctx: ProjectContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.items: list[PassageInfo] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.filter = PassageFilter(ctx)
        layout.addWidget(self.filter)
        self.legend = QLabel(legend_html())
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.legend.setWordWrap(True)
        self.legend.setToolTip(self.tr("The colour of a passage says where its response stands"))
        layout.addWidget(self.legend)
        self.list = QListWidget()
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.list.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.list.setWordWrap(True)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        layout.addWidget(self.list, 3)
        quote_label = QLabel(self.tr("Printed quote (use … for omissions, [ ] for insertions):"))
        quote_label.setWordWrap(True)
        layout.addWidget(quote_label)
        self.quote = QPlainTextEdit()
        self.quote.setMaximumHeight(90)
        layout.addWidget(self.quote, 1)
        row = QHBoxLayout()
        self.fidelity = QLabel()
        self.fidelity.setWordWrap(True)
        row.addWidget(self.fidelity, 1)
        self.apply = QPushButton(self.tr("Apply quote"))
        self.apply.setToolTip(self.tr("Save the printed quote (Ctrl+Return)"))
        self.apply.setShortcut(QKeySequence("Ctrl+Return"))
        row.addWidget(self.apply)
        layout.addLayout(row)
        self.delete_action = QAction(self.tr("&Delete passage"), self)
        self.delete_action.setShortcut(QKeySequence.StandardKey.Delete)
        self.up_action = QAction(self.tr("Move &up"), self)
        self.up_action.setShortcut(QKeySequence("Alt+Up"))
        self.down_action = QAction(self.tr("Move d&own"), self)
        self.down_action.setShortcut(QKeySequence("Alt+Down"))
        self.section_action = QAction(self.tr("Move to &section…"), self)
        self.same_action = QAction(self.tr("Same &answer as…"), self)
        self.note_action = QAction(self.tr("Add &note…"), self)
        self.note_action.setShortcut(QKeySequence("Ctrl+Shift+N"))
        for action in (
            self.note_action,
            self.up_action,
            self.down_action,
            self.section_action,
            self.same_action,
            self.delete_action,
        ):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.list.addAction(action)
        self.delete_action.triggered.connect(self._delete_current)
        self.up_action.triggered.connect(lambda: self._step(-1))
        self.down_action.triggered.connect(lambda: self._step(1))
        self.section_action.triggered.connect(self._ask_section)
        self.same_action.triggered.connect(self._ask_same_answer)
        self.note_action.triggered.connect(self._ask_note)
        self.filter.changed.connect(self.refresh)
        self.apply.clicked.connect(self._apply_quote)
        self.quote.textChanged.connect(self._check_quote)
        self.list.currentItemChanged.connect(self._current_changed)
        self.list.model().rowsMoved.connect(self._rows_moved)
        ctx.changed.connect(self._changed)
        ctx.source_selected.connect(lambda _id: self.refresh())
        ctx.passage_selected.connect(self._select)
        self.refresh()

    def _changed(self, kinds: frozenset[str]) -> None:
        if kinds & {PASSAGES, RESPONSES, SOURCES, NOTES}:
            self.filter.fill_members()
            self.refresh()

    def refresh(self) -> None:
        source = self.ctx.source_id
        self.items = passages.list_passages(self.ctx.store, source) if source else []
        allowed = self.filter.allowed()
        # Reordering among hidden rows would be guesswork: only on the full list.
        self.list.setDragEnabled(allowed is None)
        for action in (self.up_action, self.down_action):
            action.setEnabled(allowed is None)
        self.list.blockSignals(True)
        self.list.clear()
        numbers: dict[str | None, int] = {}
        noted = notes.note_counts(self.ctx.store, [info.id for info in self.items])
        changed = sending.changed_passages(self.ctx.store, source) if source else set()
        for info in self.items:
            numbers[info.block_id] = numbers.get(info.block_id, 0) + 1
            where = []
            if info.page_label:
                where.append(self.tr("p. {label}").format(label=info.page_label))
            if info.paragraph_number:
                where.append(self.tr("para. {n}").format(n=info.paragraph_number.rstrip(".")))
            mark = "✓"
            if info.orphan:
                mark = "✗ " + self.tr("not found in the new version")
            elif check_fidelity(info.quote, info.exact):
                mark = "⚠ " + self.tr("quote differs from the source")
            if noted.get(info.id):
                mark += "  " + self.tr("💬 {n}").format(n=noted[info.id])
            if (
                info.response_id
                and not info.response_position
                and not is_empty_markup(info.response_text)
            ):
                mark += "  " + self.tr("• no position")
            if info.id in changed:
                mark += "  " + self.tr("↻ changed since sent")
            head = f"{numbers[info.block_id]})  {_short(info.quote)}"
            item = QListWidgetItem(f"{head}\n{', '.join(where)}  {mark}")
            item.setData(ID_ROLE, info.id)
            item.setIcon(_swatch(status_colour(info.response_status, bool(info.response_text))))
            self.list.addItem(item)
            item.setHidden(allowed is not None and info.id not in allowed)
            if info.id == self.ctx.passage_id:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)
        self._load_quote()

    def current(self) -> PassageInfo | None:
        return next((p for p in self.items if p.id == self.ctx.passage_id), None)

    def _select(self, passage_id: str) -> None:
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.data(ID_ROLE) == passage_id:
                self.list.blockSignals(True)
                self.list.setCurrentItem(item)
                self.list.blockSignals(False)
        self._load_quote()

    def _current_changed(self, item: QListWidgetItem | None, _previous: object) -> None:
        if item is not None:
            self.ctx.select_passage(str(item.data(ID_ROLE)))

    def _load_quote(self) -> None:
        info = self.current()
        self.quote.blockSignals(True)
        self.quote.setPlainText(info.quote if info else "")
        self.quote.blockSignals(False)
        self.quote.setEnabled(info is not None)
        self._check_quote()

    def _check_quote(self) -> None:
        info = self.current()
        if info is None:
            self.fidelity.clear()
            self.apply.setEnabled(False)
            return
        problems = check_fidelity(self.quote.toPlainText(), info.exact)
        self.fidelity.setText("⚠ " + problems[0] if problems else "✓ " + self.tr("Faithful"))
        self.apply.setEnabled(self.quote.toPlainText() != info.quote)

    def _apply_quote(self) -> None:
        info = self.current()
        new = self.quote.toPlainText()
        if info is not None and new != info.quote:
            commands.push(self, self.ctx, commands.SetQuote(self.ctx, info.id, info.quote, new))

    def _delete_current(self) -> None:
        info = self.current()
        if info is not None:
            commands.push(self, self.ctx, commands.DeletePassage(self.ctx, info.id))

    def _ask_note(self) -> None:
        info = self.current()
        if info is None:
            return
        text, ok = QInputDialog.getMultiLineText(
            self, self.tr("Add note"), self.tr("Note for the delegation (never exported):")
        )
        if ok and text.strip():
            self.add_note(info.id, text)

    def add_note(self, passage_id: str, text: str) -> None:
        """An internal note on the passage, as the Notes panel adds it."""
        command = review_commands.AddNote(self.ctx, passage_id, markup.escape(text.strip()))
        commands.push(self, self.ctx, command)

    def _ask_section(self) -> None:
        info = self.current()
        if info is None:
            return
        others = [s for s in sections.list_sections(self.ctx.store) if s.id != info.section_id]
        headings = section_headings(self.ctx.store)
        names = [headings.get(s.id) or s.heading for s in others]
        if not names:
            return
        name, ok = QInputDialog.getItem(
            self, self.tr("Move to section"), self.tr("Print the passage in:"), names, 0, False
        )
        if ok and name in names:
            self.place_in_section(info.id, others[names.index(name)].id)

    def place_in_section(self, passage_id: str, section_id: str) -> None:
        """Cite the passage under another section (e.g. a topic); undo puts it back."""
        info = next(p for p in self.items if p.id == passage_id)
        command = review_commands.PlacePassage(self.ctx, passage_id, section_id, info.ordinal)
        commands.push(self, self.ctx, command)

    def _ask_same_answer(self) -> None:
        info = self.current()
        if info is None:
            return
        others = [p for p in self.items if p.id != info.id and p.same_as_id != info.id]
        names = [f"{i + 1}. {p.source_label}: {_short(p.quote, 80)}" for i, p in enumerate(others)]
        if not names:
            return
        name, ok = QInputDialog.getItem(
            self, self.tr("Same answer as"), self.tr("Answer this passage as:"), names, 0, False
        )
        if ok and name in names:
            self.share_answer(info.id, others[names.index(name)].id)

    def share_answer(self, passage_id: str, other_id: str) -> None:
        """One answer for both passages: one text, one status; undo gives it its own back."""
        commands.push(self, self.ctx, commands.ShareAnswer(self.ctx, passage_id, other_id))

    def _siblings(self, info: PassageInfo) -> list[str]:
        return [p.id for p in self.items if p.block_id == info.block_id]

    def move_passage(self, passage_id: str, new_index: int) -> None:
        """Move within the passage's block to ``new_index`` (an undoable step)."""
        info = next(p for p in self.items if p.id == passage_id)
        old = self._siblings(info).index(passage_id)
        if new_index != old:
            command = commands.MovePassage(self.ctx, passage_id, old, new_index)
            commands.push(self, self.ctx, command)

    def _step(self, delta: int) -> None:
        info = self.current()
        if info is not None:
            siblings = self._siblings(info)
            new = siblings.index(info.id) + delta
            if 0 <= new < len(siblings):
                self.move_passage(info.id, new)

    def _rows_moved(
        self,
        _parent: QModelIndex | QPersistentModelIndex,
        start: int,
        _end: int,
        _dest: QModelIndex | QPersistentModelIndex,
        _row: int,
    ) -> None:
        moved = self.items[start]
        order = [str(self.list.item(r).data(ID_ROLE)) for r in range(self.list.count())]
        block = {p.id for p in self.items if p.block_id == moved.block_id}
        new_index = [i for i in order if i in block].index(moved.id)
        # Not from inside the drop: the command refreshes (clears) the list being dropped on.
        QTimer.singleShot(0, lambda: self.move_passage(moved.id, new_index))
