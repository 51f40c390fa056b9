"""OpenDocument text (.odt) → :class:`ImportedText`.

Read straight from ``content.xml`` with the hardened parser: headings, lists
(with the numbers their list styles display), tables, text boxes and notes
(``text:note``; their citation is the marker). Tracked changes are read as if
accepted: inserted text stands in the body, while deleted text lives only in
``text:tracked-changes``, which is skipped. Comments (``office:annotation``)
are left out. Password-protected files are refused before any parsing: their
parts are encrypted and would only look damaged.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from lxml import etree

from app.core.errors import ImportFailedError
from app.core.i18n import _
from app.importers.base import ImportedText, ImportOptions, ParagraphKind
from app.importers.builder import Builder, NoteRef, Piece
from app.importers.docx.numbering import format_number
from app.importers.docx.xml import attr, child, descendants, local
from app.importers.safety import DAMAGED, open_zip, parse_xml, read_member

logger = logging.getLogger(__name__)

MEDIA_TYPE = "application/vnd.oasis.opendocument.text"
_FORMATS = {"1": "decimal", "a": "lowerLetter", "A": "upperLetter", "i": "lowerRoman"}
_FORMATS["I"] = "upperRoman"
_SKIPPED = {
    "annotation",
    "annotation-end",
    "tracked-changes",
    "change",
    "change-start",
    "change-end",
    "soft-page-break",
    "bookmark",
    "bookmark-start",
    "bookmark-end",
    "sequence-decls",
    "variable-decls",
    "user-field-decls",
    "table-of-content-source",
    "index-title-template",
    "title",
    "desc",
    "image",
    "forms",
}
_BATCH = 200


def import_bytes(data: bytes, options: ImportOptions) -> ImportedText:
    with open_zip(data) as archive:
        manifest = read_member(archive, "META-INF/manifest.xml")
        if manifest and b"encryption-data" in manifest:
            raise ImportFailedError(
                _(
                    "This OpenDocument file is protected with a password, which Rejoinder "
                    "cannot open. Open it in LibreOffice, save a copy without a password "
                    "(File › Save As, clear “Save with password”), and import that copy."
                )
            )
        content = read_member(archive, "content.xml")
        styles = read_member(archive, "styles.xml")
        meta = read_member(archive, "meta.xml")
    if content is None:
        raise ImportFailedError(_(DAMAGED))
    root = parse_xml(content, options)
    reader = _Reader(Builder(options, MEDIA_TYPE))
    for part in (parse_xml(styles) if styles else None, root):
        if part is not None:
            reader.read_styles(part)
    body = child(child(root, "body"), "text")
    if body is not None:
        items = list(body)
        for index, item in enumerate(items):
            if index % _BATCH == 0:
                options.report(index, len(items))
            reader.block(item, ParagraphKind.BODY)
    options.report(1, 1)
    return reader.builder.finish(*_metadata(parse_xml(meta) if meta else None))


def _metadata(root: etree._Element | None) -> tuple[str | None, str | None, str | None]:
    if root is None:
        return None, None, None
    values: dict[str, str] = {}
    for element in root.iter():
        name = local(element)
        if name and element.text and name not in values:
            values[name] = element.text.strip()
    author = values.get("creator") or values.get("initial-creator")
    date = values.get("creation-date") or values.get("date")
    return values.get("title"), author, date[:10] if date else None


@dataclass(slots=True)
class _LevelStyle:
    fmt: str | None
    prefix: str = ""
    suffix: str = ""
    display: int = 1
    start: int = 1


@dataclass(slots=True)
class _Reader:
    builder: Builder
    list_styles: dict[str, dict[int, _LevelStyle]] = field(default_factory=dict)
    outline: dict[int, _LevelStyle] = field(default_factory=dict)
    paragraph_parents: dict[str, str] = field(default_factory=dict)
    quote_styles: set[str] = field(default_factory=set)
    counters: dict[str, list[int]] = field(default_factory=dict)
    last_list_by_style: dict[str, str] = field(default_factory=dict)
    list_style_names: dict[str, str] = field(default_factory=dict)
    outline_counters: list[int] = field(default_factory=list)
    pending_boxes: list[etree._Element] = field(default_factory=list)
    note_count: int = 0

    def read_styles(self, root: etree._Element) -> None:
        for style in descendants(root, "list-style"):
            self.list_styles[attr(style, "name") or ""] = _levels(style)
        for style in descendants(root, "outline-style"):
            self.outline = _levels(style)
        for style in descendants(root, "style"):
            name = attr(style, "name") or ""
            display = (attr(style, "display-name") or name).replace("_20_", " ").lower()
            if display in ("quotations", "quote", "block quotation"):
                self.quote_styles.add(name)
            parent = attr(style, "parent-style-name")
            if parent:
                self.paragraph_parents[name] = parent

    def is_quote(self, style: str | None) -> bool:
        seen: set[str] = set()
        while style and style not in seen:
            if style in self.quote_styles:
                return True
            seen.add(style)
            style = self.paragraph_parents.get(style)
        return False

    def block(self, element: etree._Element, context: ParagraphKind) -> None:
        name = local(element)
        if name == "p":
            kind = ParagraphKind.QUOTE if self.is_quote(attr(element, "style-name")) else context
            self.paragraph(element, kind, None, 0)
        elif name == "h":
            level = int(attr(element, "outline-level") or 1)
            in_cell = context is ParagraphKind.TABLE_CELL
            kind = ParagraphKind.TABLE_CELL if in_cell else ParagraphKind.HEADING
            self.paragraph(element, kind, self.heading_number(level), level)
        elif name == "list":
            self.read_list(element, context, None, 0)
        elif name == "table":
            for cell in _cells(element):
                for item in cell:
                    self.block(item, ParagraphKind.TABLE_CELL)
        elif name not in _SKIPPED and name:
            for item in element:
                self.block(item, context)

    def paragraph(
        self, element: etree._Element, kind: ParagraphKind, number: str | None, level: int
    ) -> None:
        pieces: list[Piece] = []
        self.inline(element, pieces)
        self.builder.add(pieces, kind, number, level)
        boxes, self.pending_boxes = self.pending_boxes, []
        for box in boxes:
            for item in box:
                self.block(item, kind)

    def read_list(
        self, element: etree._Element, context: ParagraphKind, list_id: str | None, depth: int
    ) -> None:
        """Number the items of a list; nested lists share the outer list's counters."""
        style_name = attr(element, "style-name")
        if list_id is None:
            list_id = self.start_list(element, style_name or "")
        levels = self.list_styles.get(self.list_style_of(list_id), {})
        level_style = levels.get(depth + 1, _LevelStyle("decimal"))
        counters = self.counters[list_id]
        for item in element:
            name = local(item)
            if name not in ("list-item", "list-header"):
                continue
            number = None
            if name == "list-item":
                number = self.next_number(counters, depth, level_style, levels, item)
            kind = context if context is ParagraphKind.TABLE_CELL else ParagraphKind.LIST_ITEM
            first = True
            for inner in item:
                if local(inner) == "list":
                    self.read_list(inner, context, list_id, depth + 1)
                elif local(inner) in ("p", "h"):
                    self.paragraph(inner, kind, number if first else None, depth + 1)
                    first = False
                else:
                    self.block(inner, context)

    def start_list(self, element: etree._Element, style_name: str) -> str:
        """Counters for a new top-level list, or those of the list it continues."""
        list_id = attr(element, "id") or f"list-{len(self.counters)}"
        continued = attr(element, "continue-list")
        if continued in self.counters:
            self.counters[list_id] = self.counters[continued]
        elif attr(element, "continue-numbering") == "true":
            previous = self.last_list_by_style.get(style_name)
            self.counters[list_id] = self.counters[previous] if previous else []
        else:
            self.counters[list_id] = []
        self.last_list_by_style[style_name] = list_id
        self.list_style_names[list_id] = style_name
        return list_id

    def list_style_of(self, list_id: str) -> str:
        return self.list_style_names.get(list_id, "")

    def next_number(
        self,
        counters: list[int],
        depth: int,
        style: _LevelStyle,
        levels: dict[int, _LevelStyle],
        item: etree._Element,
    ) -> str | None:
        del counters[depth + 1 :]
        while len(counters) <= depth:
            counters.append(levels.get(len(counters) + 1, _LevelStyle(None)).start - 1)
        override = attr(item, "start-value")
        counters[depth] = int(override) if override and override.isdigit() else counters[depth] + 1
        if not style.fmt:
            return None
        shown = range(max(0, depth + 1 - style.display), depth + 1)
        parts = [
            format_number(counters[k], levels.get(k + 1, style).fmt or "decimal") for k in shown
        ]
        return (style.prefix + ".".join(parts) + style.suffix).strip() or None

    def heading_number(self, level: int) -> str | None:
        style = self.outline.get(level)
        if style is None or not style.fmt:
            return None
        return self.next_number(self.outline_counters, level - 1, style, self.outline, _EMPTY)

    def inline(self, element: etree._Element, pieces: list[Piece]) -> None:
        if element.text:
            pieces.append(element.text)
        for node in element:
            name = local(node)
            if name == "s":
                pieces.append(" " * int(attr(node, "c") or 1))
            elif name in ("tab", "line-break"):
                pieces.append(" ")
            elif name == "note":
                self.note(node, pieces)
            elif name == "text-box":
                self.pending_boxes.append(node)
            elif name not in _SKIPPED and name:
                self.inline(node, pieces)
            if node.tail:
                pieces.append(node.tail)

    def note(self, node: etree._Element, pieces: list[Piece]) -> None:
        self.note_count += 1
        citation = child(node, "note-citation")
        shown = "" if citation is None else "".join(str(t) for t in citation.itertext())
        marker = shown.strip() or str(self.note_count)
        key = attr(node, "id") or f"note-{self.note_count}"
        pieces.append(NoteRef(key, marker))
        text: list[Piece] = []
        body = child(node, "note-body")
        for paragraph in descendants(body if body is not None else node, "p"):
            if text:
                text.append(" ")
            self.inline(paragraph, text)
        self.builder.add_note(key, marker, text)


_EMPTY = etree.Element("empty")


def _cells(element: etree._Element) -> list[etree._Element]:
    """A table's cells in reading order, without descending into nested tables."""
    out: list[etree._Element] = []
    for item in element:
        name = local(item)
        if name == "table-cell":
            out.append(item)
        elif name in ("table-row", "table-rows", "table-header-rows", "table-row-group"):
            out.extend(_cells(item))
    return out


def _levels(style: etree._Element) -> dict[int, _LevelStyle]:
    levels: dict[int, _LevelStyle] = {}
    for level in style:
        name = local(level)
        number = int(attr(level, "level") or 1)
        if name in ("list-level-style-number", "outline-level-style"):
            fmt = _FORMATS.get(attr(level, "num-format") or "")
            levels[number] = _LevelStyle(
                fmt=fmt,
                prefix=attr(level, "num-prefix") or "",
                suffix=attr(level, "num-suffix") or "",
                display=int(attr(level, "display-levels") or 1),
                start=int(attr(level, "start-value") or 1),
            )
        elif name in ("list-level-style-bullet", "list-level-style-image"):
            levels[number] = _LevelStyle(fmt=None)
    return levels
