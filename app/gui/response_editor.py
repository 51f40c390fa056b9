"""The response editor: rich text for our comment on the current passage.

The editor's document is converted to the project's markup (:mod:`richtext`)
and saved through an undoable command shortly after typing stops, when the
passage changes and when the window closes; nothing waits for a "Save".
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QFocusEvent, QFont, QKeySequence, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMenu,
    QTextEdit,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.core.config import RESOURCES
from app.core.markup import Run
from app.core.services.passages import PassageInfo, list_passages
from app.gui import commands, richtext
from app.gui.commands import ResponseState
from app.gui.context import RESPONSES, ProjectContext

POSITIONS = ("agree", "partly_agree", "disagree", "strongly_disagree", "note")
STATUSES = ("draft", "proposed", "agreed")
SAVE_DELAY_MS = 800


def phrasebook_snippets(language: str) -> list[str]:
    """Standard sentences from ``resources/phrasebooks/<lang>.json`` (English fallback)."""
    for code in (language, "en"):
        try:
            data = json.loads((RESOURCES / "phrasebooks" / f"{code}.json").read_text("utf-8"))
        except (OSError, ValueError):
            continue
        snippets = data.get("snippets", {}) if isinstance(data, dict) else {}
        # Placeholders such as {title} are for the exporter; show the gap to fill in.
        return [re.sub(r"\{\w+\}", "…", str(v)) for v in snippets.values()]
    return []


class _Editor(QTextEdit):
    """Saves when it loses focus, and pastes plain text only (no foreign HTML)."""

    def __init__(self, owner: ResponseEditor) -> None:
        super().__init__()
        self.owner = owner
        self.setAcceptRichText(False)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.owner.commit()


class ResponseEditor(QWidget):
    def __init__(self, ctx: ProjectContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.passage: PassageInfo | None = None
        self.saved: ResponseState | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        layout.addWidget(self.heading)
        self.toolbar = QToolBar()
        layout.addWidget(self.toolbar)
        self.editor = _Editor(self)
        self.editor.setPlaceholderText(self.tr("Select a passage, then write our comment here."))
        layout.addWidget(self.editor, 1)
        row = QHBoxLayout()
        position_label = QLabel(self.tr("&Position:"))
        row.addWidget(position_label)
        self.position = QComboBox()
        position_label.setBuddy(self.position)
        names = [
            self.tr("Agree"),
            self.tr("Partly agree"),
            self.tr("Disagree"),
            self.tr("Strongly disagree"),
            self.tr("Note"),
        ]
        for value, name in zip(POSITIONS, names, strict=True):
            self.position.addItem(name, value)
        row.addWidget(self.position)
        status_label = QLabel(self.tr("&Status:"))
        row.addWidget(status_label)
        self.status = QComboBox()
        status_label.setBuddy(self.status)
        for value, name in zip(
            STATUSES, [self.tr("Draft"), self.tr("Proposed"), self.tr("Agreed")], strict=True
        ):
            self.status.addItem(name, value)
        row.addWidget(self.status)
        row.addStretch(1)
        layout.addLayout(row)
        self._build_actions()
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(SAVE_DELAY_MS)
        self.timer.timeout.connect(self.commit)
        self.editor.textChanged.connect(self.timer.start)
        self.position.currentIndexChanged.connect(lambda _i: self.commit())
        self.status.currentIndexChanged.connect(lambda _i: self.commit())
        ctx.passage_selected.connect(self._passage_selected)
        ctx.changed.connect(self._changed)
        self.load(None)

    def _build_actions(self) -> None:
        def add(text: str, shortcut: str, tip: str, checkable: bool = True) -> QAction:
            action = QAction(text, self)
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.setToolTip(f"{tip} ({QKeySequence(shortcut).toString()})")
            action.setCheckable(checkable)
            self.toolbar.addAction(action)
            return action

        self.bold = add(self.tr("B"), "Ctrl+B", self.tr("Bold"))
        self.italic = add(self.tr("I"), "Ctrl+I", self.tr("Italic"))
        self.underline = add(self.tr("U"), "Ctrl+U", self.tr("Underline"))
        self.link = add(self.tr("Link…"), "Ctrl+K", self.tr("Link"), checkable=False)
        self.footnote = add(self.tr("Footnote"), "Ctrl+Alt+F", self.tr("Footnote"), False)
        font = self.bold.font()
        font.setBold(True)
        self.bold.setFont(font)
        font = self.italic.font()
        font.setItalic(True)
        self.italic.setFont(font)
        font = self.underline.font()
        font.setUnderline(True)
        self.underline.setFont(font)
        self.bold.triggered.connect(
            lambda on: self._merge(lambda f: f.setFontWeight(QFont.Weight.Bold if on else 400))
        )
        self.italic.triggered.connect(lambda on: self._merge(lambda f: f.setFontItalic(on)))
        self.underline.triggered.connect(lambda on: self._merge(lambda f: f.setFontUnderline(on)))
        self.link.triggered.connect(self._ask_link)
        self.footnote.triggered.connect(self.insert_footnote)
        self.phrases = QToolButton()
        self.phrases.setText(self.tr("Phrasebook"))
        self.phrases.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.phrases.setMenu(QMenu(self.phrases))
        self.toolbar.addWidget(self.phrases)
        self.editor.currentCharFormatChanged.connect(self._format_changed)

    def _fill_phrasebook(self, language: str) -> None:
        menu = self.phrases.menu()
        menu.clear()
        for sentence in phrasebook_snippets(language):
            menu.addAction(sentence).triggered.connect(
                lambda _=False, s=sentence: self.editor.insertPlainText(s + " ")
            )

    def _merge(self, change: Callable[[QTextCharFormat], None]) -> None:
        fmt = QTextCharFormat()
        change(fmt)
        cursor = self.editor.textCursor()
        if not cursor.hasSelection():
            cursor.select(QTextCursor.SelectionType.WordUnderCursor)
        cursor.mergeCharFormat(fmt)
        self.editor.mergeCurrentCharFormat(fmt)

    def _format_changed(self, fmt: QTextCharFormat) -> None:
        self.bold.setChecked(fmt.fontWeight() >= QFont.Weight.DemiBold.value)
        self.italic.setChecked(fmt.fontItalic())
        self.underline.setChecked(fmt.fontUnderline() and not fmt.isAnchor())

    def _ask_link(self) -> None:
        url, ok = QInputDialog.getText(self, self.tr("Link"), self.tr("Address (https://…):"))
        if ok and url.strip():
            self.set_link(url.strip())

    def set_link(self, url: str) -> None:
        cursor = self.editor.textCursor()
        fmt = richtext.run_format(Run("", href=url))
        if cursor.hasSelection():
            cursor.mergeCharFormat(fmt)
        else:
            cursor.insertText(url, fmt)
            cursor.setCharFormat(QTextCharFormat())
        self.editor.setTextCursor(cursor)

    def insert_footnote(self, text: str = "") -> None:
        """Turn the selection into a footnote, or insert an empty one to type into."""
        cursor = self.editor.textCursor()
        fmt, _ident = richtext.footnote_format()
        body = cursor.selectedText() or text or self.tr("footnote")
        cursor.insertText(f"[{body}]", fmt)
        cursor.setPosition(cursor.position() - 1)
        cursor.setPosition(cursor.position() - len(body), QTextCursor.MoveMode.KeepAnchor)
        self.editor.setTextCursor(cursor)
        self.editor.setFocus()

    # -- loading and saving --------------------------------------------------------

    def _passage_selected(self, passage_id: str) -> None:
        self.commit()
        passage = next((p for p in list_passages(self.ctx.store) if p.id == passage_id), None)
        self.load(passage)

    def _changed(self, kinds: frozenset[str]) -> None:
        if RESPONSES in kinds and self.passage is not None and not self.timer.isActive():
            current = next(
                (p for p in list_passages(self.ctx.store) if p.id == self.passage.id), None
            )
            if current is None or current.response_text != self.editor_state().text:
                self.load(current)

    def load(self, passage: PassageInfo | None) -> None:
        self.timer.stop()
        self.passage = passage
        self._fill_phrasebook(self.ctx.store.project().language)
        for widget in (self.editor, self.position, self.status, self.toolbar):
            widget.setEnabled(passage is not None)
        for combo in (self.position, self.status):
            combo.blockSignals(True)
        self.editor.blockSignals(True)
        if passage is None:
            self.heading.setText(self.tr("No passage selected."))
            richtext.load(self.editor.document(), "")
            self.saved = None
        else:
            quote = " ".join(passage.quote.split())
            self.heading.setText(
                self.tr("Response to “{quote}”").format(
                    quote=quote if len(quote) < 90 else quote[:89] + "…"
                )
            )
            richtext.load(self.editor.document(), passage.response_text)
            self.position.setCurrentIndex(
                max(0, self.position.findData(passage.response_position or "note"))
            )
            self.status.setCurrentIndex(
                max(0, self.status.findData(passage.response_status or "draft"))
            )
            self.saved = ResponseState(
                passage.response_text,
                str(self.position.currentData()),
                str(self.status.currentData()),
            )
        self.editor.blockSignals(False)
        for combo in (self.position, self.status):
            combo.blockSignals(False)

    def editor_state(self) -> ResponseState:
        return ResponseState(
            richtext.dump(self.editor.document()),
            str(self.position.currentData()),
            str(self.status.currentData()),
        )

    def commit(self) -> None:
        """Save the editor's content as an undoable step, if it changed."""
        self.timer.stop()
        if self.passage is None or self.saved is None:
            return
        state = self.editor_state()
        if state == self.saved:
            return
        old, self.saved = self.saved, state
        commands.push(self, self.ctx, commands.Respond(self.ctx, self.passage.id, old, state))
