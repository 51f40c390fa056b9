"""Pick the importer for a file from its bytes, not from its name.

Users rename files, mail systems mangle extensions and web sites serve HTML
under ``.pdf`` links, so the format is sniffed from the content; the name only
breaks ties (Markdown versus plain text). Decisions:

* A file named ``.pdf`` that is really a web page is read as HTML, with a
  warning in ``ImportedText.warnings``: refusing would leave the user with a
  file they cannot fix, while its text is perfectly readable.
* A password-protected Word file (an OLE container holding an
  ``EncryptedPackage``) is refused with :class:`ImportFailedError` telling the
  user to remove the password in Word first. Rejoinder does not decrypt Office
  files (that would need a cryptography stack for one rare case), so asking for
  a password, as :class:`PasswordRequiredError` would, could not help.
* Legacy binary formats (.doc, .xls, .ppt, .rtf) are refused with
  :class:`UnsupportedFormatError` saying to save them as .docx or PDF.
* A file is a PDF when it starts with ``%PDF-``; like PDF readers we accept a
  little junk before the signature (a mail or HTTP header), but only when PDF
  objects follow it, so a statement that merely mentions "%PDF-1.7" in its
  first lines is still read as text.
* Programs, images and other binary content (NUL bytes outside UTF-16, or
  many control characters) are refused rather than imported as garbage.
"""

from __future__ import annotations

import importlib
import logging
import re
import zipfile
from io import BytesIO
from pathlib import PurePath
from typing import Protocol

from app.core.errors import ImportFailedError, UnsupportedFormatError
from app.core.i18n import N_, _
from app.importers.base import ImportedText, ImportOptions
from app.importers.label import guess_label
from app.importers.reading import too_large

logger = logging.getLogger(__name__)

__all__ = ["SUPPORTED_SUFFIXES", "guess_label", "import_file", "sniff"]

SUPPORTED_SUFFIXES: tuple[str, ...] = (
    ".pdf",
    ".docx",
    ".odt",
    ".html",
    ".htm",
    ".xhtml",
    ".txt",
    ".text",
    ".md",
    ".markdown",
)

_CFB_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_MARKDOWN_SUFFIXES = {".md", ".markdown"}
_CONTAINER_SUFFIXES = {".pdf": "PDF", ".docx": "Word", ".odt": "OpenDocument"}
_HTML_START = re.compile(
    rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)\b", re.I | re.S
)
_HTML_TAGS = re.compile(rb"<(?:head|body|p|div|h[1-6]|table|meta|title)\b[^>]*>", re.I)
_DAMAGED = N_(
    "The file is damaged or incomplete and cannot be read. "
    "If you can open it in its original program, save it again and import the new copy."
)
# Readers accept the signature within the first kilobyte; objects must follow it.
_PDF_SIGNATURE = b"%PDF-"
_PDF_OBJECT = re.compile(rb"[\r\n]\s*\d{1,10}\s+\d{1,5}\s+obj\b")
# Signatures of programs, images and archives that are never documents.
_BINARY_MAGIC = (
    b"\x7fELF",
    b"\xfe\xed\xfa\xce",
    b"\xfe\xed\xfa\xcf",
    b"\xce\xfa\xed\xfe",
    b"\xcf\xfa\xed\xfe",
    b"\xca\xfe\xba\xbe",
    b"\x89PNG\r\n\x1a\n",
    b"\xff\xd8\xff",
    b"GIF87a",
    b"GIF89a",
    b"\x1f\x8b",
    b"\xfd7zXZ\x00",
    b"7z\xbc\xaf\x27\x1c",
    b"Rar!\x1a\x07",
)
# Control bytes that text never holds (tab, line feed, form feed, carriage
# return and escape are left out: extracted and terminal text has them).
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 11, 12, 13, 27)) + b"\x7f"
_MAX_CONTROL_RATIO = 0.05


class _Importer(Protocol):
    def __call__(self, data: bytes, options: ImportOptions) -> ImportedText: ...


