"""The Passages dock: the current source's citations in output order.

An item model (:class:`~app.gui.rowmodel.RowListModel`) holds the rows; after
an operation only the rows its changes name are read again and redrawn, so
an edit costs the same on a source of ten passages and a project of twenty
thousand. The order is read again only when it may have moved (a citation,
a deletion, a move, a section's change).

Numbered as they will print, draggable to reorder, with a mark for quotes
whose printed text no longer matches the source (elisions and bracketed
insertions are allowed, see :func:`app.core.fidelity.check_fidelity`) and for
orphans a new version of the source lost; answered passages without a
position, and passages changed since the last final export, are marked too.
"""

from __future__ import annotations

import logging
from dataclasses import replace

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QColor, QIcon, QKeySequence, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.core import markup
from app.core.contribution import is_empty_markup, section_headings
from app.core.fidelity import check_fidelity
from app.core.journal import Changes
from app.core.services import sections
from app.core.services.passages import PassageInfo
from app.gui import commands
from app.gui.context import NOTES, PASSAGES, RESPONSES, SOURCES, ProjectContext
from app.gui.passage_filter import PassageFilter
from app.gui.passage_rows import FreshRows, RowReader, SourceRows, Wanted
from app.gui.reader import status_colour
from app.gui.review import commands as review_commands
from app.gui.rowmodel import ID_ROLE, RowListModel, RowListView, Shown

logger = logging.getLogger(__name__)


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


# Tables whose rows a passage row shows, or that decide where it stands in the list.
_ROW_TABLES = frozenset({"passage", "response", "revision", "note", "member"})
_FEW = 50  # rows read one by one after an operation; more, and the source is read whole


def _look(info: PassageInfo) -> PassageInfo:
    """What a row shows of its passage (:meth:`PassagesPanel._render`): not the source label."""
    return replace(info, source_label="")


