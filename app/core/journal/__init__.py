"""The journal of operations kept in the project file: what changed, and how to undo it.

Every :meth:`ProjectStore.write` records one entry (its label, who, when,
and the before- and after-images of the rows it changed); :func:`undo` and
:func:`redo` replay those images. The journal is this file's own history:
it is neither dumped nor merged, and it keeps the newest operations by
count, age and size (:func:`~app.core.journal.recorder.trim` says how).
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Iterator

from app.core.journal.changes import Changes
from app.core.journal.recorder import (
    BURST_SECONDS,
    Pending,
    Recorder,
    known,
    settled,
    snapshot,
    trim,
    write_entries,
)
from app.core.retention import KEEP

logger = logging.getLogger(__name__)

__all__ = [
    "BURST_SECONDS",
    "KEEP",
    "Changes",
    "Collector",
    "Pending",
    "Recorder",
    "collect",
    "collecting",
    "known",
    "published",
    "settled",
    "snapshot",
    "trim",
    "write_entries",
]


class Collector:
    """The changes of every write made inside :func:`collect` on this thread."""

    def __init__(self) -> None:
        self.changes = Changes()

    def add(self, changes: Changes) -> None:
        self.changes = self.changes | changes if self.changes else changes


_local = threading.local()


@contextlib.contextmanager
def collect() -> Iterator[Collector]:
    """Gather what the writes inside the block changed (the GUI's operation helper uses it)."""
    collector = Collector()
    stack: list[Collector] = getattr(_local, "stack", [])
    _local.stack = stack
    stack.append(collector)
    try:
        yield collector
    finally:
        stack.remove(collector)


def collecting() -> bool:
    """Whether a :func:`collect` is open on this thread (the GUI's operation helper is running)."""
    return bool(getattr(_local, "stack", []))


def published(changes: Changes) -> None:
    """Hand a committed write's changes to every :func:`collect` open on this thread."""
    for collector in getattr(_local, "stack", []):
        collector.add(changes)
