"""Anchors, the quote finder, re-anchoring onto new versions, quote fidelity."""

from __future__ import annotations

import os
from dataclasses import dataclass

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from app.core.anchoring import Anchor, find_quote, make_anchor
from app.core.errors import AmbiguousQuoteError, QuoteNotFoundError
from app.core.fidelity import check_fidelity
from app.core.reanchoring import reanchor, reanchor_all
from app.core.textnorm import normalize, quote_key
from tests.helpers import SAMPLES

JNC = SAMPLES / "jnc-itu-pp-2014-statement.txt"


@dataclass(frozen=True)
class FakePage:
    index: int
    start: int
    end: int
    label: str


@dataclass(frozen=True)
class FakeParagraph:
    start: int
    end: int
    number: str | None


# --- make_anchor -------------------------------------------------------------


def test_make_anchor_keeps_context_page_and_paragraph() -> None:
    text = "x" * 40 + "12. The quoted words here." + "y" * 40
    start = text.index("quoted")
    end = start + len("quoted words")
    pages = [FakePage(0, 0, 30, "i"), FakePage(1, 30, len(text), "7")]
    paragraphs = [FakeParagraph(0, 40, None), FakeParagraph(40, 66, "12.")]
    anchor = make_anchor(text, start, end, pages, paragraphs)
    assert anchor.exact == "quoted words"
    assert anchor.prefix == text[start - 32 : start]
    assert anchor.suffix == text[end : end + 32]
    assert (anchor.page_index, anchor.page_label, anchor.paragraph_number) == (1, "7", "12.")


def test_make_anchor_near_edges_and_without_pages() -> None:
    anchor = make_anchor("short text", 0, 5)
    assert (anchor.prefix, anchor.exact, anchor.suffix) == ("", "short", " text")
    assert anchor.page_index is None and anchor.page_label is None
    assert anchor.paragraph_number is None


@pytest.mark.parametrize(("start", "end"), [(-1, 2), (3, 3), (4, 2), (0, 99)])
def test_make_anchor_rejects_bad_spans(start: int, end: int) -> None:
    with pytest.raises(ValueError):
        make_anchor("some text", start, end)


def test_make_anchor_counts_code_points_after_emoji_and_cjk() -> None:
    text = "😀😀 互联网治理 𠀀 Internet governance"
    start = text.index("Internet")
    anchor = make_anchor(text, start, start + 8)
    assert anchor.exact == "Internet"
    assert anchor.prefix == "😀😀 互联网治理 𠀀 "


# --- find_quote --------------------------------------------------------------


def test_find_quote_across_line_end_hyphenation_in_source() -> None:
    text = "the perspective of all hu-\nman rights, including"
    start, end = find_quote(text, "all human rights")
    assert text[start:end] == "all hu-\nman rights"


def test_find_quote_with_hyphenation_in_quote_and_curly_marks() -> None:
    text = 'He said "the Internet\'s future" today.'
    start, end = find_quote(text, "“the Inter-\nnet’s future”")
    assert text[start:end] == '"the Internet\'s future"'


@pytest.mark.parametrize(
    "quote",
    [
        "Internet  governance",
        "Inter\u00adnet governance",
        "Inter\u00ad\nnet governance",
        "Internet\ngovernance",
        "  Internet governance \n",
    ],
)
def test_find_quote_ignores_whitespace_and_soft_hyphens(quote: str) -> None:
    text = "Enhanced cooperation on\nInternet \n governance matters."
    start, end = find_quote(text, quote)
    assert text[start:end] == "Internet \n governance"


def test_find_quote_typographic_hyphens_and_ligatures() -> None:
    text = "a non\u2011binding, ofﬁcial text"
    start, end = find_quote(text, "non-binding, official")
    assert text[start:end] == "non\u2011binding, ofﬁcial"


def test_find_quote_offsets_are_code_points() -> None:
    text = "😀 emoji 𠀀 then 互联网 and the quote here"
    start, end = find_quote(text, "互联网 and the")
    assert (start, end) == (text.index("互联网"), text.index(" quote"))


def test_find_quote_ambiguous_and_occurrence() -> None:
    text = "We agree. Later: we agree. And again: we agree."
    with pytest.raises(AmbiguousQuoteError) as err:
        find_quote(text, "we agree", label="Japan")
    assert "2 times" in str(err.value) and "--occurrence" in str(err.value)
    assert find_quote(text, "we agree", occurrence=2) == (38, 46)
    with pytest.raises(QuoteNotFoundError):
        find_quote(text, "we agree", occurrence=3)
    with pytest.raises(QuoteNotFoundError):
        find_quote(text, "we agree", occurrence=0)


