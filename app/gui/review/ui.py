"""The Word review round trip: export a review copy, import it annotated, decide proposals.

A senior colleague who only reads Word comments and edits with track
changes. Importing brings the comments in as notes; an edited response
becomes a proposal shown next to the current text, accepted or declined by
the user, never applied silently. What cannot be placed is listed.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.core import markup
from app.core.history import diff_markup
from app.core.services import review_import
from app.core.services.review_import import ProposalInfo, ReviewImportReport
from app.gui import exporting
from app.gui.commands import push
from app.gui.context import ProjectContext
from app.gui.dialogs.export import ExportData
from app.gui.dialogs.history import diff_html, legend
from app.gui.dialogs.reason import ReasonDialog
from app.gui.errors import show_error, show_message
from app.gui.review.commands import AcceptProposal, DeclineProposal
from app.gui.review.stale import StaleProposalDialog
from app.gui.workers import Operation, Progress, busy_dialog
from app.gui.writer import ProjectOperation

logger = logging.getLogger(__name__)

WORD_FILTER = "Word documents (*.docx)"
KEPT_CURRENT = "The current text was kept: the proposal was made on an older text."


def _tr(text: str) -> str:
    return QCoreApplication.translate("review_ui", text)


def ask_export_review_copy(parent: QWidget | None, ctx: ProjectContext) -> None:
    path = ctx.store.path
    name, _ = QFileDialog.getSaveFileName(
        parent,
        _tr("Export a review copy for Word"),
        str(path.with_name(f"{path.stem} review copy.docx")),
        WORD_FILTER,
    )
    if not name:
        return
    target = Path(name) if name.endswith(".docx") else Path(name + ".docx")
    data = ExportData(target, "grouped", None, include_drafts=True, review_copy=True)
    exporting.export(parent, ctx, data)


def ask_import_review(parent: QWidget | None, ctx: ProjectContext) -> None:
    name, _ = QFileDialog.getOpenFileName(
        parent, _tr("Import a review copy annotated in Word"), "", WORD_FILTER
    )
    if name:
        import_review_file(parent, ctx, Path(name))


def import_review_file(
    parent: QWidget | None, ctx: ProjectContext, path: Path
) -> Operation[ReviewImportReport]:
    """Read the .docx and import it on the project pool; show the report, then proposals."""
    from app.importers.docx.review import read_review
    from app.importers.reading import read_path

    text = _tr("Reading “{name}”…").format(name=path.name)
    busy = busy_dialog(parent, text, _tr("Import Word review"))
    store = ctx.store

    def work(_progress: Progress) -> ReviewImportReport:
        # Bounded and regular files only: a FIFO, a device or a huge file is refused, not read.
        return review_import.import_review(store, read_review(read_path(path)))

    def finish() -> None:
        busy.reset()
        busy.close()
        busy.deleteLater()

    def imported(report: ReviewImportReport) -> None:
        show_message(parent, report_text(report), warning=bool(report.unmapped))
        if report.proposals:
            ProposalsDialog(parent, ctx).exec()

    operation: Operation[ReviewImportReport] = (
        ProjectOperation(parent, ctx, work).success(imported).finally_(finish)
    )
    operation.run_in_background()
    return operation


def report_text(report: ReviewImportReport) -> str:
    lines = [
        _tr("Notes added: {n}. Proposed texts: {p}.").format(
            n=len(report.notes_added), p=len(report.proposals)
        )
    ]
    if report.already_imported:
        lines.append(_tr("Already imported before: {n}.").format(n=report.already_imported))
    if report.members_added:
        lines.append(_tr("New reviewers: {names}.").format(names=", ".join(report.members_added)))
    if report.unmapped:
        lines.append(_tr("Could not be placed (kept here, not dropped):"))
        for item in report.unmapped:
            text = " ".join(markup.plain_text(item.text).split())[:120]
            lines.append(f"• {item.author} ({item.kind}): “{text}” — {item.reason}")
    return "\n".join(lines)


class ProposalsDialog(QDialog):
    """Pending proposed texts, each beside the current text, to accept or decline."""

    def __init__(
        self, parent: QWidget | None, ctx: ProjectContext, response_id: str | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx, self.response_id = ctx, response_id
        self.setWindowTitle(self.tr("Proposed texts from the Word review"))
        self.resize(940, 500)
        self.proposals: list[ProposalInfo] = []
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr("The proposal is marked against the current text: {legend}").format(
                legend=legend()
            )
        )
        intro.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(intro)
        splitter = QSplitter()
        self.list = QListWidget()
        splitter.addWidget(self.list)
        sides = QWidget()
        row = QHBoxLayout(sides)
        row.setContentsMargins(0, 0, 0, 0)
        current_box = QGroupBox(self.tr("Current text"))
        self.current_text = QTextBrowser()
        QVBoxLayout(current_box).addWidget(self.current_text)
        self.proposed_box = QGroupBox(self.tr("Proposed"))
        self.proposed_text = QTextBrowser()
        QVBoxLayout(self.proposed_box).addWidget(self.proposed_text)
        row.addWidget(current_box)
        row.addWidget(self.proposed_box)
        splitter.addWidget(sides)
        splitter.setSizes([240, 700])
        layout.addWidget(splitter, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.accept_button = QPushButton(self.tr("&Accept"))
        self.decline_button = QPushButton(self.tr("&Decline…"))
        buttons.addButton(self.accept_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.decline_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.accept_button.clicked.connect(self.accept_current)
        self.decline_button.clicked.connect(self._ask_decline)
        self.list.currentRowChanged.connect(lambda _r: self._show())
        self.refresh()

    def refresh(self) -> None:
        self.proposals = review_import.pending_proposals(self.ctx.store, self.response_id)
        self.list.clear()
        for proposal in self.proposals:
            head = " ".join(markup.plain_text(proposal.current).split())[:50]
            self.list.addItem(f"{proposal.author}\n“{head}…”")
        self.list.setCurrentRow(0 if self.proposals else -1)
        self._show()

    def current(self) -> ProposalInfo | None:
        row = self.list.currentRow()
        return self.proposals[row] if 0 <= row < len(self.proposals) else None

    def _show(self) -> None:
        proposal = self.current()
        self.accept_button.setEnabled(proposal is not None)
        self.decline_button.setEnabled(proposal is not None)
        if proposal is None:
            self.current_text.setPlainText(self.tr("No proposals left to decide."))
            self.proposed_text.clear()
            return
        self.proposed_box.setTitle(
            self.tr("Proposed by {who}, {when}").format(
                who=proposal.author, when=proposal.created_at[:16].replace("T", " ")
            )
        )
        self.current_text.setPlainText(markup.plain_text(proposal.current, footnote_marks=True))
        self.proposed_text.setHtml(diff_html(diff_markup(proposal.current, proposal.markup)))

    def accept_current(self) -> bool:
        """Accept the proposal shown; one made on an older text shows the three texts first."""
        proposal = self.current()
        if proposal is None:
            return False
        command = AcceptProposal(self.ctx, proposal.note_id)
        self.ctx.undo_stack.push(command)
        stale = command.error
        if isinstance(stale, review_import.StaleProposalError):
            logger.info("proposal %s was made on an older text: asking", proposal.note_id)
            text, accepted = StaleProposalDialog.get_text(
                self, stale.exported, stale.current, stale.proposed, _reviewer(proposal.author)
            )
            if not accepted:
                return False
            if _same(text, stale.current):
                return self.decline_current(KEPT_CURRENT)
            command = AcceptProposal(self.ctx, proposal.note_id, text)
            self.ctx.undo_stack.push(command)
        if command.error is not None:
            show_error(self, command.error)
            return False
        self.refresh()
        return True

    def _ask_decline(self) -> None:
        reason, accepted = ReasonDialog.get_data(
            self,
            self.tr("Decline the proposal"),
            self.tr("Why is the proposal not taken? (optional, kept as a note)"),
            required=False,
        )
        if accepted:
            self.decline_current(reason)

    def decline_current(self, reason: str = "") -> bool:
        proposal = self.current()
        if proposal is None:
            return False
        if not push(self, self.ctx, DeclineProposal(self.ctx, proposal.note_id, reason)):
            return False
        self.refresh()
        return True


def _reviewer(author: str) -> str:
    """The reviewer's name without the proposal's "(on an older text)" mark."""
    for mark in (review_import.OLDER, review_import.UNTRACKED):
        author = author.removesuffix(mark)
    return author


def _same(a: str, b: str) -> bool:
    """The same text, whatever the editor changed in its markup's form."""
    return markup.serialize(markup.parse(a)) == markup.serialize(markup.parse(b))
