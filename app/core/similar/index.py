"""Keeping the project's sentence index in step with its source versions.

The index is derived data (like the full-text index of ``app.core.search``)
but kept in the project file, because a look-up must be fast in a fresh
command-line process too. A source version's text never changes, so a
version is indexed once, in the transaction that imports it
(:func:`index_version`, called by ``services.sources``); :func:`ensure_index`
indexes, before a look-up, every live version the ``sentence_index`` table
does not list with the current scheme — loaded from a dump, merged from a
colleague's copy, or from a project made before the index existed. Writes
here are not journaled: undoing an import leaves the version's sentences
behind, and look-ups skip versions that are not live.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from sqlalchemy import Connection, and_, delete, func, select
from sqlalchemy.orm import Session

from app.core.models import Sentence, SentenceBand, SentenceIndex, Source, SourceVersion
from app.core.similar import sentences
from app.core.similar.scheme import SCHEME, SEGMENT_BITS
from app.core.store import ProjectStore

if TYPE_CHECKING:
    import numpy as np

logger = logging.getLogger(__name__)

Progress = Callable[[int, int], None]


def _paragraphs(version: SourceVersion) -> list[tuple[int, int]]:
    try:
        rows = json.loads(version.paragraphs or "[]")
        return [(int(p["start"]), int(p["end"])) for p in rows]
    except (ValueError, TypeError, KeyError):
        return []


def stored_bands(sentence_ids: np.ndarray, keys: np.ndarray) -> np.ndarray:
    """The ``sentence_band.band`` values of the keys of sentences (one row of keys a sentence).

    A key is stored behind its sentence's segment (:data:`SEGMENT_BITS`): the
    table is ordered by band, so with bare keys a new source's rows would land
    all over it and each import would rewrite every page of a big project's
    table (an import's 66,000 rows into 4 million took five times as long as
    into an empty table). Behind the segment, they land in its last segment.
    """
    import numpy as np  # late: the window and the command line start without NumPy

    segments = (sentence_ids.astype(np.uint64) >> np.uint64(SEGMENT_BITS)) << np.uint64(32)
    low = keys.astype(np.int64).astype(np.uint64) & np.uint64(0xFFFFFFFF)
    return (segments[:, None] | low).astype(np.int64)


def segments(session: Session) -> range:
    """The segments sentences are stored in (a look-up seeks each key in each)."""
    last = session.scalar(select(func.max(Sentence.id)))
    return range(0, (int(last) >> SEGMENT_BITS) + 1 if last is not None else 0)


_ID_BITS = 31  # a sentence id fits in 31 bits (2 billion sentences)
_PACKED_BANDS = (
    "INSERT INTO sentence_band (band, sentence_id) "
    f"SELECT (((value & {(1 << _ID_BITS) - 1}) >> {SEGMENT_BITS}) << 32) | (value >> {_ID_BITS}), "
    f"value & {(1 << _ID_BITS) - 1} FROM json_each(?)"
)


def _insert_bands(connection: Connection, pairs: np.ndarray) -> None:
    """Insert (band, sentence id) rows, in their order.

    SQLite gets them as one JSON array of integers (key << 31 | sentence id;
    the segment is the id's), which it unpacks itself: a Python tuple per row
    for ``executemany`` took longer than SQLite storing the rows (200,000 for
    300 pages). Other databases (the team server) get ``executemany``.
    """
    if connection.dialect.name == "sqlite" and (len(pairs) == 0 or pairs[:, 1].max() < 1 << 31):
        packed = ((pairs[:, 0] & 0xFFFFFFFF) << _ID_BITS) | pairs[:, 1]
        connection.exec_driver_sql(_PACKED_BANDS, (f"[{','.join(map(str, packed.tolist()))}]",))
        return
    connection.exec_driver_sql(
        "INSERT INTO sentence_band (band, sentence_id) VALUES (%s, %s)",
        list(zip(pairs[:, 0].tolist(), pairs[:, 1].tolist(), strict=True)),
    )


def index_version(session: Session, version: SourceVersion) -> int:
    """Index one version's sentences (replacing an older index of it); returns how many."""
    import numpy as np

    from app.core.similar import sketch

    old = select(Sentence.id).where(Sentence.version_id == version.id)
    if session.scalar(old.limit(1)) is not None:
        # Rare (an index of an older scheme, kept beside current ones): reads the bands of
        # every segment, as the table is keyed by band first; a new version skips it.
        session.execute(delete(SentenceBand).where(SentenceBand.sentence_id.in_(old)))
        session.execute(delete(Sentence).where(Sentence.version_id == version.id))
    session.execute(delete(SentenceIndex).where(SentenceIndex.version_id == version.id))
    spans = sentences.split(version.text, _paragraphs(version))
    if spans:
        first = int(session.scalar(select(func.max(Sentence.id))) or 0) + 1
        connection = session.connection()
        mark = "?" if connection.dialect.paramstyle == "qmark" else "%s"
        # Handed to the driver as tuples: SQLAlchemy building a parameter
        # dictionary for each of a 300-page source's 200,000 rows cost more
        # than SQLite storing them.
        connection.exec_driver_sql(
            f'INSERT INTO sentence (id, version_id, start, "end", text) '
            f"VALUES ({mark}, {mark}, {mark}, {mark}, {mark})",
            [(first + i, version.id, s.start, s.end, s.text) for i, s in enumerate(spans)],
        )
        ids = np.arange(first, first + len(spans), dtype=np.int64)
        bands = stored_bands(ids, sketch.key_array([s.words for s in spans]))  # all have words
        pairs = np.stack((bands.reshape(-1), np.repeat(ids, bands.shape[1])), axis=1)
        # In (band, id) order, SQLite appends to its b-tree instead of splitting pages at
        # random; without repeats, as two bands of a sentence may hash to one key (rare).
        pairs = pairs[np.lexsort((pairs[:, 1], pairs[:, 0]))]
        keep = np.ones(len(pairs), dtype=bool)
        keep[1:] = (pairs[1:] != pairs[:-1]).any(axis=1)
        _insert_bands(connection, pairs[keep])
    session.add(SentenceIndex(version_id=version.id, scheme=SCHEME, sentences=len(spans)))
    logger.debug("indexed %d sentences of version %s", len(spans), version.id)
    return len(spans)


def _drop_stale(session: Session) -> None:
    """Forget an index of an older scheme: all at once when no version has the current one."""
    current = session.scalar(select(SentenceIndex.version_id).where(SentenceIndex.scheme == SCHEME))
    stale = session.scalar(select(SentenceIndex.version_id).where(SentenceIndex.scheme != SCHEME))
    if stale is None or current is not None:
        return  # a mixed index: versions are replaced one by one (index_version)
    # Without WHERE, SQLite empties each table at once instead of row by row.
    session.execute(delete(SentenceBand))
    session.execute(delete(Sentence))
    session.execute(delete(SentenceIndex))
    logger.info("dropped a sentence index of an older scheme")


def versions_to_index(store: ProjectStore, scheme: str | None = None) -> list[str]:
    """Live versions of live sources the index does not hold (with ``scheme``, when given)."""
    with store.session() as session:
        return missing_versions(session, scheme)


def missing_versions(session: Session, scheme: str | None = None) -> list[str]:
    """:func:`versions_to_index` in an open session: one query, asked before every look-up."""
    held = SentenceIndex.version_id == SourceVersion.id
    if scheme is not None:
        held = and_(held, SentenceIndex.scheme == scheme)
    return list(
        session.scalars(
            select(SourceVersion.id)
            .join(Source, Source.id == SourceVersion.source_id)
            .outerjoin(SentenceIndex, held)
            .where(SentenceIndex.version_id.is_(None))
            .order_by(Source.ordinal, SourceVersion.version_no)
        )
    )


def ensure_index(store: ProjectStore, progress: Progress | None = None) -> int:
    """Index every live version not indexed yet; returns how many versions were indexed.

    Each version is its own transaction, so a cancelled or killed build keeps
    what it finished. A read-only project is left as it is (look-ups then use
    what its index holds).
    """
    if store.read_only:
        return 0
    todo = versions_to_index(store, SCHEME)
    if todo:
        with store.write("Index sentences", record=False) as session:
            _drop_stale(session)
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
