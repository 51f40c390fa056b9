"""Writing one new source version's sentence index, on the driver's own connection.

Every import runs this in its own transaction, so it does the least it can:
the sentences are cut once (:func:`~app.core.similar.sentences.cut`, as
columns), their band keys are computed for all of them in a few NumPy passes
(:mod:`~app.core.similar.sketch`), and the rows go to the driver without
SQLAlchemy (a parameter dictionary a row cost more than SQLite storing it).
No ORM, models or store are imported here, so that an import that stores
without them (the command line's fast path) can call it on a bare
``sqlite3.Connection``; ``index.index_version`` calls it too.

The band rows (about ten a sentence: 94,000 for a 300-page report) reach
SQLite as one JSON array of integers that SQLite unpacks itself
(``json_each``): a Python tuple a row for ``executemany`` took longer than
SQLite storing them. Other databases (the team server) get ``executemany``.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Sequence
from itertools import count, repeat
from typing import Any

import numpy as np

from app.core.similar import sentences, sketch
from app.core.similar.scheme import SCHEME, SEGMENT_BITS

logger = logging.getLogger(__name__)

_ID_BITS = 31  # a sentence id fits in 31 bits (2 billion sentences)
_PACKED_BANDS = (
    "INSERT INTO sentence_band (band, sentence_id) "
    f"SELECT (((value & {(1 << _ID_BITS) - 1}) >> {SEGMENT_BITS}) << 32) | (value >> {_ID_BITS}), "
    f"value & {(1 << _ID_BITS) - 1} FROM json_each(?)"
)


def stored_bands(sentence_ids: np.ndarray, keys: np.ndarray) -> np.ndarray:
    """The ``sentence_band.band`` values of the keys of sentences (one row of keys a sentence).

    A key is stored behind its sentence's segment (:data:`SEGMENT_BITS`): the
    table is ordered by band, so with bare keys a new source's rows would land
    all over it and each import would rewrite every page of a big project's
    table (an import's 66,000 rows into 4 million took five times as long as
    into an empty table). Behind the segment, they land in its last segment.
    """
    segments = (sentence_ids.astype(np.uint64) >> np.uint64(SEGMENT_BITS)) << np.uint64(32)
    low = keys.astype(np.int64).astype(np.uint64) & np.uint64(0xFFFFFFFF)
    return (segments[:, None] | low).astype(np.int64)


def band_rows(first_id: int, words: Sequence[Sequence[str]]) -> np.ndarray:
    """The (band, sentence id) rows of sentences numbered from ``first_id``, sorted, no repeats.

    In (band, id) order SQLite appends to its b-tree instead of splitting
    pages at random. Two bands of a sentence may hash to one key (rare): the
    row is kept once. Every sentence must have words (``cut`` keeps no other).
    """
    ids = np.arange(first_id, first_id + len(words), dtype=np.int64)
    bands = stored_bands(ids, sketch.key_array(words))
    flat = bands.reshape(-1)
    # Rows come in id order; a stable sort by band alone keeps them so within a band.
    order = np.argsort(flat, kind="stable")
    pairs = np.stack((flat[order], np.repeat(ids, bands.shape[1])[order]), axis=1)
    keep = np.ones(len(pairs), dtype=bool)
    keep[1:] = (pairs[1:] != pairs[:-1]).any(axis=1)
    return pairs[keep]


def _insert_bands(cursor: Any, pairs: np.ndarray, sqlite: bool) -> None:
    if sqlite and (len(pairs) == 0 or pairs[:, 1].max() < 1 << _ID_BITS):
        packed = ((pairs[:, 0] & 0xFFFFFFFF) << _ID_BITS) | pairs[:, 1]
        cursor.execute(_PACKED_BANDS, (json.dumps(packed.tolist(), separators=(",", ":")),))
        return
    cursor.executemany(
        "INSERT INTO sentence_band (band, sentence_id) VALUES (%s, %s)",
        list(zip(pairs[:, 0].tolist(), pairs[:, 1].tolist(), strict=True)),
    )


def index_new_version(
    connection: Any, version_id: str, text: str, paragraphs: Sequence[tuple[int, int]]
) -> int:
    """Index a version not indexed yet, in the caller's open transaction; returns its sentences.

    ``connection`` is a DB-API connection: ``sqlite3`` (qmark) or the team
    server's psycopg (format). A version indexed already must lose its rows
    first (``index.index_version`` does that).
    """
    sqlite = isinstance(connection, sqlite3.Connection)
    mark = "?" if sqlite else "%s"
    found = sentences.cut(text, paragraphs)
    cursor = connection.cursor()
    try:
        if found.starts:
            cursor.execute("SELECT max(id) FROM sentence")
            row = cursor.fetchone()
            first = int(row[0] or 0) + 1 if row is not None else 1
            cursor.executemany(
                f'INSERT INTO sentence (id, version_id, start, "end", text) '
                f"VALUES ({mark}, {mark}, {mark}, {mark}, {mark})",
                zip(count(first), repeat(version_id), found.starts, found.ends, found.texts),
            )
            _insert_bands(cursor, band_rows(first, found.words), sqlite)
        cursor.execute(
            "INSERT INTO sentence_index (version_id, scheme, sentences) "
            f"VALUES ({mark}, {mark}, {mark})",
            (version_id, SCHEME, len(found.starts)),
        )
    finally:
        cursor.close()
    logger.debug("indexed %d sentences of version %s", len(found.starts), version_id)
    return len(found.starts)
