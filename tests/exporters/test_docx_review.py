"""The review copy: Word comments with statuses and notes, bookmarks from UUIDs."""

from __future__ import annotations

from pathlib import Path

import docx

from app.exporters.docx import export_docx
from app.exporters.docx.review import bookmark_name
from app.exporters.layout import Layout
from tests.exporters.apig_sample import uid, with_notes
from tests.exporters.docx_helpers import NS, W, part_xml, small_contribution


def _bookmarks(path: Path) -> dict[str, str]:
    """Bookmark name → the text between its start and end (same or later paragraphs)."""
    body = part_xml(path, "word/document.xml")
    out: dict[str, str] = {}
    open_ids: dict[str, str] = {}
    texts: dict[str, list[str]] = {}
    for element in body.iter(f"{W}bookmarkStart", f"{W}bookmarkEnd", f"{W}t"):
        if element.tag == f"{W}bookmarkStart":
            open_ids[str(element.get(f"{W}id"))] = str(element.get(f"{W}name"))
            texts[str(element.get(f"{W}id"))] = []
        elif element.tag == f"{W}bookmarkEnd":
            bid = str(element.get(f"{W}id"))
            out[open_ids.pop(bid)] = "".join(texts.pop(bid))
        else:
            for bid in open_ids:
                texts[bid].append(element.text or "")
    return out


def test_review_copy_has_comments_with_status_author_and_notes(tmp_path: Path) -> None:
    out = tmp_path / "review.docx"
    export_docx(small_contribution(review_copy=True), out)
    comments = list(docx.Document(str(out)).comments)
    texts = [c.text for c in comments]
    # quote 1 notes, response 1, response 2 (with its note); quote 2 has no notes.
    assert len(comments) == 3
    assert comments[0].author == "Ana Ruiz" and "Ask the capital first." in texts[0]
    assert "Status: agreed" in texts[1] and "Position: agree" in texts[1]
    assert "partly_agree" not in "".join(texts) and "Author: " in texts[1]
    assert comments[1].author == "Ana Ruiz" and comments[1].initials == "AR"
    assert "Status: proposed" in texts[2] and "Too harsh?" in texts[2]
    body = part_xml(out, "word/document.xml")
    starts = body.findall(".//w:commentRangeStart", NS)
    ends = body.findall(".//w:commentRangeEnd", NS)
    refs = body.findall(".//w:commentReference", NS)
    assert len(starts) == len(ends) == len(refs) == 3


def test_bookmarks_are_named_from_uuids_and_enclose_the_text(tmp_path: Path) -> None:
    out = tmp_path / "review.docx"
    export_docx(small_contribution(review_copy=True), out)
    marks = _bookmarks(out)
    passage = "p_11111111111141118111111111111111"
    response = "r_44444444444444448444444444444444"
    assert marks[passage] == "States should cooperate … on [all] relevant issues."
    assert marks[response] == "We strongly disagree.A second paragraph."
    for name in marks:
        assert len(name) <= 40 and name[0].isalpha()


def test_final_copy_has_no_comments_or_bookmarks(tmp_path: Path) -> None:
    out = tmp_path / "final.docx"
    export_docx(small_contribution(), out)
    body = part_xml(out, "word/document.xml")
    assert body.find(".//w:bookmarkStart", NS) is None
    assert body.find(".//w:commentRangeStart", NS) is None
    assert len(list(docx.Document(str(out)).comments)) == 0


def test_review_copy_of_the_sample_in_the_table_layout(tmp_path: Path) -> None:
    out = tmp_path / "review-table.docx"
    export_docx(with_notes(), out, layout=Layout.TABLE)
    marks = _bookmarks(out)
    assert marks[bookmark_name("p", uid("japan-p0"))].startswith("… enhanced cooperation")
    assert marks[bookmark_name("r", uid("japan-r2"))].startswith("We strongly disagree")
    comments = list(docx.Document(str(out)).comments)
    assert any("Check the Japanese original." in c.text for c in comments)


def test_bookmark_name_shape() -> None:
    name = bookmark_name("p", "0b8c7a1e-5f8a-4c1e-9d2b-3e4f5a6b7c8d")
    assert name == "p_0b8c7a1e5f8a4c1e9d2b3e4f5a6b7c8d"
