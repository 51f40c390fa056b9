"""``rejoinder import``'s sqlite3 path stores what the store stores, and undo takes it back."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest

from app.core import dump, quickimport
from app.core.config import local_identity
from app.core.document import ImportedText
from app.core.errors import DuplicateSourceError, InvalidInputError
from app.core.journal import images, recorder, replay
from app.core.services import sources
from app.core.similar.build import index_new_version as index
from app.core.store import ProjectStore
from app.importers.base import ImportOptions
from app.importers.pdf import import_bytes
from tests.core.factories import SUBMISSION, add_text_source, make_project
from tests.helpers import ROOT

PDF = ROOT / "tests/fixtures/realdocs/pdf/two-column-tracemonkey-paper.pdf"
_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
_TIME = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z")
_INDEX = ("sentence", "sentence_keys", "sentence_index")  # the similar-passage index
_TOKEN = re.compile(r"(?<![0-9a-f-])[0-9a-f]{12}(?![0-9a-f-])")


def _normal(text: str) -> str:
    """Ids numbered in order of appearance; times and the stamps' random parts blanked."""
    names: dict[str, str] = {}
    text = _UUID.sub(lambda m: names.setdefault(m.group(), f"ID{len(names)}"), text)
    return _TOKEN.sub("TOKEN", _TIME.sub("TIME", text))


def _rows(path: Path) -> list[str]:
    """Every row of the tables an import writes, and the journal, as normalised text."""
    conn = sqlite3.connect(path)
    try:
        out = []
        tables = (*quickimport.COLUMNS, "journal_entry", "journal_blob", *_INDEX)
        for table in tables:
            order = {"journal_entry": "seq"}.get(table, "rowid")
            for row in conn.execute(f"SELECT * FROM {table} ORDER BY {order}"):
                out.append(f"{table} {row!r}")
        return [_normal(row) for row in out]
    finally:
        conn.close()


def _pdf() -> tuple[ImportedText, bytes]:
    data = PDF.read_bytes()
    return import_bytes(data, ImportOptions(), workers=0), data


def _two_projects(tmp_path: Path) -> tuple[Path, Path]:
    """Two projects in the same state: one source already, one deleted, one undone import."""
    paths = (tmp_path / "store.rejoinder", tmp_path / "quick.rejoinder")
    for path in paths:
        with make_project(path) as store:
            add_text_source(store, label="Arcadia")
            gone = add_text_source(store, SUBMISSION + "Gone.\n", label="Gone")
            sources.remove_source(store, gone)
            add_text_source(store, SUBMISSION + "Undone.\n", label="Undone")
            replay.undo(store)
    return paths


@pytest.mark.parametrize("kind", ["submission", "reference"])
def test_rows_and_journal_entry_are_the_stores_own(tmp_path: Path, kind: str) -> None:
    imported, data = _pdf()
    by_store, quick = _two_projects(tmp_path)
    with ProjectStore.open(by_store) as store:
        sources.add_source(store, imported, data, filename="t.pdf", label=" Mozilla ", kind=kind)
    source_id = quickimport.add_source(
        quick, imported, data, filename="t.pdf", label=" Mozilla ", kind=kind, indexer=index
    )
    assert source_id is not None
    rows = _rows(quick)
    assert rows == _rows(by_store)
    assert sum(row.startswith("sentence ") for row in rows) > 100
    with ProjectStore.open(quick) as store:
        assert sources.source_info(store, source_id).label == "Mozilla"  # type: ignore[union-attr]


def test_undo_and_redo_of_a_quick_import_restore_the_project_exactly(tmp_path: Path) -> None:
    imported, data = _pdf()
    path = tmp_path / "p.rejoinder"
    with make_project(path) as store:
        add_text_source(store)
        before = dump.dumps(store)
    assert quickimport.add_source(path, imported, data, filename="t.pdf", label="M") is not None
    with ProjectStore.open(path) as store:
        after = dump.dumps(store)
        assert replay.undo(store).label == "Import source"
        assert dump.dumps(store) == before
        replay.redo(store)
        assert dump.dumps(store) == after


def test_a_duplicate_is_refused_as_the_store_refuses_it(tmp_path: Path) -> None:
    imported, data = _pdf()
    path = tmp_path / "p.rejoinder"
    make_project(path).close()
    assert quickimport.add_source(path, imported, data, filename="t.pdf", label="M") is not None
    with pytest.raises(DuplicateSourceError, match=r"already imported as “M” \(t\.pdf\)"):
        quickimport.add_source(path, imported, data, filename="u.pdf", label="N")
    with pytest.raises(InvalidInputError):
        quickimport.add_source(path, imported, data, filename="u.pdf", label="  ")
    with ProjectStore.open(path) as store:
        assert len(sources.list_sources(store)) == 1


def test_a_file_the_store_would_change_first_is_left_to_it(tmp_path: Path) -> None:
    imported, data = _pdf()
    path = tmp_path / "p.rejoinder"
    make_project(path).close()
    someone_else = local_identity()
    someone_else.name = "Someone Else"
    assert (
        quickimport.add_source(
            path, imported, data, filename="t.pdf", label="M", identity=someone_else
        )
        is None
    )
    path.with_name(path.name + "-journal").write_bytes(b"")  # a killed writer's leftover
    assert quickimport.add_source(path, imported, data, filename="t.pdf", label="M") is None
    path.with_name(path.name + "-journal").unlink()
    path.chmod(0o444)
    try:
        assert quickimport.add_source(path, imported, data, filename="t.pdf", label="M") is None
    finally:
        path.chmod(0o644)
    with ProjectStore.open(path) as store:
        assert sources.list_sources(store) == []


def test_the_journal_is_trimmed_as_the_store_trims_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    imported, data = _pdf()
    by_store, quick = _two_projects(tmp_path)
    for module in (recorder, quickimport):
        monkeypatch.setattr(module, "KEEP", 1)
        monkeypatch.setattr(module, "KEEP_BYTES", 0)
    with ProjectStore.open(by_store) as store:
        sources.add_source(store, imported, data, filename="t.pdf", label="M")
    quickimport.add_source(quick, imported, data, filename="t.pdf", label="M", indexer=index)
    assert _rows(quick) == _rows(by_store)
    assert sum(row.startswith("journal_entry") for row in _rows(quick)) == 1


def test_what_it_copies_from_the_store_still_agrees() -> None:
    for table, columns in quickimport.COLUMNS.items():
        assert columns == tuple(images.image_columns(table)), table
    assert list(quickimport.COLUMNS) == [t for t in images.JOURNALED if t in quickimport.COLUMNS]
    assert quickimport.LARGE == images.LARGE
    assert (quickimport.KEEP, quickimport.KEEP_DAYS, quickimport.KEEP_BYTES) == (
        recorder.KEEP,
        recorder.KEEP_DAYS,
        recorder.KEEP_BYTES,
    )
    assert " ".join(quickimport._CUT.split()) == " ".join(str(recorder._CUT).split())
