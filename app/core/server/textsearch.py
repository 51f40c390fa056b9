"""Full-text search on a team server: PostgreSQL's tsvector, behind the FTS5 interface.

:mod:`app.core.search` keeps its index as a cache outside the project's
schema (the schema belongs to Alembic). On a server the cache is a set of
temporary tables, one per kind of hit, on a connection the index holds: each
row has a ``tsvector`` column with a GIN index, filled with
``to_tsvector('simple', …)`` of the text folded as FTS5's ``unicode61
remove_diacritics 2`` folds it (case and accents), so both homes find the
same words. Every word of the query must occur, the last as a prefix
(``to_tsquery`` with ``:*``).

PostgreSQL's ``ts_headline`` would mark the folded text, not what the user
wrote, so snippets are cut here: the words around the first match, with the
matched words between ``[`` and ``]`` as FTS5's ``snippet()`` gives them.
"""

from __future__ import annotations

import logging
import re
import unicodedata
import weakref
from typing import Any

from sqlalchemy import Engine

logger = logging.getLogger(__name__)

_WORD = re.compile(r"\w+", re.UNICODE)
SNIPPET_WORDS = 12
KINDS = ("response", "passage", "source")


def fold(text: str) -> str:
    """Lower case without accents ("Coopération" → "cooperation"), as FTS5 folds."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def _words(body: str) -> str:
    """The folded words of ``body`` alone, so that PostgreSQL's parser splits where FTS5 does.

    Left whole, "example.org", "e-mail" or "A/RES/73" would be single lexemes
    there (a host name, a hyphenated word, a file path), and a search for
    "org" or "res" would miss what it finds in a project file.
    """
    return " ".join(_WORD.findall(fold(body)))


def tsquery(words: list[str]) -> str:
    """Every (folded) word, the last as a prefix; words are ``\\w+`` so need no escaping."""
    terms = [f"'{fold(word)}'" for word in words]
    terms[-1] += ":*"
    return " & ".join(terms)


def _matches(token: str, words: list[str]) -> bool:
    folded = fold(token)
    return folded in words[:-1] or folded.startswith(words[-1])


def snippet(body: str, words: list[str]) -> tuple[str, int]:
    """The words around the first match, matches in brackets; and the first match's offset."""
    folded_words = [fold(w) for w in words]
    tokens = list(_WORD.finditer(body))
    hits = [i for i, t in enumerate(tokens) if _matches(t.group(), folded_words)]
    if not tokens:
        return body, 0
    first = hits[0] if hits else 0
    start = max(0, min(first - SNIPPET_WORDS // 4, len(tokens) - SNIPPET_WORDS))
    end = min(len(tokens), start + SNIPPET_WORDS)
    marked = set(hits)
    parts: list[str] = []
    cursor = tokens[start].start() if start > 0 else 0
    for i in range(start, end):
        token = tokens[i]
        parts.append(body[cursor : token.start()])
        parts.append(f"[{token.group()}]" if i in marked else token.group())
        cursor = token.end()
    tail = body[cursor:] if end == len(tokens) else ""
    text = ("…" if start > 0 else "") + "".join(parts) + tail + ("…" if end < len(tokens) else "")
    offset = tokens[first].start() if hits else 0
    return text, offset


class TsvectorTables:
    """The index of one project on a server: temporary tables on a connection of its own."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.raw: Any = None

    def _connection(self) -> Any:
        """A connection outside the engine's pool, in autocommit, with the tables made."""
        if self.raw is None or self.raw.closed or self.raw.broken:
            import psycopg

            args, params = self.engine.dialect.create_connect_args(self.engine.url)
            raw = psycopg.connect(*args, **params, autocommit=True, application_name="rejoinder")
            with raw.cursor() as cur:
                for kind in KINDS:
                    cur.execute(
                        f"CREATE TEMP TABLE {kind}_hits ("
                        "n serial PRIMARY KEY, body text, id text, source_id text, "
                        '"offset" integer, folded text, '
                        "tsv tsvector GENERATED ALWAYS AS (to_tsvector('simple', folded)) STORED)"
                    )
                    cur.execute(f"CREATE INDEX {kind}_hits_tsv ON {kind}_hits USING gin (tsv)")
            self.raw = raw
            self._finalizer = weakref.finalize(self, raw.close)
        return self.raw

    def replace(self, rows: dict[str, list[tuple[str, str, str, int]]]) -> None:
        conn = self._connection()
        with conn.transaction(), conn.cursor() as cur:
            for kind in KINDS:
                cur.execute(f"TRUNCATE {kind}_hits RESTART IDENTITY")
                with cur.copy(
                    f'COPY {kind}_hits (body, id, source_id, "offset", folded) FROM STDIN'
                ) as copy:
                    for body, ident, source_id, offset in rows[kind]:
                        copy.write_row((body, ident, source_id, offset, _words(body)))

    def query(
        self, kind: str, words: list[str], limit: int
    ) -> list[tuple[str, str, int, str, str]]:
        order = "n" if kind == "source" else "ts_rank(tsv, q) DESC, n"
        conn = self._connection()
        with conn.cursor() as cur:
            cur.execute(
                f'SELECT id, source_id, "offset", body FROM {kind}_hits, '
                f"to_tsquery('simple', %s) AS q WHERE tsv @@ q ORDER BY {order} LIMIT %s",
                (tsquery(words), limit),
            )
            found = cur.fetchall()
        result = []
        for ident, source_id, offset, body in found:
            text, first = snippet(body, words)
            result.append(
                (ident, source_id, int(offset) + (first if kind == "source" else 0), body, text)
            )
        return result

    def fresh(self) -> bool:
        """Whether the tables are gone (no connection yet, or it broke) and must be refilled."""
        return self.raw is None or self.raw.closed or self.raw.broken

    def close(self) -> None:
        if self.raw is not None:
            self.raw.close()
            self.raw = None
