"""The history of a response: its earlier texts, a word-level diff, "restore this version".

Diplomats argue over single words ("should" against "must"), so the diff is
by word and coloured the way Word's track changes are: what the newer text
adds is green and underlined, what it removes red and struck through.
Restoring is an ordinary undoable step, and the text it replaces is kept.
"""

from __future__ import annotations

import html
import logging

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.core import history
from app.core.history import Op, Segment, Version
from app.gui import commands
from app.gui.context import ProjectContext

logger = logging.getLogger(__name__)

INSERT_STYLE = "color:#1a7f37;text-decoration:underline;background:#e6ffec"
DELETE_STYLE = "color:#cf222e;text-decoration:line-through;background:#ffebe9"


def diff_html(segments: list[Segment]) -> str:
    """Segments as HTML for a QTextBrowser; line breaks kept, everything else escaped."""
    parts = []
    for segment in segments:
        text = html.escape(segment.text).replace("\n", "<br>")
        if segment.op == Op.INSERT:
            parts.append(f'<span style="{INSERT_STYLE}">{text}</span>')
        elif segment.op == Op.DELETE:
            parts.append(f'<span style="{DELETE_STYLE}">{text}</span>')
        else:
            parts.append(text)
    return "".join(parts)


def legend() -> str:
    return (
        f'<span style="{INSERT_STYLE}">&nbsp;added&nbsp;</span> '
        f'<span style="{DELETE_STYLE}">&nbsp;removed&nbsp;</span>'
    )


class HistoryDialog(QDialog):
    def __init__(
        self, parent: QWidget | None, ctx: ProjectContext, passage_id: str, response_id: str
    ) -> None:
        super().__init__(parent)
        self.ctx, self.passage_id, self.response_id = ctx, passage_id, response_id
        self.setWindowTitle(self.tr("History of the response"))
        self.resize(820, 480)
        self.versions: list[Version] = []
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Choose an earlier text to see how the current text differs from it: {legend}"
            ).format(legend=legend())
        )
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(intro)
        splitter = QSplitter()
        self.list = QListWidget()
        self.diff = QTextBrowser()
        splitter.addWidget(self.list)
        splitter.addWidget(self.diff)
        splitter.setSizes([260, 560])
        layout.addWidget(splitter, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.restore_button = QPushButton(self.tr("&Restore this version"))
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.restore_button.clicked.connect(self.restore_selected)
        self.list.currentRowChanged.connect(self._show)
        self.refresh()

    def refresh(self) -> None:
        self.versions = history.versions(self.ctx.store, self.response_id)
        self.list.clear()
        for version in self.versions:
            when = version.at[:16].replace("T", " ")
            who = version.author or self.tr("unknown")
            label = (
                self.tr("Current text — {who}, {when}")
                if version.current
                else self.tr("{who}, {when}")
            )
            self.list.addItem(QListWidgetItem(label.format(who=who, when=when)))
        self.list.setCurrentRow(1 if len(self.versions) > 1 else 0)

    def selected(self) -> Version | None:
        row = self.list.currentRow()
        return self.versions[row] if 0 <= row < len(self.versions) else None

    def _show(self, _row: int) -> None:
        version = self.selected()
        self.restore_button.setEnabled(version is not None and not version.current)
        if version is None:
            self.diff.clear()
            return
        current = self.versions[0].text
        self.diff.setHtml(diff_html(history.diff_markup(version.text, current)))

    def restore_selected(self) -> None:
        version = self.selected()
        if version is None or version.revision_id is None:
            return
        command = commands.RestoreRevision(
            self.ctx, self.passage_id, version.revision_id, self.versions[0].text
        )
        if commands.push(self, self.ctx, command):
            self.refresh()
            self.list.setCurrentRow(0)
