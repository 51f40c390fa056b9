"""The reader: a source's text, read-only, with its cited passages highlighted.

The text is typeset by :mod:`app.gui.reader_document` (headings, paragraph
numbers, footnotes, page-break rules), which also gives the exact map between
widget positions and source offsets; page labels are painted in a margin and
on the rule at each page start, never inserted as text. Highlights are extra
selections coloured by the response's status.
"""

from __future__ import annotations

import logging
from bisect import bisect_left, bisect_right

import shiboken6
from PySide6.QtCore import QRect, QSize, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QContextMenuEvent,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.core.services.passages import PassageInfo
from app.core.services.sources import SourceText
from app.gui.reader_document import DisplayMap, typeset
from app.gui.snap import snap_to_words

logger = logging.getLogger(__name__)

MAX_LINE_CHARS = 110
HIGHLIGHT_MARGIN = 20_000  # UTF-16 units each side of the visible text
STATUS_COLOURS = {
    None: QColor("#ffd7a8"),  # cited, no response yet
    "draft": QColor("#fff0a0"),
    "proposed": QColor("#cfe3ff"),
    "agreed": QColor("#c9f0c9"),
}


def status_colour(status: str | None, has_text: bool) -> QColor:
    return STATUS_COLOURS.get(status if has_text else None, STATUS_COLOURS[None])


def _highlight_format(colour: QColor, current: bool) -> QTextCharFormat:
    """One format per colour is shared by all highlights of that colour."""
    fmt = QTextCharFormat()
    fmt.setBackground(colour)
    if current:
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
        fmt.setUnderlineColor(QColor("#c01c28"))
        fmt.setFontUnderline(True)
    return fmt


class _Margin(QWidget):
    def __init__(self, view: SourceView) -> None:
        super().__init__(view)
        self.view = view

    def sizeHint(self) -> QSize:
        return QSize(self.view.margin_width(), 0)

    def paintEvent(self, event: QPaintEvent) -> None:
        self.view.paint_margin(self, event)


