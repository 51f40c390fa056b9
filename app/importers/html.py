"""Web pages (.html) → :class:`ImportedText`: the article, not the site around it.

Submissions published as web pages come wrapped in navigation, banners and
scripts that nobody wants to cite, so ``script``, ``style``, ``nav``,
``header``, ``footer``, ``aside`` (and similar) are dropped. Headings, list
items (with the numbers an ``<ol>`` shows, honouring ``start``, ``type``,
``reversed`` and ``value``), block quotes and table cells keep their roles.
A ``<br>`` starts a new paragraph, since a paragraph may hold no newline.
Footnotes in the common ``doc-endnotes`` / ``class="footnotes"`` shape are
moved to the end as notes, with their markers kept in the body.
"""

from __future__ import annotations

import codecs
import copy as copy_module
import re
from dataclasses import dataclass, field

import lxml.html
from lxml import etree

from app.core.errors import ImportFailedError
from app.importers.base import ImportedText, ImportOptions, ParagraphKind
from app.importers.builder import Builder, NoteRef, Piece
from app.importers.docx.numbering import format_number
from app.importers.text import decode

MEDIA_TYPE = "text/html"
_DROPPED = {
    "script",
    "style",
    "nav",
    "header",
    "footer",
    "aside",
    "noscript",
    "template",
    "head",
    "iframe",
    "svg",
    "canvas",
    "button",
    "select",
    "form",
    "object",
    "embed",
    "menu",
}
_BLOCKS = {
    "p",
    "div",
    "section",
    "article",
    "main",
    "body",
    "html",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "table",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "td",
    "th",
    "caption",
    "figure",
    "figcaption",
    "address",
    "hr",
    "center",
    "details",
    "summary",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "pre",
}
_OL_TYPES = {"a": "lowerLetter", "A": "upperLetter", "i": "lowerRoman", "I": "upperRoman"}
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_BATCH = 200


def import_bytes(data: bytes, options: ImportOptions) -> ImportedText:
    """Read a web page; its encoding comes from a BOM, a ``<meta charset>`` or a guess."""
    source = _XML_DECLARATION.sub("", _decode(data), count=1)
    if not source.strip():
        raise ImportFailedError("The file is empty.")
    try:
        root = lxml.html.document_fromstring(source)
    except (etree.ParserError, ValueError) as error:
        raise ImportFailedError("The web page could not be read: it contains no text.") from error
    title, author, date = _metadata(root)
    reader = _Reader(Builder(options, MEDIA_TYPE))
    reader.collect_notes(root)
    body = root.find("body")
    reader.block(body if body is not None else root, ParagraphKind.BODY, 0)
    options.report(1, 1)
    return reader.builder.finish(title, author, date)


def _decode(data: bytes) -> str:
    if data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return decode(data)
    declared = _CHARSET.search(data[:4096])
    if declared:
        try:
            return data.decode(declared.group(1).decode("ascii"), errors="replace")
        except LookupError:
            pass
    return decode(data)


def _metadata(root: etree._Element) -> tuple[str | None, str | None, str | None]:
    metas: dict[str, str] = {}
    for meta in root.iter("meta"):
        key = (meta.get("name") or meta.get("property") or "").lower()
        if key and meta.get("content"):
            metas.setdefault(key, meta.get("content") or "")
    title_element = root.find(".//title")
    title = _text(title_element) if title_element is not None else None
    title = title or metas.get("og:title") or metas.get("dc.title")
    author = metas.get("author") or metas.get("dc.creator") or metas.get("article:author")
    date = metas.get("date") or metas.get("dcterms.date") or metas.get("article:published_time")
    return title, author, date[:10] if date else None


