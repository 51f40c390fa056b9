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

import hashlib
import logging
import zlib
from collections.abc import Sequence
from functools import cache

from datasketch import MinHash, MinHashLSH

from app.core.similar.scheme import BANDS, KEY_BYTES, NUM_PERM, ROWS, SEED, THRESHOLD

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


def band_keys(sentences: Sequence[Sequence[str]]) -> list[list[int]]:
    """For each sentence (its words), the keys of its LSH bands; [] for a sentence without words."""
    todo = [[w.encode("utf-8") for w in words] for words in sentences]
    signatures = MinHash.bulk(todo, num_perm=NUM_PERM, seed=SEED, hashfunc=_token_hash)
    ranges = bands()
    keys: list[list[int]] = []
    for words, signature in zip(todo, signatures, strict=True):
        if not words:
            keys.append([])
            continue
        values = signature.hashvalues
        keys.append(
            [
                int.from_bytes(
                    hashlib.blake2b(
                        values[start:end].tobytes(),
                        digest_size=KEY_BYTES,
                        person=band.to_bytes(2, "big"),
                    ).digest(),
                    "big",
                    signed=True,
                )
                for band, (start, end) in enumerate(ranges)
            ]
        )
    return keys
