"""A response's text saved on a team server in two statements leaves what the ORM path leaves.

:mod:`app.core.server.quicksave` writes the response, its revision, the
journal entry and the announcement without the ORM. These tests hold it to
the ORM path (:meth:`ProjectStore.write`): the same rows and images, an entry
that undoes and redoes, the same conflict; and to its own promises: two
statements, no BEGIN or COMMIT, and a row changed between them is never
written over.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Connection, select

from app.core.errors import EditConflictError, NotAllowedError
from app.core.homes import open_home
from app.core.journal import images, replay
from app.core.merge import list_conflicts
from app.core.models import Conflict, JournalEntry, Response, Revision
from app.core.server import quicksave
from app.core.server.members import grant_role
from app.core.server.store import ServerStore
from app.core.services import notes, responses
from app.core.store import ProjectStore
from tests.core.factories import populated
from tests.pgserver import PgServer, traced


@pytest.fixture
def published(tmp_path: Path, pg_url: str) -> str:
    store, _source, passage, _response = populated(tmp_path / "p.rejoinder")
    store.close()
    from app.core.server.transfer import publish

    publish(tmp_path / "p.rejoinder", pg_url)
    return passage


@pytest.fixture
def server(pg_url: str, published: str) -> Iterator[ProjectStore]:
    with open_home(pg_url) as store:
        assert isinstance(store, ServerStore)
        yield store


def _orm_path(monkeypatch: pytest.MonkeyPatch) -> None:
    """The save takes :meth:`ProjectStore.write`, as it did before the lean path."""
    monkeypatch.setattr(ServerStore, "save_response_text", lambda *_args, **_kwargs: None)


def _newest_entry(store: ProjectStore) -> JournalEntry:
    with store.session() as session:
        entry = session.scalars(select(JournalEntry).order_by(JournalEntry.seq.desc())).first()
        assert entry is not None
        return entry


def _shape(entry: JournalEntry) -> list[tuple[str, Any, Any]]:
    """An entry's rows, without ids, times and stamps: which tables, which columns."""
    return [
        (name, None if old is None else sorted(old), None if new is None else sorted(new))
        for name, _id, old, new in json.loads(entry.rows)
    ]


def _history_fields(history: str) -> dict[str, int]:
    return {field: len(stamps) for field, stamps in json.loads(history).items()}


