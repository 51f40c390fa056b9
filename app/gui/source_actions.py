"""File › Save a copy, and the Source menu: import a new version, show the original file.

A new version (a party's Rev.1) is parsed off the GUI thread like any import;
re-anchoring the passages then runs on the project pool, and the report says
how many moved and which could not be found — those stay in the Passages
panel marked ✗, never deleted.
"""

from __future__ import annotations

import logging
import tempfile
from pathlib import Path

from PySide6.QtCore import QObject, QUrl
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMenu

from app.core.services import sources
from app.core.services.sources import ReanchorReport
from app.core.similar import prepare_index
from app.core.store import SUFFIX
from app.gui.context import ProjectContext
from app.gui.dialogs.placements import PlacementsDialog
from app.gui.errors import show_message
from app.gui.importing import KEEP_READERS
from app.gui.shell import Shell, Workbench
from app.gui.workers import Operation, Progress
from app.gui.writer import ProjectOperation
from app.importers.base import ImportOptions
from app.importers.detect import import_file
from app.importers.reading import read_path

logger = logging.getLogger(__name__)

DOCUMENT_FILTER = "Documents (*.pdf *.docx *.odt *.html *.htm *.txt *.md);;All files (*)"


class SourceActions(QObject):
    """File › Save a copy and the Source menu, registered with the shell."""

    def __init__(self, shell: Shell, ctx: ProjectContext, workbench: Workbench) -> None:
        super().__init__(shell)
        self.shell = shell
        self.workbench = workbench
        self.window = shell.window
        self.ctx = ctx
        self.save_copy_action = QAction(self.tr("Save a &copy…"), self.window)
        shell.add_action(shell.menus.file, self.save_copy_action, before=shell.menus.close_action)
        self.menu = QMenu(self.tr("&Source"), self.window)
        shell.add_menu(self.menu, before=shell.menus.view)
        self.version_action = self.menu.addAction(self.tr("Import new &version…"))
        self.original_action = self.menu.addAction(self.tr("Show &original file"))
        self.placements_action = self.menu.addAction(self.tr("Check &placements…"))
        self.placements_action.triggered.connect(lambda: self.check_placements())
        self.save_copy_action.triggered.connect(self.ask_save_copy)
        self.version_action.triggered.connect(self.ask_new_version)
        self.original_action.triggered.connect(self.show_original)
        self.last_report: ReanchorReport | None = None
        self.placements_dialog: PlacementsDialog | None = None

    def ask_save_copy(self) -> None:
        current = self.ctx.store.path
        name, _ = QFileDialog.getSaveFileName(
            self.window,
            self.tr("Save a copy of the project"),
            str(current.with_name(f"{current.stem} copy{SUFFIX}")),
            "Rejoinder projects (*.rejoinder)",
        )
        if name:
            self.save_copy(Path(name))

    def save_copy(self, target: Path) -> None:
        """Copy through SQLite's backup API; the open project stays the one being edited."""
        if target.suffix != SUFFIX:
            target = target.with_name(target.name + SUFFIX)
        store = self.ctx.store

        def work(_progress: Progress) -> Path:
            store.save_copy(target)
            return target

        Operation(self.window, work).success(
            lambda path: self.shell.status_message(
                self.tr("A copy was saved as {path}.").format(path=str(path))
            )
        ).run_in_background()

    def ask_new_version(self) -> None:
        if self.ctx.source_id is None:
            show_message(self.window, self.tr("Choose the source that has a new version first."))
            return
        name, _ = QFileDialog.getOpenFileName(
            self.window, self.tr("Import a new version"), "", DOCUMENT_FILTER
        )
        if name:
            self.import_version(self.ctx.source_id, Path(name))

    def import_version(self, source_id: str, path: Path) -> None:
        """Parse ``path``, add it as the source's new version, then report the re-anchoring."""
        store = self.ctx.store

        def work(_progress: Progress) -> ReanchorReport:
            data = read_path(path)
            options = ImportOptions(prepare=prepare_index, keep_readers=KEEP_READERS)
            imported = import_file(data, path.name, options)
            return sources.add_version(store, source_id, imported, data, filename=path.name)

        ProjectOperation(self.window, self.ctx, work).success(self._reanchored).run_in_background()

    def _reanchored(self, report: ReanchorReport) -> None:
        self.last_report = report
        self.workbench.show_source(report.source_id)  # its text is the new version's
        lines = [
            self.tr("The new version was imported."),
            self.tr("Passages found at a new place: {n}.").format(n=report.moved),
            self.tr("Passages re-attached by approximate match (check them): {n}.").format(
                n=report.fuzzy
            ),
        ]
        if report.orphans:
            lines.append(
                self.tr(
                    "Passages not found in the new version: {n}. They are kept and marked ✗ "
                    "in the Passages panel."
                ).format(n=len(report.orphans))
            )
        show_message(self.window, "\n".join(lines), warning=bool(report.orphans))
        if report.fuzzy or report.orphans:
            self.check_placements(report.source_id)

    def check_placements(self, source_id: str | None = None) -> PlacementsDialog:
        """The placements that wait for a decision (all sources', from the menu)."""
        if self.placements_dialog is not None:
            self.placements_dialog.close()
        self.placements_dialog = PlacementsDialog.review(self.window, self.ctx, source_id)
        self.placements_dialog.destroyed.connect(self._placements_closed)
        return self.placements_dialog

    def _placements_closed(self) -> None:
        self.placements_dialog = None

    def show_original(self) -> Path | None:
        """Write the original file to a temporary folder and open it with the system viewer."""
        if self.ctx.source_id is None:
            return None
        filename, data = sources.original_bytes(self.ctx.store, self.ctx.source_id)
        if not data:
            show_message(self.window, self.tr("This source was pasted: there is no original file."))
            return None
        folder = Path(tempfile.mkdtemp(prefix="rejoinder-original-"))
        target = folder / (Path(filename).name or "original")
        target.write_bytes(data)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(target)))
        return target

    def dispose(self) -> None:
        """The shell takes back the menu and the action; the menu itself goes too."""
        self.menu.deleteLater()
        self.deleteLater()
