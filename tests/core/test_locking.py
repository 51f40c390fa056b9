"""The lock follows the file, not its name, and never outlives a close."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from app.core.errors import NewerSchemaError, ProjectLockedError
from app.core.locking import ProjectLock, locks_dir
from app.core.services.sections import add_section, list_sections
from app.core.store import ProjectStore
from tests.core.factories import make_project


def _leftovers(folder: Path) -> list[str]:
    found = sorted(p.name for p in folder.iterdir())
    if locks_dir().exists():
        found += sorted(f"locks/{p.name}" for p in locks_dir().iterdir())
    return found


def test_a_hard_link_to_an_open_project_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "p.rejoinder"
    store = make_project(path)
    (tmp_path / "elsewhere").mkdir()
    link = tmp_path / "elsewhere" / "same.rejoinder"
    os.link(path, link)
    with pytest.raises(ProjectLockedError, match="open in another"):
        ProjectStore.open(link)
    add_section(store, "Still mine")
    store.close()
    with ProjectStore.open(link) as again:  # free once the first holder closed
        assert [s.heading for s in list_sections(again)] == ["Still mine"]


def test_a_symlink_to_an_open_project_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "p.rejoinder"
    store = make_project(path)
    link = tmp_path / "shortcut.rejoinder"
    link.symlink_to(path)
    with pytest.raises(ProjectLockedError):
        ProjectStore.open(link)
    store.close()
    ProjectStore.open(link).close()


def test_the_lock_is_released_and_removed_on_close(tmp_path: Path) -> None:
    path = tmp_path / "p.rejoinder"
    store = make_project(path)
    held = [p.name for p in locks_dir().iterdir()]
    assert len(held) == 1 and held[0].endswith(".lock")
    store.close()
    assert _leftovers(tmp_path) == ["p.rejoinder"]


def test_no_lock_or_journal_outlives_a_failed_open(tmp_path: Path) -> None:
    path = tmp_path / "p.rejoinder"
    make_project(path).close()
    conn = sqlite3.connect(path)
    conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    conn.commit()
    conn.close()
    with pytest.raises(NewerSchemaError):
        ProjectStore.open(path)
    assert _leftovers(tmp_path) == ["p.rejoinder"]


def test_a_second_lock_on_the_same_file_in_one_process_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "p.rejoinder"
    path.write_bytes(b"x")
    first = ProjectLock(path)
    first.acquire()
    with pytest.raises(ProjectLockedError):
        ProjectLock(path).acquire()
    first.release()
    second = ProjectLock(path)
    second.acquire()
    second.release()
    assert not second.path.exists()
