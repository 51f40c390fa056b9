"""Word import: order, automatic numbers, notes, tracked changes, real files."""

from __future__ import annotations

import io

import docx as python_docx
import pytest

from app.core.errors import ImportFailedError
from app.importers.base import ImportedText, ImportOptions, ParagraphKind
from app.importers.detect import import_file
from app.importers.docx import import_bytes
from tests.helpers import REALDOCS
from tests.importers.docx_factory import build_docx, lvl, p

DOCX = REALDOCS / "docx"


def texts(result: ImportedText) -> list[str]:
    return [result.text[q.start : q.end] for q in result.paragraphs]


def numbers(result: ImportedText) -> list[str | None]:
    return [q.number for q in result.paragraphs]


def real(name: str) -> ImportedText:
    return import_file((DOCX / name).read_bytes(), name)


NUMBERING = (
    '<w:abstractNum w:abstractNumId="0">'
    + lvl(0, "decimal", "%1.")
    + lvl(1, "lowerLetter", "%2)")
    + lvl(2, "lowerRoman", "(%3)")
    + "</w:abstractNum>"
    + '<w:abstractNum w:abstractNumId="1">'
    + lvl(0, "upperRoman", "%1.", start=5)
    + lvl(1, "decimal", "%1.%2.", extra="<w:isLgl/>")
    + "</w:abstractNum>"
    + '<w:abstractNum w:abstractNumId="2">'
    + lvl(0, "bullet", "\uf0b7")
    + "</w:abstractNum>"
    + '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
    + '<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>'
    + '<w:num w:numId="3"><w:abstractNumId w:val="2"/></w:num>'
    + '<w:num w:numId="4"><w:abstractNumId w:val="0"/>'
    + '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'
    + '<w:num w:numId="5"><w:abstractNumId w:val="0"/></w:num>'
)


def test_list_numbers_levels_formats_and_restarts() -> None:
    body = "".join(
        [
            p("Intro"),
            p("one", num=(1, 0)),
            p("sub a", num=(1, 1)),
            p("sub b", num=(1, 1)),
            p("deep", num=(1, 2)),
            p("deep 2", num=(1, 2)),
            p("two", num=(1, 0)),
            p("sub again", num=(1, 1)),
            p("bullet", num=(3, 0)),
            p("continued via other instance", num=(5, 0)),
            p("restarted", num=(4, 0)),
            p("roman five", num=(2, 0)),
            p("legal", num=(2, 1)),
            p("not numbered", num=(0, 0)),
        ]
    )
    result = import_bytes(build_docx(body, numbering=NUMBERING), ImportOptions())
    assert numbers(result) == [
        None,
        "1.",
        "a)",
        "b)",
        "(i)",
        "(ii)",
        "2.",
        "a)",
        None,
        "3.",
        "1.",
        "V.",
        "5.1.",
        None,
    ]
    assert texts(result)[1] == "1. one"
    assert result.paragraphs[2].kind is ParagraphKind.LIST_ITEM
    assert result.paragraphs[2].level == 2
    assert result.paragraphs[8].kind is ParagraphKind.LIST_ITEM
    assert texts(result)[8] == "bullet"


def test_numbering_through_paragraph_style() -> None:
    styles = (
        '<w:style w:type="paragraph" w:styleId="Para"><w:name w:val="UN Para"/>'
        '<w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>'
        '<w:style w:type="paragraph" w:styleId="ParaChild"><w:name w:val="Child"/>'
        '<w:basedOn w:val="Para"/></w:style>'
    )
    body = p("first", style="Para") + p("second", style="ParaChild") + p("x", style="Para")
    result = import_bytes(build_docx(body, numbering=NUMBERING, styles=styles), ImportOptions())
    assert numbers(result) == ["1.", "2.", "3."]


def test_headings_by_outline_level_and_name() -> None:
    styles = (
        '<w:style w:type="paragraph" w:styleId="berschrift1"><w:name w:val="Überschrift 1"/>'
        "</w:style>"
        '<w:style w:type="paragraph" w:styleId="Custom"><w:name w:val="Mein Titel"/>'
        '<w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>'
        '<w:style w:type="paragraph" w:styleId="Quote"><w:name w:val="Quote"/></w:style>'
    )
    body = p("Eins", style="berschrift1") + p("Zwei", style="Custom") + p("Q", style="Quote")
    result = import_bytes(build_docx(body, styles=styles), ImportOptions())
    kinds = [(q.kind, q.level) for q in result.paragraphs]
    assert kinds == [
        (ParagraphKind.HEADING, 1),
        (ParagraphKind.HEADING, 2),
        (ParagraphKind.QUOTE, 0),
    ]


