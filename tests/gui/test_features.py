"""Features join the window through the shell, and leave nothing behind when the project closes.

The collaboration views and the Source menu register their docks, menu items,
menus and toolbars with :class:`app.gui.shell.Shell`; nothing in app/gui
reaches into another object's private members or finds a dock by its name.
"""

from __future__ import annotations

import ast
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow, QMenu, QToolBar

from app.gui.shell import Menus, Shell
from tests.gui.conftest import make_project, settle

GUI = Path(__file__).resolve().parents[2] / "app" / "gui"


def _window_contents(window: QMainWindow) -> dict[str, Any]:
    menus = [a for a in window.menuBar().actions() if a.isVisible()]
    return {
        "menus": [a.text() for a in menus],
        "items": {a.text(): [x.text() for x in a.menu().actions()] for a in menus if a.menu()},
        "docks": sorted(d.objectName() for d in window.findChildren(QDockWidget)),
        "toolbars": sorted(t.objectName() for t in window.findChildren(QToolBar)),
        "actions": len(window.actions()),
    }


def test_closing_a_project_takes_back_what_every_feature_registered(
    window: Any, tmp_path: Path, qtbot: Any
) -> None:
    before = _window_contents(window)
    assert window.open_project(make_project(tmp_path))
    opened = _window_contents(window)
    assert {"NotesDock", "BlocksDock", "OutlineDock"} <= set(opened["docks"])
    assert any("Source" in text for text in opened["menus"])
    assert any("Merge" in item for item in opened["items"]["&File"])
    window.close_project()
    qtbot.waitUntil(lambda: not window.findChildren(QDockWidget))
    assert _window_contents(window) == before


def test_the_blocks_panel_follows_the_outline_through_the_context(
    window: Any, tmp_path: Path
) -> None:
    assert window.open_project(make_project(tmp_path))
    ws = window.workspace
    ws.outline.add_section("Preliminary remark")
    settle()
    ws.outline.select_row(0)
    current = ws.outline.current()
    assert current is not None
    assert window.ctx.section_id == current.id
    assert ws.collab.blocks.section_id == current.id


@pytest.fixture
def shell(qtbot: Any) -> Shell:
    window = QMainWindow()
    qtbot.addWidget(window)
    file_menu, edit_menu, view_menu = (window.menuBar().addMenu(t) for t in ("F", "E", "V"))
    close, imp, exp = (file_menu.addAction(t) for t in ("Close", "Import", "Export"))

    class Nowhere:
        def close_project(self) -> None: ...

        def open_project(self, path: Path, remember: bool = True) -> bool:
            return False

        def merge_into(self, path: Path, mine: Path) -> None: ...

    menus = Menus(file_menu, edit_menu, view_menu, close, imp, exp)
    return Shell(window, menus, Nowhere())


def test_a_dock_registered_beside_another_becomes_its_tab(shell: Shell) -> None:
    right = Qt.DockWidgetArea.RightDockWidgetArea
    first = shell.add_dock("FirstDock", "First", QLabel("1"), right)
    second = shell.add_dock("SecondDock", "Second", QLabel("2"), right, tabify_with="FirstDock")
    assert shell.window.tabifiedDockWidgets(first) == [second]
    assert shell.dock("SecondDock") is second
    assert [a.text() for a in shell.menus.view.actions()] == ["First", "Second"]
    with pytest.raises(ValueError):
        shell.add_dock("FirstDock", "Again", QLabel("3"), right)


def test_actions_go_where_asked_and_leave_with_the_shell(shell: Shell) -> None:
    file_menu = shell.menus.file
    save = shell.add_action(
        file_menu, QAction("Save a copy", shell.window), before=shell.menus.close_action
    )
    assert [a.text() for a in file_menu.actions()] == ["Save a copy", "Close", "Import", "Export"]
    menu = shell.add_menu(QMenu("Source", shell.window), before=shell.menus.view)
    titles = [a.text() for a in shell.window.menuBar().actions()]
    assert titles.index("Source") == titles.index("V") - 1
    shell.add_window_action(QAction("Cite", shell.window))
    shell.add_toolbar(QToolBar("Banner", shell.window), own_row=True)
    shell.dispose()
    assert save not in file_menu.actions()
    assert menu.menuAction() not in shell.window.menuBar().actions()
    assert shell.window.actions() == []
    assert shell.docks == {}


def _finds_by_name(node: ast.AST) -> bool:
    """``x.findChild(Type, "Name")``: a child found by its object name."""
    if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
        return False
    return node.func.attr == "findChild" and len(node.args) > 1


def _reach_ins(source: str) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Attribute) and node.attr.startswith("_"):
            owner = ast.unparse(node.value)
            if not node.attr.startswith("__") and owner not in ("self", "cls", "super()"):
                found.append(f"{owner}.{node.attr}")
        if _finds_by_name(node):
            found.append(ast.unparse(node))
    return found


def test_the_check_sees_a_reach_in() -> None:
    code = "workspace._dock('X')\nwindow.findChild(QDockWidget, 'OutlineDock')\nself._ok()"
    assert sorted(_reach_ins(code)) == [
        "window.findChild(QDockWidget, 'OutlineDock')",
        "workspace._dock",
    ]


def test_no_gui_module_reaches_into_another_objects_private_members() -> None:
    found = {
        f"{path.relative_to(GUI)}: {hit}"
        for path in sorted(GUI.rglob("*.py"))
        for hit in _reach_ins(path.read_text(encoding="utf-8"))
    }
    assert not found, sorted(found)
