"""Keeping the project's sentence index in step with its source versions.

The index is derived data (like the full-text index of ``app.core.search``)
but kept in the project file, because a look-up must be fast in a fresh
command-line process too: building it for 20,000 pages takes seconds, a
look-up in the stored tables milliseconds. A source version's text never
changes, so a version is indexed once; :func:`ensure_index` indexes every
live version the ``sentence_index`` table does not list with the current
scheme — just imported, loaded from a dump, merged from a colleague's copy,
or from a project made before the index existed. Writes here are not
journaled: undoing an import leaves the version's sentences behind, and
look-ups skip versions that are not live.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from typing import cast

from sqlalchemy import Table, delete, func, insert, select
from sqlalchemy.orm import Session

from app.core.models import Sentence, SentenceBand, SentenceIndex, Source, SourceVersion
from app.core.similar import sentences
from app.core.similar.scheme import SCHEME
from app.core.store import ProjectStore

logger = logging.getLogger(__name__)

# Core inserts of the tables on the session's connection (not through the ORM
# classes): a plain executemany without the ORM's per-row bookkeeping, several
# times faster for the 30,000 band rows of a 100-page source.
_SENTENCE = cast(Table, Sentence.__table__)

Progress = Callable[[int, int], None]


def _paragraphs(version: SourceVersion) -> list[tuple[int, int]]:
    try:
        rows = json.loads(version.paragraphs or "[]")
        return [(int(p["start"]), int(p["end"])) for p in rows]
    except (ValueError, TypeError, KeyError):
        return []


def index_version(session: Session, version: SourceVersion) -> int:
    """Index one version's sentences (replacing an older index of it); returns how many."""
    from app.core.similar import sketch

    old = select(Sentence.id).where(Sentence.version_id == version.id)
    session.execute(delete(SentenceBand).where(SentenceBand.sentence_id.in_(old)))
    session.execute(delete(Sentence).where(Sentence.version_id == version.id))
    session.execute(delete(SentenceIndex).where(SentenceIndex.version_id == version.id))
    spans = sentences.split(version.text, _paragraphs(version))
    keys = sketch.band_keys([s.words for s in spans])
    first = int(session.scalar(select(func.max(Sentence.id))) or 0) + 1
    if spans:
        connection = session.connection()
        connection.execute(
            insert(_SENTENCE),
            [
                {
                    "id": first + i,
                    "version_id": version.id,
                    "start": s.start,
                    "end": s.end,
                    "text": s.text,
                }
                for i, s in enumerate(spans)
            ],
        )
        band_rows = sorted(
            {(key, first + i) for i, sentence_keys in enumerate(keys) for key in sentence_keys}
        )  # in key order: SQLite appends to the b-tree instead of splitting pages at random
        # 20,000 rows a 100-page source: handed to the driver as tuples, without
        # SQLAlchemy building a parameter dictionary for each one.
        mark = "?" if connection.dialect.paramstyle == "qmark" else "%s"
        connection.exec_driver_sql(
            f"INSERT INTO sentence_band (band, sentence_id) VALUES ({mark}, {mark})", band_rows
        )
    session.add(SentenceIndex(version_id=version.id, scheme=SCHEME, sentences=len(spans)))
    logger.debug("indexed %d sentences of version %s", len(spans), version.id)
    return len(spans)


def versions_to_index(store: ProjectStore, scheme: str | None = None) -> list[str]:
    """Live versions of live sources the index does not hold (with ``scheme``, when given)."""
    with store.session() as session:
        live = session.scalars(
            select(SourceVersion.id)
            .join(Source, Source.id == SourceVersion.source_id)
            .order_by(Source.ordinal, SourceVersion.version_no)
        ).all()
        done = {
            v: kind
            for v, kind in session.execute(select(SentenceIndex.version_id, SentenceIndex.scheme))
        }
    return [v for v in live if v not in done or (scheme is not None and done[v] != scheme)]


def ensure_index(store: ProjectStore, progress: Progress | None = None) -> int:
    """Index every live version not indexed yet; returns how many versions were indexed.

    Each version is its own transaction, so a cancelled or killed build keeps
    what it finished. A read-only project is left as it is (look-ups then use
    what its index holds).
    """
    if store.read_only:
        return 0
    todo = versions_to_index(store, SCHEME)
    for done, version_id in enumerate(todo):
        if progress is not None:
            progress(done, len(todo))
        with store.write("Index sentences", record=False) as session:
            version = session.get(SourceVersion, version_id)
            if version is not None:
                index_version(session, version)
    if todo:
        logger.info("indexed the sentences of %d source versions", len(todo))
    return len(todo)
