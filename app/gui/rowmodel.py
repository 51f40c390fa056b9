"""A list model of rows keyed by id, updated row by row from what an operation changed.

The panels used to clear their list widget and fill it again after every
edit; on a project of 20,000 passages that costs more than the edit itself.
:class:`RowListModel` keeps the rows a core read function returned, and a
panel hands it only the rows an operation's :class:`~app.core.journal.Changes`
named: :meth:`RowListModel.update` replaces those (``dataChanged`` for one
row), :meth:`RowListModel.sync` brings the list to a new order with the
fewest inserts, removals and moves, so the view keeps its selection and
scroll position. Texts are made only when the view asks for a row it shows
(:meth:`RowListModel.render`), never for the rows scrolled away.

:class:`RowListView` is the view to show them in: Qt's list view lays every
row out again on any change of one row when rows may differ in height; this
one measures only the changed rows.

A drag that reorders rows does not move them here: it asks the panel
(:attr:`RowListModel.move_requested`), whose operation's changes then come
back like any other.

:class:`RowTableModel` keeps rows the same way for a view with columns (the
Notes dock's author and time, the changes since sent): the bookkeeping is
one (:class:`RowBook`), only the shape differs.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar, cast

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractListModel,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QIcon, QResizeEvent, QShowEvent
from PySide6.QtWidgets import QAbstractItemView, QListView, QWidget

logger = logging.getLogger(__name__)

T = TypeVar("T")
ID_ROLE = Qt.ItemDataRole.UserRole
_SHOWN_ROLES = frozenset(
    int(r)
    for r in (
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.DecorationRole,
        Qt.ItemDataRole.ToolTipRole,
    )
)
_FEW_ROWS = 8  # changed rows measured one by one; more, and the view lays every row out again
Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Shown:
    """What a view shows of one row."""

    text: str
    icon: QIcon | None = None
    tooltip: str | None = None


class RowBook(Generic[T]):
    """Rows of ``T`` in order, each with its id (``key``), told to the views row by row.

    Mixed into a Qt model (list or table): the model makes the indexes, this
    keeps the rows, and tells every insertion, removal, move and change.

    ``look``: what of a row its look shows; a row whose value changed but not
    its look (a passage's source label, not shown) is taken without a redraw.
    ``numbered``: the look depends on the row's position (``render``'s second
    argument), so rows that came, went or moved are made again; without it a
    row's look is kept by id until the row itself changes.
    """

    rows: list[T]

    def _start_rows(
        self,
        key: Callable[[T], str],
        columns: int,
        *,
        look: Callable[[T], object] | None = None,
        numbered: bool = True,
    ) -> None:
        self._key = key
        self._columns = columns
        self._look: Callable[[T], object] = look or (lambda row: row)
        self._numbered = numbered
        self.resets = 0  # the list replaced whole (another source shown; tests count them)
        self.rows = []
        self._row_of: dict[str, int] = {}
        self._cache: dict[object, object] = {}  # a row's look, made once for all its roles

    def _cache_key(self, number: int, row: T) -> object:
        return number if self._numbered else self._key(row)

    def _qt(self) -> QAbstractItemModel:
        return cast(QAbstractItemModel, self)

    def row_of(self, row_id: str | None) -> int:
        """The row showing ``row_id``, or -1."""
        return self._row_of.get(row_id, -1) if row_id is not None else -1

    def get(self, row_id: str | None) -> T | None:
        row = self.row_of(row_id)
        return self.rows[row] if row >= 0 else None

    def ids(self) -> list[str]:
        return [self._key(r) for r in self.rows]

    # -- changing ---------------------------------------------------------------------

    def update(self, fresh: Mapping[str, T | None]) -> None:
        """Rows read again by id: ``None`` removes a row; ids not shown are ignored."""
        for row_id, value in fresh.items():
            row = self.row_of(row_id)
            if row < 0:
                continue
            if value is None:
                self._remove(row)
            else:
                self.rows[row] = value
                self.changed(row, row)

    def insert(self, position: int, value: T) -> None:
        """A new row at ``position`` (the rows after it move down one)."""
        qt = self._qt()
        qt.beginInsertRows(QModelIndex(), position, position)
        self.rows.insert(position, value)
        self._reindex()
        qt.endInsertRows()

    def changed(self, first: int, last: int) -> None:
        """Rows whose look changed (a number that follows from their position)."""
        first, last = max(first, 0), min(last, len(self.rows) - 1)
        if first > last:
            return
        for number in range(first, last + 1):
            self._cache.pop(self._cache_key(number, self.rows[number]), None)
        qt = self._qt()
        qt.dataChanged.emit(qt.index(first, 0), qt.index(last, self._columns - 1))

    def sync(self, rows: Iterable[T]) -> None:
        """Become ``rows``: removals, insertions and moves, each told to the views; no reset.

        A row whose value changed is redrawn only when its look changed. When
        no row is kept (another source shown), the list is replaced at once.
        """
        qt = self._qt()
        new = list(rows)
        new_ids = [self._key(r) for r in new]
        wanted = set(new_ids)
        if self.rows and not wanted.intersection(self._row_of):
            qt.beginResetModel()
            self.rows = new
            self._reindex()
            qt.endResetModel()
            self.resets += 1
            return
        for row in range(len(self.rows) - 1, -1, -1):
            if self._key(self.rows[row]) not in wanted:
                self._remove(row)
        redraw: list[str] = []
        for position, (row_id, value) in enumerate(zip(new_ids, new, strict=True)):
            current = self.row_of(row_id)
            if current == position:
                old = self.rows[position]
                if old != value:
                    self.rows[position] = value
                    if self._look(old) != self._look(value):
                        redraw.append(row_id)
                continue
            if current < 0:
                qt.beginInsertRows(QModelIndex(), position, position)
                self.rows.insert(position, value)
                self._reindex()
                qt.endInsertRows()
                continue
            # current > position: the row comes up to here (rows before it are in place)
            qt.beginMoveRows(QModelIndex(), current, current, QModelIndex(), position)
            self.rows.insert(position, self.rows.pop(current))
            self._reindex()
            qt.endMoveRows()
            self.rows[position] = value
            redraw.append(row_id)
        self.redraw([self._row_of[i] for i in redraw])

    def redraw(self, rows: list[int]) -> None:
        """Tell the views these rows' looks changed: a few one by one, many as one range."""
        if len(rows) > _FEW_ROWS:
            self.changed(min(rows), max(rows))
        else:
            for row in rows:
                self.changed(row, row)

    def _remove(self, row: int) -> None:
        qt = self._qt()
        qt.beginRemoveRows(QModelIndex(), row, row)
        del self.rows[row]
        self._reindex()
        qt.endRemoveRows()

    def _reindex(self) -> None:
        """Rows came, went or moved: a look made by position is made again."""
        if self._numbered:
            self._cache.clear()
        else:
            kept = {self._key(r) for r in self.rows}
            self._cache = {k: s for k, s in self._cache.items() if k in kept}
        self._row_of = {self._key(r): n for n, r in enumerate(self.rows)}


