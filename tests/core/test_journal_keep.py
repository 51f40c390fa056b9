"""What the journal keeps: the newest operations by count, age and size, and an import's text once.

The rule (``app.core.journal.recorder.trim``): the newest ``KEEP`` entries
always; beyond them, entries younger than ``KEEP_DAYS`` while they and the
newer ones hold at most ``KEEP_BYTES``. A source's text is kept by its row,
and moved into the journal only while the import is undone.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select, update

from app.core import dump
from app.core.errors import UndoConflictError
from app.core.journal import replay
from app.core.models import JournalBlob, JournalEntry, SourceVersion
from app.core.services import sections, sources
from app.core.store import ProjectStore
from app.importers.text import import_text
from tests.core.factories import add_text_source, make_project

LONG = "\n\n".join(
    f"{n}. Paragraph {n} of a long submission on enhanced cooperation." for n in range(400)
)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[ProjectStore]:
    with make_project(tmp_path / "p.rejoinder") as store:
        yield store


def _entries(store: ProjectStore) -> list[JournalEntry]:
    with store.session() as session:
        return list(session.scalars(select(JournalEntry).order_by(JournalEntry.seq)))


def test_an_import_keeps_its_text_once_and_undo_and_redo_restore_it(
    tmp_path: Path, store: ProjectStore
) -> None:
    empty = dump.dumps(store)
    add_text_source(store, LONG, label="Long")
    full = dump.dumps(store)
    (entry,) = _entries(store)
    assert "Paragraph 399" not in entry.rows  # the row holds the text; the entry its digest
    assert entry.size == len(entry.rows) < len(LONG) // 4
    replay.undo(store)
    assert dump.dumps(store) == empty
    store.close()
    with ProjectStore.open(tmp_path / "p.rejoinder") as again:  # parked text survives a restart
        replay.redo(again)
        assert dump.dumps(again) == full
        with again.session() as session:
            assert session.scalar(select(func.count()).select_from(JournalBlob)) == 0


def test_an_operation_that_leaves_the_text_alone_does_not_copy_it(store: ProjectStore) -> None:
    source = add_text_source(store, LONG, label="Long")
    text = LONG.replace("Paragraph 7 ", "Paragraph seven ")
    sources.add_version(store, source, import_text(text), text.encode(), filename="rev1.txt")
    before = dump.dumps(store)
    sources.remove_version(store, source)  # tombstones the new version: its text unchanged
    newest = _entries(store)[-1]
    assert "Paragraph 399" not in newest.rows
    replay.undo(store)
    assert dump.dumps(store) == before


def test_a_text_changed_since_is_refused_by_its_digest(store: ProjectStore) -> None:
    add_text_source(store, LONG, label="Long")
    with store.write(record=False) as session:  # as a colleague's merged change would
        session.execute(update(SourceVersion).values(text=LONG + " Amended."))
    with pytest.raises(UndoConflictError, match="text"):
        replay.undo(store)
    assert len(_entries(store)) == 1


def test_recent_small_entries_are_kept_past_the_count(
    store: ProjectStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("app.core.journal.recorder.KEEP", 3)
    with store.group():  # as `rejoinder batch` runs its lines
        for i in range(8):
            sections.add_section(store, f"Topic {i}")
    assert len(_entries(store)) == 8
    for _ in range(8):
        replay.undo(store)
    assert sections.list_sections(store) == []


def test_old_entries_go_once_past_the_count(
    store: ProjectStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("app.core.journal.recorder.KEEP", 2)
    for i in range(5):
        sections.add_section(store, f"Topic {i}")
    old = (datetime.now(UTC) - timedelta(days=31)).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    seqs = [e.seq for e in _entries(store)]
    with store.write(record=False) as session:
        session.execute(update(JournalEntry).where(JournalEntry.seq <= seqs[2]).values(at=old))
    sections.add_section(store, "Topic 5")  # the next entry trims
    kept = [json.loads(e.rows)[0][3]["heading"] for e in _entries(store)]
    assert kept == ["Topic 3", "Topic 4", "Topic 5"]


def test_past_the_size_the_oldest_go_but_never_the_newest_count(
    store: ProjectStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("app.core.journal.recorder.KEEP", 2)
    for i in range(4):
        sections.add_section(store, f"Topic {i}")
    sizes = [e.size for e in _entries(store)]
    monkeypatch.setattr("app.core.journal.recorder.KEEP_BYTES", sum(sizes[-3:]) + 10)
    sections.add_section(store, "Topic 4")
    assert len(_entries(store)) == 3  # the newest three fit, the fourth would not
    monkeypatch.setattr("app.core.journal.recorder.KEEP_BYTES", 0)
    sections.add_section(store, "Topic 5")
    assert len(_entries(store)) == 2  # nothing fits: the newest KEEP stay all the same