class PassagesPanel(QWidget):
    shown_changed = Signal()  # the rows (or their marks) changed: the reader's highlights follow

    def __init__(self, ctx: ProjectContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model: RowListModel[PassageInfo] = RowListModel(
            lambda p: p.id, self._render, self, movable=True, look=_look, numbered=False
        )
        self.noted: dict[str, int] = {}
        self.changed_ids: set[str] = set()
        self._numbers: dict[str, int] = {}
        self._by_response: dict[str, list[str]] = {}
        self._allowed: set[str] | None = None
        self.source_id: str | None = None  # the source whose rows the list holds
        self.reader = RowReader(self, ctx.store, self._shown_ids, self._arrived)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.filter = PassageFilter(ctx)
        layout.addWidget(self.filter)
        self.legend = QLabel(legend_html())
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.legend.setWordWrap(True)
        self.legend.setToolTip(self.tr("The colour of a passage says where its response stands"))
        layout.addWidget(self.legend)
        self.list = RowListView()
        self.list.setModel(self.model)
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
        self.filter.changed.connect(self._apply_filter)
        self.apply.clicked.connect(self._apply_quote)
        self.quote.textChanged.connect(self._check_quote)
        self.list.selectionModel().currentChanged.connect(self._current_changed)
        self.model.move_requested.connect(self._move_requested)
        ctx.changed.connect(self._changed)
        ctx.applied.connect(self._applied)
        ctx.passage_selected.connect(self._select)
        # the Workspace reads a newly chosen source's rows with its text and shows both

    @property
    def items(self) -> list[PassageInfo]:
        """The current source's passages, in output order."""
        return self.model.rows

    # -- reading: the whole source, or only the rows an operation changed ---------------
    # Every read runs off the GUI thread (app.gui.passage_rows); the list keeps what it
    # shows until the read is back, then changes in one step.

    def _shown_ids(self) -> tuple[str | None, list[str]]:
        """The source to read and the rows the list holds of it (when a read starts)."""
        source = self.ctx.source_id
        return source, self.model.ids() if source == self.source_id else []

    def _changed(self, kinds: frozenset[str]) -> None:
        """Rows changed without saying which (a reload, a colleague's big merge): read all."""
        if self.ctx.applying:
            return  # an operation's changes: :meth:`_applied` updates the rows it names
        if kinds & {PASSAGES, RESPONSES, SOURCES, NOTES}:
            self.filter.fill_members()
            self.refresh()

    def _applied(self, changes: Changes) -> None:
        """Read again only the rows ``changes`` names; the whole source when the order may move."""
        source = self.ctx.source_id
        if not changes or source is None or source != self.source_id:
            return  # no list, or another source's on its way (read after this operation)
        if "member" in changes.ids:
            self.filter.fill_members()
        if any(t not in _ROW_TABLES for t, ids in changes.ids.items() if ids):
            self.refresh()  # sections, blocks, a source, what was sent: the order or every mark
            return
        wanted = Wanted(passages=set(changes.of("passage")), notes=changes.touches("note"))
        for response_id in changes.of("response"):
            shown = self._by_response.get(response_id)
            if shown:
                wanted.passages.update(shown)
            else:  # a first answer: its passage's row had no response yet
                wanted.responses.add(response_id)
        wanted.changed = bool(wanted.passages or wanted.responses)
        if len(wanted.passages) + len(wanted.responses) > _FEW:
            self.refresh()  # a merge, an import: one read of the source beats many of one row
        elif wanted:
            self.reader.ask(wanted)

    def refresh(self) -> None:
        """Read the current source's passages again (off the GUI thread), then show them."""
        self.reader.ask(Wanted(whole=True))

    def _arrived(self, result: SourceRows | FreshRows) -> None:
        if result.source_id != self.ctx.source_id or self.ctx.store.closed:
            return  # another source was chosen meanwhile (its own read shows it), or closed
        if isinstance(result, SourceRows):
            self.show_rows(result)
        elif result.source_id == self.source_id:
            self._update(result)

    def show_rows(self, read: SourceRows) -> None:
        """Show a source's rows as read (no reset when the source stays the same)."""
        marks = self._marks()
        self.source_id = read.source_id
        self.noted, self.changed_ids = read.noted, read.changed_ids
        self.model.sync(read.rows)
        self._index()
        self._redraw_marked(marks)
        self._apply_filter()
        self._select(self.ctx.passage_id or "")
        self.shown_changed.emit()

    def _update(self, fresh: FreshRows) -> None:
        """Bring the rows an operation named up to date; a new row goes to its block's place."""
        source = fresh.source_id
        update: dict[str, PassageInfo | None] = {}
        added: list[PassageInfo] = []
        for passage_id, info in fresh.rows.items():
            shown_info = self.model.get(passage_id)
            if info is not None and info.source_id != source:
                info = None  # moved away: not this list's any more
            if info is None:
                if shown_info is not None:
                    update[passage_id] = None
            elif shown_info is None:
                added.append(info)
            elif (shown_info.block_id, shown_info.ordinal) != (info.block_id, info.ordinal):
                self.refresh()  # a moved row: its place comes from the source's order
                return
            else:
                update[passage_id] = info
        if any(self._place(info) is None for info in added):
            self.refresh()  # the first passage of a block: its place is the source's order
            return
        marks = self._marks()
        if fresh.noted is not None:
            self.noted = fresh.noted
        if fresh.changed_ids is not None:
            self.changed_ids = fresh.changed_ids
        self.model.update(update)
        for info in sorted(added, key=lambda p: p.ordinal):
            self.model.insert(self._place(info) or 0, info)
        self._index()
        self._redraw_marked(marks)
        if self.filter.active() or added:
            self._apply_filter()
        if added:
            self._select(self.ctx.passage_id or "")
        elif self.ctx.passage_id in update:
            self._load_quote()
        self.shown_changed.emit()

    def _place(self, info: PassageInfo) -> int | None:
        """Where a new row goes: among its block's rows by ordinal; None if none are shown."""
        siblings = [n for n, p in enumerate(self.model.rows) if p.block_id == info.block_id]
        if not siblings or info.block_id is None:
            return None
        after = [n for n in siblings if self.model.rows[n].ordinal > info.ordinal]
        return after[0] if after else siblings[-1] + 1

    def _marks(self) -> dict[str, tuple[int, int, bool]]:
        """What a row shows beside its passage: its number, its notes, changed since sent."""
        return {
            i: (self._numbers.get(i, 0), self.noted.get(i, 0), i in self.changed_ids)
            for i in self.model.ids()
        }

    def _redraw_marked(self, before: dict[str, tuple[int, int, bool]]) -> None:
        """Redraw only the rows whose number or marks differ from ``before`` (not the list)."""
        rows = [
            row
            for row, (passage_id, mark) in enumerate(self._marks().items())
            if passage_id in before and before[passage_id] != mark  # a new row is drawn anyway
        ]
        self.model.redraw(rows)

    def _index(self) -> None:
        numbers: dict[str | None, int] = {}
        self._numbers = {}
        self._by_response = {}
        for info in self.model.rows:
            numbers[info.block_id] = numbers.get(info.block_id, 0) + 1
            self._numbers[info.id] = numbers[info.block_id]
            if info.response_id:
                self._by_response.setdefault(info.response_id, []).append(info.id)

    def _apply_filter(self) -> None:
        """Hide the rows the filter leaves out, once read off the GUI thread (newest wins)."""
        self.filter.read(self._hide_but)

    def _hide_but(self, allowed: set[str] | None) -> None:
        self._allowed = allowed
        # Reordering among hidden rows would be guesswork: only on the full list.
        self.list.setDragEnabled(allowed is None)
        for action in (self.up_action, self.down_action):
            action.setEnabled(allowed is None)
        for row, info in enumerate(self.model.rows):
            hide = allowed is not None and info.id not in allowed
            if self.list.isRowHidden(row) != hide:  # each call lays every row out again
                self.list.setRowHidden(row, hide)

    def _render(self, info: PassageInfo, _row: int) -> Shown:
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
        tooltip = None
        noted = self.noted.get(info.id, 0)
        if noted:  # a pencil, not an emoji: DejaVu, Segoe UI Symbol and Apple Symbols have it
            mark += "  " + self.tr("✎ {n}").format(n=noted)
            tooltip = self.tr("%n note(s) on this passage (Notes panel)", "", noted)
        if (
            info.response_id
            and not info.response_position
            and not is_empty_markup(info.response_text)
        ):
            mark += "  " + self.tr("• no position")
        if info.id in self.changed_ids:
            mark += "  " + self.tr("↻ changed since sent")
        head = f"{self._numbers.get(info.id, 0)})  {_short(info.quote)}"
        icon = _swatch(status_colour(info.response_status, bool(info.response_text)))
        return Shown(f"{head}\n{', '.join(where)}  {mark}", icon, tooltip)

    def row_text(self, row: int) -> str:
        return str(self.model.data(self.model.index(row)))

    def current(self) -> PassageInfo | None:
        return self.model.get(self.ctx.passage_id)

    def _select(self, passage_id: str) -> None:
        row = self.model.row_of(passage_id)
        selection = self.list.selectionModel()
        selection.blockSignals(True)
        if row >= 0:
            self.list.setCurrentIndex(self.model.index(row))
        else:
            self.list.clearSelection()
            selection.setCurrentIndex(QModelIndex(), QItemSelectionModel.SelectionFlag.Clear)
        selection.blockSignals(False)
        self.list.viewport().update()
        self._load_quote()

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.ctx.select_passage(str(current.data(ID_ROLE)))

    def _load_quote(self) -> None:
        info = self.current()
        self.quote.blockSignals(True)
        self.quote.setPlainText(info.quote if info else "")
        self.quote.blockSignals(False)
        if info is not None:  # its edits, moves and placings name this version (team server)
            self.ctx.versions.show("passage", info.id)
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
        info = self.model.get(passage_id)
        if info is None:
            return
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
        info = self.model.get(passage_id)
        if info is None:
            return
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

    def _move_requested(self, passage_id: str, row: int) -> None:
        """A drop: the row's new place among its block's passages (the list moves once saved)."""
        order = [i for i in self.model.ids() if i != passage_id]
        order.insert(row, passage_id)
        moved = self.model.get(passage_id)
        assert moved is not None
        block = {p.id for p in self.items if p.block_id == moved.block_id}
        new_index = [i for i in order if i in block].index(passage_id)
        # Not from inside the drop: the view is still handling it.
        QTimer.singleShot(0, lambda: self.move_passage(passage_id, new_index))
