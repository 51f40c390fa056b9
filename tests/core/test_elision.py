"""The cite step marks a quote that cuts a sentence with "…" (on by default)."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from app.core.elision import ends_inside_sentence, mark_cuts, starts_inside_sentence
from app.core.fidelity import check_fidelity
from app.core.services import passages
from tests.core.factories import add_text_source, make_project

TEXT = (
    "1. Enhanced cooperation should have the characteristics of transparency. "
    "It must include all governments.\n\n"
    "2. We think it has been implemented.\n"
)


def _span(quote: str) -> tuple[int, int]:
    start = TEXT.index(quote)
    return start, start + len(quote)


def test_a_span_cut_at_both_ends_gets_an_ellipsis_at_both() -> None:
    start, end = _span("cooperation should have the characteristics of")
    assert mark_cuts("cooperation should have the characteristics of", TEXT, start, end) == (
        "… cooperation should have the characteristics of …"
    )


def test_whole_sentences_and_a_paragraph_after_its_number_get_none() -> None:
    for quote in (
        "It must include all governments.",
        "We think it has been implemented.",
        "Enhanced cooperation should have the characteristics of transparency.",
    ):
        start, end = _span(quote)
        assert mark_cuts(quote, TEXT, start, end) == quote


def test_a_span_stopping_just_before_the_full_stop_cuts_nothing() -> None:
    start, end = _span("It must include all governments")
    assert not ends_inside_sentence(TEXT, end)
    assert not starts_inside_sentence(TEXT, start)


def test_cite_marks_the_printed_quote_unless_asked_not_to(tmp_path: Path) -> None:
    store = make_project(tmp_path / "p.rejoinder")
    source = add_text_source(store, TEXT)
    cut = passages.cite_quote(store, source, "should have the characteristics", ellipsis=True)
    whole = passages.cite_quote(store, source, "It must include all governments.", ellipsis=True)
    plain = passages.cite_quote(store, source, "We think it has")
    quotes = {p.id: p for p in passages.list_passages(store)}
    assert quotes[cut].quote == "… should have the characteristics …"
    assert quotes[cut].exact == "should have the characteristics"
    assert quotes[whole].quote == "It must include all governments."
    assert quotes[plain].quote == "We think it has"


_WORDS = st.lists(
    st.sampled_from(["alpha", "beta", "gamma.", "delta,", "epsilon!", "zeta?", "\n\n", "eta"]),
    min_size=2,
    max_size=30,
)


@given(_WORDS, st.data())
def test_a_marked_quote_is_always_faithful_to_its_source(
    words: list[str], data: st.DataObject
) -> None:
    text = " ".join(["alpha", *words])
    starts = [
        i for i in range(len(text)) if text[i].isalpha() and (i == 0 or not text[i - 1].isalpha())
    ]
    start = data.draw(st.sampled_from(starts))
    ends = [i + 1 for i in range(start, len(text)) if text[i] not in " \n"]
    end = data.draw(st.sampled_from(ends))
    exact = text[start:end]
    printed = mark_cuts(" ".join(exact.split()), text, start, end)
    assert check_fidelity(printed, exact) == []
    assert printed.startswith("…") == starts_inside_sentence(text, start)
