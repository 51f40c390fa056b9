"""What the journal keeps, in one place for both of the paths that write it.

An entry is written by the store's recorder (:mod:`app.core.journal.recorder`,
through SQLAlchemy) and, for ``rejoinder import``, by :mod:`app.core.quickimport`
with sqlite3 alone so that the command need not load SQLAlchemy. Both trim the
journal by the same rule, so the rule lives here, in a module that imports
nothing: always the newest :data:`KEEP` entries; beyond them, entries younger
than :data:`KEEP_DAYS` as long as they and every newer entry hold at most
:data:`KEEP_BYTES` of row images. A batch of 20,000 citations (about 25 MB)
stays undoable; a year of work does not grow the file without bound.
"""

from __future__ import annotations

import logging

logger = logging.getLogger(__name__)

KEEP = 500
KEEP_DAYS = 30
KEEP_BYTES = 64 * 2**20
STAMP = "%Y-%m-%dT%H:%M:%S.%fZ"  # as app.core.ids.utcnow writes an entry's time

# The newest entry to drop: past the newest KEEP, and too old or past the size with the
# newer ones. Reads ix_journal_entry_trim only (sequence, size, time), never the images.
CUT = """
    SELECT max(seq) FROM (
        SELECT seq, at,
               row_number() OVER (ORDER BY seq DESC) AS newer,
               sum(size) OVER (ORDER BY seq DESC ROWS UNBOUNDED PRECEDING) AS held
        FROM journal_entry
    ) AS counted
    WHERE newer > :keep AND (at < :since OR held > :bytes)
"""
