"""Initial schema: project, member, original_file, source, source_version,
section, block, passage, response, revision, note.

Revision ID: 0001_initial
Revises:
Create Date: 2026-11-23
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001_initial"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _tracked() -> list[sa.Column[object]]:
    return [
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("created_at", sa.String(32), nullable=False),
        sa.Column("updated_at", sa.String(32), nullable=False),
        sa.Column("changed_by", sa.String(36), nullable=True),
        sa.Column("deleted_at", sa.String(32), nullable=True),
    ]


def upgrade() -> None:
    op.create_table(
        "project",
        *_tracked(),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("organisation", sa.Text(), nullable=False),
        sa.Column("meeting", sa.Text(), nullable=False),
        sa.Column("date", sa.String(32), nullable=False),
        sa.Column("language", sa.String(8), nullable=False),
    )
    op.create_table(
        "member",
        *_tracked(),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("initials", sa.String(16), nullable=False),
        sa.Column("organisation", sa.Text(), nullable=False),
    )
    op.create_table(
        "original_file",
        *_tracked(),
        sa.Column("sha256", sa.String(64), nullable=False, unique=True),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
    )
    op.create_table(
        "source",
        *_tracked(),
        sa.Column("label", sa.Text(), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("ordinal", sa.Integer(), nullable=False),
    )
    op.create_table(
        "source_version",
        *_tracked(),
        sa.Column("source_id", sa.String(36), sa.ForeignKey("source.id"), nullable=False),
        sa.Column("version_no", sa.Integer(), nullable=False),
        sa.Column("filename", sa.Text(), nullable=False),
        sa.Column("media_type", sa.String(100), nullable=False),
        sa.Column("sha256", sa.String(64), sa.ForeignKey("original_file.sha256"), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("pages", sa.Text(), nullable=False),
        sa.Column("paragraphs", sa.Text(), nullable=False),
        sa.Column("footnotes", sa.Text(), nullable=False),
        sa.Column("doc_title", sa.Text(), nullable=False),
        sa.Column("doc_author", sa.Text(), nullable=False),
        sa.Column("doc_date", sa.String(64), nullable=False),
        sa.Column("warnings", sa.Text(), nullable=False),
    )
    op.create_index("ix_source_version_source", "source_version", ["source_id", "version_no"])
    op.create_table(
        "section",
        *_tracked(),
        sa.Column("ordinal", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("heading", sa.Text(), nullable=False),
        sa.Column("source_id", sa.String(36), sa.ForeignKey("source.id"), nullable=True),
        sa.Column("opening", sa.Text(), nullable=False),
        sa.Column("closing", sa.Text(), nullable=False),
    )
    op.create_table(
        "block",
        *_tracked(),
        sa.Column("section_id", sa.String(36), sa.ForeignKey("section.id"), nullable=False),
        sa.Column("ordinal", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(24), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("after_text", sa.Text(), nullable=False),
        sa.Column("target_section_id", sa.String(36), sa.ForeignKey("section.id"), nullable=True),
        sa.Column("numbered", sa.Integer(), nullable=False),
        sa.Column("lead_in", sa.Text(), nullable=False),
        sa.Column("comments_lead_in", sa.Text(), nullable=False),
    )
    op.create_index("ix_block_section", "block", ["section_id", "ordinal"])
    op.create_table(
        "passage",
        *_tracked(),
        sa.Column("source_id", sa.String(36), sa.ForeignKey("source.id"), nullable=False),
        sa.Column(
            "source_version_id",
            sa.String(36),
            sa.ForeignKey("source_version.id"),
            nullable=False,
        ),
        sa.Column("block_id", sa.String(36), sa.ForeignKey("block.id"), nullable=True),
        sa.Column("ordinal", sa.Integer(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=True),
        sa.Column("end", sa.Integer(), nullable=True),
        sa.Column("exact", sa.Text(), nullable=False),
        sa.Column("prefix", sa.Text(), nullable=False),
        sa.Column("suffix", sa.Text(), nullable=False),
        sa.Column("page_index", sa.Integer(), nullable=True),
        sa.Column("page_label", sa.Text(), nullable=True),
        sa.Column("paragraph_number", sa.Text(), nullable=True),
        sa.Column("quote", sa.Text(), nullable=False),
        sa.Column("anchor_method", sa.String(16), nullable=False),
        sa.Column("anchor_score", sa.Integer(), nullable=False),
    )
    op.create_index("ix_passage_source", "passage", ["source_id"])
    op.create_index("ix_passage_block", "passage", ["block_id", "ordinal"])
    op.create_table(
        "response",
        *_tracked(),
        sa.Column("passage_id", sa.String(36), sa.ForeignKey("passage.id"), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("position", sa.String(24), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("proposed_change", sa.Text(), nullable=False),
        sa.Column("author_id", sa.String(36), sa.ForeignKey("member.id"), nullable=True),
    )
    op.create_index("ix_response_passage", "response", ["passage_id"])
    op.create_table(
        "revision",
        *_tracked(),
        sa.Column("response_id", sa.String(36), sa.ForeignKey("response.id"), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("author_id", sa.String(36), sa.ForeignKey("member.id"), nullable=True),
    )
    op.create_index("ix_revision_response", "revision", ["response_id"])
    op.create_table(
        "note",
        *_tracked(),
        sa.Column("target_kind", sa.String(16), nullable=False),
        sa.Column("target_id", sa.String(36), nullable=False),
        sa.Column("parent_id", sa.String(36), sa.ForeignKey("note.id"), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("author_id", sa.String(36), sa.ForeignKey("member.id"), nullable=True),
    )
    op.create_index("ix_note_target", "note", ["target_kind", "target_id"])


def downgrade() -> None:
    for table in (
        "note",
        "revision",
        "response",
        "passage",
        "block",
        "section",
        "source_version",
        "source",
        "original_file",
        "member",
        "project",
    ):
        op.drop_table(table)
