"""The sentence index stores a version's band keys in a few hundred blobs, not a row per key.

Revision ID: 0010_sentence_keys
Revises: 0009_journal_size_and_counts
Create Date: 2026-12-02

- ``sentence_keys`` replaces ``sentence_band``: one row per (key bucket,
  version), ``id = bucket << 40 | first sentence id``, holding that version's
  keys of the bucket as a blob (``app.core.similar.build``). Inserting a row
  per key (94,000 for a 300-page report) was a quarter of what the index
  added to an import; a look-up reads its keys' buckets as key ranges.
- ``sentence_index.first_id``: where the version's consecutive sentence ids
  start, which a look-up needs to tell the versions it searches apart.
- The index is derived data: the old one is dropped here and every version
  is indexed again with the new scheme before its first look-up.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010_sentence_keys"
down_revision: str | None = "0009_journal_size_and_counts"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _index_table(with_first_id: bool) -> None:
    columns = [
        sa.Column("version_id", sa.String(36), primary_key=True),
        sa.Column("scheme", sa.String(64), nullable=False),
        sa.Column("sentences", sa.Integer(), nullable=False),
    ]
    if with_first_id:
        columns.append(sa.Column("first_id", sa.Integer(), nullable=False))
    op.create_table("sentence_index", *columns)


def upgrade() -> None:
    op.drop_table("sentence_band")
    op.drop_table("sentence_index")
    op.execute("DELETE FROM sentence")
    op.create_table(
        "sentence_keys",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            primary_key=True,
            autoincrement=False,
        ),
        sa.Column("keys", sa.LargeBinary(), nullable=False),
    )
    _index_table(with_first_id=True)


def downgrade() -> None:
    op.drop_table("sentence_index")
    op.drop_table("sentence_keys")
    op.execute("DELETE FROM sentence")
    op.create_table(
        "sentence_band",
        sa.Column("band", sa.BigInteger(), primary_key=True),
        sa.Column("sentence_id", sa.Integer(), primary_key=True),
        sqlite_with_rowid=False,
    )
    _index_table(with_first_id=False)
