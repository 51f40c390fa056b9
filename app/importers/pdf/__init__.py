"""Import a PDF: text in reading order, paragraphs, footnotes and printed page labels.

Built on pypdfium2 (BSD/Apache; PyMuPDF is AGPL). The work happens in three
passes so that each decision can use the whole document: lines are read from
every page (the only pdfium-bound step, reported as progress), then
furniture that repeats across pages is removed and the document's own
vocabulary is collected, then each page is ordered and re-flowed.

Failures a user can cause become typed errors with a message for a
diplomat: a password is missing or wrong, the file is a scan, it is damaged,
it is rights-protected by Microsoft IRM.
"""

from __future__ import annotations

import re
import shutil
import stringprep
import subprocess
import tempfile
import threading
import unicodedata
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from app.core.errors import (
    FileTooLargeError,
    ImportFailedError,
    NeedsOcrError,
    PasswordRequiredError,
    WrongPasswordError,
)
from app.importers.base import ImportedText, ImportOptions
from app.importers.pdf.flow import Assembler, note_paragraphs, paragraphs
from app.importers.pdf.layout import reading_order, split_footnotes, strip_running
from app.importers.pdf.lines import Line, read_lines
from app.importers.pdf.text import garbled_share, vocabulary

MEDIA_TYPE = "application/pdf"

PASSWORD_REQUIRED = "This PDF is protected by a password. Enter the password to import it."
WRONG_PASSWORD = "The password does not open this PDF. Check it and try again."
DAMAGED = (
    "This PDF file is damaged or incomplete (perhaps an interrupted download), "
    "and no text could be read from it. Ask the sender for a new copy."
)

# pdfium is not thread-safe: two imports running in worker threads must take
# turns. Other code that calls pypdfium2 from a thread should hold this too.
PDFIUM_LOCK = threading.Lock()

_ERR_PASSWORD = 4
_ERR_SECURITY = 5


def import_bytes(data: bytes, options: ImportOptions) -> ImportedText:
    """Read a PDF's text; raise a :class:`ImportFailedError` subclass when it cannot be read."""
    if len(data) > options.max_bytes:
        raise FileTooLargeError(
            f"This PDF is larger than the limit of {options.max_bytes // (1024 * 1024)} MB."
        )
    if not data or (len(data) < 4096 and not data.strip()):
        raise ImportFailedError("This PDF file is empty (0 bytes). Ask the sender for a new copy.")
    with PDFIUM_LOCK:
        doc = _open(data, options.password)
        try:
            return _import(doc, options)
        finally:
            doc.close()


def ocr_available() -> bool:
    """Whether text recognition can be offered for scans (ocrmypdf or tesseract on PATH)."""
    return shutil.which("ocrmypdf") is not None or shutil.which("tesseract") is not None


def run_ocr(data: bytes) -> bytes:
    """Return ``data`` with a text layer added by ocrmypdf; pages with text are kept."""
    exe = shutil.which("ocrmypdf")
    if exe is None:
        raise ImportFailedError(
            "Text recognition needs the program OCRmyPDF, which is not installed."
        )
    with tempfile.TemporaryDirectory() as tmp:
        src, dst = Path(tmp) / "in.pdf", Path(tmp) / "out.pdf"
        src.write_bytes(data)
        result = subprocess.run(
            [exe, "--skip-text", "--quiet", str(src), str(dst)],
            capture_output=True,
            check=False,
        )
        if result.returncode != 0 or not dst.exists():
            raise ImportFailedError("Text recognition (OCR) failed on this PDF.")
        return dst.read_bytes()


# --- opening ---------------------------------------------------------------------


def saslprep(password: str) -> str:
    """RFC 4013 preparation, which PDF 2.0 prescribes for AES-256 passwords.

    pdfium does not apply it, so a password typed with a soft hyphen or a
    compatibility character would be refused although it is right.
    """
    mapped = "".join(
        " " if stringprep.in_table_c12(c) else c for c in password if not stringprep.in_table_b1(c)
    )
    return unicodedata.normalize("NFKC", mapped)


