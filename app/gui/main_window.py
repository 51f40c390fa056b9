"""The main window: the welcome page until a project is open, then the workspace.

One window per process; opening another project closes the current one
(the store's lock is released, so a colleague or a second window may take it).
"""

from __future__ import annotations

import logging
import tempfile
from dataclasses import asdict
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMenu, QStackedWidget, QWidget

from app.core.config import load_settings, save_settings
from app.core.errors import RejoinderError
from app.core.server import is_server_url
from app.core.services.project import ProjectProperties, project_properties, update_project
from app.core.store import SUFFIX, ProjectStore
from app.gui import commands, workers
from app.gui.context import ProjectContext
from app.gui.dialogs.connect import ConnectDialog, keep_password, last_server
from app.gui.dialogs.identity import edit_settings
from app.gui.dialogs.new_project import NewProjectData, NewProjectDialog
from app.gui.errors import show_error
from app.gui.help import install_help_menu
from app.gui.icons import app_icon
from app.gui.merge_ui import merge_copy
from app.gui.opening import open_store
from app.gui.shell import Menus, Shell
from app.gui.state import load_window_state, save_window_state
from app.gui.welcome import WelcomePage
from app.gui.workspace import Workspace

logger = logging.getLogger(__name__)

FILTER = "Rejoinder projects (*.rejoinder)"


