"""Assemble an :class:`ImportedText` from paragraphs and notes.

DOCX, ODT and HTML all walk a tree and meet the same chores: whitespace and
forbidden characters in runs, the list number in front of the text, note
markers in the body whose offsets must survive trimming, and the notes' own
paragraphs appended at the end. Doing this once keeps the text conventions of
:mod:`app.importers.base` in one place.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field

from app.importers.base import (
    Footnote,
    ImportedText,
    ImportOptions,
    Page,
    Paragraph,
    ParagraphKind,
)

logger = logging.getLogger(__name__)

_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff\u00ad]")
_SPACES = re.compile(r"[ \t\r\n\u2028\u2029]+")
_NUMBER = re.compile(
    r"""^(
        \d{1,3}(?:\.\d{1,3})+\.?      # 1.2  1.2.  1.2.3
      | \d{1,3}[.)]                   # 12.  12)
      | \(\d{1,3}\)                   # (4)
      | \([a-zA-Z]{1,2}\)             # (a)  (aa)
      | [a-zA-Z][.)]                  # a)  A.
      | \([ivxlcdm]{1,7}\)            # (iii)
      | [ivxlcdm]{1,7}[.)]            # iv.  iv)
      | [IVXLCDM]{1,7}\.              # IV.
    )(?=\s|$)""",
    re.VERBOSE,
)


def leading_number(text: str) -> str | None:
    """A paragraph number typed at the start of ``text`` ("12.", "a)", "(iii)", "1.2")."""
    match = _NUMBER.match(text)
    return match.group(1) if match else None


@dataclass(frozen=True, slots=True)
class NoteRef:
    """A note marker in running text; ``key`` links it to :meth:`Builder.add_note`."""

    key: str
    marker: str


Piece = str | NoteRef


@dataclass(slots=True)
class _Note:
    marker: str
    text: str
    ref_offset: int | None = None


@dataclass(slots=True)
class Builder:
    options: ImportOptions
    media_type: str
    parts: list[str] = field(default_factory=list)
    paragraphs: list[Paragraph] = field(default_factory=list)
    notes: dict[str, _Note] = field(default_factory=dict)
    note_order: list[str] = field(default_factory=list)
    offset: int = 0
    warnings: list[str] = field(default_factory=list)

    def add(
        self,
        pieces: list[Piece],
        kind: ParagraphKind = ParagraphKind.BODY,
        number: str | None = None,
        level: int = 0,
    ) -> None:
        """Add one paragraph; empty ones are dropped, the number goes in front."""
        text, refs = _join(pieces)
        if number:
            number = _clean(number)
            prefix = number + " " if text else number
            text = prefix + text
            refs = [(key, pos + len(prefix)) for key, pos in refs]
        if not text:
            return
        if number is None and kind not in (ParagraphKind.FOOTNOTE, ParagraphKind.TABLE_CELL):
            number = leading_number(text)
        start = self.offset + (1 if self.parts else 0)
        for key, pos in refs:
            self._note(key).ref_offset = start + pos
            if key not in self.note_order:
                self.note_order.append(key)
        self.parts.append(text)
        self.paragraphs.append(Paragraph(start, start + len(text), kind, number or None, level))
        self.offset = start + len(text)

    def add_note(self, key: str, marker: str, pieces: list[Piece]) -> None:
        """Record the text of a note; it is placed at the end by :meth:`finish`."""
        note = self._note(key)
        note.marker = marker
        note.text = _join(pieces)[0]

    def _note(self, key: str) -> _Note:
        return self.notes.setdefault(key, _Note(marker=key, text=""))

    def finish(
        self, title: str | None = None, author: str | None = None, date: str | None = None
    ) -> ImportedText:
        """Append the notes (in order of first reference) and return the result."""
        footnotes: list[Footnote] = []
        ordered = self.note_order + [k for k in self.notes if k not in self.note_order]
        for key in ordered:
            note = self.notes[key]
            if not note.text:
                continue
            self.add([note.marker + " " + note.text], ParagraphKind.FOOTNOTE)
            last = self.paragraphs[-1]
            start = last.end - len(note.text)
            footnotes.append(Footnote(note.marker, note.text, start, last.end, note.ref_offset))
        text = "\n".join(self.parts)
        return ImportedText(
            text=text,
            pages=[Page(0, 0, len(text), "1")],
            paragraphs=self.paragraphs,
            footnotes=footnotes,
            title=_meta(title),
            author=_meta(author),
            date=_meta(date),
            media_type=self.media_type,
            warnings=self.warnings,
        )


def _clean(text: str) -> str:
    return _SPACES.sub(" ", _XML_ILLEGAL.sub("", text))


def _meta(value: str | None) -> str | None:
    cleaned = _clean(value or "").strip()
    return cleaned or None


def _join(pieces: list[Piece]) -> tuple[str, list[tuple[str, int]]]:
    """Concatenate pieces, collapse whitespace and trim, keeping marker offsets.

    Markers are kept as their own pieces until the end so that their offsets
    can be shifted by the trimming that precedes them.
    """
    out: list[str] = []
    refs: list[tuple[str, int]] = []
    length = 0
    after_space = True
    for piece in pieces:
        if isinstance(piece, NoteRef):
            chunk = _clean(piece.marker)
            refs.append((piece.key, length + len(chunk)))
        else:
            chunk = _clean(piece)
            if after_space:
                chunk = chunk.lstrip(" ")
        if chunk:
            out.append(chunk)
            length += len(chunk)
            after_space = chunk.endswith(" ")
    joined = "".join(out)
    leading = len(joined) - len(joined.lstrip(" "))
    text = joined.strip(" ")
    return text, [(key, min(max(pos - leading, 0), len(text))) for key, pos in refs]
