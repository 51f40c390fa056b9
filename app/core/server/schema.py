"""The project's schema on a server: its revision, and whether a database is empty.

On PostgreSQL the schema is made by running every Alembic revision (there is
no ``head_schema.sql`` shortcut, which is SQLite's), inside the caller's
transaction: DDL is transactional there, so an upgrade or a publish that fails
leaves the database as it was. The file-only checks of
:mod:`app.core.projectfile` (header, ``application_id``, ``quick_check``) and
the backup before an upgrade do not apply to a server.
"""

from __future__ import annotations

import logging

from sqlalchemy import Connection, inspect, text

from app.core import migrate
from app.core.errors import NewerSchemaError
from app.core.i18n import _
from app.core.server.address import ServerAddress

logger = logging.getLogger(__name__)


def read_revision(connection: Connection) -> str | None:
    """The database's schema revision, or None when it holds no Rejoinder schema."""
    if not inspect(connection).has_table("alembic_version"):
        return None
    row = connection.execute(text("SELECT version_num FROM alembic_version")).first()
    return str(row[0]) if row else None


def table_names(connection: Connection) -> list[str]:
    return list(inspect(connection).get_table_names())


def check_not_newer(revision: str, address: ServerAddress) -> None:
    try:
        migrate.check_not_newer(revision)
    except NewerSchemaError as exc:
        raise NewerSchemaError(
            _(
                "The project on {address} was saved by a newer version of Rejoinder "
                "(schema {revision}); this version reads schemas up to {head}. "
                "Install the newer Rejoinder to open it. Nothing was changed."
            ).format(address=address, revision=revision, head=migrate.head_revision())
        ) from exc


def upgrade(connection: Connection) -> None:
    """Bring the schema to head, in the caller's transaction."""
    migrate.upgrade(connection)
    logger.info("server schema at %s", migrate.head_revision())
