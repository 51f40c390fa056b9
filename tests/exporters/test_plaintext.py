"""Plain text for e-mail: written-out numbers, indented quotes, [n] footnotes."""

from __future__ import annotations

from app.exporters.layout import Layout
from app.exporters.plaintext import render_text
from tests.exporters.apig_sample import apig_contribution
from tests.exporters.docx_helpers import small_contribution


def test_grouped_text() -> None:
    text = render_text(small_contribution())
    lines = text.splitlines()
    assert lines[0] == "Comments on the draft"
    assert "Contribution from Ruritania" in lines
    assert "    1) States should cooperate … on [all] relevant issues." in lines
    assert "    2) Second quote." in lines
    assert "1) We agree, see our paper <https://example.org/a?b=1&c=2>[2]." in lines
    assert "2) We strongly disagree." in lines and "   A second paragraph." in lines
    assert "• A bullet" in lines and "1) First item" in lines
    assert "[1] The first footnote." in lines
    assert "[2] Our paper, section 2, at example.org <https://example.org/paper>." in lines
    assert "We refer to our comments on Preliminary remark." in lines


def test_footnotes_continue_through_the_document() -> None:
    text = render_text(apig_contribution())
    assert "Consensus[11] is NOT unanimity." in text
    assert text.rstrip().splitlines()[-1].startswith("[14] https://www.whitehouse.gov/")


def test_interleaved_and_table() -> None:
    inter = render_text(small_contribution(), Layout.INTERLEAVED).splitlines()
    first = inter.index("    1) States should cooperate … on [all] relevant issues.")
    assert inter[first + 1].startswith("   We agree")
    table = render_text(small_contribution(), Layout.TABLE)
    assert "1) Ruritania, p. 3, para. 12" in table
    assert "   Proposed change: Add “all”." in table
