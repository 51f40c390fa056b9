"""The five-element markup: strict parsing, canonical serialising, property tests."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.core import markup
from app.core.errors import MarkupError
from app.core.markup import Footnote, Run


def test_parse_all_elements() -> None:
    doc = markup.parse(
        'We <b>agree</b>, <u>new</u> <a href="https://x.org/?a=1&amp;b=2">link <i>here</i></a>'
        "<fn>See <b>this</b>.</fn> &lt;end&gt;\nSecond"
    )
    first, second = doc
    assert first[1] == Run("agree", bold=True)
    assert first[3] == Run("new", underline=True)
    assert first[5] == Run("link ", href="https://x.org/?a=1&b=2")
    assert first[6] == Run("here", italic=True, href="https://x.org/?a=1&b=2")
    assert first[7] == Footnote((Run("See "), Run("this", bold=True), Run(".")))
    assert first[8] == Run(" <end>")
    assert second == (Run("Second"),)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("<b>open", "not closed"),
        ("<b><i>x</b></i>", "does not match"),
        ("<x>y</x>", "not one of the allowed tags"),
        ("<B>y</B>", "not one of the allowed tags"),
        ("a & b", "write & as &amp;"),
        ("&nbsp;", "Unknown or unfinished escape"),
        ("<fn>a<fn>b</fn></fn>", "<fn> inside <fn>"),
        ("<b><fn>x</fn></b>", "must not start inside"),
        ('<a href="javascript:alert(1)">x</a>', "must start with http"),
        ("<a>x</a>", 'needs href="…"'),
        ('<a href="https://a"><a href="https://b">x</a></a>', "link inside a link"),
        ('<b href="https://a">x</b>', "takes no attribute"),
        ("</i>", "does not match"),
        ("<b>line one\nline two</b>", "not closed before the end of line 1"),
        ("x < y", "write < as &lt;"),
    ],
)
def test_malformed_markup_is_rejected_with_a_message(text: str, message: str) -> None:
    with pytest.raises(MarkupError, match=message.replace("(", r"\(").replace(")", r"\)")):
        markup.parse(text)


def test_plain_text_and_footnotes() -> None:
    text = "We <b>agree</b>.<fn>One.</fn> And<fn>Two.</fn>"
    assert markup.plain_text(text) == "We agree. And"
    assert markup.plain_text(text, footnote_marks=True) == "We agree.[1] And[2]"
    assert len(markup.footnotes(text)) == 2


def test_serialize_nests_minimally() -> None:
    text = "<b>bold <i>both</i></b><i> italic</i>"
    assert markup.serialize(markup.parse(text)) == text


_text = st.text(alphabet=st.characters(blacklist_characters="\n\r"), min_size=1, max_size=12)
_href = st.sampled_from([None, 'https://example.org/a?b=1&c="2"', "mailto:x@y.org"])
_run = st.builds(Run, _text, st.booleans(), st.booleans(), st.booleans(), _href)
_inline = st.one_of(_run, st.builds(Footnote, st.lists(_run, min_size=1, max_size=3).map(tuple)))


def _normalised(paragraph: list[markup.Inline]) -> markup.Paragraph:
    out: list[markup.Inline] = []
    for item in paragraph:
        if isinstance(item, Footnote):
            runs: list[Run] = []
            for run in item.runs:
                if runs and runs[-1].same_style(run):
                    runs[-1] = Run(
                        runs[-1].text + run.text, run.bold, run.italic, run.underline, run.href
                    )
                else:
                    runs.append(run)
            item = Footnote(tuple(runs))
        elif out and isinstance(out[-1], Run) and out[-1].same_style(item):
            last = out[-1]
            out[-1] = Run(last.text + item.text, last.bold, last.italic, last.underline, last.href)
            continue
        out.append(item)
    return tuple(out)


@given(st.lists(st.lists(_inline, max_size=6).map(_normalised), min_size=1, max_size=4))
def test_parse_of_serialize_is_identity(paragraphs: list[markup.Paragraph]) -> None:
    doc = tuple(paragraphs)
    assert markup.parse(markup.serialize(doc)) == doc


@given(st.text(max_size=80))
def test_escaped_text_parses_back_to_itself(text: str) -> None:
    lines = text.replace("\r\n", "\n").replace("\r", "\n")
    assert markup.plain_text(markup.escape(lines)) == lines


@given(st.text(alphabet='<>/&;abfinu "=hrefttps:\n', max_size=60))
def test_no_input_crashes_the_parser(text: str) -> None:
    try:
        doc = markup.parse(text)
    except MarkupError:
        return
    assert markup.parse(markup.serialize(doc)) == doc
