"""The few SQL statements that differ between the two homes of a project.

Core speaks SQLAlchemy to both SQLite (a project file) and PostgreSQL (a
team server); where a statement has no portable spelling, it is here, chosen
by the connection's dialect, so that no other module tests for a backend.
"""

from __future__ import annotations

import logging

from sqlalchemy import Connection

logger = logging.getLogger(__name__)


def is_sqlite(connection: Connection) -> bool:
    return connection.dialect.name == "sqlite"


def defer_foreign_keys(connection: Connection) -> None:
    """Check foreign keys at commit, not per statement, for the rest of this transaction.

    On PostgreSQL this holds for the keys declared deferrable.
    """
    if is_sqlite(connection):
        connection.exec_driver_sql("PRAGMA defer_foreign_keys=ON")
    else:
        connection.exec_driver_sql("SET CONSTRAINTS ALL DEFERRED")
