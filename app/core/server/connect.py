"""Connecting to a team server, and the server's failures in words a user understands.

An engine is made with SQLAlchemy's psycopg (v3) dialect. A first connection
is tried at once, so that a wrong password or a server that is down is said
when the project is opened, not at the first edit. When libpq found no
password (neither ``PGPASSWORD`` nor ``~/.pgpass``), the OS keyring's is
tried; it lives only in the engine's memory.

A connection the server dropped is replaced without a ping before every
use (a round trip a member's every save would pay): a connection that broke
under an operation fails that operation (:class:`ConnectionLostError`) and
SQLAlchemy then discards every pooled connection, so the next operation
reconnects; a connection idle for :data:`IDLE_PING` seconds, which the server
may have dropped meanwhile (a restart, a firewall), is pinged when it is
taken from the pool and replaced if it does not answer.
"""

from __future__ import annotations

import logging
import time
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL
from sqlalchemy.exc import DBAPIError, DisconnectionError

from app.core.errors import (
    ConnectionLostError,
    ServerError,
    ServerLoginError,
    ServerUnavailableError,
)
from app.core.i18n import _
from app.core.server import notify
from app.core.server.address import ServerAddress, keyring_password

logger = logging.getLogger(__name__)

CONNECT_TIMEOUT = 10  # seconds: a server that does not answer is reported, not waited for
IDLE_PING = 10.0  # seconds a pooled connection may rest before it is pinged on its next use
_IDLE_SINCE = "rejoinder_idle_since"

_LOGIN_STATES = {"28P01", "28000"}
_LOST_STATES = {"57P01", "57P02", "57P03", "08000", "08003", "08006"}
_LOST_WORDS = (
    "server closed the connection",
    "terminating connection",
    "connection is closed",
    "connection is lost",
    "consuming input failed",
    "server conn crashed",
    "ssl syscall error",
)


def _engine(address: ServerAddress, password: str | None) -> Engine:
    url = URL.create(
        "postgresql+psycopg",
        username=address.login,
        password=password,
        host=address.host,
        port=address.port,
        database=address.database,
    )
    engine = create_engine(
        url,
        connect_args={"connect_timeout": CONNECT_TIMEOUT, "application_name": "rejoinder"},
    )
    notify.commit_with_notifies(engine)
    event.listen(engine, "checkin", _rested)
    event.listen(
        engine, "checkout", lambda conn, record, _proxy: _ping_if_idle(engine, conn, record)
    )
    return engine


def _rested(_dbapi_connection: Any, record: Any) -> None:
    if record is not None:
        record.info[_IDLE_SINCE] = time.monotonic()


def _ping_if_idle(engine: Engine, dbapi_connection: Any, record: Any) -> None:
    """A connection that rested long is asked first; the pool replaces one that is gone."""
    since = record.info.get(_IDLE_SINCE)
    if since is None or time.monotonic() - since < IDLE_PING:
        return
    try:
        alive = engine.dialect.do_ping(dbapi_connection)
    except Exception as exc:
        logger.info("a pooled connection to the server is gone: %s", exc)
        alive = False
    if not alive:
        raise DisconnectionError("the server dropped an idle connection")


def make_engine(address: ServerAddress) -> Engine:
    """An engine on ``address`` whose first connection worked; or the reason it cannot."""
    engine = _engine(address, None)
    try:
        engine.connect().close()
        return engine
    except DBAPIError as exc:
        engine.dispose()
        if "no password supplied" not in str(exc.orig):
            raise translate(exc, address) or exc from exc
        password = keyring_password(address)
        if password is None:
            raise ServerLoginError(
                _(
                    "No password for the login “{login}” on {where}: put it in PGPASSWORD, "
                    "~/.pgpass or the keyring (keyring set rejoinder {user})."
                ).format(
                    login=address.login,
                    where=f"{address.host}:{address.port}",
                    user=address.keyring_user,
                )
            ) from exc
    engine = _engine(address, password)
    try:
        engine.connect().close()
    except DBAPIError as exc:
        engine.dispose()
        raise translate(exc, address) or exc from exc
    return engine


def _sqlstate(exc: BaseException) -> str:
    orig = getattr(exc, "orig", exc)
    return str(getattr(orig, "sqlstate", "") or "")


def is_connection_lost(exc: BaseException) -> bool:
    """The connection broke under an operation (the server stopped, the network, a kill)."""
    if isinstance(exc, DBAPIError) and exc.connection_invalidated:
        return True
    if _sqlstate(exc) in _LOST_STATES:
        return True
    text = str(getattr(exc, "orig", exc)).lower()
    return any(words in text for words in _LOST_WORDS)


def translate(exc: BaseException, address: ServerAddress) -> ServerError | None:
    """The typed error a user should see for ``exc``, or None when it is not the server's."""
    if not isinstance(exc, DBAPIError):
        return None
    where = f"{address.host}:{address.port}"
    text = str(exc.orig)
    state = _sqlstate(exc)
    if state in _LOGIN_STATES or "password authentication failed" in text:
        return ServerLoginError(
            _(
                "The team server {where} refused the login “{login}”: wrong password, "
                "or no such login. Check the password in PGPASSWORD, ~/.pgpass or the keyring."
            ).format(where=where, login=address.login)
        )
    if state == "3D000":
        return ServerError(
            _("There is no database “{database}” on the team server {where}.").format(
                database=address.database, where=where
            )
        )
    if is_connection_lost(exc):
        return ConnectionLostError(
            _(
                "The connection to the team server {where} was lost; the last change was not "
                "saved. Try again when the server answers."
            ).format(where=where)
        )
    lowered = text.lower()
    if any(
        words in lowered
        for words in (
            "connection refused",
            "could not connect",
            "timeout expired",
            "could not translate host name",
            "no route to host",
            "network is unreachable",
            "connection failed",
        )
    ):
        return ServerUnavailableError(
            _(
                "The team server {where} does not answer: it may be stopped, or the address is "
                "wrong. Nothing was changed."
            ).format(where=where)
        )
    return None
