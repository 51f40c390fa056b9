"""Plain text and Markdown: bytes → :class:`ImportedText`.

Plain text is read as text, not as lines: statements are often saved with
hard line breaks at a fixed width (or extracted from a PDF that way), and a
passage must not span "paragraphs" that are only lines. Lines are reflowed
into paragraphs by :func:`app.importers.reflow.reflow` (a blank line, an
indented line, a numbered or bulleted line, or a short last line starts a new
one) and hyphenation at line ends is rejoined as the PDF importer does it. A
file whose lines are not wrapped keeps one paragraph per line. Paragraphs are
joined by a single ``"\\n"``, as every importer promises.

Markdown is read as a reader of the rendered page would see it (see
:mod:`app.importers.markdown`). A paragraph that starts with a number ("12.",
"a)", "(iii)", "1.2.") gets it in ``Paragraph.number`` and keeps it in its
text, because delegations cite paragraphs by those numbers.
"""

from __future__ import annotations

import codecs
import logging
import re

import charset_normalizer

from app.core.errors import ImportFailedError
from app.core.i18n import _
from app.importers.base import ImportedText, ImportOptions, Page, Paragraph, ParagraphKind
from app.importers.builder import leading_number
from app.importers.markdown import MAX_MARKDOWN_CHARS, Block
from app.importers.markdown import parse as parse_markdown
from app.importers.reflow import reflow

logger = logging.getLogger(__name__)

_CHUNK_LINES = 2_000
# Characters cleaned between two polls of cancel: a few hundredths of a second, so a
# 95 MB file on one line (1.7 s of cleaning in one piece) can still be cancelled at once.
CLEAN_PIECE = 1 << 21
# A line that is a Markdown "#" heading; checked with startswith first, so no
# regular expression ever scans a long line.
_ATX = re.compile(r"#{1,6}(?:[ \t]|$)")
# Share of control or undecodable characters above which decoded "text" is binary.
_MAX_GARBAGE = 0.05
_GARBAGE = re.compile("[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f\ufffd]")

