"""The window's edits, each a thin command over one core service.

A command runs its service once, on the project writer through the one
operation helper (:class:`app.gui.writer.ProjectOperation`, after Anki's
``CollectionOp``): the GUI thread never writes and never waits for the
store's write lock. Undo and redo are the core's, over the project's journal
(:mod:`app.gui.operations`), so they bring back the very same rows (same ids)
whatever the edit was. The views are refreshed from the
:class:`~app.core.journal.Changes` the service's writes published. A command
that fails shows the core's message and changes nothing (:func:`push`).
"""

from __future__ import annotations

import logging
from abc import ABC, abstractmethod
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol, TypeVar

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from app.core import history, rowversion
from app.core.errors import RejoinderError
from app.core.services import passages, responses, sections, shared_answers, sources
from app.gui.context import PASSAGES, RESPONSES, SECTIONS, SOURCES, ProjectContext
from app.gui.errors import show_error
from app.gui.writer import ProjectOperation

logger = logging.getLogger(__name__)


def _tr(text: str) -> str:
    return QCoreApplication.translate("commands", text)


class Command(ABC):
    """One edit: a core service run once (:meth:`do`) on the project writer."""

    def __init__(self, ctx: ProjectContext, text: str, *kinds: str) -> None:
        self.ctx = ctx
        self.label = text
        self.kinds = kinds
        self.error: RejoinderError | None = None

    def text(self) -> str:
        return self.label

    @abstractmethod
    def do(self) -> None:
        """Run the service once; the journal makes it undoable. Runs off the GUI thread."""


C = TypeVar("C", bound=Command)


def push(
    parent: QWidget | None,
    ctx: ProjectContext,
    command: C,
    then: Callable[[C], object] | None = None,
    *,
    failed: Callable[[RejoinderError], object] | None = None,
) -> ProjectOperation[None]:
    """Run ``command`` through the operation helper, off the GUI thread.

    When it is done the views have refreshed from its changes and ``then``
    gets the command (with what :meth:`Command.do` stored on it). A user error
    (the core changed nothing) goes to ``failed``, or is shown over ``parent``.
    Operations run one at a time in the order they were pushed.
    """

    def refused(exc: BaseException) -> None:
        if isinstance(exc, RejoinderError):
            command.error = exc
            logger.info("%s refused: %s", command.label, exc)
            if failed is not None:
                failed(exc)
                return
        show_error(parent, exc)

    operation = ProjectOperation(parent, ctx, lambda _progress: command.do(), *command.kinds)

    def done(_none: None) -> None:
        if then is not None:
            then(command)

    operation.success(done)
    operation.failure(refused)
    operation.run_in_background()
    return operation


class Cite(Command):
    def __init__(
        self, ctx: ProjectContext, source_id: str, start: int, end: int, *, ellipsis: bool = True
    ) -> None:
        super().__init__(ctx, _tr("Cite passage"), PASSAGES, SOURCES, SECTIONS)
        self.source_id, self.start, self.end = source_id, start, end
        self.ellipsis = ellipsis
        self.passage_id: str | None = None

    def do(self) -> None:
        self.passage_id = passages.cite_span(
            self.ctx.store, self.source_id, self.start, self.end, ellipsis=self.ellipsis
        )


class DeletePassage(Command):
    def __init__(self, ctx: ProjectContext, passage_id: str) -> None:
        super().__init__(ctx, _tr("Delete passage"), PASSAGES, SOURCES)
        self.passage_id = passage_id

    def do(self) -> None:
        passages.delete_passage(self.ctx.store, self.passage_id)


class MovePassage(Command):
    def __init__(self, ctx: ProjectContext, passage_id: str, old: int, new: int) -> None:
        super().__init__(ctx, _tr("Reorder passages"), PASSAGES)
        self.passage_id, self.old, self.new = passage_id, old, new
        ctx.versions.claim("passage", passage_id)

    def do(self) -> None:
        with self.ctx.versions.saving("passage", self.passage_id) as base:
            passages.move_passage(self.ctx.store, self.passage_id, self.new, base_version=base)


class SetQuote(Command):
    def __init__(self, ctx: ProjectContext, passage_id: str, old: str, new: str) -> None:
        super().__init__(ctx, _tr("Edit printed quote"), PASSAGES)
        self.passage_id, self.old, self.new = passage_id, old, new
        ctx.versions.claim("passage", passage_id)

    def do(self) -> None:
        with self.ctx.versions.saving("passage", self.passage_id) as base:
            passages.set_quote(self.ctx.store, self.passage_id, self.new, base_version=base)


