"""The New project dialog: what a contribution is (title, organisation, meeting…)."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QWidget,
)

from app.core.config import load_settings

logger = logging.getLogger(__name__)

LANGUAGES = (("en", "English"), ("fr", "Français"), ("es", "Español"))


@dataclass(frozen=True)
class NewProjectData:
    title: str
    organisation: str
    meeting: str
    date: str
    language: str


class NewProjectDialog(QDialog):
    """The project's properties: asked for a new project, and editable later (File menu)."""

    def __init__(
        self,
        parent: QWidget | None,
        organisation: str = "",
        current: NewProjectData | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Project properties") if current else self.tr("New project"))
        self.setMinimumWidth(460)
        form = QFormLayout(self)
        self.title = QLineEdit()
        self.title.setPlaceholderText(self.tr("Comments on contributions to WGEC-2"))
        self.organisation = QLineEdit(organisation)
        self.organisation.setPlaceholderText(self.tr("Our delegation or organisation"))
        self.meeting = QLineEdit()
        self.date = QDateEdit(QDate.currentDate())
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.language = QComboBox()
        for code, name in LANGUAGES:
            self.language.addItem(name, code)
        settings = load_settings()
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language)))
        if not self.organisation.text():
            self.organisation.setText(settings.identity.organisation)
        if current is not None:
            self.title.setText(current.title)
            self.organisation.setText(current.organisation)
            self.meeting.setText(current.meeting)
            if QDate.fromString(current.date, "yyyy-MM-dd").isValid():
                self.date.setDate(QDate.fromString(current.date, "yyyy-MM-dd"))
            self.language.setCurrentIndex(max(0, self.language.findData(current.language)))
        form.addRow(self.tr("&Title:"), self.title)
        form.addRow(self.tr("&Organisation:"), self.organisation)
        form.addRow(self.tr("&Meeting:"), self.meeting)
        form.addRow(self.tr("&Date:"), self.date)
        form.addRow(self.tr("&Language:"), self.language)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        self.title.textChanged.connect(self._update)
        self._update()

    def _update(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.title.text().strip()))

    def data(self) -> NewProjectData:
        return NewProjectData(
            title=self.title.text().strip(),
            organisation=self.organisation.text().strip(),
            meeting=self.meeting.text().strip(),
            date=self.date.date().toString("yyyy-MM-dd"),
            language=str(self.language.currentData()),
        )

    @classmethod
    def get_data(
        cls, parent: QWidget | None, organisation: str = ""
    ) -> tuple[NewProjectData, bool]:
        dialog = cls(parent, organisation)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        return dialog.data(), accepted

    @classmethod
    def edit(cls, parent: QWidget | None, current: NewProjectData) -> NewProjectData | None:
        """The properties after the user's changes, or None when cancelled."""
        dialog = cls(parent, current.organisation, current)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.data()
