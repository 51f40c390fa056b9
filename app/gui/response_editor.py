"""The response editor: rich text for our comment on the current passage.

The editor's document is converted to the project's markup (:mod:`richtext`)
and saved through an undoable command shortly after typing stops, when the
passage changes and when the window closes; nothing waits for a "Save". The
save runs on the project writer through the operation helper, so typing never
waits for the disk or for the write lock an import holds.
"""

from __future__ import annotations

import logging
from dataclasses import replace

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.core.contribution import is_empty_markup
from app.core.errors import EditConflictError, RejoinderError
from app.core.services.passages import PassageInfo
from app.core.services.review import StatusHistory
from app.gui import commands, richtext
from app.gui.commands import ResponseState
from app.gui.context import RESPONSES, ProjectContext
from app.gui.dialogs.reason import ReasonDialog
from app.gui.errors import show_error
from app.gui.phrasebook import POSITIONS, phrasebook_positions
from app.gui.response_reading import ResponseReader, ShownResponse, read_after_saves
from app.gui.review import commands as review_commands
from app.gui.rich_edit import (
    FOOTNOTE_SHORTCUT,
    MarkupTextEdit,
    RichEdit,
    add_footnote,
    ask_link,
    edit_footnote,
    set_link,
    style_actions,
)

logger = logging.getLogger(__name__)

STATUSES = ("draft", "proposed", "agreed")
DEFAULT_POSITION = ""  # none chosen yet: check and the quiet marker say so
SAVE_DELAY_MS = 800


