"""What we sent, and what changed since: the list beside the work, refreshed as it changes.

File › What changed since sent… opens a window (not modal: one keeps working
while reading it) with what the last final export recorded and every change
since — the list ``rejoinder changes`` prints. Double-clicking a change
shows its passage. The Passages panel marks the same passages
(:func:`app.core.sending.changed_passages`).

The list is an item model (:class:`~app.gui.rowmodel.RowTableModel`), read
again off the GUI thread after each operation: a response edited since
redraws its own row, and nothing else moves.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QModelIndex
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from app.core import sending
from app.core.errors import RejoinderError
from app.core.journal import Changes
from app.core.store import ProjectStore
from app.gui.context import ProjectContext
from app.gui.errors import show_error
from app.gui.rowmodel import RowTableModel, Shown
from app.gui.workers import Operation, Progress

logger = logging.getLogger(__name__)

Since = tuple[sending.SentInfo | None, list[sending.Change]]


def _tr(text: str) -> str:
    return QCoreApplication.translate("sent_ui", text)


def kind_name(kind: sending.ChangeKind) -> str:
    return {
        sending.ChangeKind.ADDED: _tr("Passage added"),
        sending.ChangeKind.REMOVED: _tr("Passage removed"),
        sending.ChangeKind.QUOTE: _tr("Quote edited"),
        sending.ChangeKind.EDITED: _tr("Response edited"),
        sending.ChangeKind.POSITION: _tr("Position changed"),
        sending.ChangeKind.STATUS: _tr("Status moved"),
        sending.ChangeKind.FORM: _tr("Answer printed as"),
    }[kind]


def value_name(kind: sending.ChangeKind, value: str) -> str:
    """A position or status as the response editor names it; other values as they are."""
    names = {
        sending.ChangeKind.POSITION: {
            "": _tr("no position"),
            "agree": _tr("Agree"),
            "partly_agree": _tr("Partly agree"),
            "disagree": _tr("Disagree"),
            "strongly_disagree": _tr("Strongly disagree"),
            "note": _tr("Note"),
        },
        sending.ChangeKind.STATUS: {
            "draft": _tr("Draft"),
            "proposed": _tr("Proposed"),
            "agreed": _tr("Agreed"),
        },
        sending.ChangeKind.FORM: {
            "text": _tr("its text"),
            "reference": _tr("a cross-reference"),
        },
    }.get(kind, {})
    return names.get(value, value)


def sent_line(info: sending.SentInfo) -> str:
    when = info.sent_at[:16].replace("T", " ")
    return _tr("The {name} was sent on {when} UTC by {member}: {file} (sha256 {sha}…).").format(
        name=info.name,
        when=when,
        member=info.member or "?",
        file=info.filename,
        sha=info.sha256[:12],
    )


def _short(text: str, limit: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def change_key(change: sending.Change) -> str:
    return f"{change.kind}:{change.passage_id}"


def render_change(change: sending.Change, _row: int) -> list[Shown]:
    return [
        Shown(kind_name(change.kind)),
        Shown(change.party),
        Shown(_short(change.quote), tooltip=change.quote),
        Shown(_short(value_name(change.kind, change.before)) or "—"),
        Shown(_short(value_name(change.kind, change.after)) or "—"),
    ]


def read_since(store: ProjectStore) -> Since:
    """The last final export and every change since (none when nothing was sent)."""
    last = sending.last_sent(store)
    return (last, sending.changes_since(store, last.id) if last is not None else [])


class ChangesDialog(QDialog):
    def __init__(self, parent: QWidget | None, ctx: ProjectContext) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("ChangesDialog")
        self.setWindowTitle(self.tr("What changed since sent"))
        self.resize(760, 360)
        layout = QVBoxLayout(self)
        self.header = QLabel()
        self.header.setWordWrap(True)
        layout.addWidget(self.header)
        self.model: RowTableModel[sending.Change] = RowTableModel(
            change_key,
            [
                self.tr("Change"),
                self.tr("Party"),
                self.tr("Quote"),
                self.tr("Before"),
                self.tr("Now"),
            ],
            render_change,
            self,
        )
        self.tree = QTreeView()
        self.tree.setRootIsDecorated(False)
        self.tree.setModel(self.model)
        layout.addWidget(self.tree, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout.addWidget(buttons)
        self._reading = self._again = False
        self.tree.doubleClicked.connect(self._show_passage)
        ctx.changed.connect(self._changed)
        ctx.applied.connect(self._applied)
        self.refresh()

    @property
    def changes(self) -> list[sending.Change]:
        return self.model.rows

    def _changed(self, _kinds: frozenset[str]) -> None:
        """Rows changed without saying which (a reload)."""
        if self.isVisible() and not self.ctx.applying:
            self.refresh()

    def _applied(self, changes: Changes) -> None:
        if self.isVisible() and changes:
            self.refresh()

    def refresh(self) -> None:
        """Read what was sent and what changed since, off the GUI thread (one read at a time)."""
        if self._reading:
            self._again = True
            return
        self._reading = True
        store = self.ctx.store

        def read(_progress: Progress) -> Since:
            return read_since(store)

        def refused(exc: BaseException) -> None:
            if isinstance(exc, RejoinderError):  # a project being closed or replaced
                logger.info("changes not read: %s", exc)
            else:
                show_error(self, exc)

        def finished() -> None:
            self._reading = False
            if self._again:
                self._again = False
                self.refresh()

        Operation(self, read, pool_name="files").success(lambda since: self._show(*since)).failure(
            refused
        ).finally_(finished).run_in_background()

    def _show(self, last: sending.SentInfo | None, changes: list[sending.Change]) -> None:
        self.model.sync(changes)
        if last is None:
            self.header.setText(
                self.tr(
                    "Nothing has been sent yet. Export the contribution as the final version "
                    "(File › Export contribution…) to record what is sent."
                )
            )
            return
        count = len(changes)
        summary = (
            self.tr("No change since.") if not count else self.tr("%n change(s) since:", "", count)
        )
        self.header.setText(f"{sent_line(last)} {summary}")
        for column in range(2):
            self.tree.resizeColumnToContents(column)
        # the quote is in its tooltip: "Before" and "Now" keep the room
        self.tree.setColumnWidth(2, min(self.tree.sizeHintForColumn(2), 240))
        self.tree.setColumnWidth(3, min(self.tree.sizeHintForColumn(3), 200))

    def row_texts(self) -> list[list[str]]:
        """Every row as the columns show it."""
        return [
            [self.model.text(row, column) for column in range(self.model.columnCount())]
            for row in range(self.model.rowCount())
        ]

    def _show_passage(self, index: QModelIndex) -> None:
        if 0 <= index.row() < len(self.changes):
            self.ctx.select_passage(self.changes[index.row()].passage_id)


def show_changes(
    parent: QWidget | None, ctx: ProjectContext, existing: ChangesDialog | None = None
) -> ChangesDialog:
    """Open (or bring forward) the list of changes since the last final export."""
    dialog = existing if existing is not None else ChangesDialog(parent, ctx)
    dialog.refresh()
    dialog.show()
    dialog.raise_()
    return dialog