def test_a_text_saved_lean_leaves_the_rows_and_entry_the_orm_path_leaves(
    server: ProjectStore, published: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    base = responses.response_version(server, published)
    with monkeypatch.context() as patched:
        _orm_path(patched)
        by_orm = responses.save_response(server, published, "First.", base_version=base)
    orm_entry = _newest_entry(server)
    lean = responses.save_response(server, published, "Second.", base_version=by_orm.version)
    lean_entry = _newest_entry(server)
    assert lean.response_id == by_orm.response_id
    assert lean.version == responses.response_version(server, published) != by_orm.version
    assert (lean_entry.label, lean_entry.member_id) == (orm_entry.label, orm_entry.member_id)
    assert lean_entry.size == len(lean_entry.rows)
    assert _shape(lean_entry) == _shape(orm_entry)
    # every image is the row as the database holds it, exactly (undo compares them)
    with server.engine.connect() as connection:
        for name, row_id, _old, new in json.loads(lean_entry.rows):
            assert images.read(connection, name, [row_id])[row_id] == new
    with server.session() as session:
        response = session.get(Response, lean.response_id)
        assert response is not None and response.text == "Second."
        assert response.changed_by == server.member_id
        assert _history_fields(response.field_history)["text"] == 2
        kept = session.scalars(
            select(Revision).where(Revision.response_id == lean.response_id)
        ).all()
        assert "First." in {r.text for r in kept}
        assert {r.author_id for r in kept if r.text == "First."} == {server.member_id}


def test_a_lean_save_undoes_and_redoes_for_its_member_only(
    server: ProjectStore,
    published: str,
    pg_server: PgServer,
    pg_database: str,
    pg_passfile: Path,
) -> None:
    login = f"{pg_database}_other"
    pg_server.create_login(login, "other-secret", pg_passfile)
    grant_role(server, login, "coordinator")
    before = responses.response_version(server, published)
    with server.session() as session:
        original = session.scalars(select(Response.text)).one()
    responses.save_response(server, published, "Mine.", base_version=before)
    with open_home(pg_server.url(pg_database, login)) as other:
        assert other.member_id != server.member_id
        assert replay.can_undo(other) is None  # my save is not theirs to undo
    assert replay.can_undo(server) == "Edit response"
    replay.undo(server)
    with server.session() as session:
        assert session.scalars(select(Response.text)).one() == original
        assert session.scalars(select(Revision.text).where(Revision.text == original)).all() == []
    replay.redo(server)
    with server.session() as session:
        assert session.scalars(select(Response.text)).one() == "Mine."


def test_a_lean_save_is_two_round_trips_without_begin_or_commit(
    server: ProjectStore, published: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    with traced(server.engine) as requests:
        base = responses.response_version(server, published)
        before = len(requests.sent())
        responses.save_response(server, published, "Lean.", base_version=base)
        lean = requests.sent()[before:]
        with monkeypatch.context() as patched:
            _orm_path(patched)
            responses.save_response(server, published, "By the ORM.")
        orm = requests.sent()[before + len(lean) :]
    # the trace sees BEGIN and COMMIT where they are sent
    assert orm[0].startswith('Query "BEGIN') and orm[-1].endswith('; COMMIT"')
    assert lean == ["Sync", "Sync"]


def test_the_second_writer_gets_the_conflict_the_orm_path_would_keep(
    pg_url: str, published: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    with open_home(pg_url) as alice, open_home(pg_url) as bob:
        seen = responses.response_version(bob, published)
        responses.save_response(alice, published, "Alice's.", base_version=seen)
        with pytest.raises(EditConflictError):
            responses.save_response(bob, published, "Bob's lean.", base_version=seen)
        lean_entry = _newest_entry(bob)
        with monkeypatch.context() as patched:
            _orm_path(patched)
            with pytest.raises(EditConflictError):
                responses.save_response(bob, published, "Bob's by the ORM.", base_version=seen)
        orm_entry = _newest_entry(bob)
        with bob.session() as session:
            lean, orm = sorted(
                session.scalars(select(Conflict)), key=lambda c: c.theirs_value != '"Bob\'s lean."'
            )
        columns = images.image_columns("conflict")
        differ = {"id", "created_at", "updated_at", "field_history", "theirs_value", "theirs_time"}
        assert {c: getattr(lean, c) for c in columns if c not in differ} == {
            c: getattr(orm, c) for c in columns if c not in differ
        }
        assert lean.ours_value == json.dumps("Alice's.") and lean.theirs_author
        kept = [c.theirs_value for c in list_conflicts(alice)]
        assert sorted(kept) == ["Bob's by the ORM.", "Bob's lean."]
        assert _shape(lean_entry) == _shape(orm_entry)
        assert _shape(lean_entry)[0][0] == "conflict"
        assert responses.response_version(alice, published) != seen


class _Meddling:
    """A connection on which another member saves right after the lean path's first read."""

    def __init__(self, connection: Connection, meddle: Any) -> None:
        self.connection, self.meddle = connection, meddle

    def execute(self, statement: Any, params: Any = None) -> Any:
        result = self.connection.execute(statement, params)
        if statement is quicksave._READ and self.meddle is not None:
            self.meddle()
            self.meddle = None
        return result


def test_a_save_committed_between_the_read_and_the_write_is_never_written_over(
    pg_url: str, published: str
) -> None:
    with open_home(pg_url) as alice, open_home(pg_url) as bob:
        seen = responses.response_version(bob, published)

        def alice_saves() -> None:
            responses.save_response(alice, published, "Alice's.", base_version=seen)

        with bob.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            done = quicksave.save_text(
                _Meddling(connection, alice_saves),  # type: ignore[arg-type]
                bob,
                published,
                "Bob's.",
                seen,
            )
        # read again: Bob's text is a conflict beside Alice's, as under the ORM path's lock
        assert done is not None and done.conflict_id is not None
        with bob.session() as session:
            assert session.scalars(select(Response.text)).one() == "Alice's."
            assert "Bob's." not in session.scalars(select(Revision.text)).all()
        assert [c.theirs_value for c in list_conflicts(bob)] == ["Bob's."]
        assert done.version == responses.response_version(bob, published) != seen


def test_a_response_the_login_may_not_change_is_refused_and_unchanged(
    server: ProjectStore,
    published: str,
    pg_server: PgServer,
    pg_database: str,
    pg_passfile: Path,
) -> None:
    login = f"{pg_database}_drafter"
    pg_server.create_login(login, "drafter-secret", pg_passfile)
    grant_role(server, login, "drafter")
    with open_home(pg_server.url(pg_database, login)) as drafter:
        base = responses.response_version(drafter, published)
        with drafter.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as hidden:
            # row-level security hides another's response from the UPDATE: not written here
            assert quicksave.save_text(hidden, drafter, published, "Mine.", base) is None
        with pytest.raises(NotAllowedError, match="responses of other members"):
            responses.save_response(drafter, published, "Mine.", base_version=base)
    assert responses.response_version(server, published) == base
    with server.session() as session:
        assert "Mine." not in session.scalars(select(Response.text)).all()


def _entries(store: ProjectStore) -> int:
    with store.session() as session:
        return len(session.scalars(select(JournalEntry.seq)).all())


def _burst(store: ProjectStore, passage: str, words: list[str]) -> JournalEntry:
    version = responses.response_version(store, passage)
    for word in words:
        version = responses.save_response(
            store, passage, word, base_version=version, typing=True
        ).version
    return _newest_entry(store)


def test_saves_typed_in_a_burst_join_one_entry_as_on_the_orm_path(
    server: ProjectStore, published: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    with server.session() as session:
        original = session.scalars(select(Response.text)).one()
    counted = _entries(server)
    with monkeypatch.context() as patched:
        _orm_path(patched)
        by_orm = _burst(server, published, ["One.", "One two.", "One two three."])
    assert _entries(server) == counted + 1
    notes.add_note(server, published, "Another step between the bursts.")
    with traced(server.engine) as requests:
        lean = _burst(server, published, ["Four.", "Four five.", "Four five six."])
        sent = requests.sent()
    # the editor's read, then two statements a save; then this test's read of the entry
    assert sent[:7] == ["Sync"] * 7 and sent[7].startswith('Query "BEGIN')
    assert _entries(server) == counted + 3
    assert _shape(lean) == _shape(by_orm)  # the response, and one revision a save
    with server.engine.connect() as connection:
        for name, row_id, _old, new in json.loads(lean.rows):
            assert images.read(connection, name, [row_id])[row_id] == new
    replay.undo(server)
    with server.session() as session:
        assert session.scalars(select(Response.text)).one() == "One two three."
    replay.undo(server)  # the note
    replay.undo(server)
    with server.session() as session:
        assert session.scalars(select(Response.text)).one() == original
        assert session.scalars(select(Revision.id)).all() == []


def test_a_burst_another_member_wrote_into_starts_a_new_entry(
    server: ProjectStore,
    published: str,
    pg_server: PgServer,
    pg_database: str,
    pg_passfile: Path,
) -> None:
    login = f"{pg_database}_other"
    pg_server.create_login(login, "other-secret", pg_passfile)
    grant_role(server, login, "coordinator")
    _burst(server, published, ["Mine."])
    counted = _entries(server)
    with open_home(pg_server.url(pg_database, login)) as other:
        _burst(other, published, ["Theirs."])
    assert _entries(server) == counted + 1
    _burst(server, published, ["Mine again."])
    assert _entries(server) == counted + 2
    replay.undo(server)  # my newest step only: their text is back
    with server.session() as session:
        assert session.scalars(select(Response.text)).one() == "Theirs."
