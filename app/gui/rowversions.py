"""The row versions the window's editors showed: a colleague's save in between is a conflict.

On a team server every row has a version (:mod:`app.core.rowversion`). An
editor that starts showing a section, a block, a passage or a note reads its
version (:meth:`Versions.show`); the save names it (:meth:`Versions.base`),
so the core keeps a colleague's newer value and puts ours beside it as a
conflict, shown as a merge's are, instead of overwriting it. Our own save
moves the version on (:meth:`Versions.saved`), so that our next save does
not collide with our last one. Both run on the project writer, one after the
other, so a save typed while the previous one is on its way starts from the
version that one left. On a project file there are no versions: every call
gives None and reads nothing.
"""

from __future__ import annotations

import logging
import threading

from app.core import rowversion
from app.core.store import ProjectStore

logger = logging.getLogger(__name__)


class Versions:
    """Versions of the rows shown, by table and id (None: never shown, or a file)."""

    def __init__(self, store: ProjectStore) -> None:
        self.store = store
        self._tracked = store.engine.dialect.name == "postgresql"
        self._seen: dict[tuple[str, str], int | None] = {}
        self._lock = threading.Lock()

    def show(self, table: str, row_id: str) -> int | None:
        """An editor starts showing the row: its version now is the one a save names."""
        if not self._tracked:
            return None
        version = rowversion.current(self.store, table, row_id)
        with self._lock:
            self._seen[(table, row_id)] = version
        return version

    def base(self, table: str, row_id: str) -> int | None:
        """The version to name when saving the row (on the project writer)."""
        with self._lock:
            return self._seen.get((table, row_id))

    def saved(self, table: str, row_id: str) -> None:
        """Our save went through: our next one starts from the version it left."""
        if not self._tracked:
            return
        with self._lock:
            if (table, row_id) not in self._seen:
                return
        version = rowversion.current(self.store, table, row_id)
        with self._lock:
            self._seen[(table, row_id)] = version
