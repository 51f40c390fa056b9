"""Importing documents: parse off the GUI thread, with progress and cancel.

Every way of adding documents (menu, toolbar, drop on the window, several
files at once) ends here, so tests of this function cover them all. Each file
is imported on its own: one bad file is reported and the others still arrive.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QProgressDialog, QWidget

from app.core.errors import ImportCancelled, RejoinderError
from app.core.services import sources
from app.gui.commands import ImportedSource
from app.gui.context import ProjectContext
from app.gui.errors import show_message
from app.gui.workers import Operation, Progress
from app.importers.base import CancelToken, ImportOptions
from app.importers.detect import guess_label, import_file


def _tr(text: str) -> str:
    return QCoreApplication.translate("importing", text)


@dataclass
class ImportResult:
    added: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    cancelled: bool = False


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise RejoinderError(
            _tr("“{name}” cannot be read: {reason}.").format(
                name=path.name, reason=exc.strerror or exc
            )
        ) from exc


def import_files(
    parent: QWidget | None, ctx: ProjectContext, files: list[Path]
) -> Operation[ImportResult]:
    """Start importing ``files``; the returned operation is already running."""
    token = CancelToken()
    dialog = QProgressDialog(_tr("Importing…"), _tr("Cancel"), 0, 100 * len(files), parent)
    dialog.setWindowTitle(_tr("Import documents"))
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(400)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.canceled.connect(token.cancel)
    store = ctx.store

    def work(progress: Progress) -> ImportResult:
        result = ImportResult()
        for number, path in enumerate(files):

            def report(done: int, total: int, number: int = number) -> None:
                progress(100 * number + (100 * done // max(total, 1)), 100 * len(files))

            try:
                data = _read(path)
                imported = import_file(
                    data, path.name, ImportOptions(progress=report, cancel=token)
                )
                label = guess_label(imported, path.name)
                result.added.append(
                    sources.add_source(store, imported, data, filename=path.name, label=label)
                )
            except ImportCancelled:
                result.cancelled = True
                break
            except RejoinderError as exc:
                result.failures.append(f"{path.name}: {exc}")
            progress(100 * (number + 1), 100 * len(files))
        return result

    def done(result: ImportResult) -> None:
        for source_id in result.added:
            ctx.undo_stack.push(ImportedSource(ctx, source_id))
        if result.added:
            ctx.notify()
            ctx.select_source(result.added[-1])
        if result.failures:
            show_message(
                parent,
                _tr("Some documents were not imported:") + "\n\n" + "\n".join(result.failures),
            )

    def finish() -> None:
        dialog.reset()
        dialog.close()
        dialog.deleteLater()

    operation: Operation[ImportResult] = (
        Operation(parent, work, pool_name="files")
        .progress(lambda done, total: dialog.setValue(done))
        .success(done)
        .finally_(finish)
    )
    operation.run_in_background()
    return operation
