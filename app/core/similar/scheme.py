"""The parameters a stored band key depends on; changing any of them rebuilds the index.

Kept apart from ``sketch`` so that a look-up can tell whether the index is
current without importing NumPy. BANDS × ROWS is what datasketch's
``MinHashLSH`` chooses for :data:`THRESHOLD` and :data:`NUM_PERM` (a test
checks that it still does). 32 permutations and a 0.4 threshold (10 bands of
3 rows) replaced 64 and 0.3 (21 × 3) because every import now builds the
index: half the band rows to store, and on the judged corpus of
tests/core/similar/corpus.py precision 0.96 and recall 0.80 instead of
0.83 and 0.78 (bench/RESULTS.md).
"""

NUM_PERM = 32
THRESHOLD = 0.4  # Jaccard similarity of word sets at which a pair is found about half the time
BANDS = 10
ROWS = 3
KEY_BITS = 32  # SQLite stores a 32-bit key in 4 bytes; a rare collision only adds a candidate
SEED = 1
# Sentences are numbered in the order they are indexed; the stored band value is
# (sentence_id >> SEGMENT_BITS) << 32 | the 32-bit key, so that the rows of a new
# import land in the table's last segment instead of all over it (see index).
SEGMENT_BITS = 14

SCHEME = f"split2-words3-crc32-mh{NUM_PERM}s{SEED}-b{BANDS}r{ROWS}mix{KEY_BITS}-seg{SEGMENT_BITS}"
