"""A passage keeps where it was first cited, and a proposal the text it was built on.

Revision ID: 0003_anchor_origin
Revises: 0002_merge_history
Create Date: 2026-12-02

Re-anchoring onto a new version of a source used to start from the last
placement, so a passage that once landed on a look-alike stayed there for
good. The original quote, its context, its offset and the version it was cited
in are now kept apart from the current placement, and a risky placement waits
for a person to confirm it. Existing passages take their current anchor as the
original (the best that is known) and count as confirmed.

A proposal from a review copy keeps the response text it was built on, so that
accepting it can tell whether the response changed in the meantime.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003_anchor_origin"
down_revision: str | None = "0002_merge_history"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("passage") as batch:
        batch.add_column(sa.Column("orig_exact", sa.Text(), nullable=False, server_default=""))
        batch.add_column(sa.Column("orig_prefix", sa.Text(), nullable=False, server_default=""))
        batch.add_column(sa.Column("orig_suffix", sa.Text(), nullable=False, server_default=""))
        batch.add_column(sa.Column("orig_start", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("orig_version_id", sa.String(36), nullable=True))
        batch.add_column(
            sa.Column("placement_confirmed", sa.Integer(), nullable=False, server_default="1")
        )
    op.execute(
        "UPDATE passage SET orig_exact = exact, orig_prefix = prefix, orig_suffix = suffix, "
        "orig_start = start, orig_version_id = source_version_id"
    )
    with op.batch_alter_table("note") as batch:
        batch.add_column(sa.Column("proposal_base", sa.Text(), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("note") as batch:
        batch.drop_column("proposal_base")
    with op.batch_alter_table("passage") as batch:
        for column in (
            "placement_confirmed",
            "orig_version_id",
            "orig_start",
            "orig_suffix",
            "orig_prefix",
            "orig_exact",
        ):
            batch.drop_column(column)