@dataclass(slots=True)
class _Reader:
    builder: Builder
    pieces: list[Piece] = field(default_factory=list)
    notes: dict[str, str] = field(default_factory=dict)
    note_sections: set[etree._Element] = field(default_factory=set)
    pending_number: str | None = None
    count: int = 0

    def collect_notes(self, root: etree._Element) -> None:
        """Find the footnote list and give each note its marker, in document order."""
        for section in root.iter():
            if not isinstance(section.tag, str):
                continue
            classes = (section.get("class") or "").split()
            if section.get("role") == "doc-endnotes" or "footnotes" in classes:
                self.note_sections.add(section)
                for item in section.iter("li"):
                    note_id = item.get("id")
                    if note_id:
                        marker = str(len(self.notes) + 1)
                        self.notes[note_id] = marker
                        self.builder.add_note(note_id, marker, [_note_text(item)])

    def flush(self, kind: ParagraphKind, level: int) -> None:
        """End the current paragraph; a list item's number goes on its first paragraph."""
        before = len(self.builder.paragraphs)
        self.builder.add(self.pieces, kind, self.pending_number, level)
        if len(self.builder.paragraphs) > before:
            self.pending_number = None
        self.pieces = []
        self.count += 1
        if self.count % _BATCH == 0:
            self.builder.options.report(self.count, self.count + _BATCH)

    def block(self, element: etree._Element, kind: ParagraphKind, depth: int) -> None:
        """Read a block's content; inline runs between child blocks become paragraphs."""
        if element.text:
            self.pieces.append(element.text)
        ordinal = _OrderedList(element) if element.tag == "ol" else None
        for node in element:
            tag = node.tag if isinstance(node.tag, str) else ""
            if tag in _DROPPED or not tag or node in self.note_sections:
                pass
            elif tag in _BLOCKS:
                self.flush(kind, depth)
                self.child_block(node, tag, kind, depth, ordinal)
            elif tag == "br":
                self.flush(kind, depth)
            elif tag == "a" and (node.get("href") or "").lstrip("#") in self.notes:
                key = (node.get("href") or "").lstrip("#")
                self.pieces.append(NoteRef(key, self.notes[key]))
            else:
                self.block_inline(node)
            if node.tail:
                self.pieces.append(node.tail)
        self.flush(kind, depth)

    def block_inline(self, node: etree._Element) -> None:
        """Inline elements may still hold blocks (a <span> around a <p>): read them as such."""
        if any(isinstance(c.tag, str) and c.tag in _BLOCKS | {"br"} for c in node.iter()):
            self.block(node, ParagraphKind.BODY, 0)
        else:
            self.pieces.append(_text(node))

    def child_block(
        self,
        node: etree._Element,
        tag: str,
        kind: ParagraphKind,
        depth: int,
        ordinal: _OrderedList | None,
    ) -> None:
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            self.pieces.append(_text(node))
            self.flush(ParagraphKind.HEADING, int(tag[1]))
        elif tag == "li":
            self.pending_number = ordinal.next(node) if ordinal else None
            self.block(node, ParagraphKind.LIST_ITEM, max(depth, 1))
            self.pending_number = None
        elif tag in ("ul", "ol"):
            self.block(node, kind, depth + 1)
        elif tag == "blockquote":
            self.block(node, ParagraphKind.QUOTE, depth)
        elif tag in ("td", "th", "caption"):
            self.block(node, ParagraphKind.TABLE_CELL, 0)
        elif tag == "pre":
            for line in _text(node).split("\n"):
                self.pieces.append(line)
                self.flush(kind, depth)
        else:
            self.block(node, kind, depth)


@dataclass(slots=True)
class _OrderedList:
    """The counter of one ``<ol>``."""

    fmt: str
    value: int
    step: int

    def __init__(self, element: etree._Element) -> None:
        self.fmt = _OL_TYPES.get(element.get("type") or "1", "decimal")
        self.step = -1 if element.get("reversed") is not None else 1
        items = len(element.findall("li"))
        default = items if self.step < 0 else 1
        self.value = _int(element.get("start"), default) - self.step

    def next(self, item: etree._Element) -> str:
        self.value = _int(item.get("value"), self.value + self.step)
        return format_number(self.value, self.fmt) + "."


def _int(text: str | None, default: int) -> int:
    try:
        return int((text or "").strip())
    except ValueError:
        return default


def _text(node: etree._Element) -> str:
    return str(etree.tostring(node, method="text", encoding="unicode", with_tail=False))


def _drop(node: etree._Element) -> None:
    """Remove ``node`` but keep the text that follows it."""
    parent = node.getparent()
    if parent is None:
        return
    previous = node.getprevious()
    if node.tail:
        if previous is not None:
            previous.tail = (previous.tail or "") + node.tail
        else:
            parent.text = (parent.text or "") + node.tail
    parent.remove(node)


def _note_text(item: etree._Element) -> str:
    """A note's text without its "back to text" links."""
    copy = copy_module.deepcopy(item)
    for link in list(copy.iter("a")):
        if link.get("role") == "doc-backlink" or "footnote-back" in (link.get("class") or ""):
            _drop(link)
    return " ".join(_text(copy).split())
