"""Issue 11's hostile probes on the importers: each gives the whole text or a
one-line typed refusal, within bounded memory, and never hangs."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from app.core.errors import (
    FileTooLargeError,
    ImportCancelled,
    ImportFailedError,
)
from app.importers import html as html_importer
from app.importers import safety
from app.importers.base import CancelToken, ImportOptions
from app.importers.detect import import_file, sniff
from app.importers.reading import display_name, read_path, read_stream
from tests.helpers import ROOT
from tests.importers import hostile
from tests.importers.docx_factory import build_docx, p
from tests.pdf_factory import build_document


def peak(path: Path) -> dict[str, object]:
    """Import ``path`` in a child process; its outcome and peak RSS in MB."""
    run = subprocess.run(
        [sys.executable, "-m", "tests.importers.peak", str(path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    outcome: dict[str, object] = json.loads(run.stdout)
    return outcome


# --- archives ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "build"), [("a.docx", hostile.small_docx), ("a.odt", hostile.small_odt)]
)
@pytest.mark.parametrize("patch", [{"flag": 0x1}, {"method": 99}], ids=["encrypted-flag", "aes-99"])
def test_encrypted_zip_members_refused_in_one_line(
    name: str, build: object, patch: dict[str, int]
) -> None:
    assert callable(build)
    data = hostile.patch_members(build(), **patch)
    with pytest.raises(ImportFailedError, match="password") as info:
        import_file(data, name)
    assert "\n" not in str(info.value)


def test_unknown_compression_method_is_damaged() -> None:
    data = hostile.patch_members(hostile.small_docx(), method=77)
    with pytest.raises(ImportFailedError, match="damaged"):
        import_file(data, "a.docx")


def test_unencrypted_archives_still_read() -> None:
    assert import_file(hostile.small_docx(), "a.docx").text == "We support this paper."
    assert import_file(hostile.small_odt(), "a.odt").text == "We support this paper."


def test_docx_text_part_over_the_cap_refused_in_bounded_memory(tmp_path: Path) -> None:
    """Issue 11 §4: a 280 MB document.xml under the ratio cap peaked at 7 GB."""
    path = tmp_path / "huge.docx"
    hostile.write_big_docx(path, 280 * 1024 * 1024)
    assert path.stat().st_size < 100 * 1024 * 1024  # within the file size limit
    outcome = peak(path)
    assert outcome["outcome"] == "refused" and outcome["error"] == "FileTooLargeError"
    assert "unpacks to 280 MB" in str(outcome["message"])
    assert isinstance(outcome["peak_mb"], int) and outcome["peak_mb"] < 1024


def test_large_docx_within_the_cap_imports_in_bounded_memory(tmp_path: Path) -> None:
    path = tmp_path / "large.docx"
    hostile.write_big_docx(path, 12 * 1024 * 1024)
    outcome = peak(path)
    assert outcome["outcome"] == "imported"
    assert isinstance(outcome["peak_mb"], int) and outcome["peak_mb"] < 1024


def test_text_part_cap_applies_to_each_member(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(safety, "MAX_XML_PART", 1000)
    with pytest.raises(FileTooLargeError, match="Split it into parts"):
        import_file(build_docx(p("x" * 2000)), "a.docx")


# --- web pages -----------------------------------------------------------------


@pytest.mark.parametrize(
    "opening", ["<p><font face=Arial>", "<div>", "<font size=2>", "<div><font color=red>"]
)
@pytest.mark.parametrize("paragraphs", [400, 3000])
def test_legacy_tag_soup_imports_completely(opening: str, paragraphs: int) -> None:
    result = import_file(hostile.tag_soup(paragraphs, opening), "legacy.html")
    assert result.text.count("of the legacy page.") == paragraphs
    assert f"Paragraph {paragraphs - 1} of the legacy page." in result.text


def test_page_nested_beyond_any_parser_limit_is_refused_saying_why() -> None:
    data = hostile.tag_soup(3000, "<blockquote>")
    with pytest.raises(ImportFailedError) as info:
        import_file(data, "deep.html")
    message = str(info.value)
    assert "2,048 levels" in message and "no text" not in message and "\n" not in message


def test_page_with_too_many_tags_refused_before_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(html_importer, "MAX_TAGS", 1000)
    with pytest.raises(FileTooLargeError, match="tags"):
        import_file(hostile.tag_soup(600, "<p><b>"), "dense.html")
    assert import_file(hostile.tag_soup(400, "<p>"), "light.html").text


def test_text_node_over_ten_megabytes_keeps_what_follows() -> None:
    big = "word " * (2_200_000)
    data = f"<html><body><p>{big}</p><p>The last paragraph.</p></body></html>".encode()
    result = import_file(data, "big.html")
    assert result.text.endswith("The last paragraph.")
    assert len(result.text) > 10_000_000


# --- reading inputs --------------------------------------------------------------


def test_dev_zero_refused_before_reading() -> None:
    with pytest.raises(ImportFailedError, match="device, pipe or socket"):
        read_path(Path("/dev/zero"))


def test_fifo_refused_without_hanging(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    outcome: list[BaseException] = []
    worker = threading.Thread(target=lambda: _catch(outcome, fifo), daemon=True)
    worker.start()
    worker.join(10)
    assert not worker.is_alive(), "reading a FIFO hangs"
    assert isinstance(outcome[0], ImportFailedError)


def _catch(outcome: list[BaseException], path: Path) -> None:
    try:
        read_path(path)
    except BaseException as error:
        outcome.append(error)


def test_folder_refused(tmp_path: Path) -> None:
    with pytest.raises(ImportFailedError, match="folder"):
        read_path(tmp_path)


def test_oversized_file_refused_from_its_size(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"a" * 2000)
    with pytest.raises(FileTooLargeError):
        read_path(path, max_bytes=1000)
    assert read_path(path, max_bytes=2000) == b"a" * 2000


class _Endless(io.RawIOBase):
    """Standard input fed from /dev/zero: it never ends."""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        buffer[:] = b"\0" * len(buffer)
        return len(buffer)


def test_endless_stream_refused_after_the_limit() -> None:
    with pytest.raises(FileTooLargeError):
        read_stream(io.BufferedReader(_Endless()), max_bytes=5 * 1024 * 1024)
    assert read_stream(io.BytesIO(b"short"), max_bytes=5) == b"short"


def test_display_name_of_undecodable_bytes() -> None:
    name = os.fsdecode(b"\xff\xfestatement.txt")
    shown = display_name(name)
    shown.encode("utf-8")  # printable and storable
    assert shown.endswith("statement.txt") and "\ufffd" in shown


# --- sniffing ------------------------------------------------------------------


def test_text_mentioning_the_pdf_signature_is_text() -> None:
    data = b"Notes on formats.\nA PDF file starts with %PDF-1.7 and ends with %%EOF.\n"
    assert sniff(data, ".txt") == "text"
    assert import_file(data, "notes.txt").text.startswith("Notes on formats.")
    html = b"<html><body><p>The header %PDF-1.4 opens every PDF.</p></body></html>"
    assert import_file(html, "page.html").text == "The header %PDF-1.4 opens every PDF."


def test_pdf_with_leading_junk_is_still_a_pdf() -> None:
    data = b"Content-Type: application/pdf\r\n\r\n" + build_document(1)
    assert sniff(data, ".pdf") == "pdf"
    assert sniff(build_document(1), ".txt") == "pdf"


@pytest.mark.parametrize("build", [hostile.elf_binary, hostile.control_garbage])
def test_binary_named_txt_refused(build: object) -> None:
    assert callable(build)
    with pytest.raises(ImportFailedError) as info:
        import_file(build(), "statement.txt")
    assert "\n" not in str(info.value)


def test_utf16_without_bom_is_still_text() -> None:
    data = "A statement in UTF-16 without a byte order mark.\n".encode("utf-16-le")
    assert import_file(data, "s.txt").text.startswith("A statement in UTF-16")


# --- time: Markdown and cancel --------------------------------------------------------


def test_emphasis_soup_parses_in_linear_time() -> None:
    """200 KB of "*a " after a "# " line took 185 s with the old regular expressions."""
    data = b"# Heading\n" + b"*a " * 70_000
    result = import_file(data, "soup.txt")
    assert result.media_type == "text/markdown"
    assert result.text.startswith("Heading\n")


def test_cancel_stops_inside_one_long_line() -> None:
    token = CancelToken()
    seen: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> None:
        seen.append((done, total))
        if 0 < done < total and total > 100_000:
            token.cancel()

    data = b"# Heading\n" + b"[a *b " * 60_000
    with pytest.raises(ImportCancelled):
        import_file(data, "long.md", ImportOptions(progress=progress, cancel=token))
    assert any(0 < done < total for done, total in seen)


def test_huge_markdown_is_read_as_plain_text_with_a_warning() -> None:
    data = b"# Title\n\n" + b"Some *words* here.\n" * 120_000
    result = import_file(data, "big.md")
    assert result.media_type == "text/plain"
    assert any("Markdown" in w for w in result.warnings)


def _cancel_after_first_step() -> tuple[ImportOptions, list[tuple[int, int]]]:
    """Options whose progress cancels as soon as work on a large part has begun."""
    token = CancelToken()
    seen: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> None:
        seen.append((done, total))
        if done > 0 and total > 2 * 1024 * 1024:
            token.cancel()

    return ImportOptions(progress=progress, cancel=token), seen


def test_cancel_stops_while_a_large_docx_part_is_parsed(tmp_path: Path) -> None:
    path = tmp_path / "large.docx"
    hostile.write_big_docx(path, 6 * 1024 * 1024)
    options, seen = _cancel_after_first_step()
    with pytest.raises(ImportCancelled):
        import_file(path.read_bytes(), "large.docx", options)
    assert seen[-1][0] < seen[-1][1]  # stopped part-way through the part


def test_cancel_stops_while_a_large_page_is_parsed() -> None:
    page = b"<html><body>" + b"<p>A paragraph of the page.</p>" * 200_000 + b"</body></html>"
    options, seen = _cancel_after_first_step()
    with pytest.raises(ImportCancelled):
        import_file(page, "large.html", options)
    assert seen[-1][0] < seen[-1][1]
