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
from PySide6.QtGui import QIcon

logger = logging.getLogger(__name__)

T = TypeVar("T")
ID_ROLE = Qt.ItemDataRole.UserRole
_SHOWN_ROLES = (
    Qt.ItemDataRole.DisplayRole,
    Qt.ItemDataRole.DecorationRole,
    Qt.ItemDataRole.ToolTipRole,
)
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
    """

    rows: list[T]

    def _start_rows(self, key: Callable[[T], str], columns: int) -> None:
        self._key = key
        self._columns = columns
        self.rows = []
        self._row_of: dict[str, int] = {}
        self._cache: dict[int, object] = {}  # a row's look, made once for all its roles

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

    def changed(self, first: int, last: int) -> None:
        """Rows whose look changed (a number that follows from their position)."""
        self._cache.clear()
        if self.rows and first <= last:
            qt = self._qt()
            qt.dataChanged.emit(
                qt.index(max(first, 0), 0),
                qt.index(min(last, len(self.rows) - 1), self._columns - 1),
            )

    def sync(self, rows: Iterable[T]) -> None:
        """Become ``rows``: removals, insertions and moves, each told to the views; no reset."""
        qt = self._qt()
        new = list(rows)
        new_ids = [self._key(r) for r in new]
        wanted = set(new_ids)
        for row in range(len(self.rows) - 1, -1, -1):
            if self._key(self.rows[row]) not in wanted:
                self._remove(row)
        for position, (row_id, value) in enumerate(zip(new_ids, new, strict=True)):
            current = self.row_of(row_id)
            if current == position:
                if self.rows[position] != value:
                    self.rows[position] = value
                    self.changed(position, position)
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
            self.changed(position, position)

    def _remove(self, row: int) -> None:
        qt = self._qt()
        qt.beginRemoveRows(QModelIndex(), row, row)
        del self.rows[row]
        self._reindex()
        qt.endRemoveRows()

    def _reindex(self) -> None:
        self._cache.clear()
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
    ) -> None:
        QAbstractListModel.__init__(self, parent)
        self._start_rows(key, 1)
        self._render = render
        self._movable = movable

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        if role == ID_ROLE:
            return self._key(row)
        if role not in _SHOWN_ROLES:
            return None
        shown = cast(Shown | None, self._cache.get(index.row()))
        if shown is None:
            shown = self._render(row, index.row())
            self._cache[index.row()] = shown
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
        cells = cast(Sequence[Shown] | None, self._cache.get(index.row()))
        if cells is None:
            cells = self._render_row(row, index.row())
            self._cache[index.row()] = cells
        return _role(cells[index.column()], role) if index.column() < len(cells) else None

    def text(self, row: int, column: int) -> str:
        """What the view shows in a cell (tests, and copying a row)."""
        return str(self.data(self.index(row, column)) or "")
