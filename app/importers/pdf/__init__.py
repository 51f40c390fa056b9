"""Import a PDF: text in reading order, paragraphs, footnotes and printed page labels.

Built on pypdfium2 (BSD/Apache; PyMuPDF is AGPL). The work happens in three
passes so that each decision can use the whole document: lines are read from
every page (the pdfium-bound step, reported as progress), then furniture that
repeats across pages is found and the document's own vocabulary is collected,
then each page is ordered and re-flowed. The first and last passes run per
range of pages (:mod:`.chunk`), in worker processes for long documents
(:mod:`.workers`) and in this process for short ones.

Failures a user can cause become typed errors with a message for a
diplomat: a password is missing or wrong, the file is a scan, it is damaged,
it is rights-protected by Microsoft IRM.
"""

from __future__ import annotations

import functools
import logging
import re
import shutil
import stringprep
import subprocess
import tempfile
import threading
import unicodedata
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from app.core.errors import (
    FileTooLargeError,
    ImportFailedError,
    PasswordRequiredError,
    WrongPasswordError,
)
from app.core.heap import keep_heap_top
from app.core.i18n import N_, _
from app.importers.base import ImportedText, ImportOptions
from app.importers.pdf import standing, streams
from app.importers.pdf import workers as pool
from app.importers.pdf.chunk import DAMAGED, Chunk, Plan, plan_document
from app.importers.pdf.flow import Assembler, Laid

logger = logging.getLogger(__name__)

MEDIA_TYPE = "application/pdf"

PASSWORD_REQUIRED = N_("This PDF is protected by a password. Enter the password to import it.")
WRONG_PASSWORD = N_("The password does not open this PDF. Check it and try again.")

# pdfium is not thread-safe: two imports running in worker threads must take
# turns. Other code that calls pypdfium2 from a thread should hold this too.
PDFIUM_LOCK = threading.Lock()

_ERR_PASSWORD = 4
_ERR_SECURITY = 5


def import_bytes(
    data: bytes, options: ImportOptions, *, workers: int | None = None
) -> ImportedText:
    """Read a PDF's text; raise a :class:`ImportFailedError` subclass when it cannot be read.

    ``workers``: how many worker processes read pages beside this one; None
    chooses from the page count and the cores (:func:`workers.worker_count`),
    0 reads in this process only.
    """
    if len(data) > options.max_bytes:
        raise FileTooLargeError(
            _("This PDF is larger than the limit of {limit} MB.").format(
                limit=options.max_bytes // (1024 * 1024)
            )
        )
    if not data or (len(data) < 4096 and not data.strip()):
        raise ImportFailedError(
            _("This PDF file is empty (0 bytes). Ask the sender for a new copy.")
        )
    # Encrypted streams cannot be measured before pdfium decrypts them.
    heavy = streams.check_streams(data) > streams.HEAVY or b"/Encrypt" in data
    if threading.current_thread() is threading.main_thread():
        keep_heap_top()  # a command's process (app.core.heap), not the window's
    with PDFIUM_LOCK, pool.no_collector():
        standing.keep_readers(options.keep_readers)
        doc, password = _open(data, options.password)
        try:
            return _import_open(doc, data, password, heavy, options, workers)
        finally:
            doc.close()


