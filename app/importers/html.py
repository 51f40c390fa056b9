"""Web pages (.html) → :class:`ImportedText`: the article, not the site around it.

Submissions published as web pages come wrapped in navigation, banners and
scripts that nobody wants to cite, so ``script``, ``style``, ``nav``,
``header``, ``footer``, ``aside`` (and similar) are dropped. Headings, list
items (with the numbers an ``<ol>`` shows, honouring ``start``, ``type``,
``reversed`` and ``value``), block quotes and table cells keep their roles.
A ``<br>`` starts a new paragraph, since a paragraph may hold no newline.
Footnotes in the common ``doc-endnotes`` / ``class="footnotes"`` shape are
moved to the end as notes, with their markers kept in the body.

An import gives the whole text or a refusal that says why, never a part.
libxml2 stops silently at 255 levels of nesting and at text nodes over 10 MB
unless told otherwise, and legacy pages (an unclosed ``<font>`` or ``<div>``
in every paragraph) nest that deep; the parser is therefore run with
``huge_tree`` (the input is already within the size limit), the tree is
walked with an explicit stack rather than recursion. A page deeper than
libxml2's hard limit of 2,048 levels would lose its end: it is parsed again
as legacy tag soup, with the presentational tags that pile up unclosed
(``font``, ``span``, ``b``…) removed and every ``<div>`` read as a
paragraph, which keeps all the text; a page still too deep is refused.
The maintained HTML5 parsers were measured as alternatives: html5-parser has
no wheels, html5lib is pure Python (minutes for large pages), and lexbor
(selectolax) takes time quadratic in nesting depth (12 s for 40,000 levels).
"""

from __future__ import annotations

import codecs
import copy as copy_module
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

import lxml.html
from lxml import etree

from app.core.errors import FileTooLargeError, ImportFailedError
from app.core.i18n import _
from app.importers.base import ImportedText, ImportOptions, ParagraphKind
from app.importers.builder import Builder, NoteRef, Piece
from app.importers.docx.numbering import format_number
from app.importers.text import decode

logger = logging.getLogger(__name__)

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
_FEED_CHUNK = 1024 * 1024
# The parsed tree takes some 300 bytes per element: a page of 2.3 million
# paragraphs (87 MB) peaked at 2.4 GB. A million tags keeps an import under 1 GB.
MAX_TAGS = 1_000_000
# libxml2 stops reading at 2,048 levels of nesting (with huge_tree).
_TOO_DEEP = etree.XPath("boolean(" + "/*" * 2040 + ")")
# Legacy tag soup: tags that nest without end when left unclosed, and what they become.
_SOUP_INLINE = re.compile(
    r"</?(?:font|basefont|span|center|small|big|b|i|u|s|em|strong|tt)\b[^<>]*>", re.I
)
_SOUP_DIV_START = re.compile(r"<div\b[^<>]*>", re.I)
_SOUP_DIV_END = re.compile(r"</div\s*>", re.I)


def import_bytes(data: bytes, options: ImportOptions) -> ImportedText:
    """Read a web page; its encoding comes from a BOM, a ``<meta charset>`` or a guess."""
    source = _XML_DECLARATION.sub("", _decode(data), count=1)
    if not source.strip():
        raise ImportFailedError(_("The file is empty."))
    tags = source.count("<")
    if tags > MAX_TAGS:
        raise FileTooLargeError(
            _(
                "The web page holds {tags:,} tags, more than the {limit:,} Rejoinder "
                "reads in one page. Save or print it as PDF and import that, or split it."
            ).format(tags=tags, limit=MAX_TAGS)
        )
    root = _parse(source, options)
    title, author, date = _metadata(root)
    reader = _Reader(Builder(options, MEDIA_TYPE))
    reader.collect_notes(root)
    body = root.find("body")
    reader.read(body if body is not None else root)
    options.report(1, 1)
    return reader.builder.finish(title, author, date)


