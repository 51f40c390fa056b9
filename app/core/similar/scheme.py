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
KEY_BITS = 32  # a key is stored in 4 bytes; a rare collision only adds a candidate
SEED = 1
# A version's keys are stored in one row per bucket (the key's top BUCKET_BITS bits), so
# that an import writes a few hundred rows instead of one per key, and a look-up reads
# only the buckets of its keys (see build).
BUCKET_BITS = 8

SCHEME = f"split2-words3-crc32-mh{NUM_PERM}s{SEED}-b{BANDS}r{ROWS}mix{KEY_BITS}-bucket{BUCKET_BITS}"