@dataclass(frozen=True)
class ResponseState:
    text: str
    position: str
    status: str
    proposed_change: str = ""


class Versioned(Protocol):
    """A save of a response: the version it named, and the one it left (None until done)."""

    base_version: int | None
    version: int | None


class Respond(Command):
    """An edit of a response; its status changes only through the workflow's door.

    Only the fields this edit changed are sent, with the version of the
    response the editor showed (``base_version``, on a team server): a
    colleague's save in between makes a conflict, never a silent overwrite.
    """

    def __init__(
        self,
        ctx: ProjectContext,
        passage_id: str,
        old: ResponseState,
        new: ResponseState,
        base_version: int | None = None,
    ) -> None:
        super().__init__(ctx, _tr("Edit response"), RESPONSES, SOURCES)
        self.passage_id, self.old, self.new = passage_id, old, new
        self.base_version = base_version
        self.version: int | None = None
        # a save typed while this one's predecessor was still on its way starts from its version
        self.follows: Versioned | None = None

    def _apply(self, state: ResponseState) -> None:
        # The status has its own workflow (review_commands.SetStatus); only a
        # step that changed it may set it here.
        def changed(field: str) -> str | None:
            value: str = getattr(state, field)
            return value if getattr(self.old, field) != value else None

        fresh = self.base_version == rowversion.ABSENT
        saved = responses.save_response(
            self.ctx.store,
            self.passage_id,
            state.text if fresh else changed("text"),
            position=state.position if fresh else changed("position"),
            status=changed("status"),
            proposed_change=state.proposed_change if fresh else changed("proposed_change"),
            base_version=self.base_version,
            # text typed in a burst is one undo step; a new position or status is its own
            typing=self.old.status == self.new.status and self.old.position == self.new.position,
        )
        self.version = saved.version

    def do(self) -> None:
        before = self.follows
        if before is not None and self.base_version is not None:
            self.base_version = (
                before.version if before.version is not None else before.base_version
            )
        self.follows = None
        self._apply(self.new)


class RestoreRevision(Command):
    """An earlier text made current; the text it replaces is kept as history."""

    def __init__(
        self, ctx: ProjectContext, passage_id: str, revision_id: str, replaced: str
    ) -> None:
        super().__init__(
            ctx,
            QCoreApplication.translate("review_commands", "Restore earlier text"),
            RESPONSES,
            SOURCES,
            PASSAGES,
        )
        self.passage_id, self.revision_id, self.replaced = passage_id, revision_id, replaced

    def do(self) -> None:
        history.restore_revision(self.ctx.store, self.revision_id)


class ShareAnswer(Command):
    """ "Same answer as…": the passage shares another's answer; undo gives it its own back."""

    def __init__(self, ctx: ProjectContext, passage_id: str, other_id: str) -> None:
        super().__init__(ctx, _tr("Same answer as"), PASSAGES, RESPONSES, SOURCES)
        self.passage_id, self.other_id = passage_id, other_id

    def do(self) -> None:
        shared_answers.share_answer(self.ctx.store, self.passage_id, self.other_id)


class RenameSource(Command):
    def __init__(self, ctx: ProjectContext, source_id: str, old: str, new: str) -> None:
        super().__init__(ctx, _tr("Rename source"), SOURCES, SECTIONS, PASSAGES)
        self.source_id, self.old, self.new = source_id, old, new

    def do(self) -> None:
        sources.rename_source(self.ctx.store, self.source_id, self.new)


class MoveSource(Command):
    def __init__(self, ctx: ProjectContext, source_id: str, old: int, new: int) -> None:
        super().__init__(ctx, _tr("Reorder sources"), SOURCES, SECTIONS, PASSAGES)
        self.source_id, self.old, self.new = source_id, old, new

    def do(self) -> None:
        sources.move_source(self.ctx.store, self.source_id, self.new)


class RemoveSource(Command):
    def __init__(self, ctx: ProjectContext, source_id: str, text: str | None = None) -> None:
        super().__init__(ctx, text or _tr("Remove source"), SOURCES, SECTIONS, PASSAGES)
        self.source_id = source_id

    def do(self) -> None:
        sources.remove_source(self.ctx.store, self.source_id)


class SectionEdit(Command):
    """Any change to the outline, given as the callable that makes it."""

    def __init__(self, ctx: ProjectContext, text: str, do: Callable[[], object]) -> None:
        super().__init__(ctx, text, SECTIONS)
        self._do = do

    def do(self) -> None:
        self._do()


def add_section(ctx: ProjectContext, heading: str) -> SectionEdit:
    return SectionEdit(ctx, _tr("Add section"), lambda: sections.add_section(ctx.store, heading))
