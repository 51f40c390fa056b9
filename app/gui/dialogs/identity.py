"""Who I am (first start) and the settings that go with me (File › Settings…).

Every note, status change and merged conflict names its author; a login name
such as "jdoe" means little to the head of delegation, so the first start
asks once for a real name, initials and organisation.
"""

from __future__ import annotations

import getpass
import logging
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from app.core.config import Identity, Settings, load_settings, local_identity, save_settings
from app.gui.dialogs.new_project import LANGUAGES

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class IdentityData:
    name: str
    initials: str
    organisation: str


@dataclass(frozen=True)
class SettingsData:
    identity: IdentityData
    template: str
    language: str
    snippets: list[str]
    interface_language: str = ""  # "" follows the system


def _login() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return ""


def needs_identity(identity: Identity) -> bool:
    """True until the user gave a name: none yet, or still the login name filled in for them."""
    return not identity.name.strip() or identity.name == _login()


def _initials(name: str) -> str:
    return "".join(part[0] for part in name.split() if part)[:3].upper()


class IdentityForm:
    """The three identity fields, shared by the first-start and settings dialogs."""

    def __init__(self, form: QFormLayout, identity: Identity) -> None:
        name = "" if needs_identity(identity) else identity.name
        self.name = QLineEdit(name)
        self.name.setPlaceholderText(QCoreApplication.translate("IdentityForm", "Maria Gomez"))
        self.initials = QLineEdit(identity.initials if name else "")
        self.initials.setMaxLength(6)
        self.organisation = QLineEdit(identity.organisation)
        self.organisation.setPlaceholderText(
            QCoreApplication.translate("IdentityForm", "Our delegation or organisation")
        )
        form.addRow(QCoreApplication.translate("IdentityForm", "&Name:"), self.name)
        form.addRow(QCoreApplication.translate("IdentityForm", "&Initials:"), self.initials)
        form.addRow(QCoreApplication.translate("IdentityForm", "&Organisation:"), self.organisation)
        self.name.textEdited.connect(self._guess_initials)
        self._guessed = not self.initials.text()

    def _guess_initials(self, text: str) -> None:
        if self._guessed or not self.initials.text():
            self._guessed = True
            self.initials.setText(_initials(text))

    def data(self) -> IdentityData:
        name = " ".join(self.name.text().split())
        return IdentityData(
            name, self.initials.text().strip() or _initials(name), self.organisation.text().strip()
        )


def _buttons(dialog: QDialog) -> QDialogButtonBox:
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


class IdentityDialog(QDialog):
    def __init__(self, parent: QWidget | None, identity: Identity) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Who are you?"))
        self.setMinimumWidth(420)
        form = QFormLayout(self)
        intro = QLabel(
            self.tr(
                "Your name is shown to your colleagues on every note, status change "
                "and text you write. You can change it later in File › Settings…."
            )
        )
        intro.setWordWrap(True)
        form.addRow(intro)
        self.fields = IdentityForm(form, identity)
        self.buttons = _buttons(self)
        form.addRow(self.buttons)
        self.fields.name.textChanged.connect(self._update)
        self._update()

    def _update(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.fields.name.text().strip()))

    @classmethod
    def get_data(cls, parent: QWidget | None, identity: Identity) -> tuple[IdentityData, bool]:
        dialog = cls(parent, identity)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        return dialog.fields.data(), accepted


class SettingsDialog(QDialog):
    def __init__(self, parent: QWidget | None, settings: Settings) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self.setMinimumWidth(520)
        form = QFormLayout(self)
        self.fields = IdentityForm(form, settings.identity)
        row = QHBoxLayout()
        self.template = QLineEdit(settings.template)
        self.template.setPlaceholderText(self.tr("The built-in template"))
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        row.addWidget(self.template, 1)
        row.addWidget(browse)
        template_label = QLabel(self.tr("Default Word &template:"))
        template_label.setBuddy(self.template)
        form.addRow(template_label, row)
        self.language = QComboBox()
        for code, name in LANGUAGES:
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language)))
        form.addRow(self.tr("&Language of new projects:"), self.language)
        self.interface = QComboBox()
        self.interface.addItem(self.tr("As the system (when it is one of these)"), "")
        for code, name in LANGUAGES:
            self.interface.addItem(name, code)
        self.interface.setCurrentIndex(max(0, self.interface.findData(settings.interface_language)))
        self.interface.setToolTip(self.tr("Takes effect the next time Rejoinder starts"))
        form.addRow(self.tr("&Interface language:"), self.interface)
        self.snippets = QPlainTextEdit("\n".join(settings.snippets))
        self.snippets.setPlaceholderText(
            self.tr("One sentence per line, e.g. “We refer to our earlier contribution.”")
        )
        self.snippets.setTabChangesFocus(True)
        form.addRow(self.tr("My &standard sentences\n(in the Phrasebook menu):"), self.snippets)
        form.addRow(_buttons(self))

    def _browse(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Word template"), self.template.text(), "Word (*.docx *.dotx)"
        )
        if name:
            self.template.setText(name)

    def data(self) -> SettingsData:
        lines = [" ".join(line.split()) for line in self.snippets.toPlainText().splitlines()]
        return SettingsData(
            self.fields.data(),
            self.template.text().strip(),
            str(self.language.currentData()),
            [line for line in lines if line],
            str(self.interface.currentData()),
        )

    @classmethod
    def get_data(cls, parent: QWidget | None, settings: Settings) -> tuple[SettingsData, bool]:
        dialog = cls(parent, settings)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        return dialog.data(), accepted


def save_identity(data: IdentityData) -> Identity:
    """Keep the member id (it names me in every project) and store the new name."""
    local_identity()
    settings = load_settings()
    settings.identity.name = data.name or settings.identity.name
    settings.identity.initials = data.initials
    settings.identity.organisation = data.organisation
    save_settings(settings)
    return settings.identity


def ask_identity_once(parent: QWidget | None) -> None:
    """On first start: ask who the user is, unless they already said."""
    identity = local_identity()
    if not needs_identity(identity):
        return
    data, accepted = IdentityDialog.get_data(parent, identity)
    if accepted and data.name:
        save_identity(data)


def edit_settings(parent: QWidget | None) -> bool:
    """File › Settings…; True when the user saved."""
    local_identity()
    data, accepted = SettingsDialog.get_data(parent, load_settings())
    if not accepted:
        return False
    save_identity(data.identity)
    settings = load_settings()
    settings.template = data.template
    settings.language = data.language
    settings.snippets = data.snippets
    settings.interface_language = data.interface_language
    save_settings(settings)
    return True
