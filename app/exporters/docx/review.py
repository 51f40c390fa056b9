"""Review-copy marks: UUID bookmarks and Word comments with statuses and notes.

Colleagues who only use Word comment on the review copy; a later import maps
their comments back by the bookmark that encloses them, so every passage and
response gets a bookmark whose name carries its UUID (``p_`` / ``r_`` + 32
hex digits: Word allows 40 characters and requires a leading letter).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence

from docx.document import Document as DocxDocument
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.part import XmlPart
from lxml import etree

from app.core.contribution.model import NoteItem
from app.core.contribution.names import note_line
from app.core.phrasebook import Phrasebook
from app.exporters.cleaning import clean_text
from app.exporters.docx import ooxml as x
from app.exporters.docx.ooxml import Element, sub, w
from app.exporters.flow import Para

logger = logging.getLogger(__name__)

_NOT_NAME = re.compile(r"[^0-9A-Za-z]")


def bookmark_name(prefix: str, identifier: str) -> str:
    """``prefix_`` + the identifier's first 32 letters/digits (a UUID's hex without dashes)."""
    return f"{prefix}_{_NOT_NAME.sub('', identifier)[:32]}"


def _initials(name: str) -> str:
    return "".join(part[0] for part in name.split() if part[:1].isalnum()).upper()[:4]


def _notes_text(notes: Sequence[NoteItem], phrases: Phrasebook) -> list[str]:
    """A line per note; its time as a reader writes it (Word's own w:date stays ISO)."""
    return [note_line(n.author, n.created, n.text, phrases) for n in notes]


class ReviewMarks:
    """Adds bookmarks and Word comments around the paragraphs of a passage or response."""

    def __init__(
        self, document: DocxDocument, reference_style: str, phrases: Phrasebook, fallback: str
    ) -> None:
        self._document = document
        self._reference_style = reference_style
        self._phrases = phrases
        self._fallback = fallback
        existing = [int(b.get(x.ID, "0")) for b in document.element.body.iter(x.BOOKMARK_START)]
        self._next_bookmark = max(existing, default=-1) + 1
        self._names: set[str] = {
            b.get(x.NAME, "") for b in document.element.body.iter(x.BOOKMARK_START)
        }

    def mark(self, para: Para, paragraphs: list[Element]) -> None:
        """Bookmark the passage's or response's paragraphs; add its Word comment."""
        if para.quote is not None:
            quote = para.quote
            self._bookmark(bookmark_name("p", quote.passage_id), paragraphs)
            if quote.notes:
                lines = _notes_text(quote.notes, self._phrases)
                self._comment(paragraphs, "\n".join(lines), quote.notes[0].author)
        if para.comment is not None:
            comment = para.comment
            self._bookmark(bookmark_name("r", comment.response_id), paragraphs)
            author = comment.author or self._fallback
            lines = [self.summary(comment.status, comment.position, author)]
            lines += _notes_text(comment.notes, self._phrases)
            self._comment(paragraphs, "\n".join(lines), author)

    def _label(self, key: str, raw: str) -> str:
        return self._phrases.text(key) if key in self._phrases else raw.replace("_", " ")

    def summary(self, status: str, position: str, author: str) -> str:
        """ "Statut : convenu · Position : d’accord · Auteur : Ana" in the document's language."""
        colon = self._phrases.text("colon")
        parts = (
            ("review_status", self._label(f"status_{status}", status)),
            # "—" for a response without a position yet: the line keeps its shape, so
            # importing the copy back still knows it for ours
            ("review_position", self._label(f"position_{position}", position) if position else "—"),
            ("review_author", author),
        )
        return " · ".join(f"{self._phrases.text(key)}{colon}{value}" for key, value in parts)

    def _bookmark(self, name: str, paragraphs: list[Element]) -> None:
        unique, counter = name, 2
        while unique in self._names:
            unique = f"{name[:36]}_{counter}"
            counter += 1
        self._names.add(unique)
        bid = str(self._next_bookmark)
        self._next_bookmark += 1
        start = etree.Element(x.BOOKMARK_START)
        start.set(x.ID, bid)
        start.set(x.NAME, unique)
        _insert_first(paragraphs[0], start)
        sub(paragraphs[-1], x.BOOKMARK_END, id=bid)

    def _comment(self, paragraphs: list[Element], text: str, author: str) -> None:
        comment = self._document.comments.add_comment(
            text=clean_text(text), author=clean_text(author), initials=_initials(author)
        )
        cid = str(comment.comment_id)
        start = etree.Element(w("commentRangeStart"))
        start.set(x.ID, cid)
        _insert_first(paragraphs[0], start)
        sub(paragraphs[-1], w("commentRangeEnd"), id=cid)
        r = sub(paragraphs[-1], x.R)
        sub(sub(r, x.RPR), x.RSTYLE, val=self._reference_style)
        sub(r, w("commentReference"), id=cid)

    def renumber(self, after: int) -> None:
        """Give every Word comment an id above ``after``, the highest footnote id.

        Comment and footnote ids are separate in OOXML, and python-docx numbers
        comments from 0. LibreOffice 7.4 takes a comment whose id is also a
        footnote's (or the separators' -1 and 0) for that footnote while it
        imports the footnotes in one pass: the footnotes after the comment print
        empty or with another footnote's text. Word does not care either way.
        """
        part = next(
            (r.target_part for r in self._document.part.rels.values() if r.reltype == RT.COMMENTS),
            None,
        )
        if not isinstance(part, XmlPart):
            return
        comments = part.element
        old_ids = [c.get(x.ID, "") for c in comments.iterchildren(w("comment"))]
        new_ids = {old: str(after + 1 + n) for n, old in enumerate(old_ids)}
        for comment in comments.iterchildren(w("comment")):
            comment.set(x.ID, new_ids[comment.get(x.ID, "")])
        for mark in self._document.element.body.iter(*_COMMENT_MARKS):
            old = mark.get(x.ID, "")
            if old in new_ids:
                mark.set(x.ID, new_ids[old])


_COMMENT_MARKS = (w("commentRangeStart"), w("commentRangeEnd"), w("commentReference"))


def _insert_first(p: Element, element: Element) -> None:
    """Insert right after ``w:pPr`` (or first), i.e. before the paragraph's first run."""
    props = p.find(x.PPR)
    if props is not None:
        props.addnext(element)
    else:
        p.insert(0, element)
