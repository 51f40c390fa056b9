"""Quote language per source, a comment type per response, lead-ins that can be removed.

Revision ID: 0005_contribution_details
Revises: 0004_journal
Create Date: 2026-12-02

- ``source.language``: the language the source is written in (detected at
  import, editable); quotes carry it in the Word file so that spelling is
  checked in the right language. Existing sources get "" (unknown): their
  quotes keep the project's language, as before.
- ``response.comment_type``: general, technical or editorial, as the ISO/IEC
  commenting template asks. Existing responses are "general".
- ``block.lead_in_shown`` / ``comments_lead_in_shown``: 0 prints no lead-in
  at all (``lead_in`` "" still means the phrasebook's sentence). Existing
  blocks show theirs.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005_contribution_details"
down_revision: str | None = "0004_journal"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("source") as batch:
        batch.add_column(sa.Column("language", sa.String(16), nullable=False, server_default=""))
    with op.batch_alter_table("response") as batch:
        batch.add_column(
            sa.Column("comment_type", sa.String(16), nullable=False, server_default="general")
        )
    with op.batch_alter_table("block") as batch:
        for name in ("lead_in_shown", "comments_lead_in_shown"):
            batch.add_column(sa.Column(name, sa.Integer(), nullable=False, server_default="1"))


def downgrade() -> None:
    with op.batch_alter_table("block") as batch:
        batch.drop_column("comments_lead_in_shown")
        batch.drop_column("lead_in_shown")
    with op.batch_alter_table("response") as batch:
        batch.drop_column("comment_type")
    with op.batch_alter_table("source") as batch:
        batch.drop_column("language")
