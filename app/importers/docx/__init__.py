"""Word (.docx) → :class:`ImportedText`, keeping list numbers and notes.

The body is walked in document order (paragraphs, tables, content controls),
reading each paragraph the way Word displays it with all changes accepted:
inserted and moved-to text is kept, deleted and moved-from text dropped;
field codes are skipped and their displayed results kept; text boxes become
paragraphs after the one that anchors them. Headers, footers and comments are
left out: they are not part of what a party submitted for citation.
Automatic numbers come from :mod:`app.importers.docx.numbering`; notes are
numbered in order of reference (footnotes 1, 2, 3…; endnotes i, ii, iii…,
Word's defaults, unless the settings choose another format).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from lxml import etree

from app.importers.base import ImportedText, ImportOptions, ParagraphKind
from app.importers.builder import Builder, NoteRef, Piece
from app.importers.docx.numbering import Numbering, format_number
from app.importers.docx.package import DocxPackage, core_properties, open_package
from app.importers.docx.styles import Styles
from app.importers.docx.xml import attr, child, children, local

logger = logging.getLogger(__name__)

MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

# Containers whose content is read as if they were not there.
_TRANSPARENT = {"ins", "moveTo", "hyperlink", "smartTag", "customXml", "fldSimple", "dir", "bdo"}
# Elements whose content is never displayed (or is displayed elsewhere).
_SKIPPED = {
    "del",
    "moveFrom",
    "rPr",
    "pPr",
    "delText",
    "delInstrText",
    "instrText",
    "commentReference",
    "annotationRef",
    "footnoteRef",
    "endnoteRef",
    "proofErr",
    "bookmarkStart",
    "bookmarkEnd",
    "lastRenderedPageBreak",
    "sectPr",
    "sdtPr",
    "sdtEndPr",
}
# Displayed leaves; inside a field code (between begin and separate) they are code, not text.
_LEAVES = {
    "t",
    "tab",
    "ptab",
    "br",
    "cr",
    "noBreakHyphen",
    "sym",
    "footnoteReference",
    "endnoteReference",
}
_BATCH = 200


def import_bytes(data: bytes, options: ImportOptions) -> ImportedText:
    """Read a .docx file (Transitional or Strict)."""
    package = open_package(data, options)
    reader = _Reader(package, Builder(options, MEDIA_TYPE))
    reader.read_body()
    title, author, date = core_properties(package.core)
    return reader.builder.finish(title, author, date)


@dataclass(slots=True)
class _Reader:
    package: DocxPackage
    builder: Builder
    styles: Styles = field(init=False)
    numbering: Numbering = field(init=False)
    note_formats: dict[str, str] = field(init=False)
    note_counts: dict[str, int] = field(default_factory=dict)
    notes: dict[str, dict[str, etree._Element]] = field(default_factory=dict)
    style_nums: dict[str, str] = field(default_factory=dict)
    in_field_code: list[bool] = field(default_factory=list)
    pending_boxes: list[etree._Element] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.styles = Styles(self.package.part("styles"))
        self.numbering = Numbering(self.package.part("numbering"))
        self.style_nums = {
            style_id: info.num_id for style_id, info in self.styles.styles.items() if info.num_id
        }
        self.note_formats = {"footnote": "decimal", "endnote": "lowerRoman"}
        settings = self.package.part("settings")
        for kind in ("footnote", "endnote"):
            fmt = attr(child(child(settings, f"{kind}Pr"), "numFmt"), "val")
            if fmt:
                self.note_formats[kind] = fmt
            part = self.package.part(f"{kind}s")
            self.notes[kind] = {}
            if part is not None:
                for note in children(part, kind):
                    if attr(note, "type") in (None, "normal"):
                        self.notes[kind][attr(note, "id") or ""] = note

    def read_body(self) -> None:
        body = child(self.package.document, "body")
        if body is None:
            return
        blocks = list(body)
        for index, block in enumerate(blocks):
            if index % _BATCH == 0:
                self.builder.options.report(index, len(blocks))
            self.read_block(block, ParagraphKind.BODY)
        self.builder.options.report(len(blocks), len(blocks))

    def read_block(self, block: etree._Element, context: ParagraphKind) -> None:
        name = local(block)
        if name == "p":
            self.read_paragraph(block, context)
        elif name == "tbl":
            for row in children(block, "tr"):
                for cell in _cells(row):
                    for item in cell:
                        self.read_block(item, ParagraphKind.TABLE_CELL)
        elif name == "sdt":
            for item in children(block, "sdtContent"):
                for inner in item:
                    self.read_block(inner, context)
        elif name in ("customXml", "ins", "moveTo"):
            for inner in block:
                self.read_block(inner, context)

    def read_paragraph(self, paragraph: etree._Element, context: ParagraphKind) -> None:
        ppr = child(paragraph, "pPr")
        style_id = attr(child(ppr, "pStyle"), "val")
        outline = attr(child(ppr, "outlineLvl"), "val")
        kind, level = self.styles.kind(style_id, int(outline) if outline else None)
        number, list_level = self.list_number(ppr, style_id)
        if list_level is not None and kind is ParagraphKind.BODY:
            kind, level = ParagraphKind.LIST_ITEM, list_level
        if context is ParagraphKind.TABLE_CELL:
            kind = ParagraphKind.TABLE_CELL
        pieces: list[Piece] = []
        self.collect(paragraph, pieces)
        self.builder.add(pieces, kind, number, level)
        boxes, self.pending_boxes = self.pending_boxes, []
        for box in boxes:
            for inner in box:
                self.read_block(inner, context)

    def list_number(
        self, ppr: etree._Element | None, style_id: str | None
    ) -> tuple[str | None, int | None]:
        """The rendered number and the 1-based list level, or (None, None)."""
        numpr = child(ppr, "numPr")
        num_id = attr(child(numpr, "numId"), "val")
        ilvl_text = attr(child(numpr, "ilvl"), "val")
        style_num, style_ilvl = self.styles.numbering(style_id)
        if num_id is None:
            num_id = style_num
        if num_id is None or num_id == "0":
            return None, None
        num_id = self.numbering.resolve_style_link(num_id, self.style_nums)
        if ilvl_text is not None and ilvl_text.isdigit():
            ilvl = int(ilvl_text)
        elif style_ilvl is not None:
            ilvl = style_ilvl
        else:
            ilvl = self.numbering.style_levels.get(style_id or "", 0)
        number, bullet = self.numbering.next_number(num_id, ilvl)
        if number is None and not bullet:
            return None, None
        return number, ilvl + 1

    def collect(self, element: etree._Element, pieces: list[Piece]) -> None:
        """Append the displayed text of ``element``'s content to ``pieces``."""
        for node in element:
            name = local(node)
            if name in _SKIPPED or not name:
                continue
            if name == "fldChar":
                self.field_char(attr(node, "fldCharType"))
            elif name in _LEAVES and self.in_field_code and self.in_field_code[-1]:
                continue
            elif name == "t":
                pieces.append(node.text or "")
            elif name in ("tab", "ptab"):
                pieces.append("\t")
            elif name in ("br", "cr"):
                pieces.append(" ")
            elif name == "noBreakHyphen":
                pieces.append("\u2011")
            elif name == "sym":
                pieces.append(_symbol(attr(node, "char")))
            elif name in ("footnoteReference", "endnoteReference"):
                self.note_reference(node, name.removesuffix("Reference"), pieces)
            elif name == "txbxContent":
                self.pending_boxes.append(node)
            elif name == "r" and _hidden(node):
                continue
            elif name == "AlternateContent":
                choice = child(node, "Choice")
                self.collect(choice if choice is not None else node, pieces)
            elif name == "Fallback":
                continue
            else:
                self.collect(node, pieces)

    def field_char(self, kind: str | None) -> None:
        """Field codes sit between begin and separate; the result follows until end."""
        if kind == "begin":
            self.in_field_code.append(True)
        elif kind == "separate" and self.in_field_code:
            self.in_field_code[-1] = False
        elif kind == "end" and self.in_field_code:
            self.in_field_code.pop()

    def note_reference(self, node: etree._Element, kind: str, pieces: list[Piece]) -> None:
        note_id = attr(node, "id") or ""
        note = self.notes.get(kind, {}).get(note_id)
        if note is None:
            return
        count = self.note_counts.get(kind, 0) + 1
        self.note_counts[kind] = count
        marker = format_number(count, self.note_formats[kind]) or str(count)
        key = f"{kind}:{note_id}"
        pieces.append(NoteRef(key, marker))
        saved = self.in_field_code
        self.in_field_code = []
        text: list[Piece] = []
        for paragraph in children(note, "p"):
            if text:
                text.append(" ")
            self.collect(paragraph, text)
        self.in_field_code = saved
        self.builder.add_note(key, marker, text)


def _cells(row: etree._Element) -> list[etree._Element]:
    """A row's cells, looking inside content controls and custom XML wrappers."""
    out: list[etree._Element] = []
    for item in row:
        name = local(item)
        if name == "tc":
            out.append(item)
        elif name in ("sdt", "customXml"):
            content = child(item, "sdtContent") if name == "sdt" else item
            if content is not None:
                out.extend(_cells(content))
    return out


def _hidden(run: etree._Element) -> bool:
    """Hidden text (``w:vanish``) is not shown to the reader, so it cannot be cited."""
    vanish = child(child(run, "rPr"), "vanish")
    return vanish is not None and attr(vanish, "val") not in ("0", "false", "off")


def _symbol(code: str | None) -> str:
    """A ``w:sym`` character; symbol-font code points (F0xx) have no meaning as text."""
    try:
        value = int(code or "", 16)
    except ValueError:
        return ""
    return "" if 0xF000 <= value <= 0xF0FF else chr(value)
