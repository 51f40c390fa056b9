"""The contribution as plain text, for an e-mail body or the clipboard.

Mail clients mangle automatic lists, so numbers are written out ("1) …"),
quotes are indented by four spaces, and footnotes become "[1]" markers with
the notes listed at the end — the conventions a secretariat's plain-text
mail archive keeps readable.
"""

from __future__ import annotations

import logging

from app.core.contribution.model import Contribution
from app.core.markup import Footnote, Inline
from app.core.phrasebook import Phrasebook, load_phrasebook
from app.exporters.cleaning import clean_text
from app.exporters.flow import (
    Heading,
    ListGroup,
    Para,
    Role,
    Table,
    cover_lines,
    inline_paragraphs,
    layout_items,
    location,
    visible_comment,
)
from app.exporters.layout import Layout

logger = logging.getLogger(__name__)

_QUOTE_INDENT = "    "


class _TextRenderer:
    def __init__(self, contribution: Contribution, phrases: Phrasebook) -> None:
        self.contribution = contribution
        self.phrases = phrases
        self.notes: list[str] = []

    def runs(self, inlines: tuple[Inline, ...]) -> str:
        out: list[str] = []
        for item in inlines:
            if isinstance(item, Footnote):
                self.notes.append("".join(self._link(r.text, r.href) for r in item.runs))
                out.append(f"[{len(self.notes)}]")
            else:
                out.append(self._link(item.text, item.href))
        return "".join(out)

    @staticmethod
    def _link(text: str, href: str | None) -> str:
        """Show a link's address unless the text already is the address."""
        if href is None or href == text or href == f"mailto:{text}":
            return text
        return f"{text} <{href}>"

    def paragraphs(self, para: Para) -> list[str]:
        out = []
        for index, inlines in enumerate(inline_paragraphs(para)):
            mark = self.phrases.text("draft_mark") + " " if index == 0 and para.draft else ""
            out.append(mark + self.runs(inlines))
        return out

    def list_group(self, group: ListGroup) -> list[str]:
        lines: list[str] = []
        for para in group.items:
            indent = _QUOTE_INDENT if para.role is Role.QUOTE else ""
            texts = self.paragraphs(para)
            if para.number is not None:
                prefix = f"{para.number}) "
            elif group.role is Role.LIST_ITEM and not group.numbered:
                prefix = "• "
            else:
                prefix = "   " if group.numbered else ""
            pad = " " * len(prefix)
            for index, text in enumerate(texts):
                lines.append(indent + (prefix if index == 0 else pad) + text)
        return lines

    def table(self, table: Table) -> list[str]:
        page, paragraph = self.phrases.text("page_abbrev"), self.phrases.text("paragraph_abbrev")
        lines: list[str] = []
        for index, citation in enumerate(table.rows, start=1):
            quote = citation.quote
            where = location(quote, page, paragraph)
            head = f"{index}) {clean_text(quote.party)}" + (f", {where}" if where else "")
            lines.append(head)
            quote_para = Para(Role.QUOTE, clean_text(quote.text), table.section_id, True)
            lines.extend(_QUOTE_INDENT + t for t in self.paragraphs(quote_para))
            comment = visible_comment(citation, self.contribution.include_drafts)
            if comment is not None:
                para = Para(
                    Role.COMMENT, clean_text(comment.markup), table.section_id, draft=comment.draft
                )
                lines.extend("   " + t for t in self.paragraphs(para))
                if comment.proposed_change:
                    label = self.phrases.text("table_proposed")
                    change = Para(Role.BODY, clean_text(comment.proposed_change), table.section_id)
                    lines.extend(f"   {label}: {t}" for t in self.paragraphs(change))
        return lines


def render_text(contribution: Contribution, layout: Layout = Layout.GROUPED) -> str:
    """Plain text with "1) " numbering, indented quotes and "[n]" footnotes."""
    renderer = _TextRenderer(contribution, load_phrasebook(contribution.language))
    blocks: list[list[str]] = [[clean_text(contribution.title)]]
    blocks[0].extend(cover_lines(contribution))
    for item in layout_items(contribution, layout):
        if isinstance(item, Heading):
            blocks.append([item.text, "-" * len(item.text)])
        elif isinstance(item, Para):
            blocks.extend([p] for p in renderer.paragraphs(item))
        elif isinstance(item, ListGroup):
            blocks.append(renderer.list_group(item))
        elif isinstance(item, Table):
            blocks.append(renderer.table(item))
    if renderer.notes:
        notes = [f"[{n}] {text}" for n, text in enumerate(renderer.notes, start=1)]
        blocks.append(["—" * 10, *notes])
    return "\n\n".join("\n".join(block) for block in blocks if block) + "\n"