def test_footnotes_tracked_changes_fields_and_tables() -> None:
    body = (
        '<w:p><w:r><w:t xml:space="preserve">Kept </w:t></w:r>'
        '<w:ins w:id="1"><w:r><w:t xml:space="preserve">inserted </w:t></w:r></w:ins>'
        '<w:del w:id="2"><w:r><w:delText>deleted </w:delText></w:r></w:del>'
        '<w:moveFrom w:id="3"><w:r><w:t>moved away </w:t></w:r></w:moveFrom>'
        "<w:r><w:t>text\u00ad</w:t></w:r>"
        '<w:r><w:footnoteReference w:id="7"/></w:r>'
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText xml:space="preserve"> HYPERLINK "x" </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        '<w:r><w:t xml:space="preserve"> shown</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        "</w:p>"
        "<w:tbl><w:tr><w:tc>"
        + p("cell 1")
        + "</w:tc><w:tc>"
        + p("cell 2")
        + "</w:tc></w:tr></w:tbl>"
        + p("After")
    )
    footnotes = (
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
        '<w:footnote w:id="7"><w:p><w:r><w:footnoteRef/></w:r>'
        '<w:r><w:t xml:space="preserve"> See A/RES/70/1.</w:t></w:r></w:p></w:footnote>'
    )
    data = build_docx(body, footnotes=footnotes, title="Submission", author="Japan")
    result = import_bytes(data, ImportOptions())
    assert texts(result) == [
        "Kept inserted text1 shown",
        "cell 1",
        "cell 2",
        "After",
        "1 See A/RES/70/1.",
    ]
    assert [q.kind for q in result.paragraphs][1:] == [
        ParagraphKind.TABLE_CELL,
        ParagraphKind.TABLE_CELL,
        ParagraphKind.BODY,
        ParagraphKind.FOOTNOTE,
    ]
    (note,) = result.footnotes
    assert note.marker == "1"
    assert result.text[note.start : note.end] == note.text == "See A/RES/70/1."
    assert note.ref_offset is not None
    assert result.text[: note.ref_offset].endswith("text1")
    assert (result.title, result.author, result.date) == ("Submission", "Japan", "2017-03-01")


def test_restart_rules_and_hidden_text() -> None:
    numbering = (
        '<w:abstractNum w:abstractNumId="0">'
        + lvl(0, "decimal", "%1.")
        + lvl(1, "decimal", "%1.%2.")
        + lvl(2, "lowerLetter", "%3)", extra='<w:lvlRestart w:val="1"/>')
        + "</w:abstractNum>"
        + '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
    )
    hidden = (
        "<w:p><w:r><w:rPr><w:vanish/></w:rPr><w:t>secret</w:t></w:r>"
        "<w:r><w:t>shown</w:t></w:r></w:p>"
    )
    body = "".join(
        [
            p("a", num=(1, 0)),
            p("b", num=(1, 2)),
            p("c", num=(1, 1)),
            p("d", num=(1, 2)),
            p("e", num=(1, 0)),
            p("f", num=(1, 2)),
            hidden,
        ]
    )
    result = import_bytes(build_docx(body, numbering=numbering), ImportOptions())
    assert numbers(result)[:6] == ["1.", "a)", "1.1.", "b)", "2.", "a)"]
    assert texts(result)[6] == "shown"


def test_python_docx_document() -> None:
    document = python_docx.Document()
    document.core_properties.title = "Comments"
    document.add_heading("Chapter", level=1)
    document.add_paragraph("Body paragraph.")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "left"
    table.cell(0, 1).text = "right"
    document.add_paragraph("Numbered", style="List Number")
    buffer = io.BytesIO()
    document.save(buffer)
    result = import_bytes(buffer.getvalue(), ImportOptions())
    assert texts(result)[:4] == ["Chapter", "Body paragraph.", "left", "right"]
    assert result.paragraphs[0].kind is ParagraphKind.HEADING
    assert result.title == "Comments"
    assert result.paragraphs[4].kind is ParagraphKind.LIST_ITEM


