"""What we sent, and what changed since: the list beside the work, refreshed as it changes.

File › What changed since sent… opens a window (not modal: one keeps working
while reading it) with what the last final export recorded and every change
since — the list ``rejoinder changes`` prints. Double-clicking a change
shows its passage. The Passages panel marks the same passages
(:func:`app.core.sending.changed_passages`).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core import sending
from app.core.errors import RejoinderError
from app.gui.context import ProjectContext

logger = logging.getLogger(__name__)

ID_ROLE = Qt.ItemDataRole.UserRole


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
        self.tree = QTreeWidget()
        self.tree.setRootIsDecorated(False)
        self.tree.setHeaderLabels(
            [
                self.tr("Change"),
                self.tr("Party"),
                self.tr("Quote"),
                self.tr("Before"),
                self.tr("Now"),
            ]
        )
        layout.addWidget(self.tree, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout.addWidget(buttons)
        self.changes: list[sending.Change] = []
        self.tree.itemDoubleClicked.connect(self._show_passage)
        ctx.changed.connect(self._changed)
        self.refresh()

    def _changed(self, _kinds: frozenset[str]) -> None:
        if self.isVisible():
            self.refresh()

    def refresh(self) -> None:
        self.tree.clear()
        last = sending.last_sent(self.ctx.store)
        if last is None:
            self.changes = []
            self.header.setText(
                self.tr(
                    "Nothing has been sent yet. Export the contribution as the final version "
                    "(File › Export contribution…) to record what is sent."
                )
            )
            return
        try:
            self.changes = sending.changes_since(self.ctx.store, last.id)
        except RejoinderError as exc:  # a project being closed or replaced
            logger.info("changes not read: %s", exc)
            return
        count = len(self.changes)
        summary = (
            self.tr("No change since.")
            if not count
            else self.tr("{n} change(s) since:").format(n=count)
        )
        self.header.setText(f"{sent_line(last)} {summary}")
        for change in self.changes:
            item = QTreeWidgetItem(
                [
                    kind_name(change.kind),
                    change.party,
                    _short(change.quote),
                    _short(value_name(change.kind, change.before)) or "—",
                    _short(value_name(change.kind, change.after)) or "—",
                ]
            )
            item.setData(0, ID_ROLE, change.passage_id)
            item.setToolTip(2, change.quote)
            self.tree.addTopLevelItem(item)
        for column in range(2):
            self.tree.resizeColumnToContents(column)
        # the quote is in its tooltip: "Before" and "Now" keep the room
        self.tree.setColumnWidth(2, min(self.tree.sizeHintForColumn(2), 240))
        self.tree.setColumnWidth(3, min(self.tree.sizeHintForColumn(3), 200))

    def _show_passage(self, item: QTreeWidgetItem, _column: int) -> None:
        passage_id = str(item.data(0, ID_ROLE))
        if passage_id:
            self.ctx.select_passage(passage_id)


def show_changes(
    parent: QWidget | None, ctx: ProjectContext, existing: ChangesDialog | None = None
) -> ChangesDialog:
    """Open (or bring forward) the list of changes since the last final export."""
    dialog = existing if existing is not None else ChangesDialog(parent, ctx)
    dialog.refresh()
    dialog.show()
    dialog.raise_()
    return dialog
