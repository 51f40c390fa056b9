"""Similar passages and shared answers (issue 16) on a team server, as on a file."""

from __future__ import annotations

from pathlib import Path

from app.core.homes import open_home
from app.core.journal.replay import undo
from app.core.server.transfer import publish
from app.core.services import passages, responses, shared_answers, sources
from app.core.similar import ensure_index, similar_to_passage
from app.core.store import ProjectStore
from tests.core.factories import add_text_source, make_project
from tests.core.similar.test_similar import BELIEVE, EU, JAPAN, OTHER


def _source(store: ProjectStore, label: str) -> str:
    return next(s.id for s in sources.list_sources(store) if s.label == label)


def _published(tmp_path: Path, url: str) -> str:
    with make_project(tmp_path / "p.rejoinder") as store:
        add_text_source(store, EU, "European Union")
        add_text_source(store, JAPAN, "Japan")
        add_text_source(store, OTHER, "Norway")
    publish(tmp_path / "p.rejoinder", url)
    return url


def test_similar_passages_are_found_on_the_server(tmp_path: Path, pg_url: str) -> None:
    with open_home(_published(tmp_path, pg_url)) as server:
        assert ensure_index(server) == 3
        assert ensure_index(server) == 0
        eu, japan = _source(server, "European Union"), _source(server, "Japan")
        passage = passages.cite_quote(server, eu, BELIEVE)
        [match] = similar_to_passage(server, passage)
        assert match.source_id == japan and 0.5 <= match.score <= 1.0
        ours = passages.cite_quote(
            server,
            eu,
            "We refer to our comments above on the contribution from the European Union.",
        )
        theirs = passages.cite_quote(
            server, japan, "We refer to our comments above on the contribution from Japan."
        )
        response = responses.respond(server, theirs, "We <b>agree</b>.", status="proposed")
        [cited] = similar_to_passage(server, ours)
        assert (cited.passage_id, cited.response_id) == (theirs, response)
        assert (cited.response_status, cited.response_text) == ("proposed", "We agree.")


def test_one_answer_shared_edited_from_either_passage_and_undone_on_the_server(
    tmp_path: Path, pg_url: str
) -> None:
    with open_home(_published(tmp_path, pg_url)) as server:
        eu, japan = _source(server, "European Union"), _source(server, "Japan")
        first = passages.cite_quote(
            server,
            eu,
            "We refer to our comments above on the contribution from the European Union.",
        )
        second = passages.cite_quote(
            server, japan, "We refer to our comments above on the contribution from Japan."
        )
        shared = responses.respond(server, first, "We agree.", position="agree")
        own = responses.respond(server, second, "Our own answer.")
        assert shared_answers.share_answer(server, second, first) == shared
        # edited from the passage that shares it, with the version the editor read
        base = responses.response_version(server, second)
        saved = responses.save_response(
            server, second, "We agree entirely.", status="proposed", base_version=base
        )
        assert saved.response_id == shared
        assert responses.response_version(server, first) == saved.version
        both = {p.id: p for p in passages.list_passages(server)}
        assert both[first].response_text == both[second].response_text == "We agree entirely."
        assert both[first].response_status == both[second].response_status == "proposed"
        assert [g.owner_id for g in shared_answers.shared_groups(server)] == [first]
        undo(server)
        undo(server)
        back = {p.id: p for p in passages.list_passages(server)}
        assert (back[second].response_id, back[second].response_text) == (own, "Our own answer.")
        assert back[second].same_as_id is None
