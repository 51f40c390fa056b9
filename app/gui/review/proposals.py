"""Proposed texts from a Word review, each beside the current text, to accept or decline.

A senior colleague's edit in Word comes back as a proposal, never applied
silently: the user sees it marked word by word against the current text and
accepts it (the old text is kept as history) or declines it, with a reason
kept as a note. Each decision is one undoable step, run through the
operation helper; a proposal made on an
older text shows the three texts first (:mod:`app.gui.review.stale`).
"""

from __future__ import annotations

import logging

from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QTextBrowser, QVBoxLayout, QWidget

from app.core import markup
from app.core.errors import RejoinderError
from app.core.history import diff_markup
from app.core.services import proposals, review_import
from app.core.services.proposals import ProposalInfo
from app.gui.commands import push
from app.gui.context import ProjectContext
from app.gui.dialogs.listdiff import ListDiffDialog, diff_html
from app.gui.dialogs.reason import ReasonDialog
from app.gui.errors import show_error
from app.gui.review.commands import AcceptProposal, DeclineProposal
from app.gui.review.stale import StaleProposalDialog

logger = logging.getLogger(__name__)

KEPT_CURRENT = "The current text was kept: the proposal was made on an older text."


class ProposalsDialog(ListDiffDialog[ProposalInfo]):
    """Pending proposed texts, each beside the current text, to accept or decline."""

    def __init__(
        self, parent: QWidget | None, ctx: ProjectContext, response_id: str | None = None
    ) -> None:
        self.response_id = response_id
        super().__init__(
            parent,
            ctx,
            title=self.tr("Proposed texts from the Word review"),
            intro=self.tr("The proposal is marked against the current text: {legend}"),
            size=(940, 500),
            list_width=240,
        )
        self.accept_button = self.action_button(self.tr("&Accept"), self.accept_current)
        self.decline_button = self.action_button(self.tr("&Decline…"), self._ask_decline)
        self.start()

    @property
    def proposals(self) -> list[ProposalInfo]:
        return self.items

    def build_detail(self) -> QWidget:
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
        return sides

    def load(self) -> list[ProposalInfo]:
        return proposals.pending_proposals(self.ctx.store, self.response_id)

    def key(self, item: ProposalInfo) -> str:
        return item.note_id

    def describe(self, item: ProposalInfo) -> str:
        head = " ".join(markup.plain_text(item.current).split())[:50]
        return f"{item.author}\n“{head}…”"

    def show_item(self, item: ProposalInfo | None) -> None:
        self.accept_button.setEnabled(item is not None)
        self.decline_button.setEnabled(item is not None)
        if item is None:
            self.current_text.setPlainText(self.tr("No proposals left to decide."))
            self.proposed_text.clear()
            return
        self.proposed_box.setTitle(
            self.tr("Proposed by {who}, {when}").format(
                who=item.author, when=item.created_at[:16].replace("T", " ")
            )
        )
        self.current_text.setPlainText(markup.plain_text(item.current, footnote_marks=True))
        self.proposed_text.setHtml(diff_html(diff_markup(item.current, item.markup)))

    def accept_current(self) -> bool:
        """Accept the proposal shown; one made on an older text shows the three texts first.

        The step runs through the operation helper; the list follows once it
        is saved. False when there is nothing to accept.
        """
        proposal = self.current()
        if proposal is None:
            return False
        command = AcceptProposal(self.ctx, proposal.note_id)
        push(
            self,
            self.ctx,
            command,
            self._proposal_decided,
            failed=lambda e: self._refused(proposal, e),
        )
        return True

    def _proposal_decided(self, _command: object) -> None:
        self.refresh()

    def _refused(self, proposal: ProposalInfo, exc: RejoinderError) -> None:
        if not isinstance(exc, proposals.StaleProposalError):
            show_error(self, exc)
            return
        logger.info("proposal %s was made on an older text: asking", proposal.note_id)
        text, accepted = StaleProposalDialog.get_text(
            self, exc.exported, exc.current, exc.proposed, _reviewer(proposal.author)
        )
        if not accepted:
            return
        if _same(text, exc.current):
            self.decline_current(KEPT_CURRENT)
            return
        push(
            self, self.ctx, AcceptProposal(self.ctx, proposal.note_id, text), self._proposal_decided
        )

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
        push(
            self,
            self.ctx,
            DeclineProposal(self.ctx, proposal.note_id, reason),
            self._proposal_decided,
        )
        return True


def _reviewer(author: str) -> str:
    """The reviewer's name without the proposal's "(on an older text)" mark."""
    for mark in (review_import.OLDER, review_import.UNTRACKED):
        author = author.removesuffix(mark)
    return author


def _same(a: str, b: str) -> bool:
    """The same text, whatever the editor changed in its markup's form."""
    return markup.serialize(markup.parse(a)) == markup.serialize(markup.parse(b))
