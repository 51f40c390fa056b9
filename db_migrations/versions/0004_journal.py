"""The journal of operations: what each write changed, so that undo and redo live in the file.

Revision ID: 0004_journal
Revises: 0003_anchor_origin
Create Date: 2026-12-02

Each entry holds the before- and after-image of every row one operation
inserted, updated or deleted (JSON in ``rows``); blobs of original files are
never copied, only moved into ``journal_blob`` while their insert is undone.
The journal is neither dumped nor merged: it is this file's own history.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004_journal"
down_revision: str | None = "0003_anchor_origin"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "journal_entry",
        sa.Column("seq", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("id", sa.String(36), nullable=False, unique=True),
        sa.Column("at", sa.String(32), nullable=False),
        sa.Column("member_id", sa.String(36), nullable=True),
        sa.Column("label", sa.Text(), nullable=False),
        sa.Column("undone", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("rows", sa.Text(), nullable=False),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "journal_blob",
        sa.Column(
            "entry_seq",
            sa.Integer(),
            sa.ForeignKey("journal_entry.seq", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("table_name", sa.String(32), primary_key=True),
        sa.Column("row_id", sa.String(36), primary_key=True),
        sa.Column("column_name", sa.String(64), primary_key=True),
        sa.Column("data", sa.LargeBinary(), nullable=True),
    )


def downgrade() -> None:
    op.drop_table("journal_blob")
    op.drop_table("journal_entry")
