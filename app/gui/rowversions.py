"""The row versions the window's editors showed: a colleague's save in between is a conflict.

On a team server every row has a version (:mod:`app.core.rowversion`). An
editor that starts showing a section, a block, a passage or a note reads its
version (:meth:`Versions.show`); the save names it (:meth:`Versions.saving`),
so the core keeps a colleague's newer value and puts ours beside it as a
conflict, shown as a merge's are, instead of overwriting it. Our own save
moves the version on, so that our next save does not collide with our last
one: saves run on the project writer one after the other, so a save typed
while the previous one is on its way starts from the version that one left.
On a project file there are no versions: every call gives None and reads
nothing.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Iterator

from app.core import rowversion
from app.core.store import ProjectStore

logger = logging.getLogger(__name__)


class Versions:
    """Versions of the rows shown, by table and id (None: never shown, or a file).

    A save is claimed on the GUI thread when it is pushed (:meth:`claim`) and
    runs on the project writer inside :meth:`saving`; while it is on its way,
    a refresh that shows the row again does not take the newer version (a
    colleague's save arriving in between must stay a conflict).
    """

    def __init__(self, store: ProjectStore) -> None:
        self.store = store
        self._tracked = store.engine.dialect.name == "postgresql"
        self._seen: dict[tuple[str, str], int | None] = {}
        self._claimed: dict[tuple[str, str], int] = {}
        self._lock = threading.Lock()

    def show(self, table: str, row_id: str) -> int | None:
        """An editor starts showing the row: its version now is the one a save names."""
        if not self._tracked:
            return None
        version = rowversion.current(self.store, table, row_id)
        with self._lock:
            if self._claimed.get((table, row_id)):
                return self._seen.get((table, row_id))  # our save is on its way
            self._seen[(table, row_id)] = version
        return version

    def base(self, table: str, row_id: str) -> int | None:
        with self._lock:
            return self._seen.get((table, row_id))

    def claim(self, table: str, row_id: str) -> None:
        """A save of the row is pushed (GUI thread): :meth:`saving` runs it later."""
        with self._lock:
            self._claimed[(table, row_id)] = self._claimed.get((table, row_id), 0) + 1

    @contextlib.contextmanager
    def saving(self, table: str, row_id: str) -> Iterator[int | None]:
        """On the project writer: the version to name; once saved, the version our save left.

        Releases the :meth:`claim` made when the save was pushed, whatever happens.
        """
        key = (table, row_id)
        try:
            yield self.base(table, row_id)
            if self._tracked and key in self._seen:
                version = rowversion.current(self.store, table, row_id)
                with self._lock:
                    self._seen[key] = version
        finally:
            with self._lock:
                left = self._claimed.get(key, 0) - 1
                if left > 0:
                    self._claimed[key] = left
                else:
                    self._claimed.pop(key, None)
