"""Paragraph styles: which make headings, quotes and numbered paragraphs.

Localized Word writes style names in the user's language ("Überschrift 1",
"Заголовок 1") and custom styles may be headings too, so a heading is
recognised by the outline level the style (or a style it is based on)
declares, then by the built-in style id or English name. Numbering may also
come from the style chain, which python-docx does not resolve.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from lxml import etree

from app.importers.base import ParagraphKind
from app.importers.docx.xml import attr, child, children

logger = logging.getLogger(__name__)

_HEADING_NAME = re.compile(r"^(?:heading|berschrift|titre|título|titolo|заголовок)\s*(\d)$", re.I)
_QUOTE_NAMES = {"quote", "intensequote", "blocktext", "intense quote", "block text"}


@dataclass(slots=True)
class StyleInfo:
    name: str
    based_on: str | None
    outline: int | None
    num_id: str | None
    ilvl: int | None


class Styles:
    def __init__(self, root: etree._Element | None) -> None:
        self.styles: dict[str, StyleInfo] = {}
        self.default_paragraph: str | None = None
        if root is None:
            return
        for style in children(root, "style"):
            if attr(style, "type") not in (None, "paragraph"):
                continue
            style_id = attr(style, "styleId") or ""
            ppr = child(style, "pPr")
            numpr = child(ppr, "numPr")
            outline = attr(child(ppr, "outlineLvl"), "val")
            ilvl = attr(child(numpr, "ilvl"), "val")
            self.styles[style_id] = StyleInfo(
                name=(attr(child(style, "name"), "val") or style_id),
                based_on=attr(child(style, "basedOn"), "val"),
                outline=int(outline) if outline and outline.isdigit() else None,
                num_id=attr(child(numpr, "numId"), "val"),
                ilvl=int(ilvl) if ilvl and ilvl.isdigit() else None,
            )
            if attr(style, "default") in ("1", "true"):
                self.default_paragraph = style_id

    def chain(self, style_id: str | None) -> list[StyleInfo]:
        """The style and the styles it is based on, nearest first (cycles cut)."""
        out: list[StyleInfo] = []
        seen: set[str] = set()
        current = style_id or self.default_paragraph
        while current and current not in seen and current in self.styles:
            seen.add(current)
            info = self.styles[current]
            out.append(info)
            current = info.based_on
        return out

    def numbering(self, style_id: str | None) -> tuple[str | None, int | None]:
        """numId and ilvl a paragraph inherits from its style chain."""
        num_id: str | None = None
        ilvl: int | None = None
        for info in self.chain(style_id):
            if num_id is None and info.num_id is not None:
                num_id = info.num_id
            if ilvl is None and info.ilvl is not None:
                ilvl = info.ilvl
        return num_id, ilvl

    def kind(self, style_id: str | None, direct_outline: int | None) -> tuple[ParagraphKind, int]:
        """Heading (with level) or quote or body, from outline level, id or name."""
        if direct_outline is not None and direct_outline < 9:
            return ParagraphKind.HEADING, direct_outline + 1
        for info in self.chain(style_id):
            if info.outline is not None:
                if info.outline < 9:
                    return ParagraphKind.HEADING, info.outline + 1
                break
        for key in (style_id or "", *(info.name for info in self.chain(style_id))):
            lowered = key.lower()
            match = _HEADING_NAME.match(lowered.replace("ü", "").replace("Ü", ""))
            if match:
                return ParagraphKind.HEADING, int(match.group(1))
            if lowered in ("title", "titel"):
                return ParagraphKind.HEADING, 1
            if lowered.replace(" ", "") in _QUOTE_NAMES or lowered in _QUOTE_NAMES:
                return ParagraphKind.QUOTE, 0
        return ParagraphKind.BODY, 0