class MainWindow(QMainWindow):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("MainWindow")
        self.setWindowTitle(self.tr("Rejoinder"))
        self.setWindowIcon(app_icon())
        screen = self.screen().availableGeometry()
        self.resize(min(1400, screen.width()), min(900, screen.height()))
        if screen.width() < 1400 or screen.height() < 900:
            # A laptop screen: the title bar would push a full-height window's bottom off it.
            self.setWindowState(Qt.WindowState.WindowMaximized)
        self.setAcceptDrops(True)
        self.ctx: ProjectContext | None = None
        self.workspace: Workspace | None = None
        self.stack = QStackedWidget()
        self.welcome = WelcomePage()
        self.stack.addWidget(self.welcome)
        self.setCentralWidget(self.stack)
        self._build_menus()
        self.welcome.new_requested.connect(self.new_project)
        self.welcome.open_requested.connect(self.open_dialog)
        self.welcome.demo_requested.connect(self.open_demo)
        self.welcome.recent_chosen.connect(lambda location: self.open_project(location))
        self._refresh_recent()
        geometry, _state = load_window_state()
        if geometry is not None:
            self.restoreGeometry(geometry)

    # -- menus -------------------------------------------------------------

    def _action(
        self, menu: QMenu, text: str, shortcut: QKeySequence | QKeySequence.StandardKey | str | None
    ) -> QAction:
        action = menu.addAction(text)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu(self.tr("&File"))
        m = self.file_menu
        self._action(m, self.tr("&New project…"), QKeySequence.StandardKey.New).triggered.connect(
            self.new_project
        )
        self._action(m, self.tr("&Open…"), QKeySequence.StandardKey.Open).triggered.connect(
            self.open_dialog
        )
        self.connect_action = self._action(m, self.tr("Connect to &team server…"), None)
        self.connect_action.triggered.connect(self.connect_dialog)
        self.recent_menu = m.addMenu(self.tr("Open &recent"))
        self._action(m, self.tr("Open &demo"), None).triggered.connect(self.open_demo)
        m.addSeparator()
        self.project_actions: list[QAction] = []
        self.import_action = self._action(m, self.tr("&Import documents…"), "Ctrl+Shift+I")
        self.export_action = self._action(m, self.tr("&Export contribution…"), "Ctrl+E")
        self.properties_action = self._action(m, self.tr("Project &properties…"), None)
        self.properties_action.triggered.connect(self.edit_properties)
        self.close_action = self._action(
            m, self.tr("&Close project"), QKeySequence.StandardKey.Close
        )
        self.close_action.triggered.connect(self.close_project)
        self.project_actions += [
            self.import_action,
            self.export_action,
            self.properties_action,
            self.close_action,
        ]
        m.addSeparator()
        self.settings_action = self._action(
            m, self.tr("Se&ttings…"), QKeySequence.StandardKey.Preferences
        )
        self.settings_action.triggered.connect(lambda: edit_settings(self))
        self._action(m, self.tr("&Quit"), QKeySequence.StandardKey.Quit).triggered.connect(
            self.close
        )
        self.edit_menu = bar.addMenu(self.tr("&Edit"))
        self.view_menu = bar.addMenu(self.tr("&View"))
        self.menus = Menus(
            file=self.file_menu,
            edit=self.edit_menu,
            view=self.view_menu,
            close_action=self.close_action,
            import_action=self.import_action,
            export_action=self.export_action,
        )
        self.help_menu = install_help_menu(self)
        self._set_project_actions(False)

    def _set_project_actions(self, enabled: bool) -> None:
        for action in self.project_actions:
            action.setEnabled(enabled)
        self.edit_menu.menuAction().setVisible(enabled)
        self.view_menu.menuAction().setVisible(enabled)

    def _refresh_recent(self) -> None:
        settings = load_settings()
        files = settings.recent_files
        self.welcome.set_recent(files, settings.recent_titles)
        self.recent_menu.clear()
        for name in files:
            title = settings.recent_titles.get(name)
            where = name if is_server_url(name) else Path(name).name
            action = self.recent_menu.addAction(
                f"{title.replace('&', '&&')} ({where})" if title else name
            )
            action.setToolTip(name)
            action.triggered.connect(lambda _=False, n=name: self.open_project(n))
        self.recent_menu.setEnabled(bool(files))

    # -- opening and closing ---------------------------------------------------

    def new_project(self) -> None:
        settings = load_settings()
        data, accepted = NewProjectDialog.get_data(self, settings.identity.organisation)
        if not accepted:
            return
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the new project as"), f"{data.title}{SUFFIX}", FILTER
        )
        if not name:
            return
        path = Path(name)
        if path.suffix != SUFFIX:
            path = path.with_name(path.name + SUFFIX)
        try:
            store = ProjectStore.create(
                path,
                title=data.title,
                organisation=data.organisation,
                meeting=data.meeting,
                date=data.date,
                language=data.language,
            )
        except RejoinderError as exc:
            show_error(self, exc)
            return
        self._show_project(store)

    def open_dialog(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Open a project"), "", FILTER)
        if name:
            self.open_project(Path(name))

    def connect_dialog(self) -> None:
        """File › Connect to team server…: the address in parts, the password to the keyring."""
        data, accepted = ConnectDialog.get_data(self, last_server(load_settings().recent_files))
        if not accepted:
            return
        try:
            keep_password(data)
        except RejoinderError as exc:  # the keyring refused it: still good for this session
            show_error(self, exc)
        self.open_project(data.url())

    def open_project(self, path: Path | str, remember: bool = True) -> bool:
        """Open a project file or a server's project; a refusal is shown with a message."""
        if is_server_url(str(path)):
            if self.ctx is not None and self.ctx.store.location == str(path):
                return True
        else:
            path = Path(path)
            if self.ctx is not None and Path(self.ctx.store.path).resolve() == path.resolve():
                return True
        store = open_store(self, path)
        if store is None:
            return False
        self._show_project(store, remember)
        return True

    def open_demo(self) -> None:
        from app.core.demo import create_demo

        folder = Path(tempfile.mkdtemp(prefix="rejoinder-demo-"))
        try:
            path = create_demo(folder)
        except RejoinderError as exc:
            show_error(self, exc)
            return
        self.open_project(path, remember=False)

    def _show_project(self, store: ProjectStore, remember: bool = True) -> None:
        self.close_project()
        if remember:  # a demo lives in a temporary folder: not worth a recent entry
            settings = load_settings()
            settings.add_recent(store.location, store.project().title)
            save_settings(settings)
        self.ctx = ProjectContext(store, self)
        self.workspace = Workspace(Shell(self, self.menus, self), self.ctx)
        self.stack.addWidget(self.workspace.central)
        self.stack.setCurrentWidget(self.workspace.central)
        _geometry, state = load_window_state()
        if state is not None:
            self.restoreState(state)
        self._set_project_actions(True)
        self.ctx.changed.connect(lambda _kinds: self._show_title())
        self._show_title()
        self._refresh_recent()

    def _show_title(self) -> None:
        if self.ctx is not None:
            title = self.ctx.store.project().title
            self.setWindowTitle(self.tr("{title} — Rejoinder").format(title=title))

    def edit_properties(self) -> None:
        """File › Project properties…: title, organisation, meeting, date, language."""
        if self.ctx is None:
            return
        ctx = self.ctx
        old = project_properties(ctx.store)
        data = NewProjectDialog.edit(self, NewProjectData(**asdict(old)))
        if data is None:
            return
        self.set_properties(ProjectProperties(**asdict(data)))

    def set_properties(self, new: ProjectProperties) -> None:
        """Change the project's properties as one undoable step."""
        if self.ctx is None:
            return
        ctx = self.ctx
        old = project_properties(ctx.store)
        if new == old:
            return
        command = commands.SectionEdit(
            ctx,
            self.tr("Edit project properties"),
            lambda: update_project(ctx.store, new),
        )
        commands.push(self, ctx, command)

    def close_project(self) -> None:
        if self.ctx is None:
            return
        workers.wait_for_all()
        save_window_state(self.saveGeometry(), self.saveState())
        if self.workspace is not None:
            self.stack.removeWidget(self.workspace.central)
            self.workspace.dispose()
            self.workspace = None
        self.ctx.close()
        self.ctx.deleteLater()
        self.ctx = None
        self.stack.setCurrentWidget(self.welcome)
        self._set_project_actions(False)
        self.setWindowTitle(self.tr("Rejoinder"))
        self._refresh_recent()

    def merge_into(self, path: Path, mine: Path) -> None:
        """Close ours, open the file now at ``path`` and merge our copy ``mine`` into it."""
        self.close_project()
        if self.open_project(path) and self.ctx is not None and self.workspace is not None:
            merge_copy(self, self.ctx, mine, self.workspace.collab.merged)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.workspace is not None:
            self.workspace.flush()
        save_window_state(self.saveGeometry(), self.saveState())
        self.close_project()
        event.accept()

    # -- drag and drop of documents ----------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        files = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        projects = [f for f in files if f.suffix == SUFFIX]
        documents = [f for f in files if f.suffix != SUFFIX]
        if projects:
            self.open_project(projects[0])
        elif documents and self.workspace is not None:
            self.workspace.import_files(documents)
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()
