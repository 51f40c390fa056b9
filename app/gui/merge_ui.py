"""File › Merge a colleague's copy…, and Edit › Undo merge.

The merge runs on the project pool (it writes the project) with a progress
dialog, through the window's one writer (:mod:`app.gui.writer`): the views
refresh from the rows it changed. The merge is one operation of the project's journal: Edit ›
Undo merge undoes it, and whatever was done after it, through the journal
and the same helper (the core refuses, changing nothing, if a row changed
behind its back).
"""

from __future__ import annotations

import functools
import logging
import operator
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget

from app.core import journal
from app.core.journal import Changes, replay
from app.core.merge import MergeReport, merge
from app.gui.context import ProjectContext
from app.gui.errors import ask, show_error, show_message
from app.gui.workers import Operation, Progress, busy_dialog
from app.gui.writer import ProjectOperation

logger = logging.getLogger(__name__)

FILTER = "Rejoinder projects (*.rejoinder)"


def _tr(text: str, n: int = -1) -> str:
    """``text`` translated; with ``n``, in the plural form ``n`` takes (``%n`` is ``n``)."""
    return QCoreApplication.translate("merge_ui", text, None, n)


def ask_other_copy(parent: QWidget | None) -> Path | None:
    name, _ = QFileDialog.getOpenFileName(
        parent, _tr("Merge a colleague's copy of this project"), "", FILTER
    )
    return Path(name) if name else None


def merge_copy(
    parent: QWidget | None,
    ctx: ProjectContext,
    other: Path,
    done: Callable[[MergeReport], None],
) -> Operation[MergeReport]:
    """Merge ``other`` into the open project in the background; ``done`` gets the report."""
    text = _tr("Merging “{name}”…").format(name=other.name)
    dialog = busy_dialog(parent, text, _tr("Merge"), maximum=4)
    store = ctx.store

    def work(progress: Progress) -> MergeReport:
        return merge(store, other, progress=progress)

    def progressed(value: int, total: int) -> None:
        dialog.setMaximum(total)
        dialog.setValue(value)

    def finish() -> None:
        dialog.reset()
        dialog.close()
        dialog.deleteLater()

    operation: Operation[MergeReport] = (
        ProjectOperation(parent, ctx, work).progress(progressed).success(done).finally_(finish)
    )
    operation.run_in_background()
    return operation


def report_text(report: MergeReport) -> str:
    # each count in its own plural form: "1 conflict", "2 conflicts" (French "0 conflit")
    text = _tr("Merged: {added}, {changed}, {conflicts}.").format(
        added=_tr("%n added", report.inserted),
        changed=_tr("%n changed", report.updated),
        conflicts=_tr("%n conflict(s)", report.conflicts),
    )
    if report.conflicts:
        text += "\n" + _tr("Both of you changed the same things: choose in Edit › Conflicts…")
    text += "\n" + _tr("A backup of the project before the merge: {path}").format(
        path=str(report.backup)
    )
    return text


def merge_entry(ctx: ProjectContext) -> str | None:
    """The journal entry of the merge just made (the newest operation)."""
    newest = replay.history(ctx.store, limit=1)
    return newest[0].entry_id if newest else None


def _all(steps: list[Changes]) -> Changes:
    return functools.reduce(operator.or_, steps, Changes())


def undo_last_merge(window: QWidget, ctx: ProjectContext, entry_id: str) -> bool:
    """Undo the merge, and every step made after it, through the project's journal.

    Runs through the operation helper, off the GUI thread, as Edit › Undo
    does. False when the user does not confirm.
    """
    if not ask(
        window,
        _tr(
            "Undo the merge? The project goes back to how it was before the merge; "
            "conflicts you resolved since are undone too."
        ),
    ):
        return False
    store = ctx.store

    def work(_progress: Progress) -> Changes:
        changes = _all(replay.undo_through(store, entry_id))
        journal.published(changes)  # the helper refreshes the views from them
        return changes

    def refused(exc: BaseException) -> None:
        show_error(window, exc)
        ctx.reload()  # steps before the refusal are undone

    def undone(_changes: Changes) -> None:
        show_message(window, _tr("The merge was undone."), warning=False)

    ProjectOperation(window, ctx, work).success(undone).failure(refused).run_in_background()
    return True
