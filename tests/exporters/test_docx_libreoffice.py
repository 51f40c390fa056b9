"""LibreOffice renders the export: footnotes at the page bottom, quotes, list numbers.

Run on an export without Word comments: LibreOffice 7.4 mixes up footnote
texts when a comment sits between two footnote references (TECHNOTES).
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from app.exporters.docx import export_docx
from tests.exporters.apig_sample import CONSENSUS_NOTE, apig_contribution

pytestmark = [
    pytest.mark.libreoffice,
    pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed"),
]


def _to_pdf(docx_path: Path, outdir: Path) -> Path:
    profile = outdir / "lo-profile"
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(outdir),
            str(docx_path),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    pdf = outdir / (docx_path.stem + ".pdf")
    assert pdf.exists(), "LibreOffice could not load the export"
    return pdf


def _text(pdf: Path) -> str:
    result = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True
    )
    return " ".join(result.stdout.decode("utf-8").split())


def test_libreoffice_renders_footnotes_quotes_and_numbers(tmp_path: Path) -> None:
    out = tmp_path / "apig.docx"
    export_docx(apig_contribution(), out)
    text = _text(_to_pdf(out, tmp_path))
    assert "Contribution from Japan" in text
    assert "1) … enhanced cooperation should have the characteristics" in text
    assert "3) We strongly disagree, for the reasons given in our paper" in text
    assert "[No] recommendations that could undermine" in text
    # footnote 11 on "Consensus" with its own text at the page bottom
    assert "Consensus11 is NOT unanimity" in text
    assert "11 We reproduce the ISO definition" in text
    assert " ".join(CONSENSUS_NOTE.split()[-6:]) in text
    assert "9 For a discussion of TISA" in text
