"""The document types core owns: what every importer returns, and how a version stores it.

An importer turns bytes into an :class:`ImportedText`; core stores its pages,
paragraphs and footnotes as JSON on the source version and reads them back as
the same :class:`Page` and :class:`Paragraph` (one codec, :func:`to_json`,
:func:`pages_from_json`, :func:`paragraphs_from_json`). Core owning these
types means no Protocol copies of them in the services, and importers and
exporters meet only here.

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

import functools
import json
import logging
from collections.abc import Iterable
from dataclasses import dataclass, field, fields, is_dataclass
from enum import StrEnum
from typing import Any

logger = logging.getLogger(__name__)


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
    kind: str = ParagraphKind.BODY  # a ParagraphKind; read back from JSON as its value
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
    # What an importer prepared of the text for the sentence index with its idle worker
    # (``ImportOptions.prepare``); storing the version then only writes it.
    prepared: Any = None


def to_json(items: Iterable[Any]) -> str:
    """Pages, paragraphs or footnotes as one JSON array of objects (a version's columns).

    ``dataclasses.asdict`` deep-copies every value through recursion: 0.4 s for
    the 4,000 pages and paragraphs of a 300-page PDF. Their fields are plain
    values, so reading them directly gives the same JSON in a twentieth of it.
    Mappings (already plain rows) are written as they are.
    """
    rows = []
    for item in items:
        kind: type = type(item)
        if is_dataclass(kind):
            rows.append({name: getattr(item, name) for name in _field_names(kind)})
        else:
            rows.append(dict(item))
    return json.dumps(rows, ensure_ascii=False, separators=(",", ":"))


@functools.cache
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(cls))


def pages_from_json(text: str) -> tuple[Page, ...]:
    return tuple(Page(**row) for row in json.loads(text))


def paragraphs_from_json(text: str) -> tuple[Paragraph, ...]:
    return tuple(Paragraph(**row) for row in json.loads(text))
