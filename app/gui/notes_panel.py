"""The Notes dock: the delegation's discussion of the current passage or its response.

Notes are threaded (a reply sits under the note it answers) and name their
author and time, because "who asked the capital?" is the question a head of
delegation asks. The status history of the response is shown on top: it is
kept as notes too, and it says who moved the text to which status, and why.

The thread is an item model (:class:`~app.gui.rowmodel.RowTableModel`, a
reply indented under the note it answers), read off the GUI thread when an
operation's changes can touch it; a note edited or added changes its own
row only. On a team server, Edit reads the note's version as it brings the
text into the field, so saving over a colleague's newer edit is a conflict.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from app.core import markup
from app.core.errors import RejoinderError
from app.core.journal import Changes
from app.core.services import notes, proposals, review
from app.core.services.notes import NoteInfo
from app.core.services.passages import PassageInfo, get_passage
from app.core.services.review import StatusHistory
from app.core.store import ProjectStore
from app.gui import commands
from app.gui.context import NOTES, PASSAGES, RESPONSES, ProjectContext
from app.gui.errors import show_error
from app.gui.review import commands as review_commands
from app.gui.rowmodel import RowTableModel, Shown
from app.gui.workers import Operation, Progress

logger = logging.getLogger(__name__)

PASSAGE, RESPONSE = "passage", "response"


def short_time(stamp: str) -> str:
    """``2026-03-02T10:15:00.000000Z`` → ``2026-03-02 10:15`` (UTC, as stored)."""
    return stamp[:16].replace("T", " ")


@dataclass(frozen=True)
class Thread:
    """What the panel shows of one passage, read in one go off the GUI thread."""

    passage: PassageInfo | None
    notes: list[NoteInfo]
    state: StatusHistory | None
    pending: int


def read_thread(store: ProjectStore, passage_id: str, on_response: bool) -> Thread:
    passage = get_passage(store, passage_id)
    target = None if passage is None else passage.response_id if on_response else passage.id
    infos = notes.list_notes(store, target) if target else []
    response_id = passage.response_id if passage else None
    state = review.status_history(store, response_id) if response_id else None
    pending = len(proposals.pending_proposals(store, response_id)) if response_id else 0
    return Thread(passage, infos, state, pending)


class NotesPanel(QWidget):
    proposals_requested = Signal(str)  # response id

    def __init__(self, ctx: ProjectContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.passage_id: str | None = None
        self.passage: PassageInfo | None = None
        self._generation = 0
        self.model: RowTableModel[NoteInfo] = RowTableModel(
            lambda n: n.id,
            [self.tr("Note"), self.tr("Author"), self.tr("When")],
            self._render,
            self,
        )
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
        self.tree = QTreeView()
        self.tree.setModel(self.model)
        self.tree.setRootIsDecorated(False)
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
        self.tree.selectionModel().currentChanged.connect(lambda *_a: self._update_buttons())
        ctx.passage_selected.connect(self._passage_selected)
        ctx.changed.connect(self._changed)
        ctx.applied.connect(self._applied)
        self._passage_selected(ctx.passage_id or "")

    @property
    def infos(self) -> list[NoteInfo]:
        return self.model.rows

    def _passage_selected(self, passage_id: str) -> None:
        if passage_id != self.passage_id:
            self.passage = None  # its response is known once read
        self.passage_id = passage_id or None
        self.refresh()

    def _changed(self, kinds: frozenset[str]) -> None:
        """Rows changed without saying which (a reload): read the thread again."""
        if not self.ctx.applying and kinds & {NOTES, RESPONSES, PASSAGES} and self.passage_id:
            self.refresh()

    def _applied(self, changes: Changes) -> None:
        """Only a change to a note, or to the shown passage or its response, is read again."""
        passage_id = self.passage_id
        if passage_id is None or not changes:
            return
        response_id = self.passage.response_id if self.passage else None
        if (
            changes.touches("note", "member")
            or passage_id in changes.of("passage")
            or (response_id or "") in changes.of("response")
            or (response_id is None and changes.touches("response"))
        ):
            self.refresh()

    def target_id(self) -> str | None:
        if self.passage_id is None:
            return None
        if self.target.currentData() == RESPONSE:
            return self.passage.response_id if self.passage else None
        return self.passage_id

    def refresh(self) -> None:
        """Read the thread off the GUI thread; the newest request's answer is the one shown."""
        self._generation += 1
        generation, passage_id = self._generation, self.passage_id
        if passage_id is None:
            self._show(Thread(None, [], None, 0))
            return
        store, on_response = self.ctx.store, self.target.currentData() == RESPONSE

        def read(_progress: Progress) -> Thread:
            return read_thread(store, passage_id, on_response)

        def refused(exc: BaseException) -> None:
            if isinstance(exc, RejoinderError):  # the project closed or replaced meanwhile
                logger.info("notes not read: %s", exc)
            else:
                show_error(self, exc)

        Operation(self, read, pool_name="files").success(
            lambda thread: self._show(thread) if generation == self._generation else None
        ).failure(refused).run_in_background()

    def _show(self, thread: Thread) -> None:
        self.passage = thread.passage
        self.model.sync(thread.notes)
        self._show_status(thread)
        self._update_buttons()

    def _render(self, info: NoteInfo, _row: int) -> list[Shown]:
        text = self.tr("(deleted)") if info.deleted else markup.plain_text(info.text)
        indent = "    " * (info.depth - 1) + "↳ " if info.depth else ""
        return [
            Shown(indent + text, tooltip=text),
            Shown(info.author),
            Shown(short_time(info.created_at)),
        ]

    def _show_status(self, thread: Thread) -> None:
        state = thread.state
        if state is None:
            self.status_label.setText(self.tr("No response yet."))
            self.proposals_label.clear()
            self.proposals_button.hide()
            return
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
        self.proposals_label.setText(
            self.tr("%n proposed text(s) from the Word review", "", thread.pending)
        )
        self.proposals_button.setVisible(bool(thread.pending))
        self.proposals_label.setVisible(bool(thread.pending))

    def _ask_proposals(self) -> None:
        if self.passage is not None and self.passage.response_id:
            self.proposals_requested.emit(self.passage.response_id)

    def current(self) -> NoteInfo | None:
        row = self.tree.currentIndex().row()
        return self.infos[row] if 0 <= row < len(self.infos) else None

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
            # the edit names the note's version now: a colleague's edit since is a conflict
            self.ctx.versions.show("note", note.id)
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
        row = self.model.row_of(note_id)
        if row >= 0:
            self.tree.setCurrentIndex(self.model.index(row, 0))

    def row_text(self, row: int, column: int = 0) -> str:
        """What the thread shows in a cell (a reply starts with its indent)."""
        return self.model.text(row, column)
