"""The parameters a stored band key depends on; changing any of them rebuilds the index.

Kept apart from ``sketch`` so that a look-up can tell whether the index is
current without importing datasketch (0.6 s). BANDS × ROWS is what
datasketch's ``MinHashLSH`` chooses for :data:`THRESHOLD` and
:data:`NUM_PERM` (a test checks that it still does).
"""

NUM_PERM = 64
THRESHOLD = 0.3  # Jaccard similarity of word sets at which a pair is found about half the time
BANDS = 21
ROWS = 3
KEY_BITS = 32  # SQLite stores a 32-bit key in 4 bytes; a rare collision only adds a candidate
SEED = 1

SCHEME = f"split2-words3-crc32-mh{NUM_PERM}s{SEED}-b{BANDS}r{ROWS}mix{KEY_BITS}"
