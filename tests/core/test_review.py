"""The review workflow: one step forward, back only with a reason, history from notes."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.core.errors import InvalidInputError
from app.core.services import notes, passages, responses, review
from tests.core.factories import populated


def test_forward_one_step_at_a_time_and_back_with_a_reason(tmp_path: Path) -> None:
    store, _, _, response_id = populated(tmp_path / "p.rejoinder")
    with store:
        with pytest.raises(InvalidInputError, match="one step"):
            review.set_status(store, response_id, "agreed")
        assert review.set_status(store, response_id, "proposed")
        assert not review.set_status(store, response_id, "Proposed")
        assert review.set_status(store, response_id, "agreed")
        with pytest.raises(InvalidInputError, match="Say why"):
            review.set_status(store, response_id, "proposed", reason="  ")
        assert review.set_status(store, response_id, "draft", reason="The capital <objects> & more")
        with pytest.raises(InvalidInputError):
            review.set_status(store, response_id, "final")
        history = review.status_history(store, response_id)
        assert [(c.from_status, c.to_status) for c in history.changes] == [
            ("draft", "proposed"),
            ("proposed", "agreed"),
            ("agreed", "draft"),
        ]
        assert history.changes[-1].reason == "The capital <objects> & more"
        assert history.status == "draft" and history.since == history.changes[-1].at
        assert history.changes[0].author == history.changed_by != ""
        texts = [n.text for n in notes.list_notes(store, response_id)]
        assert (
            texts[-1]
            == "Status changed from agreed to draft: The capital &lt;objects&gt; &amp; more"
        )


def test_history_of_an_untouched_response(tmp_path: Path) -> None:
    store, _, _, response_id = populated(tmp_path / "p.rejoinder")
    with store:
        history = review.status_history(store, response_id)
        assert history.changes == () and history.status == "draft"


def test_filters_by_author_and_status(tmp_path: Path) -> None:
    store, source_id, _, response_id = populated(tmp_path / "p.rejoinder")
    with store:
        other = passages.cite_quote(store, source_id, "transparency")
        second = responses.respond(store, other, "We agree.")
        review.set_status(store, second, "proposed")
        assert {r.id for r in review.list_responses(store)} == {response_id, second}
        assert [r.id for r in review.list_responses(store, status="proposed")] == [second]
        mine = review.list_responses(store, author_id=store.member_id)
        assert len(mine) == 2 and mine[0].author and mine[0].source_label == "Arcadia"
        assert review.list_responses(store, author_id="nobody") == []
        members = review.list_members(store)
        assert [m.id for m in members] == [store.member_id]
