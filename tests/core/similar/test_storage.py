"""How the sentence index is stored: a blob of band keys per key bucket and version (issue 16).

An import writes a few hundred ``sentence_keys`` rows instead of one per key;
these tests check that what is stored is every key of every sentence, that a
look-up finds it again, that a version's rows go when it is indexed again,
and that an index of the former layout (a 0009 project) is rebuilt.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
from sqlalchemy import func, select

from app.core.models import Passage, Sentence, SentenceIndex, SentenceKeys, SourceVersion
from app.core.services import passages, sources
from app.core.similar import build, ensure_index, sentences, similar_to_passage, sketch
from app.core.similar.index import index_version
from app.core.similar.lookup import _keys_of
from app.core.similar.scheme import BANDS, BUCKET_BITS, SCHEME
from app.core.store import ProjectStore
from tests.core.factories import add_text_source, make_project
from tests.core.similar.test_similar import BELIEVE, EU, JAPAN, _source
from tests.core.similar.test_similar import project as project  # the three-source fixture
from tests.helpers import ROOT


def _stored(store: ProjectStore) -> dict[int, set[int]]:
    """sentence id → the keys stored for it, read back from every ``sentence_keys`` row."""
    found: dict[int, set[int]] = {}
    with store.session() as session:
        for row_id, blob in session.execute(select(SentenceKeys.id, SentenceKeys.keys)):
            keys, offsets = build.unpack(blob)
            bucket = row_id >> 40
            assert all(int(k) >> (32 - BUCKET_BITS) == bucket for k in keys)
            for key, offset in zip(keys.tolist(), offsets.tolist(), strict=True):
                found.setdefault(build.first_of(row_id) + offset, set()).add(key)
    return found


def test_key_rows_round_trip_every_key_of_every_sentence_once() -> None:
    keys = np.array([[5, -1, 5] + [0] * (BANDS - 3), list(range(BANDS))], dtype=np.int64)
    rows = build.key_rows(1000, keys)
    assert [row_id & ((1 << 40) - 1) for row_id, _ in rows] == [1000] * len(rows)
    assert [row_id for row_id, _ in rows] == sorted(row_id for row_id, _ in rows)
    back: dict[int, list[int]] = {}
    for _row_id, blob in rows:
        found, offsets = build.unpack(blob)
        for key, offset in zip(found.tolist(), offsets.tolist(), strict=True):
            back.setdefault(offset, []).append(key)
    # a key two bands of one sentence share is kept once; -1 is stored as its 32 bits
    assert sorted(back[0]) == [0, 5, 0xFFFFFFFF]
    assert sorted(back[1]) == list(range(BANDS))


def test_the_index_holds_exactly_the_keys_a_look_up_recomputes(project: ProjectStore) -> None:
    eu = _source(project, "European Union")
    passage_id = passages.cite_quote(project, eu, "The working group should make recommendations")
    stored = _stored(project)
    with project.session() as session:
        assert session.scalar(select(func.count(Sentence.id))) == len(stored)
        texts = session.execute(select(Sentence.id, Sentence.text)).all()
        for sentence_id, text in texts:
            [keys] = sketch.band_keys([sentences.words(text)])
            assert stored[sentence_id] == {k & 0xFFFFFFFF for k in keys}
        passage = session.get(Passage, passage_id)
        assert passage is not None
        recomputed = {k & 0xFFFFFFFF for k in _keys_of(session, passage)}
        own = session.scalars(
            select(Sentence.id).where(
                Sentence.version_id == passage.source_version_id,
                Sentence.end > passage.start,
                Sentence.start < passage.end,
            )
        ).all()
    assert own and recomputed == set().union(*(stored[i] for i in own))


def test_a_version_whose_sentence_ids_start_far_on_is_found(tmp_path: Path) -> None:
    store = make_project(tmp_path / "p.rejoinder")
    eu = add_text_source(store, EU, "European Union")
    with store.write("test", record=False) as session:  # what millions of sentences leave
        session.add(Sentence(id=5_000_000_000, version_id="gone", start=0, end=1, text="x"))
    japan = add_text_source(store, JAPAN, "Japan")
    with store.session() as session:
        firsts = set(session.scalars(select(SentenceIndex.first_id)))
        rows = set(session.scalars(select(SentenceKeys.id)))
    assert 5_000_000_001 in firsts and {build.first_of(r) for r in rows} == firsts
    passage = passages.cite_quote(store, eu, BELIEVE)
    assert [m.source_id for m in similar_to_passage(store, passage)] == [japan]


def test_indexing_a_version_again_replaces_its_rows(project: ProjectStore) -> None:
    japan = _source(project, "Japan")
    before = _stored(project)
    with project.write("test", record=False) as session:
        version = session.scalars(
            select(SourceVersion).where(SourceVersion.source_id == japan)
        ).one()
        old_first = session.scalars(
            select(SentenceIndex.first_id).where(SentenceIndex.version_id == version.id)
        ).one()
        count = index_version(session, version)
    after = _stored(project)
    with project.session() as session:
        new_first = session.scalars(
            select(SentenceIndex.first_id).where(SentenceIndex.version_id == version.id)
        ).one()
        rows = set(session.scalars(select(SentenceKeys.id)))
        # the version's sentences went with their id range, the others' stayed
        kept = session.execute(select(Sentence.id, Sentence.version_id)).all()
    assert new_first > old_first and old_first not in {build.first_of(r) for r in rows}
    theirs = [i for i, v in kept if v == version.id]
    assert theirs == list(range(new_first, new_first + count))
    assert len(kept) == len(after)  # no sentence row is left without its keys
    moved = {i - old_first + new_first for i in before if old_first <= i < old_first + count}
    assert set(after) == (set(before) - {i - new_first + old_first for i in moved}) | moved
    eu = _source(project, "European Union")
    passage = passages.cite_quote(project, eu, BELIEVE)
    assert [m.source_id for m in similar_to_passage(project, passage)] == [japan]


def test_an_index_of_an_older_scheme_is_dropped_and_built_again(project: ProjectStore) -> None:
    before = len(_stored(project))
    with project.write("test", record=False) as session:
        session.execute(SentenceIndex.__table__.update().values(scheme="older"))
    assert ensure_index(project) == 3
    assert len(_stored(project)) == before
    with project.session() as session:
        assert set(session.scalars(select(SentenceIndex.scheme))) == {SCHEME}
    eu = _source(project, "European Union")
    passage = passages.cite_quote(project, eu, BELIEVE)
    assert [m.source_id for m in similar_to_passage(project, passage)] == [
        _source(project, "Japan")
    ]


def test_a_project_with_the_former_key_table_is_indexed_again(tmp_path: Path) -> None:
    """The 0009 fixture stored a row per key in ``sentence_band``: upgraded, it is rebuilt."""
    path = tmp_path / "old.rejoinder"
    shutil.copy(ROOT / "tests/fixtures/projects/0009_journal_size_and_counts.rejoinder", path)
    with ProjectStore.open(path) as store:
        with store.session() as session:
            assert session.scalar(select(func.count(SentenceIndex.version_id))) == 0
        (passage,) = passages.list_passages(store)
        borealis = add_text_source(
            store,
            "1. Enhanced cooperation should have the characteristics of transparency, "
            "accountability and the engagement of every stakeholder.\n",
            "Borealis",
        )
        [match] = similar_to_passage(store, passage.id)
        assert match.source_id == borealis and match.score >= 0.8
        with store.session() as session:
            indexed = session.scalar(select(func.count(SentenceIndex.version_id)))
            assert indexed == len(sources.list_sources(store))


def test_what_the_importer_prepared_is_what_is_stored(tmp_path: Path) -> None:
    """A prepared index is written as it is; one of another text is not trusted."""
    from app.core.similar.prepare import prepare
    from app.importers.text import import_text

    def stored_after(prepared: object, name: str) -> list[tuple[int, int, str]]:
        store = make_project(tmp_path / name)
        imported = import_text(EU)
        imported.prepared = prepared
        sources.add_source(store, imported, EU.encode(), filename="eu.txt", label="EU")
        with store.session() as session:
            rows = session.execute(select(Sentence.start, Sentence.end, Sentence.text))
            return [(s, e, t) for s, e, t in rows]

    imported = import_text(EU)
    text, spans = imported.text, [(p.start, p.end) for p in imported.paragraphs]
    alone = stored_after(None, "alone.rejoinder")
    ready = prepare(text, spans)
    assert stored_after(ready, "ready.rejoinder") == alone
    # sentences prepared from the text's first half only: as if for another text
    half = prepare(text[: len(text) // 2])
    assert len(half.starts) < len(alone)
    assert stored_after(half, "other.rejoinder") == alone
    # and a prepared index is really used: one sentence fewer prepared, one fewer stored
    fewer = ready._replace(starts=ready.starts[1:], ends=ready.ends[1:], keys=ready.keys[1:])
    assert stored_after(fewer, "fewer.rejoinder") == alone[1:]
