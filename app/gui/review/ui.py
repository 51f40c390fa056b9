"""The Word review round trip: export a review copy, import it annotated, decide proposals.

A senior colleague who only reads Word comments and edits with track
changes. Importing brings the comments in as notes; an edited response
becomes a proposal shown next to the current text, accepted or declined by
the user in :class:`~app.gui.review.proposals.ProposalsDialog`, never
applied silently. What cannot be placed is listed.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QFileDialog,
    QWidget,
)

from app.core import markup
from app.core.services import review_import
from app.core.services.review_import import ReviewImportReport
from app.gui import exporting
from app.gui.context import ProjectContext
from app.gui.dialogs.export import ExportData
from app.gui.errors import show_message
from app.gui.review.proposals import KEPT_CURRENT as KEPT_CURRENT
from app.gui.review.proposals import ProposalsDialog as ProposalsDialog
from app.gui.workers import Operation, Progress, busy_dialog
from app.gui.writer import ProjectOperation

logger = logging.getLogger(__name__)

WORD_FILTER = "Word documents (*.docx)"


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
