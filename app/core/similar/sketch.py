"""A sentence's MinHash (datasketch) cut into LSH band keys that the project file can hold.

datasketch computes the MinHash signatures and chooses the banding (the
number of bands and rows that best separates sentences above and below
:data:`THRESHOLD` Jaccard similarity, ``MinHashLSH``'s own optimisation).
Its LSH tables live in memory (or Redis/Cassandra); a 20,000-page project
has some 360,000 sentences, which would take seconds to insert at every
start. So each band of a signature is hashed to one signed key
(32 bits; stable across processes, unlike Python's ``hash``) and stored in the
``sentence_band`` table, where SQLite's primary key finds the sentences
sharing a key in a few milliseconds.

Importing datasketch takes about 0.6 s (it pulls in SciPy), which is why
only the indexer imports this module.
"""

from __future__ import annotations

import logging
import zlib
from collections.abc import Sequence
from functools import cache

import numpy as np
from datasketch import MinHash, MinHashLSH

from app.core.similar.scheme import BANDS, NUM_PERM, ROWS, SEED, THRESHOLD

logger = logging.getLogger(__name__)


@cache
def bands() -> tuple[tuple[int, int], ...]:
    """The (start, end) slices of a signature that make its bands."""
    lsh = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM, params=(BANDS, ROWS))
    return tuple((int(s), int(e)) for s, e in lsh.hashranges)


def optimal_bands() -> tuple[int, int]:
    """The (bands, rows) datasketch itself chooses for THRESHOLD and NUM_PERM."""
    lsh = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
    return int(lsh.b), int(lsh.r)


def _token_hash(data: bytes) -> int:
    return zlib.crc32(data)


# Odd 64-bit constants that mix the rows of a band into one key (splitmix64's).
_MIX = tuple(
    np.uint64(c)
    for c in (0x9E3779B97F4A7C15, 0xBF58476D1CE4E5B9, 0x94D049BB133111EB, 0xD6E8FEB86659FD93)
)


def band_keys(sentences: Sequence[Sequence[str]]) -> list[list[int]]:
    """For each sentence (its words), the keys of its LSH bands; [] for a sentence without words.

    datasketch computes each MinHash; the bands of all signatures are then
    mixed into keys in one NumPy pass (a hash per band per sentence in Python
    cost more than the MinHash itself). Keys are signed 32-bit integers.
    """
    todo = [[w.encode("utf-8") for w in words] for words in sentences]
    signatures = MinHash.bulk(todo, num_perm=NUM_PERM, seed=SEED, hashfunc=_token_hash)
    ranges = bands()
    if not todo:
        return []
    values = np.stack([m.hashvalues.astype(np.uint64) for m in signatures])
    with np.errstate(over="ignore"):
        mixed = np.zeros((len(todo), len(ranges)), dtype=np.uint64)
        for band, (start, end) in enumerate(ranges):
            key = np.full(len(todo), np.uint64(band + 1) * _MIX[3], dtype=np.uint64)
            for column in range(start, end):
                key = (key ^ values[:, column]) * _MIX[0]
                key ^= key >> np.uint64(31)
            key = (key ^ (key >> np.uint64(30))) * _MIX[1]
            key = (key ^ (key >> np.uint64(27))) * _MIX[2]
            mixed[:, band] = key ^ (key >> np.uint64(31))
    signed = (mixed & np.uint64(0xFFFFFFFF)).astype(np.int64)
    signed = np.where(signed >= 2**31, signed - 2**32, signed)
    rows = signed.tolist()
    return [row if words else [] for words, row in zip(todo, rows, strict=True)]