class SourceView(QPlainTextEdit):
    """The text widget; converts positions and paints the margin."""

    passage_clicked = Signal(str)
    cite_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.document().setDocumentMargin(12)
        self.source: SourceText | None = None
        self.offsets = DisplayMap("")
        self.passages: list[PassageInfo] = []
        self.current_passage: str | None = None
        self._block_labels: dict[int, str] = {}
        self._separators: dict[int, str] = {}
        self._spans: list[tuple[int, int, QTextCharFormat]] = []
        self._longest = 0
        self._shown_range = (-1, -1)
        self.verticalScrollBar().valueChanged.connect(lambda _v: self._apply_highlights())
        self.margin = _Margin(self)
        self.blockCountChanged.connect(self._update_margin_width)
        self.updateRequest.connect(self._update_margin)
        self._update_margin_width()

    # -- content -----------------------------------------------------------------

    def set_source(self, source: SourceText | None) -> None:
        """Show ``source``: the new document replaces the old one in one step."""
        self.source = source
        self._spans, self._shown_range = [], (-1, -1)
        self.setExtraSelections([])
        old = self.document()
        if source is None:
            self.offsets = DisplayMap("")
            self._block_labels, self._separators = {}, {}
            self.setPlainText("")
        else:
            built = typeset(source, self.font())
            self.offsets = built.offsets
            self._block_labels, self._separators = built.page_blocks, built.separators
            built.document.setParent(self)
            ours = old.parent() is self  # Qt deletes the document it made itself
            self.setDocument(built.document)
            if ours:
                # Now, not later: reading through fifty papers must not keep fifty documents.
                shiboken6.delete(old)
        self._update_margin_width()

    def set_passages(self, passages: list[PassageInfo], current: str | None) -> None:
        """Highlight ``passages``; only those near the visible page become Qt selections.

        Qt lays out every paragraph an extra selection touches, so 500 highlights
        spread over a long document would cost a fifth of a second; the visible
        ones are enough, and scrolling brings in the next (:meth:`_apply_highlights`).
        """
        self.passages = [p for p in passages if p.start is not None and p.end is not None]
        self.current_passage = current
        formats: dict[tuple[str, bool], QTextCharFormat] = {}
        spans = []
        for passage in self.passages:
            assert passage.start is not None and passage.end is not None
            colour = status_colour(passage.response_status, bool(passage.response_text))
            key = (colour.name(), passage.id == current)
            if key not in formats:
                formats[key] = _highlight_format(colour, key[1])
            end = self.offsets.to_qt(passage.end, after_breaks=False)
            spans.append((self.offsets.to_qt(passage.start), end, formats[key]))
        spans.sort(key=lambda span: span[0])
        self._spans = spans
        self._longest = max((end - start for start, end, _f in spans), default=0)
        self._shown_range = (-1, -1)
        self._apply_highlights()

    def _apply_highlights(self) -> None:
        """Give Qt the highlights that overlap the visible text (with a screenful of margin)."""
        first = self.firstVisibleBlock().position()
        last = self.cursorForPosition(self.viewport().rect().bottomRight()).position()
        low, high = max(0, first - HIGHLIGHT_MARGIN), last + HIGHLIGHT_MARGIN
        if self._shown_range[0] <= first and last <= self._shown_range[1]:
            return
        self._shown_range = (low, high)
        document = self.document()
        selections = []
        begin = bisect_left(self._spans, low - self._longest, key=lambda span: span[0])
        for start, end, fmt in self._spans[begin:]:
            if start > high:
                break
            if end < low:
                continue
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(document)
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            selection.format = fmt
            selections.append(selection)
        self.setExtraSelections(selections)

    def selected_span(self) -> tuple[int, int] | None:
        """The selection as code-point offsets, snapped to whole words and trimmed, or None."""
        cursor = self.textCursor()
        if not cursor.hasSelection() or self.source is None:
            return None
        start = self.offsets.from_qt(cursor.selectionStart())
        end = self.offsets.from_qt(cursor.selectionEnd())
        return snap_to_words(self.source.text, start, end) if end > start else None

    def mousePressEvent(self, event: QMouseEvent) -> None:
        """Shift+click extends the selection to the click, as in a word processor."""
        if (
            event.button() == Qt.MouseButton.LeftButton
            and event.modifiers() & Qt.KeyboardModifier.ShiftModifier
        ):
            cursor = self.textCursor()
            cursor.setPosition(
                self.cursorForPosition(event.position().toPoint()).position(),
                QTextCursor.MoveMode.KeepAnchor,
            )
            self.setTextCursor(cursor)
            event.accept()
            return
        super().mousePressEvent(event)

    def select_span(self, start: int, end: int) -> None:
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.offsets.to_qt(start))
        cursor.setPosition(
            self.offsets.to_qt(end, after_breaks=False), QTextCursor.MoveMode.KeepAnchor
        )
        self.setTextCursor(cursor)
        self.centerCursor()

    def passage_at(self, offset: int) -> str | None:
        for passage in self.passages:
            assert passage.start is not None and passage.end is not None
            if passage.start <= offset < passage.end:
                return passage.id
        return None

    # -- events ---------------------------------------------------------------------

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        if event.button() == Qt.MouseButton.LeftButton and not self.textCursor().hasSelection():
            offset = self.offsets.from_qt(
                self.cursorForPosition(event.position().toPoint()).position()
            )
            passage = self.passage_at(offset)
            if passage is not None:
                self.passage_clicked.emit(passage)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.createStandardContextMenu()
        cite = QAction(self.tr("Cite selection"), menu)
        cite.setShortcut(QKeySequence("Ctrl+Shift+C"))
        cite.setEnabled(self.textCursor().hasSelection())
        cite.triggered.connect(self.cite_requested)
        menu.insertAction(menu.actions()[0] if menu.actions() else None, cite)  # type: ignore[arg-type]
        menu.exec(event.globalPos())
        menu.deleteLater()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self._separators:
            self._paint_separators(event)

    def _paint_separators(self, event: QPaintEvent) -> None:
        """A rule across each page-break line, with the label of the page that begins."""
        painter = QPainter(self.viewport())
        colour = self.palette().placeholderText().color()
        painter.setPen(colour)
        small = self.font()
        small.setPointSizeF(max(6.0, small.pointSizeF() * 0.8))
        painter.setFont(small)
        block = self.firstVisibleBlock()
        offset = self.contentOffset()
        width = self.viewport().width()
        while block.isValid():
            rect = self.blockBoundingGeometry(block).translated(offset)
            if rect.top() > event.rect().bottom():
                break
            label = self._separators.get(block.blockNumber())
            if label is not None:
                y = round(rect.center().y())
                text = self.tr("page {label}").format(label=label)
                advance = painter.fontMetrics().horizontalAdvance(text) + 16
                right = width - 12
                painter.drawLine(12, y, right - advance, y)
                painter.drawText(
                    right - advance + 8,
                    round(rect.top()),
                    advance - 8,
                    round(rect.height()),
                    Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                    text,
                )
            block = block.next()
        painter.end()

    # -- margin ------------------------------------------------------------------------

    def margin_width(self) -> int:
        return self.fontMetrics().horizontalAdvance("p. 0000") + 12

    def _update_margin(self, rect: QRect, dy: int) -> None:
        if dy:
            self.margin.scroll(0, dy)
        else:
            self.margin.update(0, rect.y(), self.margin.width(), rect.height())

    def _update_margin_width(self, _count: int = 0) -> None:
        """Left: the page margin. Right: keep lines short enough to read on wide screens."""
        limit = self.fontMetrics().averageCharWidth() * MAX_LINE_CHARS
        right = max(0, self.width() - self.margin_width() - limit)
        self.setViewportMargins(self.margin_width(), 0, right, 0)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._apply_highlights()
        self._update_margin_width()
        cr = self.contentsRect()
        self.margin.setGeometry(QRect(cr.left(), cr.top(), self.margin_width(), cr.height()))

    def paint_margin(self, widget: QWidget, event: QPaintEvent) -> None:
        painter = QPainter(widget)
        painter.fillRect(event.rect(), self.palette().alternateBase())
        block = self.firstVisibleBlock()
        top = round(self.blockBoundingGeometry(block).translated(self.contentOffset()).top())
        height = self.fontMetrics().height()
        painter.setPen(self.palette().placeholderText().color())
        while block.isValid() and top <= event.rect().bottom():
            page = self._block_labels.get(block.blockNumber(), "")
            if page:
                painter.drawText(
                    4,
                    top,
                    widget.width() - 8,
                    height,
                    Qt.AlignmentFlag.AlignLeft,
                    self.tr("p. {label}").format(label=page),
                )
            top += round(self.blockBoundingRect(block).height())
            block = block.next()
        painter.end()


