"""A sentence's MinHash cut into LSH band keys that the project file can hold.

The signatures are datasketch's (``MinHash`` with its default ``affine32``
scheme, :data:`NUM_PERM` permutations drawn from :data:`SEED`, zlib's CRC-32
of each word) and the banding is the one its ``MinHashLSH`` chooses for
:data:`THRESHOLD`; tests/core/similar checks both against datasketch itself,
value for value. They are computed here for all sentences of a version at
once, in a few NumPy passes: datasketch's ``MinHash.bulk`` builds one object
per sentence in Python, which made indexing at import cost twice the import
itself, and importing datasketch pulls in SciPy (0.6 s) — too much for an
import or a one-shot ``rejoinder similar``. Only NumPy is imported here.

Its LSH tables would live in memory (or Redis/Cassandra); a 20,000-page
project has some 360,000 sentences, which would take seconds to insert at
every start. So each band of a signature is hashed to one signed key (32
bits; stable across processes, unlike Python's ``hash``) and stored in the
``sentence_keys`` table, a blob per key bucket and version, whose rows a
look-up reads by its keys' buckets (``build``).
"""

from __future__ import annotations

import logging
import zlib
from collections.abc import Iterable, Sequence
from functools import cache
from itertools import chain

import numpy as np

from app.core.similar.scheme import BANDS, NUM_PERM, ROWS, SEED

logger = logging.getLogger(__name__)

# Words hashed per NumPy pass: 16,384 × 64 permutations × 4 bytes = 4 MB at a time.
_CHUNK = 16_384

# MurmurHash3's 32-bit finalizer, which datasketch applies to every word's hash first.
_FMIX = (np.uint32(16), np.uint32(0x85EBCA6B), np.uint32(13), np.uint32(0xC2B2AE35))

# Odd 64-bit constants that mix the rows of a band into one key (splitmix64's).
_MIX = tuple(
    np.uint64(c)
    for c in (0x9E3779B97F4A7C15, 0xBF58476D1CE4E5B9, 0x94D049BB133111EB, 0xD6E8FEB86659FD93)
)


def bands() -> tuple[tuple[int, int], ...]:
    """The (start, end) slices of a signature that make its bands (``MinHashLSH.hashranges``)."""
    return tuple((band * ROWS, (band + 1) * ROWS) for band in range(BANDS))


# datasketch's permutations h → a·h + b mod 2³² for NUM_PERM = 32 and SEED = 1, as it draws
# them: ``RandomState(SEED)``, ``a = randint(0, 2³¹, NUM_PERM) * 2 + 1``, then
# ``b = randint(0, 2³², NUM_PERM)``. Written out because drawing them imported
# numpy.random and numpy.ma (30 ms) into every import; a test draws them again.
_A = (
    0xD583E84B,
    0xFE8F01D7,
    0x70CE5F19,
    0xDD782891,
    0x000EFDFF,
    0x41998713,
    0x9ACB5597,
    0xFF823D0B,
    0x4B23969F,
    0x78E0A781,
    0x2F470121,
    0xCB0CA103,
    0x5F5D7F99,
    0xC69C3C8F,
    0xB0ED55DB,
    0x56E8F3F9,
    0xCB251B0D,
    0xDEFEFA33,
    0x13DFC965,
    0xB14FAA29,
    0xD6A0A9FD,
    0xA06562CB,
    0x5ED51725,
    0x0C9193A9,
    0x68ADF717,
    0xE30C41F9,
    0xC1989BD5,
    0x758B2539,
    0x0E05BF3B,
    0x119EB31D,
    0x57478465,
    0xD3F2D489,
)
_B = (
    0x6AD47CD7,
    0x750B5FD7,
    0x8F064BE9,
    0x6E4242F1,
    0x23F065F7,
    0xF06AADDE,
    0x32B6C760,
    0xC7448456,
    0xCCFD988D,
    0xB749D7E9,
    0xF7DFFD89,
    0xCD818407,
    0x503C913F,
    0x17C1CB3D,
    0xB13C0E16,
    0x84A5A539,
    0xE05B0A01,
    0xDD71F780,
    0xE504F13C,
    0xD442F8D1,
    0x15C57508,
    0xD460E2D8,
    0x09FF7E8D,
    0x45E69A73,
    0x2B7A01AF,
    0x0F2A8FEA,
    0xE0CDF279,
    0xABA7B9C8,
    0x192D421E,
    0x97D32447,
    0x6BCDB583,
    0xABF185C6,
)


@cache
def permutations() -> tuple[np.ndarray, np.ndarray]:
    """The (a, b) of datasketch's permutations (see :data:`_A`)."""
    assert len(_A) == len(_B) == NUM_PERM and SEED == 1, "draw the constants again"
    return np.array(_A, dtype=np.uint32), np.array(_B, dtype=np.uint32)


def _fmix(values: np.ndarray) -> np.ndarray:
    s1, m1, s2, m2 = _FMIX
    values = values ^ (values >> s1)
    values = values * m1
    values = values ^ (values >> s2)
    values = values * m2
    mixed: np.ndarray = values ^ (values >> s1)
    return mixed


