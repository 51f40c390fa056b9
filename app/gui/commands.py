"""Undoable edits, each a thin command over one core service.

The core keeps deleted rows as tombstones, so undoing a deletion restores the
very same rows (same ids, so merges stay right) instead of re-creating them.
A command that fails on ``redo`` shows the core's message and leaves the
stack unchanged (:func:`push`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QWidget

from app.core.errors import RejoinderError
from app.core.services import passages, responses, sections, sources
from app.gui.context import PASSAGES, RESPONSES, SECTIONS, SOURCES, ProjectContext
from app.gui.errors import show_error

RESPOND_ID = 1001


def _tr(text: str) -> str:
    return QCoreApplication.translate("commands", text)


class Command(QUndoCommand):
    """Runs a service on redo/undo, then tells the views what changed."""

    def __init__(self, ctx: ProjectContext, text: str, *kinds: str) -> None:
        super().__init__(text)
        self.ctx = ctx
        self.kinds = kinds
        self.error: RejoinderError | None = None

    def do(self) -> None:
        raise NotImplementedError

    def revert(self) -> None:
        raise NotImplementedError

    def redo(self) -> None:
        try:
            self.do()
        except RejoinderError as exc:
            self.error = exc
            self.setObsolete(True)
            return
        self.ctx.notify(*self.kinds)

    def undo(self) -> None:
        self.revert()
        self.ctx.notify(*self.kinds)


def push(parent: QWidget | None, ctx: ProjectContext, command: Command) -> bool:
    """Push ``command``; on a user error show the message and keep the stack as it was."""
    ctx.undo_stack.push(command)
    if command.error is not None:
        show_error(parent, command.error)
        return False
    return True


class Cite(Command):
    def __init__(self, ctx: ProjectContext, source_id: str, start: int, end: int) -> None:
        super().__init__(ctx, _tr("Cite passage"), PASSAGES, SOURCES, SECTIONS)
        self.source_id, self.start, self.end = source_id, start, end
        self.passage_id: str | None = None

    def do(self) -> None:
        if self.passage_id is None:
            self.passage_id = passages.cite_span(
                self.ctx.store, self.source_id, self.start, self.end
            )
        else:
            passages.restore_passage(self.ctx.store, self.passage_id)

    def revert(self) -> None:
        assert self.passage_id is not None
        passages.delete_passage(self.ctx.store, self.passage_id)


class DeletePassage(Command):
    def __init__(self, ctx: ProjectContext, passage_id: str) -> None:
        super().__init__(ctx, _tr("Delete passage"), PASSAGES, SOURCES)
        self.passage_id = passage_id

    def do(self) -> None:
        passages.delete_passage(self.ctx.store, self.passage_id)

    def revert(self) -> None:
        passages.restore_passage(self.ctx.store, self.passage_id)


class MovePassage(Command):
    def __init__(self, ctx: ProjectContext, passage_id: str, old: int, new: int) -> None:
        super().__init__(ctx, _tr("Reorder passages"), PASSAGES)
        self.passage_id, self.old, self.new = passage_id, old, new

    def do(self) -> None:
        passages.move_passage(self.ctx.store, self.passage_id, self.new)

    def revert(self) -> None:
        passages.move_passage(self.ctx.store, self.passage_id, self.old)


class SetQuote(Command):
    def __init__(self, ctx: ProjectContext, passage_id: str, old: str, new: str) -> None:
        super().__init__(ctx, _tr("Edit printed quote"), PASSAGES)
        self.passage_id, self.old, self.new = passage_id, old, new

    def do(self) -> None:
        passages.set_quote(self.ctx.store, self.passage_id, self.new)

    def revert(self) -> None:
        passages.set_quote(self.ctx.store, self.passage_id, self.old)


@dataclass(frozen=True)
class ResponseState:
    text: str
    position: str
    status: str
    proposed_change: str = ""


class Respond(Command):
    """Consecutive edits of one response merge into one undo step."""

    def __init__(
        self, ctx: ProjectContext, passage_id: str, old: ResponseState, new: ResponseState
    ) -> None:
        super().__init__(ctx, _tr("Edit response"), RESPONSES, SOURCES)
        self.passage_id, self.old, self.new = passage_id, old, new

    def id(self) -> int:
        return RESPOND_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, Respond) or other.passage_id != self.passage_id:
            return False
        self.new = other.new
        return True

    def _apply(self, state: ResponseState) -> None:
        # The status has its own workflow (review_commands.SetStatus); only a
        # step that changed it may set it here.
        status_changed = self.old.status != self.new.status
        responses.respond(
            self.ctx.store,
            self.passage_id,
            state.text,
            position=state.position,
            status=state.status if status_changed else None,
            proposed_change=state.proposed_change,
        )

    def do(self) -> None:
        self._apply(self.new)

    def revert(self) -> None:
        self._apply(self.old)


class RenameSource(Command):
    def __init__(self, ctx: ProjectContext, source_id: str, old: str, new: str) -> None:
        super().__init__(ctx, _tr("Rename source"), SOURCES, SECTIONS, PASSAGES)
        self.source_id, self.old, self.new = source_id, old, new

    def do(self) -> None:
        sources.rename_source(self.ctx.store, self.source_id, self.new)

    def revert(self) -> None:
        sources.rename_source(self.ctx.store, self.source_id, self.old)


class MoveSource(Command):
    def __init__(self, ctx: ProjectContext, source_id: str, old: int, new: int) -> None:
        super().__init__(ctx, _tr("Reorder sources"), SOURCES, SECTIONS, PASSAGES)
        self.source_id, self.old, self.new = source_id, old, new

    def do(self) -> None:
        sources.move_source(self.ctx.store, self.source_id, self.new)

    def revert(self) -> None:
        sources.move_source(self.ctx.store, self.source_id, self.old)


class RemoveSource(Command):
    def __init__(self, ctx: ProjectContext, source_id: str, text: str | None = None) -> None:
        super().__init__(ctx, text or _tr("Remove source"), SOURCES, SECTIONS, PASSAGES)
        self.source_id = source_id

    def do(self) -> None:
        sources.remove_source(self.ctx.store, self.source_id)

    def revert(self) -> None:
        sources.restore_source(self.ctx.store, self.source_id)


class ImportedSource(Command):
    """Recorded after a background import added a source: undo removes it again."""

    def __init__(self, ctx: ProjectContext, source_id: str) -> None:
        super().__init__(ctx, _tr("Import document"), SOURCES, SECTIONS, PASSAGES)
        self.source_id = source_id
        self.first = True

    def do(self) -> None:
        if self.first:
            self.first = False
            return
        sources.restore_source(self.ctx.store, self.source_id)

    def revert(self) -> None:
        sources.remove_source(self.ctx.store, self.source_id)


class SectionEdit(Command):
    """Any change to the outline given as a pair of callables (do, undo)."""

    def __init__(
        self, ctx: ProjectContext, text: str, do: Callable[[], None], undo: Callable[[], None]
    ) -> None:
        super().__init__(ctx, text, SECTIONS)
        self._do, self._undo = do, undo

    def do(self) -> None:
        self._do()

    def revert(self) -> None:
        self._undo()


def add_section(ctx: ProjectContext, heading: str) -> SectionEdit:
    """Redo after undo brings back the same section (same id), not a new one."""
    created: list[str] = []

    def do() -> None:
        if created:
            sections.restore_section(ctx.store, created[0])
        else:
            created.append(sections.add_section(ctx.store, heading))

    def undo() -> None:
        sections.delete_section(ctx.store, created[0])

    return SectionEdit(ctx, _tr("Add section"), do, undo)
