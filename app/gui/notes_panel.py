"""The Notes dock: the delegation's discussion of the current passage or its response.

Notes are threaded (a reply sits under the note it answers) and name their
author and time, because "who asked the capital?" is the question a head of
delegation asks. The status history of the response is shown on top: it is
kept as notes too, and it says who moved the text to which status, and why.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QTreeWidgetItemIterator,
    QVBoxLayout,
    QWidget,
)

from app.core import markup
from app.core.journal import Changes
from app.core.services import notes, review, review_import
from app.core.services.notes import NoteInfo
from app.core.services.passages import PassageInfo, get_passage
from app.gui import commands
from app.gui.context import NOTES, PASSAGES, RESPONSES, ProjectContext
from app.gui.review import commands as review_commands

logger = logging.getLogger(__name__)

ID_ROLE = Qt.ItemDataRole.UserRole
PASSAGE, RESPONSE = "passage", "response"


def short_time(stamp: str) -> str:
    """``2026-03-02T10:15:00.000000Z`` → ``2026-03-02 10:15`` (UTC, as stored)."""
    return stamp[:16].replace("T", " ")


class NotesPanel(QWidget):
    proposals_requested = Signal(str)  # response id

    def __init__(self, ctx: ProjectContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.passage: PassageInfo | None = None
        self.infos: list[NoteInfo] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.status_label)
        proposals = QHBoxLayout()
        self.proposals_label = QLabel()
        self.proposals_button = QPushButton(self.tr("Review proposals…"))
        proposals.addWidget(self.proposals_label, 1)
        proposals.addWidget(self.proposals_button)
        layout.addLayout(proposals)
        target = QHBoxLayout()
        target_label = QLabel(self.tr("Notes &on:"))
        self.target = QComboBox()
        self.target.addItem(self.tr("the passage"), PASSAGE)
        self.target.addItem(self.tr("our response"), RESPONSE)
        target_label.setBuddy(self.target)
        target.addWidget(target_label)
        target.addWidget(self.target, 1)
        layout.addLayout(target)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([self.tr("Note"), self.tr("Author"), self.tr("When")])
        self.tree.setWordWrap(True)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.tree, 2)
        self.text = QPlainTextEdit()
        self.text.setPlaceholderText(self.tr("Write a note for the delegation…"))
        self.text.setMaximumHeight(80)
        layout.addWidget(self.text)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("&Add note"))
        self.reply_button = QPushButton(self.tr("&Reply"))
        self.edit_button = QPushButton(self.tr("&Edit"))
        self.delete_button = QPushButton(self.tr("&Delete"))
        for button in (self.add_button, self.reply_button, self.edit_button, self.delete_button):
            buttons.addWidget(button)
        layout.addLayout(buttons)
        self.add_button.clicked.connect(lambda: self.add_note(self.text.toPlainText()))
        self.reply_button.clicked.connect(lambda: self.reply(self.text.toPlainText()))
        self.edit_button.clicked.connect(self._edit_clicked)
        self.delete_button.clicked.connect(self.delete_current)
        self.proposals_button.clicked.connect(self._ask_proposals)
        self.target.currentIndexChanged.connect(lambda _i: self.refresh())
        self.tree.currentItemChanged.connect(lambda *_a: self._update_buttons())
        ctx.passage_selected.connect(self._passage_selected)
        ctx.changed.connect(self._changed)
        ctx.applied.connect(self._applied)
        self._passage_selected(ctx.passage_id or "")

    def _passage_selected(self, passage_id: str) -> None:
        self.passage = get_passage(self.ctx.store, passage_id) if passage_id else None
        self.refresh()

    def _changed(self, kinds: frozenset[str]) -> None:
        """Rows changed without saying which (a reload): read the thread again."""
        if not self.ctx.applying and kinds & {NOTES, RESPONSES, PASSAGES} and self.passage:
            self._passage_selected(self.passage.id)

    def _applied(self, changes: Changes) -> None:
        """Only a change to a note, or to the shown passage or its response, is read again."""
        passage = self.passage
        if passage is None or not changes:
            return
        if (
            changes.touches("note", "member")
            or passage.id in changes.of("passage")
            or (passage.response_id or "") in changes.of("response")
            or (passage.response_id is None and changes.touches("response"))
        ):
            self._passage_selected(passage.id)

    def target_id(self) -> str | None:
        if self.passage is None:
            return None
        if self.target.currentData() == RESPONSE:
            return self.passage.response_id
        return self.passage.id

    def refresh(self) -> None:
        target = self.target_id()
        self.infos = notes.list_notes(self.ctx.store, target) if target else []
        self.tree.clear()
        parents: list[QTreeWidgetItem] = []
        for info in self.infos:
            text = self.tr("(deleted)") if info.deleted else markup.plain_text(info.text)
            item = QTreeWidgetItem([text, info.author, short_time(info.created_at)])
            item.setData(0, ID_ROLE, info.id)
            item.setToolTip(0, text)
            del parents[info.depth :]
            if parents:
                parents[-1].addChild(item)
            else:
                self.tree.addTopLevelItem(item)
            parents.append(item)
        self.tree.expandAll()
        self._show_status()
        self._update_buttons()

    def _show_status(self) -> None:
        response_id = self.passage.response_id if self.passage else None
        if response_id is None:
            self.status_label.setText(self.tr("No response yet."))
            self.proposals_label.clear()
            self.proposals_button.hide()
            return
        state = review.status_history(self.ctx.store, response_id)
        lines = [
            self.tr("Status: {status} since {when}, by {who}.").format(
                status=state.status, when=short_time(state.since), who=state.changed_by or "?"
            )
        ]
        for change in reversed(state.changes[-3:]):
            why = f" — {change.reason}" if change.reason else ""
            lines.append(
                f"{short_time(change.at)}  {change.author}: "
                f"{change.from_status} → {change.to_status}{why}"
            )
        self.status_label.setText("\n".join(lines))
        pending = review_import.pending_proposals(self.ctx.store, response_id)
        self.proposals_label.setText(
            self.tr("{n} proposed text(s) from the Word review").format(n=len(pending))
        )
        self.proposals_button.setVisible(bool(pending))
        self.proposals_label.setVisible(bool(pending))

    def _ask_proposals(self) -> None:
        if self.passage is not None and self.passage.response_id:
            self.proposals_requested.emit(self.passage.response_id)

    def current(self) -> NoteInfo | None:
        item = self.tree.currentItem()
        if item is None:
            return None
        return next((n for n in self.infos if n.id == item.data(0, ID_ROLE)), None)

    def _update_buttons(self) -> None:
        has_target = self.target_id() is not None
        note = self.current()
        self.add_button.setEnabled(has_target)
        self.text.setEnabled(has_target)
        for button in (self.reply_button, self.edit_button, self.delete_button):
            button.setEnabled(note is not None and not note.deleted)

    def _push(self, command: commands.Command) -> None:
        """The text field empties once the note is saved (it stays for a retry when refused)."""
        commands.push(self, self.ctx, command, lambda _c: self.text.clear())

    def add_note(self, text: str) -> None:
        target = self.target_id()
        if target and text.strip():
            self._push(review_commands.AddNote(self.ctx, target, markup.escape(text.strip())))

    def reply(self, text: str) -> None:
        note, target = self.current(), self.target_id()
        if note is not None and target and text.strip():
            escaped = markup.escape(text.strip())
            self._push(review_commands.AddNote(self.ctx, target, escaped, parent_id=note.id))

    def _edit_clicked(self) -> None:
        """First click brings the note's text into the field; the next saves the edit."""
        note = self.current()
        if note is not None and not self.text.toPlainText().strip():
            self.text.setPlainText(markup.plain_text(note.text))
            self.text.setFocus()
            return
        self.edit_current(self.text.toPlainText())

    def edit_current(self, text: str) -> None:
        note = self.current()
        if note is not None and text.strip():
            new = markup.escape(text.strip())
            if new != note.text:
                self._push(review_commands.EditNote(self.ctx, note.id, note.text, new))

    def delete_current(self) -> None:
        note = self.current()
        if note is not None:
            commands.push(self, self.ctx, review_commands.DeleteNote(self.ctx, note.id))

    def select_note(self, note_id: str) -> None:
        for item in self._items():
            if item.data(0, ID_ROLE) == note_id:
                self.tree.setCurrentItem(item)

    def _items(self) -> list[QTreeWidgetItem]:
        found: list[QTreeWidgetItem] = []
        iterator = QTreeWidgetItemIterator(self.tree)
        while (item := iterator.value()) is not None:
            found.append(item)
            iterator += 1
        return found