def _import_open(
    doc: Any, data: bytes, password: Any, heavy: bool, options: ImportOptions, workers: int | None
) -> ImportedText:
    """The import of an open document, in a function of its own so that its lines,
    plan and laid-out pages are freed on return, before :func:`import_bytes`
    turns the collector back on: the first collection after that walks every
    object made since it went off, and these doubled its time (5 ms of the
    300-page benchmark, on the critical path)."""
    total = len(doc)
    auto = workers is None
    count = pool.worker_count(total) if workers is None else min(workers, total - 1)
    # This process reads pages too (once the caller's work of its own
    # is done, if it has some: its partner reads on meanwhile), unless
    # the file is one that only a process cancel and the deadline can
    # stop should read: then a worker more.
    share = not heavy
    if auto and heavy:
        count = count + 1 if count > 0 else 1
    if count > 0:
        readers = count + 1 if share else count
        local = doc.raw if share else None
        with pool.PagePool(data, password, total, readers, local) as pages_pool:
            if options.meanwhile is not None:
                pages_pool.meanwhile(options.meanwhile)
            plan = plan_document(pages_pool.summaries(options), total, _ocr_hint)
            # Assembled as the pages come, and before the pool closes: a worker
            # with no task to come is ended meanwhile (PagePool.layout).
            imported = _assemble(doc, plan, pages_pool.layout(plan, options))
            if options.prepare is not None:  # the caller's, half in the idle worker
                spans = [(p.start, p.end) for p in imported.paragraphs]
                offload = functools.partial(pages_pool.offload, options=options)
                imported.prepared = options.prepare(imported.text, spans, offload)
            return imported
    options.report(0, total)
    chunk = Chunk.read(doc.raw, range(total), lambda i: options.report(i + 1, total))
    plan = plan_document([chunk.summary()], total, _ocr_hint)
    return _assemble(doc, plan, chunk.layout(plan.furniture, plan.words, plan.body_size))


def ocr_available() -> bool:
    """Whether text recognition can be offered for scans (ocrmypdf or tesseract on PATH)."""
    return shutil.which("ocrmypdf") is not None or shutil.which("tesseract") is not None


def run_ocr(data: bytes) -> bytes:
    """Return ``data`` with a text layer added by ocrmypdf; pages with text are kept."""
    exe = shutil.which("ocrmypdf")
    if exe is None:
        raise ImportFailedError(
            _("Text recognition needs the program OCRmyPDF, which is not installed.")
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
            raise ImportFailedError(_("Text recognition (OCR) failed on this PDF."))
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


def _open(data: bytes, password: str | None) -> tuple[Any, Any]:
    """The document and the form of the password that opened it."""
    code = 0
    for candidate in _candidates(password):
        try:
            return pdfium.PdfDocument(data, password=candidate), candidate
        except pdfium.PdfiumError as error:
            code = getattr(error, "err_code", 0) or 0
            if code != _ERR_PASSWORD:
                break
        except (TypeError, ValueError):
            continue
    if code == _ERR_PASSWORD:
        if password is None or password == "":
            raise PasswordRequiredError(_(PASSWORD_REQUIRED)) from None
        raise WrongPasswordError(_(WRONG_PASSWORD)) from None
    if code == _ERR_SECURITY:
        raise ImportFailedError(
            _(
                "This PDF is protected by a security scheme Rejoinder cannot open (for "
                "example a rights-management plug-in)."
            )
        ) from None
    raise ImportFailedError(_(DAMAGED)) from None


# --- reading -----------------------------------------------------------------------


def _page_labels(doc: Any, detected: list[str | None]) -> list[str]:
    """The document's own label of each page, else the number printed on it, else its number.

    pdfium is asked first for the label's length, which for a page without
    one (most documents have none) is all: pypdfium2's ``get_page_label``
    makes and decodes a buffer per page all the same (0.8 ms of the 300-page
    benchmark, while the worker has nothing left to do).
    """
    labels = []
    for index, found in enumerate(detected):
        stored = ""
        try:
            if pdfium_c.FPDF_GetPageLabel(doc.raw, index, None, 0) > 2:  # more than the NUL
                stored = doc.get_page_label(index)
        except Exception:  # a broken /PageLabels tree must not stop the import
            stored = ""
        labels.append(stored.strip() or found or str(index + 1))
    return labels


def _ocr_hint() -> str:
    if ocr_available():
        return _("Rejoinder can run text recognition (OCR) on it.")
    return _(
        "Run text recognition (OCR) on it first, for example with OCRmyPDF,"
        " or import a text version of the document."
    )


def _assemble(doc: Any, plan: Plan, laid: Iterable[Laid]) -> ImportedText:
    labels = _page_labels(doc, plan.detected)
    out = Assembler()
    for index, page in enumerate(laid):
        out.add_page(index, labels[index], page)
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
        warnings=plan.warnings,
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


__all__ = ["PDFIUM_LOCK", "import_bytes", "ocr_available", "run_ocr", "saslprep", "standing"]
