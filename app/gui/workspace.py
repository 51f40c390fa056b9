"""The workspace of an open project: the reader in the middle, panels in docks.

This module wires the panels to the project context and registers them, with
the actions and the toolbar, through the :class:`~app.gui.shell.Shell`; the
features beside it (collaboration, the Source menu) register theirs the same
way. The panels themselves hold the layout of their part.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QAction, QIcon, QKeySequence
from PySide6.QtWidgets import QDockWidget, QFileDialog, QToolBar, QWidget

from app.core.config import load_settings, save_settings
from app.core.services import passages, sources
from app.core.services.sources import SourceText
from app.gui import commands, exporting, icons, importing
from app.gui.collab import Collaboration
from app.gui.context import SOURCES, ProjectContext
from app.gui.errors import show_message
from app.gui.operations import standard_shortcuts
from app.gui.outline_panel import OutlinePanel
from app.gui.passage_rows import SourceRows, read_source
from app.gui.passages_panel import PassagesPanel
from app.gui.preflight_panel import PreflightPanel
from app.gui.preview_panel import PreviewPanel
from app.gui.reader import ReaderPanel
from app.gui.response_editor import ResponseEditor
from app.gui.search_panel import SearchPanel
from app.gui.sending import Sending
from app.gui.shell import Shell
from app.gui.similar_panel import SimilarPanel
from app.gui.source_actions import SourceActions
from app.gui.sources_panel import SourcesPanel
from app.gui.status import StatusController
from app.gui.team import TeamFeature
from app.gui.workers import Operation, Progress

logger = logging.getLogger(__name__)


def steady_proxy(action: QAction, label: str) -> QAction:
    """A toolbar twin of ``action`` with a fixed label; its tooltip carries the full text."""
    proxy = QAction(action.icon(), label, action.parent())

    def sync() -> None:
        proxy.setEnabled(action.isEnabled())
        proxy.setIcon(action.icon())
        proxy.setToolTip(action.text().replace("&", ""))

    action.changed.connect(sync)
    proxy.triggered.connect(action.trigger)
    sync()
    return proxy


DOCUMENT_FILTER = "Documents (*.pdf *.docx *.odt *.html *.htm *.txt *.md);;All files (*)"


def _remember_mark_cuts(checked: bool) -> None:
    """Keep the cite step's "…" choice for the next session."""
    settings = load_settings()
    settings.mark_cuts = checked
    try:
        save_settings(settings)
    except OSError:
        logger.warning("could not save the cite option", exc_info=True)


def _not_shown(exc: BaseException) -> None:
    """A source removed between the click and the read: the next choice shows."""
    logger.info("a source or passage could not be read to be shown: %s", exc)


