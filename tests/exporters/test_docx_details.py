"""Word details a secretariat notices: quote languages, underlines, the table, review comments."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from app.core.contribution.model import Citation, CitationsBlock, Comment, Quote
from app.core.phrasebook import status_line_pattern
from app.exporters.docx import export_docx
from app.exporters.layout import Layout
from tests.exporters.docx_helpers import NS, part_xml, small_contribution


def _with_english_quote_and_underline(language: str = "fr") -> object:
    quote = Quote("p-en", "Enhanced cooperation matters.", "Japon", language="en")
    comment = Comment("r-en", "We add<u> new words </u>here.", "partly_agree", "agreed", "Ana Ruiz")
    block = CitationsBlock("b-en", "Lead.", "Comments.", (Citation(quote, comment),))
    base = small_contribution(language=language)
    first = base.sections[0]
    return dataclasses.replace(
        base, sections=(dataclasses.replace(first, blocks=(block,)), *base.sections[1:])
    )


def test_quotes_carry_their_source_language_and_underline_skips_spaces(tmp_path: Path) -> None:
    out = tmp_path / "lang.docx"
    export_docx(_with_english_quote_and_underline(), out)  # type: ignore[arg-type]
    body = part_xml(out, "word/document.xml")
    quote_runs = body.xpath(
        "//w:p[starts-with(w:pPr/w:pStyle/@w:val, 'Quote')]//w:r", namespaces=NS
    )
    english = [r for r in quote_runs if "Enhanced" in "".join(r.itertext())]
    assert english and english[0].xpath("w:rPr/w:lang/@w:val", namespaces=NS) == ["en-GB"]
    underlined = body.xpath("//w:r[w:rPr/w:u]//w:t/text()", namespaces=NS)
    assert "new words" in underlined and not any(t != t.strip() for t in underlined)


def test_the_table_has_numbers_types_and_a_column_for_the_secretariat(tmp_path: Path) -> None:
    out = tmp_path / "table.docx"
    export_docx(small_contribution(), out, layout=Layout.TABLE)
    rows = part_xml(out, "word/document.xml").xpath("//w:tbl/w:tr", namespaces=NS)
    cells = [["".join(c.itertext()) for c in r.xpath("w:tc", namespaces=NS)] for r in rows]
    assert cells[0][0] == "No." and cells[0][3] == "Type of comment"
    assert cells[0][-1] == "Observations of the secretariat"
    assert [row[0] for row in cells[1:]] == [str(n) for n in range(1, len(cells))]
    assert cells[1][3] == "general" and all(row[-1] == "" for row in cells[1:])


def test_review_comments_are_in_the_document_language(tmp_path: Path) -> None:
    out = tmp_path / "review.docx"
    tree = dataclasses.replace(_with_english_quote_and_underline(), review_copy=True)  # type: ignore[type-var]
    export_docx(tree, out)  # type: ignore[arg-type]
    texts = ["".join(c.itertext()) for c in part_xml(out, "word/comments.xml")]
    ours = [t for t in texts if t.startswith("Statut")]
    assert ours and ours[0].startswith(
        "Statut\u00a0: convenu · Position\u00a0: partiellement d’accord · Auteur\u00a0: Ana Ruiz"
    )
    assert "partly_agree" not in "".join(texts)
    assert status_line_pattern().match(ours[0])


def test_the_spanish_table_is_landscape_and_breaks_no_header_word(tmp_path: Path) -> None:
    out = tmp_path / "tabla.docx"
    export_docx(small_contribution(language="es"), out, layout=Layout.TABLE)
    body = part_xml(out, "word/document.xml")
    size = body.find(".//w:sectPr/w:pgSz", NS)
    assert size is not None and size.get(f"{{{NS['w']}}}orient") == "landscape"
    assert int(size.get(f"{{{NS['w']}}}w", "0")) > int(size.get(f"{{{NS['w']}}}h", "0"))
    widths = [int(c) for c in body.xpath("//w:tbl[1]/w:tblGrid/w:gridCol/@w:w", namespaces=NS)]
    header = body.xpath("//w:tbl[1]/w:tr[1]/w:tc", namespaces=NS)
    labels = ["".join(c.itertext()) for c in header]
    assert labels[-1] == "Observaciones de la secretaría" and len(widths) == 8
    # 10 pt bold text needs about 110 twips a letter, plus the cell's 2 × 108 margins.
    for label, width in zip(labels, widths, strict=True):
        longest = max(len(word) for word in label.split())
        assert width >= longest * 110 + 216, label
