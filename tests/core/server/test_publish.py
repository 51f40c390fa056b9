"""A project published to a real PostgreSQL and checked out again is the same project."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import inspect

from app.core import dump, migrate
from app.core.errors import DatabaseNotEmptyError, InvalidInputError, ProjectError
from app.core.homes import open_home
from app.core.models import TABLES, Note
from app.core.server import is_server_url, schema
from app.core.server.address import ServerAddress
from app.core.server.store import ServerStore
from app.core.server.transfer import publish
from app.core.services import notes
from app.core.store import ProjectStore
from tests.core.factories import populated
from tests.pgserver import PgServer


def _file_project(folder: Path) -> Path:
    path = folder / "p.rejoinder"
    store, _source, passage, _response = populated(path)
    with store:
        first = notes.add_note(store, passage, "Check paragraph 3.")
        notes.add_note(store, passage, "Done.", parent_ref=first)
    return path


def test_publish_then_checkout_gives_equal_dumps(tmp_path: Path, pg_url: str) -> None:
    path = _file_project(tmp_path)
    assert publish(path, pg_url) > 0
    with ProjectStore.open(path) as store:
        original = dump.dumps(store)
    with open_home(pg_url) as server:
        assert isinstance(server, ServerStore)
        on_server = dump.dumps(server)
        server.save_copy(tmp_path / "copy.rejoinder")
    with open_home(tmp_path / "copy.rejoinder") as copy:
        checked_out = dump.dumps(copy)
    assert on_server == original
    assert checked_out == original


def test_every_revision_builds_the_schema_of_the_models(tmp_path: Path, pg_url: str) -> None:
    publish(_file_project(tmp_path), pg_url)
    with open_home(pg_url) as server, server.engine.connect() as connection:
        assert schema.read_revision(connection) == migrate.head_revision()
        found = inspect(connection)
        for model in TABLES:
            table = model.__table__  # type: ignore[attr-defined]
            columns = {c["name"] for c in found.get_columns(table.name)}
            assert columns == {c.name for c in table.columns}, table.name


def test_publish_refuses_a_database_that_is_not_empty(
    tmp_path: Path, pg_url: str, pg_server: PgServer, pg_database: str
) -> None:
    with pg_server.connect(pg_database) as conn:
        conn.execute("CREATE TABLE theirs (x integer)")
        conn.execute("INSERT INTO theirs VALUES (1)")
    with pytest.raises(DatabaseNotEmptyError, match="not empty"):
        publish(_file_project(tmp_path), pg_url)
    with pg_server.connect(pg_database) as conn:
        tables = conn.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
        ).fetchall()
        assert tables == [("theirs",)]
        assert conn.execute("SELECT x FROM theirs").fetchall() == [(1,)]


def test_a_server_project_is_edited_like_a_file(tmp_path: Path, pg_url: str) -> None:
    publish(_file_project(tmp_path), pg_url)
    with open_home(pg_url) as server:
        with server.session() as session:
            passage_id = session.query(Note).first().target_id  # type: ignore[union-attr]
        added = notes.add_note(server, passage_id, "From the server.")
    with open_home(pg_url) as again, again.session() as session:
        assert session.get(Note, added) is not None


def test_an_empty_database_is_not_a_project(pg_url: str) -> None:
    with pytest.raises(ProjectError, match="holds no Rejoinder project"):
        open_home(pg_url)


@pytest.mark.parametrize(
    "url",
    [
        "postgresql://host/db",
        "postgresql://me@host:5432/",
        "postgresql://me:secret@host:5432/db",
        "postgresql://me@host:notaport/db",
    ],
)
def test_a_bad_address_is_refused_before_connecting(url: str) -> None:
    assert is_server_url(url)
    with pytest.raises(InvalidInputError):
        ServerAddress.parse(url)


def test_an_address_keeps_no_password() -> None:
    address = ServerAddress.parse("postgresql://alice@db.example.org:6543/wgec")
    assert (address.login, address.host, address.port, address.database) == (
        "alice",
        "db.example.org",
        6543,
        "wgec",
    )
    assert address.url() == "postgresql://alice@db.example.org:6543/wgec"
    assert not is_server_url("wgec.rejoinder")
