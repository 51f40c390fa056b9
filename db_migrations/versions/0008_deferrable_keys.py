"""On PostgreSQL, foreign keys may wait for the commit, as SQLite's do when asked.

Revision ID: 0008_deferrable_keys
Revises: 0007_similar_passages
Create Date: 2026-12-02

Merge, undo and redo, and publishing write rows in an order that is
consistent only when the transaction ends (a note's reply before the note it
answers; a deleted parent before its children). In a project file they ask
SQLite to check foreign keys at commit (``PRAGMA defer_foreign_keys``); on a
team server the same request (``SET CONSTRAINTS ALL DEFERRED``) holds only
for constraints declared ``DEFERRABLE``, which PostgreSQL's are not by
default. This makes every foreign key of the schema ``DEFERRABLE INITIALLY
IMMEDIATE``: checked per statement as before, unless a transaction defers
them. SQLite is left unchanged. A later revision that adds a foreign key on
PostgreSQL should declare it deferrable too.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008_deferrable_keys"
down_revision: str | None = "0007_similar_passages"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_FOREIGN_KEYS = """
SELECT conrelid::regclass::text, conname FROM pg_constraint
WHERE contype = 'f' AND condeferrable = :deferrable
  AND connamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema())
ORDER BY 1, 2
"""


def _alter(deferrable: bool) -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    found = bind.execute(sa.text(_FOREIGN_KEYS), {"deferrable": not deferrable}).all()
    clause = "DEFERRABLE INITIALLY IMMEDIATE" if deferrable else "NOT DEFERRABLE"
    for table, name in found:
        op.execute(f'ALTER TABLE {table} ALTER CONSTRAINT "{name}" {clause}')


def upgrade() -> None:
    _alter(deferrable=True)


def downgrade() -> None:
    _alter(deferrable=False)
