"""What we sent (final exports), and the project's submission deadline.

Revision ID: 0006_sent_and_deadline
Revises: 0005_contribution_details
Create Date: 2026-12-02

- ``sent_export``: one row per final export — when, by whom, the file's
  name and sha256, its revision number (0 the first sending, 1 "Rev.1", …)
  and the state of every passage and response at that moment (JSON in
  ``printed``), so that "what changed since we sent" can be answered later,
  also in a colleague's merged copy. Rows are never edited after they are
  written; they travel in dumps and merges like every other row.
- ``project.deadline``: the submission deadline, an ISO 8601 UTC time, or ""
  for none (existing projects have none).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006_sent_and_deadline"
down_revision: str | None = "0005_contribution_details"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("project") as batch:
        batch.add_column(sa.Column("deadline", sa.String(32), nullable=False, server_default=""))
    op.create_table(
        "sent_export",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("created_at", sa.String(32), nullable=False),
        sa.Column("updated_at", sa.String(32), nullable=False),
        sa.Column("changed_by", sa.String(36), nullable=True),
        sa.Column("deleted_at", sa.String(32), nullable=True),
        sa.Column("field_history", sa.Text(), nullable=False, server_default="{}"),
        sa.Column("sent_at", sa.String(32), nullable=False),
        sa.Column("member_id", sa.String(36), sa.ForeignKey("member.id"), nullable=True),
        sa.Column("filename", sa.Text(), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("revision_no", sa.Integer(), nullable=False),
        sa.Column("layout", sa.String(16), nullable=False),
        sa.Column("printed", sa.Text(), nullable=False),
    )
    op.create_index("ix_sent_export_sent_at", "sent_export", ["sent_at"])


def downgrade() -> None:
    op.drop_index("ix_sent_export_sent_at", table_name="sent_export")
    op.drop_table("sent_export")
    with op.batch_alter_table("project") as batch:
        batch.drop_column("deadline")
