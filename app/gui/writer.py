"""The one helper through which the window's background work writes the project.

After Anki's ``CollectionOp``: ``ProjectOperation(parent, ctx, work)`` runs
``work`` on the project's single writer thread (the ``project`` pool of
:mod:`app.gui.workers`, one task at a time, so writes are serialized),
gathers the :class:`~app.core.journal.Changes` of every write it made, and on
the GUI thread hands them to :meth:`ProjectContext.apply
<app.gui.context.ProjectContext.apply>` before the caller's success callback
runs: the views refresh from what changed, the Undo action names the step,
a current item that is gone is forgotten. Errors are shown (or given to the
caller's failure callback) and logged by :class:`~app.gui.workers.Operation`.

A merge, a Word review import, adding imported documents and a new version of
a source all go through here; none of them needs its own way of telling the
views.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, Protocol, TypeVar, cast

from PySide6.QtWidgets import QWidget

from app.core import journal
from app.core.journal import Changes, replay
from app.core.store import ProjectStore
from app.gui.workers import Operation, Progress

logger = logging.getLogger(__name__)

T = TypeVar("T")


class Applies(Protocol):
    """What the helper needs of the open project (``ProjectContext``)."""

    store: ProjectStore

    def apply(
        self, changes: Changes, *kinds: str, steps: tuple[str | None, str | None] | None = None
    ) -> None: ...


@dataclass(frozen=True)
class _Collected(Generic[T]):
    result: T
    changes: Changes
    steps: tuple[str | None, str | None] | None  # what Undo and Redo would now take back


def _steps(store: ProjectStore) -> tuple[str | None, str | None] | None:
    """The Undo and Redo labels, read after the write on the writer thread (not the GUI's).

    ``None`` when they cannot be read here (the GUI thread reads them then): the
    write itself succeeded and must not be reported as failed.
    """
    try:
        return replay.can_undo(store), replay.can_redo(store)
    except Exception:
        logger.exception("the undo and redo labels could not be read after the operation")
        return None


class ProjectOperation(Operation[T]):
    """``ProjectOperation(parent, ctx, work).success(cb).run_in_background()``.

    ``work`` receives a progress callback and runs on the project writer;
    :attr:`changes` holds what it changed once it has finished. ``kinds``
    names views to refresh beyond those the changed tables feed (a count a
    panel shows). Nothing in the window writes the project any other way: the
    GUI thread never waits for the store's write lock (an import may hold it).
    """

    def __init__(
        self,
        parent: QWidget | None,
        ctx: Applies,
        work: Callable[[Progress], T],
        *kinds: str,
    ) -> None:
        self._ctx = ctx
        self._kinds = kinds
        self._collector: journal.Collector | None = None
        self.changes = Changes()

        store = ctx.store

        def collected(progress: Progress) -> _Collected[T]:
            with journal.collect() as collector:
                self._collector = collector
                result = work(progress)
            return _Collected(result, collector.changes, _steps(store))

        super().__init__(parent, cast(Callable[[Progress], T], collected), pool_name="project")

    def _finished(self, result: object) -> None:
        collected = cast(_Collected[T], result)
        self.changes = collected.changes
        counts = {table: len(ids) for table, ids in collected.changes.ids.items() if ids}
        logger.info("operation %r changed %s", collected.changes.label, counts or "nothing")
        self._ctx.apply(collected.changes, *self._kinds, steps=collected.steps)
        super()._finished(collected.result)

    def _failed(self, exc: object) -> None:
        """What the work wrote before it failed (earlier files of an import) is still shown."""
        if self._collector is not None and self._collector.changes:
            self.changes = self._collector.changes
            self._ctx.apply(self.changes, *self._kinds)
        super()._failed(exc)
