"""Exporting the contribution off the GUI thread, with progress, then "Open folder"."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QWidget

from app.core.config import load_settings
from app.gui.context import ProjectContext
from app.gui.dialogs.export import ExportData, ExportDialog
from app.gui.workers import Operation, Progress, busy_dialog


def _tr(text: str) -> str:
    return QCoreApplication.translate("exporting", text)


def ask_and_export(parent: QWidget | None, ctx: ProjectContext) -> None:
    suggested = ctx.store.path.with_suffix(".docx")
    data, accepted = ExportDialog.get_data(parent, suggested, load_settings().template)
    if accepted:
        export(parent, ctx, data)


def export(parent: QWidget | None, ctx: ProjectContext, data: ExportData) -> Operation[Path]:
    from app.exporters.export import export_project

    dialog = busy_dialog(parent, _tr("Writing the Word document…"), _tr("Export"), after_ms=400)
    store = ctx.store

    def work(progress: Progress) -> Path:
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

    def progressed(done: int, total: int) -> None:
        dialog.setMaximum(total)
        dialog.setValue(done)

    def finish() -> None:
        dialog.reset()
        dialog.close()
        dialog.deleteLater()

    operation: Operation[Path] = (
        Operation(parent, work, pool_name="files")
        .progress(progressed)
        .success(lambda path: exported(parent, path))
        .finally_(finish)
    )
    operation.run_in_background()
    return operation


def exported(parent: QWidget | None, path: Path) -> None:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle(_tr("Export"))
    box.setText(_tr("The contribution was saved as {path}.").format(path=str(path)))
    folder = box.addButton(_tr("Open folder"), QMessageBox.ButtonRole.ActionRole)
    box.addButton(QMessageBox.StandardButton.Close)
    box.exec()
    if box.clickedButton() is folder:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent)))
