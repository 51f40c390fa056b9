"""LibreOffice renders the export: footnotes at the page bottom, quotes, list numbers.

The review copy too: its Word comments are numbered after the footnotes,
since LibreOffice 7.4 takes a comment whose id is a footnote's for that
footnote and prints the footnotes empty or with another's text (TECHNOTES).
"""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from app.exporters.docx import export_docx
from tests.exporters.apig_sample import CONSENSUS_NOTE, apig_contribution
from tests.exporters.docx_helpers import small_contribution

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

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


def _footnote_texts(docx_path: Path) -> list[str]:
    with zipfile.ZipFile(docx_path) as archive:
        root = etree.fromstring(archive.read("word/footnotes.xml"))
    texts = []
    for note in root.iter(f"{W}footnote"):
        if int(note.get(f"{W}id", "0")) > 0:
            texts.append(" ".join("".join(note.itertext()).split()))
    return texts


def test_libreoffice_prints_every_footnote_of_the_review_copy(tmp_path: Path) -> None:
    out = tmp_path / "review.docx"
    # a note's comment on the first quote sits between the two footnotes
    export_docx(small_contribution(review_copy=True), out)
    with zipfile.ZipFile(out) as archive:
        assert "word/comments.xml" in archive.namelist()
    notes = _footnote_texts(out)
    assert len(notes) == 2
    text = _text(_to_pdf(out, tmp_path))
    for number, note in enumerate(notes, start=1):
        # "N text" at the page bottom, in order, each with its own text
        assert f"{number} {note[:30]}" in text, number


@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_no_table_header_word_breaks_in_the_middle(tmp_path: Path, language: str) -> None:
    from app.core.phrasebook import load_phrasebook
    from app.exporters.layout import Layout

    out = tmp_path / f"table-{language}.docx"
    export_docx(small_contribution(language=language), out, layout=Layout.TABLE)
    pdf = _to_pdf(out, tmp_path)
    text = " ".join(
        subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True)
        .stdout.decode("utf-8")
        .split()
    )
    phrases = load_phrasebook(language)
    keys = ("table_number", "table_party", "table_location", "table_type")
    keys += ("table_quote", "table_comment", "table_proposed", "table_observations")
    for key in keys:
        # a header may wrap between words, never inside one ("Type of commen t")
        assert " ".join(phrases.text(key).split()) in text, key
