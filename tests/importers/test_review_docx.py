"""Reading a review copy annotated in Word: comments and tracked changes by UUID bookmark."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from app.core.errors import FileTooLargeError, ImportFailedError
from app.exporters.docx import export_docx
from app.exporters.docx.review import bookmark_name
from app.exporters.layout import Layout
from app.importers.docx.review import read_review
from tests.exporters.apig_sample import uid, with_notes
from tests.exporters.docx_helpers import small_contribution
from tests.importers.word_review import WordEditor

QUOTE_1 = "11111111-1111-4111-8111-111111111111"
RESPONSE_1 = "22222222-2222-4222-8222-222222222222"
QUOTE_2 = "33333333-3333-4333-8333-333333333333"
RESPONSE_2 = "44444444-4444-4444-8444-444444444444"


@pytest.fixture
def review_copy(tmp_path: Path) -> Path:
    out = tmp_path / "review.docx"
    export_docx(small_contribution(review_copy=True), out)
    return out


def _edited(review_copy: Path, edit: object) -> bytes:
    editor = WordEditor(review_copy)
    edit(editor)  # type: ignore[operator]
    out = review_copy.with_name("edited.docx")
    editor.save(out)
    return out.read_bytes()


def test_comments_map_to_the_enclosing_bookmark_and_replies_to_their_parent(
    review_copy: Path,
) -> None:
    def edit(ed: WordEditor) -> None:
        first = ed.comment(ed.bookmark_paragraphs(bookmark_name("p", QUOTE_2)), "Why?", "Li Wei")
        ed.comment([], "Because.", "Ana Ruiz", reply_to=first, with_range=False)
        ed.comment(ed.bookmark_paragraphs(bookmark_name("r", RESPONSE_2)), "Softer", "Li Wei")
        ed.comment([ed.paragraph_with("Preliminary remark")], "On a heading", "Li Wei")

    parsed = read_review(_edited(review_copy, edit))
    ours = {c.text: c for c in parsed.comments if c.author in ("Li Wei", "Ana Ruiz")}
    assert ours["Why?"].target is not None and ours["Why?"].target.id == QUOTE_2
    assert ours["Why?"].target.kind == "passage" and ours["Why?"].anchor_text == "Second quote."
    assert ours["Because."].parent_comment_id == ours["Why?"].comment_id
    assert ours["Because."].target == ours["Why?"].target
    assert ours["Softer"].target is not None and ours["Softer"].target.id == RESPONSE_2
    assert ours["Softer"].target.kind == "response"
    assert ours["On a heading"].target is None
    assert ours["Why?"].date == "2026-03-02T10:15:00Z" and ours["Why?"].initials == "LW"
    # the export's own comments are read too (the service recognises and skips them)
    assert any(c.text.startswith("Status: agreed") for c in parsed.comments)
    assert parsed.bookmarks == 4 and parsed.proposals == () and parsed.unmapped_changes == ()


def test_tracked_changes_become_the_accepted_text_of_the_response(review_copy: Path) -> None:
    def edit(ed: WordEditor) -> None:
        paragraphs = ed.bookmark_paragraphs(bookmark_name("r", RESPONSE_2))
        ed.replace(paragraphs, "disagree", "object", "Li Wei")
        ed.replace(paragraphs, "second", "final", "Li Wei", bold=True)
        ed.replace(ed.bookmark_paragraphs(bookmark_name("p", QUOTE_2)), "Second", "2nd", "Li Wei")
        ed.replace([ed.paragraph_with("Closing remark")], "Closing", "Final", "Li Wei")

    parsed = read_review(_edited(review_copy, edit))
    assert len(parsed.proposals) == 1
    proposal = parsed.proposals[0]
    assert proposal.response_id == RESPONSE_2
    assert proposal.markup == "We <u>strongly</u> object.\nA <b>final</b> paragraph."
    assert proposal.authors == ("Li Wei",)
    assert [(c.kind, c.text) for c in proposal.changes] == [
        ("delete", "disagree"),
        ("insert", "object"),
        ("delete", "second"),
        ("insert", "final"),
    ]
    unmapped = sorted((c.kind, c.text) for c in parsed.unmapped_changes)
    assert unmapped == [
        ("delete", "Closing"),
        ("delete", "Second"),
        ("insert", "2nd"),
        ("insert", "Final"),
    ]


def test_links_and_footnotes_survive_in_a_proposal(review_copy: Path) -> None:
    def edit(ed: WordEditor) -> None:
        ed.replace(ed.bookmark_paragraphs(bookmark_name("r", RESPONSE_1)), "We ", "We all ", "X")

    (proposal,) = read_review(_edited(review_copy, edit)).proposals
    assert proposal.markup == (
        'We all <b>agree</b>, see <a href="https://example.org/a?b=1&amp;c=2">our paper</a>'
        '<fn>Our paper, <i>section 2</i>, at <a href="https://example.org/paper">example.org</a>.'
        "</fn>."
    )


def test_table_layout_review_copy(tmp_path: Path) -> None:
    out = tmp_path / "table.docx"
    export_docx(with_notes(), out, layout=Layout.TABLE)
    editor = WordEditor(out)
    target = bookmark_name("r", uid("japan-r2"))
    editor.comment(editor.bookmark_paragraphs(target), "Check this", "Li Wei")
    editor.save(tmp_path / "edited.docx")
    parsed = read_review((tmp_path / "edited.docx").read_bytes())
    (mine,) = [c for c in parsed.comments if c.author == "Li Wei"]
    assert mine.target is not None and mine.target.id == uid("japan-r2")


def test_files_that_are_not_review_copies_are_refused(tmp_path: Path) -> None:
    final = tmp_path / "final.docx"
    export_docx(small_contribution(), final)
    with pytest.raises(ImportFailedError, match="not a Rejoinder review copy"):
        read_review(final.read_bytes())
    with pytest.raises(ImportFailedError, match="damaged"):
        read_review(b"PK\x03\x04 not really a zip")
    with pytest.raises(ImportFailedError, match="Word document"):
        buffer = tmp_path / "empty.zip"
        with zipfile.ZipFile(buffer, "w") as archive:
            archive.writestr("hello.txt", "hi")
        read_review(buffer.read_bytes())


def test_hostile_xml_is_not_expanded(review_copy: Path, tmp_path: Path) -> None:
    with zipfile.ZipFile(review_copy) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    bomb = (
        b'<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaaaaaaaa">'
        b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        b'<w:comments xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        b'<w:comment w:id="0" w:author="X"><w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:comment>'
        b"</w:comments>"
    )
    members["word/comments.xml"] = bomb
    out = tmp_path / "bomb.docx"
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    try:
        parsed = read_review(out.read_bytes())
    except ImportFailedError:
        return
    assert all("aaaa" not in c.text for c in parsed.comments)


def test_zip_bomb_is_refused(tmp_path: Path) -> None:
    out = tmp_path / "bomb.docx"
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"\0" * (64 * 1024 * 1024))
    with pytest.raises(FileTooLargeError):
        read_review(out.read_bytes())
