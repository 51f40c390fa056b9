"""The history of a response: its earlier texts, a word-level diff, "restore this version".

Diplomats argue over single words ("should" against "must"), so the diff is
by word and coloured the way Word's track changes are: what the newer text
adds is green and underlined, what it removes red and struck through.
Restoring is an ordinary undoable step, and the text it replaces is kept.
"""

from __future__ import annotations

import logging

from PySide6.QtWidgets import QTextBrowser, QWidget

from app.core import history
from app.core.history import Version
from app.gui import commands
from app.gui.context import ProjectContext
from app.gui.dialogs.listdiff import ListDiffDialog, diff_html

logger = logging.getLogger(__name__)


class HistoryDialog(ListDiffDialog[Version]):
    def __init__(
        self, parent: QWidget | None, ctx: ProjectContext, passage_id: str, response_id: str
    ) -> None:
        self.passage_id, self.response_id = passage_id, response_id
        super().__init__(
            parent,
            ctx,
            title=self.tr("History of the response"),
            intro=self.tr(
                "Choose an earlier text to see how the current text differs from it: {legend}"
            ),
            size=(820, 480),
            list_width=260,
        )
        self.restore_button = self.action_button(
            self.tr("&Restore this version"), self.restore_selected
        )
        self.start()

    @property
    def versions(self) -> list[Version]:
        return self.items

    def build_detail(self) -> QWidget:
        self.diff = QTextBrowser()
        return self.diff

    def load(self) -> list[Version]:
        return history.versions(self.ctx.store, self.response_id)

    def key(self, item: Version) -> str:
        return item.revision_id or ""

    def describe(self, item: Version) -> str:
        when = item.at[:16].replace("T", " ")
        who = item.author or self.tr("unknown")
        label = (
            self.tr("Current text — {who}, {when}") if item.current else self.tr("{who}, {when}")
        )
        return label.format(who=who, when=when)

    def first_row(self, items: list[Version]) -> int:
        return 1 if len(items) > 1 else 0

    def selected(self) -> Version | None:
        return self.current()

    def show_item(self, item: Version | None) -> None:
        self.restore_button.setEnabled(item is not None and not item.current)
        if item is None:
            self.diff.clear()
            return
        current = self.items[0].text
        self.diff.setHtml(diff_html(history.diff_markup(item.text, current)))

    def restore_selected(self) -> None:
        version = self.selected()
        if version is None or version.revision_id is None:
            return
        command = commands.RestoreRevision(
            self.ctx, self.passage_id, version.revision_id, self.items[0].text
        )
        commands.push(self, self.ctx, command, lambda _c: self.refresh(0))
