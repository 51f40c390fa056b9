"""The export's target and template are checked: no project replaced, no zip bomb, no leak."""

from __future__ import annotations

import errno
import gc
import os
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from unittest import mock

import pytest

from app.core.errors import ExportFailedError, OutputRefusedError
from app.exporters.docx import export_docx
from app.exporters.docx.export import build_document, save_atomically
from app.exporters.docx.template import DEFAULT_TEMPLATE, MAX_MEMBERS
from app.exporters.export import export_project
from tests.core.factories import populated
from tests.exporters.docx_helpers import small_contribution

FULL = OSError(errno.ENOSPC, "No space left on device")


@pytest.fixture
def unraisable() -> Iterator[list[Any]]:
    """Exceptions Python could only report as "Exception ignored in …" (e.g. ZipFile.__del__)."""
    seen: list[Any] = []
    previous = sys.unraisablehook
    sys.unraisablehook = seen.append
    try:
        yield seen
    finally:
        gc.collect()
        sys.unraisablehook = previous


def test_exporting_onto_the_open_project_is_refused(tmp_path: Path) -> None:
    store, *_ = populated(tmp_path / "p.docx.rejoinder")
    with store:
        before = store.path.read_bytes()
        with pytest.raises(OutputRefusedError, match="open project"):
            export_project(store, store.path)
        link = tmp_path / "link.docx"
        os.link(store.path, link)
        with pytest.raises(OutputRefusedError, match="open project"):
            export_project(store, link, review_copy=True)
        assert store.path.read_bytes() == before
        assert store.project().title


def test_a_pdf_name_gets_no_word_document(tmp_path: Path) -> None:
    store, *_ = populated(tmp_path / "p.rejoinder")
    with store, pytest.raises(OutputRefusedError, match=r"does not end in \.docx"):
        export_project(store, tmp_path / "x.pdf")
    assert not (tmp_path / "x.pdf").exists()


@pytest.mark.parametrize(
    "where", ["zipfile._ZipWriteFile.write", "zipfile.ZipFile.writestr", "os.write"]
)
def test_a_full_disk_leaves_no_file_and_no_ignored_zip_error(
    tmp_path: Path, where: str, unraisable: list[Any]
) -> None:
    target = tmp_path / "out.docx"
    target.write_bytes(b"older export")
    document = build_document(small_contribution())
    with (
        mock.patch(where, side_effect=FULL),
        pytest.raises(ExportFailedError, match="disk is full"),
    ):
        save_atomically(document, target)
    del document
    gc.collect()
    assert unraisable == []
    assert target.read_bytes() == b"older export"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.docx"]


def _bomb(path: Path) -> Path:
    """A template whose one extra member inflates to 200 MB of zeros (about 200 KB packed)."""
    with (
        zipfile.ZipFile(DEFAULT_TEMPLATE) as base,
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out,
    ):
        for info in base.infolist():
            out.writestr(info, base.read(info))
        with out.open("word/media/bomb.bin", "w", force_zip64=True) as member:
            chunk = bytes(1 << 20)
            for _ in range(200):
                member.write(chunk)
    return path


def _many_members(path: Path) -> Path:
    with zipfile.ZipFile(DEFAULT_TEMPLATE) as base, zipfile.ZipFile(path, "w") as out:
        for info in base.infolist():
            out.writestr(info, base.read(info))
        for i in range(MAX_MEMBERS + 1):
            out.writestr(f"customXml/item{i}.xml", b"<a/>")
    return path


def _encrypted(path: Path) -> Path:
    """The default template with the encryption flag set on its first member (both headers)."""
    data = bytearray(DEFAULT_TEMPLATE.read_bytes())
    for signature, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        at = data.index(signature) + offset
        data[at] |= 0x1
    path.write_bytes(bytes(data))
    return path


def _fifo(path: Path) -> Path:
    os.mkfifo(path)
    return path


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (_bomb, "unpacks to more than"),
        (_many_members, "unpacks to more than"),
        (_encrypted, "cannot be read"),
        (_fifo, "cannot be read"),
    ],
)
def test_a_hostile_template_is_refused_cleanly(tmp_path: Path, make: Any, message: str) -> None:
    template = make(tmp_path / "hostile.dotx")
    target = tmp_path / "out.docx"
    with pytest.raises(ExportFailedError, match=message):
        export_docx(small_contribution(), target, template=template)
    assert not target.exists()
