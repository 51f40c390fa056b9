"""Format sniffing, size limit and refusals with readable messages."""

from __future__ import annotations

import io
import sys
import zipfile

import pytest

from app.core.errors import FileTooLargeError, ImportFailedError, UnsupportedFormatError
from app.importers.base import ImportedText, ImportOptions
from app.importers.detect import SUPPORTED_SUFFIXES, guess_label, import_file, sniff
from tests.helpers import REALDOCS

HTML = b"<!DOCTYPE html><html><head><title>T</title></head><body><p>Hello</p></body></html>"


def test_empty_file() -> None:
    with pytest.raises(ImportFailedError, match=r"The file is empty\."):
        import_file(b"", "a.txt")


def test_too_large_message_in_megabytes() -> None:
    options = ImportOptions(max_bytes=1024 * 1024)
    with pytest.raises(FileTooLargeError, match=r"2 MB.*1 MB"):
        import_file(b"a" * (2 * 1024 * 1024), "big.txt", options)


def test_sniffing() -> None:
    assert sniff(b"%PDF-1.7\n...", ".txt") == "pdf"
    assert sniff(HTML, ".pdf") == "html"
    assert sniff(b"# Title\n", ".md") == "markdown"
    assert sniff(b"plain", ".txt") == "text"
    assert sniff(b"<p>not html in a txt</p>", ".txt") == "text"


def test_text_dispatch() -> None:
    result = import_file("Привет\n".encode(), "note.txt")
    assert result.text == "Привет"


def test_legacy_doc_refused() -> None:
    data = (REALDOCS / "other" / "legacy-word97-plain.doc").read_bytes()
    with pytest.raises(UnsupportedFormatError, match=r"\.docx or PDF"):
        import_file(data, "plain.doc")


def test_rtf_refused() -> None:
    with pytest.raises(UnsupportedFormatError, match=r"\.docx or PDF"):
        import_file(b"{\\rtf1\\ansi hello}", "a.rtf")


def test_encrypted_docx_refused() -> None:
    data = (REALDOCS / "docx" / "encrypted-docx-agile-Password1234_.docx").read_bytes()
    with pytest.raises(ImportFailedError, match="remove the password"):
        import_file(data, "secret.docx")


@pytest.mark.parametrize(
    "path", ["docx/broken-truncated-docx.docx", "other/broken-odt-not-a-zip.odt"]
)
def test_broken_files_refused(path: str) -> None:
    with pytest.raises(ImportFailedError) as caught:
        import_file((REALDOCS / path).read_bytes(), path)
    assert "damaged" in str(caught.value)
    assert "Error" not in str(caught.value)


def test_plain_zip_refused() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("a.txt", "hello")
    with pytest.raises(UnsupportedFormatError, match="ZIP"):
        import_file(buffer.getvalue(), "a.zip")


def test_binary_refused() -> None:
    with pytest.raises(UnsupportedFormatError):
        import_file(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x01\xff\x00", "image.txt")


def test_guess_label_ignores_author_metadata() -> None:
    empty = ImportedText(text="", pages=[], paragraphs=[])
    assert guess_label(empty, "/x/European_Union-submission.docx") == "European Union-submission"
    empty.author = "Centre for Internet and Society (CIS)"
    assert guess_label(empty, "a.pdf") == "a"
    empty.title = "Comments by Japan"
    assert guess_label(empty, "a.pdf") == "Japan"


def test_suffixes() -> None:
    assert {".pdf", ".docx", ".odt", ".html", ".txt", ".md"} <= set(SUPPORTED_SUFFIXES)


def test_pdf_dispatch_and_empty_pdf() -> None:
    pytest.importorskip("app.importers.pdf")
    pdfs = REALDOCS / "pdf"
    with pytest.raises(ImportFailedError, match=r"The file is empty\."):
        import_file((pdfs / "broken-empty-0-bytes.pdf").read_bytes(), "empty.pdf")
    result = import_file((pdfs / "ar-egypt-government-slide-rtl.pdf").read_bytes(), "slide.pdf")
    assert result.text.strip()


def test_missing_format_module_is_unsupported(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "app.importers.pdf", None)
    with pytest.raises(UnsupportedFormatError, match="PDF"):
        import_file(b"%PDF-1.4\n%%EOF\n", "a.pdf")
