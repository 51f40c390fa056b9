"""Steps of the delegation's work: notes, status changes, restored texts, moves.

Same pattern as :mod:`app.gui.commands`: each step is a thin command over
core services. Undo and redo are the journal's, which brings back the very
rows the first run made, so a colleague's copy merged later sees one note,
not two.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from app.core import rowversion
from app.core.models import BlockKind
from app.core.services import notes, passages, proposals, review, sections
from app.gui.commands import Command, SectionEdit, Versioned
from app.gui.context import NOTES, PASSAGES, RESPONSES, SECTIONS, SOURCES, ProjectContext

logger = logging.getLogger(__name__)


def _tr(text: str) -> str:
    return QCoreApplication.translate("review_commands", text)


class AddNote(Command):
    """A note on a passage or response, or a reply to a note (``parent_id``)."""

    def __init__(
        self, ctx: ProjectContext, target_id: str, text: str, parent_id: str | None = None
    ) -> None:
        super().__init__(ctx, _tr("Reply to note") if parent_id else _tr("Add note"), NOTES)
        self.target_id, self.note_text, self.parent_id = target_id, text, parent_id
        self.note_id: str | None = None

    def do(self) -> None:
        self.note_id = notes.add_note(
            self.ctx.store,
            "" if self.parent_id else self.target_id,
            self.note_text,
            self.parent_id,
        )


class EditNote(Command):
    """A note's new text, naming the version of the note the panel showed (a team server's)."""

    def __init__(self, ctx: ProjectContext, note_id: str, old: str, new: str) -> None:
        super().__init__(ctx, _tr("Edit note"), NOTES)
        self.note_id, self.old, self.new = note_id, old, new
        ctx.versions.claim("note", note_id)

    def do(self) -> None:
        with self.ctx.versions.saving("note", self.note_id) as base:
            notes.edit_note(self.ctx.store, self.note_id, self.new, base_version=base)


class DeleteNote(Command):
    def __init__(self, ctx: ProjectContext, note_id: str) -> None:
        super().__init__(ctx, _tr("Delete note"), NOTES)
        self.note_id = note_id

    def do(self) -> None:
        notes.delete_note(self.ctx.store, self.note_id)


class SetStatus(Command):
    """A status change through the review workflow, which records who, when and why.

    Undo is the journal's: it puts the old status back and removes the note
    that recorded the change, exactly as they were.
    """

    def __init__(
        self,
        ctx: ProjectContext,
        response_id: str | None,
        passage_id: str,
        old: str,
        new: str,
        reason: str = "",
        *,
        base_version: int | None = None,
        follows: Versioned | None = None,
    ) -> None:
        super().__init__(ctx, _tr("Change status"), RESPONSES, NOTES, SOURCES, PASSAGES)
        self.response_id, self.passage_id = response_id, passage_id
        self.old, self.new, self.reason = old, new, reason
        self.note_id: str | None = None
        # the response's version the editor showed; a save still on its way moves it on
        self.base_version, self.follows = base_version, follows
        self.version: int | None = None  # the response's version once the status is set

    def do(self) -> None:
        store = self.ctx.store
        if self.response_id is None:  # created by the save just before this step
            passage = passages.get_passage(store, self.passage_id)
            # no id: the core refuses with its own (translated) message
            self.response_id = passage.response_id if passage and passage.response_id else ""
        base = self.base_version
        if self.follows is not None and base is not None:
            before = self.follows
            base = before.version if before.version is not None else before.base_version
        self.follows = None
        review.set_status(store, self.response_id, self.new, self.reason, base_version=base)
        if base is not None:
            self.version = rowversion.current(store, "response", self.response_id)
        changes = review.status_history(store, self.response_id).changes
        self.note_id = changes[-1].note_id if changes else ""


class AcceptProposal(Command):
    """A reviewer's proposed text becomes the response's (``text``: the one a person chose).

    A proposal made on an older text whose words were rewritten since is not
    applied: the step fails with ``StaleProposalError`` (in :attr:`error`),
    which carries the three texts for the window to show.
    """

    def __init__(self, ctx: ProjectContext, note_id: str, text: str | None = None) -> None:
        super().__init__(ctx, _tr("Accept proposal"), RESPONSES, NOTES, SOURCES, PASSAGES)
        self.note_id, self.chosen = note_id, text

    def do(self) -> None:
        proposals.accept_proposal(self.ctx.store, self.note_id, self.chosen)


class DeclineProposal(Command):
    """A proposal not taken, with the reason kept as a reply to it."""

    def __init__(self, ctx: ProjectContext, note_id: str, reason: str = "") -> None:
        super().__init__(ctx, _tr("Decline proposal"), NOTES)
        self.note_id, self.reason = note_id, reason

    def do(self) -> None:
        proposals.decline_proposal(self.ctx.store, self.note_id, self.reason)


class PlacePassage(Command):
    """A passage moved into another section's citations."""

    def __init__(self, ctx: ProjectContext, passage_id: str, section_id: str, ordinal: int) -> None:
        super().__init__(ctx, _tr("Move passage to section"), PASSAGES, SECTIONS)
        self.passage_id, self.section_id, self.ordinal = passage_id, section_id, ordinal
        self.previous: str | None = None
        ctx.versions.claim("passage", passage_id)

    def do(self) -> None:
        with self.ctx.versions.saving("passage", self.passage_id) as base:
            self.previous = passages.place_passage(
                self.ctx.store, self.passage_id, self.section_id, base_version=base
            )


def add_block(ctx: ProjectContext, section_id: str, kind: str, text: str) -> SectionEdit:
    def do() -> None:
        sections.add_block(ctx.store, section_id, kind, text)

    names = {
        BlockKind.PARAGRAPH: _tr("Add paragraph"),
        BlockKind.LIST: _tr("Add list"),
        BlockKind.CITATIONS: _tr("Add citations block"),
    }
    return SectionEdit(ctx, names.get(BlockKind(kind), _tr("Add block")), do)


def delete_block(ctx: ProjectContext, block_id: str) -> SectionEdit:
    return SectionEdit(
        ctx,
        _tr("Delete block"),
        lambda: sections.delete_block(ctx.store, block_id),
    )


def move_block(ctx: ProjectContext, block_id: str, old: int, new: int) -> SectionEdit:
    def do() -> None:
        with ctx.versions.saving("block", block_id) as base:
            sections.move_block(ctx.store, block_id, new, base_version=base)

    ctx.versions.claim("block", block_id)
    return SectionEdit(ctx, _tr("Move block"), do)


@dataclass(frozen=True)
class BlockFields:
    """What the Blocks panel edits; ``None`` fields are left as they are."""

    text: str | None = None
    lead_in: str | None = None
    comments_lead_in: str | None = None
    numbered: bool | None = None


def update_block(
    ctx: ProjectContext, block_id: str, old: BlockFields, new: BlockFields
) -> SectionEdit:
    def apply(fields: BlockFields) -> None:
        with ctx.versions.saving("block", block_id) as base:
            sections.update_block(
                ctx.store,
                block_id,
                text=fields.text,
                lead_in=fields.lead_in,
                comments_lead_in=fields.comments_lead_in,
                numbered=fields.numbered,
                base_version=base,
            )

    ctx.versions.claim("block", block_id)
    return SectionEdit(ctx, _tr("Edit block"), lambda: apply(new))
