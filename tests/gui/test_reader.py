"""The reader's typography keeps offsets exact: headings, spacers, page breaks, emoji, CJK."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QFont, QTextCursor

from app.core.services.sources import PageInfo, ParagraphInfo, SourceText
from app.gui.reader import SourceView
from app.gui.reader_document import DisplayMap

HEADING = "Paper 😀 of the Federation"
BODY1 = "1. We welcome the 𠀋 sign."
BODY2 = "2. 数字公域 continues here"
TEXT = f"{HEADING}\n{BODY1}\n{BODY2}\n"


def _source() -> SourceText:
    h_end = len(HEADING)
    b1 = h_end + 1
    b2 = b1 + len(BODY1) + 1
    # Page 2 begins inside the second paragraph, as PDF pages often do.
    split = b2 + BODY2.index("continues")
    return SourceText(
        source_id="s",
        version_id="v",
        label="Federation",
        text=TEXT,
        pages=(PageInfo(0, 0, split, "i"), PageInfo(1, split, len(TEXT), "ii")),
        paragraphs=(
            ParagraphInfo(0, h_end, "heading", None, 1),
            ParagraphInfo(b1, b1 + len(BODY1), "body", "1.", 0),
            ParagraphInfo(b2, b2 + len(BODY2), "body", "2.", 0),
        ),
    )


def test_display_map_round_trip_with_breaks_and_astral() -> None:
    text = "a😀\nb𠀋c"
    # A one-unit spacer before "b" (offset 3), a two-unit page break before "c" (offset 5).
    omap = DisplayMap(text, [(3, 1), (5, 2)])
    # Display: a 😀😀 \n | \n | b 𠀋𠀋 | \n \n | c
    assert [omap.to_qt(i) for i in range(len(text) + 1)] == [0, 1, 3, 5, 6, 10, 11]
    assert omap.to_qt(3, after_breaks=False) == 4
    assert omap.to_qt(5, after_breaks=False) == 8
    for offset in range(len(text) + 1):
        assert omap.from_qt(omap.to_qt(offset)) == offset
    assert omap.from_qt(4) == 3  # on the spacer line: the paragraph after it
    assert omap.from_qt(9) == 5  # on the page-break line: the page after it


def test_heading_and_page_break_are_typeset_and_selection_maps_back(qtbot: Any) -> None:
    view = SourceView()
    qtbot.addWidget(view)
    source = _source()
    view.set_source(source)
    shown = view.document().toPlainText()
    # One spacer line before paragraph 1 and 2, one break line inside paragraph 2.
    expected = (
        f"{HEADING}\n\n{BODY1}\n\n{BODY2.replace('continues', chr(10) + chr(10) + 'continues')}\n"
    )
    assert shown == expected
    heading_block = view.document().findBlockByNumber(0)
    fmt = heading_block.begin().fragment().charFormat()
    assert fmt.fontWeight() == QFont.Weight.Bold
    assert fmt.fontPointSize() > view.font().pointSizeF()
    number = view.document().findBlockByNumber(2).begin().fragment()
    assert number.text() == "1." and number.charFormat().fontWeight() == QFont.Weight.Bold
    assert list(view._separators.values()) == ["ii"]
    assert "ii" in view._block_labels.values() and "i" in view._block_labels.values()
    # Select "continues here" in the widget (after the emoji, the CJK sign and three breaks).
    start = TEXT.index("continues")
    u16 = len(expected[: expected.index("continues")].encode("utf-16-le")) // 2
    cursor = view.textCursor()
    cursor.setPosition(u16)
    cursor.setPosition(u16 + len("continues here"), QTextCursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)
    assert view.selected_span() == (start, start + len("continues here"))
    # And back: a highlight over the same span covers the same characters.
    view.select_span(start, start + len("continues here"))
    assert view.textCursor().selectedText() == "continues here"
    view.select_span(TEXT.index("We"), TEXT.index("sign") + 4)
    assert view.textCursor().selectedText() == "We welcome the 𠀋 sign"


def test_span_across_a_page_break_keeps_its_offsets(qtbot: Any) -> None:
    view = SourceView()
    qtbot.addWidget(view)
    view.set_source(_source())
    start, end = TEXT.index("公域"), TEXT.index(" here")
    view.select_span(start, end)
    assert view.selected_span() == (start, end)
    view.set_source(None)
    assert view.document().toPlainText() == ""
