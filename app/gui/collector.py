"""Python's cyclic garbage collector, run on the GUI thread only.

The window's background work runs on pool threads (writes, reads, imports).
Left automatic, the collector runs on whichever thread's allocation happens
to cross its threshold, a pool thread included, and frees the cycles it finds
there: some hold Qt objects (widgets, documents, signal objects) whose
wrappers must only be freed on the GUI thread. A full run of the GUI tests
crashed once in a pool thread's ``signal.emit`` that way. So automatic
collection is switched off while the window runs and the GUI thread collects
on a timer, generation by generation, when the counts say the collector
would have (a common practice in threaded Qt programs written in Python).
"""

from __future__ import annotations

import gc
import logging

from PySide6.QtCore import QObject, QTimer

logger = logging.getLogger(__name__)

INTERVAL_MS = 500  # a cycle waits at most this long; reference counting frees the rest at once


class GuiThreadCollector(QObject):
    """Collects on the GUI thread; automatic collection is off from :meth:`start` to :meth:`stop`.

    Made and started on the GUI thread: its timer fires there.
    """

    def __init__(self, parent: QObject | None = None, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.collect)
        self._was_enabled = gc.isenabled()

    def start(self) -> None:
        self._was_enabled = gc.isenabled()
        gc.disable()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        self.collect()
        if self._was_enabled:
            gc.enable()

    def collect(self) -> int:
        """Collect the generations whose counts passed their thresholds; returns objects freed."""
        counts = gc.get_count()
        thresholds = gc.get_threshold()
        freed = 0
        for generation in (2, 1, 0):  # the oldest due takes the younger ones with it
            if counts[generation] > thresholds[generation] > 0:
                freed = gc.collect(generation)
                break
        return freed
