"""A proposal made on an older text: the three texts side by side, and the user decides.

A colleague's review copy went out with one text of a response; the response
was rewritten in the project since, and the colleague's edits touch the same
words. Core refuses to apply such a proposal by itself
(:class:`~app.core.services.proposals.StaleProposalError`). Instead of an
error, the window shows the text sent for review, the current text (marked
against what was sent: what we changed) and the proposed text (marked against
what was sent: what the reviewer changed), and an editor below. The user
takes one of the three as it is, or writes the merge in the editor; what they
accept becomes the response's text in one journal step (Edit › Undo takes it
back). Keeping the current text as it is declines the proposal, with that
reason recorded.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.core import markup
from app.core.history import diff_markup
from app.gui.dialogs.listdiff import diff_html, legend
from app.gui.rich_edit import RichEdit

logger = logging.getLogger(__name__)

EXPORTED, CURRENT, PROPOSED = "exported", "current", "proposed"


class StaleProposalDialog(QDialog):
    """Sent for review, current and proposed texts; the chosen or merged text below."""

    def __init__(
        self,
        parent: QWidget | None,
        exported: str,
        current: str,
        proposed: str,
        who: str,
    ) -> None:
        super().__init__(parent)
        self.texts = {EXPORTED: exported, CURRENT: current, PROPOSED: proposed}
        self.setWindowTitle(self.tr("A proposal made on an older text"))
        self.resize(960, 520)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "{who} edited the text sent for review. The response was rewritten here since, "
                "in the same places, so the two cannot be combined by themselves. Take one of "
                "the three texts, or write the text to keep below. Changes against the text "
                "sent for review: {legend}"
            ).format(who=who, legend=legend())
        )
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(intro)
        row = QHBoxLayout()
        self.panes: dict[str, QTextBrowser] = {}
        self.use_buttons: dict[str, QPushButton] = {}
        titles = {
            EXPORTED: self.tr("Sent for review"),
            CURRENT: self.tr("Current text (our changes)"),
            PROPOSED: self.tr("Proposed by {who}").format(who=who),
        }
        for key, title in titles.items():
            box = QGroupBox(title)
            inner = QVBoxLayout(box)
            pane = QTextBrowser()
            pane.setOpenLinks(False)
            if key == EXPORTED:
                pane.setPlainText(markup.plain_text(exported, footnote_marks=True))
            else:
                pane.setHtml(diff_html(diff_markup(exported, self.texts[key])))
            inner.addWidget(pane)
            use = QPushButton(self.tr("Use this text"))
            use.clicked.connect(lambda _c=False, k=key: self.use(k))
            inner.addWidget(use)
            self.panes[key], self.use_buttons[key] = pane, use
            row.addWidget(box)
        layout.addLayout(row, 2)
        layout.addWidget(QLabel(self.tr("Text to keep (edit it to merge both):")))
        self.editor = RichEdit(self, max_height=16777215)
        self.editor.set_markup(current)
        layout.addWidget(self.editor, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.ok = buttons.addButton(
            self.tr("&Accept this text"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def use(self, key: str) -> None:
        """Put one of the three texts into the editor, to keep or to edit."""
        self.editor.set_markup(self.texts[key])

    def chosen(self) -> str:
        """The text to keep, as markup."""
        return self.editor.markup()

    @classmethod
    def get_text(
        cls, parent: QWidget | None, exported: str, current: str, proposed: str, who: str
    ) -> tuple[str, bool]:
        """``(markup to keep, accepted)``; tests drive the dialog without its modal loop."""
        dialog = cls(parent, exported, current, proposed, who)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        text = dialog.chosen()
        dialog.deleteLater()
        return text, accepted
