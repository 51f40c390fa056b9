"""Failure paths: unwritable targets, dirty text, drafts, progress."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from unittest import mock

import docx
import pytest
from lxml import etree

from app import __version__
from app.core.contribution.model import (
    Citation,
    CitationsBlock,
    Comment,
    Contribution,
    ParagraphBlock,
    Quote,
    SectionKind,
    SectionNode,
)
from app.core.errors import ExportFailedError
from app.exporters.docx import export_docx
from tests.exporters.docx_helpers import W, part_xml, small_contribution


def _older(path: Path) -> bytes:
    path.write_bytes(b"older export")
    return path.read_bytes()


def _leftovers(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.suffix == ".tmp"]


def test_locked_target_keeps_the_older_file(tmp_path: Path) -> None:
    target = tmp_path / "out.docx"
    before = _older(target)
    with (
        mock.patch("os.replace", side_effect=PermissionError(13, "Permission denied")),
        pytest.raises(ExportFailedError, match="open in another program"),
    ):
        export_docx(small_contribution(), target)
    assert target.read_bytes() == before
    assert _leftovers(tmp_path) == []


def test_disk_full_is_reported_and_cleaned_up(tmp_path: Path) -> None:
    target = tmp_path / "out.docx"
    before = _older(target)
    with (
        mock.patch("os.fsync", side_effect=OSError(28, "No space left on device")),
        pytest.raises(ExportFailedError, match="disk is full"),
    ):
        export_docx(small_contribution(), target)
    assert target.read_bytes() == before
    assert _leftovers(tmp_path) == []


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores directory permissions")
def test_read_only_folder(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    target = folder / "out.docx"
    before = _older(target)
    folder.chmod(0o500)
    try:
        with pytest.raises(ExportFailedError):
            export_docx(small_contribution(), target)
    finally:
        folder.chmod(0o700)
    assert target.read_bytes() == before


def test_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(ExportFailedError, match="does not exist"):
        export_docx(small_contribution(), tmp_path / "nope" / "out.docx")


def _dirty() -> Contribution:
    dirty = "Page\x0cbreak \x00nul\x02 \ud800surrogate \ufffe end\r\nnext line\ttab"
    quote = Quote("p-1", dirty, "Party\x01")
    comment = Comment(
        "r-1", "We <b>agree\x0b</b><fn>note\x1f text</fn>.\r\nSecond", "agree", "agreed", "A"
    )
    block = CitationsBlock("b", "Lead\x03:", "Comments\x04:", (Citation(quote, comment),))
    section = SectionNode(
        "s",
        "Heading\x07",
        SectionKind.PARTY,
        (block, ParagraphBlock("pb", "x\x08y")),
        opening="\x0c",
    )
    return Contribution("Title\x00", "Org\x1b", (section,), review_copy=True)


def test_xml_illegal_characters_do_not_break_the_export(tmp_path: Path) -> None:
    out = tmp_path / "dirty.docx"
    export_docx(_dirty(), out)
    document = docx.Document(str(out))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Page break nul surrogate  end" in text
    assert "next line\ttab" in text
    assert "Heading" in text and "xy" in text
    notes = "".join(part_xml(out, "word/footnotes.xml").itertext())
    assert "note text" in notes
    assert document.core_properties.title == "Title"


def _drafty(include: bool) -> Contribution:
    citations = (
        Citation(Quote("p1", "One.", "X"), Comment("r1", "Final.", "agree", "agreed", "A")),
        Citation(
            Quote("p2", "Two.", "X"),
            Comment("r2", "Draft text.", "agree", "draft", "A", draft=True),
        ),
        Citation(Quote("p3", "Three.", "X"), Comment("r3", "Also final.", "agree", "agreed", "A")),
    )
    block = CitationsBlock("b", "Cite:", "Comment:", citations)
    return Contribution(
        "T", "O", (SectionNode("s", "S", SectionKind.PARTY, (block,)),), include_drafts=include
    )


def test_drafts_are_marked_when_included(tmp_path: Path) -> None:
    out = tmp_path / "drafts.docx"
    export_docx(_drafty(True), out)
    paragraphs = docx.Document(str(out)).paragraphs
    draft = next(p for p in paragraphs if "Draft text." in p.text)
    assert draft.text == "[DRAFT] Draft text."
    assert draft.runs[0].font.highlight_color is not None


def test_drafts_left_out_keep_the_comment_numbers_aligned(tmp_path: Path) -> None:
    out = tmp_path / "final.docx"
    export_docx(_drafty(False), out)
    body = part_xml(out, "word/document.xml")
    assert "Draft text." not in "".join(body.itertext())
    numbering = part_xml(out, "word/numbering.xml")
    starts = [
        s.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}val")
        for s in numbering.iter(
            "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}startOverride"
        )
    ]
    # quotes 1-3, then comment 1, then comment 3 restarting at 3.
    assert starts[-3:] == ["1", "1", "3"]


def test_progress_is_reported_per_section(tmp_path: Path) -> None:
    calls: list[tuple[int, int]] = []
    export_docx(
        small_contribution(), tmp_path / "p.docx", progress=lambda d, t: calls.append((d, t))
    )
    assert calls == [(1, 2), (2, 2)]


def test_document_properties(tmp_path: Path) -> None:
    out = tmp_path / "props.docx"
    export_docx(small_contribution(language="fr"), out)
    props = docx.Document(str(out)).core_properties
    assert props.title == "Comments on the draft"
    assert props.author == "Delegation of Testland"
    assert props.language == "fr"
    # Created and modified are the export's time, not the meeting's date.
    assert props.created is not None and props.modified == props.created
    age = dt.datetime.now(dt.UTC) - props.created.replace(tzinfo=dt.UTC)
    assert dt.timedelta(0) <= age < dt.timedelta(minutes=5)
    styles = part_xml(out, "word/styles.xml")
    assert b'w:val="fr-FR"' in etree.tostring(styles)
    app = part_xml(out, "docProps/app.xml")
    assert [e.text for e in app.iter("{*}Application")] == [f"Rejoinder {__version__}"]
    assert b"Macintosh" not in etree.tostring(app)
    assert not list(part_xml(out, "word/settings.xml").iter(f"{W}proofState"))


def test_new_export_gets_ordinary_permissions_and_keeps_an_old_files_mode(
    tmp_path: Path,
) -> None:
    umask = os.umask(0o022)
    try:
        fresh = tmp_path / "fresh.docx"
        export_docx(small_contribution(), fresh)
        assert fresh.stat().st_mode & 0o777 == 0o644
        shared = tmp_path / "shared.docx"
        shared.write_bytes(b"older")
        shared.chmod(0o664)
        export_docx(small_contribution(), shared)
        assert shared.stat().st_mode & 0o777 == 0o664
    finally:
        os.umask(umask)
