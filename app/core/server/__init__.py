"""A project's second home: a PostgreSQL database shared by a delegation (issue 15).

A project lives either in a file (SQLite, the embedded default) or on a team
server, named ``postgresql://LOGIN@HOST:PORT/DB``. Everything that tells the
two apart stays behind :func:`app.core.homes.open_home`: the rest of core
works on a :class:`~app.core.store.ProjectStore` and its SQLAlchemy sessions
either way. This package holds the server side: the address and the
password (:mod:`.address`, :mod:`.connect`), the store (:mod:`.store`),
the schema (:mod:`.schema`) and copying a project in and out (:mod:`.transfer`).
"""

from __future__ import annotations

import logging

logger = logging.getLogger(__name__)

SCHEMES = ("postgresql://", "postgres://", "postgresql+psycopg://")


def is_server_url(location: object) -> bool:
    """Whether ``location`` names a project on a server rather than a file."""
    return isinstance(location, str) and location.lower().startswith(SCHEMES)
