"""What the Response editor shows of a passage, read off the GUI thread.

Choosing a passage, or an edit that changes the shown response (an undo, a
colleague's save), needs the passage's row, its version on a team server,
its status history (the status tooltip) and the project's language (the
phrasebook). On the GUI thread those reads are an edit's cost on a large
project, so :class:`ResponseReader` runs them on the ``files`` pool. Only
the newest request's result is handed back; a result read before an
operation the views have since been told about is read again, so the editor
never shows a response older than the journal.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtWidgets import QWidget

from app.core.services import passages, responses, review
from app.core.services.passages import PassageInfo
from app.core.services.review import StatusHistory
from app.core.store import ProjectStore
from app.gui.context import ProjectContext
from app.gui.workers import Operation

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class ShownResponse:
    """A passage as the editor shows it; ``passage`` is None when it is gone."""

    passage_id: str
    passage: PassageInfo | None
    version: int | None
    history: StatusHistory | None
    language: str


def read_response(store: ProjectStore, passage_id: str) -> ShownResponse:
    """Everything the editor shows of ``passage_id`` (any thread)."""
    passage = passages.get_passage(store, passage_id)
    version = responses.response_version(store, passage_id) if passage else None
    history = (
        review.status_history(store, passage.response_id)
        if passage is not None and passage.response_id
        else None
    )
    return ShownResponse(passage_id, passage, version, history, store.project().language)


def read_after_saves(
    owner: QWidget, store: ProjectStore, passage_id: str, arrived: Callable[[ShownResponse], None]
) -> None:
    """Read ``passage_id`` behind the writes already asked for (a save just made creates
    the response), on the project's own thread, then ``arrived(shown)``."""
    Operation(
        owner, lambda _progress: read_response(store, passage_id), pool_name="project"
    ).success(arrived).run_in_background()


class ResponseReader:
    """``request(passage_id, arrived)``: ``arrived(shown)`` runs later, newest request only."""

    def __init__(self, owner: QWidget, ctx: ProjectContext) -> None:
        self._owner = owner
        self._ctx = ctx
        self._token = 0
        self.reads = 0  # reads started (tests count them)

    @property
    def newest(self) -> int:
        return self._token

    def cancel(self) -> None:
        """Drop every result still on its way (the editor moved on without one)."""
        self._token += 1

    def request(self, passage_id: str, arrived: Callable[[ShownResponse], None]) -> None:
        self._token += 1
        self.reads += 1
        token, generation, store = self._token, self._ctx.generation, self._ctx.store

        def done(shown: ShownResponse) -> None:
            if token != self._token or store.closed or store is not self._ctx.store:
                return  # a newer request, or the project closed
            if self._ctx.generation != generation:
                self.request(passage_id, arrived)  # an operation since: read again
                return
            arrived(shown)

        Operation(
            self._owner, lambda _progress: read_response(store, passage_id), pool_name="files"
        ).success(done).failure(self._failed).run_in_background()

    @staticmethod
    def _failed(exc: BaseException) -> None:
        """A read that fails changes nothing shown; the next request may succeed."""
        logger.warning("the response could not be read: %s", exc)
