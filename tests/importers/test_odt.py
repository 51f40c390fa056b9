"""OpenDocument import: lists with numbers, tables, notes, accepted changes."""

from __future__ import annotations

import io
import zipfile

import pytest

from app.core.errors import ImportFailedError
from app.importers.base import ImportedText, ImportOptions, ParagraphKind
from app.importers.detect import import_file
from app.importers.odt import import_bytes
from tests.helpers import REALDOCS

OTHER = REALDOCS / "other"
NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" '
    'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"'
)
LIST_STYLE = (
    '<text:list-style style:name="L1">'
    '<text:list-level-style-number text:level="1" style:num-suffix="." style:num-format="1"/>'
    '<text:list-level-style-number text:level="2" style:num-prefix="(" style:num-suffix=")" '
    'style:num-format="a"/>'
    '<text:list-level-style-number text:level="3" style:num-suffix="." style:num-format="1" '
    'text:display-levels="3"/>'
    "</text:list-style>"
)


def build_odt(body: str, styles: str = LIST_STYLE) -> bytes:
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {NS}>'
        f"<office:automatic-styles>{styles}</office:automatic-styles>"
        f"<office:body><office:text>{body}</office:text></office:body>"
        "</office:document-content>"
    )
    meta = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-meta {NS}><office:meta>'
        "<dc:title>Comments of Brazil</dc:title><dc:creator>Mission of Brazil</dc:creator>"
        "<meta:creation-date>2017-05-02T09:00:00</meta:creation-date>"
        "</office:meta></office:document-meta>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", content)
        archive.writestr("meta.xml", meta)
    return buffer.getvalue()


def texts(result: ImportedText) -> list[str]:
    return [result.text[p.start : p.end] for p in result.paragraphs]


def item(text: str, inner: str = "") -> str:
    return f"<text:list-item><text:p>{text}</text:p>{inner}</text:list-item>"


def test_lists_numbers_nesting_and_continuation() -> None:
    body = (
        '<text:h text:outline-level="1">Title</text:h>'
        '<text:list xml:id="a" text:style-name="L1">'
        + item("one")
        + item(
            "two",
            "<text:list><text:list-item><text:p>sub</text:p>"
            "<text:list>" + item("deep") + "</text:list></text:list-item></text:list>",
        )
        + "</text:list>"
        "<text:p>between</text:p>"
        '<text:list text:continue-list="a" text:style-name="L1">' + item("three") + "</text:list>"
        '<text:list text:style-name="L1">' + item("restart") + "</text:list>"
    )
    result = import_bytes(build_odt(body), ImportOptions())
    assert texts(result) == [
        "Title",
        "1. one",
        "2. two",
        "(a) sub",
        "2.a.1. deep",
        "between",
        "3. three",
        "1. restart",
    ]
    assert result.paragraphs[0].kind is ParagraphKind.HEADING
    assert [p.level for p in result.paragraphs][1:5] == [1, 1, 2, 3]
    assert (result.title, result.author, result.date) == (
        "Comments of Brazil",
        "Mission of Brazil",
        "2017-05-02",
    )


def test_tracked_changes_and_annotations_left_out() -> None:
    body = (
        "<text:tracked-changes><text:changed-region text:id='c1'><text:deletion>"
        "<text:p>removed words</text:p></text:deletion></text:changed-region>"
        "</text:tracked-changes>"
        "<text:p>Kept<text:change text:change-id='c1'/> "
        "<text:change-start text:change-id='c2'/>added<text:change-end text:change-id='c2'/>"
        "<office:annotation><text:p>a comment</text:p></office:annotation> text<text:s text:c='2'/>"
        "end</text:p>"
    )
    result = import_bytes(build_odt(body), ImportOptions())
    assert result.text == "Kept added text end"


def test_real_footnote() -> None:
    result = import_bytes((OTHER / "pandoc-footnote.odt").read_bytes(), ImportOptions())
    assert texts(result) == ["Some text1 with a footnote.", "1 Footnote text"]
    (note,) = result.footnotes
    assert note.text == "Footnote text"
    assert result.text[: note.ref_offset].endswith("text1")


def test_real_rich_table_lists() -> None:
    result = import_bytes((OTHER / "docling-rich-table-lists.odt").read_bytes(), ImportOptions())
    found = texts(result)
    assert found[0] == "Table with rich cells"
    assert found[13:16] == ["1. Number one", "2. Number two", "3. Number three"]
    assert found.count("Rich cell A nested table") == 1
    assert found[found.index("Rich cell A nested table") + 1 :][:3] == ["A", "B", "C"]


def test_real_table_spans_and_comment_sheet() -> None:
    spans = import_bytes((OTHER / "pandoc-table-spans.odt").read_bytes(), ImportOptions())
    assert "Columnspan & Rowspan 2" in spans.text
    assert all(p.kind is ParagraphKind.TABLE_CELL for p in spans.paragraphs)
    sheet = (OTHER / "stdwg-iso-dis-ballot-comment-sheet.odt").read_bytes()
    result = import_bytes(sheet, ImportOptions())
    assert "Change dataOffset from Offset16 to Offset24" in result.text


def test_real_tracked_changes_accepted() -> None:
    data = (OTHER / "stdwg-iso-off-editor-changes-tracked-annotations.odt").read_bytes()
    result = import_bytes(data, ImportOptions())
    assert "the single following byte" in result.text
    assert "singlysingle" not in result.text
    assert "referenceddefined" not in result.text


def test_encrypted_and_broken_refused() -> None:
    with pytest.raises(ImportFailedError, match="password"):
        import_file((OTHER / "encrypted-odt.odt").read_bytes(), "encrypted-odt.odt")
    with pytest.raises(ImportFailedError, match="damaged"):
        import_file((OTHER / "broken-odt-not-a-zip.odt").read_bytes(), "broken.odt")