def _candidates(password: str | None) -> list[Any]:
    if password is None or password == "":
        return [None]
    out: list[Any] = [password]
    prepared = saslprep(password)
    if prepared != password:
        out.append(prepared)
    try:
        # RC4 and AES-128 files take the password in PDFDocEncoding, close to Latin-1.
        latin = password.encode("latin-1")
        if not password.isascii():
            out.append(latin)
    except UnicodeEncodeError:
        pass
    return out


def _open(data: bytes, password: str | None) -> Any:
    code = 0
    for candidate in _candidates(password):
        try:
            return pdfium.PdfDocument(data, password=candidate)
        except pdfium.PdfiumError as error:
            code = getattr(error, "err_code", 0) or 0
            if code != _ERR_PASSWORD:
                break
        except (TypeError, ValueError):
            continue
    if code == _ERR_PASSWORD:
        if password is None or password == "":
            raise PasswordRequiredError(PASSWORD_REQUIRED) from None
        raise WrongPasswordError(WRONG_PASSWORD) from None
    if code == _ERR_SECURITY:
        raise ImportFailedError(
            "This PDF is protected by a security scheme Rejoinder cannot open "
            "(for example a rights-management plug-in)."
        ) from None
    raise ImportFailedError(DAMAGED) from None


# --- reading -----------------------------------------------------------------------


def _load_page(raw_doc: Any, index: int) -> tuple[Any, Any] | None:
    """Raw (page, text page) handles, or None when pdfium cannot load the page.

    Raw handles, not pypdfium2's wrapper objects: a page is closed as soon
    as its lines are read, so their finalizers and parent links buy nothing,
    and :func:`read_lines` works on the raw text page anyway.
    """
    page = pdfium_c.FPDF_LoadPage(raw_doc, index)
    if not page:
        return None
    textpage = pdfium_c.FPDFText_LoadPage(page)
    if not textpage:
        pdfium_c.FPDF_ClosePage(page)
        return None
    return page, textpage


def _read_pages(doc: Any, options: ImportOptions) -> tuple[list[list[Line]], list[str]]:
    total = len(doc)
    pages: list[list[Line]] = []
    bad: list[int] = []
    options.report(0, total)
    raw_doc = doc.raw
    for index in range(total):
        handles = _load_page(raw_doc, index)
        if handles is None:
            bad.append(index + 1)
            pages.append([])
        else:
            try:
                pages.append(read_lines(handles[1]))
            finally:
                pdfium_c.FPDFText_ClosePage(handles[1])
                pdfium_c.FPDF_ClosePage(handles[0])
        options.report(index + 1, total)
    warnings = []
    if bad:
        if len(bad) == total:
            raise ImportFailedError(DAMAGED)
        listed = ", ".join(str(n) for n in bad[:10]) + ("…" if len(bad) > 10 else "")
        warnings.append(f"Some pages could not be read and were skipped: {listed}.")
    return pages, warnings


def _page_labels(doc: Any, detected: list[str | None]) -> list[str]:
    labels = []
    for index, found in enumerate(detected):
        stored = ""
        try:
            stored = doc.get_page_label(index)
        except Exception:  # a broken /PageLabels tree must not stop the import
            stored = ""
        labels.append(stored.strip() or found or str(index + 1))
    return labels


def _has_text(pages: list[list[Line]], needed: int) -> bool:
    """Whether the pages hold at least ``needed`` visible characters (stops when they do)."""
    visible = 0
    for lines in pages:
        for ln in lines:
            visible += sum(map(len, ln.text.split()))
            if visible >= needed:
                return True
    return False


def _sample(pages: list[list[Line]], limit: int) -> str:
    """The first ``limit`` characters of all lines joined by spaces."""
    parts: list[str] = []
    length = -1
    for lines in pages:
        for ln in lines:
            parts.append(ln.text)
            length += len(ln.text) + 1
            if length >= limit:
                return " ".join(parts)[:limit]
    return " ".join(parts)