def test_find_quote_not_found_names_the_source() -> None:
    with pytest.raises(QuoteNotFoundError) as err:
        find_quote("some text", "other words", label="European Union")
    assert "“European Union”" in str(err.value)
    with pytest.raises(QuoteNotFoundError):
        find_quote("some text", " \n ")


def test_find_quote_in_real_sample() -> None:
    text = JNC.read_text(encoding="utf-8")
    quote = "from the perspective of all human rights, including democracy"
    start, end = find_quote(text, quote, label="Just Net Coalition")
    assert normalize(text[start:end]) == quote
    assert "hu-\nman" in text[start:end]
    start, end = find_quote(text, "Advocating non-action on this key global concern")
    assert text[start:end].startswith("Advocating non-\naction")


def test_find_quote_in_five_megabytes() -> None:
    """Found at the very end of 5 MB of text (speed is for bench/, not for a timed test)."""
    text = JNC.read_text(encoding="utf-8")
    big = text * (5_000_000 // len(text)) + " a unique closing sentence."
    start, _ = find_quote(big, "a unique closing\nsentence")
    assert start == len(big) - len("a unique closing sentence.")


# --- reanchor ----------------------------------------------------------------

PASSAGE = "the current Internet status quo unreasonably reflects the interests"
TEXT = f"Preamble. In our view {PASSAGE} of a few. Closing remarks follow here."


def _anchor(text: str, exact: str) -> Anchor:
    start = text.index(exact)
    return make_anchor(text, start, start + len(exact))


def test_reanchor_same_text_is_offset() -> None:
    found = reanchor(_anchor(TEXT, PASSAGE), TEXT)
    assert (found.start, found.end, found.score, found.method) == (
        TEXT.index(PASSAGE),
        TEXT.index(PASSAGE) + len(PASSAGE),
        1.0,
        "offset",
    )


def test_reanchor_after_insertion_before_is_quote() -> None:
    new = "A new opening paragraph. " + TEXT
    found = reanchor(_anchor(TEXT, PASSAGE), new)
    assert found.method == "quote" and found.score == 1.0
    assert found.start is not None and new[found.start : found.end] == PASSAGE


def test_reanchor_picks_occurrence_with_matching_context() -> None:
    old = "Alpha context: we agree. Beta context: we agree. End."
    anchor = make_anchor(old, old.index("we agree", 20), old.index("we agree", 20) + 8)
    new = "Inserted. " + old.replace("Alpha", "Gamma")
    found = reanchor(anchor, new)
    assert found.method == "quote"
    assert found.start == new.index("we agree", new.index("Beta"))


def test_reanchor_reflowed_lines_is_quote() -> None:
    new = TEXT.replace("status quo", "sta-\ntus  quo").replace("Preamble.", "Preamble, longer.")
    found = reanchor(_anchor(TEXT, PASSAGE), new)
    assert found.method == "quote"
    assert found.start is not None and normalize(new[found.start : found.end]) == PASSAGE


def test_reanchor_lightly_edited_is_fuzzy_with_score() -> None:
    edited = PASSAGE.replace("unreasonably", "clearly").replace("interests", "interest")
    new = TEXT.replace(PASSAGE, edited)
    found = reanchor(_anchor(TEXT, PASSAGE), new)
    assert found.method == "fuzzy"
    assert 0.75 <= found.score < 1.0
    assert found.start is not None and new[found.start : found.end] == edited


def test_reanchor_deleted_passage_is_orphan() -> None:
    new = "Preamble. Entirely different content about spectrum allocation. Closing."
    found = reanchor(_anchor(TEXT, PASSAGE), new)
    assert found.method == "orphan" and found.is_orphan
    assert found.start is None and found.end is None
    assert 0.0 <= found.score < 0.75


def test_reanchor_onto_empty_text_is_orphan() -> None:
    assert reanchor(_anchor(TEXT, PASSAGE), "").method == "orphan"


def test_reanchor_all_on_revised_real_sample() -> None:
    text = JNC.read_text(encoding="utf-8")
    exacts = ["secret talks on trade", "status quo to be unacceptable", "Advocating non-"]
    anchors = [_anchor(text, e) for e in exacts]
    revised = "Rev.1\n\n" + text.replace("secret talks", "secret trade talks")
    results = reanchor_all(anchors, revised)
    assert [r.method for r in results] == ["fuzzy", "quote", "quote"]
    assert results[0].start is not None
    assert revised[results[0].start : results[0].end] == "secret trade talks on trade"


# --- check_fidelity ----------------------------------------------------------

EXACT = (
    "No recommendations were made by the Global Commission on Internet "
    "Governance, it said. The “status quo” is not an option."
)


@pytest.mark.parametrize(
    "printed",
    [
        EXACT,
        EXACT.replace("“", '"').replace("”", '"'),
        EXACT.replace("Internet ", "Inter-\nnet\n"),
        "No recommendations … it said. The “status quo” is not an option.",
        "… the “status quo” is not an option.",
        "No recommendations were made by the Global Commission...",
        "No recommendations were made by [the GCIG], it said …",
        "[No] recommendations were made […] on Internet Governance …",
        "… [The Commission] said. The “status quo” is not an option.",
    ],
)
def test_fidelity_accepts_marked_changes(printed: str) -> None:
    assert check_fidelity(printed, EXACT) == []


def test_fidelity_bracket_may_replace_a_word_or_letter() -> None:
    assert check_fidelity("[No] recommendations", "Recommendations") == []
    assert check_fidelity("[No] recommendations", "No recommendations") == []
    assert check_fidelity("[r]ecommendations are made", "Recommendations are made") == []


def test_fidelity_reports_a_changed_word() -> None:
    printed = "No recommendations were made by the Commission, it said …"
    problems = check_fidelity(printed, EXACT)
    assert len(problems) == 1
    assert problems[0].startswith("The quote differs from the source near “")
    assert "Global Commission" in problems[0]


def test_fidelity_reports_unmarked_omission_and_additions() -> None:
    assert "stops before the end" in check_fidelity("No recommendations were made", EXACT)[0]
    assert check_fidelity("… not an option. And more.", EXACT)[0].startswith(
        "The quote goes on after the end"
    )
    assert check_fidelity("no recommendations …", EXACT) != []  # case changed without a marker
    assert check_fidelity("… is an option.", EXACT) != []
    assert check_fidelity(" … ", EXACT) == ["The printed quote holds no text from the source."]


# --- properties --------------------------------------------------------------

ALPHABET = st.sampled_from(
    [
        *"abcAB  \n\t-.,[]",
        "’",
        "“",
        "”",
        "\u00ad",
        "\u2010",
        "ﬁ",
        "互",
        "联",
        "😀",
        "…",
        "é",
        "\u0301",
    ]
)
TEXTS = st.text(ALPHABET, min_size=1, max_size=80)
FAST = settings(
    max_examples=int(os.environ.get("ANCHORING_EXAMPLES", "150")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)


def test_find_quote_of_a_composed_letter_leaves_a_stray_accent_out() -> None:
    # Found by the property test below: "A" + acute + acute, quoting "A" + acute.
    assert find_quote("A\u0301\u0301", "A\u0301") == (0, 2)


@FAST
@given(text=TEXTS, data=st.data())
def test_find_quote_finds_any_span(text: str, data: st.DataObject) -> None:
    s = data.draw(st.integers(0, len(text) - 1))
    e = data.draw(st.integers(s + 1, len(text)))
    quote = text[s:e]
    assume(quote_key(quote))
    try:
        start, end = find_quote(text, quote)
    except AmbiguousQuoteError:
        start, end = find_quote(text, quote, occurrence=1)
    except QuoteNotFoundError:
        # Only a cut through a hyphen joined at a line end may be unfindable.
        assume(False)
    assert quote_key(text[start:end]) == quote_key(quote)


@FAST
@given(text=TEXTS, data=st.data())
def test_reanchor_identical_and_shifted(text: str, data: st.DataObject) -> None:
    s = data.draw(st.integers(0, len(text) - 1))
    e = data.draw(st.integers(s + 1, len(text)))
    anchor = make_anchor(text, s, e)
    same = reanchor(anchor, text)
    assert (same.start, same.end, same.method) == (s, e, "offset")
    inserted = data.draw(st.text(ALPHABET, min_size=1, max_size=30))
    moved = reanchor(anchor, inserted + text)
    assert moved.method in ("offset", "quote")
    assert moved.start is not None
    assert (inserted + text)[moved.start : moved.end] == anchor.exact


@FAST
@given(exact=TEXTS.filter(lambda t: t.strip()))
def test_fidelity_of_the_exact_text_itself(exact: str) -> None:
    assume(normalize(exact))
    assert check_fidelity(exact, exact) == []
