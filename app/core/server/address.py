"""A team server's address, ``postgresql://LOGIN@HOST:PORT/DB``, and its password.

The password is never part of the address a user types or Rejoinder keeps
(settings, recent list, logs). libpq finds it in ``PGPASSWORD`` or
``~/.pgpass`` by itself; failing both, :func:`keyring_password` asks the
operating system's keyring (service ``rejoinder``, user ``LOGIN@HOST:PORT``),
where ``keyring set rejoinder LOGIN@HOST:PORT`` puts it.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from app.core.errors import InvalidInputError
from app.core.i18n import _

logger = logging.getLogger(__name__)

KEYRING_SERVICE = "rejoinder"
DEFAULT_PORT = 5432


@dataclass(frozen=True)
class ServerAddress:
    login: str
    host: str
    port: int
    database: str

    @classmethod
    def parse(cls, url: str) -> ServerAddress:
        """The parts of ``url``; a password written into it is refused, not kept."""
        try:
            parts = urlsplit(url)
            port = parts.port or DEFAULT_PORT
        except ValueError as exc:
            raise InvalidInputError(
                _("“{url}” is not a server address: {reason}.").format(url=url, reason=exc)
            ) from exc
        database = unquote(parts.path.lstrip("/"))
        if parts.password is not None:
            raise InvalidInputError(
                _(
                    "Do not write the password into the server address: put it in PGPASSWORD, "
                    "~/.pgpass or the keyring (keyring set rejoinder LOGIN@HOST:PORT)."
                )
            )
        if not parts.username or not parts.hostname or not database or "/" in database:
            raise InvalidInputError(
                _(
                    "“{url}” is not a server address; write postgresql://LOGIN@HOST:PORT/DATABASE."
                ).format(url=url)
            )
        return cls(unquote(parts.username), parts.hostname, port, database)

    @property
    def keyring_user(self) -> str:
        return f"{self.login}@{self.host}:{self.port}"

    def url(self) -> str:
        """The address as the user writes it (no password)."""
        return f"postgresql://{self.keyring_user}/{self.database}"

    def __str__(self) -> str:
        return self.url()


_SESSION: dict[str, str] = {}  # keyring user → a password typed for this session only


def remember_password(address: ServerAddress, password: str, *, keep: bool) -> None:
    """A password typed in the window: in memory for this session, and in the keyring if ``keep``.

    Never in the settings or the recent list, which hold the address alone.
    """
    _SESSION[address.keyring_user] = password
    if not keep:
        return
    try:
        import keyring

        keyring.set_password(KEYRING_SERVICE, address.keyring_user, password)
    except Exception as exc:  # no keyring on this system: the password stays for this session
        raise InvalidInputError(
            _(
                "The password could not be saved in the system's keyring ({reason}); it is used "
                "for this session only."
            ).format(reason=exc)
        ) from exc


def keyring_password(address: ServerAddress) -> str | None:
    """The login's password typed this session or from the OS keyring; None without either."""
    if address.keyring_user in _SESSION:
        return _SESSION[address.keyring_user]
    try:
        import keyring
        from keyring.errors import KeyringError

        try:
            return keyring.get_password(KEYRING_SERVICE, address.keyring_user)
        except KeyringError as exc:
            logger.info("no password from the keyring: %s", exc)
            return None
    except Exception as exc:  # a broken keyring backend must not stop a password from pgpass
        logger.info("keyring unavailable: %s", exc)
        return None
