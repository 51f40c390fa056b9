"""The table layout: one row per citation, in the ISO/IEC commenting template's shape.

Columns: row number, party (the bare name, without its article), page or
paragraph (never an invented page), type of comment (general, technical,
editorial), quoted text, our comment, proposed change, and an empty column
for the secretariat's observations. Row numbers run through the document, so
a secretariat can refer to "row 12".
One table per citations block (in practice one per party section), so that
section headings, openings and cross-references keep their place around it.
Borders are set directly rather than through a table style because a
delegation's template may have no "Table Grid".
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Protocol

from lxml import etree

from app.core.contribution.model import Citation, Comment
from app.exporters.cleaning import clean_text
from app.exporters.docx import ooxml as x
from app.exporters.docx.ooxml import Element, sub, text_run, w
from app.exporters.flow import Para, Role, Table, location

logger = logging.getLogger(__name__)


class CellWriter(Protocol):
    """What a table needs from the document writer (no import of it: no cycle)."""

    @property
    def table_style(self) -> str: ...

    def cell_paragraphs(self, para: Para) -> list[Element]: ...

    def location_labels(self) -> tuple[str, str]: ...

    def visible_comment(self, citation: Citation) -> Comment | None: ...

    def next_row_number(self) -> int: ...

    def comment_type_label(self, comment_type: str) -> str: ...


# The four short columns (number, party, place, type) are as wide as their
# longest word needs; the text columns share the rest in these proportions.
_TEXT_SHARES = (30, 30, 20, 20)
_CHAR = 140  # twips per character of 10 pt bold text, room for a wider substitute font
_PADDING = 260  # the cell's left and right margins, and a little air
_SHORT = 4


# Letters about half as wide again as an average one in a bold sans-serif
# (LibreOffice's DejaVu Sans Bold broke "comment" as "commen-t").
_WIDE = frozenset("mwMWÆŒæœ—")


def _longest_word(texts: Sequence[str]) -> int:
    """The widest word, in average characters (rounded up)."""
    return max(
        (
            -(-sum(3 if char in _WIDE else 2 for char in word) // 2)
            for text in texts
            for word in text.split()
        ),
        default=1,
    )


def column_widths(
    headers: Sequence[str], short_values: Sequence[Sequence[str]], total: int
) -> list[int]:
    """Widths in twips: no header word and no short value is ever split across lines.

    A Spanish "Observaciones" or "N.º" needs more room than an English
    "No."; fixed shares broke such words in the middle.
    """
    needed = [
        _longest_word([headers[i], *short_values[i]]) * _CHAR + _PADDING for i in range(_SHORT)
    ]
    text_min = [_longest_word([h]) * _CHAR + _PADDING for h in headers[_SHORT:]]
    rest = max(total - sum(needed), sum(text_min))
    widths = [
        max(rest * share // 100, low) for share, low in zip(_TEXT_SHARES, text_min, strict=True)
    ]
    return needed + widths


def _cell(row: Element, width: int, paragraphs: Sequence[Element], style: str) -> None:
    tc = sub(row, w("tc"))
    props = sub(tc, w("tcPr"))
    sub(props, w("tcW"), w=str(width), type="dxa")
    for p in paragraphs or [x.paragraph(style)]:
        tc.append(p)


def _text_cell(row: Element, width: int, text: str, style: str, *, bold: bool = False) -> None:
    p = x.paragraph(style)
    if text:
        text_run(p, text, bold=bold)
    _cell(row, width, [p], style)


def _properties(tbl: Element) -> None:
    props = sub(tbl, w("tblPr"))
    sub(props, w("tblW"), w="5000", type="pct")
    borders = sub(props, w("tblBorders"))
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        sub(borders, w(edge), val="single", sz="4", space="0", color="auto")
    sub(props, w("tblLayout"), type="fixed")


def build_table(
    writer: CellWriter, table: Table, headers: Sequence[str], total_width: int
) -> Element:
    """A ``w:tbl`` with a repeating header row and one row per citation."""
    page, paragraph = writer.location_labels()
    short_values: list[list[str]] = [["999"], [], [], []]
    for citation in table.rows:
        comment = writer.visible_comment(citation)
        short_values[1].append(citation.quote.party)
        short_values[2].append(location(citation.quote, page, paragraph))
        if comment is not None:
            short_values[3].append(writer.comment_type_label(comment.comment_type))
    widths = column_widths(headers, short_values, total_width)
    style = writer.table_style
    tbl = etree.Element(w("tbl"))
    _properties(tbl)
    grid = sub(tbl, w("tblGrid"))
    for width in widths:
        sub(grid, w("gridCol"), w=str(width))
    header = sub(tbl, w("tr"))
    sub(sub(header, w("trPr")), w("tblHeader"))
    for width, label in zip(widths, headers, strict=True):
        _text_cell(header, width, label, style, bold=True)
    for citation in table.rows:
        row = sub(tbl, w("tr"))
        sub(sub(row, w("trPr")), w("cantSplit"))
        quote = citation.quote
        comment = writer.visible_comment(citation)
        _text_cell(row, widths[0], str(writer.next_row_number()), style)
        _text_cell(row, widths[1], clean_text(quote.party), style)
        _text_cell(row, widths[2], location(quote, page, paragraph), style)
        kind = writer.comment_type_label(comment.comment_type) if comment is not None else ""
        _text_cell(row, widths[3], kind, style)
        quote_para = Para(
            Role.QUOTE, clean_text(quote.text), table.section_id, plain=True, quote=quote
        )
        _cell(row, widths[4], writer.cell_paragraphs(quote_para), style)
        if comment is None:
            _text_cell(row, widths[5], "", style)
            _text_cell(row, widths[6], "", style)
        else:
            comment_para = Para(
                Role.COMMENT,
                clean_text(comment.markup),
                table.section_id,
                draft=comment.draft,
                comment=comment,
            )
            _cell(row, widths[5], writer.cell_paragraphs(comment_para), style)
            change = Para(Role.BODY, clean_text(comment.proposed_change), table.section_id)
            cells = writer.cell_paragraphs(change) if comment.proposed_change else []
            _cell(row, widths[6], cells, style)
        _text_cell(row, widths[7], "", style)
    return tbl
