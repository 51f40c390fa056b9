"""A panel's read of the project, run off the GUI thread, newest result wins.

After an operation a panel often needs a read that scales with the project
(the Sources panel's counts aggregate every passage; the Outline's headings
name every party). On the GUI thread that read is most of an edit's cost, so
:class:`BackgroundRead` runs it on the ``files`` pool of
:mod:`app.gui.workers` and hands the result back. Reads run one at a time; a
read asked for while one runs follows it once (a burst of edits gives two
reads, not one per edit), and a result is marked *settled* only when no read
asked for later is still to come, so a panel never concludes from an old
result that a row it was just told about is gone.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Generic, TypeVar

from PySide6.QtWidgets import QWidget

from app.gui.workers import Operation

logger = logging.getLogger(__name__)

T = TypeVar("T")


class BackgroundRead(Generic[T]):
    """``BackgroundRead(panel, read, show).request()``; ``show(result, settled)`` runs later."""

    def __init__(
        self, owner: QWidget, read: Callable[[], T], show: Callable[[T, bool], None]
    ) -> None:
        self._owner = owner
        self._read = read
        self._show = show
        self._running = False
        self._again = False
        self.reads = 0  # reads started (tests count them)

    @property
    def pending(self) -> bool:
        """A read is running or asked for: what the panel shows may be older than the project."""
        return self._running or self._again

    def request(self) -> None:
        """Read again; while a read runs, once more after it."""
        if self._running:
            self._again = True
            return
        self._running = True
        self.reads += 1
        read = self._read
        Operation(self._owner, lambda _progress: read(), pool_name="files").success(
            self._done
        ).failure(self._failed).run_in_background()

    def _done(self, result: T) -> None:
        self._running = False
        again, self._again = self._again, False
        self._show(result, not again)
        if again:
            self.request()

    def _failed(self, exc: BaseException) -> None:
        """A read that fails changes nothing shown; the next one may succeed (logged by workers)."""
        logger.warning("a panel's background read failed: %s", exc)
        self._running = False
        if self._again:
            self._again = False
            self.request()
