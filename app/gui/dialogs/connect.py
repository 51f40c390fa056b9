"""File › Connect to team server…: the parts of a server address, and the password.

A delegate types what the coordinator sent them (server, port, project
database, their login) rather than a URL. The password is never put into the
address or the settings: it goes to the operating system's keyring when the
user asks (:func:`app.core.server.address.remember_password`), otherwise it
is kept in memory for this session only.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from urllib.parse import quote

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from app.core.errors import RejoinderError
from app.core.server import is_server_url
from app.core.server.address import ServerAddress, remember_password

logger = logging.getLogger(__name__)

DEFAULT_PORT = 5432


@dataclass(frozen=True)
class ServerLogin:
    """What the dialog asked: the address in parts, and a password (maybe empty)."""

    host: str
    port: int
    database: str
    login: str
    password: str = ""
    remember: bool = False

    def url(self) -> str:
        """``postgresql://LOGIN@HOST:PORT/DB``, without the password."""
        return (
            f"postgresql://{quote(self.login, safe='')}@{self.host}:{self.port}/"
            f"{quote(self.database, safe='')}"
        )


class ConnectDialog(QDialog):
    def __init__(self, parent: QWidget | None, last: ServerLogin | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Connect to team server"))
        self.setMinimumWidth(460)
        form = QFormLayout(self)
        intro = QLabel(
            self.tr(
                "Your coordinator gives you the server, the project's database and your "
                "login. Everyone works on the same project at once."
            )
        )
        intro.setWordWrap(True)
        form.addRow(intro)
        self.host = QLineEdit(last.host if last else "")
        self.host.setPlaceholderText(self.tr("server.example.org"))
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(last.port if last else DEFAULT_PORT)
        self.database = QLineEdit(last.database if last else "")
        self.database.setPlaceholderText(self.tr("wgec2"))
        self.login = QLineEdit(last.login if last else "")
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("leave empty if it is saved already"))
        self.remember = QCheckBox(self.tr("&Remember the password in the system's keyring"))
        form.addRow(self.tr("&Server:"), self.host)
        form.addRow(self.tr("&Port:"), self.port)
        form.addRow(self.tr("Project &database:"), self.database)
        form.addRow(self.tr("&Login:"), self.login)
        form.addRow(self.tr("Pass&word:"), self.password)
        form.addRow(self.remember)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        connect_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        connect_button.setText(self.tr("&Connect"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        for edit in (self.host, self.database, self.login, self.password):
            edit.textChanged.connect(self._update)
        self._update()

    def _update(self) -> None:
        complete = all(e.text().strip() for e in (self.host, self.database, self.login))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(complete)
        self.remember.setEnabled(bool(self.password.text()))

    def data(self) -> ServerLogin:
        return ServerLogin(
            host=self.host.text().strip(),
            port=self.port.value(),
            database=self.database.text().strip(),
            login=self.login.text().strip(),
            password=self.password.text(),
            remember=self.remember.isChecked() and bool(self.password.text()),
        )

    @classmethod
    def get_data(
        cls, parent: QWidget | None, last: ServerLogin | None = None
    ) -> tuple[ServerLogin, bool]:
        dialog = cls(parent, last)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        return dialog.data(), accepted


def keep_password(data: ServerLogin) -> None:
    """The password typed: into the keyring when asked, else in memory for this session."""
    if data.password:
        remember_password(ServerAddress.parse(data.url()), data.password, keep=data.remember)


def last_server(recent: list[str]) -> ServerLogin | None:
    """The server connected to last (from the recent list), to fill the dialog in."""
    for location in recent:
        if is_server_url(location):
            try:
                address = ServerAddress.parse(location)
            except RejoinderError:
                continue
            return ServerLogin(address.host, address.port, address.database, address.login)
    return None
