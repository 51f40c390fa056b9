"""Keeping the project's sentence index in step with its source versions.

The index is derived data (like the full-text index of ``app.core.search``)
but kept in the project file, because a look-up must be fast in a fresh
command-line process too. A source version's text never changes, so a
version is indexed once, in the transaction that imports it
(:func:`index_version`, called by ``services.sources``; the rows are written
by ``build``, which needs no ORM); :func:`ensure_index`
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

from sqlalchemy import and_, delete, select
from sqlalchemy.orm import Session

from app.core.models import Sentence, SentenceIndex, SentenceKeys, Source, SourceVersion
from app.core.similar.scheme import SCHEME
from app.core.store import ProjectStore

logger = logging.getLogger(__name__)

Progress = Callable[[int, int], None]


def _paragraphs(version: SourceVersion) -> list[tuple[int, int]]:
    try:
        rows = json.loads(version.paragraphs or "[]")
        return [(int(p["start"]), int(p["end"])) for p in rows]
    except (ValueError, TypeError, KeyError):
        return []


def index_version(session: Session, version: SourceVersion, prepared: object = None) -> int:
    """Index one version's sentences (replacing an older index of it); returns how many.

    ``prepared``: what the importer prepared of the version's text
    (``ImportedText.prepared``), if anything.
    """
    # Late: the window and the command line start without NumPy.
    from app.core.similar import build
    from app.core.similar.prepare import Prepared

    held = SentenceIndex.version_id == version.id
    old = session.execute(select(SentenceIndex.sentences, SentenceIndex.first_id).where(held))
    for sentences, first_id in old.all():
        # Rare (an index of an older scheme, kept beside current ones): the
        # version's key rows are found from where its sentence ids start.
        if sentences:
            doomed = build.all_buckets(first_id)
            session.execute(delete(SentenceKeys).where(SentenceKeys.id.in_(doomed)))
            last = first_id + sentences - 1
            session.execute(delete(Sentence).where(Sentence.id.between(first_id, last)))
        session.execute(delete(SentenceIndex).where(held))
    # The paragraphs (thousands, as JSON) are read only when the text must be prepared here.
    ready = isinstance(prepared, Prepared) and prepared.fits(version.text)
    paragraphs = [] if ready else _paragraphs(version)
    # The driver's own connection, in the session's transaction (build imports no ORM).
    driver = session.connection().connection.driver_connection
    return build.index_new_version(driver, version.id, version.text, paragraphs, prepared)


def _drop_stale(session: Session) -> None:
    """Forget an index of an older scheme: all at once when no version has the current one."""
    current = session.scalar(select(SentenceIndex.version_id).where(SentenceIndex.scheme == SCHEME))
    stale = session.scalar(select(SentenceIndex.version_id).where(SentenceIndex.scheme != SCHEME))
    if stale is None or current is not None:
        return  # a mixed index: versions are replaced one by one (index_version)
    # Without WHERE, SQLite empties each table at once instead of row by row.
    session.execute(delete(SentenceKeys))
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