def test_progress_and_cancel() -> None:
    from app.core.errors import ImportCancelled
    from app.importers.base import CancelToken

    token = CancelToken()
    token.cancel()
    with pytest.raises(ImportCancelled):
        import_bytes(build_docx(p("x")), ImportOptions(cancel=token))


# Real files; expected numbers verified against `soffice --convert-to txt`.


def test_resumed_numbering() -> None:
    result = real("docling-list-resumed-numbering.docx")
    assert numbers(result) == [None, "1.", "2.", None, None, "3."]
    assert texts(result)[5] == "3. Third ordered item"


def test_iso_heading_numbers() -> None:
    result = real("stdwg-iso-sc29wg3-m70320-cd-comments-summary.docx")
    headings = [q.number for q in result.paragraphs if q.kind is ParagraphKind.HEADING]
    assert headings[:5] == ["1.", "2.", "2.3.", "2.4.", "2.5."]
    assert "3.3." in headings


def test_legal_clause_numbers() -> None:
    result = real("legal-docx4j-contributor-license-agreement.docx")
    listed = [q.number for q in result.paragraphs if q.number]
    assert listed == ["1.", "2.", "3.", "4.", "5.", "6.", "7.", "8."]
    assert "1. Definitions." in result.text


def test_footnotes_and_endnotes() -> None:
    result = real("pandoc-footnotes-endnotes.docx")
    assert texts(result) == [
        "A footnote",
        "Test footnote.1 Test endnote.i",
        "1 My note.",
        "i This is an endnote at the end of the document.",
    ]
    assert [n.marker for n in result.footnotes] == ["1", "i"]


def test_tracked_deletion_not_present() -> None:
    result = real("pandoc-track-changes-deletion.docx")
    assert result.text == "This is a text with a deletion."


def test_german_localized_list_styles() -> None:
    result = real("pandoc-german-localized-styles.docx")
    assert [(q.kind, q.level) for q in result.paragraphs] == [
        (ParagraphKind.LIST_ITEM, 1),
        (ParagraphKind.LIST_ITEM, 1),
        (ParagraphKind.LIST_ITEM, 2),
        (ParagraphKind.LIST_ITEM, 1),
    ]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("soft-hyphen.docx", "optionalhyphen"),
        ("mammoth-text-box.docx", "Datum plane"),
        ("docling-content-controls-sdt.docx", "COVER TITLE INSIDE SDT\nBODY TEXT OUTSIDE SDT"),
        ("mammoth-strict-ooxml.docx", "Test"),
    ],
)
def test_special_constructs(name: str, expected: str) -> None:
    assert real(name).text == expected


def test_field_results_shown_and_codes_hidden() -> None:
    result = real("pandoc-zotero-citation-fields.docx")
    assert result.text.startswith("This is a citation (Smith et al., 2013)\n")
    assert "CSL_CITATION" not in result.text


def test_alternate_main_part_and_empty_document() -> None:
    assert real("pandoc-alternate-document-path.docx").text.startswith("Test\nThis is italic")
    assert real("pydocx-no-styles-part.docx").text == ""


def test_large_handbook_with_footnotes() -> None:
    result = real("policy-us-doj-chapter13-trustee-handbook-872p.docx")
    assert len(result.paragraphs) > 4000
    assert len(result.footnotes) == 6
    assert "CHAPTER 1 – INTRODUCTION" in result.text


@pytest.mark.parametrize(
    "name",
    sorted(
        path.name
        for path in DOCX.glob("*.docx")
        if not path.name.startswith(("broken", "encrypted", "pydocx-no-styles"))
    ),
)
def test_every_real_docx_reads(name: str) -> None:
    result = real(name)
    assert result.text.strip()
    assert "\n".join(texts(result)) == result.text
    assert result.pages[0].end == len(result.text)
    for note in result.footnotes:
        assert result.text[note.start : note.end] == note.text
        assert note.ref_offset is None or 0 < note.ref_offset <= note.start


@pytest.mark.parametrize(
    "name", ["broken-truncated-docx.docx", "encrypted-docx-agile-Password1234_.docx"]
)
def test_unreadable_real_docx(name: str) -> None:
    with pytest.raises(ImportFailedError):
        import_bytes((DOCX / name).read_bytes(), ImportOptions())
