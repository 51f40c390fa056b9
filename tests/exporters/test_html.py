"""The HTML preview: structure, data attributes for scrolling, escaping."""

from __future__ import annotations

from html.parser import HTMLParser

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
from app.exporters.html import render_html
from app.exporters.layout import Layout
from tests.exporters.apig_sample import apig_contribution
from tests.exporters.docx_helpers import small_contribution


class _Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def _tags(html: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = _Collect()
    parser.feed(html)
    return parser.tags


def test_structure_and_data_attributes() -> None:
    html = render_html(small_contribution())
    assert html.startswith("<!DOCTYPE html>") and "<style>" in html
    assert "<link" not in html and "<script" not in html
    tags = _tags(html)
    assert ("h1", {}) in tags
    h2 = [a for t, a in tags if t == "h2" and a.get("data-section-id")]
    assert [a["data-section-id"] for a in h2] == ["sec-topic", "sec-party"]
    ols = [a for t, a in tags if t == "ol" and a.get("data-block-id")]
    assert [a.get("class") for a in ols] == ["list-item", "quotes", "comment"]
    passages = {a.get("data-passage-id") for t, a in tags if t == "li"}
    assert "11111111-1111-4111-8111-111111111111" in passages
    responses = {a.get("data-response-id") for t, a in tags if t in ("li", "p")}
    assert "44444444-4444-4444-8444-444444444444" in responses
    assert [a.get("start") for a in ols] == ["1", "1", "1"]
    anchors = {a.get("name") for t, a in tags if t == "a" and a.get("name")}
    assert "passage-11111111-1111-4111-8111-111111111111" in anchors
    assert "section-sec-party" in anchors


def test_footnotes_are_numbered_at_the_end_with_back_links() -> None:
    html = render_html(apig_contribution())
    assert html.count('<sup id="fnref') == 14
    assert '<li id="fn11">We reproduce the ISO definition' in html
    assert 'href="#fnref11"' in html
    notes_at = html.index('class="notes"')
    assert html.index('id="fn1"') > notes_at


def test_everything_is_escaped() -> None:
    evil = '<script>alert("x")</script> & "quotes"'
    quote = Quote('p"1', evil, "Party <b>")
    comment = Comment("r1", "We &lt;object&gt; &amp; <b>agree</b>", "agree", "agreed", "A")
    block = CitationsBlock("b<", "Lead <i>", "Comm", (Citation(quote, comment),))
    section = SectionNode(
        's"><x', "Head <h1>", SectionKind.PARTY, (block, ParagraphBlock("pb", "<broken"))
    )
    html = render_html(Contribution("T <title>", "O", (section,)))
    assert "<script>" not in html and "<x" not in html and "<broken" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;quotes&quot;" in html
    assert "We &lt;object&gt; &amp; <b>agree</b>" in html
    assert 'data-section-id="s&quot;&gt;&lt;x"' in html


def test_table_and_interleaved_layouts() -> None:
    table = render_html(small_contribution(), Layout.TABLE)
    assert "<table" in table and "<th>Proposed change</th>" in table and "p. 3, para. 12" in table
    interleaved = render_html(small_contribution(), Layout.INTERLEAVED)
    li = interleaved.index('data-passage-id="11111111')
    assert interleaved.index("our paper", li) < interleaved.index("Second quote.", li)


def test_french_labels() -> None:
    html = render_html(small_contribution(language="fr"), Layout.TABLE)
    assert "Modification proposée" in html and 'lang="fr"' in html


def test_a_left_out_comment_starts_a_new_list_at_its_number() -> None:
    citations = tuple(
        Citation(
            Quote(f"p{i}", f"Quote {i}.", "X"),
            None if i == 2 else Comment(f"r{i}", f"Comment {i}.", "agree", "agreed", "A"),
        )
        for i in (1, 2, 3)
    )
    block = CitationsBlock("b", "Cite:", "Comment:", citations)
    section = SectionNode("s", "S", SectionKind.PARTY, (block,))
    tags = _tags(render_html(Contribution("T", "O", (section,))))
    starts = [a.get("start") for t, a in tags if t == "ol" and a.get("data-block-id")]
    assert starts == ["1", "1", "3"]
