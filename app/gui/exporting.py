"""Exporting the contribution off the GUI thread, with progress, then "Open folder".

A final export also records what was sent (``app.exporters.final``), so it
runs through the operation helper; the views then learn that the project
changed (the record is an undoable step, and the Passages panel's "changed
since sent" marks are reset).
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from app.core import sending
from app.core.config import load_settings
from app.gui.context import PASSAGES, ProjectContext
from app.gui.dialogs.export import ExportData, ExportDialog, SentBefore
from app.gui.preflight_panel import go_to_problem
from app.gui.workers import Operation, Progress, busy_dialog
from app.gui.writer import ProjectOperation

if TYPE_CHECKING:
    from app.exporters.export import ExportCheck

logger = logging.getLogger(__name__)


def _tr(text: str) -> str:
    return QCoreApplication.translate("exporting", text)


def sent_before(ctx: ProjectContext) -> SentBefore | None:
    """The last final export and the number of changes since, for the dialog's offer."""
    last = sending.last_sent(ctx.store)
    if last is None:
        return None
    count = len(sending.changes_since(ctx.store, last.id))
    return SentBefore(last.name, last.sent_at, last.revision_no, count)


def ask_and_export(parent: QWidget | None, ctx: ProjectContext) -> None:
    """The Export dialog, with preflight's findings filled in off the GUI thread.

    A click on a problem closes the dialog and shows what it is about.
    """
    suggested = ctx.store.path.with_suffix(".docx")
    dialog = ExportDialog(parent, suggested, load_settings().template, sent_before(ctx))
    check_before_export(dialog, ctx)
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    if dialog.chosen_problem is not None:
        go_to_problem(ctx, dialog.chosen_problem)
    elif accepted:
        export(parent, ctx, dialog.data())


def check_before_export(dialog: ExportDialog, ctx: ProjectContext) -> Operation[ExportCheck]:
    """Run preflight and count what would be left out, then show it in ``dialog``."""
    from app.exporters.export import export_check

    store = ctx.store
    operation: Operation[ExportCheck] = Operation(
        dialog, lambda _progress: export_check(store), pool_name="files"
    ).success(dialog.show_check)
    operation.run_in_background()
    return operation


def export(parent: QWidget | None, ctx: ProjectContext, data: ExportData) -> Operation[Path]:
    from app.exporters.export import export_project
    from app.exporters.final import export_final

    dialog = busy_dialog(parent, _tr("Writing the Word document…"), _tr("Export"), after_ms=400)
    store = ctx.store
    recorded: list[sending.SentInfo] = []

    def work(progress: Progress) -> Path:
        if data.final:
            result = export_final(
                store,
                data.path,
                layout=data.layout,
                template=data.template,
                revised=data.revised,
                progress=progress,
            )
            recorded.append(result.sent)
            return data.path
        export_project(
            store,
            data.path,
            layout=data.layout,
            template=data.template,
            review_copy=data.review_copy,
            include_drafts=data.include_drafts,
            progress=progress,
        )
        return data.path

    def done(path: Path) -> None:
        exported(parent, path, recorded[0] if recorded else None)

    def progressed(done: int, total: int) -> None:
        dialog.setMaximum(total)
        dialog.setValue(done)

    def finish() -> None:
        dialog.reset()
        dialog.close()
        dialog.deleteLater()

    # A final export records what was sent: a write, so it goes through the operation
    # helper (one writer; the views and the Undo action follow from its changes).
    operation: Operation[Path] = (
        ProjectOperation(parent, ctx, work, PASSAGES)
        if data.final
        else Operation(parent, work, pool_name="files")
    )
    operation.progress(progressed).success(done).finally_(finish)
    operation.run_in_background()
    return operation


def exported(parent: QWidget | None, path: Path, sent: sending.SentInfo | None = None) -> None:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle(_tr("Export"))
    text = _tr("The contribution was saved as {path}.").format(path=str(path))
    if sent is not None:
        text += " " + _tr("It is recorded as sent ({name}, sha256 {sha}…).").format(
            name=sent.name, sha=sent.sha256[:12]
        )
    box.setText(text)
    folder = box.addButton(_tr("Open folder"), QMessageBox.ButtonRole.ActionRole)
    box.addButton(QMessageBox.StandardButton.Close)
    box.exec()
    if box.clickedButton() is folder:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent)))
