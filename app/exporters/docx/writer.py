"""Turn the laid-out flow into WordprocessingML paragraphs, lists and tables.

Every element is built detached with lxml and inserted before the body's
``sectPr`` in O(1); styles were resolved to ids once (``styles.py``), list
numbers come from ``numbering.xml`` (``parts.py``). The review copy adds,
on the same paragraphs, bookmarks named from the passage and response UUIDs
and Word comments carrying statuses and notes, so that a colleague's Word
comments can later be mapped back to the project.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from docx.document import Document as DocxDocument
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.part import Part
from lxml import etree

from app.core.contribution.model import Citation, Comment
from app.core.language import word_language_tag
from app.core.markup import Footnote, Inline
from app.core.phrasebook import Phrasebook
from app.exporters.docx import ooxml as x
from app.exporters.docx.ooxml import Element, sub, text_run, w
from app.exporters.docx.parts import Footnotes, Numbering
from app.exporters.docx.review import ReviewMarks
from app.exporters.docx.table import build_table
from app.exporters.flow import (
    Heading,
    ListGroup,
    Para,
    Role,
    Table,
    inline_paragraphs,
    visible_comment,
)

logger = logging.getLogger(__name__)

_GAP_AFTER_LIST = 200
# Role → styles of a numbered item, an item outside any numbering, a continuation.
_LIST_STYLES = {
    Role.QUOTE: ("quote_numbered", "quote", "quote_continued"),
    Role.COMMENT: ("comment_numbered", "comment", "comment_continued"),
    Role.LIST_ITEM: ("list_number", "list_continue", "list_continue"),
}
_NUMBERED_ROLE = {
    Role.QUOTE: "quote_numbered",
    Role.COMMENT: "comment_numbered",
    Role.LIST_ITEM: "list_number",
}
DRAFT_HIGHLIGHT = "yellow"


def _underline_pieces(text: str, underline: bool) -> list[tuple[str, bool]]:
    """Underlined text without its leading and trailing spaces underlined.

    A selection that began with a space would otherwise print an underline
    starting before the first word.
    """
    if not underline:
        return [(text, False)]
    core = text.strip(" \t\u00a0")
    if not core:
        return [(text, False)]
    start = text.index(core)
    pieces = [(text[:start], False), (core, True), (text[start + len(core) :], False)]
    return [(piece, flag) for piece, flag in pieces if piece]


def _restyle(p: Element, style_id: str | None) -> None:
    """Set the paragraph's style (continuation paragraphs of a list item)."""
    props = x.ppr(p)
    found = props.find(x.PSTYLE)
    if style_id is None:
        if found is not None:
            props.remove(found)
        return
    if found is None:
        found = etree.Element(x.PSTYLE)
        props.insert(0, found)
    found.set(x.VAL, style_id)