def import_file(data: bytes, filename: str, options: ImportOptions | None = None) -> ImportedText:
    """Import a file's bytes; every failure is a typed error with a readable message."""
    options = options or ImportOptions()
    if len(data) > options.max_bytes:
        raise too_large(len(data), options.max_bytes)
    if not data.strip():
        raise ImportFailedError(_("The file is empty."))
    suffix = PurePath(filename).suffix.lower()
    kind = sniff(data, suffix)
    try:
        result = _dispatch(kind, data, suffix, options)
    except (zipfile.BadZipFile, EOFError, KeyError, ValueError, OSError) as error:
        if isinstance(error, UnicodeError):
            raise ImportFailedError(_("The file's text could not be decoded.")) from error
        raise ImportFailedError(_(_DAMAGED)) from error
    if suffix == ".pdf" and kind == "html":
        result.warnings.append(
            _("The file is named .pdf but is really a web page; it was read as a web page.")
        )
    if options.prepare is not None and result.prepared is None:
        # Every format's index is prepared with its reading (a long PDF's reader
        # shares it with its worker), not inside the store's write, which holds
        # the project's write lock meanwhile.
        spans = [(p.start, p.end) for p in result.paragraphs]
        result.prepared = options.prepare(result.text, spans, None)
    return result


def sniff(data: bytes, suffix: str = "") -> str:
    """Name the format of ``data``: pdf, docx, odt, html, markdown or text.

    Raises the typed error for formats Rejoinder refuses.
    """
    head = data[:4096]
    if _is_pdf(data):
        return "pdf"
    if head.startswith(_CFB_MAGIC):
        refuse_ole(data)
    if head.lstrip().startswith(b"{\\rtf"):
        raise UnsupportedFormatError(
            _(
                "This is a Rich Text (.rtf) file, which Rejoinder does not read. Open it "
                "in Word and save it as .docx or PDF, then import that."
            )
        )
    if head.startswith(b"PK"):
        return _sniff_zip(data)
    if _is_html(head, suffix):
        return "html"
    if suffix in _CONTAINER_SUFFIXES:
        raise ImportFailedError(
            _(
                "The file is named {suffix} but does not contain a valid {kind} "
                "document; it may be damaged or only partly downloaded."
            ).format(suffix=suffix, kind=_CONTAINER_SUFFIXES[suffix])
        )
    if _looks_binary(data):
        raise UnsupportedFormatError(
            _(
                "This file is not a document Rejoinder can read. Rejoinder reads PDF, "
                "Word (.docx), OpenDocument (.odt), web pages and plain text."
            )
        )
    return "markdown" if suffix in _MARKDOWN_SUFFIXES else "text"


def _dispatch(kind: str, data: bytes, suffix: str, options: ImportOptions) -> ImportedText:
    if kind in ("text", "markdown"):
        # Here, not at the top: a PDF's import starts its page readers sooner
        # without charset_normalizer and markdown-it loaded first.
        from app.importers import text as text_importer

        return text_importer.import_bytes(data, options, markdown=kind == "markdown" or None)
    return _load(kind)(data, options)


def _load(kind: str) -> _Importer:
    """Import the format module on first use: PDF and DOCX pull in heavy libraries."""
    try:
        module = importlib.import_module(f"app.importers.{kind}")
    except ModuleNotFoundError as error:
        if error.name == f"app.importers.{kind}":
            raise UnsupportedFormatError(
                _("Importing {kind} files is not available in this version of Rejoinder.").format(
                    kind=kind.upper()
                )
            ) from error
        raise
    importer: _Importer = module.import_bytes
    return importer


