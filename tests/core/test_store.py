"""The project file: creation, opening checks, locking, closing to one file."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from app.core.errors import (
    CorruptProjectError,
    NotAProjectError,
    ProjectError,
    ProjectLockedError,
)
from app.core.models import APPLICATION_ID
from app.core.store import ProjectStore
from tests.core.factories import make_project, populated


def test_create_sets_application_id_and_is_one_file_while_open(tmp_path: Path) -> None:
    path = tmp_path / "p.rejoinder"
    store = make_project(path)
    assert store.project().title == "Comments on WGDC-3"
    # a rollback journal, never WAL: no side file holds a committed edit, no lock beside it
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p.rejoinder"]
    store.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p.rejoinder"]
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    conn.close()


def test_reopen_keeps_everything(tmp_path: Path) -> None:
    path = tmp_path / "p.rejoinder"
    store, _source, passage_id, _response = populated(path)
    store.close()
    from app.core.services.passages import list_passages

    with ProjectStore.open(path) as again:
        (info,) = list_passages(again)
    assert info.id == passage_id
    assert info.response_text == "We <b>disagree</b>.<fn>See our paper.</fn>"
    assert info.response_position == "disagree"


def test_second_opener_is_refused_until_the_first_closes(tmp_path: Path) -> None:
    path = tmp_path / "p.rejoinder"
    store = make_project(path)
    with pytest.raises(ProjectLockedError, match="open in another"):
        ProjectStore.open(path)
    store.close()
    ProjectStore.open(path).close()


def test_create_refuses_an_existing_file(tmp_path: Path) -> None:
    path = tmp_path / "p.rejoinder"
    path.write_bytes(b"mine")
    with pytest.raises(ProjectError, match="already exists"):
        make_project(path)
    assert path.read_bytes() == b"mine"


@pytest.mark.parametrize(
    "content",
    [b"", b"hello, this is a text file" * 10, b"%PDF-1.7\n" + b"x" * 200],
)
def test_non_database_files_are_refused(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "p.rejoinder"
    path.write_bytes(content)
    with pytest.raises(NotAProjectError, match="not a Rejoinder project"):
        ProjectStore.open(path)
    assert path.read_bytes() == content


def test_other_sqlite_databases_are_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "other.rejoinder"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(NotAProjectError, match="database, but not a Rejoinder project"):
        ProjectStore.open(path)
    assert path.read_bytes() == before


def test_damaged_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "p.rejoinder"
    store, *_ = populated(path)
    store.close()
    data = bytearray(path.read_bytes())
    page_size = int.from_bytes(data[16:18], "big")
    # Scribble over the second page (a b-tree page) but keep the header intact.
    data[page_size : page_size + 200] = b"\xff" * 200
    path.write_bytes(bytes(data))
    with pytest.raises((CorruptProjectError, ProjectError)):
        ProjectStore.open(path)


def test_missing_file_has_a_clear_message(tmp_path: Path) -> None:
    with pytest.raises(ProjectError, match="no project file"):
        ProjectStore.open(tmp_path / "nothing.rejoinder")


def test_changes_record_author_and_time(tmp_path: Path) -> None:
    store, _s, _p, response_id = populated(tmp_path / "p.rejoinder")
    from app.core.models import Response

    with store.session() as session:
        response = session.get(Response, response_id)
        assert response is not None
        assert response.changed_by == store.member_id
        assert response.created_at.endswith("Z")
    store.close()


def test_save_copy_is_a_complete_project(tmp_path: Path) -> None:
    store, *_ = populated(tmp_path / "p.rejoinder")
    store.save_copy(tmp_path / "copy.rejoinder")
    store.close()
    from app.core.services.sources import list_sources

    with ProjectStore.open(tmp_path / "copy.rejoinder") as copy:
        assert [s.label for s in list_sources(copy)] == ["Arcadia"]


def test_my_new_name_reaches_projects_i_open(tmp_path: Path) -> None:
    from app.core.config import Identity
    from app.core.models import Member

    me = Identity("00000000-0000-4000-8000-0000000000aa", "jdoe", "JD", "")
    ProjectStore.create(tmp_path / "p.rejoinder", title="T", organisation="O", identity=me).close()
    renamed = Identity(me.member_id, "Jane Doe", "JDO", "Borealis")
    with ProjectStore.open(tmp_path / "p.rejoinder", identity=renamed) as store:
        session = store.session()
        member = session.get(Member, me.member_id)
        session.close()
    assert member is not None
    assert (member.name, member.initials, member.organisation) == ("Jane Doe", "JDO", "Borealis")


def test_damage_is_reported_in_one_line(tmp_path: Path) -> None:
    path = tmp_path / "p.rejoinder"
    store, *_ = populated(path)
    store.close()
    data = bytearray(path.read_bytes())
    page_size = int.from_bytes(data[16:18], "big")
    pages = len(data) // page_size
    # 150 pages no table uses: quick_check lists each on a line of its answer
    data += b"\0" * page_size * 150
    data[28:32] = (pages + 150).to_bytes(4, "big")
    path.write_bytes(bytes(data))
    conn = sqlite3.connect(path)
    (answer,) = conn.execute("PRAGMA quick_check").fetchall()
    conn.close()
    assert answer[0].count("\n") >= 100
    with pytest.raises(CorruptProjectError) as caught:
        ProjectStore.open(path)
    message = str(caught.value)
    assert "\n" not in message and len(message) < 400
    assert "is never used (and " in message and "more problems" in message


def test_a_marked_file_without_schema_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "p.rejoinder"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA application_id={APPLICATION_ID}")
    conn.execute("CREATE TABLE notes (x)")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(NotAProjectError, match="holds none"):
        ProjectStore.open(path)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p.rejoinder"]
    from app.core.config import paths

    assert not paths().backups_dir.exists() or not any(paths().backups_dir.iterdir())


def test_a_read_only_file_reads_and_refuses_writes(tmp_path: Path) -> None:
    from app.core.errors import ReadOnlyProjectError
    from app.core.services.sections import add_section
    from app.core.services.sources import list_sources

    path = tmp_path / "p.rejoinder"
    store, *_ = populated(path)
    store.close()
    path.chmod(0o444)
    before = path.read_bytes()
    with ProjectStore.open(path) as again:
        assert again.read_only
        assert [s.label for s in list_sources(again)] == ["Arcadia"]
        with pytest.raises(ReadOnlyProjectError, match="read-only"):
            add_section(again, "Not allowed")
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p.rejoinder"]
