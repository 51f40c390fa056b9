"""A version's sentences are found by their id range, without an index on (version_id, start).

Revision ID: 0011_sentence_id_ranges
Revises: 0010_sentence_keys
Create Date: 2026-12-02

A version's sentences have consecutive ids from ``sentence_index.first_id``
(revision 0010), so a look-up finds a passage's sentences in that range of
the primary key, and re-indexing a version deletes that range. The index
``ix_sentence_version`` served only those two reads and cost every import
its upkeep: about 7 ms of inserting a 300-page report's 9,400 sentences and
3 ms of its commit, a tenth of what the sentence index adds to the import.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0011_sentence_id_ranges"
down_revision: str | None = "0010_sentence_keys"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.drop_index("ix_sentence_version", table_name="sentence")


def downgrade() -> None:
    op.create_index("ix_sentence_version", "sentence", ["version_id", "start"])