class Workspace(QObject):
    """The panels of one open project; features join it through :attr:`shell`."""

    def __init__(self, shell: Shell, ctx: ProjectContext) -> None:
        super().__init__(shell.window)
        self.shell = shell
        self.window = window = shell.window
        self.ctx = ctx
        self.reader = ReaderPanel()
        self.reader.view.setPlaceholderText(
            self.tr(
                "What next?\n\n"
                "1. Import a submission: File › Import documents… (Ctrl+Shift+I), "
                "or drop PDF, Word or text files on this window.\n"
                "2. Choose it under Sources; it opens here.\n"
                "3. Select a sentence and press Ctrl+Shift+C (Cite selection) to quote it.\n"
                "4. Write our response in the Response panel on the right.\n\n"
                "Help › User guide (F1 for the keys) says more."
            )
        )
        self.central: QWidget = self.reader
        self._loading = 0  # the newest source read asked for (older results are dropped)
        self._jump_to: tuple[str, int, int] | None = None  # a span to select once shown
        self.sources = SourcesPanel(ctx)
        self.passages = PassagesPanel(ctx)
        self.editor = ResponseEditor(ctx)
        self.outline = OutlinePanel(ctx)
        self.preview = PreviewPanel(ctx)
        self.preflight = PreflightPanel(ctx)
        self.search = SearchPanel(ctx)
        self.similar = SimilarPanel(ctx)
        left, right, bottom = (
            Qt.DockWidgetArea.LeftDockWidgetArea,
            Qt.DockWidgetArea.RightDockWidgetArea,
            Qt.DockWidgetArea.BottomDockWidgetArea,
        )
        d_sources = self._dock("SourcesDock", self.tr("Sources"), self.sources, left)
        d_search = self._dock("SearchDock", self.tr("Search"), self.search, left)
        d_passages = self._dock("PassagesDock", self.tr("Passages"), self.passages, left)
        d_response = self._dock("ResponseDock", self.tr("Response"), self.editor, right)
        d_similar = self._dock("SimilarDock", self.tr("Similar passages"), self.similar, right)
        d_outline = self._dock("OutlineDock", self.tr("Outline"), self.outline, right)
        d_preview = self._dock("PreviewDock", self.tr("Preview"), self.preview, right)
        d_preflight = self._dock("PreflightDock", self.tr("Preflight"), self.preflight, bottom)
        window.splitDockWidget(d_sources, d_passages, Qt.Orientation.Vertical)
        window.tabifyDockWidget(d_sources, d_search)
        window.splitDockWidget(d_response, d_outline, Qt.Orientation.Vertical)
        window.tabifyDockWidget(d_outline, d_preview)
        window.tabifyDockWidget(d_outline, d_preflight)
        window.tabifyDockWidget(d_outline, d_similar)
        d_sources.raise_()
        d_outline.raise_()
        self._default_sizes = (
            [d_sources, d_response],
            [d_sources, d_passages],
            [d_response, d_outline],
        )
        QTimer.singleShot(0, self._size_docks)
        self.search_dock, self.preflight_dock, self.preview_dock = d_search, d_preflight, d_preview
        self._build_actions()
        self.status = StatusController(window, ctx, self.sources.label_of, self.passages.model.get)
        self.source_actions = SourceActions(shell, ctx, self)
        self.collab = Collaboration(shell, ctx, self)
        self.sending = Sending(shell, ctx, self)
        self.team = TeamFeature.join(shell, ctx)
        self.reader.view.passage_clicked.connect(ctx.select_passage)
        self.reader.view.cite_requested.connect(self.cite_selection)
        self.sources.import_requested.connect(self.ask_import)
        ctx.source_selected.connect(self.show_source)
        ctx.passage_selected.connect(self._show_passage)
        ctx.jump_requested.connect(self._jump)
        ctx.changed.connect(self._changed)
        self.passages.shown_changed.connect(self._shown_changed)
        d_preflight.visibilityChanged.connect(self._preflight_visible)
        d_similar.visibilityChanged.connect(self.similar.dock_visible)
        d_preview.visibilityChanged.connect(self.preview.dock_visible)
        if ctx.source_id:
            self.show_source(ctx.source_id)

    def _dock(self, name: str, title: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        return self.shell.add_dock(name, title, widget, area)

    def _action(
        self, text: str, shortcut: QKeySequence | QKeySequence.StandardKey | str
    ) -> QAction:
        action = QAction(text, self.window)
        action.setShortcut(QKeySequence(shortcut))
        action.setToolTip(f"{text.replace('&', '').rstrip('…')} ({action.shortcut().toString()})")
        return self.shell.add_window_action(action)

    def _build_actions(self) -> None:
        stack = self.ctx.undo_stack
        stack.before_replay = self.flush
        self.undo_action = stack.createUndoAction(self.window, self.tr("&Undo"))
        self.redo_action = stack.createRedoAction(self.window, self.tr("&Redo"))
        standard_shortcuts(self.undo_action, self.redo_action)
        self.cite_action = self._action(self.tr("&Cite selection"), "Ctrl+Shift+C")
        self.find_action = self._action(self.tr("&Find in source…"), QKeySequence.StandardKey.Find)
        self.search_action = self._action(self.tr("&Search the project…"), "Ctrl+Shift+F")
        self.check_action = self._action(self.tr("&Preflight check"), "F7")
        self.cite_action.triggered.connect(self.cite_selection)
        # Issue 12 §6: "…" where a quote cuts a sentence is an option of the cite
        # step, on by default; the choice is remembered with the settings.
        self.mark_cuts_action = QAction(self.tr("Mark cut sentences with …"), self.window)
        self.mark_cuts_action.setCheckable(True)
        self.mark_cuts_action.setChecked(load_settings().mark_cuts)
        self.mark_cuts_action.toggled.connect(_remember_mark_cuts)
        self.find_action.triggered.connect(self.reader.show_find)
        self.search_action.triggered.connect(self.show_search)
        self.check_action.triggered.connect(self.show_preflight)
        menus = self.shell.menus
        edit = menus.edit
        for action in (self.undo_action, self.redo_action):
            self.shell.add_action(edit, action)
        self.shell.add_separator(edit)
        for action in (
            self.cite_action,
            self.mark_cuts_action,
            self.find_action,
            self.search_action,
            self.check_action,
        ):
            self.shell.add_action(edit, action)
        menus.import_action.triggered.connect(self.ask_import)
        menus.export_action.triggered.connect(self.ask_export)
        self.toolbar = QToolBar(self.tr("Main toolbar"), self.window)
        self.toolbar.setObjectName("MainToolbar")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        sp = icons.SP
        icons.decorate(
            (menus.import_action, sp.SP_DialogOpenButton),
            (menus.export_action, sp.SP_DialogSaveButton),
            (self.undo_action, sp.SP_ArrowBack),
            (self.redo_action, sp.SP_ArrowForward),
            (self.search_action, sp.SP_FileDialogContentsView),
            (self.check_action, sp.SP_DialogApplyButton),
            (self.find_action, sp.SP_FileDialogDetailedView),
        )
        self.cite_action.setIcon(QIcon(icons.resource("cite.svg")))
        # The toolbar's Undo and Redo keep a short label (the menu says what they undo),
        # so the buttons after them do not jump at every edit.
        self.toolbar_undo = steady_proxy(self.undo_action, self.tr("Undo"))
        self.toolbar_redo = steady_proxy(self.redo_action, self.tr("Redo"))
        for action in (
            menus.import_action,
            self.cite_action,
            self.toolbar_undo,
            self.toolbar_redo,
            self.search_action,
            self.check_action,
            menus.export_action,
        ):
            self.toolbar.addAction(action)
        self.shell.add_toolbar(self.toolbar)

    def _size_docks(self) -> None:
        """Default proportions, applied once the window has its real size."""
        across, left, right = self._default_sizes
        horizontal, vertical = Qt.Orientation.Horizontal, Qt.Orientation.Vertical
        width = max(self.window.width(), 800)
        self.window.resizeDocks(across, [width // 4, width // 3], horizontal)
        self.window.resizeDocks(left, [1, 2], vertical)
        self.window.resizeDocks(right, [2, 3], vertical)

    def _preflight_visible(self, visible: bool) -> None:
        if visible:
            self.preflight.refresh()

    # -- reader -----------------------------------------------------------------------

    def show_source(self, source_id: str) -> None:
        """Show ``source_id`` in the reader and the Passages panel, read afresh off the GUI thread.

        The text and the passages are read together; until they are back the
        reader and the list keep what they show, then both change in one
        step. Only the newest choice is shown (a click through ten sources
        shows the tenth); a read older than an operation since is made again.
        """
        self._loading += 1
        token, generation, store = self._loading, self.ctx.generation, self.ctx.store

        def read(_progress: Progress) -> tuple[SourceText, SourceRows]:
            return sources.source_text(store, source_id), read_source(store, source_id)

        def arrived(result: tuple[SourceText, SourceRows]) -> None:
            if token != self._loading or self.ctx.source_id != source_id or store.closed:
                return  # another source was chosen meanwhile, or the project closed
            if self.ctx.generation != generation:
                self.show_source(source_id)  # an operation changed rows since: read again
                return
            text, rows = result
            self.reader.view.set_source(text)
            self.passages.show_rows(rows)  # highlights follow (shown_changed)
            jump, self._jump_to = self._jump_to, None
            if jump is not None and jump[0] == source_id:
                self.reader.view.select_span(jump[1], jump[2])

        Operation(self.reader, read, pool_name="files").success(arrived).failure(
            _not_shown
        ).run_in_background()

    def _highlight(self) -> None:
        """The Passages panel's rows are the reader's highlights, once they are this source's."""
        source = self.ctx.source_id
        if source is not None and self.passages.source_id == source:
            self.reader.view.set_passages(list(self.passages.items), self.ctx.passage_id)

    def _shown_changed(self) -> None:
        self._highlight()
        self.status.refresh()

    def _changed(self, kinds: frozenset[str]) -> None:
        if SOURCES in kinds and self.ctx.source_id is None:
            self.reader.view.set_source(None)
            self.passages.show_rows(read_source(self.ctx.store, None))

    def _show_passage(self, passage_id: str) -> None:
        shown = self.passages.model.get(passage_id)
        if shown is not None:  # in the list: this source's
            self._highlight()
            return
        store = self.ctx.store

        def found(source_id: str | None) -> None:
            if source_id is None or self.ctx.passage_id != passage_id or store.closed:
                return  # gone, or another passage was chosen meanwhile
            if source_id != self.ctx.source_id:
                self.ctx.select_source(source_id)
            else:
                self._highlight()

        Operation(
            self.reader, lambda _p: passages.passage_source(store, passage_id), pool_name="files"
        ).success(found).failure(_not_shown).run_in_background()

    def _jump(self, source_id: str, start: int, end: int) -> None:
        shown = self.reader.view.source
        if source_id == self.ctx.source_id and shown is not None and shown.source_id == source_id:
            self.reader.view.select_span(start, end)
            return
        self._jump_to = (source_id, start, end)  # once the source's text is shown
        self.ctx.select_source(source_id)

    def cite_selection(self) -> bool:
        """Cite the reader's selection; once saved, the new passage becomes current.

        False (with a message) when nothing is selected.
        """
        span = self.reader.view.selected_span()
        if self.ctx.source_id is None or span is None:
            show_message(self.window, self.tr("Select some text of the source to cite."))
            return False
        command = commands.Cite(
            self.ctx, self.ctx.source_id, *span, ellipsis=self.mark_cuts_action.isChecked()
        )
        commands.push(
            self.window, self.ctx, command, lambda c: self.ctx.select_passage(c.passage_id)
        )
        return True

    # -- other actions ------------------------------------------------------------------

    def ask_import(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(
            self.window, self.tr("Import documents"), "", DOCUMENT_FILTER
        )
        if names:
            self.import_files([Path(n) for n in names])

    def import_files(self, files: list[Path]) -> None:
        """Import documents (the drop target and the Import… action share this)."""
        importing.import_files(self.window, self.ctx, files)

    def ask_export(self) -> None:
        self.editor.commit()
        exporting.ask_and_export(self.window, self.ctx)

    def show_search(self) -> None:
        self.search_dock.show()
        self.search_dock.raise_()
        self.search.focus()

    def show_preflight(self) -> None:
        self.editor.commit()
        self.preflight_dock.show()
        self.preflight_dock.raise_()
        self.preflight.refresh()

    def flush(self) -> None:
        """Save what an editor holds (before the window closes, an undo, a merge)."""
        self.editor.commit()
        self.outline.flush()

    def dispose(self) -> None:
        """Save, then take back every dock, action and menu the features registered."""
        self.flush()
        self.status.dispose()
        self.sending.dispose()
        self.source_actions.dispose()
        self.collab.dispose()
        if self.team is not None:
            self.team.dispose()
        self.shell.dispose()
        self.central.deleteLater()
        self.deleteLater()