def refuse_ole(data: bytes) -> None:
    """Explain what an OLE compound file is and why it cannot be imported."""
    names = data[:1_000_000]
    if "EncryptedPackage".encode("utf-16-le") in names:
        raise ImportFailedError(
            _(
                "This Office file is protected with a password, and Rejoinder cannot "
                "open password-protected Office files. Open it in Word, remove the "
                "password (File › Info › Protect Document › Encrypt with Password, then "
                "clear the box), save it, and import it again."
            )
        )
    if "WordDocument".encode("utf-16-le") in names:
        program, suffix = _("Word 97–2003 document (.doc)"), "Word"
    elif "Workbook".encode("utf-16-le") in names or "Book".encode("utf-16-le") in names:
        program, suffix = _("Excel spreadsheet (.xls)"), "Excel"
    elif "PowerPoint Document".encode("utf-16-le") in names:
        program, suffix = _("PowerPoint presentation (.ppt)"), "PowerPoint"
    else:
        program, suffix = _("file in an old Microsoft Office format"), _("its program")
    raise UnsupportedFormatError(
        _(
            "This is an older {program}, which Rejoinder does not read. Open it in "
            "{suffix} and save it as .docx or PDF, then import that."
        ).format(program=program, suffix=suffix)
    )


def _sniff_zip(data: bytes) -> str:
    try:
        with zipfile.ZipFile(BytesIO(data)) as archive:
            from app.importers.safety import check_limits  # lxml: only for archives

            check_limits(archive.infolist())
            names = set(archive.namelist())
            mimetype = _small_member(archive, "mimetype").strip()
            content_types = _small_member(archive, "[Content_Types].xml")
    except (zipfile.BadZipFile, EOFError, ValueError, OSError) as error:
        raise ImportFailedError(_(_DAMAGED)) from error
    if mimetype == b"application/vnd.oasis.opendocument.text":
        return "odt"
    if mimetype.startswith(b"application/vnd.oasis.opendocument"):
        raise UnsupportedFormatError(
            _(
                "This OpenDocument file is not a text document (it is a spreadsheet, "
                "presentation or drawing). Save it as PDF and import that."
            )
        )
    if "[Content_Types].xml" in names:
        if b"wordprocessingml" in content_types or any(n.startswith("word/") for n in names):
            return "docx"
        raise UnsupportedFormatError(
            _(
                "This Office file is not a Word document (it is a spreadsheet or "
                "presentation). Save it as PDF and import that."
            )
        )
    raise UnsupportedFormatError(
        _("This is a ZIP archive, not a document. Unpack it and import the documents inside.")
    )


def _small_member(archive: zipfile.ZipFile, name: str) -> bytes:
    """Read at most 64 KB of a member, so sniffing cannot be made to unpack a bomb."""
    try:
        with archive.open(name) as member:
            return member.read(65536)
    except KeyError:
        return b""


def _is_html(head: bytes, suffix: str) -> bool:
    start = head.lstrip(b"\xef\xbb\xbf")
    if _HTML_START.match(start):
        return True
    if suffix in (".txt", ".text", ".md", ".markdown"):
        return False
    return start.lstrip().startswith(b"<") and _HTML_TAGS.search(start) is not None


def _is_pdf(data: bytes) -> bool:
    at = data.find(_PDF_SIGNATURE, 0, 1024)
    if at < 0:
        return False
    return at == 0 or _PDF_OBJECT.search(data, at, at + 8192) is not None


def _looks_binary(data: bytes) -> bool:
    """True for content no text holds, sampled at the start, middle and end."""
    if data.startswith(_BINARY_MAGIC):
        return True
    if data.startswith((b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf")):
        return False
    middle = len(data) // 2
    return any(
        _binary_sample(sample)
        for sample in (data[:4096], data[middle : middle + 4096], data[-4096:])
        if sample
    )


def _binary_sample(sample: bytes) -> bool:
    if _utf16_shaped(sample):
        return False
    if 0 in sample:
        return True
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    return controls > len(sample) * _MAX_CONTROL_RATIO


def _utf16_shaped(sample: bytes) -> bool:
    """UTF-16 text without a BOM: NUL in most bytes of one parity, hardly any in the other."""
    even, odd = sample[0::2], sample[1::2]
    if not even or not odd:
        return False
    zeros = sorted((even.count(0) / len(even), odd.count(0) / len(odd)))
    return zeros[1] > 0.6 and zeros[0] < 0.1
