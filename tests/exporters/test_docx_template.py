"""Exports on a delegation's own template: missing styles and parts are created."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import pytest

from app.core.errors import ExportFailedError
from app.exporters.docx import export_docx
from tests.exporters.docx_helpers import NS, W, part_names, part_xml, small_contribution

_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
_DOC_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_DOTX_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"


def _bare_template(path: Path, *, letterhead: str = "", main_type: str = _DOC_CT) -> Path:
    """A template written the way LibreOffice names styles, with no numbering or footnotes."""
    body = f"<w:p><w:r><w:t>{letterhead}</w:t></w:r></w:p>" if letterhead else "<w:p/>"
    files = {
        "[Content_Types].xml": (
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" '
            'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            f'<Override PartName="/word/document.xml" ContentType="{main_type}"/>'
            '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-'
            'officedocument.wordprocessingml.styles+xml"/></Types>'
        ),
        "_rels/.rels": (
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
            'relationships/officeDocument" Target="word/document.xml"/></Relationships>'
        ),
        "word/_rels/document.xml.rels": (
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
            'relationships/styles" Target="styles.xml"/></Relationships>'
        ),
        "word/document.xml": (
            f'<?xml version="1.0" encoding="UTF-8"?><w:document {_W}><w:body>{body}'
            '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="1134" '
            'w:bottom="1134" w:left="1134" w:header="0" w:footer="0" w:gutter="0"/></w:sectPr>'
            "</w:body></w:document>"
        ),
        "word/styles.xml": (
            f'<?xml version="1.0" encoding="UTF-8"?><w:styles {_W}>'
            '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/>'
            '<w:rPr><w:rFonts w:ascii="Liberation Serif" w:hAnsi="Liberation Serif"/></w:rPr>'
            '</w:style><w:style w:type="paragraph" w:styleId="Quotations">'
            '<w:name w:val="Quotations"/><w:pPr><w:ind w:left="567" w:right="567"/></w:pPr>'
            '</w:style><w:style w:type="paragraph" w:styleId="Footnote">'
            '<w:name w:val="Footnote"/></w:style></w:styles>'
        ),
    }
    with zipfile.ZipFile(path, "w") as z:
        for name, text in files.items():
            z.writestr(name, text)
    return path


def _style_ids(path: Path) -> set[str]:
    styles = part_xml(path, "word/styles.xml")
    return {str(s.get(f"{W}styleId")) for s in styles.findall("w:style", NS)}


def test_template_without_styles_numbering_or_footnotes(tmp_path: Path) -> None:
    template = _bare_template(tmp_path / "letterhead.docx")
    out = tmp_path / "out.docx"
    export_docx(small_contribution(), out, template=template)
    names = part_names(out)
    assert {"word/numbering.xml", "word/footnotes.xml"} <= names
    ids = _style_ids(out)
    assert {"Title", "Heading1", "FootnoteReference", "Hyperlink", "ListNumber"} <= ids
    # LibreOffice's own names are reused, not duplicated.
    assert "Quote" not in ids and "FootnoteText" not in ids
    body = part_xml(out, "word/document.xml")
    styles_used = {s.get(f"{W}val") for s in body.iter(f"{W}pStyle")}
    assert "QuoteNumbered" in styles_used
    # The numbered quote is based on LibreOffice's "Quotations" and indented inside it.
    styles = part_xml(out, "word/styles.xml")
    numbered = styles.find("w:style[@w:styleId='QuoteNumbered']", NS)
    assert numbered.find("w:basedOn", NS).get(f"{W}val") == "Quotations"
    ind = numbered.find("w:pPr/w:ind", NS)
    assert ind is not None and ind.get(f"{W}left") == str(567 + 360)
    notes = part_xml(out, "word/footnotes.xml")
    note_styles = {s.get(f"{W}val") for s in notes.iter(f"{W}pStyle")}
    assert note_styles == {"Footnote"}
    document = docx.Document(str(out))
    assert document.paragraphs[0].text == "Comments on the draft"  # empty body was cleared


def test_letterhead_is_kept_before_the_contribution(tmp_path: Path) -> None:
    template = _bare_template(tmp_path / "lh.docx", letterhead="PERMANENT MISSION OF TESTLAND")
    out = tmp_path / "out.docx"
    export_docx(small_contribution(), out, template=template)
    texts = [p.text for p in docx.Document(str(out)).paragraphs]
    assert texts[:2] == ["PERMANENT MISSION OF TESTLAND", "Comments on the draft"]


def test_dotx_template_is_accepted(tmp_path: Path) -> None:
    template = _bare_template(tmp_path / "t.dotx", main_type=_DOTX_CT)
    out = tmp_path / "out.docx"
    export_docx(small_contribution(), out, template=template)
    with zipfile.ZipFile(out) as z:
        types = z.read("[Content_Types].xml").decode()
    assert _DOC_CT in types and _DOTX_CT not in types


def test_second_export_on_an_exported_file_continues_ids(tmp_path: Path) -> None:
    first = tmp_path / "first.docx"
    export_docx(small_contribution(), first)
    second = tmp_path / "second.docx"
    export_docx(small_contribution(), second, template=first)
    notes = part_xml(second, "word/footnotes.xml")
    ids = [f.get(f"{W}id") for f in notes.findall("w:footnote", NS)]
    assert len(ids) == len(set(ids)) == 6
    numbering = part_xml(second, "word/numbering.xml")
    num_ids = [n.get(f"{W}numId") for n in numbering.findall("w:num", NS)]
    # Each export adds one list per numbered style (4) and one per list block (4).
    assert len(num_ids) == len(set(num_ids)) == 16


def test_unreadable_template_is_a_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.docx"
    bad.write_text("not a zip")
    with pytest.raises(ExportFailedError, match="cannot be read"):
        export_docx(small_contribution(), tmp_path / "out.docx", template=bad)
    with pytest.raises(ExportFailedError, match="does not exist"):
        export_docx(small_contribution(), tmp_path / "out.docx", template=tmp_path / "none.docx")
