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
"""

from __future__ import annotations

import importlib
import re
import zipfile
from io import BytesIO
from pathlib import PurePath
from typing import Protocol

from app.core.errors import FileTooLargeError, ImportFailedError, UnsupportedFormatError
from app.importers import text as text_importer
from app.importers.base import ImportedText, ImportOptions

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
_DAMAGED = (
    "The file is damaged or incomplete and cannot be read. "
    "If you can open it in its original program, save it again and import the new copy."
)
_GENERIC_AUTHORS = {
    "",
    "user",
    "admin",
    "administrator",
    "author",
    "unknown",
    "owner",
    "microsoft office user",
    "python-docx",
    "windows user",
}


class _Importer(Protocol):
    def __call__(self, data: bytes, options: ImportOptions) -> ImportedText: ...


def import_file(data: bytes, filename: str, options: ImportOptions | None = None) -> ImportedText:
    """Import a file's bytes; every failure is a typed error with a readable message."""
    options = options or ImportOptions()
    if len(data) > options.max_bytes:
        raise FileTooLargeError(
            f"The file is {_mb(len(data))} MB; files up to {_mb(options.max_bytes)} MB "
            "can be imported."
        )
    if not data.strip():
        raise ImportFailedError("The file is empty.")
    suffix = PurePath(filename).suffix.lower()
    kind = sniff(data, suffix)
    try:
        result = _dispatch(kind, data, suffix, options)
    except (zipfile.BadZipFile, EOFError, KeyError, ValueError, OSError) as error:
        if isinstance(error, UnicodeError):
            raise ImportFailedError("The file's text could not be decoded.") from error
        raise ImportFailedError(_DAMAGED) from error
    if suffix == ".pdf" and kind == "html":
        result.warnings.append(
            "The file is named .pdf but is really a web page; it was read as a web page."
        )
    return result


def sniff(data: bytes, suffix: str = "") -> str:
    """Name the format of ``data``: pdf, docx, odt, html, markdown or text.

    Raises the typed error for formats Rejoinder refuses.
    """
    head = data[:4096]
    if b"%PDF-" in data[:1024]:
        return "pdf"
    if head.startswith(_CFB_MAGIC):
        _refuse_ole(data)
    if head.lstrip().startswith(b"{\\rtf"):
        raise UnsupportedFormatError(
            "This is a Rich Text (.rtf) file, which Rejoinder does not read. "
            "Open it in Word and save it as .docx or PDF, then import that."
        )
    if head.startswith(b"PK"):
        return _sniff_zip(data)
    if _is_html(head, suffix):
        return "html"
    if suffix in _CONTAINER_SUFFIXES:
        raise ImportFailedError(
            f"The file is named {suffix} but does not contain a valid "
            f"{_CONTAINER_SUFFIXES[suffix]} document; it may be damaged or only partly downloaded."
        )
    if _looks_binary(head):
        raise UnsupportedFormatError(
            "This file is not a document Rejoinder can read. "
            "Rejoinder reads PDF, Word (.docx), OpenDocument (.odt), web pages and plain text."
        )
    return "markdown" if suffix in _MARKDOWN_SUFFIXES else "text"


def guess_label(imported: ImportedText, filename: str) -> str:
    """A first guess at the party label: the author, else the title, else the file name."""
    author = (imported.author or "").strip()
    if author.lower() not in _GENERIC_AUTHORS:
        return author
    title = (imported.title or "").strip()
    if title:
        return title[:120]
    stem = PurePath(filename).stem
    label = re.sub(r"[_\s]+", " ", stem).strip(" -.")
    return label or "Unknown party"


def _dispatch(kind: str, data: bytes, suffix: str, options: ImportOptions) -> ImportedText:
    if kind in ("text", "markdown"):
        return text_importer.import_bytes(data, options, markdown=kind == "markdown" or None)
    return _load(kind)(data, options)


def _load(kind: str) -> _Importer:
    """Import the format module on first use: PDF and DOCX pull in heavy libraries."""
    try:
        module = importlib.import_module(f"app.importers.{kind}")
    except ModuleNotFoundError as error:
        if error.name == f"app.importers.{kind}":
            raise UnsupportedFormatError(
                f"Importing {kind.upper()} files is not available in this version of Rejoinder."
            ) from error
        raise
    importer: _Importer = module.import_bytes
    return importer


def _refuse_ole(data: bytes) -> None:
    """Explain what an OLE compound file is and why it cannot be imported."""
    names = data[:1_000_000]
    if "EncryptedPackage".encode("utf-16-le") in names:
        raise ImportFailedError(
            "This Office file is protected with a password, and Rejoinder cannot open "
            "password-protected Office files. Open it in Word, remove the password "
            "(File › Info › Protect Document › Encrypt with Password, then clear the box), "
            "save it, and import it again."
        )
    if "WordDocument".encode("utf-16-le") in names:
        program, suffix = "Word 97–2003 document (.doc)", "Word"
    elif "Workbook".encode("utf-16-le") in names or "Book".encode("utf-16-le") in names:
        program, suffix = "Excel spreadsheet (.xls)", "Excel"
    elif "PowerPoint Document".encode("utf-16-le") in names:
        program, suffix = "PowerPoint presentation (.ppt)", "PowerPoint"
    else:
        program, suffix = "file in an old Microsoft Office format", "its program"
    raise UnsupportedFormatError(
        f"This is an older {program}, which Rejoinder does not read. "
        f"Open it in {suffix} and save it as .docx or PDF, then import that."
    )


def _sniff_zip(data: bytes) -> str:
    try:
        with zipfile.ZipFile(BytesIO(data)) as archive:
            names = set(archive.namelist())
            mimetype = _small_member(archive, "mimetype").strip()
            content_types = _small_member(archive, "[Content_Types].xml")
    except (zipfile.BadZipFile, EOFError, ValueError, OSError) as error:
        raise ImportFailedError(_DAMAGED) from error
    if mimetype == b"application/vnd.oasis.opendocument.text":
        return "odt"
    if mimetype.startswith(b"application/vnd.oasis.opendocument"):
        raise UnsupportedFormatError(
            "This OpenDocument file is not a text document (it is a spreadsheet, "
            "presentation or drawing). Save it as PDF and import that."
        )
    if "[Content_Types].xml" in names:
        if b"wordprocessingml" in content_types or any(n.startswith("word/") for n in names):
            return "docx"
        raise UnsupportedFormatError(
            "This Office file is not a Word document (it is a spreadsheet or presentation). "
            "Save it as PDF and import that."
        )
    raise UnsupportedFormatError(
        "This is a ZIP archive, not a document. Unpack it and import the documents inside."
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


def _looks_binary(head: bytes) -> bool:
    """NUL bytes mean binary unless the text is UTF-16/32 (a BOM or every other byte NUL)."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf")):
        return False
    zeros = head.count(0)
    if zeros == 0:
        return False
    even_zero = head[0::2].count(0)
    odd_zero = head[1::2].count(0)
    utf16_shape = max(even_zero, odd_zero) > len(head) // 2 * 0.6
    return not utf16_shape


def _mb(size: int) -> str:
    return f"{size / (1024 * 1024):.1f}".removesuffix(".0")
