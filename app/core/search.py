"""Full-text search over the sources' text, the passages and the responses.

The index is SQLite FTS5 in a separate in-memory database (on a team server:
PostgreSQL's tsvector in temporary tables, see
:mod:`app.core.server.textsearch`), never a table in the project: the project
schema belongs to Alembic, and an index is a cache that can always be
rebuilt. It is rebuilt lazily, when a search finds that the project changed
since the last build (a cheap fingerprint of row counts and last-update
times). Sources are indexed per paragraph, so a hit carries the offset where
its paragraph starts and, refined, the offset of the first matching word.
No Qt here.
"""

from __future__ import annotations

import json
import logging
import re
import sqlite3
import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING
from weakref import WeakKeyDictionary

from sqlalchemy import func, select

from app.core import markup
from app.core.models import JournalEntry, Passage, Response, Source, SourceVersion
from app.core.store import ProjectStore

if TYPE_CHECKING:
    from app.core.server.textsearch import TsvectorTables

logger = logging.getLogger(__name__)

_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class Hit:
    kind: str  # "source", "passage" or "response"
    id: str  # source id, or passage id for passages and responses
    source_id: str
    offset: int  # code points into the source's current text
    snippet: str  # with the matched words between [ and ]


def _fts_query(words: list[str]) -> str:
    """Words → an FTS5 query: every word must occur, the last one as a prefix."""
    quoted = ['"' + w.replace('"', '""') + '"' for w in words]
    quoted[-1] += "*"
    return " ".join(quoted)


_KINDS = ("response", "passage", "source")


class _Fts5Tables:
    """SQLite FTS5 in an in-memory database: one table per kind of hit.

    Responses and passages are few and ranked by relevance; a source's
    paragraphs can be tens of thousands and are returned in reading order,
    which lets FTS5 stop at the limit instead of ranking every match (a common
    word matches nearly every paragraph of a 5,000-page project). Snippets are
    made only for the rows returned.
    """

    def __init__(self) -> None:
        self.conn = sqlite3.connect(":memory:", check_same_thread=False)
        for kind in _KINDS:
            self.conn.execute(
                f"CREATE VIRTUAL TABLE {kind}_hits USING fts5("
                "body, id UNINDEXED, source_id UNINDEXED, offset UNINDEXED, "
                "tokenize='unicode61 remove_diacritics 2')"
            )

    def fresh(self) -> bool:
        return False

    def replace(self, rows: dict[str, list[tuple[str, str, str, int]]]) -> None:
        with self.conn:
            for kind in _KINDS:
                self.conn.execute(f"DELETE FROM {kind}_hits")
                self.conn.executemany(
                    f"INSERT INTO {kind}_hits(body, id, source_id, offset) VALUES (?, ?, ?, ?)",
                    rows[kind],
                )

    def query(
        self, kind: str, words: list[str], limit: int
    ) -> list[tuple[str, str, int, str, str]]:
        order = "rowid" if kind == "source" else "rank"
        found = self.conn.execute(
            f"SELECT id, source_id, offset, body, "
            f"snippet({kind}_hits, 0, '[', ']', '…', 12) FROM {kind}_hits "
            f"WHERE {kind}_hits MATCH ? ORDER BY {order} LIMIT ?",
            (_fts_query(words), limit),
        ).fetchall()
        folded = [w.casefold() for w in words]
        return [
            (
                ident,
                source_id,
                int(offset) + (_first_match(body, folded) if kind == "source" else 0),
                body,
                snippet,
            )
            for ident, source_id, offset, body, snippet in found
        ]


