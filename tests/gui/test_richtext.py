"""Markup survives a round trip through the editor's QTextDocument."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtGui import QTextDocument

from app.gui import richtext
from app.gui.offsets import OffsetMap

SAMPLES = [
    "We agree.",
    "We <b>strongly</b> disagree, see <i>our paper</i>.",
    "New: <u>recommend a registry</u>.<fn>See <i>Annex</i> 2.</fn>",
    'A <a href="https://example.org/x?a=1&amp;b=2">link</a> here.',
    "Two notes<fn>one</fn><fn>two</fn> side by side.",
    "Line one\nLine <b>two</b> &amp; &lt;three&gt;",
    "",
]


@pytest.mark.parametrize("text", SAMPLES)
def test_round_trip(qapp: Any, text: str) -> None:
    document = QTextDocument()
    richtext.load(document, text)
    assert richtext.dump(document) == text


def test_offsets_after_emoji_and_rare_cjk() -> None:
    text = "a😀b𠀋c"
    omap = OffsetMap(text)
    # Qt positions: a=0, 😀=1-2, b=3, 𠀋=4-5, c=6
    assert [omap.to_qt(i) for i in range(len(text) + 1)] == [0, 1, 3, 4, 6, 7]
    assert [omap.from_qt(u) for u in (0, 1, 3, 4, 6, 7)] == [0, 1, 2, 3, 4, 5]
    assert omap.from_qt(2) == 1
