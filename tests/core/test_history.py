"""History: word-level diffs and restoring an earlier text without losing the current one."""

from __future__ import annotations

from pathlib import Path

from app.core import history
from app.core.history import Op, Segment
from app.core.services import responses
from tests.core.factories import populated


def test_word_diff_marks_whole_words() -> None:
    segments = history.diff_text("States should cooperate now.", "States must cooperate now!")
    assert segments == [
        Segment(Op.EQUAL, "States "),
        Segment(Op.DELETE, "should"),
        Segment(Op.INSERT, "must"),
        Segment(Op.EQUAL, " cooperate now"),
        Segment(Op.DELETE, "."),
        Segment(Op.INSERT, "!"),
    ]


def test_diff_reassembles_both_texts() -> None:
    old, new = "We agree, in part.\nSecond line", "We fully agree.\nSecond  line here"
    segments = history.diff_text(old, new)
    assert "".join(s.text for s in segments if s.op != Op.INSERT) == old
    assert "".join(s.text for s in segments if s.op != Op.DELETE) == new


def test_markup_diff_ignores_formatting_and_shows_footnotes() -> None:
    segments = history.diff_markup("We <b>agree</b>.", "We agree.<fn>Note</fn>")
    assert segments == [Segment(Op.EQUAL, "We agree."), Segment(Op.INSERT, "[1]")]


def test_versions_and_restore_keep_every_text(tmp_path: Path) -> None:
    store, _, passage_id, response_id = populated(tmp_path / "p.rejoinder")
    with store:
        first = responses.revisions(store, response_id)
        assert first == []
        responses.respond(store, passage_id, "Second text.")
        responses.respond(store, passage_id, "Third text.")
        listed = history.versions(store, response_id)
        assert [v.text for v in listed] == [
            "Third text.",
            "Second text.",
            "We <b>disagree</b>.<fn>See our paper.</fn>",
        ]
        assert listed[0].current and not listed[1].current and listed[2].author
        oldest = listed[2].revision_id
        assert oldest is not None
        assert history.restore_revision(store, oldest[:12]) == response_id
        after = history.versions(store, response_id)
        assert after[0].text == "We <b>disagree</b>.<fn>See our paper.</fn>"
        assert "Third text." in [v.text for v in after[1:]]
        assert len(after) == 4