def _check_readable(pages: list[list[Line]], warnings: list[str]) -> None:
    if not _has_text(pages, 3 * max(1, len(pages))):
        hint = (
            " Rejoinder can run text recognition (OCR) on it."
            if ocr_available()
            else " Run text recognition (OCR) on it first, for example with OCRmyPDF,"
            " or import a text version of the document."
        )
        raise NeedsOcrError("This PDF has no text layer: it looks like a scanned image." + hint)
    head = " ".join(ln.text for ln in (pages[0] if pages else []))
    if "This PDF file is protected" in head and (
        "different reader" in head or "Microsoft" in head or "rights" in head.lower()
    ):
        raise ImportFailedError(
            "This PDF is rights-protected (Microsoft Information Rights Management): "
            "only a notice page can be read without Microsoft's software. Ask the "
            "sender for an unprotected copy."
        )
    share = garbled_share(_sample(pages, 50_000))
    if share > 0.5:
        raise ImportFailedError(
            "The text of this PDF cannot be decoded (its fonts carry no Unicode "
            "mapping). Run text recognition (OCR) on it, or ask for another copy."
        )
    if share > 0.1:
        warnings.append("Part of this PDF's text could not be decoded and may read as gibberish.")
    empty = [str(i + 1) for i, lines in enumerate(pages) if not lines]
    if empty and len(empty) < len(pages):
        warnings.append(
            "Some pages have no text (images or scans): "
            + ", ".join(empty[:10])
            + ("…" if len(empty) > 10 else "")
            + "."
        )


def _body_size(pages: list[list[Line]]) -> float:
    by_size: dict[float, int] = {}
    for lines in pages:
        for ln in lines:
            by_size[ln.size] = by_size.get(ln.size, 0) + len(ln.text)
    # Rounded to half points; keys keep the order of first appearance, which
    # decides a tie as a pass over the lines would.
    weights: dict[float, int] = {}
    for size, count in by_size.items():
        key = round(size * 2) / 2
        weights[key] = weights.get(key, 0) + count
    return max(weights, key=lambda k: weights[k]) if weights else 10.0


def _words(pages: list[list[Line]]) -> set[str]:
    """Vocabulary without the fragments of words split at a line end."""
    texts = []
    for lines in pages:
        after_hyphen = False
        for ln in lines:
            text = ln.text
            if after_hyphen:
                text = text.split(maxsplit=1)[1] if " " in text else ""
            if ln.hyphen:
                text = text.rsplit(maxsplit=1)[0] if " " in text else ""
            texts.append(text)
            after_hyphen = ln.hyphen
    return vocabulary(texts)


def _import(doc: Any, options: ImportOptions) -> ImportedText:
    pages, warnings = _read_pages(doc, options)
    _check_readable(pages, warnings)
    words = _words(pages)
    body_size = _body_size(pages)
    labels = _page_labels(doc, strip_running(pages))
    out = Assembler(body_size)
    for index, lines in enumerate(pages):
        blocks, notes = split_footnotes(reading_order(lines), body_size)
        out.add_page(index, labels[index], paragraphs(blocks, words), note_paragraphs(notes, words))
    title, author, date = _metadata(doc)
    return ImportedText(
        text=out.text(),
        pages=out.pages(),
        paragraphs=out.paragraphs,
        footnotes=out.footnotes,
        title=title,
        author=author,
        date=date,
        media_type=MEDIA_TYPE,
        warnings=warnings,
    )


_PDF_DATE = re.compile(r"^D?:?(\d{4})(\d{2})?(\d{2})?")


def _metadata(doc: Any) -> tuple[str | None, str | None, str | None]:
    try:
        meta = doc.get_metadata_dict(skip_empty=True)
    except Exception:  # metadata is optional; a broken Info dictionary is not fatal
        return None, None, None
    title = " ".join(str(meta.get("Title", "")).split()) or None
    author = " ".join(str(meta.get("Author", "")).split()) or None
    date = None
    match = _PDF_DATE.match(str(meta.get("CreationDate", "")).strip())
    if match is not None and 1900 < int(match.group(1)) < 2200:
        date = "-".join(part for part in match.groups() if part)
    return title, author, date


__all__ = ["PDFIUM_LOCK", "import_bytes", "ocr_available", "run_ocr", "saslprep"]
