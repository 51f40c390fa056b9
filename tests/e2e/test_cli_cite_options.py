"""Options of the cite and respond steps and of a source, from the command line.

``cite`` marks a quote that cuts a sentence with "…" unless ``--no-ellipsis``;
``respond --type`` fills the table's comment-type column; ``import --language``
and ``source-language`` set the language a quote carries in Word.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from lxml import etree

from app.cli import main

NS = {"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main"}
TEXT = "Enhanced cooperation should have the characteristics of transparency. It is needed.\n"


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    capsys.readouterr()
    code = main(list(args))
    out, err = capsys.readouterr()
    assert code == 0, err
    return out.strip()


def test_cite_respond_and_source_options_reach_the_table(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = str(tmp_path / "p.rejoinder")
    text = tmp_path / "japan.txt"
    text.write_text(TEXT, encoding="utf-8")
    _run(capsys, "new", project, "--title", "T", "--org", "Brazil", "--language", "fr")
    source = _run(capsys, "import", project, str(text), "--party", "le Japon", "--language", "en")
    cut = _run(capsys, "cite", project, "--source", source, "--quote", "should have the")
    plain = _run(capsys, "cite", project, "--source", source, "--quote", "It is", "--no-ellipsis")
    _run(capsys, "respond", project, "--passage", cut, "--text", "Oui.", "--type", "editorial")
    _run(capsys, "respond", project, "--passage", cut, "--status", "proposed")
    _run(capsys, "respond", project, "--passage", plain, "--text", "Non.", "--status", "proposed")
    out = tmp_path / "table.docx"
    _run(capsys, "export", project, "-o", str(out), "--layout", "table")
    with zipfile.ZipFile(out) as z:
        body = etree.fromstring(z.read("word/document.xml"))
    rows = body.xpath("//w:tbl/w:tr", namespaces=NS)
    cells = [["".join(c.itertext()) for c in r.xpath("w:tc", namespaces=NS)] for r in rows]
    assert cells[1][4] == "… should have the …" and cells[1][3] == "rédactionnelle"
    assert cells[2][4] == "It is" and cells[2][3] == "générale"
    langs = body.xpath("//w:tbl//w:tr[2]/w:tc[5]//w:r/w:rPr/w:lang/@w:val", namespaces=NS)
    assert langs == ["en-GB"]
    _run(capsys, "source-language", project, source, "fr")
    _run(capsys, "export", project, "-o", str(out), "--layout", "table")
    with zipfile.ZipFile(out) as z:
        body = etree.fromstring(z.read("word/document.xml"))
    assert "en-GB" not in body.xpath("//w:tbl//w:lang/@w:val", namespaces=NS)


def test_bad_type_or_language_changes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = str(tmp_path / "p.rejoinder")
    text = tmp_path / "japan.txt"
    text.write_text(TEXT, encoding="utf-8")
    _run(capsys, "new", project, "--title", "T", "--org", "Brazil")
    assert main(["import", project, str(text), "--language", "English!"]) == 2
    assert "language code" in capsys.readouterr().err
    assert _run(capsys, "sources", project) == ""
    with pytest.raises(SystemExit):
        main(["respond", project, "--passage", "x", "--type", "cosmetic"])
