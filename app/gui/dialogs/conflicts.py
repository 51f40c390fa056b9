"""Edit › Conflicts…: what both colleagues changed since their copies parted, side by side.

Each conflict shows both values with their authors and times. The merge is
symmetric (A into B equals B into A), so it keeps the later change for now
rather than "ours"; the dialog says "kept for now" and "other version", and
marks the other version against the kept one word by word. The user keeps
one, takes the other or writes a third text; until then nothing is lost.
"""

from __future__ import annotations

import html
import logging
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.core import markup
from app.core.history import diff_markup
from app.core.merge import ConflictInfo, list_conflicts, resolve_conflict
from app.core.services import passages, sections
from app.gui.context import ProjectContext
from app.gui.dialogs.listdiff import ListDiffDialog, diff_html

logger = logging.getLogger(__name__)

MARKUP_FIELDS = {"text", "proposed_change", "quote", "opening", "closing", "lead_in"}


def _shown(field: str, value: Any) -> str:
    if isinstance(value, str):
        return markup.plain_text(value) if field in MARKUP_FIELDS else value
    return "" if value is None else str(value)


def _when(stamp: str) -> str:
    return stamp[:16].replace("T", " ")


class ConflictsDialog(ListDiffDialog[ConflictInfo]):
    def __init__(self, parent: QWidget | None, ctx: ProjectContext) -> None:
        self._quotes: dict[str, str] = {}
        super().__init__(
            parent,
            ctx,
            title=self.tr("Conflicts from the merge"),
            intro=self.tr(
                "You and your colleague both changed these since your copies parted. The later "
                "change is kept until you decide; the other version is marked against it: {legend}"
            ),
            size=(980, 560),
            list_width=300,
        )
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.ours_button.clicked.connect(lambda: self.choose("ours"))
        self.theirs_button.clicked.connect(lambda: self.choose("theirs"))
        self.edited_button.clicked.connect(lambda: self.choose("edited"))
        self.start()

    @property
    def conflicts(self) -> list[ConflictInfo]:
        return self.items

    def build_detail(self) -> QWidget:
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        sides = QHBoxLayout()
        self.ours_box, self.ours = self._side()
        self.theirs_box, self.theirs = self._side()
        sides.addWidget(self.ours_box)
        sides.addWidget(self.theirs_box)
        right_layout.addLayout(sides, 2)
        right_layout.addWidget(QLabel(self.tr("Or write the text to keep:")))
        self.edited = QPlainTextEdit()
        self.edited.setMaximumHeight(110)
        right_layout.addWidget(self.edited, 1)
        buttons = QHBoxLayout()
        self.ours_button = QPushButton(self.tr("&Keep this version"))
        self.theirs_button = QPushButton(self.tr("Take the &other version"))
        self.edited_button = QPushButton(self.tr("Keep the &edited text"))
        for button in (self.ours_button, self.theirs_button, self.edited_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        right_layout.addLayout(buttons)
        return right

    def load(self) -> list[ConflictInfo]:
        """The conflicts, and what names each (read here, off the GUI thread, not per row shown)."""
        store = self.ctx.store
        conflicts = list_conflicts(store)
        headings: dict[str, str] | None = None
        quotes: dict[str, str] = {}
        for conflict in conflicts:
            if conflict.table_name in ("response", "passage"):
                passage = (
                    passages.get_passage(store, conflict.row_id)
                    if conflict.table_name == "passage"
                    else passages.passage_for_response(store, conflict.row_id)
                )
                if passage is not None:
                    quotes[conflict.id] = " ".join(passage.quote.split())[:60]
            elif conflict.table_name == "section":
                if headings is None:
                    headings = {s.id: s.heading for s in sections.list_sections(store)}
                quotes[conflict.id] = headings.get(conflict.row_id, "")
        self._quotes = {**self._quotes, **quotes}
        return conflicts

    def _side(self) -> tuple[QGroupBox, QTextBrowser]:
        box = QGroupBox()
        browser = QTextBrowser()
        box_layout = QVBoxLayout(box)
        box_layout.addWidget(browser)
        return box, browser

    def key(self, item: ConflictInfo) -> str:
        return item.id

    def describe(self, conflict: ConflictInfo) -> str:
        """A name a delegate recognises: the quote of the passage, the section's heading."""
        quote = self._quotes.get(conflict.id, "")
        what = f"{conflict.table_name.capitalize()} · {conflict.field.replace('_', ' ')}"
        return f"{what}\n“{quote}…”" if quote else what

    def show_item(self, conflict: ConflictInfo | None) -> None:
        for button in (self.ours_button, self.theirs_button, self.edited_button):
            button.setEnabled(conflict is not None)
        if conflict is None:
            for browser in (self.ours, self.theirs):
                browser.setPlainText(self.tr("No conflicts left."))
            self.edited.clear()
            return
        self.ours_box.setTitle(
            self.tr("Kept for now — {who}, {when}").format(
                who=conflict.ours_author or "?", when=_when(conflict.ours_time)
            )
        )
        self.theirs_box.setTitle(
            self.tr("Other version — {who}, {when}").format(
                who=conflict.theirs_author or "?", when=_when(conflict.theirs_time)
            )
        )
        ours, theirs = conflict.ours_value, conflict.theirs_value
        self.ours.setHtml(html.escape(_shown(conflict.field, ours)).replace("\n", "<br>"))
        if isinstance(ours, str) and isinstance(theirs, str):
            self.theirs.setHtml(diff_html(diff_markup(ours, theirs)))
        else:
            self.theirs.setPlainText(_shown(conflict.field, theirs))
        editable = isinstance(conflict.current_value, str)
        self.edited.setEnabled(editable)
        self.edited_button.setEnabled(editable)
        self.edited.setPlainText(conflict.current_value if editable else "")

    def choose(self, which: str) -> bool:
        """Settle the current conflict: ``ours`` (kept), ``theirs`` (the other) or ``edited``."""
        conflict = self.current()
        if conflict is None:
            return False
        value: Any
        if which == "ours":
            value = conflict.ours_value
        elif which == "theirs":
            value = conflict.theirs_value
        else:
            value = self.edited.toPlainText()

        store, conflict_id = self.ctx.store, conflict.id
        return self.decide(lambda: resolve_conflict(store, conflict_id, value))
