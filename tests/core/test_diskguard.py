"""A project file replaced or changed on disk is caught before the next write, never overwritten."""

from __future__ import annotations

import hashlib
import os
import sqlite3
from datetime import datetime
from pathlib import Path

import pytest

from app.core.diskguard import DiskGuard, my_copy_path
from app.core.errors import ProjectReplacedError
from app.core.services import sections
from app.core.services.sections import add_section, list_sections
from app.core.store import ProjectStore
from tests.core.factories import make_project


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _colleague_copy(path: Path, tmp_path: Path, topics: int) -> Path:
    """A copy of the project in which a colleague added ``topics`` sections."""
    copy = tmp_path / "colleague" / path.name
    copy.parent.mkdir()
    with ProjectStore.open(path) as ours:
        ours.save_copy(copy)
    with ProjectStore.open(copy) as theirs:
        for i in range(topics):
            add_section(theirs, f"Colleague's topic {i}")
    return copy


def _headings(path: Path) -> list[str]:
    with ProjectStore.open(path) as store:
        return [info.heading for info in list_sections(store)]


def test_our_own_writes_never_look_like_a_change(tmp_path: Path) -> None:
    store = make_project(tmp_path / "p.rejoinder")
    for i in range(40):
        add_section(store, f"Topic {i}")
        with store.write():
            pass  # a write that changes nothing leaves the counter alone
    assert store.changed_on_disk() is None
    store.check_on_disk()
    store.close()


def test_a_colleagues_copy_renamed_over_the_open_file_survives_and_so_does_ours(
    tmp_path: Path,
) -> None:
    path = tmp_path / "p.rejoinder"
    make_project(path).close()
    copy = _colleague_copy(path, tmp_path, topics=150)
    store = ProjectStore.open(path)
    for i in range(5):
        add_section(store, f"Our topic {i}")
    os.replace(copy, path)  # what a sync client does
    theirs = _sha(path)
    assert store.changed_on_disk() is not None
    with pytest.raises(ProjectReplacedError) as caught:
        add_section(store, "Written after the replacement")
    error = caught.value
    assert error.my_copy is not None
    mine = Path(error.my_copy)
    assert mine.parent == tmp_path and "(my copy, " in mine.name
    assert "both files exist" in str(error) and "rejoinder merge" in str(error)
    assert "\n" not in str(error)
    with pytest.raises(ProjectReplacedError):  # every later write too, with the same copy
        sections.add_section(store, "Again")
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_file()) == sorted(
        [path.name, mine.name]
    )
    store.close()
    assert _sha(path) == theirs  # nothing of ours reached their file, not even on close
    their_headings = _headings(path)
    our_headings = _headings(mine)
    assert sum(h.startswith("Colleague's topic") for h in their_headings) == 150
    assert not any(h.startswith("Our topic") for h in their_headings)
    assert [h for h in our_headings if h.startswith("Our topic")] == [
        f"Our topic {i}" for i in range(5)
    ]
    assert "Written after the replacement" not in their_headings + our_headings


def test_a_change_in_place_by_another_program_is_caught(tmp_path: Path) -> None:
    path = tmp_path / "p.rejoinder"
    store = make_project(path)
    add_section(store, "Ours")
    other = sqlite3.connect(path)  # a program that ignores our lock
    other.execute("UPDATE project SET title = 'Changed elsewhere'")
    other.commit()
    other.close()
    with pytest.raises(ProjectReplacedError, match="changed by another program"):
        add_section(store, "Ours again")
    store.close()


def test_a_change_right_after_our_commit_is_not_taken_as_ours(tmp_path: Path) -> None:
    """The state after a commit is accepted only if that commit alone explains it."""
    path = tmp_path / "p.rejoinder"
    sqlite3.connect(path).execute("CREATE TABLE t (x)").connection.commit()
    guard = DiskGuard(path)
    ours = sqlite3.connect(path)
    ours.execute("INSERT INTO t VALUES (1)")
    ours.commit()
    other = sqlite3.connect(path)
    other.execute("INSERT INTO t VALUES (2)")
    other.commit()
    guard.committed(modified=True)  # one commit of ours, but the counter moved by two
    assert guard.changed() == "changed by another program"
    ours.close()
    other.close()
    guard.close()


def test_a_deleted_file_is_caught_and_our_version_kept(tmp_path: Path) -> None:
    path = tmp_path / "p.rejoinder"
    store = make_project(path)
    add_section(store, "Keep me")
    path.unlink()
    with pytest.raises(ProjectReplacedError, match="moved or deleted") as caught:
        add_section(store, "Lost?")
    store.close()
    assert caught.value.my_copy is not None
    assert "Keep me" in _headings(Path(caught.value.my_copy))
    assert not path.exists()


def test_my_copy_names_are_clear_and_never_taken(tmp_path: Path) -> None:
    path = tmp_path / "WGEC comments.rejoinder"
    when = datetime(2026, 12, 2, 14, 5)
    first = my_copy_path(path, when)
    assert first.name == "WGEC comments (my copy, 2026-12-02 14.05).rejoinder"
    first.write_bytes(b"taken")
    assert my_copy_path(path, when).name == "WGEC comments (my copy, 2026-12-02 14.05 2).rejoinder"
