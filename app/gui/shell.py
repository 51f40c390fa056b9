"""The main window as a feature of an open project sees it: menus, docks, actions.

A feature (the collaboration views, the Source menu, a panel another helper
adds) registers what it brings here — docks, actions in a menu, whole menus,
toolbars — instead of reaching into the window's private members or finding
its children by object name. The shell remembers every registration and takes
it all back in :meth:`Shell.dispose` when the project closes, so a feature
needs no clean-up code of its own for what it put into the window.

This module imports nothing of the window or the workspace (no import cycle):
it knows the window only as a ``QMainWindow`` plus the :class:`Menus` it
built and the :class:`Projects` it can open and close.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDockWidget,
    QFrame,
    QMainWindow,
    QMenu,
    QScrollArea,
    QToolBar,
    QWidget,
)

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Menus:
    """The window's menus and the File actions that features place themselves around."""

    file: QMenu
    edit: QMenu
    view: QMenu
    close_action: QAction  # project items of the File menu go before it
    import_action: QAction
    export_action: QAction


class Projects(Protocol):
    """What a feature may ask of the window about which project is open."""

    def close_project(self) -> None: ...

    def open_project(self, path: Path, remember: bool = True) -> bool: ...

    def merge_into(self, path: Path, mine: Path) -> None:
        """Close ours, open ``path`` and merge ``mine`` into it (a replaced file)."""


class Workbench(Protocol):
    """What a feature may ask of the workspace it joins."""

    def flush(self) -> None:
        """Save what an editor holds (before a merge, an export, a review import)."""

    def show_source(self, source_id: str) -> None:
        """Show ``source_id`` in the reader, read afresh (its text may have changed)."""


def scrolling(widget: QWidget) -> QScrollArea:
    """``widget`` in a scroll area, so that a dock never asks for more room than a laptop has.

    A panel keeps its natural layout where there is room; on a small screen
    (1024×600, or 150 % scaling) its dock shrinks and scrolls instead of
    pushing the status bar and the bottom docks off the screen.
    """
    area = QScrollArea()
    area.setObjectName(f"{widget.objectName() or type(widget).__name__}Scroll")
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(widget)
    return area


class Shell(QObject):
    """Where features register docks, actions, menus and toolbars for one open project."""

    def __init__(self, window: QMainWindow, menus: Menus, projects: Projects) -> None:
        super().__init__(window)
        self.window = window
        self.menus = menus
        self.projects = projects
        self.docks: dict[str, QDockWidget] = {}
        self._menu_actions: list[tuple[QWidget, QAction]] = []
        self._window_actions: list[QAction] = []
        self._toolbars: list[QToolBar] = []

    # -- docks --------------------------------------------------------------------

    def add_dock(
        self,
        name: str,
        title: str,
        widget: QWidget,
        area: Qt.DockWidgetArea,
        *,
        tabify_with: str | None = None,
    ) -> QDockWidget:
        """A dock named ``name`` (its state is saved under it), listed in the View menu.

        With ``tabify_with``, the dock becomes a tab beside that dock, which stays in front.
        """
        if name in self.docks:
            raise ValueError(f"a dock named {name} is already registered")
        dock = QDockWidget(title, self.window)
        dock.setObjectName(name)
        dock.setWidget(scrolling(widget))
        self.window.addDockWidget(area, dock)
        self.menus.view.addAction(dock.toggleViewAction())
        self.docks[name] = dock
        beside = self.docks.get(tabify_with) if tabify_with else None
        if beside is not None:
            self.window.tabifyDockWidget(beside, dock)
            beside.raise_()
        logger.debug("dock %s registered", name)
        return dock

    def dock(self, name: str) -> QDockWidget | None:
        """A dock registered by any feature, by name (no search of the window's children)."""
        return self.docks.get(name)

    # -- actions, menus, toolbars ---------------------------------------------------

    def add_action(self, menu: QMenu, action: QAction, *, before: QAction | None = None) -> QAction:
        """``action`` in ``menu`` (before ``before``); taken back when the project closes."""
        if before is not None:
            menu.insertAction(before, action)
        else:
            menu.addAction(action)
        self._menu_actions.append((menu, action))
        return action

    def add_separator(self, menu: QMenu) -> None:
        self._menu_actions.append((menu, menu.addSeparator()))

    def add_menu(self, menu: QMenu, *, before: QMenu) -> QMenu:
        """A whole menu in the menu bar, before ``before``."""
        action = self.window.menuBar().insertMenu(before.menuAction(), menu)
        self._menu_actions.append((self.window.menuBar(), action))
        return menu

    def add_window_action(self, action: QAction) -> QAction:
        """An action whose shortcut works anywhere in the window."""
        self.window.addAction(action)
        self._window_actions.append(action)
        return action

    def add_toolbar(
        self,
        toolbar: QToolBar,
        area: Qt.ToolBarArea = Qt.ToolBarArea.TopToolBarArea,
        *,
        own_row: bool = False,
    ) -> QToolBar:
        if own_row:
            self.window.addToolBarBreak(area)
        self.window.addToolBar(area, toolbar)
        self._toolbars.append(toolbar)
        return toolbar

    def remove_toolbar(self, toolbar: QToolBar) -> None:
        if toolbar in self._toolbars:
            self._toolbars.remove(toolbar)
            self.window.removeToolBar(toolbar)
            toolbar.deleteLater()

    def status_message(self, text: str, msecs: int = 5000) -> None:
        self.window.statusBar().showMessage(text, msecs)

    # -- closing --------------------------------------------------------------------

    def dispose(self) -> None:
        """Take back everything the features registered (the project is closing)."""
        for owner, action in reversed(self._menu_actions):
            owner.removeAction(action)
        self._menu_actions.clear()
        for action in self._window_actions:
            self.window.removeAction(action)
        self._window_actions.clear()
        for toolbar in list(self._toolbars):
            self.remove_toolbar(toolbar)
        for dock in self.docks.values():
            self.window.removeDockWidget(dock)
            self.menus.view.removeAction(dock.toggleViewAction())
            dock.deleteLater()
        self.docks.clear()
        self.deleteLater()
