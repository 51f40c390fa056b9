"""Properties of the sentence splitter and of the look-up (hypothesis)."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.core.services import passages
from app.core.similar import sentences, similar_to_passage
from tests.core.factories import add_text_source, make_project

WORDS = st.sampled_from(
    "cooperation enhanced governance internet stakeholders policy public transparency "
    "accountability development capacity security privacy data access rights online "
    "Japan Union négociation принцип 合作 we the of to and".split()
)
TEXTS = st.lists(
    st.one_of(WORDS, st.sampled_from([". ", "\n\n", "\n", ", ", "? ", "… ", "“", "”", "  "])),
    max_size=300,
).map(" ".join)


@given(TEXTS)
def test_sentences_are_ordered_disjoint_spans_of_the_text(text: str) -> None:
    spans = sentences.split(text)
    previous_end = 0
    for span in spans:
        assert previous_end <= span.start < span.end <= len(text)
        assert span.text == text[span.start : span.end] == span.text.strip()
        assert span.end - span.start <= sentences.MAX_CHARS
        assert len(span.words) >= sentences.MIN_WORDS
        assert list(span.words) == sentences.words(span.text)
        previous_end = span.end


SENTENCE = st.lists(WORDS, min_size=6, max_size=18).map(lambda w: " ".join(w).capitalize() + ".")


@settings(
    max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    shared=SENTENCE,
    before=st.lists(SENTENCE, max_size=3),
    after=st.lists(SENTENCE, max_size=3),
    limit=st.integers(1, 5),
)
def test_a_sentence_copied_into_another_source_is_always_found_first(
    shared: str, before: list[str], after: list[str], limit: int
) -> None:
    """Identical word sets give identical MinHashes: LSH cannot miss a copy."""
    if len(sentences.words(shared)) < sentences.MIN_WORDS:
        return
    with (
        tempfile.TemporaryDirectory() as folder,
        make_project(Path(folder) / "p.rejoinder") as store,
    ):
        ours = add_text_source(store, f"Ours\n\n{shared}\n", "Ours")
        theirs = add_text_source(
            store, "\n\n".join(["Theirs", *before, shared, *after]) + "\n", "Theirs"
        )
        passage = passages.cite_quote(store, ours, shared)
        matches = similar_to_passage(store, passage, limit)
    assert 1 <= len(matches) <= limit
    assert all(m.source_id == theirs for m in matches)
    assert [m.score for m in matches] == sorted((m.score for m in matches), reverse=True)
    assert all(0.0 <= m.score <= 1.0 for m in matches)
    assert matches[0].score == 1.0
    assert shared in matches[0].text
