"""Plain text and Markdown: bytes → :class:`ImportedText`.

Layout decision: a text file's *lines* are its paragraphs. Blank lines only
separate paragraphs, so they are dropped and the result's ``text`` is the
non-empty lines (stripped of surrounding spaces) joined by a single ``"\\n"``.
Thus ``text`` is exactly ``"\\n".join(paragraph texts)``, as every importer
promises, and the reader shows the file without its double spacing.

Markdown is read as a reader of the rendered page would see it: ``#`` marks,
emphasis stars, list bullets and link targets are removed, headings become
``HEADING`` paragraphs and ``>`` lines ``QUOTE`` paragraphs. A paragraph that
starts with a number ("12.", "a)", "(iii)", "1.2.") gets it in
``Paragraph.number`` and keeps it in its text, because delegations cite
paragraphs by those numbers.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

import charset_normalizer

from app.core.errors import ImportFailedError
from app.importers.base import ImportedText, ImportOptions, Page, Paragraph, ParagraphKind
from app.importers.builder import leading_number

_BATCH = 2000

# Characters XML 1.0 forbids; text reaching the .docx export must not hold them.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
# Everything a reader would take for a line break becomes "\n".
_LINE_BREAKS = re.compile("\r\n|[\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")

_ATX = re.compile(r"^(#{1,6})\s+(.*?)(?:\s+#+)?\s*$")
_SETEXT = re.compile(r"^(=+|-+)\s*$")
_RULE = re.compile(r"^(?:(?:-\s*){3,}|(?:\*\s*){3,}|(?:_\s*){3,})$")
_FENCE = re.compile(r"^(```|~~~)")
_BULLET = re.compile(r"^[-*+]\s+")
_QUOTE = re.compile(r"^>\s?")
_MD_ORDERED = re.compile(r"^(\d{1,9})[.)](?=\s)")
_MD_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_MD_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_MD_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_MD_EM_STAR = re.compile(r"\*(?=\S)(.+?)(?<=\S)\*")
_MD_EM_UNDERSCORE = re.compile(r"(?<!\w)_(?=\S)(.+?)(?<=\S)_(?!\w)")
_MD_CODE = re.compile(r"`([^`]+)`")

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


def clean(text: str) -> str:
    """Normalise line breaks and drop characters that XML (and Word) forbid."""
    return _XML_ILLEGAL.sub("", _LINE_BREAKS.sub("\n", text))


def looks_like_markdown(text: str) -> bool:
    """True when some line is a Markdown ``#`` heading: rare in plain text."""
    return any(_ATX.match(line) for line in text.split("\n", 2000)[:2000])


def import_bytes(
    data: bytes, options: ImportOptions, *, markdown: bool | None = None
) -> ImportedText:
    """Read a TXT or Markdown file; ``markdown=None`` guesses from the content."""
    text = clean(decode(data))
    if not text.strip():
        raise ImportFailedError("The file contains no text.")
    return _build(text, options, markdown)


def import_text(text: str, *, markdown: bool | None = None) -> ImportedText:
    """Read pasted text; never fails (empty text gives an empty result)."""
    return _build(clean(text), ImportOptions(), markdown)


@dataclass(slots=True)
class _Line:
    text: str
    kind: ParagraphKind
    number: str | None
    level: int


def _build(text: str, options: ImportOptions, markdown: bool | None) -> ImportedText:
    lines = text.split("\n")
    if markdown is None:
        markdown = looks_like_markdown(text)
    parsed = _markdown_lines(lines, options) if markdown else _plain_lines(lines, options)
    return assemble(parsed, "text/markdown" if markdown else "text/plain")


def _plain_lines(lines: list[str], options: ImportOptions) -> list[_Line]:
    out: list[_Line] = []
    for index, raw in enumerate(lines):
        if index % _BATCH == 0:
            options.report(index, len(lines))
        line = raw.strip()
        if line:
            out.append(_numbered(line, ParagraphKind.BODY, 0))
    options.report(len(lines), len(lines))
    return out


def _numbered(line: str, kind: ParagraphKind, level: int) -> _Line:
    number = leading_number(line)
    if number is None:
        return _Line(line, kind, None, level)
    if kind is ParagraphKind.BODY:
        kind = ParagraphKind.LIST_ITEM
        level = level or number.rstrip(".").count(".") + 1
    return _Line(line, kind, number, level)


def _markdown_lines(lines: list[str], options: ImportOptions) -> list[_Line]:
    out: list[_Line] = []
    in_fence = False
    for index, raw in enumerate(lines):
        if index % _BATCH == 0:
            options.report(index, len(lines))
        stripped = raw.strip()
        if _FENCE.match(stripped):
            in_fence = not in_fence
            continue
        if in_fence:
            if stripped:
                out.append(_Line(stripped, ParagraphKind.BODY, None, 0))
            continue
        setext = _SETEXT.match(stripped)
        if (
            setext
            and out
            and out[-1].kind is ParagraphKind.BODY
            and index > 0
            and lines[index - 1].strip()
        ):
            out[-1].kind = ParagraphKind.HEADING
            out[-1].level = 1 if setext.group(1)[0] == "=" else 2
            continue
        if not stripped or _RULE.match(stripped):
            continue
        line = _markdown_line(raw, stripped)
        if line.text:
            out.append(line)
    options.report(len(lines), len(lines))
    return out


def _markdown_line(raw: str, stripped: str) -> _Line:
    indent = len(raw) - len(raw.lstrip(" \t"))
    atx = _ATX.match(stripped)
    if atx:
        return _Line(_inline(atx.group(2)), ParagraphKind.HEADING, None, len(atx.group(1)))
    quote = _QUOTE.match(stripped)
    if quote:
        return _Line(_inline(stripped[quote.end() :].strip()), ParagraphKind.QUOTE, None, 0)
    bullet = _BULLET.match(stripped)
    if bullet:
        body = _inline(stripped[bullet.end() :].strip())
        return _Line(body, ParagraphKind.LIST_ITEM, None, indent // 2 + 1)
    ordered = _MD_ORDERED.match(stripped)
    if ordered:
        return _numbered(_inline(stripped), ParagraphKind.LIST_ITEM, indent // 2 + 1)
    return _numbered(_inline(stripped), ParagraphKind.BODY, 0)


def _inline(text: str) -> str:
    """Remove inline Markdown marks, keeping what the rendered page shows."""
    text = _MD_IMAGE.sub(r"\1", text)
    text = _MD_LINK.sub(r"\1", text)
    text = _MD_CODE.sub(r"\1", text)
    text = _MD_STRONG.sub(r"\2", text)
    text = _MD_EM_STAR.sub(r"\1", text)
    return _MD_EM_UNDERSCORE.sub(r"\1", text).strip()


def assemble(lines: list[_Line], media_type: str) -> ImportedText:
    """Join the lines into one text with matching paragraph offsets."""
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
