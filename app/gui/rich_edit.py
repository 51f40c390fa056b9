"""Text fields for the project's markup: the shared editing rules and a compact field.

:class:`MarkupTextEdit` is the text widget every rich-text editor uses (the
response editor, openings, closings, paragraphs, proposed changes). It keeps
the editing rules of :mod:`app.gui.richtext` in one place: footnotes are
atomic marks edited in their own dialog, typing at a link's edge stays outside
the link, and pasting brings plain text only, never foreign HTML.
:class:`RichEdit` puts a small toolbar (B, I, U, link, footnote) over one.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QMimeData, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QFocusEvent,
    QFont,
    QInputMethodEvent,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QTextCharFormat,
    QTextCursor,
)
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QInputDialog,
    QLabel,
    QTextEdit,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import MarkupError
from app.core.markup import Run, escape
from app.gui import richtext

logger = logging.getLogger(__name__)

FOOTNOTE_SHORTCUT = "Ctrl+Alt+F"


class MarkupTextEdit(QTextEdit):
    """A text field whose content is markup; footnote marks open their own editor."""

    footnote_activated = Signal(int)  # the position of the mark
    left = Signal()  # the focus went elsewhere: a moment to save what was typed

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAcceptRichText(False)
        richtext.install(self.document())

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.left.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        text = event.text()
        plain_typing = (
            text
            and text.isprintable()
            and not (
                event.modifiers()
                & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
            )
        )
        if not plain_typing or self.isReadOnly():
            super().keyPressEvent(event)
            return
        self.insert_typed(text)
        event.accept()

    def insert_typed(self, text: str) -> None:
        """Insert ``text`` where the caret is, as typing does, in the format typing gets."""
        cursor = self.textCursor()
        start = QTextCursor(cursor)
        start.setPosition(cursor.selectionStart())
        if not cursor.hasSelection():
            start = cursor
        cursor.insertText(text, richtext.typing_format(start))
        self.setTextCursor(cursor)
        self.ensureCursorVisible()

    def inputMethodEvent(self, event: QInputMethodEvent) -> None:
        if event.commitString() and not self.textCursor().hasSelection():
            self.setCurrentCharFormat(richtext.typing_format(self.textCursor()))
        super().inputMethodEvent(event)

    def insertFromMimeData(self, source: QMimeData) -> None:
        if source.hasText():
            self.insert_typed(source.text().replace(richtext.MARK, ""))

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        position = self.cursorForPosition(event.position().toPoint()).position()
        for candidate in (position, position - 1):
            if richtext.footnote_at(self.document(), candidate) is not None:
                self.footnote_activated.emit(candidate)
                event.accept()
                return
        super().mouseDoubleClickEvent(event)

    def footnote_near_caret(self) -> int | None:
        """The position of a footnote mark the caret touches or the selection is, if any."""
        cursor = self.textCursor()
        document = self.document()
        if cursor.hasSelection():
            start, end = cursor.selectionStart(), cursor.selectionEnd()
            if end - start == 1 and richtext.footnote_at(document, start) is not None:
                return start
            return None
        for candidate in (cursor.position() - 1, cursor.position()):
            if richtext.footnote_at(document, candidate) is not None:
                return candidate
        return None


class FootnoteDialog(QDialog):
    """The text of one footnote, in its own field (bold, italic, underline and links)."""

    def __init__(self, parent: QWidget | None, text: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Footnote"))
        self.setMinimumWidth(420)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Text of the footnote:")))
        self.field = RichEdit(self, max_height=160, footnotes=False)
        self.field.set_markup(text)
        layout.addWidget(self.field)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.field.text.setFocus()

    def markup(self) -> str:
        """The footnote's text as markup, on one line (a footnote is one paragraph)."""
        return self.field.markup().replace("\n", " ").strip()

    @classmethod
    def get_text(cls, parent: QWidget | None, text: str) -> str | None:
        dialog = cls(parent, text)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.markup()


def edit_footnote(edit: MarkupTextEdit, position: int) -> None:
    """Open the footnote at ``position`` in its dialog; an emptied footnote is removed."""
    current = richtext.footnote_at(edit.document(), position)
    if current is None:
        return
    text = FootnoteDialog.get_text(edit, current)
    if text is None or text == current:
        return
    cursor = QTextCursor(edit.document())
    cursor.setPosition(position)
    cursor.setPosition(position + 1, QTextCursor.MoveMode.KeepAnchor)
    if text:
        cursor.insertText(richtext.MARK, richtext.footnote_format(text))
    else:
        cursor.removeSelectedText()


def add_footnote(edit: MarkupTextEdit, text: str | None = None) -> None:
    """Edit the footnote at the caret, or insert one at the caret.

    With ``text`` (markup) the footnote is inserted as is; otherwise its dialog
    asks for it, starting from the selected words (which the mark replaces).
    """
    if text is None:
        near = edit.footnote_near_caret()
        if near is not None:
            edit_footnote(edit, near)
            return
        selected = edit.textCursor().selectedText().replace("\u2029", " ")
        text = FootnoteDialog.get_text(edit, escape(selected))
        if not text:
            return
    try:
        cursor = edit.textCursor()
        richtext.insert_footnote(cursor, text)
    except MarkupError as exc:
        logger.warning("footnote not inserted: %s", exc)
        return
    edit.setTextCursor(cursor)
    edit.setFocus()


