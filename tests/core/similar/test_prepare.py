"""An import prepares a version's sentences in one pass, in parts: as if cut one by one."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.similar import prepare, sentences, sketch
from app.core.similar.scheme import NUM_PERM, SEED

WORDS = st.sampled_from(
    "cooperation enhanced Governance internet Straße ß Japan négociation принцип 合作 "
    "we the of to and é x".split()
)
SEPARATORS = st.sampled_from(
    [". ", "\n\n", "\n", ", ", "? ", "… ", "“", "”", "  ", '." ', ") ", "\x00", " \t", "." * 3]
)
TEXTS = st.lists(
    st.one_of(WORDS, SEPARATORS, st.just("y" * 700), st.just("z " * 400)), max_size=200
).map(" ".join)


def _serially(
    fn: Callable[..., Any], args: tuple[Any, ...], own: Callable[[], Any]
) -> tuple[Any, Any]:
    """An offload that runs the other part here, after its own (what the worker would return)."""
    mine = own()
    return fn(*args), mine


def _here(fn: Callable[..., Any], args: tuple[Any, ...]) -> Callable[[], Any]:
    """A ``beside`` that runs the part when its result is asked for (where forking is unsafe)."""
    return lambda: fn(*args)


def _check(text: str, paragraphs: list[tuple[int, int]]) -> None:
    expected = sentences.cut(text, paragraphs)
    keys = sketch.key_array(expected.words)
    found_all = [prepare.prepare(text, paragraphs, offload) for offload in (None, _serially)]
    found_all.append(prepare.prepare_later(text, paragraphs, _here)())
    for found in found_all:
        assert (found.starts, found.ends) == (expected.starts, expected.ends)
        assert found.keys.shape == keys.shape and (found.keys == keys).all()


@settings(max_examples=300, deadline=None)
@given(TEXTS, st.lists(st.integers(0, 4000), max_size=12))
def test_prepare_finds_the_sentences_and_keys_of_cut(text: str, bounds: list[int]) -> None:
    cuts = sorted(b for b in bounds if b <= len(text))
    old, prepare.MIN_SPLIT = prepare.MIN_SPLIT, 0  # split even these short texts in two
    try:
        _check(text, list(zip(cuts[::2], cuts[1::2], strict=False)))
        _check(text, [])
    finally:
        prepare.MIN_SPLIT = old


def test_a_long_version_is_prepared_in_two_parts_that_join_up() -> None:
    said = "We refer to our comments above on the contribution from the Union number {}. "
    text = "\n\n".join(said.format(i) * 3 for i in range(prepare.MIN_SPLIT // 200))
    calls: list[int] = []

    def offload(
        fn: Callable[..., Any], args: tuple[Any, ...], own: Callable[[], Any]
    ) -> tuple[Any, Any]:
        calls.append(len(args[0]))
        return _serially(fn, args, own)

    found = prepare.prepare(text, [], offload)
    expected = sentences.cut(text)
    assert calls and 0 < calls[0] < len(text)
    assert (found.starts, found.ends) == (expected.starts, expected.ends)
    assert (found.keys == sketch.key_array(expected.words)).all()


def test_the_written_out_permutations_are_datasketchs_draws() -> None:
    gen = np.random.RandomState(SEED)
    a = gen.randint(0, 1 << 31, NUM_PERM, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = gen.randint(0, 1 << 32, NUM_PERM, dtype=np.uint32)
    ours = sketch.permutations()
    assert (ours[0] == a).all() and (ours[1] == b).all()


def test_a_long_version_prepared_mostly_beside_joins_up() -> None:
    said = "We refer to our comments above on the contribution from the Union number {}. "
    text = "\n\n".join(said.format(i) * 3 for i in range(prepare.MIN_SPLIT // 200))
    parts: list[int] = []

    def beside(fn: Callable[..., Any], args: tuple[Any, ...]) -> Callable[[], Any]:
        parts.append(len(args[0]))
        return _here(fn, args)

    later = prepare.prepare_later(text, [], beside)
    assert parts and 0.6 * len(text) < parts[0] < 0.8 * len(text)  # most of it beside
    found = later()
    expected = sentences.cut(text)
    assert (found.starts, found.ends) == (expected.starts, expected.ends)
    assert (found.keys == sketch.key_array(expected.words)).all()


def test_a_short_version_is_prepared_here_when_asked() -> None:
    def beside(fn: Callable[..., Any], args: tuple[Any, ...]) -> Callable[[], Any]:
        raise AssertionError("not worth a process")

    text = "We refer to our comments above on the contribution. " * 20
    found = prepare.prepare_later(text, [], beside)()
    assert found.starts == sentences.cut(text).starts


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=300))
def test_an_ascii_text_is_cut_into_the_words_the_expression_finds(text: str) -> None:
    # The ASCII path splits bytes instead of running the regular expression.
    marked = text.replace(prepare._MARK, " ") + prepare._MARK + "ab" + prepare._MARK
    fast = prepare._tokens(marked)
    assert [w.decode("ascii") if isinstance(w, bytes) else w for w in fast] == (
        prepare._WORDS_AND_MARKS.findall(marked)
    )


def test_an_ascii_version_is_prepared_as_cut_prepares_it() -> None:
    text = "\n\n".join(
        f"Paragraph {i}: the_parties (A-B) agree, on 3.5% of x_y-z... We (also) note it_{i}!"
        for i in range(300)
    )
    assert text.isascii()
    _check(text, [])