def _parse(source: str, options: ImportOptions) -> etree._Element:
    """Parse the whole page or refuse it: libxml2 reports its limits only in its log."""
    try:
        return _parse_once(source, options)
    except _TooDeepError:
        logger.info("HTML nested beyond libxml2's limit: parsed again as tag soup")
    soup = _SOUP_INLINE.sub("", source)
    soup = _SOUP_DIV_END.sub("", _SOUP_DIV_START.sub("<p>", soup))
    try:
        return _parse_once(soup, options)
    except _TooDeepError as error:
        raise ImportFailedError(
            _(
                "The web page nests its elements more than 2,048 levels deep, so only "
                "part of it could be read. Open it in a browser, save or print it as "
                "PDF, and import that."
            )
        ) from error


class _TooDeepError(Exception):
    pass


def _parse_once(source: str, options: ImportOptions) -> etree._Element:
    """Feed the page in chunks, looking at the cancel token between them."""
    parser = lxml.html.HTMLParser(huge_tree=True)
    try:
        for at in range(0, len(source), _FEED_CHUNK):
            options.report(at, len(source))
            parser.feed(source[at : at + _FEED_CHUNK])
        root = parser.close()
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as error:
        raise ImportFailedError(
            _("The web page could not be read: it contains no text.")
        ) from error
    if root is None:
        raise ImportFailedError(_("The web page could not be read: it contains no text."))
    # In push mode libxml2 cuts the page at its depth limit without a word in
    # its log; an element that deep means the rest of the page is missing.
    if _TOO_DEEP(root):
        raise _TooDeepError()
    return root


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

    def read(self, root: etree._Element) -> None:
        """Walk the tree with an explicit stack: legacy pages nest thousands of levels deep.

        Each reading step is a generator that yields the steps for the blocks
        nested in it and resumes when they are done, so the reading order and
        the code read as if recursive while Python's stack stays flat.
        """
        stack: list[_Step] = [self.block(root, ParagraphKind.BODY, 0)]
        while stack:
            try:
                stack.append(next(stack[-1]))
            except StopIteration:
                stack.pop()

    def block(self, element: etree._Element, kind: ParagraphKind, depth: int) -> _Step:
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
                yield self.child_block(node, tag, kind, depth, ordinal)
            elif tag == "br":
                self.flush(kind, depth)
            elif tag == "a" and (node.get("href") or "").lstrip("#") in self.notes:
                key = (node.get("href") or "").lstrip("#")
                self.pieces.append(NoteRef(key, self.notes[key]))
            elif any(isinstance(c.tag, str) and c.tag in _BLOCKS | {"br"} for c in node.iter()):
                # an inline element around blocks (a <span> around a <p>): read them as blocks
                yield self.block(node, ParagraphKind.BODY, 0)
            else:
                self.pieces.append(_text(node))
            if node.tail:
                self.pieces.append(node.tail)
        self.flush(kind, depth)

    def child_block(
        self,
        node: etree._Element,
        tag: str,
        kind: ParagraphKind,
        depth: int,
        ordinal: _OrderedList | None,
    ) -> _Step:
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            self.pieces.append(_text(node))
            self.flush(ParagraphKind.HEADING, int(tag[1]))
        elif tag == "li":
            self.pending_number = ordinal.next(node) if ordinal else None
            yield self.block(node, ParagraphKind.LIST_ITEM, max(depth, 1))
            self.pending_number = None
        elif tag in ("ul", "ol"):
            yield self.block(node, kind, depth + 1)
        elif tag == "blockquote":
            yield self.block(node, ParagraphKind.QUOTE, depth)
        elif tag in ("td", "th", "caption"):
            yield self.block(node, ParagraphKind.TABLE_CELL, 0)
        elif tag == "pre":
            for line in _text(node).split("\n"):
                self.pieces.append(line)
                self.flush(kind, depth)
        else:
            yield self.block(node, kind, depth)


# One step of the walk: it yields the steps of the blocks nested in it.
_Step = Iterator["_Step"]


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