def _minima(permuted: np.ndarray, token_ids: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """Each sentence's minimum of ``permuted`` over its tokens (rows in the sentences' order).

    The tokens of sentences of about one length are laid out as a padded
    matrix (the padding points at a row of maxima) and reduced with one
    ``min``: ``np.minimum.reduceat`` paid a call per sentence and column,
    most of a version's MinHash time. Lengths are bucketed by powers of two,
    so padding at most doubles the tokens gathered; at most :data:`_CHUNK`
    tokens are gathered at a time.
    """
    count = len(lengths)
    result = np.empty((count, permuted.shape[1]), dtype=np.uint32)
    padded = np.vstack((permuted, np.full((1, permuted.shape[1]), 0xFFFFFFFF, np.uint32)))
    pad = len(permuted)  # the row of maxima
    ends = np.cumsum(lengths)
    starts = ends - lengths
    width = np.maximum(1, 1 << np.ceil(np.log2(np.maximum(lengths, 1))).astype(np.int64))
    # Not np.unique: its first call imports numpy.ma (15-25 ms of every import command).
    for size in sorted(set(width.tolist())):
        chosen = np.flatnonzero(width == size)
        for part in range(0, len(chosen), max(1, _CHUNK // size)):
            rows = chosen[part : part + max(1, _CHUNK // size)]
            offsets = np.arange(size, dtype=np.int64)
            within = offsets[None, :] < lengths[rows][:, None]
            at = np.where(within, starts[rows][:, None] + offsets[None, :], 0)
            ids = np.where(within, token_ids[at], pad)
            result[rows] = padded[ids].min(axis=1)
    return result


def signatures(sentences: Sequence[Sequence[str]]) -> np.ndarray:
    """One MinHash signature per sentence that has words (uint32, rows in the sentences' order).

    Each distinct word is hashed and permuted once; a sentence's signature is
    the minimum over its words (:func:`_minima`), as datasketch's
    ``update_batch`` takes it.
    """
    lengths = [len(words) for words in sentences if words]
    if not lengths:
        return np.zeros((0, NUM_PERM), dtype=np.uint32)
    tokens = list(chain.from_iterable(sentences))
    vocabulary = {w: i for i, w in enumerate(dict.fromkeys(tokens))}
    token_ids = np.fromiter(map(vocabulary.__getitem__, tokens), dtype=np.int64, count=len(tokens))
    return signatures_of(vocabulary, token_ids, np.asarray(lengths, dtype=np.int64))


def signatures_of(
    vocabulary: Iterable[str], token_ids: np.ndarray, lengths: np.ndarray
) -> np.ndarray:
    """:func:`signatures` of sentences given as word ids into ``vocabulary``, one run a sentence.

    ``lengths`` are the sentences' word counts (each at least 1), in the order
    of their runs in ``token_ids``.
    """
    words = list(vocabulary)
    hashed = np.fromiter(
        (zlib.crc32(w.encode("utf-8")) for w in words), dtype=np.uint32, count=len(words)
    )
    a, b = permutations()
    with np.errstate(over="ignore"):
        permuted = _fmix(hashed)[:, None] * a[None, :] + b[None, :]  # words × permutations
    return _minima(permuted, token_ids, lengths)


def key_array(sentences: Sequence[Sequence[str]]) -> np.ndarray:
    """The band keys of the sentences that have words: one row of :data:`BANDS` signed keys each.

    Keys are signed 32-bit integers (in an int64 array), see :func:`mix`.
    """
    return mix(signatures(sentences))


def mix(signatures: np.ndarray) -> np.ndarray:
    """The band keys of MinHash signatures: one row of :data:`BANDS` signed keys each.

    The bands of all signatures are mixed into keys at once, a NumPy
    operation per step for all bands (a hash per band per sentence in Python
    cost more than the MinHash itself).
    """
    values = signatures.astype(np.uint64)
    count = len(values)
    with np.errstate(over="ignore"):
        key = np.broadcast_to(
            np.arange(1, BANDS + 1, dtype=np.uint64) * _MIX[3], (count, BANDS)
        ).copy()
        for column in range(ROWS):  # row ``column`` of every band: columns column, column + ROWS…
            key = (key ^ values[:, column : BANDS * ROWS : ROWS]) * _MIX[0]
            key ^= key >> np.uint64(31)
        key = (key ^ (key >> np.uint64(30))) * _MIX[1]
        key = (key ^ (key >> np.uint64(27))) * _MIX[2]
        mixed: np.ndarray = key ^ (key >> np.uint64(31))
    signed = (mixed & np.uint64(0xFFFFFFFF)).astype(np.int64)
    keys: np.ndarray = np.where(signed >= 2**31, signed - 2**32, signed)
    return keys


def band_keys(sentences: Sequence[Sequence[str]]) -> list[list[int]]:
    """For each sentence (its words), the keys of its LSH bands; [] for a sentence without words."""
    rows = iter(key_array(sentences).tolist())
    return [next(rows) if words else [] for words in sentences]
