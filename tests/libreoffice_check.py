"""Every Word file the tests export is opened by LibreOffice too, not only by python-docx.

Tests leave their exports in their temporary folders; at the end of the
session they are converted to PDF in one LibreOffice run (one start for all,
instead of one per test), and each must give a PDF whose text holds its first
footnote, review copies with Word comments included (the exporter numbers
comments after the footnotes, which LibreOffice 7.4 otherwise mixes up).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from pathlib import Path

from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def exported_documents(folder: Path) -> list[Path]:
    """The .docx files a test wrote that are real Word documents (not broken fixtures)."""
    found = []
    for path in sorted(folder.rglob("*.docx")):
        if not path.is_file():  # a FIFO a test made would block the reader for ever
            continue
        try:
            with zipfile.ZipFile(path) as archive:
                if "word/document.xml" in archive.namelist():
                    found.append(path)
        except (zipfile.BadZipFile, OSError):
            continue
    return found


def _first_footnote(path: Path) -> str | None:
    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
        if "word/footnotes.xml" not in names:
            return None
        root = etree.fromstring(archive.read("word/footnotes.xml"))
    for note in root.iter(f"{W}footnote"):
        if int(note.get(f"{W}id", "0")) > 0:
            text = " ".join("".join(t.text or "" for t in note.iter(f"{W}t")).split())
            return text or None
    return None


def _pdf_text(pdf: Path) -> str:
    out = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, timeout=60)
    return " ".join(out.stdout.decode("utf-8", "replace").split())


def check_with_libreoffice(documents: list[Path], workdir: Path) -> list[str]:
    """Convert all ``documents`` at once; return what went wrong (empty when all is well)."""
    if not documents or shutil.which("soffice") is None or shutil.which("pdftotext") is None:
        return []
    inputs = workdir / "in"
    outputs = workdir / "out"
    inputs.mkdir(parents=True)
    copies = []
    for number, path in enumerate(documents):
        copy = inputs / f"{number:04d}-{re.sub(r'[^A-Za-z0-9.-]', '_', path.name)}"
        shutil.copyfile(path, copy)
        copies.append((path, copy))
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{workdir / 'profile'}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(outputs),
            *[str(copy) for _path, copy in copies],
        ],
        capture_output=True,
        timeout=900,
    )
    problems = []
    for original, copy in copies:
        pdf = outputs / (copy.stem + ".pdf")
        if not pdf.exists():
            problems.append(f"LibreOffice could not open {original}")
            continue
        note = _first_footnote(copy)
        if note is not None and note[:40] not in _pdf_text(pdf):
            problems.append(f"LibreOffice does not show the footnote “{note[:40]}” of {original}")
    return problems
