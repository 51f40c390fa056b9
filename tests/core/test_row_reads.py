"""The one-row reads views use after an edit agree with the list reads they stand in for.

A view that updates one item from :func:`sources.source_info` or
:func:`passages.passage_infos` must show what a full refill would have shown.
"""

from __future__ import annotations

from pathlib import Path

from app.core.services import passages, shared_answers, sources
from tests.core.factories import add_text_source, populated


def test_one_source_row_is_its_row_of_the_list(tmp_path: Path) -> None:
    store, source_id, _passage, _response = populated(tmp_path / "p.rejoinder")
    with store:
        other = add_text_source(store, "Another paper says something else entirely.", "Borealis")
        passages.cite_quote(store, other, "something else")
        listed = {info.id: info for info in sources.list_sources(store)}
        assert sources.source_info(store, source_id) == listed[source_id]
        assert sources.source_info(store, other) == listed[other]
        assert listed[source_id].answered == 1 and listed[other].answered == 0
        assert sources.source_exists(store, other)
        sources.remove_source(store, other)
        assert not sources.source_exists(store, other)
        assert sources.source_info(store, other) is None
        assert sources.source_info(store, "no-such-id") is None


def test_passage_rows_by_id_are_those_of_the_list(tmp_path: Path) -> None:
    store, source_id, passage_id, _response = populated(tmp_path / "p.rejoinder")
    with store:
        second = passages.cite_quote(store, source_id, "multi-stakeholder model")
        shared = passages.cite_quote(store, source_id, "engagement of all stakeholders")
        shared_answers.share_answer(store, shared, passage_id)
        listed = {info.id: info for info in passages.list_passages(store)}
        found = passages.passage_infos(store, [second, passage_id, shared, "gone", second])
        assert found == {pid: listed[pid] for pid in (second, passage_id, shared)}
        assert found[passage_id].response_text.startswith("We <b>disagree</b>")
        assert found[shared].response_id == found[passage_id].response_id
        assert found[second].response_text == "" and found[second].response_id is None
        assert passages.passage_source(store, second) == source_id
        passages.delete_passage(store, second)
        assert passages.passage_source(store, second) is None
        assert second not in passages.passage_infos(store, [second])
