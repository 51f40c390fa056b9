"""The README's recipe for scripting a contribution, followed literally, prints the sample.

Every command is one the README shows (``new``, ``import``, ``sources``,
``sections``, ``add-section``, ``add-block``, ``cite``, ``edit-quote``,
``respond``, ``check``, ``export``), with the options it documents: a
highlight answered with a status and no text, a cross-reference by
``--target``, a lead-in removed with ``--lead-in ""``, a draft left out. The
Word file is then read as a secretariat would: headings, lead-ins, numbered
quotes "1) …", comments, the highlight, the cross-reference sentence.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from lxml import etree

from app.cli import main

NS = {"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main"}
W = "{" + NS["w"] + "}"

JAPAN = (
    "Contribution from Japan\n\n"
    "1. We believe that enhanced cooperation should have the characteristics of "
    "transparency and accountability, as agreed in Tunis.\n\n"
    "2. We think enhanced cooperation has been implemented to a substantial extent.\n\n"
    "3. The IANA transition has been successfully accomplished.\n\n"
    "4. No new mechanism is required.\n"
)
EU = "Contribution from the EU\n\n1. Enhanced cooperation is an ongoing process.\n"


class Recipe:
    def __init__(self, folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
        self.file = str(folder / "wgec.rejoinder")
        self.folder = folder
        self.capsys = capsys

    def __call__(self, command: str, *args: str, code: int = 0) -> tuple[str, str]:
        self.capsys.readouterr()
        assert main([command, self.file, *args]) == code
        out, err = self.capsys.readouterr()
        return out.strip(), err.strip()


def _paragraphs(path: Path) -> list[tuple[str, str, str]]:
    """(style, list text such as "%1)" or "", text) of every body paragraph."""
    with zipfile.ZipFile(path) as z:
        body = etree.fromstring(z.read("word/document.xml"))
        numbering = etree.fromstring(z.read("word/numbering.xml"))
    formats = {
        a.get(f"{W}abstractNumId"): a.find("w:lvl/w:lvlText", NS).get(f"{W}val")
        for a in numbering.iterfind("w:abstractNum", NS)
    }
    lists = {
        n.get(f"{W}numId"): formats[n.find("w:abstractNumId", NS).get(f"{W}val")]
        for n in numbering.iterfind("w:num", NS)
    }
    out = []
    for p in body.iter(f"{W}p"):
        style = p.find("w:pPr/w:pStyle", NS)
        num = p.find("w:pPr/w:numPr/w:numId", NS)
        text = "".join(p.xpath(".//w:t/text()", namespaces=NS))
        out.append(
            (
                "" if style is None else style.get(f"{W}val"),
                "" if num is None else lists[num.get(f"{W}val")],
                text,
            )
        )
    return out


def test_the_readme_recipe_prints_the_sample_pattern(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run = Recipe(tmp_path, capsys)
    (tmp_path / "japan.txt").write_text(JAPAN, encoding="utf-8")
    (tmp_path / "eu.txt").write_text(EU, encoding="utf-8")
    main(["new", run.file, "--title", "Comments on contributions to WGEC", "--org", "APIG"])
    japan, _ = run("import", str(tmp_path / "japan.txt"), "--party", "Japan")
    eu, _ = run("import", str(tmp_path / "eu.txt"), "--party", "the EU")
    listed, _ = run("sources")
    assert [line.split("\t")[1] for line in listed.splitlines()] == ["Japan", "the EU"]
    sections, _ = run("sections")
    party_sections = [line.split("\t") for line in sections.splitlines()]
    assert [s[2] for s in party_sections] == ["Contribution from Japan", "Contribution from the EU"]
    japan_section, eu_section = party_sections[0][0], party_sections[1][0]

    preliminary, _ = run("add-section", "--heading", "Preliminary remark", "--index", "0")
    thanks = 'We thank the secretariat.<fn>See <a href="https://example.org">example.org</a>.</fn>'
    run("add-block", "--section", preliminary, "--kind", "paragraph", "--text", thanks)
    run("add-block", "--section", preliminary, "--kind", "list", "--text", "First\nSecond")

    cut, _ = run(
        "cite",
        "--source",
        japan,
        "--quote",
        "enhanced cooperation should have the characteristics of",
    )
    whole, _ = run("cite", "--source", japan, "--quote",
        "We think enhanced cooperation has been implemented to a substantial extent.")  # fmt: skip
    highlight, _ = run("cite", "--source", japan, "--quote",
        "The IANA transition has been successfully accomplished.")  # fmt: skip
    draft, _ = run("cite", "--source", japan, "--quote", "No new mechanism is required.")
    run("respond", "--passage", cut, "--text", "We <u> agree</u>.",
        "--position", "agree", "--status", "proposed")  # fmt: skip
    run("respond", "--passage", whole, "--text", "We disagree.<fn>See our paper.</fn>",
        "--position", "disagree", "--status", "proposed")  # fmt: skip
    run("respond", "--passage", highlight, "--status", "proposed")
    run("respond", "--passage", highlight, "--status", "agreed")
    run("respond", "--passage", draft, "--text", "To be discussed.")
    run(
        "edit-quote",
        "--passage",
        whole,
        "--text",
        "We think enhanced cooperation has been implemented …",
    )

    run("add-block", "--section", eu_section, "--kind", "citations", "--lead-in", "")
    eu_quote, _ = run(
        "cite", "--source", eu, "--quote", "Enhanced cooperation is an ongoing process."
    )
    run("respond", "--passage", eu_quote, "--text", "We agree.", "--status", "proposed")
    run(
        "add-block", "--section", eu_section, "--kind", "cross_reference", "--target", japan_section
    )

    problems, _ = run("check", code=1)
    assert "still a draft" in problems
    out_path = tmp_path / "contribution.docx"
    said, told = run("export", "-o", str(out_path))
    assert "1 passage left out because its response is still a draft." in said + told

    printed = _paragraphs(out_path)
    texts = [text for _, _, text in printed]
    assert texts[0] == "Comments on contributions to WGEC"
    at = texts.index("Contribution from Japan")
    assert printed[at][0] == "Heading1"
    japan_part = printed[at + 1 : texts.index("Contribution from the EU")]
    assert japan_part == [
        ("LeadIn", "", "We cite the following portions of this paper:"),
        ("QuoteNumbered", "%1)", "… enhanced cooperation should have the characteristics of …"),
        ("QuoteNumbered", "%1)", "We think enhanced cooperation has been implemented …"),
        ("LeadIn", "", "We comment on these statements as follows:"),
        ("CommentNumbered", "%1)", "We agree."),
        ("CommentNumbered", "%1)", "We disagree."),
        ("LeadIn", "", "We highlight this part of the paper:"),
        ("Quote", "", "The IANA transition has been successfully accomplished."),
    ]
    eu_part = printed[texts.index("Contribution from the EU") + 1 :]
    assert eu_part == [
        ("QuoteNumbered", "%1)", "Enhanced cooperation is an ongoing process."),
        ("LeadIn", "", "We comment on these statements as follows:"),
        ("CommentNumbered", "%1)", "We agree."),
        ("", "", "We refer to our comments above on the contribution from Japan."),
    ]
    assert "No new mechanism is required." not in texts and "To be discussed." not in texts
    preliminary_part = printed[texts.index("Preliminary remark") + 1 : at]
    assert preliminary_part == [
        ("", "", "We thank the secretariat."),
        ("ListNumber", "%1.", "First"),
        ("ListNumber", "%1.", "Second"),
    ]
    with zipfile.ZipFile(out_path) as z:
        notes = z.read("word/footnotes.xml").decode("utf-8")
    assert "See our paper." in notes and "example.org" in notes