class ResponseEditor(QWidget):
    def __init__(self, ctx: ProjectContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.passage: PassageInfo | None = None
        self.saved: ResponseState | None = None
        self.version: int | None = None  # of the response shown, on a team server
        # the newest save (text or status) still on its way: the next one names its version
        self._last: commands.Versioned | None = None
        self._in_flight = 0
        self._reader = ResponseReader(self, ctx)
        self._waiting: str | None = None  # a chosen passage whose read is on its way
        self._history: StatusHistory | None = None  # of the shown response (status tooltip)
        self._language: str | None = None  # the project's, as last read (the phrasebook)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        self.history_button = QPushButton(self.tr("&History…"))
        self.history_button.setToolTip(self.tr("Earlier texts of this response, and restore one"))
        top.addWidget(self.history_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(top)
        self.toolbar = QToolBar()
        layout.addWidget(self.toolbar)
        self.editor = MarkupTextEdit()
        self.editor.left.connect(self.commit)  # saved when the focus leaves it, too
        self.editor.setPlaceholderText(self.tr("Select a passage, then write our comment here."))
        layout.addWidget(self.editor, 1)
        row = QHBoxLayout()
        position_label = QLabel(self.tr("&Position:"))
        row.addWidget(position_label)
        self.position = QComboBox()
        position_label.setBuddy(self.position)
        self.position.addItem(self.tr("— none —"), DEFAULT_POSITION)
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
        # Quiet, not a dialog: a response saved without a position says so beside the choice.
        self.position_hint = QLabel("⚠ " + self.tr("No position yet"))
        self.position_hint.setObjectName("PositionHint")
        self.position_hint.setStyleSheet("color: #9a6700;")
        self.position_hint.setToolTip(
            self.tr("This response has no position (agree, disagree, …); check lists it")
        )
        self.position_hint.hide()
        row.addWidget(self.position_hint)
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
        proposed_label = QLabel(self.tr("Proposed change (printed by the table layout):"))
        proposed_label.setWordWrap(True)
        layout.addWidget(proposed_label)
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
        self.bold, self.italic, self.underline = style_actions(self, self.editor, self.toolbar)
        self.link = QAction(self.tr("Link…"), self)
        self.link.setShortcut(QKeySequence("Ctrl+K"))
        self.link.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.link.setToolTip(self.tr("Link (Ctrl+K)"))
        self.footnote = QAction(self.tr("Footnote"), self)
        self.footnote.setShortcut(QKeySequence(FOOTNOTE_SHORTCUT))
        self.footnote.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.footnote.setToolTip(
            self.tr("Footnote ({keys})").format(keys=QKeySequence(FOOTNOTE_SHORTCUT).toString())
        )
        for action in (self.link, self.footnote):
            self.toolbar.addAction(action)
            self.editor.addAction(action)
        self.link.triggered.connect(lambda: ask_link(self.editor))
        self.footnote.triggered.connect(lambda: self.insert_footnote())
        self.editor.footnote_activated.connect(lambda pos: edit_footnote(self.editor, pos))
        self.phrases = QToolButton()
        self.phrases.setText(self.tr("Phrasebook"))
        self.phrases.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.phrases.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.phrases.setMenu(QMenu(self.phrases))
        self.phrases.setToolTip(self.tr("Standard sentences (Ctrl+Shift+P)"))
        self.toolbar.addWidget(self.phrases)
        self.phrase_action = QAction(self.tr("Phrasebook"), self)
        self.phrase_action.setShortcut(QKeySequence("Ctrl+Shift+P"))
        self.phrase_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.phrase_action.triggered.connect(self.show_phrasebook)
        self.addAction(self.phrase_action)

    def show_phrasebook(self) -> None:
        """Pop the standard sentences up at the text cursor, for typing without the mouse."""
        self._fill_phrasebook(self._language or self.ctx.store.project().language)
        where = self.editor.viewport().mapToGlobal(self.editor.cursorRect().bottomLeft())
        self.phrases.menu().popup(where)

    def _fill_phrasebook(self, language: str) -> None:
        menu = self.phrases.menu()
        menu.clear()
        for sentence, position in phrasebook_positions(language):
            menu.addAction(sentence).triggered.connect(
                lambda _=False, s=sentence, p=position: self.insert_phrase(s, p)
            )

    def insert_phrase(self, sentence: str, position: str | None = None) -> None:
        """Insert ``sentence`` at the caret and give the focus back to the text, at the caret.

        A sentence that states a position ("We agree.") sets the position while
        it is still the default, so the two never contradict each other.
        """
        cursor = self.editor.textCursor()
        before = self.editor.document().characterAt(cursor.selectionStart() - 1)
        lead = " " if cursor.selectionStart() > 0 and before and not before.isspace() else ""
        self.editor.insert_typed(lead + sentence + " ")
        if position is not None and self.position.currentData() == DEFAULT_POSITION:
            self.position.setCurrentIndex(max(0, self.position.findData(position)))
        self.editor.setFocus(Qt.FocusReason.OtherFocusReason)
        self.activateWindow()

    def set_link(self, url: str) -> None:
        set_link(self.editor, url)

    def insert_footnote(self, text: str | None = None) -> None:
        """Edit the footnote at the caret, or insert one (``text`` as markup, or asked)."""
        add_footnote(self.editor, text)

    # -- loading and saving --------------------------------------------------------

    def _passage_selected(self, passage_id: str) -> None:
        """Read the chosen passage off the GUI thread; the editor keeps what it shows until then."""
        self.commit()
        if not passage_id:
            self._waiting = None
            self._reader.cancel()
            self.load(None)
            return
        self._waiting = passage_id
        self._reader.request(passage_id, self._chosen_arrived)

    def _chosen_arrived(self, shown: ShownResponse) -> None:
        # whatever was typed while the read ran belongs to the passage it was typed into
        self.commit()
        self._waiting = None
        self.load(shown)

    def _changed(self, kinds: frozenset[str]) -> None:
        """Another step changed the response (undo, a colleague): show it, unless ours waits."""
        if RESPONSES in kinds and self.passage is not None and not self.pending():
            self._read_again(self.passage.id, only_if_idle=True)

    def _read_again(self, passage_id: str, only_if_idle: bool) -> None:
        """Read the shown passage off the GUI thread and show it, unless the user typed since.

        ``only_if_idle``: nor while a save of ours waits (its own result is what is shown).
        A chosen passage still on its way is read afresh anyway (a read older than an
        operation is made again), so it is not interrupted.
        """
        if self._waiting is not None:
            return
        typed = self.editor_state()

        def arrived(shown: ShownResponse) -> None:
            if self.passage is None or self.passage.id != shown.passage_id:
                return
            if self.editor_state() != typed or (only_if_idle and self.pending()):
                return  # typed or chosen since the read began: what is typed stays
            if shown.passage is None or self._differs(shown.passage):
                self.load(shown)
            else:
                self.passage, self._history = shown.passage, shown.history
                self._status_tooltip()

        self._reader.request(passage_id, arrived)

    def load(self, shown: ShownResponse | None) -> None:
        """Show a passage as read (None, or a passage gone: nothing selected)."""
        passage = shown.passage if shown is not None else None
        self.timer.stop()
        self._last = None
        self.passage = passage
        if shown is not None:
            self._language = shown.language
            self._fill_phrasebook(shown.language)
        self._history = shown.history if shown is not None else None
        widgets = (self.editor, self.position, self.status, self.toolbar, self.proposed)
        for widget in widgets:
            widget.setEnabled(passage is not None)
        for combo in (self.position, self.status):
            combo.blockSignals(True)
        self.editor.blockSignals(True)
        self.history_button.setEnabled(passage is not None)
        self.version = None
        if passage is None:
            self.heading.setText(self.tr("No passage selected."))
            richtext.load(self.editor.document(), "")
            self.proposed.set_markup("")
            self.saved = None
        else:
            assert shown is not None
            quote = " ".join(passage.quote.split())
            self.heading.setText(
                self.tr("Response to “{quote}”").format(
                    quote=quote if len(quote) < 90 else quote[:89] + "…"
                )
            )
            richtext.load(self.editor.document(), passage.response_text)
            self.position.setCurrentIndex(
                max(0, self.position.findData(passage.response_position or DEFAULT_POSITION))
            )
            self.status.setCurrentIndex(
                max(0, self.status.findData(passage.response_status or "draft"))
            )
            self.proposed.set_markup(passage.proposed_change)
            self.version = shown.version
            self.saved = ResponseState(
                passage.response_text,
                str(self.position.currentData()),
                str(self.status.currentData()),
                passage.proposed_change,
            )
        self._status_tooltip()
        self._show_position_hint()
        self.editor.blockSignals(False)
        for combo in (self.position, self.status):
            combo.blockSignals(False)

    def _show_position_hint(self) -> None:
        """Mark a saved response that has text but no position (never interrupts the typing)."""
        saved = self.saved
        missing = (
            saved is not None
            and saved.position == DEFAULT_POSITION
            and not is_empty_markup(saved.text)
        )
        self.position_hint.setVisible(missing)

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

    def _offer_statuses(self) -> None:
        """Offer only the moves the review allows: one step forward, or back (with a reason)."""
        current = self.saved.status if self.saved else STATUSES[0]
        model = self.status.model()
        assert isinstance(model, QStandardItemModel)
        for index, value in enumerate(STATUSES):
            item = model.item(index)
            if item is not None:
                item.setEnabled(STATUSES.index(value) <= STATUSES.index(current) + 1)

    def _status_tooltip(self) -> None:
        """Who moved the response to its status, when and why (the full list is in Notes)."""
        self._offer_statuses()
        state = self._history
        if self.passage is None or self.passage.response_id is None or state is None:
            self.status.setToolTip(self.tr("Draft until someone proposes it"))
            return
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
        """A new status goes through the review workflow; moving back asks why.

        The text is saved first (and the response created if it had none),
        then the status: steps on the project writer run in that order.
        """
        if self.passage is None or self.saved is None:
            return
        old, new = self.saved.status, str(self.status.currentData())
        if new == old:
            return
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
        self.commit()
        passage_id = self.passage.id
        if self.passage.response_id is None and self._last is None:
            self._save(commands.Respond(self.ctx, passage_id, self.saved, self.saved, self.version))
        self.saved = replace(self.saved, status=new)
        command = review_commands.SetStatus(
            self.ctx,
            self.passage.response_id,
            passage_id,
            old,
            new,
            reason,
            base_version=self.version,
            follows=self._last,
        )

        def refused(exc: RejoinderError) -> None:
            if self._last is command:
                self._last = None
            show_error(self, exc)
            if self.passage is not None and self.passage.id == passage_id and self.saved:
                self.saved = replace(self.saved, status=old)
                self._show_status(old)

        self._last = command  # a text typed meanwhile is saved after it, from its version
        commands.push(self, self.ctx, command, self._status_set, failed=refused)

    def _status_set(self, command: review_commands.SetStatus) -> None:
        last, self._last = self._last, (None if self._last is command else self._last)
        if self.passage is not None and self.passage.id == command.passage_id:
            # the step knows the response it set (created just before, perhaps); the
            # tooltip's history is read off the GUI thread
            self.passage = replace(
                self.passage,
                response_id=command.response_id or self.passage.response_id,
                response_status=command.new,
            )
            self._read_again(command.passage_id, only_if_idle=False)
            if command.version is not None and last is command:
                self.version = command.version  # our own step: the next save starts from it

    def _show_status(self, status: str) -> None:
        self.status.blockSignals(True)
        self.status.setCurrentIndex(max(0, self.status.findData(status)))
        self.status.blockSignals(False)

    def show_history(self) -> None:
        from app.gui.dialogs.history import HistoryDialog

        self.commit()
        if self.passage is None:
            return
        passage_id = self.passage.id

        def arrived(shown: ShownResponse) -> None:
            found, now = shown.passage, self.passage
            if found and found.response_id and now is not None and now.id == passage_id:
                HistoryDialog(self, self.ctx, found.id, found.response_id).exec()

        read_after_saves(self, self.ctx.store, passage_id, arrived)

    def commit(self) -> None:
        """Save the editor's content as an undoable step, if it changed.

        The save runs on the project writer (never on the GUI thread, which
        goes on taking keystrokes); saves follow each other in order, each on
        the row version the one before it left (a team server's check).
        """
        self.timer.stop()
        if self.passage is None or self.saved is None:
            return
        state = self.editor_state()
        if state == self.saved:
            return
        old, self.saved = self.saved, state
        self._save(commands.Respond(self.ctx, self.passage.id, old, state, self.version))
        self._show_position_hint()

    def _save(self, command: commands.Respond) -> None:
        command.follows = self._last
        self._last = command
        self._in_flight += 1

        def saved(done: commands.Respond) -> None:
            self._in_flight -= 1
            if self._last is done:
                self._last = None
                if self.passage is not None and self.passage.id == done.passage_id:
                    self.version = done.version

        def refused(exc: RejoinderError) -> None:
            self._in_flight -= 1
            if self._last is command:
                self._last = None
            show_error(self, exc)
            if (
                isinstance(exc, EditConflictError)
                and self.passage is not None
                and self.passage.id == command.passage_id
            ):
                # ours is kept as a conflict: show what the colleague saved, as it is now
                self._read_again(command.passage_id, only_if_idle=False)

        commands.push(self, self.ctx, command, saved, failed=refused)

    def pending(self) -> bool:
        """A save waits for the timer or is on its way to the project."""
        return self.timer.isActive() or self._in_flight > 0
