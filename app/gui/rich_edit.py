"""A small rich-text field for the project's markup (openings, closings, paragraphs).

The same conversion as the response editor (:mod:`app.gui.richtext`), so bold,
italic, underline, links and footnotes survive a round trip instead of being
flattened to plain text; pasting brings plain text only, never foreign HTML.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QFont, QKeySequence, QTextCharFormat
from PySide6.QtWidgets import QInputDialog, QTextEdit, QToolBar, QVBoxLayout, QWidget

from app.core.markup import Run
from app.gui import richtext


class RichEdit(QWidget):
    """A compact toolbar (B, I, U, link, footnote) over a text field holding markup."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None, *, max_height: int = 90) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.toolbar = QToolBar()
        self.toolbar.setIconSize(self.toolbar.iconSize() * 0.75)
        layout.addWidget(self.toolbar)
        self.text = QTextEdit()
        self.text.setAcceptRichText(False)
        self.text.setMaximumHeight(max_height)
        layout.addWidget(self.text)
        self._add(
            self.tr("B"),
            "Ctrl+B",
            self.tr("Bold"),
            lambda f, on: f.setFontWeight(QFont.Weight.Bold if on else QFont.Weight.Normal),
        )
        self._add(self.tr("I"), "Ctrl+I", self.tr("Italic"), lambda f, on: f.setFontItalic(on))
        self._add(
            self.tr("U"), "Ctrl+U", self.tr("Underline"), lambda f, on: f.setFontUnderline(on)
        )
        link = QAction(self.tr("Link…"), self)
        link.triggered.connect(self._ask_link)
        self.toolbar.addAction(link)
        note = QAction(self.tr("Footnote"), self)
        note.triggered.connect(self.insert_footnote)
        self.toolbar.addAction(note)
        self.text.textChanged.connect(self.edited)

    def _add(self, label: str, shortcut: str, tip: str, change: object) -> None:
        action = QAction(label, self)
        action.setCheckable(True)
        action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.setToolTip(f"{tip} ({QKeySequence(shortcut).toString()})")

        def apply(on: bool) -> None:
            fmt = QTextCharFormat()
            change(fmt, on)  # type: ignore[operator]
            self.text.textCursor().mergeCharFormat(fmt)
            self.text.mergeCurrentCharFormat(fmt)

        action.triggered.connect(apply)
        self.toolbar.addAction(action)

    def markup(self) -> str:
        return richtext.dump(self.text.document())

    def set_markup(self, text: str) -> None:
        self.text.blockSignals(True)
        richtext.load(self.text.document(), text)
        self.text.blockSignals(False)

    def _ask_link(self) -> None:
        url, ok = QInputDialog.getText(self, self.tr("Link"), self.tr("Address (https://…):"))
        if ok and url.strip():
            cursor = self.text.textCursor()
            fmt = richtext.run_format(Run("", href=url.strip()))
            if cursor.hasSelection():
                cursor.mergeCharFormat(fmt)
            else:
                cursor.insertText(url.strip(), fmt)

    def insert_footnote(self) -> None:
        """Turn the selection into a footnote, or insert one to type into."""
        cursor = self.text.textCursor()
        fmt, _ident = richtext.footnote_format()
        body = cursor.selectedText() or self.tr("footnote")
        cursor.insertText(f"[{body}]", fmt)
        self.text.setFocus()
