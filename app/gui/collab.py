"""Working as a delegation: the Notes and Blocks docks, merge, Word review, shared folders.

A feature of the workspace: it registers its docks and menu items with the
:class:`~app.gui.shell.Shell`, as :class:`SourceActions` does for sources,
so the workspace stays a list of panels. Also watches for the two ways a
shared folder loses work: where the file lives (warned once on opening) and
another program writing the file while it is open (asked when the window
becomes active again).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import cast

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QLabel, QMenu, QToolBar

from app.core.errors import ProjectReplacedError, RejoinderError
from app.core.journal.replay import is_done
from app.core.merge import MergeReport, list_conflicts
from app.core.sharedfolder import detect_risks
from app.gui import merge_ui
from app.gui.blocks_panel import BlocksPanel
from app.gui.context import ProjectContext
from app.gui.dialogs.conflicts import ConflictsDialog
from app.gui.errors import add_error_handler, remove_error_handler, show_message
from app.gui.notes_panel import NotesPanel
from app.gui.replaced import ask_to_merge
from app.gui.review import ui as review_ui
from app.gui.shell import Shell, Workbench

logger = logging.getLogger(__name__)


class Collaboration(QObject):
    def __init__(self, shell: Shell, ctx: ProjectContext, workbench: Workbench) -> None:
        super().__init__(shell)
        self.shell = shell
        self.workbench = workbench
        self.window = shell.window
        self.ctx = ctx
        self.last_merge: MergeReport | None = None
        self.merge_entry: str | None = None
        self.disk_warning_shown: str | None = None
        right = Qt.DockWidgetArea.RightDockWidgetArea
        self.notes = NotesPanel(self.ctx)
        self.blocks = BlocksPanel(self.ctx)
        self.notes_dock = shell.add_dock(
            "NotesDock", self.tr("Notes"), self.notes, right, tabify_with="OutlineDock"
        )
        self.blocks_dock = shell.add_dock(
            "BlocksDock", self.tr("Blocks"), self.blocks, right, tabify_with="OutlineDock"
        )
        ctx.section_selected.connect(self.blocks.set_section)
        self.blocks.set_section(ctx.section_id)
        self.notes.proposals_requested.connect(self.show_proposals)
        self._build_menus()
        self.banner: QToolBar | None = None
        self._warn_about_location()
        self._app().applicationStateChanged.connect(self._application_state)
        add_error_handler(self._handle_error)

    @staticmethod
    def _app() -> QGuiApplication:
        return cast(QGuiApplication, QGuiApplication.instance())

    def _build_menus(self) -> None:
        menus = self.shell.menus
        file_menu, edit_menu, before = menus.file, menus.edit, menus.close_action

        def add(
            menu: QMenu, text: str, slot: Callable[[], None], before: QAction | None = None
        ) -> QAction:
            action = QAction(text, self.window)
            action.triggered.connect(slot)
            return self.shell.add_action(menu, action, before=before)

        self.merge_action = add(
            file_menu, self.tr("&Merge a colleague's copy…"), self.ask_merge, before
        )
        self.import_review_action = add(
            file_menu, self.tr("Import &Word review…"), self.ask_import_review, before
        )
        self.export_review_action = add(
            file_menu, self.tr("Export re&view copy…"), self.ask_export_review, before
        )
        self.shell.add_separator(edit_menu)
        self.undo_merge_action = add(edit_menu, self.tr("Undo &merge"), self.undo_merge)
        self.undo_merge_action.setEnabled(False)
        self.conflicts_action = add(edit_menu, self.tr("&Conflicts…"), self.show_conflicts)
        self.proposals_action = add(
            edit_menu, self.tr("&Proposals from the Word review…"), lambda: self.show_proposals()
        )
        self.ctx.undo_stack.indexChanged.connect(self._edited)

    # -- merge --------------------------------------------------------------------

    def ask_merge(self) -> None:
        other = merge_ui.ask_other_copy(self.window)
        if other is not None:
            self.merge_copy(other)

    def merge_copy(self, other: Path) -> None:
        """Merge ``other`` into the open project in the background, then report."""
        self.workbench.flush()
        merge_ui.merge_copy(self.window, self.ctx, other, self.merged)

    def merged(self, report: MergeReport) -> None:
        self.last_merge = report
        self.merge_entry = merge_ui.merge_entry(self.ctx)
        self.undo_merge_action.setEnabled(self.merge_entry is not None)
        show_message(self.window, merge_ui.report_text(report), warning=False)
        if report.conflicts:
            self.show_conflicts()

    def _edited(self, _index: int = 0) -> None:
        """Undo merge is offered while the merge is in the journal and not undone."""
        entry = self.merge_entry
        self.undo_merge_action.setEnabled(entry is not None and is_done(self.ctx.store, entry))

    def undo_merge(self) -> None:
        if self.merge_entry is not None:
            merge_ui.undo_last_merge(self.window, self.ctx, self.merge_entry)
            self._edited()

    def show_conflicts(self) -> None:
        if not list_conflicts(self.ctx.store):
            show_message(self.window, self.tr("There are no conflicts to decide."), warning=False)
            return
        ConflictsDialog(self.window, self.ctx).exec()

    # -- Word review ----------------------------------------------------------------

    def ask_import_review(self) -> None:
        self.workbench.flush()
        review_ui.ask_import_review(self.window, self.ctx)

    def ask_export_review(self) -> None:
        self.workbench.flush()
        review_ui.ask_export_review_copy(self.window, self.ctx)

    def show_proposals(self, response_id: str | None = None) -> None:
        review_ui.ProposalsDialog(self.window, self.ctx, response_id).exec()

    # -- shared folders -------------------------------------------------------------

    def _warn_about_location(self) -> None:
        """A banner, not a dialog: the user may know and accept the risk, and keep working."""
        risks = detect_risks(self.ctx.store.path)
        if not risks:
            return
        self.banner = QToolBar(self.tr("Warning"), self.window)
        self.banner.setObjectName("SharedFolderBanner")
        self.banner.setMovable(False)
        label = QLabel("⚠ " + " ".join(risks))
        label.setWordWrap(True)
        label.setStyleSheet("padding: 4px; background: #fff4ce; color: #3b2e00;")
        self.banner.addWidget(label)
        dismiss = self.banner.addAction(self.tr("Dismiss"))
        dismiss.triggered.connect(self._remove_banner)
        self.shell.add_toolbar(self.banner, own_row=True)
        self.banner.show()  # a child added to a window already shown stays hidden otherwise

    def _remove_banner(self) -> None:
        if self.banner is not None:
            self.shell.remove_toolbar(self.banner)
            self.banner = None

    def _application_state(self, state: Qt.ApplicationState) -> None:
        if state == Qt.ApplicationState.ApplicationActive:
            self.check_disk()

    def check_disk(self) -> str | None:
        """Tell the user, once, that another program replaced or changed the project file.

        Our version is kept beside it at once (not at the next edit), and a
        merge of the two is offered.
        """
        if self.ctx.store.changed_on_disk() is None:
            return None
        try:
            self.ctx.store.check_on_disk()
        except ProjectReplacedError as exc:
            self._handle_error(exc)
            return str(exc)
        return None

    def _handle_error(self, exc: RejoinderError) -> bool:
        """A replaced project file, from a write or from :meth:`check_disk`: offer the merge."""
        if not isinstance(exc, ProjectReplacedError):
            return False
        if str(exc) != self.disk_warning_shown:
            self.disk_warning_shown = str(exc)
            # after the failed operation has finished: the offer may close this project
            QTimer.singleShot(0, self.window, lambda: self._offer_merge(exc))
        return True

    def _offer_merge(self, exc: ProjectReplacedError) -> None:
        """On yes: close ours, open the file now on disk and merge our copy into it."""
        pair = ask_to_merge(self.window, exc)
        if pair is None:
            return
        path, mine = pair
        self.shell.projects.merge_into(path, mine)  # closing ours disposes of this object

    def dispose(self) -> None:
        remove_error_handler(self._handle_error)
        self._app().applicationStateChanged.disconnect(self._application_state)
        self._remove_banner()
        self.deleteLater()