# Characters XML 1.0 forbids; text reaching the .docx export must not hold them.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
# Everything a reader would take for a line break becomes "\n".
_LINE_BREAKS = re.compile("\r\n|[\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def decode(data: bytes) -> str:
    """Decode a text file whatever its encoding.

    A byte order mark decides; otherwise strict UTF-8 (by far the most common
    today, and never wrong when it succeeds); otherwise charset-normalizer's
    guess, which handles legacy code pages (cp866, cp1251, cp1252…).
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(encoding, errors="replace")
    bom_less = _utf16_without_bom(data)
    if bom_less is not None:
        return data.decode(bom_less, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    best = charset_normalizer.from_bytes(data).best()
    if best is not None:
        return str(best)
    return data.decode("cp1252", errors="replace")


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 without a BOM shows as NUL in every other byte of mostly-ASCII text."""
    head = data[:4096]
    if len(head) < 4:
        return None
    half = len(head) // 2
    if head[1::2].count(0) > half * 0.6:
        return "utf-16-le"
    if head[0::2].count(0) > half * 0.6:
        return "utf-16-be"
    return None


def clean(text: str, options: ImportOptions | None = None) -> str:
    """Normalise line breaks and drop characters that XML (and Word) forbid.

    A long text is cleaned in pieces, polling cancel between them; a piece never
    ends between a "\r" and its "\n", so the pieces clean exactly as the whole.
    """
    if len(text) <= CLEAN_PIECE:
        return _clean_piece(text)
    pieces: list[str] = []
    start = 0
    while start < len(text):
        if options is not None:
            options.check_cancelled()
        end = min(start + CLEAN_PIECE, len(text))
        while end < len(text) and text[end - 1] == "\r":
            end += 1
        pieces.append(_clean_piece(text[start:end]))
        start = end
    return "".join(pieces)


def _clean_piece(text: str) -> str:
    return _XML_ILLEGAL.sub("", _LINE_BREAKS.sub("\n", text))


def looks_like_markdown(text: str) -> bool:
    """True when some line is a Markdown ``#`` heading: rare in plain text."""
    lines = text.split("\n", 2000)[:2000]
    return any(line.startswith("#") and _ATX.match(line) for line in lines)


def import_bytes(
    data: bytes, options: ImportOptions, *, markdown: bool | None = None
) -> ImportedText:
    """Read a TXT or Markdown file; ``markdown=None`` guesses from the content."""
    decoded = decode(data)
    sample = decoded[:65536]
    if sample and len(_GARBAGE.findall(sample)) > len(sample) * _MAX_GARBAGE:
        raise ImportFailedError(
            _(
                "The file does not hold readable text: it may be a program or an image "
                "with a text name. Rejoinder reads PDF, Word (.docx), OpenDocument "
                "(.odt), web pages and plain text."
            )
        )
    text = clean(decoded, options)
    if not text.strip():
        raise ImportFailedError(_("The file contains no text."))
    return _build(text, options, markdown)


def import_text(text: str, *, markdown: bool | None = None) -> ImportedText:
    """Read pasted text; never fails (empty text gives an empty result)."""
    return _build(clean(text), ImportOptions(), markdown)


def _build(text: str, options: ImportOptions, markdown: bool | None) -> ImportedText:
    if markdown is None:
        markdown = looks_like_markdown(text)
    warnings: list[str] = []
    if markdown and len(text) > MAX_MARKDOWN_CHARS:
        logger.info("Markdown of %d characters read as plain text", len(text))
        warnings.append(
            _(
                "The file is longer than {count:,} thousand characters, so its Markdown "
                "marks were not interpreted; it was read as plain text."
            ).format(count=MAX_MARKDOWN_CHARS // 1024)
        )
        markdown = False
    if markdown:
        options.report(0, 1)
        blocks = parse_markdown(text, options)
    else:
        blocks = _plain_blocks(text, options)
    options.report(1, 1)
    result = assemble(blocks, "text/markdown" if markdown else "text/plain")
    result.warnings.extend(warnings)
    return result


def _plain_blocks(text: str, options: ImportOptions) -> list[Block]:
    """Reflow the lines in chunks that end at a blank line, polling cancel between them."""
    lines = text.split("\n")
    out: list[Block] = []
    start = 0
    while start < len(lines):
        options.report(start, len(lines))
        end = _chunk_end(lines, start + _CHUNK_LINES)
        out.extend(_numbered(p, ParagraphKind.BODY, 0) for p in reflow(lines[start:end]))
        start = end
    return out


def _chunk_end(lines: list[str], at: int) -> int:
    """The first blank line from ``at`` on (within as many lines again), else ``at``."""
    for index in range(at, min(len(lines), at + _CHUNK_LINES)):
        if not lines[index].strip():
            return index + 1
    return min(at, len(lines))


def _numbered(line: str, kind: ParagraphKind, level: int) -> Block:
    number = leading_number(line)
    if number is None:
        return Block(line, kind, None, level)
    if kind is ParagraphKind.BODY:
        kind = ParagraphKind.LIST_ITEM
        level = level or number.rstrip(".").count(".") + 1
    return Block(line, kind, number, level)


def assemble(lines: list[Block], media_type: str) -> ImportedText:
    """Join the paragraphs into one text with matching paragraph offsets."""
    paragraphs: list[Paragraph] = []
    parts: list[str] = []
    offset = 0
    title: str | None = None
    for line in lines:
        end = offset + len(line.text)
        paragraphs.append(Paragraph(offset, end, line.kind, line.number, line.level))
        if title is None and line.kind is ParagraphKind.HEADING and line.level == 1:
            title = line.text
        parts.append(line.text)
        offset = end + 1
    text = "\n".join(parts)
    return ImportedText(
        text=text,
        pages=[Page(0, 0, len(text), "1")],
        paragraphs=paragraphs,
        title=title,
        media_type=media_type,
    )