class DocxWriter:
    """Appends the contribution's elements to a python-docx document's body."""

    def __init__(
        self,
        document: DocxDocument,
        styles: dict[str, str],
        phrases: Phrasebook,
        *,
        review_copy: bool = False,
        include_drafts: bool = False,
        review_author: str = "",
    ) -> None:
        self._part: Part = document.part
        self._styles = styles
        self._phrases = phrases
        self._numbering = Numbering(document, styles)
        self._footnotes = Footnotes(document)
        body = document.element.body
        last = body[-1] if len(body) else None
        self._body: Element = body
        self._anchor: Element | None = (
            last if last is not None and last.tag == w("sectPr") else None
        )
        self._links: dict[tuple[int, str], str] = {}
        self._review = (
            ReviewMarks(document, styles["comment_ref"], phrases, review_author)
            if review_copy
            else None
        )
        self._include_drafts = include_drafts
        self._rows = 0

    def _emit(self, element: Element) -> None:
        if self._anchor is not None:
            self._anchor.addprevious(element)
        else:
            self._body.append(element)

    def text_width(self) -> int:
        """Usable width in twips, for table columns."""
        sect = self._anchor
        if sect is not None:
            size, margin = sect.find(w("pgSz")), sect.find(w("pgMar"))
            if size is not None and margin is not None:
                page = int(size.get(w("w"), "11906"))
                left = int(margin.get(w("left"), "1417"))
                right = int(margin.get(w("right"), "1417"))
                return max(page - left - right, 2000)
        return 9072

    # -- inline content ----------------------------------------------------

    def _link_id(self, part: Part, url: str) -> str:
        key = (id(part), url)
        rid = self._links.get(key)
        if rid is None:
            rid = part.relate_to(url, RT.HYPERLINK, is_external=True)
            self._links[key] = rid
        return rid

    def _runs(
        self, p: Element, inlines: Sequence[Inline], part: Part, lang: str | None = None
    ) -> None:
        for item in inlines:
            if isinstance(item, Footnote):
                self._footnote(p, item)
                continue
            parent = p
            style = None
            if item.href is not None:
                parent = sub(p, x.HYPERLINK)
                parent.set(x.R_ID, self._link_id(part, item.href))
                parent.set(w("history"), "1")
                style = self._styles["hyperlink"]
            for text, underline in _underline_pieces(item.text, item.underline):
                text_run(
                    parent,
                    text,
                    bold=item.bold,
                    italic=item.italic,
                    underline=underline,
                    style_id=style,
                    lang=lang,
                )

    def _footnote(self, p: Element, note: Footnote) -> None:
        note_id, note_p = self._footnotes.new_footnote(
            self._styles["footnote_text"], self._styles["footnote_ref"]
        )
        self._runs(note_p, note.runs, self._footnotes.part)
        r = sub(p, x.R)
        sub(sub(r, x.RPR), x.RSTYLE, val=self._styles["footnote_ref"])
        sub(r, x.FOOTNOTE_REFERENCE, id=str(note_id))

    def _elements(self, para: Para, style_id: str | None) -> list[Element]:
        out: list[Element] = []
        for index, inlines in enumerate(inline_paragraphs(para)):
            p = x.paragraph(style_id)
            if index == 0 and para.draft:
                text_run(
                    p, self._phrases.text("draft_mark") + " ", bold=True, highlight=DRAFT_HIGHLIGHT
                )
            self._runs(p, inlines, self._part, self._quote_lang(para))
            out.append(p)
        if self._review is not None:
            self._review.mark(para, out)
        return out

    def _quote_lang(self, para: Para) -> str | None:
        """A quote's runs carry its source's language when known; our text the document's."""
        if para.role is not Role.QUOTE or para.quote is None or not para.quote.language:
            return None
        return word_language_tag(para.quote.language)

    # -- block-level content -----------------------------------------------

    def title(self, text: str, cover: Sequence[str]) -> None:
        """The title, then organisation, meeting and date each on its own line."""
        p = x.paragraph(self._styles["title"])
        text_run(p, text)
        self._emit(p)
        for index, line in enumerate(cover):
            p = x.paragraph(self._styles["subtitle"])
            text_run(p, line)
            if index < len(cover) - 1:
                x.set_space_after(p, 0)
            self._emit(p)

    def heading(self, heading: Heading) -> None:
        role = "heading1" if heading.level <= 1 else "heading2"
        p = x.paragraph(self._styles[role])
        text_run(p, heading.text)
        self._emit(p)

    def paragraph(self, para: Para) -> None:
        style = self._styles["lead_in"] if para.role is Role.LEAD_IN else None
        for p in self._elements(para, style):
            self._emit(p)

    def list_group(self, group: ListGroup) -> None:
        """A numbered or bulleted list; every paragraph takes a named style, never direct indents.

        A number that does not follow on (the grouped layout's comments skip a
        passage left without one) starts a new ``w:num`` at that number; the
        last item keeps a gap before whatever follows, another list included.
        """
        bullets = group.role is Role.LIST_ITEM and not group.numbered
        num_id: int | None = None
        expected = 0
        last: Element | None = None
        for para in group.items:
            first_style, rest_style = self._styles_for(para, group)
            elements = self._elements(para, first_style)
            if para.number is not None or bullets:
                role = _NUMBERED_ROLE[para.role] if not bullets else "list_bullet"
                number = para.number if para.number is not None else expected or 1
                if num_id is None or number != expected:
                    num_id = self._numbering.new_list(role, start=number)
                expected = number + 1
                x.set_numbering(elements[0], num_id)
            for p in elements[1:]:
                _restyle(p, rest_style)
            for p in elements:
                self._emit(p)
            last = elements[-1]
        if last is not None:
            x.set_space_after(last, _GAP_AFTER_LIST)

    def _styles_for(self, para: Para, group: ListGroup) -> tuple[str | None, str | None]:
        """The style of the item's first paragraph, and of the paragraphs that continue it."""
        names = _LIST_STYLES[para.role]
        numbered, plain, continued = (self._styles[n] for n in names)
        if para.role is Role.COMMENT and group.role is Role.QUOTE:
            # interleaved: our answer under its quote stands at the margin, as all
            # our own words do in the sample, apart from the indented quotes
            return plain, plain
        if para.role is Role.LIST_ITEM and not group.numbered:
            return self._styles["list_bullet"], continued
        if para.number is not None:
            return numbered, continued
        if group.numbered:
            return continued, continued
        return plain, plain

    def table(self, table: Table) -> None:
        keys = (
            "table_number",
            "table_party",
            "table_location",
            "table_type",
            "table_quote",
            "table_comment",
            "table_proposed",
            "table_observations",
        )
        headers = [self._phrases.text(k) for k in keys]
        tbl = build_table(self, table, headers, self.text_width())
        self._emit(tbl)
        self._emit(x.paragraph(None))

    @property
    def table_style(self) -> str:
        return self._styles["table_text"]

    def cell_paragraphs(self, para: Para) -> list[Element]:
        """Paragraphs for a table cell (same runs, footnotes and review marks as the body)."""
        return self._elements(para, self._styles["table_text"])

    def next_row_number(self) -> int:
        """The table rows are numbered through the whole document."""
        self._rows += 1
        return self._rows

    def comment_type_label(self, comment_type: str) -> str:
        key = f"type_{comment_type}"
        return self._phrases.text(key) if key in self._phrases else comment_type

    def location_labels(self) -> tuple[str, str]:
        """The abbreviations for "page" and "paragraph" in the contribution's language."""
        return self._phrases.text("page_abbrev"), self._phrases.text("paragraph_abbrev")

    def visible_comment(self, citation: Citation) -> Comment | None:
        return visible_comment(citation, self._include_drafts)

    def finish(self) -> None:
        """Number the Word comments after the footnotes (see ``ReviewMarks.renumber``)."""
        if self._review is not None:
            self._review.renumber(after=self._footnotes.last_id)
