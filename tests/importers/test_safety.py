"""Hostile archives and XML are refused before they can exhaust memory."""

from __future__ import annotations

import io
import time
import zipfile

import pytest

from app.core.errors import FileTooLargeError, ImportFailedError
from app.importers import safety
from app.importers.base import ImportOptions
from app.importers.detect import import_file
from app.importers.docx import import_bytes as import_docx
from tests.importers.docx_factory import build_docx, p


def zip_with(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def test_compression_ratio_bomb_refused_before_unpacking() -> None:
    buffer = io.BytesIO(build_docx(p("x")))
    with zipfile.ZipFile(buffer, "a", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/media/padding.bin", b"\0" * (20 * 1024 * 1024))
    with pytest.raises(FileTooLargeError, match="compressed far more"):
        import_file(buffer.getvalue(), "bomb.docx")


def test_total_size_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(safety, "MAX_TOTAL_UNCOMPRESSED", 1000)
    data = build_docx(p("y" * 2000))
    with pytest.raises(FileTooLargeError, match="unpacks to"):
        import_docx(data, ImportOptions())


def test_member_count_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(safety, "MAX_MEMBERS", 5)
    data = zip_with({f"f{i}.xml": b"<a/>" for i in range(6)})
    with pytest.raises(FileTooLargeError, match="parts"):
        safety.open_zip(data)


def test_lying_size_in_directory_cannot_grow_reads() -> None:
    data = zip_with({"a.xml": b"<a>" + b"x" * 5000 + b"</a>"})
    with safety.open_zip(data) as archive:
        info = archive.getinfo("a.xml")
        info.file_size = 10
        with pytest.raises(ImportFailedError):
            safety.read_member(archive, "a.xml")


def test_entity_expansion_not_performed() -> None:
    laughs = (
        b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa">'
        b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">'
        b'<!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;"><!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">'
        b"]><d>&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;</d>"
    )
    started = time.perf_counter()
    try:
        root = safety.parse_xml(laughs)
    except ImportFailedError:
        pass
    else:
        assert len("".join(root.itertext())) < 1000
    assert time.perf_counter() - started < 1


def test_external_entity_not_resolved() -> None:
    xxe = b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><d>&x;</d>'
    root = safety.parse_xml(xxe)
    assert "root:" not in "".join(root.itertext())


def test_malformed_xml_is_a_damaged_file() -> None:
    with pytest.raises(ImportFailedError, match="damaged"):
        safety.parse_xml(b"<w:document><unclosed>")
