"""The response editor: rich text for our comment on the current passage.

The editor's document is converted to the project's markup (:mod:`richtext`)
and saved through an undoable command shortly after typing stops, when the
passage changes and when the window closes; nothing waits for a "Save".
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QFocusEvent, QFont, QKeySequence, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMenu,
    QPushButton,
    QTextEdit,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.core.config import load_settings
from app.core.markup import Run
from app.core.services import review
from app.core.services.passages import PassageInfo, get_passage
from app.exporters.phrasebook import load_phrasebook
from app.gui import commands, richtext
from app.gui.commands import ResponseState
from app.gui.context import RESPONSES, ProjectContext
from app.gui.dialogs.reason import ReasonDialog
from app.gui.review import commands as review_commands
from app.gui.rich_edit import RichEdit

POSITIONS = ("agree", "partly_agree", "disagree", "strongly_disagree", "note")
STATUSES = ("draft", "proposed", "agreed")
SAVE_DELAY_MS = 800


def phrasebook_snippets(language: str) -> list[str]:
    """The phrasebook's standard sentences in ``language``, then the user's own (Settings)."""
    built_in = load_phrasebook(language).snippets.values()
    # Placeholders such as {title} are for the exporter; show the gap to fill in.
    return [re.sub(r"\{\w+\}", "…", str(v)) for v in built_in] + load_settings().snippets


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
        self.history_button = QPushButton(self.tr("&History…"))
        self.history_button.setToolTip(self.tr("Earlier texts of this response, and restore one"))
        row.addWidget(self.history_button)
        layout.addLayout(row)
        layout.addWidget(QLabel(self.tr("Proposed change (printed by the table layout):")))
        self.proposed = RichEdit(max_height=70)
        layout.addWidget(self.proposed)
        self._build_actions()
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(SAVE_DELAY_MS)
        self.timer.timeout.connect(self.commit)
        self.editor.textChanged.connect(self.timer.start)
        self.position.currentIndexChanged.connect(lambda _i: self.commit())
        self.status.currentIndexChanged.connect(lambda _i: self._status_chosen())
        self.proposed.edited.connect(self.timer.start)
        self.history_button.clicked.connect(self.show_history)
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
        self.phrases.setToolTip(self.tr("Standard sentences (Ctrl+Shift+P)"))
        self.toolbar.addWidget(self.phrases)
        self.phrase_action = QAction(self.tr("Phrasebook"), self)
        self.phrase_action.setShortcut(QKeySequence("Ctrl+Shift+P"))
        self.phrase_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.phrase_action.triggered.connect(self.show_phrasebook)
        self.addAction(self.phrase_action)
        self.editor.currentCharFormatChanged.connect(self._format_changed)

    def show_phrasebook(self) -> None:
        """Pop the standard sentences up at the text cursor, for typing without the mouse."""
        self._fill_phrasebook(self.ctx.store.project().language)
        where = self.editor.viewport().mapToGlobal(self.editor.cursorRect().bottomLeft())
        self.phrases.menu().popup(where)

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
        if not cursor.hasSelection():  # the word under the cursor, as word processors do
            cursor.movePosition(QTextCursor.MoveOperation.StartOfWord)
            cursor.movePosition(
                QTextCursor.MoveOperation.EndOfWord, QTextCursor.MoveMode.KeepAnchor
            )
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
        passage = get_passage(self.ctx.store, passage_id) if passage_id else None
        self.load(passage)

    def _changed(self, kinds: frozenset[str]) -> None:
        if RESPONSES in kinds and self.passage is not None and not self.timer.isActive():
            current = get_passage(self.ctx.store, self.passage.id)
            if current is None or self._differs(current):
                self.load(current)

    def _current(self) -> PassageInfo:
        """The shown passage as stored now (it exists: the editor is showing it)."""
        assert self.passage is not None
        current = get_passage(self.ctx.store, self.passage.id)
        assert current is not None
        return current

    def load(self, passage: PassageInfo | None) -> None:
        self.timer.stop()
        self.passage = passage
        self._fill_phrasebook(self.ctx.store.project().language)
        widgets = (self.editor, self.position, self.status, self.toolbar, self.proposed)
        for widget in widgets:
            widget.setEnabled(passage is not None)
        for combo in (self.position, self.status):
            combo.blockSignals(True)
        self.editor.blockSignals(True)
        self.history_button.setEnabled(passage is not None)
        if passage is None:
            self.heading.setText(self.tr("No passage selected."))
            richtext.load(self.editor.document(), "")
            self.proposed.set_markup("")
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
            self.proposed.set_markup(passage.proposed_change)
            self.saved = ResponseState(
                passage.response_text,
                str(self.position.currentData()),
                str(self.status.currentData()),
                passage.proposed_change,
            )
        self._status_tooltip()
        self.editor.blockSignals(False)
        for combo in (self.position, self.status):
            combo.blockSignals(False)

    def editor_state(self) -> ResponseState:
        """The text, position and proposed change shown; the status as last saved."""
        return ResponseState(
            richtext.dump(self.editor.document()),
            str(self.position.currentData()),
            self.saved.status if self.saved else str(self.status.currentData()),
            self.proposed.markup(),
        )

    def _differs(self, current: PassageInfo) -> bool:
        shown = self.editor_state()
        return (
            current.response_text != shown.text
            or (current.response_status or "draft") != shown.status
            or current.proposed_change != shown.proposed_change
        )

    def _status_tooltip(self) -> None:
        """Who moved the response to its status, when and why (the full list is in Notes)."""
        if self.passage is None or self.passage.response_id is None:
            self.status.setToolTip(self.tr("Draft until someone proposes it"))
            return
        state = review.status_history(self.ctx.store, self.passage.response_id)
        lines = [
            self.tr("{status} since {when}, by {who}").format(
                status=state.status, when=state.since[:16].replace("T", " "), who=state.changed_by
            )
        ]
        for change in state.changes[-5:]:
            why = f": {change.reason}" if change.reason else ""
            when = change.at[:16].replace("T", " ")
            lines.append(f"{when} {change.author}, {change.from_status} → {change.to_status}{why}")
        self.status.setToolTip("\n".join(lines))

    def _status_chosen(self) -> None:
        """A new status goes through the review workflow; moving back asks why."""
        if self.passage is None or self.saved is None:
            return
        old, new = self.saved.status, str(self.status.currentData())
        if new == old:
            return
        self.commit()
        if self.passage.response_id is None:
            commands.push(
                self, self.ctx, commands.Respond(self.ctx, self.passage.id, self.saved, self.saved)
            )
        current = self._current()
        reason = ""
        if STATUSES.index(new) < STATUSES.index(old):
            reason, accepted = ReasonDialog.get_data(
                self,
                self.tr("Reopen the response"),
                self.tr("Why does the response go back from {old} to {new}?").format(
                    old=old, new=new
                ),
            )
            if not accepted or not reason:
                self._show_status(old)
                return
        assert current.response_id is not None
        self.saved = replace(self.saved, status=new)
        command = review_commands.SetStatus(
            self.ctx, current.response_id, current.id, old, new, reason
        )
        if not commands.push(self, self.ctx, command):
            self.saved = replace(self.saved, status=old)
            self._show_status(old)
            return
        self.passage = current
        self._status_tooltip()

    def _show_status(self, status: str) -> None:
        self.status.blockSignals(True)
        self.status.setCurrentIndex(max(0, self.status.findData(status)))
        self.status.blockSignals(False)

    def show_history(self) -> None:
        from app.gui.dialogs.history import HistoryDialog

        self.commit()
        if self.passage is not None:
            current = self._current()
            if current.response_id:
                HistoryDialog(self, self.ctx, current.id, current.response_id).exec()

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
