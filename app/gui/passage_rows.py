"""What the Passages panel reads, and the one reader that reads it off the GUI thread.

The panel shows one source's passages with marks that come from other
tables (notes, what was sent). Switching to another source reads them all
(:func:`read_source`); after an edit only the rows the operation's changes
name are read again (:func:`read_rows`). Both run on the ``files`` pool
(:class:`RowReader`), never on the GUI thread: on a project of 20,000
passages the GUI thread only brings the list to what was read.

Reads run one at a time. What is asked for while one runs is gathered
(:class:`Wanted`) and read next, so the results come back in the order the
edits were made; a read of the whole source makes the row reads before it
needless.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtWidgets import QWidget

from app.core import sending
from app.core.services import notes, passages
from app.core.services.passages import PassageInfo
from app.core.store import ProjectStore
from app.gui.workers import Operation

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class SourceRows:
    """One source's passages in output order, with their note counts and changed marks."""

    source_id: str | None
    rows: list[PassageInfo]
    noted: dict[str, int]
    changed_ids: set[str]


@dataclass(frozen=True)
class FreshRows:
    """Rows an operation named, read again; ``None`` for a row that is gone."""

    source_id: str
    rows: dict[str, PassageInfo | None]
    noted: dict[str, int] | None  # every shown row's count, when a note changed
    changed_ids: set[str] | None  # when a response or passage changed


@dataclass
class Wanted:
    """What to read next: the whole source, or some rows and marks."""

    whole: bool = False
    passages: set[str] = field(default_factory=set)
    responses: set[str] = field(default_factory=set)  # first answers: their passage is unknown
    notes: bool = False
    changed: bool = False

    def __bool__(self) -> bool:
        return self.whole or bool(self.passages or self.responses) or self.notes or self.changed

    def add(self, other: Wanted) -> None:
        self.whole |= other.whole
        self.passages |= other.passages
        self.responses |= other.responses
        self.notes |= other.notes
        self.changed |= other.changed


def read_source(store: ProjectStore, source_id: str | None) -> SourceRows:
    """Everything the panel shows of ``source_id`` (any thread)."""
    if source_id is None:
        return SourceRows(None, [], {}, set())
    rows = passages.list_passages(store, source_id)
    return SourceRows(
        source_id,
        rows,
        notes.note_counts(store, [info.id for info in rows]),
        sending.changed_passages(store, source_id),
    )


def read_rows(store: ProjectStore, source_id: str, wanted: Wanted, shown: list[str]) -> FreshRows:
    """The rows and marks ``wanted`` names (any thread); ``shown``: the ids the list holds."""
    ids = set(wanted.passages)
    for response_id in wanted.responses:
        found = passages.passage_for_response(store, response_id)
        if found is not None:
            ids.add(found.id)
    rows = {i: passages.get_passage(store, i) for i in ids}
    noted = notes.note_counts(store, shown) if wanted.notes else None
    changed = sending.changed_passages(store, source_id) if wanted.changed or rows else None
    return FreshRows(source_id, rows, noted, changed)


class RowReader:
    """Reads for one panel, one at a time, off the GUI thread; results in the order asked."""

    def __init__(
        self,
        owner: QWidget,
        store: ProjectStore,
        shown: Callable[[], tuple[str | None, list[str]]],
        arrived: Callable[[SourceRows | FreshRows], None],
    ) -> None:
        self._owner = owner
        self._store = store
        self._shown = shown  # the source the list holds and its row ids, when a read starts
        self._arrived = arrived
        self._wanted = Wanted()
        self._running = False
        self.reads = 0  # reads started (tests count them)

    @property
    def pending(self) -> bool:
        return self._running or bool(self._wanted)

    def ask(self, wanted: Wanted) -> None:
        self._wanted.add(wanted)
        if not self._running:
            self._start()

    def _start(self) -> None:
        wanted, self._wanted = self._wanted, Wanted()
        source, shown = self._shown()
        store = self._store
        if source is None:
            return
        self._running = True
        self.reads += 1

        def read() -> SourceRows | FreshRows:
            if wanted.whole:
                return read_source(store, source)
            return read_rows(store, source, wanted, shown)

        Operation(self._owner, lambda _progress: read(), pool_name="files").success(
            self._done
        ).failure(self._failed).run_in_background()

    def _done(self, result: SourceRows | FreshRows) -> None:
        self._running = False
        self._arrived(result)
        if self._wanted and not self._running:
            self._start()

    def _failed(self, exc: BaseException) -> None:
        logger.warning("the passages could not be read: %s", exc)
        self._running = False
        if self._wanted:
            self._start()
