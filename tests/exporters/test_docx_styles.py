"""Named styles a secretariat restyles from the Styles pane, and the spacing of lists.

Comments, lead-ins and list items are paragraphs of named styles that carry
their numbering (not Normal paragraphs with direct indentation); consecutive
lists keep a gap; our own lists number "1."; a run that starts with a space
after a space prints one space.
"""

from __future__ import annotations

import dataclasses
import itertools
from pathlib import Path

import pytest

from app.core.contribution.model import ListBlock, ParagraphBlock
from app.exporters.docx import export_docx
from app.exporters.layout import Layout
from tests.exporters.docx_helpers import NS, W, part_xml, small_contribution


def _export(tmp_path: Path, layout: Layout = Layout.GROUPED) -> tuple[object, object, object]:
    base = small_contribution()
    topic = base.sections[0]
    blocks = (
        ParagraphBlock("para-1", "We <u> strongly</u> agree."),
        ListBlock("list-1", ("First point", "Second point")),
        ListBlock("list-2", ("Third point", "Fourth point")),
        *topic.blocks,
    )
    tree = dataclasses.replace(
        base, sections=(dataclasses.replace(topic, blocks=blocks), *base.sections[1:])
    )
    out = tmp_path / f"{layout.value}.docx"
    export_docx(tree, out, layout=layout)
    return (
        part_xml(out, "word/document.xml"),
        part_xml(out, "word/styles.xml"),
        part_xml(out, "word/numbering.xml"),
    )


def _style(p: object) -> str:
    found = p.find("w:pPr/w:pStyle", NS)  # type: ignore[attr-defined]
    return "" if found is None else str(found.get(f"{W}val"))


def _text(p: object) -> str:
    return "".join(p.xpath(".//w:t/text()", namespaces=NS))  # type: ignore[attr-defined]


@pytest.mark.parametrize("layout", [Layout.GROUPED, Layout.INTERLEAVED])
def test_no_paragraph_of_ours_has_direct_indentation(tmp_path: Path, layout: Layout) -> None:
    body, _, _ = _export(tmp_path, layout)
    assert body.xpath("//w:body/w:p/w:pPr/w:ind", namespaces=NS) == []  # type: ignore[attr-defined]
    assert body.xpath("//w:body/w:p/w:pPr/w:keepNext", namespaces=NS) == []  # type: ignore[attr-defined]


def test_comments_lead_ins_and_list_items_have_named_styles_with_numbering(
    tmp_path: Path,
) -> None:
    body, styles, numbering = _export(tmp_path)
    paragraphs = list(body.iter(f"{W}p"))  # type: ignore[attr-defined]
    by_text = {_text(p): _style(p) for p in paragraphs}
    assert by_text["First point"] == "ListNumber"
    assert any(s == "LeadIn" for s in by_text.values())
    assert any(s == "CommentNumbered" for s in by_text.values())
    assert any(s == "QuoteNumbered" for s in by_text.values())
    names = {
        s.get(f"{W}styleId"): s
        for s in styles.iterchildren(f"{W}style")  # type: ignore[attr-defined]
    }
    abstracts = {
        a.find("w:lvl/w:pStyle", NS).get(f"{W}val"): a.find("w:lvl/w:lvlText", NS).get(f"{W}val")
        for a in numbering.iterchildren(f"{W}abstractNum")  # type: ignore[attr-defined]
    }
    nums = {
        n.get(f"{W}numId"): n.find("w:abstractNumId", NS).get(f"{W}val")
        for n in numbering.iterchildren(f"{W}num")  # type: ignore[attr-defined]
    }
    for style_id, text in (
        ("ListNumber", "%1."),
        ("CommentNumbered", "%1)"),
        ("QuoteNumbered", "%1)"),
        ("ListBullet", "\u2022"),
    ):
        style = names[style_id]
        num_id = style.find("w:pPr/w:numPr/w:numId", NS).get(f"{W}val")
        assert nums[num_id] is not None, style_id
        assert abstracts[style_id] == text
        assert style.find("w:pPr/w:ind", NS) is not None
    assert names["LeadIn"].find("w:pPr/w:keepNext", NS) is not None


def test_consecutive_lists_keep_a_gap_and_restart(tmp_path: Path) -> None:
    body, _, _ = _export(tmp_path)
    paragraphs = {_text(p): p for p in body.iter(f"{W}p")}  # type: ignore[attr-defined]
    second, third = paragraphs["Second point"], paragraphs["Third point"]
    gap = second.find("w:pPr/w:spacing", NS)
    assert gap is not None and int(gap.get(f"{W}after")) >= 200
    ids = [p.find("w:pPr/w:numPr/w:numId", NS).get(f"{W}val") for p in (second, third)]
    assert ids[0] != ids[1]


def test_a_run_starting_with_a_space_after_a_space_prints_one_space(tmp_path: Path) -> None:
    body, _, _ = _export(tmp_path)
    texts = [_text(p) for p in body.iter(f"{W}p")]  # type: ignore[attr-defined]
    assert "We strongly agree." in texts
    underlined = body.xpath("//w:r[w:rPr/w:u]/w:t/text()", namespaces=NS)  # type: ignore[attr-defined]
    assert "strongly" in underlined


def _left_indent(styles: object, style_id: str) -> int:
    """The left indent a paragraph style gives, following ``basedOn``."""
    while style_id:
        style = styles.find(f"w:style[@w:styleId='{style_id}']", NS)  # type: ignore[attr-defined]
        ind = style.find("w:pPr/w:ind", NS)
        if ind is not None and ind.get(f"{W}left") is not None:
            return int(ind.get(f"{W}left"))
        based = style.find("w:basedOn", NS)
        style_id = based.get(f"{W}val") if based is not None else ""
    return 0


def test_an_interleaved_answer_stands_at_the_margin_under_its_indented_quote(
    tmp_path: Path,
) -> None:
    # the sample's pattern: quotes indented, our own words (lead-ins, answers) at the margin;
    # an answer indented less than its quote (CommentContinued) read as neither
    body, styles, _numbering = _export(tmp_path, Layout.INTERLEAVED)
    paragraphs = body.findall(".//w:body/w:p", NS)  # type: ignore[attr-defined]
    style_of = [p.find("w:pPr/w:pStyle", NS) for p in paragraphs]
    names = [s.get(f"{W}val") if s is not None else "" for s in style_of]
    answers = [
        after for before, after in itertools.pairwise(names)
        if before == "QuoteNumbered" and not after.startswith("Quote")
    ]  # fmt: skip
    assert answers and set(answers) == {"Comment"}
    assert _left_indent(styles, "Comment") == _left_indent(styles, "LeadIn") == 0
    assert _left_indent(styles, "Quote") > 0