class SearchIndex:
    """The full-text index of one open project, a cache rebuilt when the project changed.

    In a project file it is FTS5 (:class:`_Fts5Tables`); on a team server,
    PostgreSQL's tsvector (:class:`app.core.server.textsearch.TsvectorTables`).
    Both find the same words and give the same :class:`Hit`.
    """

    def __init__(self, store: ProjectStore) -> None:
        self.store = store
        self.tables: _Fts5Tables | TsvectorTables
        if store.engine.dialect.name == "sqlite":
            self.tables = _Fts5Tables()
        else:
            from app.core.server.textsearch import TsvectorTables

            self.tables = TsvectorTables(store.engine)
        self.fingerprint: tuple[object, ...] | None = None
        self.lock = threading.Lock()

    def _fingerprint(self) -> tuple[object, ...]:
        counts = [
            select(aggregate).scalar_subquery()
            for model in (Source, SourceVersion, Passage, Response)
            for aggregate in (func.count(model.id), func.max(model.updated_at))
        ]
        # undo puts older update times back, which a merged row from a colleague's
        # faster clock can hide from max(updated_at); the journal moves on every step
        counts += [
            select(func.max(JournalEntry.seq)).scalar_subquery(),
            select(func.sum(JournalEntry.undone)).scalar_subquery(),
        ]
        with self.store.session() as session:
            return tuple(session.execute(select(*counts)).one())

    def _rows(self) -> dict[str, list[tuple[str, str, str, int]]]:
        rows: dict[str, list[tuple[str, str, str, int]]] = {kind: [] for kind in _KINDS}
        with self.store.session() as session:
            live = select(Source.id)
            versions = session.scalars(
                select(SourceVersion)
                .join(Source, Source.id == SourceVersion.source_id)
                .where(SourceVersion.source_id.in_(live))
                .order_by(Source.ordinal, SourceVersion.source_id, SourceVersion.version_no.desc())
            )
            seen: set[str] = set()
            for version in versions:
                if version.source_id in seen:
                    continue
                seen.add(version.source_id)
                text = version.text
                paragraphs = json.loads(version.paragraphs) or [{"start": 0, "end": len(text)}]
                for para in paragraphs:
                    body = text[para["start"] : para["end"]]
                    if body.strip():
                        rows["source"].append(
                            (body, version.source_id, version.source_id, para["start"])
                        )
            found = session.execute(
                select(Passage, Response)
                .outerjoin(
                    Response, (Response.passage_id == func.coalesce(Passage.same_as_id, Passage.id))
                )
                .where(Passage.source_id.in_(live))
            ).all()
            for passage, response in found:
                offset = passage.start or 0
                rows["passage"].append((passage.quote, passage.id, passage.source_id, offset))
                if response is not None and response.text:
                    plain = markup.plain_text(response.text)
                    rows["response"].append((plain, passage.id, passage.source_id, offset))
        return rows

    def refresh(self) -> None:
        """Rebuild the index if the project changed since the last build."""
        fingerprint = self._fingerprint()
        if fingerprint == self.fingerprint and not self.tables.fresh():
            return
        self.tables.replace(self._rows())
        self.fingerprint = fingerprint

    def search(self, query: str, limit: int = 50) -> list[Hit]:
        words = _WORD.findall(query)
        if not words:
            return []
        hits: list[Hit] = []
        with self.lock:
            self.refresh()
            for kind in _KINDS:
                left = limit - len(hits)
                if left <= 0:
                    break
                hits.extend(
                    Hit(kind, ident, source_id, offset, snippet)
                    for ident, source_id, offset, _body, snippet in self.tables.query(
                        kind, words, left
                    )
                )
        return hits


def _first_match(body: str, words: list[str]) -> int:
    folded = body.casefold()
    positions = [folded.find(w) for w in words]
    found = [p for p in positions if p >= 0]
    return min(found) if found and len(folded) == len(body) else 0


_indexes: WeakKeyDictionary[ProjectStore, SearchIndex] = WeakKeyDictionary()
_indexes_lock = threading.Lock()


def index_for(store: ProjectStore) -> SearchIndex:
    with _indexes_lock:
        index = _indexes.get(store)
        if index is None:
            index = _indexes[store] = SearchIndex(store)
        return index


def search(store: ProjectStore, query: str, limit: int = 50) -> list[Hit]:
    """Hits for ``query`` (every word, the last as a prefix): responses, passages, sources."""
    return index_for(store).search(query, limit)
