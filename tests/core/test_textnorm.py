"""The comparison normalisation and its map back to source offsets."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.textnorm import normalize, normalize_with_map, quote_key


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Inter-\nnet", "Internet"),
        ("hu-  \r\n   man rights", "human rights"),
        ("geo-economic", "geoeconomic"),
        ("gov\u00adern\u00ad\nance", "governance"),
        ("non\u2011binding, 2014\u20102015", "nonbinding, 2014-2015"),
        ("a  \t\n\u00a0 b", "a b"),
        ("zero\u200bwidth", "zerowidth"),
        ("“quoted” ‘single’ «guillemets» it’s", '"quoted" \'single\' "guillemets" it\'s'),
        ("ﬁnal ofﬂine ﬀ ﬃ", "final offline ff ffi"),
        ("e\u0301te\u0301", "été"),
        ("Case Stays", "Case Stays"),
        ("2014 -\n2015", "2014 - 2015"),
    ],
)
def test_normalize(raw: str, expected: str) -> None:
    assert normalize(raw) == expected


def test_map_back_to_source_offsets() -> None:
    source = "😀 Inter-\nnet  ofﬁce"
    norm = normalize_with_map(source)
    assert norm.text == "😀 Internet office"
    assert norm.source_span(2, 10) == (2, 12)  # "Inter-\nnet"
    assert source[slice(*norm.source_span(13, 14))] == "ﬁ"  # "f" of the ligature
    assert source[slice(*norm.source_span(14, 15))] == "ﬁ"  # "i" of the ligature
    assert source[slice(*norm.source_span(10, 11))] == "  "
    with pytest.raises(ValueError):
        norm.source_span(3, 3)


def test_a_composed_letter_maps_back_without_the_marks_after_it() -> None:
    # "A" + acute + acute composes to "Á" + acute: the "Á" is the first two code
    # points only, so a quote of "Á" is not stretched over the stray accent.
    source = "xA\u0301\u0301y"
    norm = normalize_with_map(source)
    assert norm.text == "x\u00c1\u0301y"
    assert norm.source_span(1, 2) == (1, 3)
    assert norm.source_span(2, 3) == (3, 4)
    assert norm.source_span(1, 3) == (1, 4)


def test_quote_key_drops_dangling_hyphens_only() -> None:
    assert quote_key(" Inter-") == "Inter"
    assert quote_key("-\nnet governance") == "net governance"
    assert quote_key("2014-") == "2014-"
    assert quote_key("a - b") == "a - b"


TEXTS = st.text(
    st.sampled_from([*"ab A-.  \n\t", "\u00ad", "\u2010", "’", "ﬁ", "é", "\u0301", "互", "😀"]),
    max_size=60,
)


@settings(max_examples=200, deadline=None)
@given(TEXTS)
def test_every_normalised_char_maps_to_a_growing_source_span(source: str) -> None:
    norm = normalize_with_map(source)
    previous = (0, 0)
    for i in range(len(norm.text)):
        start, end = norm.source_span(i, i + 1)
        assert 0 <= start < end <= len(source)
        assert previous <= (start, end)
        previous = (start, end)
    if norm.text:
        start, end = norm.source_span(0, len(norm.text))
        assert normalize(source[start:end]) == normalize(source)
