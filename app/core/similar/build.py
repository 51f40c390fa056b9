"""Writing one new source version's sentence index, on the driver's own connection.

Every import runs this in its own transaction, so it does the least it can:
the sentences are cut and their band keys computed for all of them in a few
passes (:mod:`~app.core.similar.prepare`, perhaps in part by the PDF reader's
worker), and the rows go to the driver without
SQLAlchemy (a parameter dictionary a row cost more than SQLite storing it).
No ORM, models or store are imported here, so that an import that stores
without them (the command line's fast path) can call it on a bare
``sqlite3.Connection``; ``index.index_version`` calls it too.

The band keys (about ten a sentence: 94,000 for a 300-page report) are
stored as one blob per key bucket (:data:`BUCKET_BITS`), about 256 rows a
version: a row per key, even unpacked by SQLite itself from one JSON array,
was a quarter of what the index added to an import.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Sequence
from itertools import count, repeat
from typing import Any

import numpy as np

from app.core.similar.prepare import Prepared, prepare
from app.core.similar.scheme import BUCKET_BITS, SCHEME

logger = logging.getLogger(__name__)

_FIRST_BITS = 40  # sentence_keys.id = bucket << 40 | the version's first sentence id
_FIRST_MASK = (1 << _FIRST_BITS) - 1
_BUCKETS = 1 << BUCKET_BITS


def key_id(bucket: int, first_id: int) -> int:
    """The ``sentence_keys.id`` of a bucket of the version whose sentences start at ``first_id``."""
    return (bucket << _FIRST_BITS) | first_id


def first_of(row_id: int) -> int:
    """The first sentence id of the version a ``sentence_keys`` row belongs to."""
    return row_id & _FIRST_MASK


def bucket_range(bucket: int) -> tuple[int, int]:
    """The ``sentence_keys.id`` range (inclusive) of one bucket, every version's."""
    return key_id(bucket, 0), key_id(bucket, _FIRST_MASK)


def all_buckets(first_id: int) -> list[int]:
    """Every ``sentence_keys.id`` a version starting at ``first_id`` may have (to delete it)."""
    return [key_id(bucket, first_id) for bucket in range(_BUCKETS)]


def packed_keys(keys: np.ndarray) -> np.ndarray:
    """A version's keys (a row of band keys a sentence) as sorted ``key << 32 | offset`` values.

    ``offset`` is the sentence's row. Two bands of one sentence may hash to
    one key (rare): the value is kept once, so that a look-up counts a key a
    sentence shares once. Sorted, the values of a bucket are consecutive.
    """
    low = keys.astype(np.int64).astype(np.uint64) & np.uint64(0xFFFFFFFF)
    offsets = np.arange(len(keys), dtype=np.uint64)
    values = np.sort(((low << np.uint64(32)) | offsets[:, None]).reshape(-1))
    keep = np.ones(len(values), dtype=bool)
    keep[1:] = values[1:] != values[:-1]
    packed: np.ndarray = values[keep]
    return packed


def key_rows(first_id: int, keys: np.ndarray) -> list[tuple[int, bytes]]:
    """The ``sentence_keys`` rows (id, blob) of a version whose sentences start at ``first_id``."""
    values = packed_keys(keys)
    shift = np.uint64(64 - BUCKET_BITS)
    edges = np.searchsorted(values >> shift, np.arange(_BUCKETS + 1, dtype=np.uint64)).tolist()
    data = values.astype("<u8").tobytes()
    return [
        (key_id(bucket, first_id), data[edges[bucket] * 8 : edges[bucket + 1] * 8])
        for bucket in range(_BUCKETS)
        if edges[bucket + 1] > edges[bucket]
    ]


def unpack(blob: bytes) -> tuple[np.ndarray, np.ndarray]:
    """A ``sentence_keys`` blob as (keys, offsets), both uint64."""
    values = np.frombuffer(blob, dtype="<u8")
    return values >> np.uint64(32), values & np.uint64(0xFFFFFFFF)


def index_new_version(
    connection: Any,
    version_id: str,
    text: str,
    paragraphs: Sequence[tuple[int, int]],
    prepared: object = None,
) -> int:
    """Index a version not indexed yet, in the caller's open transaction; returns its sentences.

    ``connection`` is a DB-API connection: ``sqlite3`` (qmark) or the team
    server's psycopg (format). A version indexed already must lose its rows
    first (``index.index_version`` does that). ``prepared`` is what
    :func:`~app.core.similar.prepare.prepare` made of ``text`` (the PDF
    reader prepares it with its worker), or a function that returns it
    (:func:`~app.core.similar.prepare.prepare_later`); without it, it is
    prepared here.
    """
    sqlite = isinstance(connection, sqlite3.Connection)
    mark = "?" if sqlite else "%s"
    if callable(prepared):  # being prepared beside the caller (prepare.prepare_later)
        prepared = prepared()
    found = prepared if isinstance(prepared, Prepared) and prepared.fits(text) else None
    if found is None:
        found = prepare(text, paragraphs)
    texts = list(map(text.__getitem__, map(slice, found.starts, found.ends)))
    first = 0
    cursor = connection.cursor()
    try:
        if found.starts:
            cursor.execute("SELECT max(id) FROM sentence")
            row = cursor.fetchone()
            first = int(row[0] or 0) + 1 if row is not None else 1
            cursor.executemany(
                f'INSERT INTO sentence (id, version_id, start, "end", text) '
                f"VALUES ({mark}, {mark}, {mark}, {mark}, {mark})",
                zip(count(first), repeat(version_id), found.starts, found.ends, texts),
            )
            cursor.executemany(
                f"INSERT INTO sentence_keys (id, keys) VALUES ({mark}, {mark})",
                key_rows(first, found.keys),
            )
        cursor.execute(
            "INSERT INTO sentence_index (version_id, scheme, sentences, first_id) "
            f"VALUES ({mark}, {mark}, {mark}, {mark})",
            (version_id, SCHEME, len(found.starts), first),
        )
    finally:
        cursor.close()
    logger.debug("indexed %d sentences of version %s", len(found.starts), version_id)
    return len(found.starts)