class ReaderPanel(QWidget):
    """The source view with its find bar (Ctrl+F)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.view = SourceView()
        layout.addWidget(self.view)
        self.find_bar = QWidget()
        bar = QHBoxLayout(self.find_bar)
        bar.setContentsMargins(6, 2, 6, 2)
        self.find_edit = QLineEdit()
        self.find_edit.setPlaceholderText(self.tr("Find in this source"))
        self.find_edit.setClearButtonEnabled(True)
        close = QToolButton()
        close.setText("×")
        close.setToolTip(self.tr("Close the find bar (Esc)"))
        bar.addWidget(self.find_edit)
        bar.addWidget(close)
        layout.addWidget(self.find_bar)
        self.find_bar.hide()
        self.find_edit.returnPressed.connect(self.find_next)
        self.find_edit.textChanged.connect(lambda _t: self.find_next(from_start=True))
        close.clicked.connect(self.find_bar.hide)

    def show_find(self) -> None:
        self.find_bar.show()
        self.find_edit.setFocus()
        self.find_edit.selectAll()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.find_bar.hide()
            self.view.setFocus()
            return
        super().keyPressEvent(event)

    def find_next(self, from_start: bool = False) -> bool:
        needle = self.find_edit.text()
        if not needle:
            return False
        if from_start:
            cursor = self.view.textCursor()
            cursor.setPosition(cursor.selectionStart())
            self.view.setTextCursor(cursor)
        if self.view.find(needle):
            return True
        self.view.moveCursor(QTextCursor.MoveOperation.Start)
        return self.view.find(needle, QTextDocument.FindFlag(0))


def page_of(source: SourceText, offset: int) -> str:
    starts = [p.start for p in source.pages]
    i = bisect_right(starts, offset) - 1
    return source.pages[i].label if i >= 0 else ""
