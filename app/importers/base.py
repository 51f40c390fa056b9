"""The one result every importer returns, and the options every importer takes.

Importers are pure functions of bytes: they never touch the project store, so
a failing import cannot leave a half-written source behind. The project store
takes an :class:`ImportedText` and writes it in one transaction.

Text conventions shared by all formats (the reader, anchoring and the
exporters rely on them):

* ``text`` is a Python ``str``; every offset in this module counts code points.
* Paragraphs are separated by a single ``"\\n"``; a paragraph holds no newline.
* Pages follow one another in ``text``; ``pages`` covers ``text`` without gaps
  (formats without pages have a single page labelled ``"1"``).
* Footnotes are kept in ``text`` too, so that they can be cited: as paragraphs
  of kind ``FOOTNOTE`` starting with their marker ("3 See …"), at the end of
  the page where they are printed (PDF) or at the end of the document
  (DOCX, ODT, HTML). The body keeps the marker where it stood.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum

from app.core.errors import ImportCancelled

logger = logging.getLogger(__name__)

DEFAULT_MAX_BYTES = 100 * 1024 * 1024


class ParagraphKind(StrEnum):
    HEADING = "heading"
    BODY = "body"
    LIST_ITEM = "list_item"
    QUOTE = "quote"
    FOOTNOTE = "footnote"
    TABLE_CELL = "table_cell"


@dataclass(frozen=True, slots=True)
class Page:
    """A page of the source: ``text[start:end]``; ``label`` is what is printed on it."""

    index: int
    start: int
    end: int
    label: str


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A paragraph ``text[start:end]``.

    ``number`` is the number a reader sees in front of it ("12.", "a)", "(iii)")
    when the document numbers it; it is also present at the start of the
    paragraph's text. ``level`` is the heading or list level (1 = top).
    """

    start: int
    end: int
    kind: ParagraphKind = ParagraphKind.BODY
    number: str | None = None
    level: int = 0


@dataclass(frozen=True, slots=True)
class Footnote:
    """A footnote or endnote: its marker, its text, and where its text sits in ``text``.

    ``ref_offset`` is the offset in ``text`` just after the marker in the body,
    when the importer could place it.
    """

    marker: str
    text: str
    start: int
    end: int
    ref_offset: int | None = None


@dataclass(slots=True)
class ImportedText:
    text: str
    pages: list[Page]
    paragraphs: list[Paragraph]
    footnotes: list[Footnote] = field(default_factory=list)
    title: str | None = None
    author: str | None = None
    date: str | None = None
    media_type: str = "text/plain"
    warnings: list[str] = field(default_factory=list)


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
    # PDF (the command line imports the ORM then); this process then leaves
    # every page to the workers instead of reading a share itself.
    meanwhile: Callable[[], None] | None = None

    def check_cancelled(self) -> None:
        """Stop with :class:`ImportCancelled` if asked to, without reporting progress."""
        if self.cancel is not None and self.cancel.cancelled:
            raise ImportCancelled("The import was cancelled; the project is unchanged.")

    def report(self, done: int, total: int) -> None:
        """Report progress and stop with :class:`ImportCancelled` if asked to."""
        self.check_cancelled()
        if self.progress is not None:
            self.progress(done, total)
