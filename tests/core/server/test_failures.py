"""Each way a team server can fail says so in one clear line, and half-writes nothing."""

from __future__ import annotations

from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend
from sqlalchemy import func, select, text

from app.core import i18n
from app.core.errors import (
    ConnectionLostError,
    NewerSchemaError,
    ServerLoginError,
    ServerUnavailableError,
)
from app.core.homes import open_home
from app.core.models import Note, Passage
from app.core.server import connect, team
from app.core.server.address import KEYRING_SERVICE, ServerAddress
from app.core.server.transfer import publish
from app.core.services import notes
from tests.core.factories import populated
from tests.pgserver import ADMIN_PASSWORD, PgServer, free_port


@pytest.fixture
def published(tmp_path: Path, pg_url: str) -> str:
    store, *_ = populated(tmp_path / "p.rejoinder")
    store.close()
    publish(tmp_path / "p.rejoinder", pg_url)
    return pg_url


def test_a_wrong_password(published: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PGPASSWORD", "not-the-password")
    with pytest.raises(ServerLoginError, match="refused the login “rejoinder_admin”") as caught:
        open_home(published)
    assert "\n" not in str(caught.value)


def test_no_password_anywhere(
    published: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "none"))
    monkeypatch.setattr(keyring, "get_password", lambda _service, _user: None)
    with pytest.raises(ServerLoginError, match="No password for the login"):
        open_home(published)


class _MemoryKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.secrets.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.secrets[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.secrets.pop((service, username), None)


def test_the_password_from_the_keyring(
    published: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "none"))
    previous = keyring.get_keyring()
    memory = _MemoryKeyring()
    keyring.set_keyring(memory)
    try:
        user = ServerAddress.parse(published).keyring_user
        memory.set_password(KEYRING_SERVICE, user, ADMIN_PASSWORD)
        with open_home(published) as server, server.session() as session:
            assert session.scalar(select(func.count(Passage.id))) == 1
        assert ADMIN_PASSWORD not in str(server.engine.url)
    finally:
        keyring.set_keyring(previous)


def test_the_server_down_at_start(published: str, pg_server: PgServer) -> None:
    down = published.replace(f":{pg_server.port}/", f":{free_port()}/")
    with pytest.raises(ServerUnavailableError, match="does not answer"):
        open_home(down)


def test_the_connection_lost_in_the_middle_of_an_edit(published: str, pg_server: PgServer) -> None:
    with open_home(published) as server:
        with server.session() as session:
            passage_id = session.scalars(select(Passage.id)).one()
        lost = pytest.raises(ConnectionLostError, match="was lost; the last change was not saved")
        with lost, server.write("Add note") as session:
            pid = session.execute(text("SELECT pg_backend_pid()")).scalar_one()
            with pg_server.connect() as admin:
                admin.execute("SELECT pg_terminate_backend(%s)", (pid,))
            notes.add_note(server, passage_id, "This note is lost with the connection.")
        # nothing of it was saved, and the same open project works again
        with server.session() as session:
            assert session.scalar(select(func.count(Note.id))) == 0
        notes.add_note(server, passage_id, "Saved once the server answers.")
        with server.session() as session:
            assert session.scalars(select(Note.text)).all() == ["Saved once the server answers."]


def test_a_database_of_a_newer_schema(published: str, pg_server: PgServer) -> None:
    database = ServerAddress.parse(published).database
    with pg_server.connect(database) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0999_from_the_future'")
    with pytest.raises(NewerSchemaError, match="newer version of Rejoinder"):
        open_home(published)
    with pg_server.connect(database) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchall() == [
            ("0999_from_the_future",)
        ]


class _Refused(Exception):
    sqlstate = "42501"


def test_the_server_and_its_refusals_speak_the_users_language(
    published: str, pg_server: PgServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PGPASSWORD", "not-the-password")
    try:
        i18n.set_language("fr")
        with pytest.raises(ServerLoginError, match="a refusé l’identifiant « rejoinder_admin »"):
            open_home(published)
        i18n.set_language("es")
        down = published.replace(f":{pg_server.port}/", f":{free_port()}/")
        with pytest.raises(ServerUnavailableError, match="no responde"):
            open_home(down)
        failure = Exception()
        failure.orig = _Refused('new row violates row-level security policy for table "note"')  # type: ignore[attr-defined]
        refused = team.refusal(failure, "drafter")
        assert refused is not None
        assert "su usuario es redactor (solo puede escribir sus propias notas)" in str(refused)
    finally:
        i18n.set_language("en")


def test_a_connection_the_server_dropped_while_idle_is_replaced_before_use(
    published: str, pg_server: PgServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(connect, "IDLE_PING", 0.0)  # every connection has rested long enough
    with open_home(published) as server:
        with server.session() as session:
            passage_id = session.scalars(select(Passage.id)).one()
            pid = session.execute(text("SELECT pg_backend_pid()")).scalar_one()
        with pg_server.connect() as admin:
            admin.execute("SELECT pg_terminate_backend(%s)", (pid,))
            gone = "SELECT count(*) FROM pg_stat_activity WHERE pid = %s"
            while admin.execute(gone, (pid,)).fetchone() != (0,):
                pass
        notes.add_note(server, passage_id, "Saved on a fresh connection.")
        with server.session() as session:
            assert session.scalars(select(Note.text)).all() == ["Saved on a fresh connection."]
