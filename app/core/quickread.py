"""Reading a project file with :mod:`sqlite3` alone, for the light read-only commands.

``rejoinder sources`` must answer in less time than importing SQLAlchemy
takes, so it reads through a plain connection with the checks and the lock of
:meth:`~app.core.store.ProjectStore.open`. Only a file that needs upgrading is
first opened (and so upgraded) by the store, which is imported then and only
then. This lives apart from :mod:`app.core.projectfile`, which the store
itself imports, so that neither module imports the other.
"""

from __future__ import annotations

import contextlib
import logging
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from app.core import migrate
from app.core.locking import ProjectLock
from app.core.projectfile import check_header, inspect_readonly, is_read_only, ro_uri

logger = logging.getLogger(__name__)


def _revision(path: Path) -> str | None:
    conn = sqlite3.connect(ro_uri(path), uri=True)
    try:
        return migrate.read_revision(conn)
    except sqlite3.Error:
        return None  # the full checks of ProjectStore.open say what is wrong
    finally:
        conn.close()


@contextlib.contextmanager
def reading(path: Path) -> Iterator[sqlite3.Connection]:
    """The project opened to be read, with the checks and the lock of ``ProjectStore.open``."""
    path = Path(path)
    check_header(path)
    if _revision(path) != migrate.head_revision():
        from app.core.store import ProjectStore

        ProjectStore.open(path).close()
    lock = ProjectLock(path)
    lock.acquire()
    try:
        inspect_readonly(path, read_only=is_read_only(path))
        conn = sqlite3.connect(ro_uri(path), uri=True)
        try:
            conn.execute("PRAGMA trusted_schema=OFF")
            conn.execute("PRAGMA query_only=ON")
            yield conn
        finally:
            conn.close()
    finally:
        lock.release()
