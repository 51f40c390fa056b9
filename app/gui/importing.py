"""Importing documents: parse off the GUI thread, confirm the labels, then add.

Every way of adding documents (menu, toolbar, drop on the window, several
files at once) ends here, so tests of this function cover them all. Each file
is imported on its own: one bad file is reported and the others still arrive.
Parsing runs on the file pool with progress and cancel; adding to the project
runs on the project pool, where writes are serialized.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QProgressDialog, QWidget

from app.core.errors import ImportCancelled, RejoinderError
from app.core.services import sources
from app.core.similar import prepare_index
from app.gui.context import ProjectContext
from app.gui.dialogs.import_labels import ImportLabelsDialog, LabelChoice
from app.gui.errors import show_message
from app.gui.workers import Operation, Progress
from app.gui.writer import ProjectOperation
from app.importers.base import CancelToken, ImportedText, ImportOptions
from app.importers.detect import guess_label, import_file
from app.importers.reading import read_path

logger = logging.getLogger(__name__)

# Seconds a PDF's worker processes wait for the window's next import: one
# imports after another then reuse them instead of starting processes.
KEEP_READERS = 300.0


def _tr(text: str) -> str:
    return QCoreApplication.translate("importing", text)


@dataclass(frozen=True)
class Parsed:
    path: Path
    data: bytes
    imported: ImportedText
    label: str


@dataclass
class ImportResult:
    parsed: list[Parsed] = field(default_factory=list)
    added: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    cancelled: bool = False


def _read(path: Path) -> bytes:
    """Regular files only, never more than the size limit (a FIFO would hang the import)."""
    return read_path(path)


def _progress_dialog(parent: QWidget | None, files: int, token: CancelToken) -> QProgressDialog:
    dialog = QProgressDialog(_tr("Reading the documents…"), _tr("Cancel"), 0, 100 * files, parent)
    dialog.setWindowTitle(_tr("Import documents"))
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(400)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.canceled.connect(token.cancel)
    return dialog


def import_files(
    parent: QWidget | None, ctx: ProjectContext, files: list[Path]
) -> Operation[ImportResult]:
    """Start importing ``files``; the returned operation (the parsing) is already running."""
    token = CancelToken()
    dialog = _progress_dialog(parent, len(files), token)

    def parse(progress: Progress) -> ImportResult:
        result = ImportResult()
        for number, path in enumerate(files):

            def report(done: int, total: int, number: int = number) -> None:
                progress(100 * number + (100 * done // max(total, 1)), 100 * len(files))

            try:
                data = _read(path)
                options = ImportOptions(
                    progress=report, cancel=token, prepare=prepare_index, keep_readers=KEEP_READERS
                )
                imported = import_file(data, path.name, options)
                result.parsed.append(Parsed(path, data, imported, guess_label(imported, path.name)))
            except ImportCancelled:
                result.cancelled = True
                result.parsed.clear()
                break
            except RejoinderError as exc:
                result.failures.append(f"{path.name}: {exc}")
            progress(100 * (number + 1), 100 * len(files))
        return result

    def finish() -> None:
        dialog.reset()
        dialog.close()
        dialog.deleteLater()

    operation: Operation[ImportResult] = (
        Operation(parent, parse, pool_name="files")
        .progress(lambda done, _total: dialog.setValue(done))
        .success(lambda result: _confirm(parent, ctx, result))
        .finally_(finish)
    )
    operation.run_in_background()
    return operation


def _confirm(parent: QWidget | None, ctx: ProjectContext, result: ImportResult) -> None:
    """Let the user check the guessed labels, then add the documents."""
    if not result.parsed:
        _report(parent, ctx, result)
        return
    guesses = [LabelChoice(p.path.name, p.label, "submission") for p in result.parsed]
    choices, accepted = ImportLabelsDialog.get_data(parent, guesses)
    if not accepted:
        return
    store = ctx.store

    def add(_progress: Progress) -> ImportResult:
        for parsed, choice in zip(result.parsed, choices, strict=True):
            try:
                result.added.append(
                    sources.add_source(
                        store,
                        parsed.imported,
                        parsed.data,
                        filename=parsed.path.name,
                        label=choice.label,
                        kind=choice.kind,
                    )
                )
            except RejoinderError as exc:
                result.failures.append(f"{parsed.path.name}: {exc}")
        return result

    ProjectOperation(parent, ctx, add).success(
        lambda done: _report(parent, ctx, done)
    ).run_in_background()


def _report(parent: QWidget | None, ctx: ProjectContext, result: ImportResult) -> None:
    """Each import is a step of the journal (Ctrl+Z removes it); the views already show it."""
    if result.added:
        ctx.select_source(result.added[-1])
    if result.failures:
        show_message(
            parent,
            _tr("Some documents were not imported:") + "\n\n" + "\n".join(result.failures),
        )
