"""The first page: new project, open, recent projects, demo."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.core.server import is_server_url
from app.gui.icons import app_icon

logger = logging.getLogger(__name__)


class WelcomePage(QWidget):
    """Emits what the user chose; the main window does the opening."""

    new_requested = Signal()
    open_requested = Signal()
    demo_requested = Signal()
    recent_chosen = Signal(str)  # a project file's path, or a team server's address

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        outer = QHBoxLayout(self)
        outer.addStretch(1)
        holder = QWidget()
        holder.setMaximumWidth(760)
        column = QVBoxLayout(holder)
        outer.addWidget(holder, 3)
        outer.addStretch(1)
        title = QLabel(self.tr("Rejoinder"))
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 2.2)
        font.setBold(True)
        title.setFont(font)
        column.addStretch(1)
        logo = QLabel()
        logo.setPixmap(app_icon().pixmap(72, 72))
        heading = QHBoxLayout()
        heading.addWidget(logo)
        heading.addWidget(title, 1)
        column.addLayout(heading)
        intro = QLabel(
            self.tr(
                "Cite the passages of other parties' submissions you want to answer, "
                "write your comments, and export your contribution as a Word document."
            )
        )
        intro.setWordWrap(True)
        column.addWidget(intro)
        buttons = QHBoxLayout()
        self.new_button = QPushButton(self.tr("&New project…"))
        self.open_button = QPushButton(self.tr("&Open…"))
        self.demo_button = QPushButton(self.tr("Open &demo"))
        for button in (self.new_button, self.open_button, self.demo_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        column.addLayout(buttons)
        column.addWidget(QLabel(self.tr("Recent projects:")))
        self.recent = QListWidget()
        self.recent.setMaximumHeight(240)
        column.addWidget(self.recent)
        column.addStretch(2)
        self.new_button.clicked.connect(self.new_requested)
        self.open_button.clicked.connect(self.open_requested)
        self.demo_button.clicked.connect(self.demo_requested)
        self.recent.itemActivated.connect(self._activated)

    def set_recent(self, files: list[str], titles: dict[str, str] | None = None) -> None:
        """The recent projects by title (the file name when the title is not known yet)."""
        self.recent.clear()
        for name in files:
            if is_server_url(name):
                title = (titles or {}).get(name) or name
                shown = self.tr("{title}    —    on the team server {url}").format(
                    title=title, url=name
                )
            else:
                path = Path(name)
                title = (titles or {}).get(name) or path.stem
                shown = f"{title}    —    {path.name}, {path.parent}"
            item = QListWidgetItem(shown)
            item.setData(Qt.ItemDataRole.UserRole, name)
            item.setToolTip(name)
            self.recent.addItem(item)
        if not files:
            placeholder = QListWidgetItem(self.tr("No recent projects yet."))
            placeholder.setFlags(Qt.ItemFlag.NoItemFlags)
            self.recent.addItem(placeholder)

    def _activated(self, item: QListWidgetItem) -> None:
        name = item.data(Qt.ItemDataRole.UserRole)
        if name:
            self.recent_chosen.emit(str(name))