def _role(shown: Shown, role: int) -> Any:
    if role == Qt.ItemDataRole.DisplayRole:
        return shown.text
    if role == Qt.ItemDataRole.DecorationRole:
        return shown.icon
    return shown.tooltip


class RowListModel(QAbstractListModel, RowBook[T]):
    """Rows of ``T`` in order, each with its id (``key``); ``render`` says how one looks."""

    move_requested = Signal(str, int)  # the dragged row's id, the row it was dropped at

    def __init__(
        self,
        key: Callable[[T], str],
        render: Callable[[T, int], Shown],
        parent: QObject | None = None,
        *,
        movable: bool = False,
        look: Callable[[T], object] | None = None,
        numbered: bool = True,
    ) -> None:
        QAbstractListModel.__init__(self, parent)
        self._start_rows(key, 1, look=look, numbered=numbered)
        self._render = render
        self._movable = movable

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # the view asks eight roles of every row it paints or measures: the others go first
        if role not in _SHOWN_ROLES and role != ID_ROLE:
            return None
        number = index.row()
        if not 0 <= number < len(self.rows) or not index.isValid():
            return None
        row = self.rows[number]
        if role == ID_ROLE:
            return self._key(row)
        cached = self._cache_key(number, row)
        shown = cast(Shown | None, self._cache.get(cached))
        if shown is None:
            shown = self._render(row, number)
            self._cache[cached] = shown
        return _role(shown, role)

    # -- dragging to reorder ------------------------------------------------------------

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if self._movable:
            if index.isValid():
                flags |= Qt.ItemFlag.ItemIsDragEnabled
            else:
                flags |= Qt.ItemFlag.ItemIsDropEnabled
        return flags

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction if self._movable else Qt.DropAction.IgnoreAction

    def moveRows(
        self,
        source_parent: Index,
        source_row: int,
        count: int,
        destination_parent: Index,
        destination_child: int,
    ) -> bool:
        """A drop asks for a move: the panel runs it as an operation; its changes move the row."""
        if not self._movable or count != 1 or not 0 <= source_row < len(self.rows):
            return False
        target = destination_child if destination_child >= 0 else len(self.rows)
        if target > source_row:
            target -= 1  # Qt counts the destination before the row leaves
        if target == source_row:
            return False
        self.move_requested.emit(self._key(self.rows[source_row]), target)
        return True


