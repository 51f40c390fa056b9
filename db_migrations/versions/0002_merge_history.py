"""Field history on every row, and the conflict table, so that copies can be merged.

Revision ID: 0002_merge_history
Revises: 0001_initial
Create Date: 2026-11-23

Existing rows get an empty history ('{}'): their changes happened before
stamps existed, so a merge treats them as the common base of both copies.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002_merge_history"
down_revision: str | None = "0001_initial"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLES = (
    "project",
    "member",
    "original_file",
    "source",
    "source_version",
    "section",
    "block",
    "passage",
    "response",
    "revision",
    "note",
)


def upgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table) as batch:
            batch.add_column(
                sa.Column("field_history", sa.Text(), nullable=False, server_default="{}")
            )
    op.create_table(
        "conflict",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("created_at", sa.String(32), nullable=False),
        sa.Column("updated_at", sa.String(32), nullable=False),
        sa.Column("changed_by", sa.String(36), nullable=True),
        sa.Column("deleted_at", sa.String(32), nullable=True),
        sa.Column("field_history", sa.Text(), nullable=False, server_default="{}"),
        sa.Column("table_name", sa.String(32), nullable=False),
        sa.Column("row_id", sa.String(36), nullable=False),
        sa.Column("field", sa.String(64), nullable=False),
        sa.Column("ours_value", sa.Text(), nullable=False),
        sa.Column("theirs_value", sa.Text(), nullable=False),
        sa.Column("ours_stamp", sa.String(64), nullable=False),
        sa.Column("theirs_stamp", sa.String(64), nullable=False),
        sa.Column("ours_author", sa.Text(), nullable=False),
        sa.Column("theirs_author", sa.Text(), nullable=False),
        sa.Column("ours_time", sa.String(32), nullable=False),
        sa.Column("theirs_time", sa.String(32), nullable=False),
        sa.Column("resolved_at", sa.String(32), nullable=True),
    )
    op.create_index("ix_conflict_row", "conflict", ["table_name", "row_id"])


def downgrade() -> None:
    op.drop_index("ix_conflict_row", "conflict")
    op.drop_table("conflict")
    for table in TABLES:
        with op.batch_alter_table(table) as batch:
            batch.drop_column("field_history")
