"""The journal keeps operations by size and age; the sources list counts from indexes.

Revision ID: 0009_journal_size_and_counts
Revises: 0008_deferrable_keys
Create Date: 2026-12-02

- ``journal_entry.size``: the length of the entry's row images, written with
  the entry, so that the journal can be trimmed to a size and an age
  (``app.core.journal.recorder.trim``) without reading every image. Existing
  entries are measured once here. ``ix_journal_entry_trim`` holds what the
  trim reads (sequence, size, time), so that it never touches the images.
- ``ix_passage_live`` and ``ix_response_answered``: partial indexes over the
  live passages of a source and the answered responses (with text, or moved
  on from draft), which are what the Sources list counts
  (``app.core.services.source_list``); without them the count reads every
  passage and response row of the project.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009_journal_size_and_counts"
down_revision: str | None = "0008_deferrable_keys"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_LIVE = sa.text("deleted_at IS NULL")
_ANSWERED = sa.text("deleted_at IS NULL AND (trim(text) != '' OR status != 'draft')")


def upgrade() -> None:
    with op.batch_alter_table("journal_entry") as batch:
        batch.add_column(sa.Column("size", sa.Integer(), nullable=False, server_default="0"))
    op.execute("UPDATE journal_entry SET size = length(rows)")
    op.create_index("ix_journal_entry_trim", "journal_entry", ["seq", "size", "at"])
    op.create_index(
        "ix_passage_live",
        "passage",
        ["source_id", "id", "same_as_id"],
        sqlite_where=_LIVE,
        postgresql_where=_LIVE,
    )
    op.create_index(
        "ix_response_answered",
        "response",
        ["passage_id"],
        sqlite_where=_ANSWERED,
        postgresql_where=_ANSWERED,
    )


def downgrade() -> None:
    op.drop_index("ix_response_answered", table_name="response")
    op.drop_index("ix_passage_live", table_name="passage")
    op.drop_index("ix_journal_entry_trim", table_name="journal_entry")
    with op.batch_alter_table("journal_entry") as batch:
        batch.drop_column("size")
