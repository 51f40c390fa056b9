"""Near-duplicate index of the sources' sentences, and answers shared between passages.

Revision ID: 0007_similar_passages
Revises: 0006_sent_and_deadline
Create Date: 2026-12-02

- ``sentence``, ``sentence_band``, ``sentence_index``: the MinHash/LSH index
  of every source version's sentences (``app.core.similar``). It is derived
  data: never dumped, merged or journaled, and built lazily for versions it
  does not list yet, so existing projects get it on their first look-up.
  Band keys are looked up through the primary key of ``sentence_band``,
  which is what keeps a look-up fast on a 20,000-page project without
  loading the index into memory.
- ``passage.same_as_id``: the passage whose response this passage shares
  ("same answer as…"); NULL, as for every existing passage, means its own.
- ``section.shared_as_reference``: 1 prints a shared answer in this section
  as the phrasebook's cross-reference to where it was answered first.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007_similar_passages"
down_revision: str | None = "0006_sent_and_deadline"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "sentence",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("version_id", sa.String(36), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
    )
    op.create_index("ix_sentence_version", "sentence", ["version_id", "start"])
    op.create_table(
        "sentence_band",
        sa.Column("band", sa.BigInteger(), primary_key=True),
        sa.Column("sentence_id", sa.Integer(), primary_key=True),
        sqlite_with_rowid=False,
    )
    op.create_table(
        "sentence_index",
        sa.Column("version_id", sa.String(36), primary_key=True),
        sa.Column("scheme", sa.String(64), nullable=False),
        sa.Column("sentences", sa.Integer(), nullable=False),
    )
    with op.batch_alter_table("passage") as batch:
        batch.add_column(sa.Column("same_as_id", sa.String(36), nullable=True))
    with op.batch_alter_table("section") as batch:
        batch.add_column(
            sa.Column("shared_as_reference", sa.Integer(), nullable=False, server_default="0")
        )


def downgrade() -> None:
    with op.batch_alter_table("section") as batch:
        batch.drop_column("shared_as_reference")
    with op.batch_alter_table("passage") as batch:
        batch.drop_column("same_as_id")
    op.drop_table("sentence_index")
    op.drop_table("sentence_band")
    op.drop_index("ix_sentence_version", table_name="sentence")
    op.drop_table("sentence")
