"""The Help menu: keyboard shortcuts (F1), the user guide shipped with the app, About.

Everything here works offline: the guide is an HTML file under
``resources/help`` in the interface's language (English when there is none),
and the shortcut list is read from the window's own actions, so it cannot
drift from what the keys really do.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QMainWindow,
    QMenu,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app import __version__
from app.core.config import RESOURCES, paths

logger = logging.getLogger(__name__)


def _tr(text: str) -> str:
    return QCoreApplication.translate("Help", text)


def editing_shortcuts() -> list[tuple[str, str]]:
    """Keys of the text editors, which live on each editor rather than on the window."""
    return [
        (_tr("Bold"), "Ctrl+B"),
        (_tr("Italic"), "Ctrl+I"),
        (_tr("Underline"), "Ctrl+U"),
        (_tr("Link"), "Ctrl+K"),
        (_tr("Footnote (or edit the footnote at the caret)"), "Ctrl+Alt+F"),
        (_tr("Phrasebook"), "Ctrl+Shift+P"),
        (_tr("Apply the printed quote"), "Ctrl+Return"),
        (_tr("Extend the selection in the reader"), "Shift+click"),
    ]


def window_shortcuts(window: QWidget) -> list[tuple[str, str]]:
    """(what, keys) for every action of the window that has a shortcut, menus included."""
    seen: set[tuple[str, str]] = set()
    rows: list[tuple[str, str]] = []
    for action in window.findChildren(QAction):
        keys = ", ".join(
            s.toString(QKeySequence.SequenceFormat.NativeText) for s in action.shortcuts()
        )
        name = action.text().replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…")
        if keys and name and (name, keys) not in seen:
            seen.add((name, keys))
            rows.append((name, keys))
    return sorted(rows)


class ShortcutsDialog(QDialog):
    def __init__(self, parent: QWidget | None, rows: list[tuple[str, str]]) -> None:
        super().__init__(parent)
        self.setWindowTitle(_tr("Keyboard shortcuts"))
        self.resize(520, 460)
        layout = QVBoxLayout(self)
        self.table = QTableWidget(len(rows), 2)
        self.table.setHorizontalHeaderLabels([_tr("Action"), _tr("Keys")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for row, (name, keys) in enumerate(rows):
            self.table.setItem(row, 0, QTableWidgetItem(name))
            self.table.setItem(row, 1, QTableWidgetItem(keys))
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


def guide_file(language: str) -> str:
    """The user guide in ``language`` ("fr", "es"), or in English."""
    folder = RESOURCES / "help"
    for code in (language.split("_")[0].split("-")[0], "en"):
        candidate = folder / f"guide_{code}.html"
        if candidate.exists():
            return str(candidate)
    return ""


class GuideDialog(QDialog):
    def __init__(self, parent: QWidget | None, language: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(_tr("User guide"))
        self.resize(640, 520)
        layout = QVBoxLayout(self)
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(True)
        path = guide_file(language)
        if path:
            with open(path, encoding="utf-8") as handle:
                self.browser.setHtml(handle.read())
        layout.addWidget(self.browser)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


def about_text() -> str:
    where = paths()
    return _tr(
        "<h3>Rejoinder {version}</h3>"
        "<p>Draft a delegation's comments on the other parties' submissions "
        "and export them as one Word document.</p>"
        "<p>Free software under the GNU General Public License, version 3 or later.</p>"
        "<p>Logs: {logs}<br>Backups (made before every merge and upgrade): {backups}<br>"
        "Settings: {settings}</p>"
    ).format(
        version=__version__,
        logs=where.log_dir,
        backups=where.backups_dir,
        settings=where.config_dir,
    )


def install_help_menu(window: QMainWindow) -> QMenu:
    """The Help menu, last in ``window``'s menu bar."""
    menu = window.menuBar().addMenu(_tr("&Help"))
    shortcuts = menu.addAction(_tr("&Keyboard shortcuts"))
    shortcuts.setShortcut(QKeySequence(Qt.Key.Key_F1))
    shortcuts.triggered.connect(
        lambda: ShortcutsDialog(window, window_shortcuts(window) + editing_shortcuts()).exec()
    )
    guide = menu.addAction(_tr("&User guide"))
    guide.triggered.connect(lambda: GuideDialog(window, QLocale().name()).exec())
    menu.addSeparator()
    about = menu.addAction(_tr("&About Rejoinder"))
    about.setMenuRole(QAction.MenuRole.AboutRole)
    about.triggered.connect(lambda: QMessageBox.about(window, _tr("About Rejoinder"), about_text()))
    return menu