class RowListView(QListView):
    """A list view that lays its rows out again only when a changed row's height changed.

    Qt's list view (6.11) measures every row again on any ``dataChanged``,
    even of one row, when rows may differ in height (word wrap): a response
    edit re-measured the whole source's passages. Here a few changed rows are
    measured one by one against the height they were laid out with; the
    layout is redone only when one of them no longer fits. While a layout is
    due anyway (rows came or went, the view was resized) nothing is measured:
    measuring would force that layout now, once per changed row.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.layouts = 0  # full layouts asked for by changed rows (tests count them)
        self._due = True  # a layout is due: Qt's own, after rows came, went or moved
        self._stale = False  # rows changed while hidden: lay out when shown

    def setModel(self, model: QAbstractItemModel | None) -> None:
        super().setModel(model)
        if model is not None:
            for signal in (
                model.rowsInserted,
                model.rowsRemoved,
                model.rowsMoved,
                model.modelReset,
                model.layoutChanged,
            ):
                signal.connect(self._layout_due)
        self._due = True

    def _layout_due(self, *_args: object) -> None:
        self._due = True

    def doItemsLayout(self) -> None:
        super().doItemsLayout()
        self._due = False

    def setRowHidden(self, row: int, hide: bool) -> None:
        super().setRowHidden(row, hide)
        self._due = True

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._due = True
        super().resizeEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        if self._stale:
            self._stale = False
            self.scheduleDelayedItemsLayout()
        super().showEvent(event)

    def _laid_out_height(self, row: int, top: int) -> int:
        """The height ``row`` was laid out with: where the next shown row starts.

        (The view's ``visualRect`` measures the row afresh; only the rows'
        places are kept from the layout.)
        """
        model = self.model()
        for below in range(row + 1, model.rowCount()):
            if not self.isRowHidden(below):
                return self.visualRect(model.index(below, 0)).top() - top - self.spacing()
        return self.contentsSize().height() - (top + self.verticalOffset())

    def dataChanged(
        self,
        top_left: Index,
        bottom_right: Index,
        roles: Sequence[int] = (),
    ) -> None:
        first, last = top_left.row(), bottom_right.row()
        if last - first >= _FEW_ROWS or top_left.parent().isValid():
            self.layouts += 1
            super().dataChanged(top_left, bottom_right, roles)
            return
        model = self.model()
        relayout = False
        for row in range(first, last + 1):
            index = model.index(row, 0)
            QAbstractItemView.dataChanged(self, index, index, roles)
            if self._due:
                continue  # Qt lays every row out soon: measuring now would do it early
            if not self.isVisible():
                self._stale = True
                continue
            now = self.visualRect(index)
            if now.isValid() and now.height() != self._laid_out_height(row, now.top()):
                relayout = True
        if relayout:
            self.layouts += 1
            self._due = True
            self.scheduleDelayedItemsLayout()


def rows_model(model: object) -> RowListModel[Any]:
    """``model`` as a :class:`RowListModel` (a view's ``model()`` is typed as the base class)."""
    return cast(RowListModel[Any], model)


class RowTableModel(QAbstractTableModel, RowBook[T]):
    """Rows of ``T`` with columns: ``render`` gives one :class:`Shown` per column."""

    def __init__(
        self,
        key: Callable[[T], str],
        headers: Sequence[str],
        render: Callable[[T, int], Sequence[Shown]],
        parent: QObject | None = None,
    ) -> None:
        QAbstractTableModel.__init__(self, parent)
        self._start_rows(key, len(headers))
        self._headers = list(headers)
        self._render_row = render

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self._headers)
        ):
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        if role == ID_ROLE:
            return self._key(row)
        if role not in _SHOWN_ROLES:
            return None
        cached = self._cache_key(index.row(), row)
        cells = cast(Sequence[Shown] | None, self._cache.get(cached))
        if cells is None:
            cells = self._render_row(row, index.row())
            self._cache[cached] = cells
        return _role(cells[index.column()], role) if index.column() < len(cells) else None

    def text(self, row: int, column: int) -> str:
        """What the view shows in a cell (tests, and copying a row)."""
        return str(self.data(self.index(row, column)) or "")
