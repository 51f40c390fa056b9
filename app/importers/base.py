"""The options every importer takes; the result it returns is core's.

Importers are pure functions of bytes: they never touch the project store, so
a failing import cannot leave a half-written source behind. The project store
takes an :class:`~app.core.document.ImportedText` (core owns the document
types and their text conventions) and writes it in one transaction.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from app.core.document import Footnote as Footnote
from app.core.document import ImportedText as ImportedText
from app.core.document import Page as Page
from app.core.document import Paragraph as Paragraph
from app.core.document import ParagraphKind as ParagraphKind
from app.core.errors import ImportCancelled
from app.core.i18n import _

logger = logging.getLogger(__name__)

DEFAULT_MAX_BYTES = 100 * 1024 * 1024


class CancelToken:
    """Set by the GUI thread, polled by the importer between pages."""

    def __init__(self) -> None:
        self._cancelled = False

    def cancel(self) -> None:
        self._cancelled = True

    @property
    def cancelled(self) -> bool:
        return self._cancelled


ProgressCallback = Callable[[int, int], None]


@dataclass(slots=True)
class ImportOptions:
    password: str | None = None
    max_bytes: int = DEFAULT_MAX_BYTES
    progress: ProgressCallback | None = None
    cancel: CancelToken | None = None
    # Work of the caller's own that can run while worker processes read a long
    # PDF (the command line imports the modules that store it then); this
    # process then reads the pages the workers have not reached yet.
    meanwhile: Callable[[], None] | None = None
    # Prepares the sentence index of the text (app.core.similar.prepare_index), given
    # (text, paragraph spans, offload): a reader with a worker process calls it before
    # closing its pool, so that the worker, idle by then, does half of it.
    prepare: Callable[[str, list[tuple[int, int]], Any], Any] | None = None
    # Seconds the PDF importer's worker processes wait for the next import once
    # this one went well (app.importers.pdf.standing): a process that imports
    # again and again (the window) then starts none. 0 (the command line's one
    # import) keeps none, and ends any kept before.
    keep_readers: float = 0.0

    def check_cancelled(self) -> None:
        """Stop with :class:`ImportCancelled` if asked to, without reporting progress."""
        if self.cancel is not None and self.cancel.cancelled:
            raise ImportCancelled(_("The import was cancelled; the project is unchanged."))

    def report(self, done: int, total: int) -> None:
        """Report progress and stop with :class:`ImportCancelled` if asked to."""
        self.check_cancelled()
        if self.progress is not None:
            self.progress(done, total)
