"""The APIG 2017 sample, reproduced through the exporter and checked in the XML."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from app.exporters.docx import export_docx
from app.exporters.layout import Layout
from tests.exporters.apig_sample import CONSENSUS_NOTE, apig_contribution
from tests.exporters.docx_helpers import NS, W, part_xml, rels


@pytest.fixture(scope="module")
def sample_docx(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("sample") / "apig.docx"
    export_docx(apig_contribution(), path)
    return path


def _style(p: object) -> str:
    found = p.find("w:pPr/w:pStyle", NS)  # type: ignore[attr-defined]
    return "" if found is None else str(found.get(f"{W}val"))


def _text(p: object) -> str:
    return "".join(t.text or "" for t in p.iter(f"{W}t"))  # type: ignore[attr-defined]


def test_reopens_with_python_docx_and_has_a_heading_per_party(sample_docx: Path) -> None:
    document = docx.Document(str(sample_docx))
    headings = [
        p.text
        for p in document.paragraphs
        if p.style is not None and p.style.style_id == "Heading1"
    ]
    for party in ("Parminder Jeet Singh", "Japan", "Mexico", "USA", "DENIC", "UNESCWA"):
        assert f"Contribution from {party}" in headings
    assert document.paragraphs[0].text == "Comments on contributions to WGEC"
    assert document.paragraphs[0].style is not None
    assert document.paragraphs[0].style.style_id == "Title"


def test_numbering_restarts_per_block_through_numbering_xml(sample_docx: Path) -> None:
    body = part_xml(sample_docx, "word/document.xml")
    numbering = part_xml(sample_docx, "word/numbering.xml")
    abstract = {
        a.get(f"{W}abstractNumId"): a.find("w:lvl/w:lvlText", NS).get(f"{W}val")
        for a in numbering.findall("w:abstractNum", NS)
    }
    nums = {n.get(f"{W}numId"): n for n in numbering.findall("w:num", NS)}
    used: list[str] = []
    styles: dict[str, str] = {}
    for p in body.iter(f"{W}p"):
        num_id = p.find("w:pPr/w:numPr/w:numId", NS)
        if num_id is not None and num_id.get(f"{W}val") not in used:
            used.append(str(num_id.get(f"{W}val")))
            styles[used[-1]] = _style(p)
    # Japan: quotes and comments; Mexico, USA, CIS, Nick Aston Hart, the ICANN list.
    assert len(used) >= 11
    for num_id in used:
        num = nums[num_id]
        start = num.find("w:lvlOverride/w:startOverride", NS)
        assert start is not None and start.get(f"{W}val") == "1"
        target = num.find("w:abstractNumId", NS).get(f"{W}val")
        # Citations number "1)" as the sample does, our own lists (the ICANN list) "1.".
        assert abstract[target] == ("%1." if styles[num_id] == "ListNumber" else "%1)")
    assert "ListNumber" in styles.values()
    # No number is typed into the text.
    japan_quotes = [_text(p) for p in body.iter(f"{W}p") if _text(p).startswith(("1)", "2)", "3)"))]
    assert japan_quotes == []


def test_quotes_use_quote_style_and_keep_elisions(sample_docx: Path) -> None:
    body = part_xml(sample_docx, "word/document.xml")
    quotes = [_text(p) for p in body.iter(f"{W}p") if _style(p).startswith("Quote")]
    assert any(q.startswith("… enhanced cooperation") for q in quotes)
    assert any(q.startswith("[No] recommendations") for q in quotes)


def test_consensus_footnote_is_the_eleventh(sample_docx: Path) -> None:
    notes = part_xml(sample_docx, "word/footnotes.xml")
    real = [f for f in notes.findall("w:footnote", NS) if f.get(f"{W}type") is None]
    assert len(real) == 14
    eleventh = real[10]
    assert _text(eleventh) == CONSENSUS_NOTE
    assert eleventh.find(".//w:footnoteRef", NS) is not None
    body = part_xml(sample_docx, "word/document.xml")
    refs = [r.get(f"{W}id") for r in body.iter(f"{W}footnoteReference")]
    assert refs == [f.get(f"{W}id") for f in real]
    separators = {f.get(f"{W}type") for f in notes.findall("w:footnote", NS)}
    assert {"separator", "continuationSeparator"} <= separators


def test_underlined_recommendations_are_underline_runs(sample_docx: Path) -> None:
    body = part_xml(sample_docx, "word/document.xml")
    underlined = [
        "".join(t.text or "" for t in r.iter(f"{W}t"))
        for r in body.iter(f"{W}r")
        if r.find("w:rPr/w:u", NS) is not None
    ]
    assert any(
        u.startswith("Consequently, we recommend that Internet governance") for u in underlined
    )


def test_hyperlinks_have_relationships_on_their_own_part(sample_docx: Path) -> None:
    notes = part_xml(sample_docx, "word/footnotes.xml")
    note_rels = rels(sample_docx, "footnotes.xml")
    links = notes.findall(".//w:hyperlink", NS)
    assert len(links) == 13
    for link in links:
        kind, target = note_rels[str(link.get(f"{{{NS['r']}}}id"))]
        assert kind == "hyperlink" and target.startswith("http")
        run_style = link.find("w:r/w:rPr/w:rStyle", NS)
        assert run_style is not None and run_style.get(f"{W}val") == "Hyperlink"
    assert any(t == "http://www.apig.ch" for t in (v[1] for v in note_rels.values()))


@pytest.mark.parametrize("layout", [Layout.INTERLEAVED, Layout.TABLE])
def test_other_layouts_reopen(tmp_path: Path, layout: Layout) -> None:
    path = tmp_path / f"{layout.value}.docx"
    export_docx(apig_contribution(), path, layout=layout)
    document = docx.Document(str(path))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Contribution from Japan" in text
    if layout is Layout.TABLE:
        assert len(document.tables) == 7
        assert [c.text for c in document.tables[0].rows[0].cells][:2] == ["No.", "Party"]
        japan = next(t for t in document.tables if t.rows[1].cells[1].text == "Japan")
        assert japan.rows[1].cells[5].text.startswith("We agree.")
    else:
        assert "We agree. As noted above" in text
        assert "We comment on these statements as follows:" not in text