def ask_link(edit: MarkupTextEdit) -> None:
    """Make the selection a link, or insert the address as a link."""
    url, ok = QInputDialog.getText(
        edit,
        QCoreApplication.translate("RichEdit", "Link"),
        QCoreApplication.translate("RichEdit", "Address (https://…):"),
    )
    if ok and url.strip():
        set_link(edit, url.strip())


def set_link(edit: MarkupTextEdit, url: str) -> None:
    cursor = edit.textCursor()
    fmt = richtext.run_format(Run("", href=url))
    if cursor.hasSelection():
        cursor.mergeCharFormat(fmt)
    else:
        cursor.insertText(url, fmt)
        cursor.setCharFormat(QTextCharFormat())
    edit.setTextCursor(cursor)


def style_actions(
    owner: QWidget, edit: MarkupTextEdit, toolbar: QToolBar
) -> tuple[QAction, QAction, QAction]:
    """Bold, Italic and Underline, on the toolbar and on the keyboard (Ctrl+B, I, U)."""

    def add(label: str, shortcut: str, tip: str, style: Callable[[QFont], None]) -> QAction:
        action = QAction(label, owner)
        action.setCheckable(True)
        action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        action.setToolTip(f"{tip} ({QKeySequence(shortcut).toString()})")
        font = QFont(action.font())
        style(font)
        action.setFont(font)
        toolbar.addAction(action)
        edit.addAction(action)  # the shortcut works while the text has the focus
        return action

    tr = QCoreApplication.translate
    bold = add(tr("RichEdit", "B"), "Ctrl+B", tr("RichEdit", "Bold"), lambda f: f.setBold(True))
    italic = add(
        tr("RichEdit", "I"), "Ctrl+I", tr("RichEdit", "Italic"), lambda f: f.setItalic(True)
    )
    underline = add(
        tr("RichEdit", "U"), "Ctrl+U", tr("RichEdit", "Underline"), lambda f: f.setUnderline(True)
    )

    def merge(change: Callable[[QTextCharFormat], None]) -> None:
        fmt = QTextCharFormat()
        change(fmt)
        cursor = edit.textCursor()
        if not cursor.hasSelection():  # the word under the caret, as word processors do
            cursor.movePosition(QTextCursor.MoveOperation.StartOfWord)
            cursor.movePosition(
                QTextCursor.MoveOperation.EndOfWord, QTextCursor.MoveMode.KeepAnchor
            )
        cursor.mergeCharFormat(fmt)
        edit.mergeCurrentCharFormat(fmt)

    bold.triggered.connect(
        lambda on: merge(
            lambda f: f.setFontWeight(QFont.Weight.Bold if on else QFont.Weight.Normal)
        )
    )
    italic.triggered.connect(lambda on: merge(lambda f: f.setFontItalic(on)))
    underline.triggered.connect(lambda on: merge(lambda f: f.setFontUnderline(on)))

    def show_state(fmt: QTextCharFormat) -> None:
        bold.setChecked(fmt.fontWeight() >= QFont.Weight.DemiBold.value)
        italic.setChecked(fmt.fontItalic())
        underline.setChecked(fmt.fontUnderline() and not fmt.isAnchor())

    edit.currentCharFormatChanged.connect(show_state)
    return bold, italic, underline


class RichEdit(QWidget):
    """A compact toolbar (B, I, U, link, footnote) over a text field holding markup."""

    edited = Signal()

    def __init__(
        self, parent: QWidget | None = None, *, max_height: int = 90, footnotes: bool = True
    ) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.toolbar = QToolBar()
        self.toolbar.setIconSize(self.toolbar.iconSize() * 0.75)
        layout.addWidget(self.toolbar)
        self.text = MarkupTextEdit()
        self.text.setMaximumHeight(max_height)
        layout.addWidget(self.text)
        self.bold, self.italic, self.underline = style_actions(self, self.text, self.toolbar)
        link = QAction(self.tr("Link…"), self)
        link.triggered.connect(lambda: ask_link(self.text))
        self.toolbar.addAction(link)
        self.footnote: QAction | None = None
        if footnotes:
            self.footnote = QAction(self.tr("Footnote"), self)
            self.footnote.setShortcut(QKeySequence(FOOTNOTE_SHORTCUT))
            self.footnote.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            self.footnote.setToolTip(
                self.tr("Footnote ({keys})").format(keys=QKeySequence(FOOTNOTE_SHORTCUT).toString())
            )
            self.footnote.triggered.connect(lambda: add_footnote(self.text))
            self.toolbar.addAction(self.footnote)
            self.text.addAction(self.footnote)
            self.text.footnote_activated.connect(lambda pos: edit_footnote(self.text, pos))
        self.text.textChanged.connect(self.edited)

    def markup(self) -> str:
        return richtext.dump(self.text.document())

    def set_markup(self, text: str) -> None:
        self.text.blockSignals(True)
        richtext.load(self.text.document(), text)
        self.text.blockSignals(False)

    def insert_footnote(self, text: str | None = None) -> None:
        """Insert a footnote at the caret (``text`` as markup, or asked in its dialog)."""
        add_footnote(self.text, text)
